// A clause's condition as data (the checked IR without source ranges), carried in generated
// metadata so that the runtime can explain a result atom by atom with the same atom functions
// the compiled predicate uses.
import { age, apprenticeship, fact, flag, holds, holdsPrepTechnician, school, training, type SchoolSpec } from './atoms.js';
import type { Facts } from './facts.js';
import type { Comparator, Tri } from './tri.js';

export type Plan =
  | { op: 'or'; items: Plan[] }
  | { op: 'and'; items: Plan[] }
  | { op: 'not'; item: Plan }
  | { op: 'experience'; scope: number; kinds: number; continuous: boolean; cmp: Comparator; days: number }
  | { op: 'experienceAfter'; certScope: number; level: number; scope: number; kinds: number; continuous: boolean; cmp: Comparator; days: number }
  | { op: 'holds'; scope: number; level: number }
  | { op: 'holdsPrepTechnician'; scope: number }
  | { op: 'training'; scope: number; level: number; exam: boolean }
  | { op: 'apprenticeship'; scope: number }
  | { op: 'school'; spec: SchoolSpec }
  | { op: 'age'; cmp: Comparator; years: number }
  | { op: 'flag'; name: string }
  | { op: 'fact'; name: string; cmp: Comparator; value: number };

/** A condition of a plan: any node but 且, 或 and 非. */
export type PlanLeaf = Exclude<Plan, { op: 'and' | 'or' | 'not' }>;

/** A condition other than experience: its status is all its atom returns (experience atoms also measure). */
export type TestedLeaf = Exclude<PlanLeaf, { op: 'experience' | 'experienceAfter' }>;

/**
 * A condition other than experience as a function of the facts, its parameters bound: the atom
 * the compiled predicate calls for it. (The explainer calls the experience atoms itself, to read
 * the bounds they measured.)
 */
export function leafTest(p: TestedLeaf): (f: Facts) => Tri {
  switch (p.op) {
    case 'holds': {
      const { scope, level } = p;
      return (f) => holds(f, scope, level);
    }
    case 'holdsPrepTechnician': {
      const { scope } = p;
      return (f) => holdsPrepTechnician(f, scope);
    }
    case 'training': {
      const { scope, level, exam } = p;
      return (f) => training(f, scope, level, exam);
    }
    case 'apprenticeship': {
      const { scope } = p;
      return (f) => apprenticeship(f, scope);
    }
    case 'school': {
      const { spec } = p;
      return (f) => school(f, spec);
    }
    case 'age': {
      const { cmp, years } = p;
      return (f) => age(f, cmp, years);
    }
    case 'flag': {
      const { name } = p;
      return (f) => flag(f, name);
    }
    case 'fact': {
      const { name, cmp, value } = p;
      return (f) => fact(f, name, cmp, value);
    }
  }
}
