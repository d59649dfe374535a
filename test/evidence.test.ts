// Proof statuses (告知承诺制, issue 20 item 5): any profile fact may say how it is proven. A fact
// not found or revoked counts as absent; an eligible level resting on declared facts says so and
// lists them in `verify` (docs/profile.md "Proof status"). Through the rule file
// test/fixtures/evidence/declared-worker.yaml (the documented language) and the CLI.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../compiler/generate/instantiate.js';
import { declaredFacts, evaluateProfile, type ExplainedLevelResult, type Profile } from '../runtime/index.js';
import { Oracle, loadOracleVocabulary } from './oracle/interpreter.js';
import { check, ROOT, rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';
import { DocumentCheck, loadServer } from './serve-helpers.js';

const RULES = join(ROOT, 'test', 'fixtures', 'evidence');
const checked = check(RULES).rules!.occupations[0];
const occ = instantiate(checked);
const oracle = new Oracle(checked, loadOracleVocabulary());
const AS_OF = '2025-09-10';
const NAME = '虚构承诺工';

/** Each level's status and verify paths; the oracle must say the same. */
function judge(profile: Profile, asOf = AS_OF): Record<number, { status: string; verify: string[] }> {
  const { results } = evaluateProfile(occ, profile, { asOf });
  const got = Object.fromEntries(results.map((r) => [r.level, { status: r.status, verify: r.verify.map((v) => v.path) }]));
  const expected = Object.fromEntries(oracle.evaluate(profile, asOf).map((l) => [l.level, { status: l.status, verify: l.verify }]));
  expect(got).toEqual(expected);
  return got;
}

const school = (proof?: string): Profile['education'] => [{ level: '高中', status: '毕业', date: '2018-07-01', ...(proof ? { proof } : {}) }] as Profile['education'];
const work = (from: string, proof?: string, to?: string): NonNullable<Profile['work']>[number] =>
  ({ occupation: NAME, from, ...(to ? { to } : {}), ...(proof ? { proof } : {}) }) as NonNullable<Profile['work']>[number];
const certificate = (level: 4 | 5, date: string, proof?: string): NonNullable<Profile['certificates']>[number] =>
  ({ occupation: NAME, level, kind: '技能等级证书', date, ...(proof ? { proof } : {}) }) as NonNullable<Profile['certificates']>[number];

describe('not found and revoked count as absent', () => {
  it('a revoked or not-found certificate is as if it were not in the profile, in every level', () => {
    const base: Profile = { birthDate: '2000-01-01', education: school(), work: [work('2019-01-01')] };
    const without = judge(base);
    expect(without[3].status).toBe('ineligible');
    const holding = judge({ ...base, certificates: [certificate(4, '2022-01-01')] });
    expect(holding[3].status).toBe('eligible');
    for (const proof of ['revoked', 'not-found']) {
      expect(judge({ ...base, certificates: [certificate(4, '2022-01-01', proof)] })).toEqual(without);
    }
  });

  it('a revoked education entry leaves the list known: the requirement is unmet, not unknown', () => {
    const r = judge({ education: school('revoked'), work: [work('2019-01-01')] });
    expect(r[5].status).toBe('ineligible');
    const unknown = judge({ work: [work('2019-01-01')] });
    expect(unknown[5].status).toBe('unknown');
  });

  it('a revoked fact is unknown (not given), a not-found category is absent, a revoked birth date makes the age unknown', () => {
    const base: Profile = { birthDate: '2000-01-01', education: school(), facts: { 安全行车里程: 120000 } };
    expect(judge(base)[4].status).toBe('eligible');
    expect(judge({ ...base, proofs: { facts: { 安全行车里程: 'revoked' } } })[4].status).toBe('unknown');
    expect(judge({ education: school(), categories: ['退役士兵'], proofs: { categories: { 退役士兵: 'not-found' } } })[5].status).toBe('ineligible');
    const aged: Profile = { birthDate: '2000-01-01', education: school(), certificates: [certificate(4, '2022-01-01')] };
    expect(judge(aged)[3].status).toBe('eligible');
    expect(judge({ ...aged, proofs: { birthDate: 'revoked' } })[3].status).toBe('unknown');
  });

  it('an entry not found says no warning about itself, and paths of the others keep their indices', () => {
    const profile: Profile = { education: school(), work: [{ occupation: '厨师', from: '2019-01-01', proof: 'not-found' }, { occupation: '厨师', from: '2019-01-01' }] };
    expect(evaluateProfile(occ, profile, { asOf: AS_OF }).warnings.map((w) => w.path)).toEqual(['/work/1']);
    expect(oracle.warnings(profile).map((w) => w.path)).toEqual(['/work/1']);
  });
});

describe('verify: the declared facts an eligible level rests on', () => {
  it('no proof status, or every fact verified: verify is [] and the results are those of today', () => {
    const plain: Profile = { birthDate: '2000-01-01', education: school(), work: [work('2019-01-01')], certificates: [certificate(5, '2020-01-01')] };
    const verified: Profile = { ...plain, education: school('verified'), work: [work('2019-01-01', 'verified')], certificates: [certificate(5, '2020-01-01', 'verified')], proofs: { birthDate: 'verified' } };
    const a = evaluateProfile(occ, plain, { asOf: AS_OF }).results;
    expect(a.every((r) => r.verify.length === 0)).toBe(true);
    expect(evaluateProfile(occ, verified, { asOf: AS_OF }).results).toEqual(a);
  });

  it('a clause that holds on verified facts alone wins: nothing to verify, though a declared route holds too', () => {
    const r = judge({ education: school(), work: [work('2024-01-01')], categories: ['退役士兵'], proofs: { categories: { 退役士兵: 'declared' } } });
    expect(r[5]).toEqual({ status: 'eligible', verify: [] });
  });

  it('exactly one year of verified work needs nothing verified; one day less rests on the declared work', () => {
    // 从业 >= 1年 is 365 days: 2024-09-11 .. 2025-09-10 inclusive
    const exactly = judge({ education: school(), work: [work('2024-09-11', undefined, '2025-09-10'), work('2020-01-01', 'declared', '2020-12-31')] });
    expect(exactly[5]).toEqual({ status: 'eligible', verify: [] });
    const dayLess = judge({ education: school(), work: [work('2024-09-12', undefined, '2025-09-10'), work('2020-01-01', 'declared', '2020-12-31')] });
    expect(dayLess[5]).toEqual({ status: 'eligible', verify: ['/work/1'] });
    // a leap year: 2024-02-29 counts as a day of work; 2023-03-02 .. 2024-02-29 is 365 days
    const leap = judge({ education: school(), work: [work('2023-03-02', undefined, '2024-02-29'), work('2020-01-01', 'declared', '2020-01-01')] }, '2024-02-29');
    expect(leap[5]).toEqual({ status: 'eligible', verify: [] });
    const leapDayLess = judge({ education: school(), work: [work('2023-03-03', undefined, '2024-02-29'), work('2020-01-01', 'declared', '2020-01-01')] }, '2024-02-29');
    expect(leapDayLess[5]).toEqual({ status: 'eligible', verify: ['/work/1'] });
  });

  it('every declared fact a route needs is listed, in profile order (lists first), the requirement\'s too', () => {
    const r = judge({ education: school('declared'), work: [work('2019-01-01')], certificates: [certificate(5, '2020-01-01', 'declared')] });
    expect(r[4]).toEqual({ status: 'eligible', verify: ['/education/0', '/certificates/0'] });
    expect(r[5]).toEqual({ status: 'eligible', verify: ['/education/0'] });
  });

  it('of two declared facts that each suffice, the first is kept: zige does without the later ones first', () => {
    const r = judge({ education: school(), work: [work('2019-01-01')], certificates: [certificate(5, '2020-01-01', 'declared'), certificate(5, '2021-01-01', 'declared')] });
    expect(r[4]).toEqual({ status: 'eligible', verify: ['/certificates/0'] });
    // a certificate and a declared numeric fact: the certificate comes first in verify order
    const both = judge({ education: school(), work: [work('2019-01-01')], certificates: [certificate(5, '2020-01-01', 'declared')], facts: { 安全行车里程: 100000 }, proofs: { facts: { 安全行车里程: 'declared' } } });
    expect(both[4]).toEqual({ status: 'eligible', verify: ['/certificates/0'] });
  });

  it('a declared fact at exactly the threshold is relied on; below it, the level is not eligible and verify is []', () => {
    const at = judge({ education: school(), facts: { 安全行车里程: 100000 }, proofs: { facts: { 安全行车里程: 'declared' } } });
    expect(at[4]).toEqual({ status: 'eligible', verify: ['/facts/安全行车里程'] });
    const below = judge({ education: school(), facts: { 安全行车里程: 99999 }, proofs: { facts: { 安全行车里程: 'declared' } } });
    expect(below[4]).toEqual({ status: 'ineligible', verify: [] });
  });

  it('a declared fact that is missing declares nothing: the level stays unknown, with nothing to verify', () => {
    const r = judge({ education: school(), proofs: { facts: { 安全行车里程: 'declared' }, birthDate: 'declared' } });
    expect(r[4]).toEqual({ status: 'unknown', verify: [] });
  });

  it('labels name the fact readably in both languages; pointers escape / and ~ (RFC 6901)', () => {
    const { results } = evaluateProfile(occ, { education: school(), birthDate: '2000-01-01', certificates: [certificate(4, '2024-02-29', 'declared')], proofs: { birthDate: 'declared' } }, { asOf: AS_OF });
    const three = results.find((r) => r.level === 3) as ExplainedLevelResult;
    expect(three.verify).toEqual([
      { path: '/certificates/0', label: { zh: '证书：虚构承诺工 四级 技能等级证书（2024-02-29）', en: 'certificate: 虚构承诺工 level 4 技能等级证书 (2024-02-29)' } },
      { path: '/birthDate', label: { zh: '出生日期：2000-01-01', en: 'birth date: 2000-01-01' } },
    ]);
    expect(declaredFacts({ facts: { 'a/b~c': 1 }, proofs: { facts: { 'a/b~c': 'declared' } } }).map((d) => d.path)).toEqual(['/facts/a~1b~0c']);
  });
});

describe('the CLI: eval, its report, JSON, the batch, bad input', () => {
  const dir = scratch('evidence');
  const profile = join(dir, 'declared.json');
  writeFileSync(profile, JSON.stringify({ education: school('declared'), work: [work('2019-01-01')], certificates: [certificate(5, '2020-01-01', 'declared')] }));
  const args = ['--rules', RULES, '--as-of', AS_OF];

  it('the report says 符合（依承诺）；需核验：… in Chinese and in English', async () => {
    const zh = await zige(['eval', profile, ...args]);
    expect(zh.code).toBe(0);
    expect(zh.stdout).toContain('四级/中级工  ✓ 符合（依承诺）；需核验：学历：高中 毕业（2018-07-01）；证书：虚构承诺工 五级 技能等级证书（2020-01-01）');
    const en = await zige(['eval', profile, ...args, '--lang', 'en']);
    expect(en.stdout).toContain('Level 4 (intermediate)  ✓ eligible (on declaration); to verify: education: 高中 毕业 (2018-07-01); certificate: 虚构承诺工 level 5 技能等级证书 (2020-01-01)');
  });

  it('--json: verify in every level result; the batch with --explain carries it, without it does not', async () => {
    const json = JSON.parse((await zige(['eval', profile, ...args, '--json'])).stdout) as { results: ExplainedLevelResult[] };
    expect(json.results.map((r) => r.verify.map((v) => v.path))).toEqual([['/education/0'], ['/education/0', '/certificates/0'], []]);
    const lines = join(dir, 'batch.jsonl');
    writeFileSync(lines, `${JSON.stringify({ education: school('declared'), work: [work('2019-01-01')] })}\n`);
    const explained = JSON.parse((await zige(['eval', '--batch', lines, ...args, '--explain'])).stdout) as { results: ExplainedLevelResult[] };
    expect(explained.results[0].verify.map((v) => v.path)).toEqual(['/education/0']);
    const fast = JSON.parse((await zige(['eval', '--batch', lines, ...args])).stdout) as { results: Record<string, unknown>[] };
    expect('verify' in fast.results[0]).toBe(false);
  });

  it('roster check: a proof status column per entry; declared says 依承诺符合 and what to verify, revoked is absent, another word is a cell problem', async () => {
    const roster = join(dir, 'roster.csv');
    writeFileSync(roster, '编号,职业,申报等级,学历,学历证明状态,工作年限\r\n1,互联网营销师,五级,高中,承诺,2\r\n2,互联网营销师,五级,高中,已撤销,2\r\n3,互联网营销师,五级,高中,,2\r\n4,互联网营销师,五级,高中,保证,2\r\n');
    const out = join(dir, 'roster.out.csv');
    const r = await zige(['roster', 'check', roster, '--as-of', '2026-11-28', '--out', out]);
    expect(r.code).toBe(1);
    const rows = readFileSync(out, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
    const col = (name: string): string[] => rows.slice(1).map((row) => row[rows[0].indexOf(name)]);
    expect(col('审核结果')).toEqual(['符合', '不符合', '符合', '待核实']);
    expect(col('需核实')).toEqual(['依承诺符合，需核验：学历：高中 毕业', '', '', '']);
    expect(col('读取问题')[3]).toContain('“保证”不是可选的值（可用：承诺 已核验 核查无记录 已撤销）');
  });

  it('zige serve: the same verify as eval --json, valid against its OpenAPI document; none with explain=false', async () => {
    const { createService } = await loadServer();
    const service = await createService({ dir: RULES, log: new Writable({ write: (_c, _e, done) => done() }) });
    if (!('app' in service)) throw new Error('the fixture does not check');
    try {
      const doc = new DocumentCheck(JSON.parse((await service.app.inject({ method: 'GET', url: '/openapi.json' })).body));
      const body = readFileSync(profile, 'utf8');
      for (const explain of ['true', 'false']) {
        const url = `/v1/evaluate?${new URLSearchParams({ occupation: NAME, asOf: AS_OF, explain })}`;
        const r = await service.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json' } });
        expect(r.statusCode).toBe(200);
        doc.check('POST', url, r.statusCode, String(r.headers['content-type']), r.body);
        const results = (JSON.parse(r.body) as { results: Record<string, unknown>[] }).results;
        expect(results.map((x) => (x.verify as { path: string }[] | undefined)?.map((v) => v.path))).toEqual(explain === 'true' ? [['/education/0'], ['/education/0', '/certificates/0'], []] : [undefined, undefined, undefined]);
      }
    } finally {
      await service.close();
    }
  });

  it('zige test: a case may expect each level\'s verify list; a wrong one fails, naming both lists', async () => {
    const text = readFileSync(join(RULES, 'declared-worker.yaml'), 'utf8');
    const good = await zige(['test', RULES]);
    expect(good.stdout).toContain('2 passed, 0 failed');
    const wrong = rulesDir({ 'declared-worker.yaml': text.replace('verify: {5: [], 4: [/certificates/0]}', 'verify: {5: [], 4: [/facts/安全行车里程]}') });
    const r = await zige(['test', wrong]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('level 4 verify: expected ["/facts/安全行车里程"], got ["/certificates/0"]');
    const unknownLevel = rulesDir({ 'declared-worker.yaml': text.replace('verify: {3: []}', 'verify: {1: []}') });
    expect((await zige(['check', unknownLevel])).stderr).toContain('E_TEST_LEVEL');
  });

  it('a proof status that is not one of the four is refused with its path (exit 1)', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ certificates: [{ ...certificate(5, '2020-01-01'), proof: 'promised' }] }));
    const r = await zige(['eval', bad, ...args]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/certificates/0/proof');
    const badMap = join(dir, 'bad-map.json');
    writeFileSync(badMap, JSON.stringify({ proofs: { education: 'declared' } }));
    const m = await zige(['eval', badMap, ...args]);
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('/proofs');
  });
});
