// Finding a sheet's header row and its columns: the row among the first ones that names most of
// the sheet's fields (a title above it, or a merged group header above sub-headers, is fine),
// each column matched by its header, a synonym, or the institution's own name from the mapping
// file; columns in any order, extra columns kept and ignored.
import { headerKey, type Field } from './fields.js';
import { plainText, readCell } from './cell-value.js';

/** Rows looked at for the header. */
export const HEADER_SEARCH_ROWS = 30;

export interface HeaderMatch {
  /** The row number (1-based) of the header. */
  row: number;
  /** Field key → column number (1-based). */
  columns: Map<string, number>;
  /** Every header cell's text by column (for the reviewed copy and messages). */
  headers: string[];
  duplicates: { field: Field; first: number; second: number }[];
}

/** Column number → letters: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** The names a field's header may have: its own, its synonyms, and the mapping file's. */
function namesOf(fields: readonly Field[], mapping: Readonly<Record<string, string>>): Map<string, Field> {
  const names = new Map<string, Field>();
  for (const field of fields) {
    const mapped = Object.hasOwn(mapping, field.zh) ? [mapping[field.zh]] : [];
    for (const n of [...mapped, field.zh, field.en, field.key, ...field.synonyms]) {
      const k = headerKey(n);
      if (!names.has(k)) names.set(k, field);
    }
  }
  return names;
}

/** Each row's cell texts; a merged group header's text carried right over the empty cells it spans. */
function rowTexts(values: readonly unknown[]): string[] {
  const out: string[] = [];
  for (let c = 1; c < values.length; c++) {
    const r = readCell(values[c]);
    out[c] = 'value' in r ? plainText(r.value).trim() : '';
  }
  return out;
}

function carried(texts: readonly string[]): string[] {
  const out: string[] = [];
  let last = '';
  for (let c = 1; c < texts.length; c++) out[c] = last = texts[c] || last;
  return out;
}

function matchRow(texts: readonly string[], above: readonly string[], names: Map<string, Field>): Omit<HeaderMatch, 'row'> & { viaParent: boolean } {
  const columns = new Map<string, number>();
  const duplicates: HeaderMatch['duplicates'] = [];
  const parent = carried(above);
  let viaParent = false;
  for (let c = 1; c < texts.length; c++) {
    if (!texts[c]) continue;
    // a group header's name with the sub-header's first (原证书 + 等级), else the sub-header's own
    const grouped = parent[c] ? names.get(headerKey(parent[c] + texts[c])) : undefined;
    const field = grouped ?? names.get(headerKey(texts[c]));
    if (!field) continue;
    viaParent ||= grouped !== undefined;
    const first = columns.get(field.key);
    if (first === undefined) columns.set(field.key, c);
    else duplicates.push({ field, first, second: c });
  }
  return { columns, headers: texts.map((t) => t ?? ''), duplicates, viaParent };
}

/**
 * A header of two rows (a group header merged over sub-headers): the upper row's own headers
 * where the lower row's cell is empty (序号, 职业 … spanning both rows), with the lower row's.
 */
function twoRows(lower: Omit<HeaderMatch, 'row'>, upper: readonly string[], names: Map<string, Field>): Omit<HeaderMatch, 'row'> {
  const top = matchRow(upper, [], names);
  const columns = new Map(lower.columns);
  const headers = [...lower.headers];
  for (const [key, col] of top.columns) {
    if (columns.has(key) || lower.headers[col]) continue;
    columns.set(key, col);
    headers[col] = upper[col];
  }
  return { columns, headers, duplicates: lower.duplicates };
}

/** The header among `rows` (row number, cell values): the first row naming at least two fields, most of them. */
export function findHeader(rows: readonly { number: number; values: readonly unknown[] }[], fields: readonly Field[], mapping: Readonly<Record<string, string>> = {}): HeaderMatch | undefined {
  const names = namesOf(fields, mapping);
  let best: HeaderMatch | undefined;
  let above: string[] = [];
  for (const r of rows) {
    const texts = rowTexts(r.values);
    const own = matchRow(texts, above, names);
    const m = own.viaParent ? twoRows(own, above, names) : own;
    if (m.columns.size >= 2 && (!best || m.columns.size > best.columns.size)) best = { row: r.number, columns: m.columns, headers: m.headers, duplicates: m.duplicates };
    above = texts;
  }
  return best;
}
