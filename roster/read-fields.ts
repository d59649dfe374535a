// One row's cells read as the fields its sheet declares (roster/fields.ts): text, dates, numbers,
// levels, closed lists, yes/no. A cell that cannot be read is a problem at its cell reference
// (`工作经历!D12`), and the field is left out: the row is still used, marked 待核实 by the caller.
import type { DiagnosticCode } from '../compiler/diagnostics/messages.js';
import { columnLetter } from './header.js';
import { plainText, readCell, type Plain } from './cell-value.js';
import { dateOf } from './dates.js';
import { EDUCATION_SYNONYMS, LISTS, type Field } from './fields.js';
import { levelOf } from './levels.js';

/** Excel's limit on the characters of one cell. */
export const MAX_CELL_CHARS = 32_767;

export interface Problem {
  /** Cell reference: `工作经历!D12`. */
  ref: string;
  code: DiagnosticCode;
  args: Record<string, string | number>;
}

export type FieldValue = string | number | boolean | null;

export interface ReadRow {
  values: Record<string, FieldValue>;
  problems: Problem[];
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '有', '√']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '无', '×']);

interface Bad {
  bad: DiagnosticCode;
}

function listValue(field: Field, text: string): FieldValue | Bad {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  const list = field.list ? (LISTS[field.list] as readonly string[]) : undefined;
  if (!list) return text.trim();
  if (list.includes(t)) return t;
  if (field.list === 'education' && Object.hasOwn(EDUCATION_SYNONYMS, t)) return EDUCATION_SYNONYMS[t];
  const folded = list.find((v) => v.normalize('NFKC') === t);
  return folded ?? { bad: 'E_ROSTER_VALUE' };
}

function numberValue(v: Plain): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.normalize('NFKC').replace(/\s+/g, '').replace(/年$/, '');
  return /^\d+(\.\d+)?$/.test(t) ? Number(t) : undefined;
}

/** One cell as `field` reads it: its value, or the code of what is wrong with it. */
function fieldValue(field: Field, v: Plain): FieldValue | Bad {
  switch (field.kind) {
    case 'text':
      return plainText(v).trim();
    case 'date':
      return dateOf(v) ?? { bad: 'E_ROSTER_DATE' };
    case 'number':
      return numberValue(v) ?? { bad: 'E_ROSTER_NUMBER' };
    case 'level':
      return levelOf(v) ?? { bad: 'E_ROSTER_LEVEL' };
    case 'yesno': {
      const t = plainText(v).trim().toLowerCase();
      return typeof v === 'boolean' ? v : YES.has(t) ? true : NO.has(t) ? false : { bad: 'E_ROSTER_YESNO' };
    }
    case 'list':
      return listValue(field, plainText(v));
    default: {
      const never: never = field.kind;
      return never;
    }
  }
}

function isEmpty(v: Plain): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

/** The fields of one row (`values` as exceljs gives them, 1-based), read through `columns`. */
export function readFields(sheet: string, rowNumber: number, values: readonly unknown[], fields: readonly Field[], columns: ReadonlyMap<string, number>): ReadRow {
  const out: ReadRow = { values: {}, problems: [] };
  for (const field of fields) {
    const col = columns.get(field.key);
    if (col === undefined) continue;
    const ref = `${sheet}!${columnLetter(col)}${rowNumber}`;
    const cell = readCell(values[col]);
    if ('problem' in cell) {
      out.problems.push({ ref, ...cell.problem });
      continue;
    }
    if (isEmpty(cell.value)) continue;
    if (typeof cell.value === 'string' && cell.value.length > MAX_CELL_CHARS) {
      out.problems.push({ ref, code: 'E_ROSTER_TOO_LONG', args: { length: cell.value.length, max: MAX_CELL_CHARS } });
      continue;
    }
    const v = fieldValue(field, cell.value);
    if (v !== null && typeof v === 'object') {
      const allowed = field.list ? LISTS[field.list].join(' ') : '';
      out.problems.push({ ref, code: v.bad, args: { value: plainText(cell.value).slice(0, 200), allowed } });
    } else out.values[field.key] = v;
  }
  return out;
}
