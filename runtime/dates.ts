// Calendar dates as day numbers (days since 1970-01-01), so that date arithmetic is integer
// arithmetic. Dates have no time zone: a date is a calendar day, as on a certificate.

/** The value of the ASCII digit at text[i], or a value above 9 when it is not one. */
function digit(text: string, i: number): number {
  return (text.charCodeAt(i) - 48) >>> 0; // non-digits wrap to large numbers
}

/**
 * Day number of a YYYY-MM-DD date, or undefined when the text is not a real calendar date. By
 * arithmetic (profiles carry many dates: this runs in every evaluation), no regex or Date object.
 */
export function parseDay(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y0 = digit(text, 0), y1 = digit(text, 1), y2 = digit(text, 2), y3 = digit(text, 3);
  const m0 = digit(text, 5), m1 = digit(text, 6), d0 = digit(text, 8), d1 = digit(text, 9);
  if (y0 > 9 || y1 > 9 || y2 > 9 || y3 > 9 || m0 > 9 || m1 > 9 || d0 > 9 || d1 > 9) return undefined;
  const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
  const m = m0 * 10 + m1;
  const d = d0 * 10 + d1;
  // Years 0000–0099 have never been accepted (Date.UTC reads them as 1900–1999).
  if (y < 100 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)) return undefined;
  // Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil). Every
  // quantity is positive here (y ≥ 100), so `| 0` is the floor of the division.
  const yy = m <= 2 ? y - 1 : y;
  const era = (yy / 400) | 0;
  const yoe = yy - era * 400;
  const doy = (((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) | 0) + d - 1;
  return era * 146097 + yoe * 365 + ((yoe / 4) | 0) - ((yoe / 100) | 0) + doy - 719468;
}

/** YYYY-MM-DD of a day number: the inverse of `parseDay` (H. Hinnant's civil_from_days). */
export function formatDay(day: number): string {
  // One evaluation formats the same as-of date for every eligible level: the last one is kept.
  if (day === lastDay) return lastText;
  lastText = formatDayUncached(day);
  lastDay = day;
  return lastText;
}

let lastDay = NaN;
let lastText = '';

function formatDayUncached(day: number): string {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  // Outside 0000–9999 ISO 8601 needs a sign and six digits: leave those to Date.
  if (y < 0 || y > 9999) return new Date(day * 86_400_000).toISOString().slice(0, -14);
  return `${y < 1000 ? String(y).padStart(4, '0') : y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving), for callers that want "today". */
export function todayInShanghai(now: Date = new Date()): string {
  return formatDay(Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000));
}

export const DAYS_PER_YEAR = 365;

/** 1 January of the day's year (a calendar-year window starts there). */
export function yearStart(day: number): number {
  return parseDay(`${formatDay(day).slice(0, 4)}-01-01`)!;
}

/** The same day one calendar year earlier; 29 February's is 28 February (a twelve-month window starts the day after). */
export function yearEarlier(day: number): number {
  const text = formatDay(day);
  const y = String(Number(text.slice(0, 4)) - 1).padStart(4, '0');
  return parseDay(`${y}${text.slice(4)}`) ?? parseDay(`${y}-02-28`)!;
}
/** Year, month (1–12) and day of a day number. */
export function civil(day: number): { y: number; m: number; d: number } {
  const [y, m, d] = formatDayUncached(day).split('-').map(Number);
  return { y, m, d };
}

/**
 * The day `months` calendar months after `day`. A day the month does not have becomes the first
 * day of the next month (2020-02-29 + 12 months = 2021-03-01; 2021-01-31 + 1 month = 2021-03-01), as a
 * person born on 29 February turns a year older on 1 March in common years.
 */
export function addMonths(day: number, months: number): number {
  const { y, m, d } = civil(day);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = total - ty * 12;
  const length = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  // A day the month does not have: the first day of the next month.
  return (d > length ? Date.UTC(ty, tm + 1, 1) : Date.UTC(ty, tm, d)) / 86_400_000;
}

/** The calendar month of a day number, as a count of months (year × 12 + month − 1). */
export function monthIndex(day: number): number {
  const { y, m } = civil(day);
  return y * 12 + m - 1;
}
/** Whole years from `birth` to `on` (both day numbers). */
export function ageOn(birth: number, on: number): number {
  const b = new Date(birth * 86_400_000);
  const a = new Date(on * 86_400_000);
  let n = a.getUTCFullYear() - b.getUTCFullYear();
  if (a.getUTCMonth() < b.getUTCMonth() || (a.getUTCMonth() === b.getUTCMonth() && a.getUTCDate() < b.getUTCDate())) n--;
  return n;
}

