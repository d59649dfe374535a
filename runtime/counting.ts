// How a rule file counts years and months of experience (`counting:`, runtime/words.ts
// COUNTING_MODES): the length of merged work periods as days, so that thresholds stay in days
// (N years = 365 × N, N months = N × 365 / 12) whatever the mode.
import { addMonths, civil } from './dates.js';

/** A merged work period, both ends included (facts.ts `Period`; declared here so that facts.ts may import this file). */
interface Period {
  start: number;
  end: number;
}

/** Counting modes as the facts carry them: days (the default), calendar anniversaries, months as 工龄 is counted. */
export const Counting = { Days: 0, Anniversary: 1, Months: 2 } as const;

/** Days in a month of a 365-day year: N months are N × 365 / 12 days. */
const MONTH_DAYS = 365 / 12;

/**
 * Months and days as days, to a millionth of a day as the checker rounds a threshold (`1个月` is
 * 30.416667 days): a length of exactly N months meets `>= N个月`.
 */
function monthsAndDays(months: number, days: number): number {
  return Math.round((months * MONTH_DAYS + days) * 1_000_000) / 1_000_000;
}

function monthNumber(day: number): number {
  const { y, m } = civil(day);
  return y * 12 + m - 1;
}

/**
 * Whole calendar months and leftover days of a period (both ends included): it reaches m months
 * the day before its m-th monthly anniversary (2019-03-01 … 2022-02-28 is 36 months; a day the
 * month lacks is the 1st of the next, so 2021-01-31 … 2021-02-28 is one month).
 */
export function calendarLength(p: Period): { months: number; days: number } {
  const next = p.end + 1;
  let months = monthNumber(next) - monthNumber(p.start);
  while (months > 0 && addMonths(p.start, months) > next) months--;
  return { months, days: next - addMonths(p.start, months) };
}

/** The days a period counts for alone (the longest one, for 连续从业). */
function periodDays(p: Period, mode: number): number {
  if (mode === Counting.Months) return monthsAndDays(monthNumber(p.end) - monthNumber(p.start) + 1, 0);
  if (mode === Counting.Anniversary) {
    const { months, days } = calendarLength(p);
    return monthsAndDays(months, days);
  }
  return p.end - p.start + 1;
}

/** Cumulative length of merged periods (sorted, not overlapping) under the mode, in days. */
export function countedTotal(periods: readonly Period[], mode: number): number {
  let n = 0;
  if (mode === Counting.Months) {
    // Each calendar month with a day of work once, also when two periods share it.
    let last = -Infinity;
    for (const p of periods) {
      const a = Math.max(monthNumber(p.start), last + 1);
      const b = monthNumber(p.end);
      if (b >= a) n += b - a + 1;
      last = Math.max(last, b);
    }
    return monthsAndDays(n, 0);
  }
  if (mode === Counting.Anniversary) {
    let months = 0;
    let days = 0;
    for (const p of periods) {
      const l = calendarLength(p);
      months += l.months;
      days += l.days;
    }
    // Leftover days of the periods add up as days (a 30-day leftover of 29 January … 28 February
    // is no month: its anniversary, 1 March, is not reached).
    return monthsAndDays(months, days);
  }
  for (const p of periods) n += p.end - p.start + 1;
  return n;
}

/** The longest single period under the mode, in days. */
export function countedLongest(periods: readonly Period[], mode: number): number {
  let n = 0;
  for (const p of periods) n = Math.max(n, periodDays(p, mode));
  return n;
}
