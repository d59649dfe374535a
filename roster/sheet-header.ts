// The first rows of a streamed sheet, held until its header row is found (roster/header.ts):
// what comes before the header (a title), the header, and the rest of the rows still to stream.
import { findHeader, HEADER_SEARCH_ROWS, type HeaderMatch } from './header.js';
import type { Field } from './fields.js';
import type { SheetRow } from './read-sheets.js';

export interface HeadedSheet {
  header: HeaderMatch;
  /** Rows above the header, in order. */
  before: SheetRow[];
  headerRow: SheetRow;
  /** Rows after the header among those already read. */
  after: SheetRow[];
  rest: AsyncIterator<SheetRow>;
}

/** Reads up to HEADER_SEARCH_ROWS rows of `rows` and finds the header among them; undefined when there is none. */
export async function headed(rows: AsyncIterable<SheetRow>, fields: readonly Field[], mapping: Readonly<Record<string, string>>): Promise<HeadedSheet | undefined> {
  const it = rows[Symbol.asyncIterator]();
  const first: SheetRow[] = [];
  while (first.length < HEADER_SEARCH_ROWS) {
    const next = await it.next();
    if (next.done) break;
    first.push(next.value);
  }
  const header = findHeader(first, fields, mapping);
  if (!header) {
    await drain(it);
    return undefined;
  }
  const at = first.findIndex((r) => r.number === header.row);
  return { header, before: first.slice(0, at), headerRow: first[at], after: first.slice(at + 1), rest: it };
}

/** Every row after the header: those read while looking for it, then the rest. */
export async function* dataRows(h: HeadedSheet): AsyncGenerator<SheetRow> {
  yield* h.after;
  for (let next = await h.rest.next(); !next.done; next = await h.rest.next()) yield next.value;
}

/** Reads a sheet to its end (the streaming reader needs every sheet read before the next). */
export async function drain(it: AsyncIterator<SheetRow> | AsyncIterable<SheetRow>): Promise<void> {
  const iterator = Symbol.asyncIterator in it ? it[Symbol.asyncIterator]() : it;
  for (let next = await iterator.next(); !next.done; next = await iterator.next());
}

/** Whether a row has no value in any cell (blank trailing rows, spacer rows). */
export function blankRow(values: readonly unknown[]): boolean {
  for (let c = 1; c < values.length; c++) {
    const v = values[c];
    if (v !== undefined && v !== null && !(typeof v === 'string' && v.trim() === '')) return false;
  }
  return true;
}
