// `zige analyze`: each finding kind on a small rule file that has it and one that does not; every
// witness re-evaluated by the reference interpreter (test/oracle) to prove it shows the finding;
// acceptances, stale acceptances, formats, exit codes and --emit-tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRules, type Finding, type FindingKind } from '../analysis/index.js';
import { loadOracleVocabulary, Oracle } from './oracle/interpreter.js';
import { sketchDir, type Sketch } from './analysis-fixtures.js';
import { check } from './helpers.js';
import { zige } from './in-process.js';

const vocabulary = loadOracleVocabulary();

function analyze(s: Sketch): { findings: Finding[]; dir: string } {
  const dir = sketchDir({ 'sample.yaml': s });
  const { rules, sink } = check(dir);
  if (!rules || sink.hasErrors) throw new Error(JSON.stringify(sink.items.slice(0, 2)));
  const { findings } = analyzeRules(rules);
  // Every witness, judged by the reference interpreter, shows what the finding says it shows.
  const oracle = new Oracle(rules.occupations[0], vocabulary);
  for (const f of findings) {
    if (!f.witness) continue;
    const levels = oracle.evaluate(f.witness.profile, f.witness.asOf);
    for (const s of f.witness.shows) {
      const [ref, status] = s.split(' ');
      const [level, id] = ref.split('/');
      const l = levels.find((x) => String(x.level) === level)!;
      expect(id ? l.clauses.find((c) => c.id === `sample/${ref}`)?.status : l.status, `${f.kind} witness ${s}`).toBe(status);
    }
  }
  return { findings, dir };
}

const kinds = (fs: Finding[]): FindingKind[] => fs.map((f) => f.kind);

// Each kind: a sketch that has it, one that does not, and what the finding must show.
const CASES: { kind: FindingKind; has: Sketch; hasNot: Sketch; shows?: string[] }[] = [
  {
    kind: 'implied',
    has: { clauses: { 5: ['从业 本职业 >= 4年', '从业 本职业或相关职业 >= 3年'] } },
    hasNot: { clauses: { 5: ['从业 本职业 >= 2年', '从业 本职业或相关职业 >= 3年'] } },
    shows: ['5/1 met', '5/2 met'],
  },
  {
    kind: 'equivalent',
    has: { clauses: { 5: ['培训 本职业 五级 结业 且 从业 本职业 >= 1年', '从业 本职业 >= 365天 且 培训 本职业 五级 结业'] } },
    hasNot: { clauses: { 5: ['培训 本职业 五级 结业 且 从业 本职业 >= 1年', '从业 本职业 >= 366天 且 培训 本职业 五级 结业'] } },
  },
  {
    kind: 'unsatisfiable',
    has: { clauses: { 5: ['从业 本职业 >= 5年 且 从业 本职业或相关职业 < 3年'] } },
    hasNot: { clauses: { 5: ['从业 本职业 >= 2年 且 从业 本职业或相关职业 < 3年'] } },
  },
  {
    kind: 'requirement-dead',
    has: { requirement: '毕业 高中', clauses: { 5: ['从业 本职业 >= 1年 且 非 毕业 高中'] } },
    hasNot: { requirement: '毕业 高中', clauses: { 5: ['从业 本职业 >= 1年 且 非 毕业 本科'] } },
  },
  {
    kind: 'requirement-only',
    has: { requirement: '毕业 高中', clauses: { 5: ['毕业 技工学校 且 非 毕业 高中'] } },
    hasNot: { requirement: '毕业 高中', clauses: { 5: ['毕业 技工学校 且 非 毕业 本科'] } },
    shows: ['5/1 met'],
  },
  {
    kind: 'ladder-gap',
    has: { clauses: { 5: ['从业 本职业 >= 1年'], 4: ['持有 本职业 五级 且 培训 本职业 四级 结业'] } },
    hasNot: { clauses: { 5: ['从业 本职业 >= 1年'], 4: ['取得 本职业 五级 后 从业 本职业 >= 3年'] } },
    shows: ['4 ineligible'],
  },
  {
    kind: 'unoffered-route',
    has: { clauses: { 4: ['从业 本职业 >= 4年'], 3: ['取得 相关职业 五级 后 从业 本职业或相关职业 >= 6年'] } },
    hasNot: { clauses: { 4: ['从业 本职业 >= 4年'], 3: ['取得 相关职业 四级 后 从业 本职业或相关职业 >= 3年'] } },
    shows: ['3/1 met'],
  },
  {
    kind: 'backwards',
    has: { clauses: { 4: ['从业 本职业 >= 4年'], 3: ['从业 本职业 >= 3年'] } },
    hasNot: { clauses: { 4: ['从业 本职业 >= 4年'], 3: ['从业 本职业 >= 6年'] } },
    shows: ['4/1 met', '3/1 met'],
  },
];

