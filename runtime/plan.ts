// A clause's condition as data (the checked IR without source ranges), carried in generated
// metadata so that the runtime can explain a result atom by atom with the same atom functions
// the compiled predicate uses.
import type { SchoolSpec } from './atoms.js';
import type { Comparator } from './tri.js';

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
