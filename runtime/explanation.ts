// What an explanation is, as data: the texts, asks, shortfalls and the explained plan that
// explain.ts builds, evaluate.ts copies into results and scratch.ts keeps between calls. Types
// only, so that each of them can import these without importing the others.
import type { Plan, SchoolSpec } from './plan.js';
import type { Tri } from './tri.js';

/** A sentence in both languages. */
export interface Text {
  zh: string;
  en: string;
}

/** A fact that would decide an unknown answer, by the profile field that holds it. */
export interface Ask {
  /** JSON Pointer into the profile. */
  field: string;
  reason: Text;
}

export interface ConditionExplanation {
  /** The kind of condition: the atom (experience, experienceAfter, holds, school …). */
  code: Plan['op'];
  status: 'met' | 'unmet' | 'unknown';
  /** What the condition requires. */
  text: Text;
  /** For quantities (days of experience, age in years, a fact's value): needed and present. */
  need?: number;
  have?: number;
  /** Upper bound of `have` when undated entries leave it open. */
  haveMax?: number;
  /** How much is missing, in the same unit as `need`. */
  short?: number;
  unit?: 'days' | 'years' | 'value' | 'months';
  /** The shortfall in words: 需 3 年，现有 2 年 5 个月，还差 7 个月. */
  detail?: Text;
}

export interface ClauseShortfall {
  clause: string;
  text: string;
  status: 'unmet' | 'unknown';
  /** The conditions of the clause's closest route that do not hold. */
  conditions: ConditionExplanation[];
}

/**
 * What proves a condition that holds: its documents (vocabulary `evidence`), resolved when the
 * plan is compiled; for a school, which document depends on the entry that matched (a diploma, or
 * the proof of final-year or current enrolment), so the three are kept and one is read from the facts.
 */
export interface Proof {
  documents: readonly Text[];
  school: { spec: SchoolSpec; enrolled: Text; finalYear: Text; diploma: Text } | null;
}

/** A plan explained on the facts (internal to the runtime). */
export interface Explained {
  status: Tri;
  /** Leaves that do not hold (for the closest alternative of an 或). */
  failing: ConditionExplanation[];
  /** What proves the leaves that hold, for evidence (complete only when the plan holds: only then is it read). */
  holding: Proof[];
  asks: Ask[];
  /** Closeness of the failing leaves (see `distance`); 0 when the plan holds. */
  distance: number;
  /**
   * Whether the plan may hold on a later day if ongoing work continues (for "from when"): false
   * when it needs a condition that does not hold now and that time does not change (a
   * certificate, training, a school, a declared fact, experience without ongoing work in scope).
   */
  later: boolean;
}
