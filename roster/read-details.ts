// The first pass over a workbook: the detail sheets (学历, 证书, 工作经历, 培训), found by name,
// read into each applicant key's entries and held in memory (about 100 bytes an entry; the bench
// measures 300,000), so that the second pass can stream the main sheet and judge each row as it
// comes. The main sheet and unknown sheets are read through and their names kept.
import { DETAIL_SHEETS, EXAMPLE_KEY, headerKey, KEY, MAIN_SHEET, type SheetSpec } from './fields.js';
import { addDetail, emptyDetails, type Details } from './build-profile.js';
import type { ColumnMapping } from './columns-file.js';
import { columnLetter } from './header.js';
import { readFields, type Problem } from './read-fields.js';
import { xlsxSheets } from './read-sheets.js';
import { blankRow, dataRows, drain, headed } from './sheet-header.js';

export interface DetailsRead {
  details: Map<string, Details>;
  /** Each key's first detail row, for a key no applicant has. */
  firstRef: Map<string, string>;
  sheets: string[];
  /** The main sheet's name, when a sheet has one of its names. */
  main: string | undefined;
  /** Structural problems: a detail sheet without a header or key column (its rows are not used). */
  problems: Problem[];
}

function named(name: string, own: { zh: string; en: string; synonyms: readonly string[] }, mapped: string | undefined): boolean {
  const k = headerKey(name);
  return [mapped, own.zh, own.en, ...own.synonyms].some((n) => n !== undefined && headerKey(n) === k);
}

export function isMainSheet(name: string, mapping: ColumnMapping): boolean {
  return named(name, MAIN_SHEET, mapping.sheets[MAIN_SHEET.zh]);
}

function detailSpec(name: string, mapping: ColumnMapping): SheetSpec | undefined {
  return DETAIL_SHEETS.find((s) => named(name, s, mapping.sheets[s.zh]));
}

async function readDetailSheet(spec: SheetSpec, name: string, rows: AsyncIterable<import('./read-sheets.js').SheetRow>, mapping: ColumnMapping, out: DetailsRead): Promise<void> {
  const h = await headed(rows, spec.fields, mapping.columns[spec.zh] ?? {});
  if (!h) return void out.problems.push({ ref: `${name}!A1`, code: 'E_ROSTER_NO_HEADER', args: { sheet: name, rows: 30, needed: spec.fields.map((f) => f.zh).join('、') } });
  const keyCol = h.header.columns.get(KEY.key);
  if (keyCol === undefined) {
    await drain(h.rest);
    return void out.problems.push({ ref: `${name}!A${h.header.row}`, code: 'E_ROSTER_MISSING_COLUMN', args: { sheet: name, column: KEY.zh, en: KEY.en } });
  }
  for await (const row of dataRows(h)) {
    if (blankRow(row.values)) continue;
    const read = readFields(name, row.number, row.values, spec.fields, h.header.columns);
    const key = typeof read.values.key === 'string' ? read.values.key : undefined;
    const ref = `${name}!${columnLetter(keyCol)}${row.number}`;
    if (key === EXAMPLE_KEY) continue;
    if (!key) {
      out.problems.push({ ref, code: 'E_ROSTER_REQUIRED', args: { column: KEY.zh } });
      continue;
    }
    let d = out.details.get(key);
    if (!d) out.details.set(key, (d = emptyDetails()));
    if (!out.firstRef.has(key)) out.firstRef.set(key, ref);
    addDetail(d, spec.key, read, ref, (field) => {
      const col = h.header.columns.get(field);
      const label = spec.fields.find((f) => f.key === field)?.zh ?? field;
      return { ref: `${name}!${columnLetter(col ?? keyCol)}${row.number}`, code: 'E_ROSTER_REQUIRED', args: { column: label } };
    });
  }
}

/** Reads the detail sheets of the workbook at `path`. */
export async function readDetails(path: string, mapping: ColumnMapping): Promise<DetailsRead> {
  const out: DetailsRead = { details: new Map(), firstRef: new Map(), sheets: [], main: undefined, problems: [] };
  for await (const sheet of xlsxSheets(path)) {
    out.sheets.push(sheet.name);
    const spec = detailSpec(sheet.name, mapping);
    if (out.main === undefined && isMainSheet(sheet.name, mapping)) out.main = sheet.name;
    if (spec) await readDetailSheet(spec, sheet.name, sheet.rows, mapping, out);
    else await drain(sheet.rows);
  }
  return out;
}
