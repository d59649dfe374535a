// The concepts further real texts need (issue 24, item 2), through rule files written in the
// documented language only: applicant categories, experience in any job, currently working, a
// one-route waiver (破格), preconditions, a numeric fact's explicit none, ages by sex (with the sex
// from the identity number) and a sitting's registration window. The rule file's own cases (its
// `tests:`) hold the boundaries; this file runs them and checks what they cannot: the English
// form, the explanations, the errors.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scratch } from './helpers.js';
import { zige } from './in-process.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'concepts', 'safety-officer.yaml');

/** The fixture alone in an empty folder (the bundled vocabulary applies), its schema line fixed. */
function alone(edit: (text: string) => string = (t) => t): string {
  const dir = scratch('concepts');
  const file = join(dir, 'safety-officer.yaml');
  copyFileSync(FIXTURE, file);
  const schema = relative(dir, join(ROOT, 'schema', 'rule-file.schema.json'));
  writeFileSync(file, edit(readFileSync(file, 'utf8').replace(/^# yaml-language-server: \$schema=\S+/, `# yaml-language-server: $schema=${schema}`)));
  return dir;
}

interface Result {
  level: number;
  status: string;
  matched: string[];
  ask: { field: string }[];
  preconditions?: { id: string; status: string }[];
  registration?: { from: string; to: string; status: string };
  missing: { clause: string; conditions: { code: string; detail?: { zh: string; en: string } }[] }[];
}

async function evaluate(dir: string, profile: unknown, asOf: string, extra: string[] = []): Promise<{ code: number; stderr: string; results: Result[] }> {
  const file = join(dir, 'applicant.json');
  writeFileSync(file, JSON.stringify(profile));
  const r = await zige(['eval', file, '--rules', dir, '--occupation', '虚构安全员', '--as-of', asOf, '--json', ...extra]);
  return { code: r.code, stderr: r.stderr, results: r.code === 0 ? (JSON.parse(r.stdout).results as Result[]) : [] };
}

const base = { education: [{ level: '高中', status: '毕业' }], facts: { 已转正定级: true, 单位考核合格: true } };

describe('the concepts of issue 24 in a rule file', () => {
  it('checks clean and passes its own boundary cases, covering every clause', async () => {
    const dir = alone();
    const check = await zige(['check', dir]);
    expect(check.stderr).toBe('');
    const r = await zige(['test', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('uncovered');
    expect(r.stdout.trim().split('\n').pop()).toBe('30 passed, 0 failed');
    // trace: the preconditions and the registration window encode the paragraphs they cite
    const trace = await zige(['trace', dir, '--json']);
    expect(trace.code).toBe(0);
    const rows = JSON.parse(trace.stdout) as { text: string; rules: { id: string }[] }[];
    expect(rows.filter((row) => row.rules.length === 0)).toEqual([]);
    expect(rows.flatMap((row) => row.rules.map((x) => x.id))).toEqual(
      expect.arrayContaining(['invented-safety-officer/registration', 'invented-safety-officer/preconditions/转正定级', 'invented-safety-officer/preconditions/单位考核合格']),
    );
  });

  it('converts to English keywords and back byte for byte, and means the same in English', async () => {
    const dir = alone();
    const file = join(dir, 'safety-officer.yaml');
    const zh = readFileSync(file, 'utf8');
    expect((await zige(['fmt', '--lang', 'en', dir])).code).toBe(0);
    const en = readFileSync(file, 'utf8');
    for (const expr of [
      'currently-working same and experience any-occupation >= 1 year',
      'category veteran',
      'not category newly-transferred',
      'age < male 60 years female 55 years',
      'when: confirmed-in-post',
    ]) {
      expect(en).toContain(expr);
    }
    expect((await zige(['test', dir])).stdout.trim().split('\n').pop()).toBe('30 passed, 0 failed');
    expect((await zige(['fmt', '--lang', 'zh', dir])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(zh);
  });

  it('reports the preconditions and the registration window with each level', async () => {
    const dir = alone();
    const before = await evaluate(dir, { ...base, categories: ['退役士兵'], facts: { 已转正定级: true } }, '2025-08-31');
    const five = before.results.find((r) => r.level === 5)!;
    expect(five.status).toBe('unknown');
    expect(five.preconditions).toEqual([
      { id: '转正定级', text: '申报人员须为已转正定级的职工', status: 'met' },
      { id: '单位考核合格', text: '且单位年度考核合格', status: 'unknown' },
    ]);
    expect(five.ask.map((a) => a.field)).toContain('/facts/单位考核合格');
    expect(five.registration).toEqual({ from: '2025-09-01', to: '2025-09-15', status: 'not-yet-open' });
    const first = await evaluate(dir, { ...base, categories: ['退役士兵'] }, '2025-09-01');
    expect(first.results[0].registration?.status).toBe('open');
    const open = await evaluate(dir, { ...base, categories: ['退役士兵'] }, '2025-09-15');
    expect(open.results[0].registration?.status).toBe('open');
    expect(open.results[0].status).toBe('eligible');
    const closed = await evaluate(dir, { ...base, categories: ['退役士兵'] }, '2025-09-16');
    expect(closed.results[0].registration?.status).toBe('closed');
    const report = await zige(['eval', join(dir, 'applicant.json'), '--rules', dir, '--occupation', '虚构安全员', '--as-of', '2025-09-16']);
    expect(report.stdout).toContain('报名时间: 2025-09-01 – 2025-09-15 (已截止)');
    expect(report.stdout).toContain('前提条件: ✓ 单位考核合格');
    const english = await zige(['eval', join(dir, 'applicant.json'), '--rules', dir, '--occupation', '虚构安全员', '--as-of', '2025-09-16', '--lang', 'en']);
    expect(english.stdout).toContain('registration: 2025-09-01 – 2025-09-15 (closed)');
    expect(english.stdout).toContain('preconditions: ✓ 单位考核合格  declared: employer-assessment-passed');
  });

  it('asks for the sex or the categories where they decide', async () => {
    const dir = alone();
    const profile = {
      ...base,
      birthDate: '1968-01-01',
      certificates: [{ occupation: '虚构安全员', level: 4, kind: '技能等级证书', date: '2020-01-01' }],
      work: [{ occupation: '虚构安全员', from: '2020-01-01', to: '2024-12-31' }],
    };
    const { results } = await evaluate(dir, profile, '2025-09-10');
    const three = results.find((r) => r.level === 3)!;
    expect(three.status).toBe('unknown');
    expect(three.ask.map((a) => a.field)).toContain('/sex');
    const five = results.find((r) => r.level === 5)!;
    expect(five.ask.map((a) => a.field)).toContain('/categories');
  });

  it('says "none" for a numeric fact given as 无, unlike a missing one', async () => {
    const dir = alone();
    const { results } = await evaluate(dir, { ...base, categories: [], facts: { ...base.facts, 竞赛名次: '无' } }, '2025-09-10');
    const four = results.find((r) => r.level === 4)!;
    expect(four.status).toBe('ineligible');
    const placing = four.missing.flatMap((m) => m.conditions).find((c) => c.code === 'fact' && c.detail?.zh.includes('无'));
    expect(placing?.detail).toEqual({ zh: '需 ≤ 3，现为 无', en: 'needs <= 3, is none' });
  });

  it('refuses an identity number with a wrong check digit, or one that contradicts the sex given', async () => {
    const dir = alone();
    const bad = await evaluate(dir, { ...base, idNumber: '110105196603070018' }, '2025-09-10');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('/idNumber');
    const contradicts = await evaluate(dir, { ...base, idNumber: '110105196603070017', sex: '女' }, '2025-09-10');
    expect(contradicts.code).toBe(1);
    expect(contradicts.stderr).toContain('/sex');
  });

  it('reports a misspelt category, a waiver of nothing, a closed window before it opens and ages by sex on a fact', async () => {
    const dir = alone((t) =>
      t
        .replace('when: 类别 退役士兵', 'when: 类别 退伍士兵')
        .replace('waives: [学历要求, 单位考核合格]', 'waives: [学历要求, 单位考核]')
        .replace('registration: {from: 2025-09-01, to: 2025-09-15', 'registration: {from: 2025-09-16, to: 2025-09-15')
        .replace('when: 竞赛名次 <= 3名', 'when: 竞赛名次 <= 男 3名 女 3名'),
    );
    const r = await zige(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const { diagnostics } = JSON.parse(r.stdout) as { diagnostics: { code: string; line: number }[] };
    const codes = diagnostics.map((d) => [d.code, d.line]);
    expect(codes).toEqual(
      expect.arrayContaining([
        ['E_UNKNOWN_CATEGORY', 55],
        ['E_WAIVES_UNKNOWN', 77],
        ['E_REGISTRATION_PERIOD', 10],
        ['E_BY_SEX_AGE', 64],
      ]),
    );
    const suggestion = await zige(['check', dir]);
    expect(suggestion.stderr).toContain('退役士兵');
  });
});
