// Nothing is lost: `zige compile --out DIR` replaces DIR atomically. A compile of a large rule
// set killed (SIGKILL) at random moments — while checking, while writing the temporary directory,
// during the swap — leaves DIR either the complete previous output or the complete new one; if the
// kill lands between the two renames of the swap, the previous output is whole beside it and the
// next compile (recoverOutput) puts it back. A compile that fails leaves DIR untouched.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { recoverOutput, writeOutput } from '../compiler/compile.js';
import { BIN, ROOT, ruleFile, rulesDir, scratch } from './helpers.js';

const COPIES = 150;

/** A rule set of COPIES occupations; `variant` changes every generated module. */
function ruleSet(variant: number, broken = false): string {
  const files: Record<string, string> = {};
  for (let i = 0; i < COPIES; i++) {
    const id = `occ-${String(i).padStart(3, '0')}`;
    const when = broken && i === COPIES - 1 ? '学徒期满 本职业或相关职业 或 从业 >= 四级' : `学徒期满 本职业或相关职业 或 从业 >= ${(i % 7) + variant}年`;
    files[`${id}.yaml`] = ruleFile({
      id,
      name: `样例职业${i}`,
      conditions: `  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 本职业或相关职业学徒期满。
        when: ${when}`,
    });
  }
  return rulesDir(files);
}

type Snapshot = Map<string, string>;

