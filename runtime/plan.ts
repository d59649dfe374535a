// A clause's condition as data (the checked IR without source ranges), carried in generated
// metadata so that the runtime can explain a result atom by atom with the same atom functions
// the compiled predicate uses.
import { age, apprenticeship, experience, experienceAfter, fact, flag, holds, holdsPrepTechnician, school, training, type SchoolSpec } from './atoms.js';
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

/** A condition's status on the facts: the atom the compiled predicate calls for it. */
export function leafStatus(p: PlanLeaf, f: Facts): Tri {
  switch (p.op) {
    case 'experience':
      return experience(f, p.scope, p.kinds, p.continuous, p.cmp, p.days);
    case 'experienceAfter':
      return experienceAfter(f, p.certScope, p.level, p.scope, p.kinds, p.continuous, p.cmp, p.days);
    case 'holds':
      return holds(f, p.scope, p.level);
    case 'holdsPrepTechnician':
      return holdsPrepTechnician(f, p.scope);
    case 'training':
      return training(f, p.scope, p.level, p.exam);
    case 'apprenticeship':
      return apprenticeship(f, p.scope);
    case 'school':
      return school(f, p.spec);
    case 'age':
      return age(f, p.cmp, p.years);
    case 'flag':
      return flag(f, p.name);
    case 'fact':
      return fact(f, p.name, p.cmp, p.value);
  }
}
