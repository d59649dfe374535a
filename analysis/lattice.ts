// Implication between two atoms of the condition language, decided from their parameters: "every
// profile on which atom A is met has atom B met". Each answer names the axioms it used
// (docs/analysis.md lists them); null means "not implied, or not decided" (the known gaps).
import { RefusedConstruct } from './normal-form.js';
import type { Comparator } from '../runtime/tri.js';
import type { PlanLeaf, SchoolSpec } from '../runtime/plan.js';

export type Axiom =
  | 'same-atom'
  | 'scope-inclusion'
  | 'threshold'
  | 'window-within-total'
  | 'continuous-within-total'
  | 'certificate-ladder'
  | 'earlier-window'
  | 'window-needs-certificate'
  | 'school-kinds'
  | 'degree-or-higher'
  | 'final-year'
  | 'three-values';

const subset = (a: number, b: number): boolean => (a & ~b) === 0;
const lower = (c: Comparator): boolean => c === '>=' || c === '>';
const upper = (c: Comparator): boolean => c === '<=' || c === '<';

/** Whether "x cmpA a" forces "x cmpB b" for every number x. */
export function thresholdImplies(cmpA: Comparator, a: number, cmpB: Comparator, b: number): boolean {
  if (cmpA === '=') return test(a, cmpB, b);
  if (lower(cmpA) && lower(cmpB)) return cmpB === '>=' ? a >= b : cmpA === '>' ? a >= b : a > b;
  if (upper(cmpA) && upper(cmpB)) return cmpB === '<=' ? a <= b : cmpA === '<' ? a <= b : a < b;
  return false;
}

/** Whether "x cmpA a" and "x cmpB b" exclude each other for every number x. */
export function thresholdsDisjoint(cmpA: Comparator, a: number, cmpB: Comparator, b: number): boolean {
  if (cmpA === '=') return !test(a, cmpB, b);
  if (cmpB === '=') return !test(b, cmpA, a);
  if (lower(cmpA) && upper(cmpB)) return cmpA === '>=' && cmpB === '<=' ? a > b : a >= b;
  if (upper(cmpA) && lower(cmpB)) return thresholdsDisjoint(cmpB, b, cmpA, a);
  return false;
}

function test(x: number, cmp: Comparator, n: number): boolean {
  return cmp === '>=' ? x >= n : cmp === '>' ? x > n : cmp === '<=' ? x <= n : cmp === '<' ? x < n : x === n;
}

type Experience = Extract<PlanLeaf, { op: 'experience' | 'experienceAfter' }>;

/**
 * Whether B's measured lower bound is at least A's on every profile (B counts every day A counts),
 * with the axioms that say so; null when not established.
 */
export function countsAtLeast(a: Experience, b: Experience): Axiom[] | null {
  if (!subset(a.scope, b.scope) || !subset(a.kinds, b.kinds)) return null;
  // The longest unbroken run is within the total; not the other way round.
  if (b.continuous && !a.continuous) return null;
  const axioms: Axiom[] = ['scope-inclusion'];
  if (a.continuous !== b.continuous) axioms.push('continuous-within-total');
  if (b.op === 'experience') {
    if (a.op === 'experienceAfter') axioms.push('window-within-total');
    return axioms;
  }
  if (a.op !== 'experienceAfter') return null; // total experience says nothing of a window
  // B's window opens at B's earliest qualifying certificate: A's qualify for B too.
  if (!subset(a.certScope, b.certScope) || a.level > b.level) return null;
  if (a.certScope !== b.certScope || a.level !== b.level) axioms.push('earlier-window');
  return axioms;
}

/** Whether B's measured upper bound is at most A's on every profile (plain experience only). */
function countsAtMost(a: Experience, b: Experience): Axiom[] | null {
  if (a.op !== 'experience' || b.op !== 'experience') return null;
  if (!subset(b.scope, a.scope) || !subset(b.kinds, a.kinds)) return null;
  if (a.continuous && !b.continuous) return null;
  return a.continuous !== b.continuous ? ['scope-inclusion', 'continuous-within-total'] : ['scope-inclusion'];
}

function experienceImplies(a: Experience, b: Experience): Axiom[] | null {
  if (!thresholdImplies(a.cmp, a.days, b.cmp, b.days)) return null;
  const bounds = lower(b.cmp) || (a.cmp === '=' && lower(b.cmp)) ? countsAtLeast(a, b) : upper(b.cmp) ? countsAtMost(a, b) : null;
  if (b.cmp === '=') return null; // "exactly" needs both bounds equal: only the same atom
  return bounds ? [...bounds, 'threshold', 'three-values'] : null;
}

/** A window of at least one day needs a qualifying certificate, which is one of B's. */
function windowHolds(a: Experience, scope: number, level: number): Axiom[] | null {
  if (a.op !== 'experienceAfter') return null;
  const positive = (a.cmp === '>=' && a.days > 0) || (a.cmp === '>' && a.days >= 0) || (a.cmp === '=' && a.days > 0);
  if (!positive || !subset(a.certScope, scope) || a.level > level) return null;
  return ['window-needs-certificate', 'certificate-ladder', 'scope-inclusion'];
}

