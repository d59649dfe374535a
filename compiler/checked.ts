// The result of checking one rule file: everything code generation and `zige test` need.
import type { Range } from './diagnostics/diagnostics.js';
import type { Cond } from './ir.js';
import type { CountingMode, Level } from '../runtime/words.js';
import type { ConditionStatus, Status } from '../runtime/evaluate.js';
import type { NotOfferedReason } from '../runtime/offered.js';

export interface CheckedClause {
  id: string;
  level: Level;
  localId: string;
  text: string;
  when: string;
  note?: string;
  line: number;
  /** Where the clause's `source` is in the rule file (for `zige trace`). */
  sourceRange?: Range;
  cond: Cond;
  /** 破格: requirements this clause alone lifts: `education` and/or precondition ids. */
  waives?: string[];
  /** Granted as the level above the one held: `cond` includes that guard (issue 20). */
  outcome?: 'next-level';
}

/** A condition every route needs besides the education requirement, with its cited sentence. */
export interface CheckedPrecondition {
  id: string;
  text: string;
  when: string;
  cond: Cond;
  /** Where it is in the rule file (for `zige trace`; not in generated metadata). */
  line: number;
  sourceRange?: Range;
}

/**
 * A source clause a rule file leaves out on purpose (`notEncoded`), with the reason. Without
 * `level` it names a clause under no level heading; without `clause`, every clause of the section
 * (and level).
 */
export interface NotEncoded {
  section: string;
  level?: Level;
  clause?: number;
  reason: string;
  line: number;
  range?: Range;
}

/** A passage of the source document, verbatim, and the rule clauses (full ids) that encode it. */
export interface SourceMapEntry {
  passage: string;
  clauses: string[];
  line: number;
  range?: Range;
}

export interface CheckedTest {
  name: string;
  line: number;
  asOf: string;
  workType?: string;
  profile: unknown;
  expect: Partial<Record<`${Level}`, Status>>;
  only: string[];
  clauses: Record<string, ConditionStatus>;
  /** By level: the JSON Pointers its `verify` lists (告知承诺制), in order; [] for nothing to verify. */
  verify?: Partial<Record<`${Level}`, string[]>>;
  /** false when `zige test --update` recorded the expectations and no one has reviewed them yet. */
  reviewed?: boolean;
}

export interface CheckedOccupation {
  /** Rule file path relative to the rules directory, with forward slashes. */
  file: string;
  id: string;
  name: string;
  aliases: string[];
  version: string | null;
  inForce: { from: string; to: string | null } | null;
  /** Where the period is stated, for diagnostics about versions. */
  inForceRange?: Range;
  levels: Level[];
  workTypes: { name: string; levels: Level[] }[];
  related: { occupations: string[]; sameMajors: string[]; majors: string[] };
  education: { text: string; when: string; cond: Cond } | null;
  /** Conditions every route needs besides the education requirement (none: empty). */
  preconditions: CheckedPrecondition[];
  /** How years and months of experience are counted (`counting:`; default `days`). */
  counting: CountingMode;
  /** Levels of the file not judged: not offered at the sitting, or no condition in the source (never ineligible). */
  notOffered: { level: Level; reason: NotOfferedReason }[];
  /** The sitting's registration window (报名时间), separate from `inForce`. */
  registration: { from: string; to: string; text: string | null } | null;
  /** Where the registration window's `source` is (for `zige trace`). */
  registrationRange?: Range;
  /** The cited document (path relative to the rules directory) and section heading. */
  source?: { file: string; text?: string; section: string; sectionRange?: Range };
  notEncoded?: NotEncoded[];
  /** Source passages the rule file maps to its clauses, for layouts trace cannot read (`sourceMap`). */
  sourceMap?: SourceMapEntry[];
  clauses: CheckedClause[];
  tests: CheckedTest[];
  ranks: Record<string, number>;
  trackRanks: Record<string, number>;
  trackFamily: string[];
  workKinds: string[];
  factNames: Record<string, string>;
  /** What 无/none counts as, by numeric fact, for the facts that declare it. */
  factNone: Record<string, number>;
  /** Category names and English names → declared name. */
  categoryNames: Record<string, string>;
  factTypes: Record<string, 'boolean' | 'number'>;
  /** Event kind and competition tier names and English names → declared name. */
  eventNames: Record<string, string>;
  /** Whether some conditions entry declares `outcome` (results then carry `outcome`). */
  outcomes: boolean;
  /** Amounts by level, when some conditions entry declares one. */
  amounts: Partial<Record<Level, { value: number; unit: string }>>;
  english: Record<string, string>;
  evidence: Record<string, { zh: string; en: string }>;
}
