// The atoms of the rule language, evaluated on prepared facts. Each returns a three-valued
// answer; unknown only where a missing fact decides it (docs/language.md, "Three values").
import { mergedPeriods, NO_VALUE, Sex, Status, type Facts, type Period } from './facts.js';
import { measure } from './scratch.js';
import { Counting, countedLongest, countedTotal } from './counting.js';
import { ageOn } from './dates.js';
import { ageOnDay, certDated, certWindow, insured, planDay } from './time-atoms.js';

export { ageOn };
import { compareRange, F, T, U, type Comparator, type Tri } from './tri.js';
import { SchoolMode, type SchoolSpec, type TestedLeaf } from './plan.js';
import { events } from './events.js';

function totalDays(periods: Period[], mode: number): number {
  if (mode !== Counting.Days) return countedTotal(periods, mode);
  let n = 0;
  for (const p of periods) n += p.end - p.start + 1;
  return n;
}

function longestDays(periods: Period[], mode: number): number {
  if (mode !== Counting.Days) return countedLongest(periods, mode);
  let n = 0;
  for (const p of periods) n = Math.max(n, p.end - p.start + 1);
  return n;
}

function undated(f: Facts, scope: number, kinds: number): { sum: number; max: number } {
  let sum = 0;
  let max = 0;
  for (const w of f.undatedWork) {
    if ((w.rel & scope) === 0 || (w.kind & kinds) === 0) continue;
    sum += w.days;
    if (w.days > max) max = w.days;
  }
  return { sum, max };
}

// Measures write their bounds into `measure` (scratch.ts) instead of allocating.

/** Looks `key` up in the facts' measures: sets the bounds and returns 1/0 (certificate found), or -1 if absent. */
function recalled(f: Facts, key: number): number {
  const m = f.measures;
  if (m === null) return -1;
  for (let i = 0; i < m.length; i += 4) {
    if (m[i] === key) {
      measure.lo = m[i + 1];
      measure.hi = m[i + 2];
      return m[i + 3];
    }
  }
  return -1;
}

function remember(f: Facts, key: number, found: boolean): void {
  (f.measures ??= []).push(key, measure.lo, measure.hi, found ? 1 : 0);
}

/** Days of experience in scope, as bounds [lo, hi] (undated entries widen them). */
export function measureExperience(f: Facts, scope: number, kinds: number, continuous: boolean): void {
  const key = kinds * 16 + scope * 2 + (continuous ? 1 : 0); // ≥ 0 (scope ≤ 7); measures after a certificate use keys < 0
  measure.found = true;
  if (recalled(f, key) >= 0) return;
  measureExperienceUncached(f, scope, kinds, continuous);
  remember(f, key, true);
}

function measureExperienceUncached(f: Facts, scope: number, kinds: number, continuous: boolean): void {
  const periods = mergedPeriods(f, scope, kinds);
  const extra = undated(f, scope, kinds);
  if (continuous) {
    // An undated entry may or may not have been one unbroken stretch.
    measure.lo = longestDays(periods, f.counting);
    measure.hi = Math.max(measure.lo, extra.max);
    return;
  }
  measure.lo = measure.hi = totalDays(periods, f.counting) + extra.sum;
}

/**
 * Days of experience counted from the earliest qualifying certificate (level `level` or higher,
 * in `certScope`), as bounds. Undated years count as anywhere from none to all of them; an
 * undated certificate may be the earliest one, so it widens the upper bound to all experience.
 * Returns false when no qualifying certificate exists at all.
 */
export function measureExperienceAfter(f: Facts, certScope: number, level: number, scope: number, kinds: number, continuous: boolean): boolean {
  const key = -1 - ((((kinds * 8 + certScope) * 6 + level) * 8 + scope) * 2 + (continuous ? 1 : 0));
  const hit = recalled(f, key);
  if (hit >= 0) return (measure.found = hit === 1);
  let earliest = Infinity;
  let undatedCertificate = false;
  for (const c of f.certificates) {
    if (c.prep || c.level < 1 || c.level > level || (c.rel & certScope) === 0) continue;
    if (c.date === null) undatedCertificate = true;
    else if (c.date < earliest) earliest = c.date;
  }
  const found = earliest !== Infinity || undatedCertificate;
  if (!found) measure.lo = measure.hi = 0;
  else measureFromCertificate(f, earliest, undatedCertificate, scope, kinds, continuous);
  remember(f, key, found);
  return (measure.found = found);
}

