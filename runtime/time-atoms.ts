// The atoms of time beyond "from when" (issue 20): a window after a certificate's date, a
// certificate dated in a range, the age on a fixed date, insured months (up to the as-of date or a
// certificate's date). "The certificate" is the latest-dated one of exactly the level, in scope:
// a subsidy or a window is about the certificate obtained, not a higher one held.
import type { Facts } from './facts.js';
import { addMonths, ageOn, monthIndex, parseDay } from './dates.js';
import { compareRange, F, T, U, type Comparator, type Tri } from './tri.js';

/** The date of the certificate (latest-dated of exactly `level` in scope), null if none is dated; `undated`: one without a date might be later. */
export function certificateDate(f: Facts, scope: number, level: number): { date: number | null; undated: boolean; index: number } {
  let date: number | null = null;
  let undated = false;
  let index = -1;
  for (const c of f.certificates) {
    if (c.prep || c.level !== level || (c.rel & scope) === 0) continue;
    if (c.date === null) {
      undated = true;
      if (index < 0) index = c.index;
    } else if (date === null || c.date > date) {
      date = c.date;
      index = c.index;
    }
  }
  return { date, undated, index };
}

/** The last day of a window of `months` calendar months starting on `day` (12 months from 2023-03-15: 2024-03-14). */
export function windowEnd(day: number, months: number): number {
  return addMonths(day, months) - 1;
}

/**
 * The as-of date is within `months` calendar months from the certificate's date. An undated
 * certificate of the level might be the latest: unknown, unless the dated one is in its window
 * already (a later one would be too).
 */
export function certWindow(f: Facts, scope: number, level: number, months: number): Tri {
  const c = certificateDate(f, scope, level);
  if (c.date !== null && f.asOf <= windowEnd(c.date, months)) return T;
  return c.undated ? U : F;
}

/** The certificate is dated from `from` to `to` (day numbers, both included); unknown when an undated one of the level might be the latest. */
export function certDated(f: Facts, scope: number, level: number, from: number, to: number): Tri {
  const c = certificateDate(f, scope, level);
  if (c.undated) return U;
  return c.date !== null && c.date >= from && c.date <= to ? T : F;
}

/** Age in whole years on a fixed day (a notice's cut-off date); unknown without a birth date. */
export function ageOnDay(f: Facts, on: number, cmp: Comparator, years: number): Tri {
  if (f.birth === null) return U;
  const n = ageOn(f.birth, on);
  return compareRange(n, n, cmp, years);
}

/** Insured months of a scheme up to a day, as bounds [lo, hi] (undated `months` widen them when counted before the as-of date). */
export function insuredMonths(f: Facts, scheme: string, upTo: number): { lo: number; hi: number } {
  const ranges: [number, number][] = [];
  for (const p of f.insurance ?? []) {
    if (p.scheme !== scheme || p.start > upTo) continue;
    ranges.push([monthIndex(p.start), monthIndex(Math.min(p.end, upTo))]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let n = 0;
  let last = -Infinity;
  // A calendar month with an insured day counts once, whatever periods overlap in it.
  for (const [a, b] of ranges) {
    const from = Math.max(a, last + 1);
    if (b >= from) n += b - from + 1;
    last = Math.max(last, b);
  }
  let extra = 0;
  for (const u of f.undatedInsurance) if (u.scheme === scheme) extra += u.months;
  // Undated months were counted by the as-of date: before it, anywhere from none to all of them.
  return upTo >= f.asOf ? { lo: n + extra, hi: n + extra } : { lo: n, hi: n + extra };
}

/**
 * Insured months compared with `months`: up to the as-of date, or up to the certificate's date
 * (`until`). Unknown without the profile's `insurance`; with `until` and no certificate of the
 * level, unmet (nothing to count up to); an undated one of the level makes it unknown unless the
 * dated one's months already reach `>=`/`>` (a later certificate has at least as many).
 */
export function insured(f: Facts, scheme: string, cmp: Comparator, months: number, until: { scope: number; level: number } | null): Tri {
  if (f.insurance === null) return U;
  if (until === null) {
    const m = insuredMonths(f, scheme, f.asOf);
    return compareRange(m.lo, m.hi, cmp, months);
  }
  const c = certificateDate(f, until.scope, until.level);
  if (c.date === null) return c.undated ? U : F;
  const m = insuredMonths(f, scheme, c.date);
  const t = compareRange(m.lo, m.hi, cmp, months);
  if (!c.undated || (t === T && (cmp === '>=' || cmp === '>'))) return t;
  return U;
}

/** A date of a plan (`2022-01-01`) as a day number; plans are checked, so it is a real date. */
export function planDay(text: string): number {
  return parseDay(text)!;
}
