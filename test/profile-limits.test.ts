// The 5 MB profile limit of `zige eval` holds while reading: an endless stdin or a huge (sparse)
// file is refused at the limit, quickly, not read whole first; exactly 5 MB is still accepted.
import { spawn } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PROFILE_BYTES } from '../compiler/profile/load-profile.js';
import { FileTooLargeError, readBounded } from '../compiler/load/read-bounded.js';
import { BIN, ROOT, scratch } from './helpers.js';
import { zige } from './in-process.js';

interface Exit {
  code: number | null;
  stderr: string;
  ms: number;
}

/** The built CLI with stdin fed `chunk` again and again until the process stops reading. */
function evalEndlessStdin(chunk: Buffer): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN, 'eval', '-', '--lang', 'en'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    let open = true;
    child.stdin.on('error', () => (open = false)); // EPIPE once the process has stopped reading
    const feed = (): void => {
      while (open && child.stdin.write(chunk));
      if (open) child.stdin.once('drain', feed);
    };
    feed();
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000); // bounded, whatever happens
    child.on('error', reject);
    child.on('close', (code) => {
      open = false;
      clearTimeout(timer);
      resolve({ code, stderr, ms: Date.now() - t0 });
    });
  });
}

function evalFile(path: string): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN, 'eval', path, '--lang', 'en'], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr, ms: Date.now() - t0 });
    });
  });
}

/** The built CLI in this process. */
const evalInProcess = (args: string[]): ReturnType<typeof zige> => zige(args);

/** A valid profile of exactly `size` bytes (blanks after the object). */
const profileOfSize = (size: number): string => {
  const body = '{"work": []}';
  return body + ' '.repeat(size - body.length);
};

describe('the profile size limit of zige eval', () => {
  it('an endless stdin (yes "{" | zige eval -) is refused at the limit within 5 s', async () => {
    const r = await evalEndlessStdin(Buffer.from('{\n'.repeat(32 * 1024)));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_PROFILE_TOO_LARGE] at (root)');
    expect(r.stderr).toContain(`limit ${MAX_PROFILE_BYTES} bytes`);
    expect(r.ms).toBeLessThan(5000);
  }, 30_000);

  it('a sparse 3 GB file is refused from its size, unread, within 5 s', async () => {
    const path = join(scratch('limits'), 'sparse.json');
    writeFileSync(path, '');
    truncateSync(path, 3 * 1024 ** 3);
    const r = await evalFile(path);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_PROFILE_TOO_LARGE] at (root)');
    expect(r.stderr).toContain(`(${3 * 1024 ** 3} bytes, limit ${MAX_PROFILE_BYTES} bytes)`);
    expect(r.stderr).not.toContain('E_READ');
    expect(r.ms).toBeLessThan(5000);
  }, 30_000);

  it('accepts a profile of exactly 5 MB and refuses one byte more', async () => {
    const dir = scratch('limits');
    const exact = join(dir, 'exact.json');
    const over = join(dir, 'over.json');
    writeFileSync(exact, profileOfSize(MAX_PROFILE_BYTES));
    writeFileSync(over, profileOfSize(MAX_PROFILE_BYTES + 1));
    const common = ['--occupation', '互联网营销师', '--as-of', '2026-11-28', '--json'];
    const ok = await evalInProcess(['eval', exact, ...common]);
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).results.length).toBeGreaterThan(0);
    const refused = await evalInProcess(['eval', over, ...common, '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`error[E_PROFILE_TOO_LARGE] at (root): applicant profile file too large (${MAX_PROFILE_BYTES + 1} bytes`);
  });

  it('readBounded reads up to the limit and stops one byte past it', () => {
    const dir = scratch('limits');
    const path = join(dir, 'ten.txt');
    writeFileSync(path, '0123456789');
    expect(readBounded(path, 10).toString()).toBe('0123456789');
    expect(() => readBounded(path, 9)).toThrow(new FileTooLargeError(path, 10, 9));
    writeFileSync(path, '');
    expect(readBounded(path, 10).length).toBe(0);
  });
});
