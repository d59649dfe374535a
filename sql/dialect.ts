// The two SQL dialects zige writes, and the one way text enters generated SQL: as a quoted
// literal, escaped here. Identifiers in generated SQL are made by the generator (o1_work, a3),
// never taken from rule or profile text.

export type Dialect = 'duckdb' | 'postgres';

export const DIALECTS: readonly Dialect[] = ['duckdb', 'postgres'];

export function isDialect(s: string | undefined): s is Dialect {
  return s === 'duckdb' || s === 'postgres';
}

/** Text that cannot be a SQL literal: a NUL character (PostgreSQL's text refuses it). */
export class UnquotableText extends Error {
  constructor(readonly text: string) {
    super('text with a NUL character cannot be a SQL literal');
    this.name = 'UnquotableText';
  }
}

/**
 * A string literal. Both dialects read '…' with '' for a quote and take backslashes literally
 * (PostgreSQL with standard_conforming_strings, its default since 9.1; the literal is written
 * E-free so that no escape processing applies).
 */
export function literal(text: string): string {
  if (text.includes('\0')) throw new UnquotableText(text);
  return `'${text.replace(/'/g, "''")}'`;
}

/** A list of literals for `IN (…)`; never empty (an empty list is written as a NULL that matches nothing). */
export function literalList(texts: readonly string[]): string {
  return texts.length === 0 ? '(NULL)' : `(${texts.map(literal).join(', ')})`;
}

/** A number literal (finite: the checker gives only finite numbers). */
export function numberLiteral(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`not a finite number: ${n}`);
  return Number.isInteger(n) ? String(n) : `CAST(${String(n)} AS DOUBLE PRECISION)`;
}

/** The placeholder of the as-of date: a bound parameter in both dialects. */
export const AS_OF_PARAMETER = '$1';

/** `column NOT IN (…)`, TRUE for an empty list (NOT IN (NULL) would be unknown). */
export function notIn(column: string, texts: readonly string[]): string {
  return texts.length === 0 ? 'TRUE' : `${column} NOT IN ${literalList(texts)}`;
}