describe('zige analyze: each finding kind', () => {
  for (const c of CASES) {
    it(`${c.kind}: found where it is, not where it is not`, () => {
      const found = analyze(c.has).findings.filter((f) => f.kind === c.kind);
      expect(found).toHaveLength(1);
      if (c.shows) expect(found[0].witness?.shows).toEqual(c.shows);
      expect(kinds(analyze(c.hasNot).findings)).not.toContain(c.kind);
    });
  }

  it('names the contradicting atoms as written', () => {
    const [f] = analyze(CASES[2].has).findings;
    expect(f.atoms).toEqual([['从业 本职业 >= 5年', '从业 本职业或相关职业 < 3年']]);
  });

  it('states the axioms of an implication', () => {
    const [f] = analyze(CASES[0].has).findings;
    expect(f.axioms).toEqual(['scope-inclusion', 'three-values', 'threshold']);
  });
});

describe('zige analyze: acceptances, formats, exit codes', () => {
  const accepted = (reason: string): Sketch => ({ ...CASES[0].has, extra: { '5/1': `analysis: {accepted: implied, reason: "${reason}"}` } });

  it('exits 1 on an unaccepted warning, 0 once it is accepted, and warns of a stale acceptance', async () => {
    const open = sketchDir({ 'sample.yaml': CASES[0].has });
    expect((await zige(['analyze', open])).code).toBe(1);
    const ok = sketchDir({ 'sample.yaml': accepted('来源原文“样例条款。”两条并存') });
    const r = await zige(['analyze', ok]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 accepted');
    const stale = sketchDir({ 'sample.yaml': { ...CASES[0].hasNot, extra: { '5/1': 'analysis: {accepted: implied, reason: "来源原文“样例条款。”两条并存"}' } } });
    const s = await zige(['analyze', stale]);
    expect(s.code).toBe(0);
    expect(s.stdout).toContain('W_ANALYSIS_STALE');
  });

  it('information never fails; json and github formats', async () => {
    const dir = sketchDir({ 'sample.yaml': CASES[7].has });
    const json = await zige(['analyze', dir, '--format', 'json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { findings: { code: string; severity: string }[]; summary: { info: number } };
    expect(doc.findings.map((f) => [f.code, f.severity])).toEqual([['A_BACKWARDS', 'info']]);
    const gh = await zige(['analyze', dir, '--format', 'github']);
    expect(gh.stdout).toMatch(/^::notice file=.*sample\.yaml,line=\d+,title=A_BACKWARDS::/);
  });

  it('work types limited to levels not offered: refused by the check stage (E_WORKTYPE_LEVEL)', async () => {
    const dir = sketchDir({ 'sample.yaml': { levels: [4, 3], workTypes: [{ name: '甲工种', levels: [5, 4] }], clauses: { 4: ['从业 本职业 >= 4年'], 3: ['从业 本职业 >= 5年'] } } });
    const r = await zige(['analyze', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_WORKTYPE_LEVEL');
  });

  it('refuses an acceptance without a reason (schema)', async () => {
    const dir = sketchDir({ 'sample.yaml': { ...CASES[0].has, extra: { '5/1': 'analysis: {accepted: implied}' } } });
    const r = await zige(['analyze', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('reason');
  });

  it('--emit-tests writes each witness as a reviewed: false case that zige test passes', async () => {
    const dir = sketchDir({ 'sample.yaml': CASES[0].has });
    expect((await zige(['analyze', dir, '--emit-tests'])).code).toBe(1);
    const text = readFileSync(join(dir, 'sample.yaml'), 'utf8');
    expect(text).toContain('"reviewed":false');
    expect((await zige(['test', dir])).code).toBe(0);
    await zige(['analyze', dir, '--emit-tests']);
    expect(readFileSync(join(dir, 'sample.yaml'), 'utf8')).toBe(text); // not written twice
  });

  it('the bundled rules: every finding accepted, exit 0', async () => {
    const r = await zige(['analyze', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { summary: { accepted: number; stale: number; errors: number; warnings: number } };
    expect(doc.summary).toMatchObject({ accepted: 4, stale: 0, errors: 0, warnings: 0 });
  });
});
