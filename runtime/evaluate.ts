// Builds per-level results from an occupation's compiled predicates.
import { prepareFacts, type Facts, type Warning } from './facts.js';
import type { ClauseMeta, Level, OccupationMeta } from './meta.js';
import type { Profile } from './profile.js';
import { and, F, or, T, U, triName, type Tri } from './tri.js';

export interface ClausePredicate {
  meta: ClauseMeta;
  test: (f: Facts) => Tri;
  /** Whether a school atom of the clause holds: such a credential also meets the requirement. */
  credential: ((f: Facts) => Tri) | null;
}

export interface CompiledOccupation {
  meta: OccupationMeta;
  requirement: ((f: Facts) => Tri) | null;
  clauses: readonly ClausePredicate[];
}

export interface EvaluateOptions {
  /** The date to judge on (YYYY-MM-DD). Never read from the clock here. */
  asOf: string;
  /** Only this level. */
  level?: Level;
  /** Only the levels this work type offers. */
  workType?: string;
  /** One occupation is judged, so `relation: 本职业` (one value) is allowed. Default true. */
  single?: boolean;
}

export type Status = 'eligible' | 'ineligible' | 'unknown';
export type ConditionStatus = 'met' | 'unmet' | 'unknown';

export interface ClauseResult {
  id: string;
  text: string;
  status: ConditionStatus;
}

export interface LevelResult {
  occupation: string;
  id: string;
  version: string | null;
  level: Level;
  workTypes: string[];
  status: Status;
  education: ConditionStatus;
  clauses: ClauseResult[];
  /** Ids of every clause that holds (all routes, not just the first). */
  matched: string[];
  warnings: Warning[];
}

export class EvaluationError extends Error {
  constructor(
    readonly code: 'E_WORK_TYPE' | 'E_LEVEL',
    message: string,
  ) {
    super(message);
  }
}

/** Levels in report order: 五级 first, 一级 last. */
export function levelsToReport(meta: OccupationMeta, options: Pick<EvaluateOptions, 'level' | 'workType'>): Level[] {
  let levels = [...meta.levels].sort((a, b) => b - a);
  if (options.workType !== undefined) {
    const wt = meta.workTypes.find((w) => w.name === options.workType);
    if (!wt) {
      throw new EvaluationError(
        'E_WORK_TYPE',
        `${meta.name}没有工种“${options.workType}” / ${meta.id} has no work type "${options.workType}" (${meta.workTypes.map((w) => w.name).join('、') || '—'})`,
      );
    }
    levels = levels.filter((l) => wt.levels.includes(l));
  }
  if (options.level !== undefined) {
    if (!levels.includes(options.level)) {
      throw new EvaluationError('E_LEVEL', `${meta.name}不设 ${options.level} 级 / ${meta.id} does not offer level ${options.level}`);
    }
    levels = [options.level];
  }
  return levels;
}

export function evaluateOccupation(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions): LevelResult[] {
  const levels = levelsToReport(occ.meta, options);
  const facts = prepareFacts(profile, occ.meta, { asOf: options.asOf, single: options.single ?? true });
  const requirement = occ.requirement ? occ.requirement(facts) : T;
  return levels.map((level) => evaluateLevel(occ, facts, requirement, level));
}

function evaluateLevel(occ: CompiledOccupation, facts: Facts, requirement: Tri, level: Level): LevelResult {
  const clauses: ClauseResult[] = [];
  const matched: string[] = [];
  let status: Tri = F;
  let education: Tri = requirement;
  for (const c of occ.clauses) {
    if (c.meta.level !== level) continue;
    const met = c.test(facts);
    clauses.push({ id: c.meta.id, text: c.meta.text, status: triName(met) });
    if (met === T) matched.push(c.meta.id);
    let gate = requirement;
    if (gate !== T && met !== F && c.credential) {
      const credential = c.credential(facts);
      if (credential === T) gate = T;
      else if (credential === U && gate === F) gate = U;
    }
    if (met === T && gate === T) education = T;
    status = or(status, and(met, gate));
  }
  return {
    occupation: occ.meta.name,
    id: occ.meta.id,
    version: occ.meta.version,
    level,
    workTypes: occ.meta.workTypes.filter((w) => w.levels.includes(level)).map((w) => w.name),
    status: status === T ? 'eligible' : status === F ? 'ineligible' : 'unknown',
    education: triName(education),
    clauses,
    matched,
    warnings: facts.warnings,
  };
}

