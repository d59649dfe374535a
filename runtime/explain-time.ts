// Quantities, details and asks of the time conditions of issue 20 (windows, dated certificates,
// ages on a fixed date, insured months) that do not hold: explain.ts calls this for them.
import { ageOn, formatDay } from './dates.js';
import { ageDetail, ASK_REASONS, monthsDetail, windowClosedDetail } from './explain-text.js';
import type { Ask, ConditionExplanation } from './explanation.js';
import type { Facts } from './facts.js';
import type { TestedLeaf } from './plan.js';
import { certificateDate, insuredMonths, planDay, windowEnd } from './time-atoms.js';
import { F, U, type Tri } from './tri.js';

type TimeLeaf = Extract<TestedLeaf, { op: 'certWindow' | 'certDated' | 'ageOn' | 'insured' }>;

/** The asks for the date of each undated certificate of exactly `level` in scope. */
function certificateAsks(f: Facts, scope: number, level: number, asks: Ask[]): void {
  for (const c of f.certificates) {
    if (!c.prep && c.level === level && (c.rel & scope) !== 0 && c.date === null) asks.push({ field: `/certificates/${c.index}/date`, reason: ASK_REASONS.certificateDate() });
  }
}

/** An age on a day (the as-of date, or a notice's): the leaf's quantities and detail, or the ask for the birth date. */
export function ageShortfall(f: Facts, on: number, years: number, status: Tri, leaf: ConditionExplanation): Ask | undefined {
  if (f.birth === null) return { field: '/birthDate', reason: ASK_REASONS.birthDate() };
  const have = ageOn(f.birth, on);
  leaf.need = years;
  leaf.have = have;
  leaf.unit = 'years';
  if (status === F) leaf.detail = ageDetail(years, have);
  return undefined;
}

/** Fills the leaf's quantities and detail; returns its asks (a new list). */
export function timeShortfall(p: TimeLeaf, f: Facts, status: Tri, leaf: ConditionExplanation): Ask[] {
  const asks: Ask[] = [];
  switch (p.op) {
    case 'certWindow': {
      const c = certificateDate(f, p.scope, p.level);
      if (c.date !== null && status === F) leaf.detail = windowClosedDetail(formatDay(windowEnd(c.date, p.months)));
      if (status === U) certificateAsks(f, p.scope, p.level, asks);
      break;
    }
    case 'certDated':
      if (status === U) certificateAsks(f, p.scope, p.level, asks);
      break;
    case 'ageOn': {
      const ask = ageShortfall(f, planDay(p.date), p.years, status, leaf);
      if (ask) asks.push(ask);
      break;
    }
    case 'insured':
      insuredShortfall(p, f, status, leaf, asks);
      break;
  }
  return asks;
}

function insuredShortfall(p: Extract<TimeLeaf, { op: 'insured' }>, f: Facts, status: Tri, leaf: ConditionExplanation, asks: Ask[]): void {
  if (f.insurance === null) {
    asks.push({ field: '/insurance', reason: ASK_REASONS.insurance() });
    return;
  }
  let upTo = f.asOf;
  if (p.until !== null) {
    const c = certificateDate(f, p.until.scope, p.until.level);
    if (status === U) certificateAsks(f, p.until.scope, p.until.level, asks);
    if (c.date === null) return;
    upTo = c.date;
  }
  const m = insuredMonths(f, p.scheme, upTo);
  leaf.need = p.months;
  leaf.have = m.lo;
  if (m.hi !== m.lo) leaf.haveMax = m.hi;
  leaf.unit = 'months';
  if (status === F && (p.cmp === '>=' || p.cmp === '>')) leaf.short = (p.cmp === '>' ? p.months + 1 : p.months) - m.lo;
  leaf.detail = monthsDetail(p.cmp, p.months, m.lo, m.hi);
  if (status === U) for (const u of f.undatedInsurance) if (u.scheme === p.scheme) asks.push({ field: `/insurance/${u.index}/from`, reason: ASK_REASONS.insurance() });
}
