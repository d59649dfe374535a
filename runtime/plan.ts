// The condition language, declared once: a clause's condition as data. The compiler's checked
// form is this plus source ranges (compiler/ir.ts); generated metadata carries it so that the
// runtime explains a result atom by atom with the same atom functions the compiled predicate uses.
import type { Comparator } from './tri.js';

/** The three school conditions, by SchoolSpec `mode`: 毕业 (a school kind), 学历 (the ladder), 在校 (enrolled). */
export const SchoolMode = { Graduated: 0, Degree: 1, Enrolled: 2 } as const;

/** What a school condition (毕业, 学历, 在校) accepts, resolved against the vocabulary. */
export interface SchoolSpec {
  /** 0 毕业 (school kind), 1 学历 (ladder), 2 在校 (enrolled). */
  mode: 0 | 1 | 2;
  /** School kinds that match (毕业, 在校), already expanded from groups and 及以上. */
  names: readonly string[] | null;
  /** Ladder rank to reach (学历). */
  rank: number;
  orHigher: boolean;
  /** 技工院校 tracks that match, or null for any. */
  tracks: readonly string[] | null;
  target: string | null;
  /** Major scope mask; 0 means any major. */
  major: number;
  finalYear: boolean;
  /** Education requirement: enrolment at a rank implies completion of the rank below. */
  gate: boolean;
}

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
  // unit: as written after the value (`3名`, `100000 km`), so explanations say it; absent: none
  | { op: 'fact'; name: string; cmp: Comparator; value: number; unit?: string };

/** A condition of a plan: any node but 且, 或 and 非. */
export type PlanLeaf = Exclude<Plan, { op: 'and' | 'or' | 'not' }>;

/** A condition other than experience: its status is all its atom returns (experience atoms also measure). */
export type TestedLeaf = Exclude<PlanLeaf, { op: 'experience' | 'experienceAfter' }>;
