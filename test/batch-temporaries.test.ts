// A batch killed with SIGKILL cannot remove its temporary output file (`.OUT.tmp-PID`); the next
// run with the same --out removes it once its process is gone and nothing has written it for a
// minute, and says so, naming the file. Only exact `.OUT.tmp-PID` names beside the output go.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { BIN, ROOT, scratch } from './helpers.js';

const OCC = ['--occupation', '互联网营销师', '--as-of', '2026-11-28'];
const LINE = '{"education": []}\n';

async function zige(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(args, { out: () => {}, err: (x) => void (stderr += `${x}\n`), readFile: (p) => readFileSync(p, 'utf8'), isTTY: false, errIsTTY: false });
  return { code, stderr };
}

it('removes the temporary file of a run killed with SIGKILL on the next run with the same --out, naming it', async () => {
  const dir = scratch('batch-kill');
  const out = join(dir, 'out.jsonl');
  // A real run, killed while its input (a pipe left open) is still coming: its temporary file stays.
  const child = spawn(process.execPath, [BIN, 'eval', '--batch', '-', ...OCC, '--jobs', '1', '--out', out], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
  const closed = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  child.stdin.write(LINE.repeat(20));
  const left = join(dir, `.out.jsonl.tmp-${child.pid}`);
  for (let t = 0; !(existsSync(left) && statSync(left).size > 0); t++) {
    if (t > 600) throw new Error('the run wrote no temporary file');
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  expect(await closed).toBe('SIGKILL');
  expect(existsSync(left)).toBe(true);

  // Beside it: a temporary of a live process, names that are not exactly `.out.jsonl.tmp-PID`,
  // and another output's temporary; all old.
  const kept = [`.out.jsonl.tmp-${process.ppid}`, `.out.jsonl.tmp-${child.pid}x`, `.out.jsonl.tmp-0${child.pid}`, `out.jsonl.tmp-${child.pid}`, `.other.jsonl.tmp-${child.pid}`];
  const old = new Date(Date.now() - 5 * 60_000);
  for (const name of kept) {
    writeFileSync(join(dir, name), 'x');
    utimesSync(join(dir, name), old, old);
  }
  const input = join(dir, 'in.jsonl');
  writeFileSync(input, LINE);

  // Written a moment ago, it might be a run in another container with the same process number: kept.
  const fresh = await zige(['eval', '--batch', input, ...OCC, '--out', out, '--lang', 'en']);
  expect(fresh.code, fresh.stderr).toBe(0);
  expect(existsSync(left)).toBe(true);
  expect(fresh.stderr).not.toContain('removed');

  utimesSync(left, old, old);
  const r = await zige(['eval', '--batch', input, ...OCC, '--out', out, '--lang', 'en']);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stderr).toContain(`removed ${relative(process.cwd(), left)}, left by an interrupted run (process ${child.pid}, gone)`);
  expect(readdirSync(dir).sort()).toEqual([...kept, 'in.jsonl', 'out.jsonl'].sort());
  expect(readFileSync(out, 'utf8')).toMatch(/^\{"line":1,"warnings":\[\],"results":/);
});
