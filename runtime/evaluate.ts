// Builds per-level results from an occupation's compiled predicates.
import { formatDay } from './dates.js';
import { dedupeAsks, Explainer, type Ask, type Explained, type ClauseShortfall, type ConditionExplanation, type Text } from './explain.js';
import { prepareFacts, projectFacts, type Facts, type Warning } from './facts.js';
import type { ClauseMeta, Level, OccupationMeta } from './meta.js';
import { leafStatus, type Plan } from './plan.js';
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
  /** Add explanations (missing, earliest, ask, evidence). Default true; false is the fast path. */
  explain?: boolean;
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

/** A level result with its explanation (issue 4): routes, shortfalls, the earliest date, asks, documents. */
export interface ExplainedLevelResult extends LevelResult {
  /** Unmet and unknown clauses, closest route first, each with the conditions it lacks. */
  missing: ClauseShortfall[];
  /** Eligible: the as-of date. Ineligible: the first day on which continuing ongoing work makes it eligible, or null. Unknown: null. */
  earliest: string | null;
  /** For an unknown level: the facts that would decide it, by profile field. */
  ask: Ask[];
  /** Documents that prove the matched route (and the education requirement). */
  evidence: Text[];
  /** The education requirement with its unmet conditions; null when the occupation has none. */
  requirement: { text: string; status: ConditionStatus; conditions: ConditionExplanation[] } | null;
}

export class EvaluationError extends Error {
  constructor(
    readonly code: 'E_WORK_TYPE' | 'E_LEVEL',
    message: string,
  ) {
    super(message);
  }
}

const clauseIndex = new WeakMap<CompiledOccupation, Map<number, ClausePredicate[]>>();

/** The clauses of one level, in rule-file order (indexed once per compiled occupation). */
export function clausesOf(occ: CompiledOccupation, level: Level): readonly ClausePredicate[] {
  let index = clauseIndex.get(occ);
  if (!index) {
    index = new Map();
    for (const c of occ.clauses) {
      const list = index.get(c.meta.level);
      if (list) list.push(c);
      else index.set(c.meta.level, [c]);
    }
    clauseIndex.set(occ, index);
  }
  return index.get(level) ?? [];
}

/** What every evaluation of an occupation needs and no profile changes, built once per occupation. */
interface PerOccupation {
  /** Levels in report order (a fresh copy is handed out: callers may keep it). */
  levels: readonly Level[];
  /** Work types offering each level. */
  workTypes: Map<number, readonly string[]>;
  /** It caches condition texts. */
  explainer: Explainer;
}

const perOccupationCache = new WeakMap<OccupationMeta, PerOccupation>();

function perOccupation(meta: OccupationMeta): PerOccupation {
  let p = perOccupationCache.get(meta);
  if (!p) {
    const levels = [...meta.levels].sort((a, b) => b - a);
    p = {
      levels,
      workTypes: new Map(levels.map((l) => [l, meta.workTypes.filter((w) => w.levels.includes(l)).map((w) => w.name)])),
      explainer: new Explainer(meta),
    };
    perOccupationCache.set(meta, p);
  }
  return p;
}

/** Levels in report order: 五级 first, 一级 last. */
export function levelsToReport(meta: OccupationMeta, options: Pick<EvaluateOptions, 'level' | 'workType'>): Level[] {
  let levels = perOccupation(meta).levels;
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
  return levels.slice(); // the cached order is never handed out
}

export function evaluateOccupation(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions & { explain: false }): LevelResult[];
export function evaluateOccupation(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions): ExplainedLevelResult[];
export function evaluateOccupation(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions): LevelResult[] {
  const levels = levelsToReport(occ.meta, options);
  const facts = prepareFacts(profile, occ.meta, { asOf: options.asOf, single: options.single ?? true });
  const requirement = occ.requirement ? occ.requirement(facts) : T;
  if (options.explain === false) return levels.map((level) => evaluateLevel(occ, facts, requirement, level));
  const explainer = perOccupation(occ.meta).explainer;
  // The requirement is the same for every level: explained once.
  const gate = occ.meta.education ? explainer.explain(occ.meta.education.plan, facts) : null;
  // Levels often probe the same later days (the search horizon at least): projected once.
  const projections = new Map<number, Projection>();
  return levels.map((level) => {
    // The status comes from the compiled test (the authority); the plan explains it.
    const r = evaluateLevel(occ, facts, requirement, level);
    const explained = clausesOf(occ, level).map((c) => explainer.explain(c.meta.plan, facts));
    return explainLevel(occ, explainer, facts, r, gate, projections, explained);
  });
}

