// zige roster: the template filled through exceljs's cell API as a person would, checked, and
// every result compared with `zige eval --json` on the same applicant's profile, written here by
// hand from the same facts (never by the roster reader): several jobs, undated years, a 待核实
// row, an ineligible one, and a row with a cell that cannot be read.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zige } from './in-process.js';
import { byHeader, fill, readBack, type Cells } from './roster-workbook.js';

const AS_OF = '2026-11-28';
const OCC = '互联网营销师';
const dir = mkdtempSync(join(tmpdir(), 'zige-roster-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The applicants as the test fills them, with the profile `zige eval` gets for each. */
const APPLICANTS = [
  {
    key: '1',
    level: 4,
    main: { 编号: '1', 姓名: '甲', 身份证号: '520102199506150024', 职业: OCC, 工种: '直播销售员', 申报等级: '四级/中级工', 申报条件: '四级第2条：累计从事本职业或相关职业工作 4 年（含）以上。', 学历: '高中', 毕业时间: new Date(Date.UTC(2013, 6, 1)) },
    work: [
      { 编号: '1', 工作单位: '甲公司', 职业: OCC, 开始日期: '2019-03-01', 结束日期: '2020-12-31' },
      { 编号: '1', 工作单位: '乙公司', 职业: OCC, 开始日期: '2021.01' },
      { 编号: '1', 工作单位: '丙公司', 职业: '电子商务师', 开始日期: '2020年7月', 结束日期: '2020/12/1', 相关性: '相关职业' },
    ],
    profile: {
      birthDate: '1995-06-15',
      education: [{ level: '高中', status: '毕业', date: '2013-07-01' }],
      work: [
        { occupation: OCC, from: '2019-03-01', to: '2020-12-31' },
        { occupation: OCC, from: '2021-01-01' },
        { occupation: '电子商务师', from: '2020-07-01', to: '2020-12-01', relation: '相关职业' },
      ],
    },
    workType: '直播销售员',
  },
  {
    key: '2',
    level: 4,
    main: { 编号: '2', 姓名: '乙', 身份证号: '330106199001010018', 职业: OCC, 申报等级: '四级', 申报条件: '4/2', 学历: '初中', 本职业工作年限: 6 },
    work: [],
    profile: { birthDate: '1990-01-01', education: [{ level: '初中', status: '毕业' }], work: [{ occupation: OCC, years: 6, relation: '本职业' }] },
  },
  {
    key: '3',
    level: 3,
    main: { 编号: '3', 姓名: '丙', 身份证号: '52010219850301003X', 职业: OCC, 申报等级: '三级', 申报条件: '（2）', 本职业工作年限: 6 },
    certificates: [{ 编号: '3', 职业: OCC, 等级: '四级', 取得日期: '2020-06-30', 相关性: '本职业' }],
    work: [],
    profile: { birthDate: '1985-03-01', certificates: [{ occupation: OCC, level: 4, kind: '技能等级证书', date: '2020-06-30', relation: '本职业' }], work: [{ occupation: OCC, years: 6, relation: '本职业' }] },
  },
  {
    key: '4',
    level: 5,
    main: { 编号: '4', 姓名: '丁', 身份证号: '110105199804020028', 出生日期: '1998年4月2日', 职业: OCC, 申报等级: 5, 申报条件: '累计从事本职业或相关职业1年（含）以上。', 学历: '大学本科' },
    work: [{ 编号: '4', 工作单位: '丁公司', 职业: OCC, 开始日期: 46174 /* 2026-06-01 as an Excel serial */ }],
    profile: { birthDate: '1998-04-02', education: [{ level: '本科', status: '毕业' }], work: [{ occupation: OCC, from: '2026-06-01' }] },
  },
] as const;

const STATUS = { eligible: '符合', ineligible: '不符合', unknown: '待核实' } as const;
const LEVEL_ZH = { 1: '一级', 2: '二级', 3: '三级', 4: '四级', 5: '五级' } as Record<number, string>;
const clause = (id: string, level: number): string => `${LEVEL_ZH[level]}第${id.split('/').pop()}条`;

let review: Map<string, Cells>;
let warnings: number;
let check: { code: number; stdout: string; stderr: string };

beforeAll(async () => {
  const template = join(dir, 't.xlsx');
  expect((await zige(['roster', 'template', '--occupation', OCC, '--out', template])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(template);
  const sheet = (name: string): ExcelJS.Worksheet => wb.getWorksheet(name)!;
  const next = { 工作经历: 3, 证书: 3 } as Record<string, number>;
  APPLICANTS.forEach((a, i) => {
    fill(sheet('花名册'), 3 + i, a.main);
    for (const w of a.work) fill(sheet('工作经历'), next['工作经历']++, w);
    for (const c of 'certificates' in a ? a.certificates : []) fill(sheet('证书'), next['证书']++, c);
  });
  fill(sheet('花名册'), 7, { 编号: '5', 姓名: '戊', 职业: OCC, 申报等级: '五级', 学历: '高中' });
  fill(sheet('工作经历'), next['工作经历']++, { 编号: '5', 职业: OCC, 开始日期: '2020.13' });
  const filled = join(dir, 'filled.xlsx');
  await wb.xlsx.writeFile(filled);
  const before = readFileSync(filled);
  check = await zige(['roster', 'check', filled, '--as-of', AS_OF, '--out', join(dir, 'r.xlsx')]);
  expect(readFileSync(filled).equals(before)).toBe(true); // the input is never modified
  ({ sheets: review, warnings } = await readBack(join(dir, 'r.xlsx')));
});

describe('roster check: the filled template', () => {
  it('exits 1 (one cell went to the errors sheet), names it, and re-reads without warnings', () => {
    expect(check.code).toBe(1);
    expect(check.stderr).toContain('工作经历!D');
    expect(warnings).toBe(0);
    expect([...review.keys()]).toEqual(['审核结果', '汇总', '错误']);
    const errors = review.get('错误')!;
    expect(errors.slice(1).map((r) => `${r[0]}: ${r[2]}`)).toEqual([expect.stringMatching(/^工作经历!D\d+: 日期“2020\.13”无法识别$/)]);
  });

  it.each(APPLICANTS.map((a, i) => [a.key, i] as const))('applicant %s: the same result as zige eval --json on the same profile', async (key, i) => {
    const a = APPLICANTS[i];
    const file = join(dir, `p${key}.json`);
    writeFileSync(file, JSON.stringify(a.profile));
    const args = ['eval', file, '--occupation', OCC, '--level', String(a.level), '--as-of', AS_OF, '--json', ...('workType' in a ? ['--work-type', a.workType] : [])];
    const evaluated = await zige(args);
    expect(evaluated.code, evaluated.stderr).toBe(0);
    const r = (JSON.parse(evaluated.stdout) as { results: EvalResult[] }).results[0];
    const rows = review.get('审核结果')!;
    const got = byHeader(rows, 0, rows.findIndex((row) => row[0] === key));
    expect(got['审核结果']).toBe(STATUS[r.status]);
    expect(got['实际符合的条件']).toBe(r.matched.length > 0 ? r.matched.map((id) => clause(id, r.level)).join('、') : '无');
    if (r.earliest) expect(got['最早可报日期']).toBe(r.earliest);
    expect(got['需提供材料'] ?? '').toBe(r.status === 'eligible' ? r.evidence.map((e) => e.zh).join('；') : '');
    for (const ask of r.ask) expect(String(got['需核实'])).toContain(ask.reason.zh);
    if (r.status !== 'eligible') for (const c of r.missing[0].conditions) expect(String(got['最接近条件的差距'])).toContain(c.text.zh);
    const declared = r.clauses.find((c) => clause(c.id, r.level) === String(got['申报条件是否成立']).slice(0, 5));
    expect(declared, String(got['申报条件是否成立'])).toBeDefined();
    expect(got['申报条件是否成立']).toBe(`${clause(declared!.id, r.level)}${{ met: '成立', unmet: '不成立', unknown: '待核实' }[declared!.status]}`);
  });

  it('covers an eligible, an ineligible and a 待核实 applicant, and marks the unreadable row 待核实 with its reason', () => {
    const rows = review.get('审核结果')!;
    const status = (key: string): unknown => byHeader(rows, 0, rows.findIndex((r) => r[0] === key))['审核结果'];
    expect(['1', '2', '3', '4'].map(status)).toEqual(['符合', '符合', '待核实', '不符合']);
    const five = byHeader(rows, 0, rows.findIndex((r) => r[0] === '5'));
    expect(five['审核结果']).toBe('待核实');
    expect(five['读取问题']).toMatch(/^工作经历!D\d+: 日期“2020\.13”无法识别$/);
    expect(rows.find((r) => r[0] === '示例')?.length).toBe(23); // the example row: copied, not judged
  });

  it('keeps every original cell, and counts per occupation, level and result in the summary', () => {
    const rows = review.get('审核结果')!;
    const one = byHeader(rows, 0, rows.findIndex((r) => r[0] === '1'));
    expect(one['身份证号']).toBe('520102199506150024');
    expect(one['毕业时间']).toBe('2013-07-01');
    expect(one['申报条件']).toBe(APPLICANTS[0].main.申报条件);
    const summary = review.get('汇总')!.slice(1).map((r) => r.join(' '));
    expect(summary).toEqual(expect.arrayContaining(['互联网营销师 四级/中级工 符合 2', '互联网营销师 三级/高级工 待核实 1', '互联网营销师 五级/初级工 不符合 1', '互联网营销师 五级/初级工 待核实 1']));
  });
});

interface EvalResult {
  level: number;
  status: 'eligible' | 'ineligible' | 'unknown';
  matched: string[];
  clauses: { id: string; status: 'met' | 'unmet' | 'unknown' }[];
  earliest: string | null;
  evidence: { zh: string }[];
  ask: { reason: { zh: string } }[];
  missing: { conditions: { text: { zh: string } }[] }[];
}