/** Experience from the certificate's date (an undated one: at most from the as-of date, at least all of it). */
function measureFromCertificate(f: Facts, earliest: number, undatedCertificate: boolean, scope: number, kinds: number, continuous: boolean): void {
  const periods = mergedPeriods(f, scope, kinds);
  const extra = undated(f, scope, kinds);
  // An undated certificate was obtained on the as-of date at the latest.
  const start = earliest === Infinity ? f.asOf : earliest;
  if (continuous) {
    measure.lo = longestDays(clip(periods, start), f.counting);
    measure.hi = Math.max(undatedCertificate ? longestDays(periods, f.counting) : measure.lo, extra.max);
  } else {
    measure.lo = f.counting === Counting.Days ? daysFrom(periods, start) : countedTotal(clip(periods, start), f.counting);
    measure.hi = (undatedCertificate ? totalDays(periods, f.counting) : measure.lo) + extra.sum;
  }
}

/** Experience in scope: cumulative (merged, plus undated years) or the longest continuous period. */
export function experience(f: Facts, scope: number, kinds: number, continuous: boolean, cmp: Comparator, days: number): Tri {
  measureExperience(f, scope, kinds, continuous);
  return compareRange(measure.lo, measure.hi, cmp, days);
}

/** Experience counted from the earliest qualifying certificate; see measureExperienceAfter. */
export function experienceAfter(f: Facts, certScope: number, level: number, scope: number, kinds: number, continuous: boolean, cmp: Comparator, days: number): Tri {
  measureExperienceAfter(f, certScope, level, scope, kinds, continuous);
  return compareRange(measure.lo, measure.hi, cmp, days);
}

/** Days of the periods on or after `start` (the total of `clip(periods, start)`, without allocating). */
function daysFrom(periods: Period[], start: number): number {
  let n = 0;
  for (const p of periods) if (p.end >= start) n += p.end - Math.max(p.start, start) + 1;
  return n;
}

function clip(periods: Period[], start: number): Period[] {
  const out: Period[] = [];
  for (const p of periods) if (p.end >= start) out.push({ start: Math.max(p.start, start), end: p.end });
  return out;
}

/** Holds a 职业资格证书 or 技能等级证书 of `level` or higher (a smaller number) in scope. */
export function holds(f: Facts, scope: number, level: number): Tri {
  for (const c of f.certificates) {
    if (!c.prep && c.level >= 1 && c.level <= level && (c.rel & scope) !== 0) return T;
  }
  return F;
}

/** Holds a 预备技师证书 in scope. */
export function holdsPrepTechnician(f: Facts, scope: number): Tri {
  for (const c of f.certificates) if (c.prep && (c.rel & scope) !== 0) return T;
  return F;
}

/** Training for exactly `level` in scope, with its completion certificate or a passed exam. */
export function training(f: Facts, scope: number, level: number, exam: boolean): Tri {
  let result: Tri = F;
  for (const t of f.training) {
    if (t.level !== level || (t.rel & scope) === 0) continue;
    const flag = exam ? t.examPassed : t.certificate;
    if (flag === true) return T;
    if (flag === undefined) result = U;
  }
  return result;
}

/** An apprenticeship in scope completed on or before the as-of date. */
export function apprenticeship(f: Facts, scope: number): Tri {
  let result: Tri = F;
  for (const a of f.apprenticeships) {
    if ((a.rel & scope) === 0) continue;
    if (a.completed !== null) return T;
    result = U;
  }
  return result;
}

export function school(f: Facts, s: SchoolSpec): Tri {
  if (f.education === null) return U;
  return matchSchool(f, s) >= 0 ? T : F;
}

/** Index in `f.education` of the first entry the spec accepts, or -1 (education must be known). */
export function matchSchool(f: Facts, s: SchoolSpec): number {
  const list = f.education ?? [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    let rank = e.rank;
    if (s.mode === SchoolMode.Enrolled) {
      if (e.status === Status.Graduated) continue;
    } else if (e.status === Status.FinalYear && !s.finalYear) {
      // 应届 counts only where the atom says 含应届; for the requirement, as enrolment below.
      if (!(s.gate && s.mode === SchoolMode.Degree)) continue;
      rank = e.rank - 1;
    } else if (e.status === Status.Enrolled) {
      if (!(s.gate && s.mode === SchoolMode.Degree)) continue;
      rank = e.rank - 1;
    }
    if (s.names !== null && !s.names.includes(e.name)) continue;
    if (s.mode === SchoolMode.Degree && (s.orHigher ? rank < s.rank : rank !== s.rank)) continue;
    if (s.tracks !== null && (e.track === null || !s.tracks.includes(e.track))) continue;
    if (s.target !== null && e.target !== s.target) continue;
    if (s.major !== 0 && (e.major & s.major) === 0) continue;
    return i;
  }
  return -1;
}