/** The status of one level on the facts: some clause met, with the requirement met for it. */
export function levelStatus(occ: CompiledOccupation, facts: Facts, requirement: Tri, level: Level): Tri {
  let status: Tri = F;
  for (const c of clausesOf(occ, level)) {
    status = or(status, clauseWithGate(c, facts, c.test(facts), requirement));
    if (status === T) return T;
  }
  return status;
}

function clauseWithGate(c: ClausePredicate, facts: Facts, met: Tri, requirement: Tri): Tri {
  let gate = requirement;
  if (gate !== T && met !== F && c.credential) {
    const credential = c.credential(facts);
    if (credential === T) gate = T;
    else if (credential === U && gate === F) gate = U;
  }
  return and(met, gate);
}

function evaluateLevel(occ: CompiledOccupation, facts: Facts, requirement: Tri, level: Level): LevelResult {
  const clauses: ClauseResult[] = [];
  const matched: string[] = [];
  let status: Tri = F;
  let education: Tri = requirement;
  const list = clausesOf(occ, level);
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const met = c.test(facts);
    clauses.push({ id: c.meta.id, text: c.meta.text, status: triName(met) });
    if (met === T) matched.push(c.meta.id);
    const withGate = clauseWithGate(c, facts, met, requirement);
    if (met === T && withGate === T) education = T;
    status = or(status, withGate);
  }
  return {
    occupation: occ.meta.name,
    id: occ.meta.id,
    version: occ.meta.version,
    level,
    workTypes: perOccupation(occ.meta).workTypes.get(level)!.slice(),
    status: status === T ? 'eligible' : status === F ? 'ineligible' : 'unknown',
    education: triName(education),
    clauses,
    matched,
    warnings: facts.warnings,
  };
}

/** The facts projected to a later day, with the requirement on them (shared by the levels of one evaluation). */
export interface Projection {
  facts: Facts;
  requirement: Tri;
}

/** How far ahead "from when" looks: a route further away than this is reported as null. */
export const EARLIEST_HORIZON_DAYS = 60 * 365;

/**
 * The first day after the as-of date on which the level becomes eligible if every ongoing work
 * period simply continues and nothing else changes; null when waiting alone cannot do it.
 * Experience only grows with time, so eligibility is monotone in the date and a binary search
 * finds the exact day.
 */
export function earliestDate(
  occ: CompiledOccupation,
  facts: Facts,
  level: Level,
  hints: readonly number[] = [],
  projections: Map<number, Projection> = new Map(),
): string | null {
  const eligibleOn = (day: number): boolean => {
    let p = projections.get(day);
    if (p === undefined) {
      const projected = projectFacts(facts, day);
      p = { facts: projected, requirement: occ.requirement ? occ.requirement(projected) : T };
      projections.set(day, p);
    }
    return levelStatus(occ, p.facts, p.requirement, level) === T;
  };
  // Without ongoing work only age can change with time, and only with a known birth date.
  if (facts.birth === null && !facts.work.some((w) => w.ongoing)) return null;
  // No route can hold later when each lacks something waiting does not bring: no search.
  if (!mayBecomeEligible(occ, facts, level)) return null;
  let lo = facts.asOf; // not eligible
  let hi = facts.asOf + EARLIEST_HORIZON_DAYS;
  // Hints are days on which a route's shortfall closes if it grows a day per day. A route
  // cannot close sooner, so the first hint that is eligible, with the day before it not, is
  // exact; otherwise they narrow the search.
  for (const day of [...hints].sort((a, b) => a - b)) {
    if (day <= lo || day >= hi) continue;
    if (eligibleOn(day)) {
      hi = day;
      break;
    }
    lo = day;
  }
  if (hi === facts.asOf + EARLIEST_HORIZON_DAYS && !eligibleOn(hi)) return null;
  // Invariant: `lo` is not eligible, `hi` is. A hint is usually exact: one probe confirms it.
  if (hi - 1 > lo) {
    if (!eligibleOn(hi - 1)) return formatDay(hi);
    hi = hi - 1;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (eligibleOn(mid)) hi = mid;
    else lo = mid;
  }
  return formatDay(hi);
}

/**
 * False when no route of the level can hold on any later day: each needs a condition that time
 * does not change (a certificate, training, a school, a declared fact) and that does not hold now.
 * Conservative: conditions that time can change (experience with ongoing work, age, negations)
 * count as possible.
 */
function mayBecomeEligible(occ: CompiledOccupation, facts: Facts, level: Level): boolean {
  let gate: boolean | undefined; // asked only for a route that may hold
  for (const c of clausesOf(occ, level)) {
    if (!mayHoldLater(c.meta.plan, facts)) continue;
    gate ??= occ.requirement === null || occ.meta.education === null || mayHoldLater(occ.meta.education.plan, facts);
    if (gate || (c.credential !== null && c.credential(facts) === T)) return true;
  }
  return false;
}

