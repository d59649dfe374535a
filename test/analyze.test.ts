// `zige analyze`: each finding kind on a small rule file that has it and one that does not; every
// witness re-evaluated by the reference interpreter (test/oracle) to prove it shows the finding;
// acceptances, stale acceptances, formats, exit codes and --emit-tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeRules, RefusedConstruct, type Finding, type FindingKind } from '../analysis/index.js';
import { dnf } from '../analysis/normal-form.js';
import { loadOracleVocabulary, Oracle } from './oracle/interpreter.js';
import { sketchDir, type Sketch } from './analysis-fixtures.js';
import { check } from './helpers.js';
import { zige } from './in-process.js';

const vocabulary = loadOracleVocabulary();

/** Analyses sketches together (one check, one analysis), each under its own id; every witness judged by the reference interpreter. */
function analyzeAll(sketches: Record<string, Sketch>): Map<string, Finding[]> {
  const files = Object.fromEntries(Object.entries(sketches).map(([id, s]) => [`${id}.yaml`, { ...s, id, name: `样例职业${id}` }]));
  const { rules, sink } = check(sketchDir(files));
  if (!rules || sink.hasErrors) throw new Error(JSON.stringify(sink.items.slice(0, 2)));
  const { findings } = analyzeRules(rules);
  for (const f of findings) {
    if (!f.witness) continue;
    const occ = rules.occupations.find((o) => o.id === f.occupation)!;
    const levels = new Oracle(occ, vocabulary).evaluate(f.witness.profile, f.witness.asOf);
    for (const s of f.witness.shows) {
      const [ref, status] = s.split(' ');
      const [level, id] = ref.split('/');
      const l = levels.find((x) => String(x.level) === level)!;
      expect(id ? l.clauses.find((c) => c.id === `${occ.id}/${ref}`)?.status : l.status, `${f.kind} witness ${s}`).toBe(status);
    }
  }
  return new Map(Object.keys(sketches).map((id) => [id, findings.filter((f) => f.occupation === id)]));
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
  const ids = CASES.map((c) => c.kind.replace(/-/g, ''));
  const has = analyzeAll(Object.fromEntries(CASES.map((c, i) => [ids[i], c.has])));
  const hasNot = analyzeAll(Object.fromEntries(CASES.map((c, i) => [ids[i], c.hasNot])));

  CASES.forEach((c, i) => {
    it(`${c.kind}: found where it is, not where it is not`, () => {
      const found = has.get(ids[i])!.filter((f) => f.kind === c.kind);
      expect(found).toHaveLength(1);
      if (c.shows) expect(found[0].witness?.shows).toEqual(c.shows);
      expect(kinds(hasNot.get(ids[i])!)).not.toContain(c.kind);
    });
  });

  it('names the contradicting atoms as written', () => {
    const [f] = has.get('unsatisfiable')!;
    expect(f.atoms).toEqual([['从业 本职业 >= 5年', '从业 本职业或相关职业 < 3年']]);
  });

  it('refuses a construct it does not know by name, never skipping it', () => {
    const plan = { op: 'and', items: [{ op: 'flag', name: '拟从事本职业或相关职业工作' }, { op: 'residencePermit', city: '贵阳' }] };
    expect(() => dnf(plan as never)).toThrow(RefusedConstruct);
    expect(() => dnf(plan as never)).toThrow('construct residencePermit is not analysed');
  });

  it('states the axioms of an implication', () => {
    const [f] = has.get('implied')!;
    expect(f.axioms).toEqual(['scope-inclusion', 'three-values', 'threshold']);
  });
});

describe('zige analyze: acceptances, formats, exit codes', () => {
  it('exits 0 once the finding is accepted, and warns of an acceptance that matches no finding', async () => {
    const reason = 'analysis: {accepted: implied, reason: "来源原文“样例条款。”两条并存"}';
    const dir = sketchDir({ 'a.yaml': { ...CASES[0].has, id: 'a', name: '甲', extra: { '5/1': reason } }, 'b.yaml': { ...CASES[0].hasNot, id: 'b', name: '乙', extra: { '5/1': reason } } });
    const r = await zige(['analyze', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 accepted');
    expect(r.stdout).toMatch(/b\.yaml: warning\[W_ANALYSIS_STALE\]/);
    expect(r.stdout).not.toContain('W_ANALYSIS_REASON'); // “样例条款。” is the clauses' source sentence
  });

  it('warns of a reason that cites neither the source sentence nor a note', async () => {
    const dir = sketchDir({ 'a.yaml': { ...CASES[0].has, extra: { '5/1': 'analysis: {accepted: implied, reason: "政策人员确认这样写没有问题"}' } } });
    const r = await zige(['analyze', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('W_ANALYSIS_REASON');
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
    expect((await zige(['analyze', dir, '--emit-tests'])).code).toBe(1); // an unaccepted warning
    const text = readFileSync(join(dir, 'sample.yaml'), 'utf8');
    expect(text).toContain('"reviewed":false');
    expect((await zige(['test', dir])).code).toBe(0);
    await zige(['analyze', dir, '--emit-tests']);
    expect(readFileSync(join(dir, 'sample.yaml'), 'utf8')).toBe(text); // not written twice
  });

  it('the bundled rules: every finding accepted, exit 0', async () => {
    const r = await zige(['analyze', '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout) as { summary: { accepted: number; stale: number; errors: number; warnings: number }; uncited: unknown[] };
    expect(doc.summary).toMatchObject({ accepted: 9, stale: 0, errors: 0, warnings: 0 });
    expect(doc.uncited).toEqual([]); // every reason quotes its source sentence
  });
});
