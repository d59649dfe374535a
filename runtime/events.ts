// The `events` condition (issue 20): past events of the profile counted and compared — a
// competition placing (获奖 … 前10名, 前30%) or a cap over recorded events (记录 … 本自然年 < 1次).
import { yearEarlier, yearStart } from './dates.js';
import { ASK_REASONS } from './explain-text.js';
import type { Ask } from './explanation.js';
import type { Facts } from './facts.js';
import { EventWindow, type Plan } from './plan.js';
import { compareRange, F, T, U, type Tri } from './tri.js';

/** The parameters of an `events` condition (its plan without `op`). */
export type EventSpec = Omit<Extract<Plan, { op: 'events' }>, 'op'>;

type EventFact = Facts['events'][number];

/** The first day an event must be on or after to count in the window (-Infinity: every one). */
export function windowStart(window: number, asOf: number): number {
  if (window === EventWindow.CalendarYear) return yearStart(asOf);
  if (window === EventWindow.TwelveMonths) return yearEarlier(asOf) + 1;
  return -Infinity;
}

/** Whether one event counts: true, false, or unknown when a field that decides it is absent. */
export function eventCounts(e: EventFact, s: EventSpec, start: number): Tri {
  if ((s.kind !== null && e.kind !== s.kind) || (e.rel & s.scope) === 0) return F;
  if (s.tier !== null && e.tier !== s.tier) return F;
  let result: Tri = T;
  if (s.level !== 0) {
    if (e.level === 0) result = U;
    else if (e.level !== s.level) return F;
  }
  if (start !== -Infinity) {
    if (e.date === null) result = U;
    else if (e.date < start) return F;
  }
  if (s.top > 0) {
    const placed = placing(e, s);
    if (placed === F) return F;
    if (placed === U) result = U;
  }
  return result;
}

/** Rank within the top `top` places, or the top `top`% of the field (exact: rank × 100 ≤ top × field). */
function placing(e: EventFact, s: EventSpec): Tri {
  if (e.rank === null || (s.percent && e.field === null)) return U;
  return (s.percent ? e.rank * 100 <= s.top * e.field! : e.rank <= s.top) ? T : F;
}

/** How many events count, at least and at most (the unknown ones may or may not). */
export function eventCount(f: Facts, s: EventSpec): { lo: number; hi: number } {
  const start = windowStart(s.window, f.asOf);
  let lo = 0;
  let hi = 0;
  for (const e of f.events) {
    const c = eventCounts(e, s, start);
    if (c === T) lo++;
    if (c !== F) hi++;
  }
  return { lo, hi };
}

/** The condition: the number of counting events compared with `count`. */
export function events(f: Facts, s: EventSpec): Tri {
  const { lo, hi } = eventCount(f, s);
  return compareRange(lo, hi, s.cmp, s.count);
}

/** For an unknown `events` condition: the absent fields of the events that may count, by profile field. */
export function eventAsks(f: Facts, s: EventSpec): Ask[] {
  const start = windowStart(s.window, f.asOf);
  const asks: Ask[] = [];
  for (const e of f.events) {
    if (eventCounts(e, s, start) !== U) continue;
    const missing = [
      start !== -Infinity && e.date === null ? 'date' : '',
      s.level !== 0 && e.level === 0 ? 'level' : '',
      s.top > 0 && e.rank === null ? 'rank' : '',
      s.top > 0 && s.percent && e.field === null ? 'field' : '',
    ];
    for (const field of missing) if (field) asks.push({ field: `/events/${e.index}/${field}`, reason: ASK_REASONS.event(field) });
  }
  return asks;
}