function snapshot(dir: string): Snapshot {
  return new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

function same(a: Snapshot, b: Snapshot): boolean {
  return a.size === b.size && [...a].every(([f, c]) => b.get(f) === c);
}

interface Killed {
  code: number | null;
  signal: NodeJS.Signals | null;
  pid: number;
}

/**
 * Starts `zige compile rules --out out` and kills it: after `delay` ms, or `delay` ms after a
 * sibling of `out` whose name contains `trigger` appears (the temporary or the old directory).
 */
function compileAndKill(rules: string, out: string, delay: number, trigger?: 'tmp' | 'old'): Promise<Killed> {
  return new Promise((resolve) => {
    const parent = join(out, '..');
    const child = spawn(process.execPath, [BIN, 'compile', rules, '--out', out], { cwd: ROOT, stdio: 'ignore' });
    const kill = (): void => {
      setTimeout(() => child.kill('SIGKILL'), delay);
    };
    const watcher = trigger
      ? watch(parent, (_, name) => {
          if (name && name.includes(`.${trigger}-`)) {
            watcher?.close();
            kill();
          }
        })
      : undefined;
    if (!trigger) kill();
    child.on('exit', (code, signal) => {
      watcher?.close();
      resolve({ code, signal, pid: child.pid! });
    });
  });
}

function compile(rules: string, out: string): Promise<number | null> {
  return new Promise((resolve) => {
    spawn(process.execPath, [BIN, 'compile', rules, '--out', out], { cwd: ROOT, stdio: 'ignore' }).on('exit', (code) => resolve(code));
  });
}

describe('zige compile, killed at any moment, loses nothing', () => {
  it('leaves the previous or the new output complete, or the previous one recoverable', async () => {
    const variants = [ruleSet(0), ruleSet(1)];
    // The complete output of each variant, for reference.
    const reference = join(scratch('reference'), 'gen');
    expect(await compile(variants[1], reference)).toBe(0);
    const parent = scratch('killed');
    const out = join(parent, 'gen');
    const t0 = Date.now();
    expect(await compile(variants[0], out)).toBe(0);
    const full = Date.now() - t0;
    const outputs = [snapshot(out), snapshot(reference)];
    expect(outputs[0].size).toBe(COPIES + 1);
    expect(same(outputs[0], outputs[1])).toBe(false);

    // Kill points: two at random moments of a whole run, one while the temporary directory is
    // being written, one as the swap starts.
    const plans: { delay: number; trigger?: 'tmp' | 'old' }[] = [
      { delay: Math.floor(Math.random() * full) },
      { delay: Math.floor(full * (0.6 + Math.random() * 0.5)) },
      { delay: Math.floor(Math.random() * 15), trigger: 'tmp' },
      { delay: 0, trigger: 'old' },
    ];
    let current = 0; // the variant whose output `out` holds
    const outcomes: string[] = [];
    for (const plan of plans) {
      const next = 1 - current;
      const r = await compileAndKill(variants[next], out, plan.delay, plan.trigger);
      if (existsSync(out)) {
        const now = snapshot(out);
        // Never anything but one of the two complete outputs: the previous, or the new one if
        // the kill came after the swap (or the compile finished first).
        expect(same(now, outputs[current]) || same(now, outputs[next])).toBe(true);
        if (same(now, outputs[next])) current = next;
        outcomes.push(r.code === 0 ? 'finished' : current === next ? 'killed after the swap' : 'killed, previous intact');
      } else {
        // Killed between the two renames of the swap: the previous output is whole beside it.
        expect(r.signal).toBe('SIGKILL');
        const old = join(parent, `.gen.old-${r.pid}`);
        expect(same(snapshot(old), outputs[current])).toBe(true);
        outcomes.push('killed in the swap, previous recoverable');
      }
      // What the next compile does first: put back or clean up whatever the kill left.
      recoverOutput(out);
      expect(readdirSync(parent)).toEqual(['gen']);
      expect(same(snapshot(out), outputs[current])).toBe(true);
    }
    expect(outcomes).toHaveLength(plans.length);
    // A complete compile afterwards gives exactly its output, and nothing else is left.
    const last = 1 - current;
    expect(await compile(variants[last], out)).toBe(0);
    expect(readdirSync(parent)).toEqual(['gen']);
    expect(same(snapshot(out), outputs[last])).toBe(true);
  }, 90_000);

  it('a compile that fails (one rule of 150 has an error) leaves the previous output untouched', async () => {
    const parent = scratch('failing');
    const out = join(parent, 'gen');
    writeOutput(out, [
      { path: 'occ-000.ts', content: '// previous' },
      { path: 'index.ts', content: '// previous index' },
    ]);
    const before = snapshot(out);
    expect(await compile(ruleSet(1, true), out)).toBe(1);
    expect(same(snapshot(out), before)).toBe(true);
    expect(readdirSync(parent)).toEqual(['gen']);
  }, 60_000);

  it('puts back the previous output left beside a missing one, and cleans half-written ones', () => {
    const parent = scratch('recover');
    const out = join(parent, 'gen');
    writeOutput(out, [
      { path: 'a.ts', content: 'previous a' },
      { path: 'index.ts', content: 'previous index' },
    ]);
    // As left by a compile killed between the renames (pid 4194305 is above Linux's pid_max, so
    // never running), plus a half-written temporary directory and a half-deleted trash.
    const dead = 4194305;
    renameSync(out, join(parent, `.gen.old-${dead}`));
    mkdirSync(join(parent, `.gen.tmp-${dead}`));
    writeFileSync(join(parent, `.gen.tmp-${dead}`, 'a.ts'), 'half');
    mkdirSync(join(parent, `.gen.trash-${dead}`));
    mkdirSync(join(parent, '.other.old-1'));
    recoverOutput(out);
    expect(readdirSync(parent).sort()).toEqual(['.other.old-1', 'gen']);
    expect(snapshot(out)).toEqual(new Map([['a.ts', 'previous a'], ['index.ts', 'previous index']]));

    // writeOutput recovers first, then replaces: a leftover .old beside a complete output goes.
    renameSync(out, join(parent, `.gen.old-${dead}`));
    writeOutput(out, [{ path: 'b.ts', content: 'new' }]);
    expect(readdirSync(parent).sort()).toEqual(['.other.old-1', 'gen']);
    expect(snapshot(out)).toEqual(new Map([['b.ts', 'new']]));
  });

  it('never writes outside the output directory', () => {
    const out = join(scratch('escape'), 'gen');
    for (const path of ['../x.ts', 'sub/x.ts', '.hidden.ts', '']) {
      expect(() => writeOutput(out, [{ path, content: '' }])).toThrow(/refusing/);
    }
    expect(existsSync(out)).toBe(false);
  });
});
