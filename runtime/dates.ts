// Calendar dates as day numbers (days since 1970-01-01), so that date arithmetic is integer
// arithmetic. Dates have no time zone: a date is a calendar day, as on a certificate.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a YYYY-MM-DD date, or undefined when the text is not a real calendar date. */
export function parseDay(text: string): number | undefined {
  const m = DATE.exec(text);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / 86_400_000;
}

export function formatDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Today's date in Asia/Shanghai (UTC+8, no daylight saving), for callers that want "today". */
export function todayInShanghai(now: Date = new Date()): string {
  return formatDay(Math.floor((now.getTime() + 8 * 3_600_000) / 86_400_000));
}

export const DAYS_PER_YEAR = 365;
