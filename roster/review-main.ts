// The second pass: the main sheet streamed row by row, each applicant judged (roster/applicant.ts)
// and written to the reviewed copy as it comes, with the counts of the summary sheet and every
// problem for the errors sheet. Blank rows (trailing ones, spacers) are left out.
import { EXAMPLE_KEY, KEY, MAIN_FIELDS, MAIN_SHEET } from './fields.js';
import { judgeApplicant, type Judged, type RosterContext } from './applicant.js';
import type { ColumnMapping } from './columns-file.js';
import { normalizeIdentity } from './identity.js';
import { readFields, type Problem } from './read-fields.js';
import type { Sheet } from './read-sheets.js';
import type { ReviewWriter, SummaryRow } from './review-writer.js';
import { blankRow, dataRows, headed } from './sheet-header.js';
import type { StatusWord } from './result-cells.js';

/** Columns the main sheet cannot do without. */
const REQUIRED = ['occupation', 'level'] as const;

export interface MainReview {
  rows: number;
  summary: SummaryRow[];
  /** Keys of the applicants read (detail rows of other keys are reported). */
  keys: Set<string>;
}

/** A fatal problem of the main sheet: no header, a column it cannot do without. */
export class SheetError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

function tally(counts: Map<string, SummaryRow>, j: Judged): void {
  const status = j.cells.status as StatusWord;
  const k = `${j.occupation}\u0000${j.level}\u0000${status}`;
  const row = counts.get(k);
  if (row) row.count++;
  else counts.set(k, { occupation: j.occupation, level: j.level, status, count: 1 });
}

export async function reviewMain(
  sheet: Sheet,
  ctx: Omit<RosterContext, 'sheet' | 'columns'>,
  mapping: ColumnMapping,
  writer: ReviewWriter,
  onRow: (j: Judged, row: number) => void,
): Promise<MainReview> {
  const h = await headed(sheet.rows, MAIN_FIELDS, mapping.columns[MAIN_SHEET.zh] ?? {});
  if (!h) throw new SheetError({ ref: `${sheet.name}!A1`, code: 'E_ROSTER_NO_HEADER', args: { sheet: sheet.name, rows: 30, needed: REQUIRED.map((k) => MAIN_FIELDS.find((f) => f.key === k)?.zh).join('、') } });
  for (const key of REQUIRED) {
    if (h.header.columns.has(key)) continue;
    const field = MAIN_FIELDS.find((f) => f.key === key)!;
    throw new SheetError({ ref: `${sheet.name}!A${h.header.row}`, code: 'E_ROSTER_MISSING_COLUMN', args: { sheet: sheet.name, column: field.zh, en: field.en } });
  }
  const context: RosterContext = { ...ctx, sheet: sheet.name, columns: h.header.columns };
  for (const r of h.before) writer.copy(r.values);
  writer.header(h.headerRow.values, Math.max(h.headerRow.values.length - 1, ...h.header.columns.values()));
  const counts = new Map<string, SummaryRow>();
  const keys = new Set<string>();
  let rows = 0;
  for await (const row of dataRows(h)) {
    if (blankRow(row.values) && !row.problems) continue;
    const read = readFields(sheet.name, row.number, row.values, MAIN_FIELDS, h.header.columns);
    read.problems.unshift(...(row.problems ?? []));
    const key = applicantKey(read.values);
    if (key === EXAMPLE_KEY) {
      writer.copy(row.values);
      continue;
    }
    if (key !== undefined) keys.add(key);
    const judged = judgeApplicant(context, row.number, read, key);
    await writer.row(row.values, judged.cells);
    tally(counts, judged);
    onRow(judged, row.number);
    rows++;
  }
  return { rows, summary: [...counts.values()], keys };
}

/** The row key joining the detail sheets: the 编号 cell, else the identity number. */
function applicantKey(values: Record<string, unknown>): string | undefined {
  if (typeof values[KEY.key] === 'string' && values[KEY.key] !== '') return values[KEY.key] as string;
  return typeof values.idNumber === 'string' && values.idNumber !== '' ? normalizeIdentity(values.idNumber) : undefined;
}
