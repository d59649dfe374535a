// Time beyond "from when" (issue 20, part B), through rule files written in the documented
// language only: a window that closes after a certificate's date (and the `latest` date it gives),
// insured months counted up to the certificate's date, a rule parameter chosen by the
// certificate's date range, an age on a notice's fixed date, a maximum age, and the per-document
// counting of years and months. The fixtures' own cases (their `tests:`) hold the boundaries (the
// exact day, one day less, a leap day, a month end, a missing fact); this file runs them and checks
// what they cannot: `latest` in JSON, the report and CSV, asks, the errors, the English form.
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scratch } from './helpers.js';
import { zige } from './in-process.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'time');

/** The fixtures in a scratch folder (the bundled vocabulary applies), with an applicant. */
function folder(profile?: unknown): string {
  const dir = scratch('time');
  cpSync(FIXTURES, dir, { recursive: true });
  // the schema line, relative to the scratch folder
  for (const f of readdirSync(dir)) {
    const file = join(dir, f);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^# yaml-language-server: \$schema=\S+/, `# yaml-language-server: $schema=${join(ROOT, 'schema', 'rule-file.schema.json')}`));
  }
  if (profile !== undefined) writeFileSync(join(dir, 'applicant.json'), JSON.stringify(profile));
  return dir;
}

interface Result {
  level: number;
  status: string;
  earliest: string | null;
  latest: string | null;
  ask: { field: string }[];
  missing: { clause: string; conditions: { code: string; detail?: { zh: string; en: string } }[] }[];
}

async function evaluate(profile: unknown, asOf: string, extra: string[] = []): Promise<Result[]> {
  const dir = folder(profile);
  const r = await zige(['eval', join(dir, 'applicant.json'), '--rules', dir, '--occupation', '虚构续办员', '--as-of', asOf, '--json', ...extra]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout).results as Result[];
}

const CERTIFIED = {
  certificates: [{ occupation: '虚构续办员', level: 5, kind: '技能等级证书', date: '2023-01-31' }],
  insurance: [{ scheme: '失业保险', from: '2020-02-01' }],
};