/** Implication between school conditions: every entry A accepts, B accepts. */
export function schoolImplies(a: SchoolSpec, b: SchoolSpec): Axiom[] | null {
  // The requirement's reading (enrolment counts as the rank below) applies to 学历 only.
  if (a.mode !== b.mode || (a.mode === 1 && a.gate !== b.gate)) return null;
  if (a.finalYear && !b.finalYear) return null;
  if (b.names !== null && (a.names === null || a.names.some((n) => !b.names!.includes(n)))) return null;
  if (b.tracks !== null && (a.tracks === null || a.tracks.some((t) => !b.tracks!.includes(t)))) return null;
  if (b.target !== null && a.target !== b.target) return null;
  if (b.major !== 0 && (a.major === 0 || !subset(a.major, b.major))) return null;
  const axioms: Axiom[] = ['school-kinds'];
  if (a.mode === 1) {
    const ok = b.orHigher ? a.rank >= b.rank : !a.orHigher && a.rank === b.rank;
    if (!ok) return null;
    if (b.orHigher) axioms.push('degree-or-higher');
  }
  if (a.major !== b.major) axioms.push('scope-inclusion');
  if (a.finalYear !== b.finalYear) axioms.push('final-year');
  return axioms;
}

/** The axioms by which atom A met forces atom B met, or null. */
export function leafImplies(a: PlanLeaf, b: PlanLeaf): Axiom[] | null {
  switch (b.op) {
    case 'experience':
    case 'experienceAfter':
      return a.op === 'experience' || a.op === 'experienceAfter' ? experienceImplies(a, b) : null;
    case 'holds':
      if (a.op === 'experienceAfter') return windowHolds(a, b.scope, b.level);
      return a.op === 'holds' && subset(a.scope, b.scope) && a.level <= b.level ? ['certificate-ladder', 'scope-inclusion'] : null;
    case 'holdsPrepTechnician':
    case 'apprenticeship':
      return a.op === b.op && subset(a.scope, b.scope) ? ['scope-inclusion'] : null;
    case 'training':
      return a.op === 'training' && subset(a.scope, b.scope) && a.level === b.level && a.exam === b.exam ? ['scope-inclusion'] : null;
    case 'school':
      return a.op === 'school' ? schoolImplies(a.spec, b.spec) : null;
    case 'age':
      return a.op === 'age' && thresholdImplies(a.cmp, a.years, b.cmp, b.years) ? ['threshold'] : null;
    case 'fact':
      return a.op === 'fact' && a.name === b.name && thresholdImplies(a.cmp, a.value, b.cmp, b.value) ? ['threshold'] : null;
    case 'flag':
      return a.op === 'flag' && a.name === b.name ? ['same-atom'] : null;
    // categories and events: only the same atom is known to force itself (no contradiction is claimed between two)
    case 'category':
    case 'events':
    // …and the time conditions of issue 20: the same condition, or the same with a threshold that implies B's.
    case 'certWindow':
    case 'certDated':
      return a.op === b.op && JSON.stringify({ ...a, range: 0 }) === JSON.stringify({ ...b, range: 0 }) ? ['same-atom'] : null;
    case 'ageOn':
      return a.op === 'ageOn' && a.date === b.date && thresholdImplies(a.cmp, a.years, b.cmp, b.years) ? ['threshold'] : null;
    case 'insured':
      return a.op === 'insured' && a.scheme === b.scheme && JSON.stringify(a.until) === JSON.stringify(b.until) && thresholdImplies(a.cmp, a.months, b.cmp, b.months) ? ['threshold'] : null;
    case 'ageBySex':
    case 'working':
      throw new RefusedConstruct(b.op);
    default: {
      const unknown: never = b;
      throw new Error(`analysis: no implication rule for ${(unknown as PlanLeaf).op}`);
    }
  }
}

/** Whether atoms A and B cannot both be met on one profile (the contradicting atoms of "no profile can meet it"). */
export function leavesConflict(a: PlanLeaf, b: PlanLeaf): boolean {
  if (a.op === 'age' && b.op === 'age') return thresholdsDisjoint(a.cmp, a.years, b.cmp, b.years);
  if (a.op === 'fact' && b.op === 'fact') return a.name === b.name && thresholdsDisjoint(a.cmp, a.value, b.cmp, b.value);
  const exp = (x: PlanLeaf): x is Experience => x.op === 'experience' || x.op === 'experienceAfter';
  if (exp(a) && exp(b)) {
    // A counts no more than B: A at least a, B at most b < a cannot both hold (and the mirror).
    if (lower(a.cmp) && upper(b.cmp) && b.op === 'experience' && countsAtLeast(a, b)) return thresholdsDisjoint(a.cmp, a.days, b.cmp, b.days);
    if (lower(b.cmp) && upper(a.cmp) && a.op === 'experience' && countsAtLeast(b, a)) return thresholdsDisjoint(b.cmp, b.days, a.cmp, a.days);
  }
  return false;
}

/** A school condition no entry can meet: its kinds or tracks are empty after expansion. */
export function leafEmpty(a: PlanLeaf): boolean {
  if (a.op === 'school') return (a.spec.names !== null && a.spec.names.length === 0) || (a.spec.tracks !== null && a.spec.tracks.length === 0);
  if (a.op === 'experience' || a.op === 'experienceAfter') return (a.cmp === '<' && a.days <= 0) || a.kinds === 0 || a.scope === 0;
  return false;
}
