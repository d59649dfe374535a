// The latest day of an eligible stretch (issue 20): the day before some condition of the level
// turns false if nothing changes but the date (ongoing work and insurance continue). Conditions
// turn false with time only at days known from the facts — the end of a window after a
// certificate, a birthday (a maximum age), the end of a work period (在职), a maximum of experience
// or insured months being passed — so those days are probed in order, not every day.
import { addMonths, ageOn, formatDay, monthIndex, yearStart } from './dates.js';
import type { Facts } from './facts.js';
import { measureExperience, measureExperienceAfter } from './atoms.js';
import { EventWindow, type Plan } from './plan.js';
import { measure } from './scratch.js';
import { certificateDate, windowEnd } from './time-atoms.js';
import type { Comparator } from './tri.js';

/** Whether a quantity that only grows can make the comparison turn false (under `negated` 非: true). */
function mayFall(cmp: Comparator, negated: boolean): boolean {
  if (cmp === '=') return true;
  return (cmp === '<' || cmp === '<=') !== negated;
}

/** The first birthday after `day` (29 February: 1 March in common years, as for ages). */
function nextBirthday(birth: number, day: number): number {
  const years = ageOn(birth, day) + 1;
  return addMonths(birth, years * 12);
}

/**
 * Appends to `out` the days after the facts' date on which a condition of `p` may turn false (or,
 * under 非, true) as time passes. A lower bound where a quantity grows (experience): probing that
 * day shows whether it did.
 */
export function changeDays(p: Plan, f: Facts, negated: boolean, out: number[]): void {
  switch (p.op) {
    case 'and':
    case 'or':
      for (const i of p.items) changeDays(i, f, negated, out);
      return;
    case 'not':
      changeDays(p.item, f, !negated, out);
      return;
    case 'certWindow': {
      const c = certificateDate(f, p.scope, p.level);
      if (!negated && c.date !== null) out.push(windowEnd(c.date, p.months) + 1);
      return;
    }
    case 'age':
    case 'ageBySex':
      if (f.birth !== null) out.push(nextBirthday(f.birth, f.asOf));
      return;
    case 'working':
      for (const w of f.work) if (!negated && (w.rel & p.scope) !== 0 && (w.kind & p.kinds) !== 0 && w.period.end === f.asOf && w.until !== Infinity) out.push(w.until + 1);
      return;
    case 'experience':
    case 'experienceAfter':
      if (mayFall(p.cmp, negated) && f.work.some((w) => w.ongoing)) {
        if (p.op === 'experience') measureExperience(f, p.scope, p.kinds, p.continuous);
        else measureExperienceAfter(f, p.certScope, p.level, p.scope, p.kinds, p.continuous);
        // Experience grows a day a day (a month at once when counted in months): it cannot pass `days` sooner.
        out.push(f.asOf + Math.max(1, Math.floor(p.days - measure.hi - (f.counting === 0 ? 0 : 31))));
      }
      return;
    case 'insured':
      // Months up to the as-of date grow on the first day of each month with an ongoing period.
      if (p.until === null && mayFall(p.cmp, negated) && (f.insurance ?? []).some((i) => i.ongoing && i.scheme === p.scheme)) {
        const m = monthIndex(f.asOf) + 1;
        out.push(Date.UTC(Math.floor(m / 12), m % 12, 1) / 86_400_000);
      }
      return;
    case 'events':
      // Counted events leave a window as the date moves: a calendar year's on 1 January, a twelve-month one's a year after each.
      if (p.window === EventWindow.CalendarYear) out.push(yearStart(addMonths(yearStart(f.asOf), 12)));
      else if (p.window === EventWindow.TwelveMonths) for (const e of f.events) if (e.date !== null && e.date <= f.asOf) out.push(addMonths(e.date, 12));
      return;
    case 'holds':
    case 'holdsPrepTechnician':
    case 'training':
    case 'apprenticeship':
    case 'school':
    case 'flag':
    case 'fact':
    case 'category':
    case 'certDated':
    case 'ageOn':
      return; // time changes none of these (no certificate, diploma or fact comes with it)
    default: {
      const unknown: never = p;
      throw new Error(`latest: no rule for ${(unknown as { op: string }).op}`);
    }
  }
}

/** How far ahead `latest` looks, as `earliest` does (a stretch longer than this: null). */
const HORIZON_DAYS = 60 * 365;

/**
 * The last day of the eligible stretch that starts on `from` (a day the level is eligible on):
 * null when nothing ends it within the horizon. `plans`: the level's clauses, the education
 * requirement and the preconditions; `on(day)`: the facts projected to a later day and whether the
 * level is eligible on them.
 */
export function latestDay(plans: readonly Plan[], start: Facts, on: (day: number) => { facts: Facts; eligible: boolean }): string | null {
  let f = start;
  const out: number[] = [];
  const horizon = start.asOf + HORIZON_DAYS;
  for (;;) {
    out.length = 0;
    for (const p of plans) changeDays(p, f, false, out);
    let next = Infinity;
    for (const d of out) if (d > f.asOf && d < next) next = d;
    if (next > horizon) return null;
    const probe = on(next);
    if (!probe.eligible) return formatDay(next - 1);
    f = probe.facts;
  }
}
