// Calendar dates as day numbers (days since 1970-01-01), so that date arithmetic is integer
// arithmetic. Dates have no time zone: a date is a calendar day, as on a certificate.

/** The value of the ASCII digits text[from..from+n), or -1 when one is not a digit. */
function digits(text: string, from: number, n: number): number {
  let v = 0;
  for (let i = from; i < from + n; i++) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Day number of a YYYY-MM-DD date, or undefined when the text is not a real calendar date. By
 * arithmetic (profiles carry many dates: this runs in every evaluation), no regex or Date object.
 */
export function parseDay(text: string): number | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const y = digits(text, 0, 4);
  const m = digits(text, 5, 2);
  const d = digits(text, 8, 2);
  // Years 0000–0099 have never been accepted (Date.UTC reads them as 1900–1999).
  if (y < 100 || m < 1 || m > 12 || d < 1) return undefined;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31)) return undefined;
  // Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant's days_from_civil).
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

/** YYYY-MM-DD of a day number: the inverse of `parseDay` (H. Hinnant's civil_from_days). */
export function formatDay(day: number): string {
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
