// `zige check --watch`: a first report, then another after each save, until killed.
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPRENTICESHIP_LEVEL_5, BIN, ROOT, ruleFile, rulesDir } from './helpers.js';

const GOOD = ruleFile({
  conditions: APPRENTICESHIP_LEVEL_5,
});

describe('zige check --watch', () => {
  it('re-checks when a rule file is saved, and runs until killed', async () => {
    const dir = rulesDir({ 'sample.yaml': GOOD });
    const child = spawn(process.execPath, [BIN, 'check', '--watch', dir], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const until = async (what: string, ok: () => boolean): Promise<void> => {
      const deadline = Date.now() + 20_000;
      while (!ok()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\nstdout: ${stdout}\nstderr: ${stderr}`);
        if (child.exitCode !== null) throw new Error(`zige exited (${child.exitCode}) while waiting for ${what}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      // first report: clean
      await until('the first report', () => stderr.includes('watching for changes'));
      expect(stdout).toContain('✓ 1 个规则文件');
      expect(stdout).not.toContain('\x1b[2J'); // not a terminal: the screen is not cleared

      // save a typo: the second report names it
      writeFileSync(join(dir, 'sample.yaml'), readFileSync(join(dir, 'sample.yaml'), 'utf8').replace('学徒期满 本职业或相关职业', '学徒期满 本职业或相关职业 且 持有 五纪'));
      await until('the second report', () => stderr.includes('E_UNKNOWN_LEVEL'));
      expect(stderr).toMatch(/sample\.yaml:15:\d+: error\[E_UNKNOWN_LEVEL\]/);

      // fix it: a third, clean report
      writeFileSync(join(dir, 'sample.yaml'), GOOD);
      await until('the third report', () => (stdout.match(/✓ 1 个规则文件/g) ?? []).length === 2);
      expect(child.exitCode).toBeNull(); // still running
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
  }, 60_000);
});
