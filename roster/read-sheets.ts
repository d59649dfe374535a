// The rows of a roster, sheet by sheet, streamed: an .xlsx through exceljs's streaming reader
// (shared strings and styles cached, as dates need the styles; hyperlinks read as their text), a
// .csv through the project's one CSV reader (cli/csv-input.ts) as one sheet, in UTF-8 (with or
// without a byte-order mark) or GBK (detected, or `--encoding gbk`). Rows come as exceljs gives
// them: `values` 1-based by column.
import { closeSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { readCsv } from '../cli/csv-input.js';
import { encodingProblem } from '../compiler/load/encoding.js';
import type { Problem } from './read-fields.js';
import { Utf8WorkbookReader } from './utf8-workbook-reader.js';

/** Excel's last row: a sheet claiming more is refused at that row. */
export const MAX_ROWS = 1_048_576;

export interface SheetRow {
  number: number;
  values: unknown[];
  /** What made the row unreadable as a whole (a CSV record the reader refused, bytes not in the encoding). */
  problems?: Problem[];
}

export interface Sheet {
  name: string;
  rows: AsyncIterable<SheetRow>;
}

export type CsvEncoding = 'utf8' | 'gbk';

/** The sheets of an .xlsx file, streamed in file order (characters read whole: roster/utf8-workbook-reader.ts); each sheet's rows must be read before the next sheet. */
export async function* xlsxSheets(path: string): AsyncGenerator<Sheet> {
  const reader = new Utf8WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore' });
  for await (const ws of reader) {
    const sheet = ws as unknown as { name: string } & AsyncIterable<{ number: number; values: unknown[] }>;
    yield { name: sheet.name, rows: rowsOf(sheet) };
  }
}

async function* rowsOf(rows: AsyncIterable<{ number: number; values: unknown[] }>): AsyncGenerator<SheetRow> {
  for await (const row of rows) {
    if (row.number > MAX_ROWS) throw new RangeError(`row ${row.number} > ${MAX_ROWS}`);
    yield { number: row.number, values: row.values };
  }
}

/** GBK when told so; else GBK when the file's start is not UTF-8 but is valid GB18030. */
export function csvEncoding(path: string, told: CsvEncoding | undefined): CsvEncoding {
  if (told) return told;
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const n = readSync(fd, head, 0, head.length, 0);
    const cut = n === head.length ? head.lastIndexOf(10, n - 1) + 1 : n;
    const sample = head.subarray(0, cut > 0 ? cut : n);
    if (!encodingProblem(sample)) return 'utf8';
    new TextDecoder('gb18030', { fatal: true }).decode(sample);
    return 'gbk';
  } catch {
    return 'utf8';
  } finally {
    closeSync(fd);
  }
}

/**
 * A CSV file as one sheet named after the file. A record whose bytes are not in the file's
 * encoding, or that the reader cannot read, comes out with its problem, so that the run goes on
 * and the row is never silently dropped.
 */
export function csvSheet(path: string, encoding: CsvEncoding): Sheet {
  const name = basename(path);
  const decoder = new TextDecoder(encoding === 'gbk' ? 'gb18030' : 'utf-8');
  async function* rows(): AsyncGenerator<SheetRow> {
    const fd = openSync(path, 'r');
    try {
      for (const r of readCsv(fd, { maxRecordBytes: 5 * 1024 * 1024 })) {
        const ref = `${name}!A${r.line}`;
        const problems: Problem[] = [];
        if (r.failure) problems.push({ ref, code: r.failure.code, args: r.failure.args });
        else if (r.encoding && encoding === 'utf8') problems.push({ ref, code: 'E_ENCODING', args: { byte: r.encoding.byte } });
        yield { number: r.line, values: [undefined, ...r.fields.map((f) => decoder.decode(f))], ...(problems.length > 0 ? { problems } : {}) };
      }
    } finally {
      closeSync(fd);
    }
  }
  return { name, rows: rows() };
}