/** Age in whole years on the as-of date; unknown without a birth date. */
export function age(f: Facts, cmp: Comparator, years: number): Tri {
  if (f.birth === null) return U;
  const n = ageOn(f.birth, f.asOf);
  return compareRange(n, n, cmp, years);
}

/** A declared boolean fact (拟从事本职业或相关职业工作); unknown when the profile does not say. */
export function flag(f: Facts, name: string): Tri {
  const v = f.facts.get(name);
  // Like a numeric fact given as text: a yes/no fact given as a number is no answer, not "no".
  return v === true ? T : v === false ? F : U;
}

/** A declared numeric fact compared with a value; unknown when the profile does not say; no value (无 without a vocabulary `none`) satisfies no comparison. */
export function fact(f: Facts, name: string, cmp: Comparator, value: number): Tri {
  const v = f.facts.get(name);
  if (v === NO_VALUE) return F;
  if (typeof v !== 'number') return U;
  return compareRange(v, v, cmp, value);
}

/** Age compared with a threshold by sex; with the sex unknown, decided only when both thresholds agree. */
export function ageBySex(f: Facts, cmp: Comparator, male: number, female: number): Tri {
  if (f.birth === null) return U;
  const n = ageOn(f.birth, f.asOf);
  if (f.sex === Sex.Male) return compareRange(n, n, cmp, male);
  if (f.sex === Sex.Female) return compareRange(n, n, cmp, female);
  const a = compareRange(n, n, cmp, male);
  return a === compareRange(n, n, cmp, female) ? a : U;
}

/** The applicant is of the category; unknown when the profile does not list categories. */
export function category(f: Facts, name: string): Tri {
  if (f.categories === null) return U;
  return f.categories.includes(name) ? T : F;
}

/** A dated work period in scope, of the kinds, includes the as-of date; else unknown if an undated entry in scope might, else not. */
export function working(f: Facts, scope: number, kinds: number): Tri {
  for (const w of f.work) {
    // Periods are cut at the as-of date: one that includes it ends on it.
    if ((w.rel & scope) !== 0 && (w.kind & kinds) !== 0 && w.period.end === f.asOf) return T;
  }
  for (const w of f.undatedWork) if ((w.rel & scope) !== 0 && (w.kind & kinds) !== 0) return U;
  return F;
}

/**
 * A condition other than experience as a function of the facts, its parameters bound: the atom
 * the compiled predicate calls for it. (The explainer calls the experience atoms itself, to read
 * the bounds they measured.)
 */
export function leafTest(p: TestedLeaf): (f: Facts) => Tri {
  switch (p.op) {
    case 'holds':
      return (f) => holds(f, p.scope, p.level);
    case 'holdsPrepTechnician':
      return (f) => holdsPrepTechnician(f, p.scope);
    case 'training':
      return (f) => training(f, p.scope, p.level, p.exam);
    case 'apprenticeship':
      return (f) => apprenticeship(f, p.scope);
    case 'school':
      return (f) => school(f, p.spec);
    case 'age':
      return (f) => age(f, p.cmp, p.years);
    case 'flag':
      return (f) => flag(f, p.name);
    case 'fact':
      return (f) => fact(f, p.name, p.cmp, p.value);
    case 'ageBySex':
      return (f) => ageBySex(f, p.cmp, p.male, p.female);
    case 'category':
      return (f) => category(f, p.name);
    case 'working':
      return (f) => working(f, p.scope, p.kinds);
    case 'events':
      return (f) => events(f, p);
    case 'certWindow':
      return (f) => certWindow(f, p.scope, p.level, p.months);
    case 'certDated': {
      const from = planDay(p.from);
      const to = planDay(p.to);
      return (f) => certDated(f, p.scope, p.level, from, to);
    }
    case 'ageOn': {
      const on = planDay(p.date);
      return (f) => ageOnDay(f, on, p.cmp, p.years);
    }
    case 'insured':
      return (f) => insured(f, p.scheme, p.cmp, p.months, p.until);
  }
}
