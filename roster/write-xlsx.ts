// The reviewed roster as .xlsx, streamed with exceljs's WorkbookWriter (rows are committed as they
// come; memory does not grow with the roster): the main sheet's original cells as they were (a
// formula keeps its formula and cached result, a date its date), the result columns after them,
// the row coloured by result; then the summary and errors sheets. Result texts are written as text
// cells and neutralised against formula injection.
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralised } from '../cli/spreadsheet-text.js';
import { formatMessage } from '../compiler/diagnostics/messages.js';
import { RESULT_COLUMNS, type ResultKey } from './fields.js';
import type { StatusWord } from './result-cells.js';
import { atomicTarget, type ReviewWriter } from './review-writer.js';

export const SHEETS = { review: '审核结果', summary: '汇总', errors: '错误' } as const;

/** Fill colours by result (Excel's own "good / bad / neutral" pale colours). */
const FILLS: Record<StatusWord, string> = { 符合: 'FFC6EFCE', 不符合: 'FFFFC7CE', 待核实: 'FFFFEB9C' };

const DATE_FORMAT = 'yyyy-mm-dd';

/** An original cell's value as the writer takes it: a shared formula (which needs its master cell) as its result. */
function original(v: unknown): unknown {
  if (v && typeof v === 'object' && 'sharedFormula' in v) return (v as { result?: unknown }).result ?? null;
  return v ?? null;
}

/** Column widths of the result columns (characters): the sentences wrap within them. */
const RESULT_WIDTHS: Record<ResultKey, number> = { status: 10, declaredHolds: 16, holding: 16, shortfall: 40, earliest: 13, ask: 40, evidence: 40, problems: 40 };

/** Bytes the sheet may have waiting for the zip's deflate before the next row waits for it. */
const HIGH_WATER = 4 * 1024 * 1024;

/**
 * Waits while the zip is behind. exceljs's sheet stream writes into the zip's entry without
 * heeding backpressure (utils/stream-buf.js), so when deflate is slower than judging, every row
 * would wait in memory; the entry's own buffer says how far behind it is.
 */
async function caughtUp(ws: ExcelJS.Worksheet): Promise<void> {
  const target = (ws as unknown as { stream?: { pipes?: Writable[] } }).stream?.pipes?.[0];
  if (target && target.writableLength > HIGH_WATER && target.writableNeedDrain) await once(target, 'drain');
}

function addRow(ws: ExcelJS.Worksheet, cells: unknown[], fill?: string, wrapFrom = Infinity): void {
  const row = ws.addRow(cells);
  row.eachCell({ includeEmpty: fill !== undefined }, (cell, col) => {
    if (cell.value instanceof Date) cell.numFmt = DATE_FORMAT;
    if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
    if (col >= wrapFrom) cell.alignment = { wrapText: true, vertical: 'top' };
  });
  row.commit();
}

export function xlsxWriter(out: string): ReviewWriter {
  const target = atomicTarget(out);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: target.tmp, useStyles: true, useSharedStrings: false });
  wb.creator = 'zige roster check';
  // printed (or exported to PDF) as one page wide, landscape A3: the results beside the applicant
  const ws = wb.addWorksheet(SHEETS.review, { pageSetup: { paperSize: 8 as never, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  let width = 0;
  const originals = (values: readonly unknown[]): unknown[] => Array.from({ length: width }, (_, i) => original(values[i + 1]));
  return {
    copy(values) {
      addRow(ws, values.slice(1).map(original));
    },
    header(values, w) {
      width = w;
      ws.columns = [...originals(values).map((h) => ({ width: Math.min(30, Math.max(10, String(h ?? '').length * 2 + 2)) })), ...RESULT_COLUMNS.map((c) => ({ width: RESULT_WIDTHS[c.key] }))];
      const row = ws.addRow([...originals(values), ...RESULT_COLUMNS.map((c) => c.zh)]);
      row.font = { bold: true };
      row.commit();
    },
    async row(values, results) {
      const status = results.status as StatusWord;
      addRow(ws, [...originals(values), ...RESULT_COLUMNS.map((c) => neutralised(results[c.key]))], FILLS[status], width + 1);
      await caughtUp(ws);
    },
    async finish(summary, problems) {
      ws.commit();
      const sum = wb.addWorksheet(SHEETS.summary);
      sum.addRow(['职业', '等级', '审核结果', '人数']).commit();
      for (const s of summary) sum.addRow([neutralised(s.occupation), s.level, s.status, s.count]).commit();
      sum.commit();
      const err = wb.addWorksheet(SHEETS.errors);
      err.addRow(['单元格', '代码', '问题', 'problem']).commit();
      for (const p of problems) err.addRow([p.ref, p.code, neutralised(formatMessage(p, 'zh')), neutralised(formatMessage(p, 'en'))]).commit();
      err.commit();
      await wb.commit();
      target.commit();
    },
    abort() {
      target.abort();
    },
  };
}