/** Whether the plan may hold on a later projected day (projectFacts changes only work and the date). */
function mayHoldLater(p: Plan, f: Facts): boolean {
  switch (p.op) {
    case 'and':
      for (const i of p.items) if (!mayHoldLater(i, f)) return false;
      return true;
    case 'or':
      for (const i of p.items) if (mayHoldLater(i, f)) return true;
      return false;
    case 'not':
    case 'age':
      return true; // time may change them
    case 'experience':
    case 'experienceAfter':
      // Experience grows only by ongoing work in its scope; without any, a shortfall stays.
      if (p.cmp !== '>=' && p.cmp !== '>') return true;
      for (const w of f.work) if (w.ongoing && (w.rel & p.scope) !== 0 && (w.kind & p.kinds) !== 0) return true;
      return leafStatus(p, f) === T;
    default:
      return leafStatus(p, f) === T; // certificates, training, schools, declared facts: time changes none
  }
}

/** The day a failing route of a clause closes if time alone can close it, else undefined. */
function closingDay(facts: Facts, failing: readonly ConditionExplanation[]): number | undefined {
  let day = facts.asOf;
  for (const c of failing) {
    if ((c.code === 'experience' || c.code === 'experienceAfter') && c.status === 'unmet' && c.short !== undefined && c.short > 0 && c.need !== undefined && c.have !== undefined && c.have > 0) {
      day = Math.max(day, facts.asOf + Math.ceil(c.short));
    } else if (c.code === 'age' && c.status === 'unmet' && facts.birth !== null && c.need !== undefined) {
      const b = new Date(facts.birth * 86_400_000);
      day = Math.max(day, Date.UTC(b.getUTCFullYear() + c.need, b.getUTCMonth(), b.getUTCDate()) / 86_400_000);
    } else return undefined;
  }
  return day > facts.asOf ? day : undefined;
}

function explainLevel(
  occ: CompiledOccupation,
  explainer: Explainer,
  facts: Facts,
  r: LevelResult,
  gate: Explained | null,
  projections: Map<number, Projection>,
  explained: readonly Explained[],
): ExplainedLevelResult {
  const missing: ClauseShortfall[] = [];
  const distances: number[] = [];
  const asks: Ask[] = [];
  const hints: number[] = [];
  let evidence: Text[] = [];
  const list = clausesOf(occ, r.level);
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const e = explained[i];
    for (let k = 0; k < e.asks.length; k++) asks.push(e.asks[k]);
    if (e.status === T) {
      if (evidence.length === 0 && r.matched.includes(c.meta.id)) evidence = explainer.evidence(e.holding, facts);
      continue;
    }
    missing.push({ clause: c.meta.id, text: c.meta.text, status: e.status === U ? 'unknown' : 'unmet', conditions: e.failing });
    distances.push(e.distance);
    const closing = e.status === F ? closingDay(facts, e.failing) : undefined;
    if (closing !== undefined) hints.push(closing);
  }
  // Unknown routes first (they may already hold), then by closeness.
  // A level has a handful of clauses: an insertion sort beats Array#sort's comparator calls.
  const before = (i: number, j: number): boolean => {
    const a = missing[i];
    const b = missing[j];
    if (a.status !== b.status) return a.status === 'unknown';
    if (distances[i] !== distances[j]) return distances[i] < distances[j];
    return a.clause < b.clause;
  };
  const order: number[] = [];
  for (let i = 0; i < missing.length; i++) {
    let k = order.length;
    for (; k > 0 && before(i, order[k - 1]); k--) order[k] = order[k - 1];
    order[k] = i;
  }
  let requirement: ExplainedLevelResult['requirement'] = null;
  if (occ.meta.education && gate) {
    const e = gate;
    for (let k = 0; k < e.asks.length; k++) asks.push(e.asks[k]);
    requirement = { text: occ.meta.education.text, status: r.education, conditions: e.failing.length === 0 ? [] : e.failing.slice() };
    if (r.status === 'eligible' && e.status === T) evidence = [...evidence, ...explainer.evidence(e.holding, facts).filter((d) => !evidence.some((x) => x.zh === d.zh))];
  }
  const earliest = r.status === 'eligible' ? formatDay(facts.asOf) : r.status === 'ineligible' ? earliestDate(occ, facts, r.level, hints, projections) : null;
  return {
    occupation: r.occupation,
    id: r.id,
    version: r.version,
    level: r.level,
    workTypes: r.workTypes,
    status: r.status,
    education: r.education,
    clauses: r.clauses,
    matched: r.matched,
    warnings: r.warnings,
    missing: order.map((i) => missing[i]),
    earliest,
    ask: r.status === 'unknown' ? dedupeAsks(asks) : [],
    evidence,
    requirement,
  };
}
