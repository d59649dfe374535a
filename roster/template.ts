// `zige roster template`: a workbook to fill in, written with exceljs's non-streaming API (its
// streaming writer mishandles data validation: exceljs issues 2784 and 1387). The main sheet has
// the Chinese headers (English in each header's note), drop-downs for the closed lists, date
// cells, an example row; the detail sheets (学历, 证书, 工作经历, 培训) take one row per entry, keyed
// by 编号; the declared condition offers, per occupation and level, the clauses of the rules
// (a hidden list sheet, one defined name per occupation and level, picked by INDIRECT).
import ExcelJS from 'exceljs';
import type { Candidate } from '../cli/bundled.js';
import { LEVELS } from '../runtime/words.js';
import { declaredLabel } from './declared.js';
import { DETAIL_SHEETS, EXAMPLE_KEY, LISTS, MAIN_FIELDS, MAIN_SHEET, type Field } from './fields.js';
import { columnLetter } from './header.js';
import { levelLabel } from './levels.js';
import { templateExample, INSTRUCTIONS } from './template-text.js';

/** Rows of the main and detail sheets that carry drop-downs and date formats. */
export const TEMPLATE_ROWS = 2000;
const LIST_SHEET = '清单';

interface DataValidations {
  dataValidations: { add(range: string, v: ExcelJS.DataValidation): void };
}

function quoted(values: readonly string[]): string {
  return `"${values.join(',')}"`;
}

interface Lists {
  occupations: string;
  levels: string;
  workTypes: string;
}

/** The hidden list sheet: occupations, levels, work types, and each occupation × level's clauses under a defined name. */
function listSheet(wb: ExcelJS.Workbook, occupations: readonly Candidate[]): Lists {
  const ws = wb.addWorksheet(LIST_SHEET, { state: 'hidden' });
  const col = (c: number, values: readonly string[]): string => {
    values.forEach((v, i) => (ws.getCell(i + 1, c).value = v));
    const l = columnLetter(c);
    return `'${LIST_SHEET}'!$${l}$1:$${l}$${Math.max(1, values.length)}`;
  };
  const lists = {
    occupations: col(1, occupations.map((o) => o.name)),
    levels: col(2, LEVELS.map(levelLabel)),
    workTypes: col(3, [...new Set(occupations.flatMap((o) => o.workTypes.map((w) => w.name)))]),
  };
  let c = 4;
  occupations.forEach((o, i) => {
    const clauses = o.compiled().meta.clauses;
    LEVELS.forEach((level, j) => {
      const own = clauses.filter((x) => x.level === level);
      if (own.length === 0) return;
      wb.definedNames.add(col(c++, own.map(declaredLabel)), `zige_c_${i + 1}_${j + 1}`);
    });
  });
  return lists;
}

function validation(field: Field, col: { occ: string; level: string }, lists: Lists): ExcelJS.DataValidation | undefined {
  const list = (formula: string, strict = true): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showErrorMessage: strict,
    errorStyle: 'warning',
    error: '请从下拉列表中选择 / choose from the list',
  });
  if (field.key === 'occupation') return list(lists.occupations);
  if (field.key === 'workType') return list(lists.workTypes);
  if (field.kind === 'level') return list(lists.levels);
  if (field.key === 'declared') {
    const occ = `MATCH($${col.occ}2,${lists.occupations},0)`;
    const level = `MATCH($${col.level}2,${lists.levels},0)`;
    // typed forms (4/2, 四级第2条, the sentence) are read too: the list is a help, not a limit
    return list(`INDIRECT("zige_c_"&${occ}&"_"&${level})`, false);
  }
  if (field.list) return list(quoted(LISTS[field.list]));
  return undefined;
}

function fillSheet(ws: ExcelJS.Worksheet, fields: readonly Field[], lists: Lists, example: readonly ExcelJS.CellValue[]): void {
  ws.columns = fields.map((f) => ({ key: f.key, width: Math.max(10, f.zh.length * 2 + 4), style: f.kind === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} }));
  const header = ws.getRow(1);
  fields.forEach((f, i) => {
    const cell = header.getCell(i + 1);
    cell.value = f.zh;
    cell.note = f.note ? `${f.en}\n${f.note}` : f.en;
    cell.font = { bold: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  });
  ws.getRow(2).values = [...example];
  ws.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const col = { occ: columnLetter(fields.findIndex((f) => f.key === 'occupation') + 1), level: columnLetter(fields.findIndex((f) => f.key === 'level') + 1) };
  fields.forEach((f, i) => {
    const v = validation(f, col, lists);
    const l = columnLetter(i + 1);
    // exceljs types lack worksheet.dataValidations (present since 4.0, ranges included)
    if (v) (ws as unknown as DataValidations).dataValidations.add(`${l}2:${l}${TEMPLATE_ROWS + 1}`, v);
  });
}

/** The template workbook for `occupations` (the drop-downs' choices). */
export function templateWorkbook(occupations: readonly Candidate[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'zige roster template';
  const info = wb.addWorksheet('说明');
  info.columns = [{ width: 120 }];
  for (const line of INSTRUCTIONS) info.addRow([line]);
  const main = wb.addWorksheet(MAIN_SHEET.zh);
  const details = DETAIL_SHEETS.map((s) => ({ spec: s, ws: wb.addWorksheet(s.zh) }));
  const lists = listSheet(wb, occupations);
  const example = templateExample(occupations[0]);
  fillSheet(main, MAIN_FIELDS, lists, MAIN_FIELDS.map((f) => example.main[f.key] ?? null));
  for (const { spec, ws } of details) fillSheet(ws, spec.fields, lists, spec.fields.map((f) => (f.key === 'key' ? EXAMPLE_KEY : (example[spec.key][f.key] ?? null))));
  return wb;
}
