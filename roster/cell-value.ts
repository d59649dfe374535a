// A spreadsheet cell's value as zige reads it, whatever form the library hands it in: plain
// values, rich text (its runs joined), a hyperlink (its text), a formula (its cached result; none
// is an error for that cell) and error values (#N/A …, an error for that cell).

/** A cell's value once read: text, a number, a date (from a date-formatted cell), a boolean, or nothing. */
export type Plain = string | number | boolean | Date | null;

export type CellProblem = { code: 'E_ROSTER_FORMULA'; args: Record<string, string> } | { code: 'E_ROSTER_ERROR_VALUE'; args: Record<string, string> };

export type CellRead = { value: Plain } | { problem: CellProblem };

interface RichText {
  richText: { text: string }[];
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** The value of one cell as exceljs gives it. */
export function readCell(v: unknown): CellRead {
  if (v === undefined || v === null) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v };
  if (!isObject(v)) return { value: String(v) };
  if (Array.isArray((v as unknown as RichText).richText)) return { value: (v as unknown as RichText).richText.map((r) => r.text).join('') };
  if ('error' in v) return { problem: { code: 'E_ROSTER_ERROR_VALUE', args: { value: String(v.error) } } };
  if ('formula' in v || 'sharedFormula' in v) {
    const formula = String(v.formula ?? v.sharedFormula);
    if (!('result' in v) || v.result === undefined || v.result === null) return { problem: { code: 'E_ROSTER_FORMULA', args: { formula } } };
    return readCell(v.result);
  }
  if ('text' in v) return readCell(v.text);
  return { value: null };
}

/** A plain value as text, for the reviewed copy's untouched columns and for messages. */
export function plainText(v: Plain): string {
  if (v === null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v);
}
