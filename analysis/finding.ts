// What `zige analyze` reports: one finding, with its evidence. Types and the severity table only.
import type { Level, Profile } from '../runtime/index.js';
import type { Axiom } from './lattice.js';

/** The kinds of finding, and how serious each is (information never fails a run). */
export const FINDING_KINDS = {
  implied: 'warning',
  equivalent: 'warning',
  unsatisfiable: 'error',
  'requirement-dead': 'warning',
  'requirement-only': 'warning',
  'ladder-gap': 'warning',
  'unoffered-route': 'warning',
  backwards: 'info',
} as const;

export type FindingKind = keyof typeof FINDING_KINDS;
export type FindingSeverity = (typeof FINDING_KINDS)[FindingKind];

export interface FindingClause {
  /** `level/localId`. */
  ref: string;
  source: string;
  when: string;
  line: number;
}

export interface Witness {
  asOf: string;
  profile: Profile;
  /** What the runtime said of it: `5/1 met`, `四级 ineligible` … */
  shows: string[];
}

export interface Finding {
  kind: FindingKind;
  severity: FindingSeverity;
  occupation: string;
  version: string | null;
  /** Rule file, relative to the rules directory. */
  file: string;
  line: number;
  level?: Level;
  clauses: FindingClause[];
  /** Message arguments (filled into the A_* templates of compiler/diagnostics/messages.ts). */
  args: Record<string, string | number>;
  axioms?: Axiom[];
  /** For "no profile can meet it": the contradicting atoms, as written. */
  atoms?: string[][];
  witness?: Witness;
  /** The reason given with `analysis: accepted`, when the finding is accepted. */
  accepted?: string;
}
