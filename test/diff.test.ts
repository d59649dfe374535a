// `zige diff`: two versions of one occupation (test/fixtures/diff/old, new) and a population whose
// flips are listed here by hand: 5/1 from 2 to 1 year, 4/1 from 4 to 3 years after 五级, 4/2
// (6 years) removed. As of 2026-11-28, all with 初中 unless said:
//   line 1: 1.5 years of work            五级 ineligible → eligible   (5/1)
//   line 2: 7 years of work              四级 eligible → ineligible   (4/2)
//   line 3: 五级 3.5 years ago, working since  四级 ineligible → eligible (4/1)
//   line 4: 1.5 years, no education key  五级 ineligible → unknown    (5/1)
//   line 5: not JSON                     skipped
//   line 6: 10 years and an apprenticeship 四级 eligible → ineligible (4/2)
//   line 7: 11 months of work            no flip
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scratch } from './helpers.js';
import { zige } from './in-process.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'diff');

const EXPECTED_FLIPS = [
  { line: 1, level: 5, from: 'ineligible', to: 'eligible', clause: '5/1' },
  { line: 2, level: 4, from: 'eligible', to: 'ineligible', clause: '4/2' },
  { line: 3, level: 4, from: 'ineligible', to: 'eligible', clause: '4/1' },
  { line: 4, level: 5, from: 'ineligible', to: 'unknown', clause: '5/1' },
  { line: 6, level: 4, from: 'eligible', to: 'ineligible', clause: '4/2' },
];

const EXPECTED_COUNTS = [
  { level: 5, from: 'ineligible', to: 'eligible', count: 1, clauses: { '5/1': 1 } },
  { level: 5, from: 'ineligible', to: 'unknown', count: 1, clauses: { '5/1': 1 } },
  { level: 4, from: 'eligible', to: 'ineligible', count: 2, clauses: { '4/2': 2 } },
  { level: 4, from: 'ineligible', to: 'eligible', count: 1, clauses: { '4/1': 1 } },
];

interface Report {
  occupations: { clauses: { ref: string; change: string; meaning: string[] }[]; flips: unknown[]; witnesses?: { flips: { level: number; from: string; to: string; clause: string }[] }[] }[];
  population?: { profiles: number; skipped: number; flipped: number; errors: { line: number; code: string }[] };
}

function flipsIn(file: string): unknown[] {
  return readFileSync(file, 'utf8').trim().split('\n').map((l) => {
    const { line, level, from, to, clause } = JSON.parse(l) as Record<string, unknown>;
    return { line, level, from, to, clause };
  });
}

describe('zige diff', () => {
  it('lists clause changes with their meaning, and the flips of a JSON lines population', async () => {
    const out = join(scratch('diff'), 'flips.jsonl');
    const r = await zige(['diff', join(FIXTURE, 'old'), join(FIXTURE, 'new'), '--population', join(FIXTURE, 'population.jsonl'), '--as-of', '2026-11-28', '--flipped', out, '--format', 'json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as Report;
    const [occ] = report.occupations;
    expect(occ.clauses.map((c) => [c.ref, c.change, c.meaning])).toEqual([
      ['5/1', 'changed', ['从业年限 experience 2 年 → 1 年']],
      ['4/1', 'changed', ['取得五级证书后从业年限 experience after the certificate 4 年 → 3 年']],
      ['4/2', 'removed', ['删除 removed']],
    ]);
    expect(occ.flips).toEqual(EXPECTED_COUNTS);
    expect(report.population).toMatchObject({ profiles: 6, skipped: 1, flipped: 5, errors: [{ line: 5, code: 'E_PROFILE_PARSE' }] });
    expect(flipsIn(out)).toEqual(EXPECTED_FLIPS);
  });

  it('reads a CSV population through the batch reader, numbering records by line', async () => {
    const dir = scratch('diff-csv');
    const rows = readFileSync(join(FIXTURE, 'population.jsonl'), 'utf8').trim().split('\n');
    writeFileSync(join(dir, 'people.csv'), `name,profile\n${rows.map((p, i) => `p${i + 1},"${p.replace(/"/g, '""')}"`).join('\n')}\n`);
    const r = await zige(['diff', join(FIXTURE, 'old', 'sample.yaml'), join(FIXTURE, 'new', 'sample.yaml'), '--population', join(dir, 'people.csv'), '--as-of', '2026-11-28']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('6 profiles judged, 1 skipped, 5 flipped');
    expect(r.stdout).toMatch(/从业 本职业 >= 2年 +│ 从业 本职业 >= 1年\n/); // old and new side by side
    // CSV line numbers: the header is line 1.
    expect(flipsIn(join(dir, 'people.flips.jsonl'))).toEqual(EXPECTED_FLIPS.map((f) => ({ ...f, line: f.line + 1 })));
  });

  it('without a population: witness profiles that flip, one per changed clause', async () => {
    const r = await zige(['diff', join(FIXTURE, 'old'), join(FIXTURE, 'new'), '--format', 'json']);
    const report = JSON.parse(r.stdout) as Report;
    const flips = report.occupations[0].witnesses!.flatMap((w) => w.flips.map((f) => `${f.level} ${f.from}→${f.to} ${f.clause}`));
    expect(flips).toEqual(['5 ineligible→eligible 5/1', '4 ineligible→eligible 4/1', '4 eligible→ineligible 4/2']);
  });

  it('git:REV reads a revision without a checkout; outside a repository, a clear error', async () => {
    const repo = scratch('diff-git');
    cpSync(join(FIXTURE, 'old'), join(repo, 'rules'), { recursive: true });
    const git = (...args: string[]): string => execFileSync('git', ['-c', 'user.email=t@t', '-c', 'user.name=t', ...args], { cwd: repo }).toString();
    git('init', '-q');
    git('add', '.');
    git('commit', '-qm', 'old');
    cpSync(join(FIXTURE, 'new', 'sample.yaml'), join(repo, 'rules', 'sample.yaml'));
    const r = await zige(['diff', 'git:HEAD', 'rules', '--format', 'json'], { cwd: repo });
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as Report).occupations[0].clauses.map((c) => c.ref)).toEqual(['5/1', '4/1', '4/2']);
    const away = mkdtempSync(join(tmpdir(), 'zige-no-git-')); // outside every repository (scratch is inside this one)
    const outside = await zige(['diff', 'git:HEAD', join(FIXTURE, 'new')], { cwd: away });
    rmSync(away, { recursive: true });
    expect(outside.code).toBe(1);
    expect(outside.stderr).toContain('E_GIT_REPO');
    expect(outside.stderr).toContain('cannot read git revision HEAD');
  });

  it('bad usage and bad input', async () => {
    expect((await zige(['diff', join(FIXTURE, 'old')])).code).toBe(2);
    expect((await zige(['diff', join(FIXTURE, 'old'), join(FIXTURE, 'new'), '--flipped', 'x.jsonl'])).code).toBe(2);
    const missing = await zige(['diff', join(FIXTURE, 'old'), join(FIXTURE, 'nothing-here')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('E_DIFF_INPUT');
  });
});
