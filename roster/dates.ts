// Dates as staff type them in a roster: Excel serial numbers and date-formatted cells, and text
// such as 2020-07-01, 2020.07, 2020年7月, 2020/7/1, with full-width digits. A month without a
// day is its first day. Anything else, or an impossible date, is not a date (undefined).
import { formatDay, parseDay } from '../runtime/index.js';
import type { Plain } from './cell-value.js';

/** Day 0 of Excel's 1900 date system, counted from serial 61 on (serial 60 is the phantom 1900-02-29 Excel keeps from Lotus 1-2-3). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const PHANTOM_LEAP_DAY = 60;
const DAY_MS = 86_400_000;

/** A cell's date as `YYYY-MM-DD`, or undefined when it is none. */
export function dateOf(v: Plain): string | undefined {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? undefined : v.toISOString().slice(0, 10);
  if (typeof v === 'number') return serialDate(v);
  if (typeof v === 'string') return textDate(v);
  return undefined;
}

/** An Excel serial number (whole days; a time of day is dropped). */
export function serialDate(n: number): string | undefined {
  const whole = Math.floor(n);
  if (!Number.isFinite(n) || whole < 1 || whole > 2_958_465 || whole === PHANTOM_LEAP_DAY) return undefined;
  const days = whole < PHANTOM_LEAP_DAY ? whole + 1 : whole;
  return new Date(EXCEL_EPOCH_MS + days * DAY_MS).toISOString().slice(0, 10);
}

const PATTERNS: readonly RegExp[] = [
  /^(\d{4})[-./年](\d{1,2})(?:[-./月](\d{1,2})日?|月?)$/u,
  /^(\d{4})(\d{2})(\d{2})?$/u,
];

/** A typed date: full-width forms folded (NFKC), spaces dropped. */
export function textDate(s: string): string | undefined {
  const t = s.normalize('NFKC').replace(/\s+/g, '');
  if (t === '') return undefined;
  for (const re of PATTERNS) {
    const m = re.exec(t);
    if (!m) continue;
    const day = `${m[1]}-${m[2].padStart(2, '0')}-${(m[3] ?? '1').padStart(2, '0')}`;
    const n = parseDay(day);
    return n === undefined ? undefined : formatDay(n);
  }
  return undefined;
}