describe('time conditions through rule files', () => {
  it('the fixtures’ own cases pass: windows, insured months, the date range, fixed dates, each counting mode', async () => {
    const r = await zige(['test', folder()]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('30 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('the SQL backend refuses a file that counts by anniversaries or months, by name, rather than count days', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'in.jsonl'), '{}\n');
    const r = await zige(['eval', '--batch', join(dir, 'in.jsonl'), '--rules', dir, '--occupation', 'invented-counting-months', '--engine', 'duckdb', '--as-of', '2026-01-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_SQL_UNSUPPORTED');
    expect(r.stderr).toContain('counting: months');
  });

  it('a window gives `latest`: its last day (12 months from 2023-01-31: 2024-01-30), in JSON and the report', async () => {
    const [five] = await evaluate(CERTIFIED, '2023-06-01');
    expect(five).toMatchObject({ level: 5, status: 'eligible', earliest: '2023-06-01', latest: '2024-01-30' });
    const dir = folder(CERTIFIED);
    const zh = await zige(['eval', join(dir, 'applicant.json'), '--rules', dir, '--occupation', '虚构续办员', '--as-of', '2023-06-01', '--level', '5']);
    expect(zh.stdout).toContain('最晚日期（期限届满或超龄前，其他情况不变）: 2024-01-30');
    const en = await zige(['eval', join(dir, 'applicant.json'), '--rules', dir, '--occupation', '虚构续办员', '--as-of', '2023-06-01', '--level', '5', '--lang', 'en']);
    expect(en.stdout).toContain('latest date (before a window closes or an age limit is passed, nothing else changing): 2024-01-30');
    expect(en.stdout).toContain('within 12 months from the issue of the level 5 certificate of this occupation');
  });

  it('a closed window: ineligible, the day it closed in the shortfall, no earliest and no latest', async () => {
    const [five] = await evaluate(CERTIFIED, '2024-01-31');
    expect(five).toMatchObject({ status: 'ineligible', earliest: null, latest: null });
    const window = five.missing[0].conditions.find((c) => c.code === 'certWindow')!;
    expect(window.detail).toEqual({ zh: '期限已于 2024-01-30 届满（逾期）', en: 'the window closed on 2024-01-30' });
  });

  it('a maximum age gives `latest` the day before the birthday that passes it', async () => {
    const [, four] = await evaluate({ birthDate: '1987-09-30', insurance: [] }, '2023-01-01');
    expect(four).toMatchObject({ level: 4, status: 'eligible', latest: '2023-09-29' });
  });

  it('insured months that grow: `earliest` is the first day of the sixth month, and nothing ends it', async () => {
    const [, four] = await evaluate({ insurance: [{ scheme: '失业保险', from: '2025-01-15' }] }, '2025-03-01');
    expect(four).toMatchObject({ status: 'unknown' }); // 4/1 needs the birth date
    // born 2010: 13 on 2023-09-30, so 4/1 never holds; 4/2 does from the sixth insured month
    const [, known] = await evaluate({ birthDate: '2010-01-01', insurance: [{ scheme: '失业保险', from: '2025-01-15' }] }, '2025-03-01');
    expect(known).toMatchObject({ status: 'ineligible', earliest: '2025-06-01', latest: null });
  });

  it('a missing fact gives unknown and asks for it: the insurance record, a certificate’s date', async () => {
    const [five] = await evaluate({ certificates: CERTIFIED.certificates }, '2023-06-01');
    expect(five.status).toBe('unknown');
    expect(five.ask.map((a) => a.field)).toContain('/insurance');
    const [undated] = await evaluate({ certificates: [{ occupation: '虚构续办员', level: 5, kind: '技能等级证书' }], insurance: CERTIFIED.insurance }, '2023-06-01');
    expect(undated.ask.map((a) => a.field)).toContain('/certificates/0/date');
  });

  it('CSV with --explain adds earliest and latest; JSON lines carry latest beside earliest', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'in.jsonl'), `${JSON.stringify(CERTIFIED)}\n`);
    const csv = join(dir, 'out.csv');
    const r = await zige(['eval', '--batch', join(dir, 'in.jsonl'), '--rules', dir, '--occupation', '虚构续办员', '--as-of', '2023-06-01', '--explain', '--out', csv]);
    expect(r.code).toBe(0);
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('line,occupation,occupation_id,level,status,education,matched,error,warnings,outcome,amount,amount_unit,earliest,latest');
    expect(lines[1]).toBe('1,虚构续办员,invented-renewal-clerk,5,eligible,met,invented-renewal-clerk/5/1,,,,,,2023-06-01,2024-01-30');
    const plain = join(dir, 'plain.csv');
    await zige(['eval', '--batch', join(dir, 'in.jsonl'), '--rules', dir, '--occupation', '虚构续办员', '--as-of', '2023-06-01', '--out', plain]);
    expect(readFileSync(plain, 'utf8').split('\n')[0]).toBe('line,occupation,occupation_id,level,status,education,matched,error,warnings,outcome,amount,amount_unit');
  });

  it('zige fmt --lang en and back gives the fixtures byte for byte', async () => {
    const dir = folder();
    const before = readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'));
    expect((await zige(['fmt', '--lang', 'en', dir])).code).toBe(0);
    const english = readFileSync(join(dir, 'renewal-clerk.yaml'), 'utf8');
    expect(english).toContain('when: insured unemployment-insurance until same level 5 >= 36 months and after same level 5 within 12 months');
    expect(english).toContain('when: after same level 5 on 2022-01-01 to 2022-12-31 and');
    expect(english).toContain('when: age on 2023-09-30 >= 16 years and age < 36 years');
    expect((await zige(['check', dir])).code).toBe(0);
    expect((await zige(['fmt', '--lang', 'zh', dir])).code).toBe(0);
    expect(readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8'))).toEqual(before);
  });
});

describe('errors in time conditions', () => {
  it('each is reported at its line and column, all in one run: E_DATE, E_DATE_RANGE, E_ON_NOT_AGE, E_UNKNOWN_SCHEME, E_MONTHS, E_UNIT', async () => {
    const cases: [string, string, string][] = [
      ['取得 本职业 五级 于 2022-02-30 至 2022-12-31', 'E_DATE', '2022-02-30'],
      ['取得 本职业 五级 于 2022-12-31 至 2022-01-01', 'E_DATE_RANGE', '取得'],
      ['安全行车里程 于 2023-09-30 >= 100000km', 'E_ON_NOT_AGE', '2023-09-30'],
      ['参保 社会保险 >= 36个月', 'E_UNKNOWN_SCHEME', '社会保险'],
      ['取得 本职业 五级 后 不超过 1.5个月', 'E_MONTHS', '1.5个月'],
      ['参保 失业保险 >= 36天', 'E_UNIT', '36天'],
    ];
    const dir = folder();
    const file = join(dir, 'renewal-clerk.yaml');
    const clauses = cases.map(([when], i) => `      - id: "2${'bcdefg'[i]}"\n        source: 累计缴纳失业保险费6个月以上。\n        when: ${when}`).join('\n');
    writeFileSync(file, readFileSync(file, 'utf8').replace('        when: 参保 失业保险 >= 6个月\n', `        when: 参保 失业保险 >= 6个月\n${clauses}\n`));
    const r = await zige(['check', dir]);
    expect(r.code).toBe(1);
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const [when, code, text] of cases) {
      const line = lines.findIndex((l) => l.endsWith(`when: ${when}`)) + 1;
      const col = lines[line - 1].indexOf(text) + 1;
      expect(r.stderr).toContain(`renewal-clerk.yaml:${line}:${col}: error[${code}]`);
    }
  });

  it('an unknown counting mode is refused by the rule-file schema at /counting', async () => {
    const dir = folder();
    const file = join(dir, 'counting-months.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('counting: months', 'counting: weeks'));
    const r = await zige(['check', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('counting');
    expect(r.stderr).toContain('weeks');
  });

  it('an insured period ending before it starts is E_PROFILE_PERIOD at its path', async () => {
    const dir = folder({ insurance: [{ scheme: '失业保险', from: '2022-01-01', to: '2021-12-31' }] });
    const r = await zige(['eval', join(dir, 'applicant.json'), '--rules', dir, '--as-of', '2023-01-01']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_PROFILE_PERIOD');
    expect(r.stderr).toContain('/insurance/0/to');
  });
});
