// The result of checking one rule file: everything code generation and `zige test` need.
import type { Cond } from './ir.js';

export type Level = 1 | 2 | 3 | 4 | 5;

export interface CheckedClause {
  id: string;
  level: Level;
  localId: string;
  text: string;
  when: string;
  note?: string;
  line: number;
  cond: Cond;
}

export interface CheckedTest {
  name: string;
  line: number;
  asOf: string;
  workType?: string;
  profile: unknown;
  expect: Partial<Record<'1' | '2' | '3' | '4' | '5', 'eligible' | 'ineligible' | 'unknown'>>;
  only: string[];
  clauses: Record<string, 'met' | 'unmet' | 'unknown'>;
}

export interface CheckedOccupation {
  /** Rule file path relative to the rules directory, with forward slashes. */
  file: string;
  id: string;
  name: string;
  aliases: string[];
  version: string | null;
  inForce: { from: string; to: string | null } | null;
  levels: Level[];
  workTypes: { name: string; levels: Level[] }[];
  related: { occupations: string[]; sameMajors: string[]; majors: string[] };
  education: { text: string; when: string; cond: Cond } | null;
  clauses: CheckedClause[];
  tests: CheckedTest[];
  ranks: Record<string, number>;
  trackRanks: Record<string, number>;
  trackFamily: string[];
}
