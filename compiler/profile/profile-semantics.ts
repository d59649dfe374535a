// What the profile schema cannot express, checked after it (and on rule files' example profiles).

export interface ProfileProblem {
  code: 'E_PROFILE_DATE' | 'E_PROFILE_PERIOD';
  /** JSON Pointer relative to the profile. */
  path: string;
  args: Record<string, string | number>;
}

/** Whether `YYYY-MM-DD` names a real calendar date (proleptic Gregorian). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

/**
 * Checks the schema cannot express: a work or insured period whose `to` is before its `from`. Safe on data that
 * failed schema validation (only well-formed entries are looked at).
 */
export function checkProfileSemantics(profile: unknown): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  if (profile === null || typeof profile !== 'object' || Array.isArray(profile)) return problems;
  // Work periods, and insured periods (issue 20): each ends on or after it starts.
  for (const key of ['work', 'insurance'] as const) {
    const list = (profile as Record<string, unknown>)[key];
    if (!Array.isArray(list)) continue;
    list.forEach((w: unknown, i) => {
      if (w === null || typeof w !== 'object') return;
      const { from, to } = w as { from?: unknown; to?: unknown };
      // compared first: the dates are parsed only for the rare period that ends before it starts
      if (typeof from === 'string' && typeof to === 'string' && to < from && isCalendarDate(from) && isCalendarDate(to))
        problems.push({ code: 'E_PROFILE_PERIOD', path: `/${key}/${i}/to`, args: { path: `/${key}/${i}/to`, from, to } });
    });
  }
  return problems;
}
