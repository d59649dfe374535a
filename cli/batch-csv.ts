// CSV input of `zige eval --batch`: the `profile` column found in the header, and the records
// after it handed on in pieces of profile texts (read by cli/csv-input.ts on the main thread).
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { decodeUtf8, type Records } from './batch-worker.js';
import { findColumn, type CsvRecord, type RecordFailure } from './csv-input.js';

/** Records read from a CSV input (on the main thread), with the texts of their profiles. */
export interface RecordsPiece {
  records: Records;
}

/** Profile texts handed to a worker at a time (CSV input). */
const RECORDS_CHARS = 256 * 1024;

/**
 * The records after the header of a CSV input in pieces of about RECORDS_CHARS of profile text:
 * the `profile` field of each, decoded, or why the record cannot be judged.
 */
export function* csvPieces(records: Generator<CsvRecord>, column: number): Generator<RecordsPiece> {
  let piece: Required<Records> = { lines: [], texts: [], lastLines: [] };
  let chars = 0;
  for (const r of records) {
    let text: string | RecordFailure;
    if (r.failure) text = r.failure;
    else if (r.encoding) text = { code: r.encoding.code, args: { byte: r.encoding.byte } };
    else text = column < r.fields.length ? decodeUtf8(r.fields[column], true).replace(/\r\n/g, '\n') : '';
    piece.lines.push(r.line);
    piece.lastLines.push(r.lastLine);
    piece.texts.push(text);
    chars += typeof text === 'string' ? text.length : 0;
    if (chars >= RECORDS_CHARS || piece.lines.length >= 4096) {
      yield { records: piece };
      piece = { lines: [], texts: [], lastLines: [] };
      chars = 0;
    }
  }
  if (piece.lines.length > 0) yield { records: piece };
}

/** The index of the `profile` column named by the header (the first record), or the error to report. */
export function profileColumn(head: IteratorResult<CsvRecord>, shown: string): number | Omit<Diagnostic, 'severity'> {
  const line = head.done ? 1 : head.value.line;
  const failure = head.done ? null : (head.value.failure ?? (head.value.encoding && { code: head.value.encoding.code, args: { byte: head.value.encoding.byte } }));
  if (failure) return { code: failure.code, file: `${shown}:${line}`, path: '', args: failure.args };
  const column = head.done ? -1 : findColumn(head.value.fields.map((f) => decodeUtf8(f, true)), 'profile');
  if (typeof column !== 'number') return { code: column.code, file: `${shown}:${line}`, path: '', args: column.args };
  if (column >= 0) return column;
  return { code: 'E_PROFILE_PARSE', file: `${shown}:${line}`, path: '', args: { detail: 'a CSV input needs a header row with a `profile` column (docs/profile.md)' } };
}
