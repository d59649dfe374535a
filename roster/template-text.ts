// The template's words: the instructions sheet, and the example rows (编号 示例: copied to the
// reviewed workbook, never judged).
import type { Candidate } from '../cli/bundled.js';
import { DETAIL_SHEETS, EXAMPLE_KEY, MAIN_FIELDS, MAIN_SHEET } from './fields.js';
import { levelLabel } from './levels.js';

export const INSTRUCTIONS: readonly string[] = [
  'zige 报名花名册模板 / zige registration roster template',
  '',
  `1. 每位申请人在“${MAIN_SHEET.zh}”表填一行；编号须唯一。One row per applicant on the sheet ${MAIN_SHEET.zh}; each 编号 (row key) unique.`,
  '2. 学历、证书、工作经历、培训可以有多条：在同名的表中每条一行，用编号与花名册对应（三段工作经历 = 工作经历表三行）。',
  '   Lists (education, certificates, jobs, training) go on their own sheets, one row per entry, joined to the roster by 编号.',
  '3. 只知道年数、没有起止日期的工作经历填“本职业工作年限”（或工作经历表的“年限”），按“不确定何时”处理。',
  '   Years without dates go in 本职业工作年限 (or 年限 on the work sheet): undated years.',
  '4. 申报条件可从下拉列表选择，也可写条款编号（4/2）、“四级第2条”、“（2）”或条款原文。',
  '   The declared condition: pick it from the list, or write 4/2, 四级第2条, （2）, or the clause sentence.',
  '5. 日期可写 2020-07-01、2020.07、2020年7月、2020/7/1；只写年月时按当月 1 日。',
  '   Dates: 2020-07-01, 2020.07, 2020年7月, 2020/7/1; a month alone is its first day.',
  '6. 没有出生日期时，按身份证号中的出生日期。The birth date is taken from the identity number when not given.',
  `7. 编号为“${EXAMPLE_KEY}”的行是示例，不参与审核，可删除。Rows whose 编号 is ${EXAMPLE_KEY} are examples: never judged.`,
  '8. 审核：zige roster check 本文件.xlsx --as-of 2026-11-28 --out 审核结果.xlsx',
  '',
  '列 / Columns:',
  ...MAIN_FIELDS.map((f) => `  ${MAIN_SHEET.zh} · ${f.zh} — ${f.en}${f.note ? `（${f.note}）` : ''}`),
  ...DETAIL_SHEETS.flatMap((s) => s.fields.map((f) => `  ${s.zh} · ${f.zh} — ${f.en}${f.note ? `（${f.note}）` : ''}`)),
];

type Row = Record<string, string | number | Date | null>;

/** The example rows: one applicant of the first occupation, with one entry on each detail sheet. */
export function templateExample(o: Candidate | undefined): { main: Row; education: Row; certificates: Row; work: Row; training: Row } {
  const occupation = o?.name ?? '';
  const level = o?.levels.includes(4) ? 4 : (o?.levels[0] ?? 4);
  const clause = o?.compiled().meta.clauses.find((c) => c.level === level);
  return {
    main: {
      key: EXAMPLE_KEY,
      name: '张三',
      idNumber: '110105199804020028',
      occupation,
      workType: o?.workTypes[0]?.name ?? null,
      level: levelLabel(level),
      declared: clause ? clause.id.split('/').slice(-2).join('/') : null,
      education: '高中',
      educationStatus: '毕业',
      graduationDate: new Date(Date.UTC(2016, 6, 1)),
      years: null,
      source: '企业',
    },
    education: { level: '高中', status: '毕业', date: new Date(Date.UTC(2016, 6, 1)) },
    certificates: { number: 'S000000000000001', occupation, level: '五级/初级工', kind: '技能等级证书', date: new Date(Date.UTC(2020, 5, 30)), relation: '本职业' },
    work: { employer: '某某电子商务有限公司', occupation, from: new Date(Date.UTC(2019, 2, 1)), to: null, relation: '本职业' },
    training: { occupation, level: levelLabel(level), date: new Date(Date.UTC(2024, 4, 20)), certificate: '是', examPassed: '是', relation: '本职业' },
  };
}
