import type { Plan } from './plan.js';
// What a generated module tells the runtime about its occupation: data only, no behaviour.

import type { CountingMode, Level } from './words.js';

export interface ClauseMeta {
  /** Full id: `<occupation>/<level>/<clause>`. */
  id: string;
  level: Level;
  /** The source sentence the clause encodes, verbatim. */
  text: string;
  /** The clause's expression in canonical form. */
  when: string;
  note?: string;
  /** Rule file and line of the clause, for tracing a result back to its rule. */
  file: string;
  line: number;
  /** The condition as data, for explanations. */
  plan: Plan;
  /** Requirements this route alone lifts (破格): `education` and/or precondition ids. */
  waives?: readonly string[];
  /** `next-level`: the clause grants the level above the one held (its plan holds that guard); absent: a fixed level. */
  outcome?: 'next-level';
}

export interface WorkTypeMeta {
  name: string;
  levels: readonly Level[];
}

export interface OccupationMeta {
  id: string;
  name: string;
  aliases: readonly string[];
  version: string | null;
  inForce: { from: string; to: string | null } | null;
  levels: readonly Level[];
  workTypes: readonly WorkTypeMeta[];
  related: {
    occupations: readonly string[];
    sameMajors: readonly string[];
    majors: readonly string[];
  };
  /** The education requirement (学历要求) as written, or null when the source sets none. */
  education: { text: string; when: string; plan: Plan } | null;
  clauses: readonly ClauseMeta[];
  /** Ladder ranks of education names and 技工院校 tracks, from rules/vocabulary.yaml. */
  ranks: Readonly<Record<string, number>>;
  trackRanks: Readonly<Record<string, number>>;
  /** Education names whose rank follows the track (技工院校). */
  trackFamily: readonly string[];
  /** Work kinds in vocabulary order (bit i of a kind mask is the i-th); the first is the default for entries. */
  workKinds: readonly string[];
  /** Fact names and their English spellings → the declared name. */
  factNames: Readonly<Record<string, string>>;
  /** What 无/none counts as, by numeric fact (vocabulary `none`); only when some fact declares one. */
  factNone?: Readonly<Record<string, number>>;
  /** Applicant category names and English names → the declared name; only when the vocabulary declares categories. */
  categoryNames?: Readonly<Record<string, string>>;
  /** Conditions every route of the occupation needs besides the education requirement (已转正定级 …), each with its cited sentence. */
  preconditions?: readonly { id: string; text: string; when: string; plan: Plan }[];
  /** How years and months of experience are counted; absent: `days` (365 days a year). */
  counting?: CountingMode;
  /** Levels of the standard not judged (not offered at the sitting, or no condition in the source); absent: none. */
  notOffered?: readonly { level: Level; reason: 'not-offered' | 'no-condition' }[];
  /** The registration window of the sitting this rule file describes (separate from `inForce`). */
  registration?: { from: string; to: string; text: string | null };
  /** Each declared fact's type, by declared name: a profile value of the other type is an error (absent in older modules). */
  factTypes?: Readonly<Record<string, 'boolean' | 'number'>>;
  /** Event kind and competition tier names and English names → the declared name; only when the vocabulary declares some. */
  eventNames?: Readonly<Record<string, string>>;
  /** Whether results carry `outcome` (the rule file has a conditions entry with `outcome:`). */
  outcomes?: boolean;
  /** A value by level (`amount:` of a conditions entry): results carry `amount` when some level has one. */
  amounts?: Readonly<Partial<Record<Level, { value: number; unit: string }>>>;
  /** English names of vocabulary words (schools, tracks, kinds, facts, targets), for English text. */
  english: Readonly<Record<string, string>>;
  /** Documents proving each kind of condition (vocabulary `evidence`). */
  evidence: Readonly<Record<string, { zh: string; en: string }>>;
}
