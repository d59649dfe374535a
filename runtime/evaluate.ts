// Builds per-level results from an occupation's compiled predicates.
import { formatDay, parseDay } from './dates.js';
import { latestDay } from './latest.js';
import type { Plan } from './plan.js';
import { dedupeAsks, Explainer, type Ask, type Explained, type ExplainPlan, type ClauseShortfall, type ConditionExplanation, type Text } from './explain.js';
import { gated, educationFor, educationWith, requirementMayHoldLater, requirementOn, routeMayHoldLater } from './gate.js';
import { explained, level as scratch } from './scratch.js';
import { prepareFacts, projectFacts, type Facts, type Warning } from './facts.js';
import type { OccupationMeta } from './meta.js';
import type { Level, OutcomeKind } from './words.js';
import type { Profile } from './profile.js';
import { and, F, or, T, U, triName, type Tri } from './tri.js';
import type { ClausePredicate, CompiledOccupation } from './compiled.js';
import { verifyLists, type VerifyItem } from './verify.js';

export type { ClausePredicate, CompiledOccupation };

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

/**
 * One level's result. The type parameters narrow it for one occupation: a generated module
 * instantiates it with its id, name and levels as literal types (`Result` and `FastResult` there).
 */
export interface LevelResult<Id extends string = string, Name extends string = string, L extends Level = Level> {
  occupation: Name;
  id: Id;
  version: string | null;
  level: L;
  workTypes: string[];
  status: Status;
  education: ConditionStatus;
  clauses: ClauseResult[];
  /** Ids of every clause that holds (all routes, not just the first). */
  matched: string[];
  /**
   * What an eligible level grants (issue 20), only for an occupation whose rule file declares
   * outcomes: the level, and whether the first route met grants it as the next level above the one
   * held (`next-level`) or as a fixed level (`level`); null when the level is not eligible.
   */
  outcome?: Outcome | null;
  /** The level's value (a subsidy's amount), only for an occupation that declares amounts; null for a level without one. */
  amount?: Amount | null;
}

/** What an eligible level grants. */
export interface Outcome {
  kind: OutcomeKind;
  level: Level;
}

/** A value by level, with its unit as the rule file writes it (1500 元). */
export interface Amount {
  value: number;
  unit: string;
}

/** The level results of one evaluation, and the profile's warnings: once, not per level (since 0.2.0). */
export interface Evaluation<R extends LevelResult = ExplainedLevelResult> {
  results: R[];
  warnings: Warning[];
}

/** The explanation of a level result (issue 4): routes, shortfalls, the earliest date, asks, documents. */
export interface Explanation {
  /** The occupation's preconditions (前提条件) and their statuses; present only when it has some. */
  preconditions?: PreconditionResult[];
  /** The sitting's registration window (报名时间) and whether the as-of date is in it; present only when the rule file states one. */
  registration?: RegistrationWindow;
  /** Unmet and unknown clauses, closest route first, each with the conditions it lacks. */
  missing: ClauseShortfall[];
  /** For an unknown level: the facts that would decide it, by profile field. */
  ask: Ask[];
  /** Documents that prove the matched route (and the education requirement). */
  evidence: Text[];
  /**
   * The declared facts (告知承诺制) an eligible level rests on, to verify: [] when it holds on
   * verified facts alone, and for every level that is not eligible (runtime/verify.ts).
   */
  verify: VerifyItem[];
  /** The education requirement with its unmet conditions; null when the occupation has none. */
  requirement: { text: string; status: ConditionStatus; conditions: ConditionExplanation[] } | null;
}

/** `earliest` by status, so that narrowing on `status` tells whether there is a date. */
export type EarliestByStatus =
  /** The as-of date; `latest`: the last day it stays eligible if nothing else changes (a window closes, a maximum age is passed), or null when nothing ends it. */
  | { status: 'eligible'; earliest: string; latest: string | null }
  /** The first day on which continuing ongoing work makes the level eligible, or null; `latest`: the last day of that eligible stretch, or null. */
  | { status: 'ineligible'; earliest: string | null; latest: string | null }
  | { status: 'unknown'; earliest: null; latest: null };

/** A level result with its explanation, discriminated on `status` (see EarliestByStatus). */
export type ExplainedLevelResult<Id extends string = string, Name extends string = string, L extends Level = Level> = LevelResult<Id, Name, L> &
  Explanation &
  EarliestByStatus;

/** A list with at least one item: what a generated module's `evaluate` returns (a checked occupation has a level to report, or evaluation throws). */
export type NonEmpty<T> = [T, ...T[]];

/**
 * The results a generated `evaluate` returns for options `O`: fast results for `explain: false`,
 * explained ones for `explain: true` or no `explain` (the default), either for a boolean only known
 * at run time or an optional one. (Not `O extends { explain?: true }`: a type of optional
 * properties only is a weak type, which `{ asOf }` does not extend.)
 */
export type ResultsFor<O extends EvaluateOptions, Fast, Explained> = O extends { explain: false }
  ? NonEmpty<Fast>
  : O extends { explain: true }
    ? NonEmpty<Explained>
    : 'explain' extends keyof O
      ? NonEmpty<Fast> | NonEmpty<Explained>
      : NonEmpty<Explained>;

export class EvaluationError extends Error {
  constructor(
    readonly code: 'E_WORK_TYPE' | 'E_LEVEL',
    message: string,
  ) {
    super(message);
    this.name = 'EvaluationError';
  }
}

/** A level of a compiled occupation: what every evaluation needs and no profile changes. */
interface LevelData {
  /** In rule-file order. */
  clauses: readonly ClausePredicate[];
  /** Work types offering the level (results get a copy). */
  workTypes: readonly string[];
  /** The clauses' plans compiled for explaining (made on the first explained evaluation). */
  plans: readonly ExplainPlan[] | null;
  /** Each clause's place among the level's clause ids in string order (the last sort key of `missing`). */
  ranks: readonly number[];
  /** The plans `latest` probes (clauses, requirement, preconditions), gathered on first use. */
  timePlans?: readonly Plan[];
}

/** A compiled occupation indexed once: levels by number, the explainer (it caches texts). */
interface Indexed {
  byLevel: (LevelData | undefined)[];
  explainer: Explainer;
}

const indexes = new WeakMap<CompiledOccupation, Indexed>();
const NO_CLAUSES: readonly ClausePredicate[] = [];

function indexed(occ: CompiledOccupation): Indexed {
  let x = indexes.get(occ);
  if (!x) {
    const meta = occ.meta;
    const byLevel: (LevelData | undefined)[] = [];
    const levels = new Set<number>([...meta.levels, ...occ.clauses.map((c) => c.meta.level)]);
    for (const level of levels) {
      const clauses = occ.clauses.filter((c) => c.meta.level === level);
      const ids = clauses.map((c) => c.meta.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
      byLevel[level] = {
        clauses,
        workTypes: meta.workTypes.filter((w) => w.levels.includes(level as Level)).map((w) => w.name),
        plans: null,
        ranks: clauses.map((c) => ids.indexOf(c.meta.id)),
      };
    }
    x = { byLevel, explainer: explainerOf(meta) };
    indexes.set(occ, x);
  }
  return x;
}

/** The clauses of one level, in rule-file order (indexed once per compiled occupation). */
export function clausesOf(occ: CompiledOccupation, level: Level): readonly ClausePredicate[] {
  return indexed(occ).byLevel[level]?.clauses ?? NO_CLAUSES;
}

/** Levels in report order, and the explainer (it caches condition texts), once per occupation. */
interface PerOccupation {
  /** Levels in report order (a fresh copy is handed out: callers may keep it). */
  levels: readonly Level[];
  explainer: Explainer;
}

const perOccupationCache = new WeakMap<OccupationMeta, PerOccupation>();

function perOccupation(meta: OccupationMeta): PerOccupation {
  let p = perOccupationCache.get(meta);
  if (!p) {
    p = { levels: [...meta.levels].sort((a, b) => b - a), explainer: new Explainer(meta) };
    perOccupationCache.set(meta, p);
  }
  return p;
}

function explainerOf(meta: OccupationMeta): Explainer {
  return perOccupation(meta).explainer;
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

/** The level results, without the profile's warnings (`evaluateProfile` gives both). */
export function evaluateOccupation(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions & { explain: false }): LevelResult[];
export function evaluateOccupation(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions & { explain?: true }): ExplainedLevelResult[];
export function evaluateOccupation(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions): LevelResult[] | ExplainedLevelResult[];
export function evaluateOccupation(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions): LevelResult[] | ExplainedLevelResult[] {
  return evaluateProfile(occ, profile, options).results;
}

/** Judges a profile for an occupation: every level's result, and the profile's warnings once. */
export function evaluateProfile(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions & { explain: false }): Evaluation<LevelResult>;
export function evaluateProfile(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions & { explain?: true }): Evaluation<ExplainedLevelResult>;
export function evaluateProfile(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions): Evaluation<LevelResult> | Evaluation<ExplainedLevelResult>;
export function evaluateProfile(occ: CompiledOccupation, profile: Profile, options: EvaluateOptions): Evaluation<LevelResult> | Evaluation<ExplainedLevelResult> {
  const levels = levelsToReport(occ.meta, options);
  const prepare = { asOf: options.asOf, single: options.single ?? true };
  const facts = prepareFacts(profile, occ.meta, prepare);
  const results = levelResults(occ, levels, facts, options.explain !== false);
  if (options.explain !== false) {
    const lists = verifyLists(occ, profile, results, prepare);
    for (let i = 0; i < results.length; i++) if (lists[i].length > 0) (results[i] as ExplainedLevelResult).verify = lists[i];
  }
  return { warnings: facts.warnings, results };
}

function levelResults(occ: CompiledOccupation, levels: readonly Level[], facts: Facts, explain: boolean): LevelResult[] {
  const requirement = requirementOn(occ, facts);
  const { byLevel, explainer } = indexed(occ);
  if (!explain) return levels.map((level) => evaluateLevel(occ, byLevel[level]!, facts, requirement, level));
  // The requirement is the same for every level: explained once.
  const gate = occ.meta.education ? explainer.explain(occ.meta.education.plan, facts) : null;
  // Levels often probe the same later days (the search horizon at least): projected once.
  const probes: Probes = { map: null, gateEvidence: undefined, preconditions: preconditionsOn(explainer, occ.meta, facts) };
  return levels.map((level) => {
    const data = byLevel[level]!;
    const plans = (data.plans ??= data.clauses.map((c) => explainer.compiled(c.meta.plan)));
    return explainLevel(occ, explainer, facts, requirement, level, gate, probes, data, plans);
  });
}

/** The preconditions explained once per evaluation: each one's status, and the asks of those unknown. */
function preconditionsOn(explainer: Explainer, meta: OccupationMeta, facts: Facts): Probes['preconditions'] {
  if (!meta.preconditions || meta.preconditions.length === 0) return null;
  const asks: Ask[] = [];
  const results = meta.preconditions.map((p) => {
    const x = explainer.explain(p.plan, facts);
    if (x.status === U) for (const a of x.asks) asks.push(a);
    return { id: p.id, text: p.text, status: triName(x.status) };
  });
  return { results, asks };
}

/** The registration window with the as-of date placed in it, or undefined when the rule states none. */
function registrationOn(meta: OccupationMeta, facts: Facts): RegistrationWindow | undefined {
  const w = meta.registration;
  if (!w) return undefined;
  const asOf = formatDay(facts.asOf);
  return { from: w.from, to: w.to, status: asOf < w.from ? 'not-yet-open' : asOf > w.to ? 'closed' : 'open' };
}

/** The status of one level on the facts: some clause met, with the requirement met for it. */
export function levelStatus(occ: CompiledOccupation, facts: Facts, requirement: Tri, level: Level): Tri {
  let status: Tri = F;
  for (const c of clausesOf(occ, level)) {
    status = or(status, gated(c, facts, c.test(facts), requirement));
    if (status === T) return T;
  }
  return status;
}

/** What an explained level result adds to a level result (see Explanation and EarliestByStatus). */
interface LevelExplanation extends Omit<Explanation, 'verify'> {
  earliest: string | null;
  latest: string | null;
  /** Only for an occupation with preconditions. */
  preconditions?: PreconditionResult[];
  /** Only for a rule file stating a registration window. */
  registration?: RegistrationWindow;
}

/**
 * A level's result, the one place they are built: fields in output order, lists of exactly
 * their length; with its explanation when one is given (`explain`), else the fast result.
 */
function levelResult(meta: OccupationMeta, level: Level, data: LevelData, status: Tri, education: Tri, clauses: ClauseResult[], metCount: number): LevelResult;
function levelResult(meta: OccupationMeta, level: Level, data: LevelData, status: Tri, education: Tri, clauses: ClauseResult[], metCount: number, explain: LevelExplanation): ExplainedLevelResult;
function levelResult(
  meta: OccupationMeta,
  level: Level,
  data: LevelData,
  status: Tri,
  education: Tri,
  clauses: ClauseResult[],
  metCount: number,
  explain?: LevelExplanation,
): LevelResult | ExplainedLevelResult {
  const workTypes = copied(data.workTypes);
  const name = statusName(status);
  const educationName = triName(education);
  const matched = matchedIds(clauses, metCount);
  // Two literals rather than one spread into another: a result is one allocation of its final shape.
  if (explain === undefined) {
    const fast: LevelResult = { occupation: meta.name, id: meta.id, version: meta.version, level, workTypes, status: name, education: educationName, clauses, matched };
    return meta.outcomes || meta.amounts ? withGrant(meta, fast) : fast;
  }
  return {
    occupation: meta.name,
    id: meta.id,
    version: meta.version,
    level,
    workTypes,
    status: name,
    education: educationName,
    clauses,
    matched,
    ...(meta.outcomes || meta.amounts ? grant(meta, level, name, matched) : {}),
    missing: explain.missing,
    earliest: explain.earliest,
    latest: explain.latest,
    ask: explain.ask,
    evidence: explain.evidence,
    verify: [],
    requirement: explain.requirement,
    ...(explain.preconditions ? { preconditions: explain.preconditions } : {}),
    ...(explain.registration ? { registration: explain.registration } : {}),
  } as ExplainedLevelResult; // `earliest` is set as EarliestByStatus says for `status`
}

/** `outcome` and `amount` of a level result, each only when the occupation declares it (also the SQL backend's results). */
export function grant(meta: OccupationMeta, level: Level, status: Status, matched: readonly string[]): Pick<LevelResult, 'outcome' | 'amount'> {
  const out: Pick<LevelResult, 'outcome' | 'amount'> = {};
  if (meta.outcomes) {
    const first = meta.clauses.find((c) => c.id === matched[0]);
    out.outcome = status === 'eligible' ? { kind: first?.outcome ?? 'level', level } : null;
  }
  if (meta.amounts) out.amount = meta.amounts[level] ?? null;
  return out;
}

function withGrant(meta: OccupationMeta, r: LevelResult): LevelResult {
  return { ...r, ...grant(meta, r.level, r.status, r.matched) };
}

/** A level's result from the compiled tests (the fast path: no explanation). */
function evaluateLevel(occ: CompiledOccupation, data: LevelData, facts: Facts, requirement: Tri, level: Level): LevelResult {
  const list = data.clauses;
  // Lists of exactly their length: a list grown by push starts with room for 17 elements, and
  // every evaluation builds these for every level.
  const clauses = new Array<ClauseResult>(list.length);
  let metCount = 0;
  let status: Tri = F;
  let education: Tri = requirement;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const met = c.test(facts);
    clauses[i] = { id: c.meta.id, text: c.meta.text, status: triName(met) };
    if (met === T) metCount++;
    const withGate = gated(c, facts, met, requirement);
    education = educationWith(education, met, educationFor(c, facts, met, requirement));
    status = or(status, withGate);
  }
  return levelResult(occ.meta, level, data, status, education, clauses, metCount);
}

function statusName(status: Tri): Status {
  return status === T ? 'eligible' : status === F ? 'ineligible' : 'unknown';
}

/** The ids of the clauses met, in a list of exactly their number. */
function matchedIds(clauses: readonly ClauseResult[], metCount: number): string[] {
  const matched = new Array<string>(metCount);
  for (let i = 0, k = 0; k < metCount; i++) if (clauses[i].status === 'met') matched[k++] = clauses[i].id;
  return matched;
}

/** The facts projected to a later day, with the requirement on them (shared by the levels of one evaluation). */
export interface Projection {
  facts: Facts;
  requirement: Tri;
}

/** How far ahead "from when" looks: a route further away than this is reported as null. */
export const EARLIEST_HORIZON_DAYS = 60 * 365;

/** What the levels of one evaluation share, each part made when first needed. */
interface Probes {
  /** Facts projected to later days. */
  map: Map<number, Projection> | null;
  /** Documents proving the requirement, when it holds (never written to: copied into results). */
  gateEvidence?: Text[];
  /** The occupation's preconditions on the facts, explained once (null when it has none). */
  preconditions?: { results: PreconditionResult[]; asks: Ask[] } | null;
}

/** A precondition's status on the facts (in an explained result of an occupation that has preconditions). */
export interface PreconditionResult {
  id: string;
  text: string;
  status: ConditionStatus;
}

/** Whether the as-of date falls in the sitting's registration window (报名时间). */
export interface RegistrationWindow {
  from: string;
  to: string;
  status: 'open' | 'not-yet-open' | 'closed';
}

/**
 * The first day after the as-of date on which the level becomes eligible if every ongoing work
 * period simply continues and nothing else changes; null when waiting alone cannot do it.
 * Experience only grows with time, so eligibility is monotone in the date and a binary search
 * finds the exact day. `mayBecome`: whether any route may hold later (`routeMayHoldLater`);
 * `hints[0, count)`: days on which routes close (sorted here, in place).
 */
function searchEarliest(
  occ: CompiledOccupation,
  facts: Facts,
  level: Level,
  mayBecome: boolean,
  hints: number[],
  count: number,
  probes: Probes,
): string | null {
  // No route can hold later when each lacks something waiting does not bring: no search (most
  // ineligible levels end here, so nothing is made before).
  if (!mayBecome) return null;
  // Without ongoing work only age can change with time, and only with a known birth date (or
  // events leave a window: a cap over this calendar year lifts in the next).
  if (facts.birth === null && !facts.work.some((w) => w.ongoing) && facts.events.length === 0) return null;
  const eligibleOn = (day: number): boolean => {
    const p = projectionOn(occ, facts, probes, day);
    return levelStatus(occ, p.facts, p.requirement, level) === T;
  };
  let lo = facts.asOf; // not eligible
  let hi = facts.asOf + EARLIEST_HORIZON_DAYS;
  // Hints are days on which a route's shortfall closes if it grows a day per day. A route
  // cannot close sooner, so the first hint that is eligible, with the day before it not, is
  // exact; otherwise they narrow the search.
  for (let i = 1; i < count; i++) {
    const day = hints[i];
    let k = i;
    for (; k > 0 && hints[k - 1] > day; k--) hints[k] = hints[k - 1];
    hints[k] = day;
  }
  for (let i = 0; i < count; i++) {
    const day = hints[i];
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

/**
 * The first `count` elements of a list (all by default), in a new list of exactly that length:
 * a loop (Array#slice is a builtin call, which costs more for a few elements).
 */
function copied<T>(list: readonly T[], count = list.length): T[] {
  const out = new Array<T>(count);
  for (let i = 0; i < count; i++) out[i] = list[i];
  return out;
}

/**
 * A level's result with its explanation. Each clause is decided once, by its compiled plan: the
 * same atoms in the same three-valued logic as the generated test, which the fast path calls
 * (test/properties.test.ts checks both against the reference interpreter); the plan's
 * explanation is read right after the call, before the next one overwrites it.
 */
function explainLevel(
  occ: CompiledOccupation,
  explainer: Explainer,
  facts: Facts,
  requirement: Tri,
  level: Level,
  gate: Explained | null,
  probes: Probes,
  data: LevelData,
  plans: readonly ExplainPlan[],
): ExplainedLevelResult {
  const { clauses: list, ranks } = data;
  const n = list.length;
  const clauses = new Array<ClauseResult>(n);
  let metCount = 0;
  let status: Tri = F;
  let education: Tri = requirement;
  let count = 0; // routes in `scratch.missing`
  let evidence: Text[] = [];
  for (let i = 0; i < n; i++) {
    const c = list[i];
    const met = plans[i](facts);
    const x = explained;
    clauses[i] = { id: c.meta.id, text: c.meta.text, status: triName(met) };
    // Kept for after the loop, when the level's status is known: asks matter for an unknown
    // level only, whether a route may hold later for an ineligible one only.
    scratch.asks[i] = x.asks;
    scratch.later[i] = met === T || x.later;
    const withGate = gated(c, facts, met, requirement);
    status = or(status, withGate);
    education = educationWith(education, met, educationFor(c, facts, met, requirement));
    if (met === T) {
      metCount++;
      // The first route that holds proves the level (with the requirement's documents, below).
      if (evidence.length === 0) evidence = explainer.evidence(x.holding, facts);
      continue;
    }
    const shortfall: ClauseShortfall = { clause: c.meta.id, text: c.meta.text, status: met === U ? 'unknown' : 'unmet', conditions: x.failing };
    insertMissing(shortfall, x.distance, ranks[i], count++);
  }
  let requirementResult: Explanation['requirement'] = null;
  if (occ.meta.education && gate) {
    requirementResult = { text: occ.meta.education.text, status: triName(education), conditions: copied(gate.failing) };
    // The route's documents first, then the requirement's that it does not already list.
    if (status === T && gate.status === T) addOnce(evidence, (probes.gateEvidence ??= explainer.evidence(gate.holding, facts)));
  }
  const earliest = status === T ? formatDay(facts.asOf) : status === F ? earliestOf(occ, facts, level, gate, probes, n, count) : null;
  return levelResult(occ.meta, level, data, status, education, clauses, metCount, {
    missing: copied(scratch.missing, count),
    earliest,
    latest: earliest === null ? null : latestOf(occ, facts, level, probes, data, earliest),
    ask: status === U ? levelAsks(occ, gate, n, probes.preconditions?.asks) : [], // results own their lists
    evidence,
    requirement: requirementResult,
    ...(probes.preconditions ? { preconditions: probes.preconditions.results.map((r) => ({ ...r })) } : {}),
    ...(occ.meta.registration ? { registration: registrationOn(occ.meta, facts) } : {}),
  });
}

/**
 * Puts a missing route at its place among the first `count` of `scratch.missing`: unknown routes
 * first (they may already hold), then by closeness, then by clause id. An insertion sort as the
 * routes come (a level has a handful; Array#sort's comparator calls cost more).
 */
function insertMissing(a: ClauseShortfall, distance: number, rank: number, count: number): void {
  const { missing, distances, ranks } = scratch;
  let k = count;
  for (; k > 0; k--) {
    const b = missing[k - 1];
    const before = a.status !== b.status ? a.status === 'unknown' : distance !== distances[k - 1] ? distance < distances[k - 1] : rank < ranks[k - 1];
    if (!before) break;
    missing[k] = b;
    distances[k] = distances[k - 1];
    ranks[k] = ranks[k - 1];
  }
  missing[k] = a;
  distances[k] = distance;
  ranks[k] = rank;
}

/** Appends to `evidence` (a fresh list) the documents of `more` it does not list yet. */
function addOnce(evidence: Text[], more: readonly Text[]): void {
  const own = evidence.length;
  for (const d of more) {
    let listed = false;
    for (let k = 0; k < own && !listed; k++) listed = evidence[k].zh === d.zh;
    if (!listed) evidence.push(d);
  }
}

/**
 * The earliest day of an ineligible level (its `n` clauses, `count` missing routes in scratch):
 * searched from the days on which its failing routes close, if any route may hold later at all.
 */
function earliestOf(occ: CompiledOccupation, facts: Facts, level: Level, gate: Explained | null, probes: Probes, n: number, count: number): string | null {
  const list = clausesOf(occ, level);
  const gateLater = requirementMayHoldLater(occ, gate);
  let mayBecome = false;
  for (let i = 0; i < n && !mayBecome; i++) mayBecome = routeMayHoldLater(list[i], facts, scratch.later[i], gateLater);
  let hints = 0;
  for (let k = 0; k < count; k++) {
    if (scratch.missing[k].status !== 'unmet') continue;
    const closing = closingDay(facts, scratch.missing[k].conditions);
    if (closing !== undefined) scratch.hints[hints++] = closing;
  }
  return searchEarliest(occ, facts, level, mayBecome, scratch.hints, hints, probes);
}

/**
 * The last day of the eligible stretch starting on `earliest` (runtime/latest.ts), probing the
 * days on which a condition of the level, its requirement or a precondition may turn false.
 */
function latestOf(occ: CompiledOccupation, facts: Facts, level: Level, probes: Probes, data: LevelData, earliest: string): string | null {
  const plans = (data.timePlans ??= [
    ...data.clauses.map((c) => c.meta.plan),
    ...(occ.meta.education ? [occ.meta.education.plan] : []),
    ...(occ.meta.preconditions ?? []).map((p) => p.plan),
  ]);
  const on = (day: number): { facts: Facts; eligible: boolean } => {
    const p = projectionOn(occ, facts, probes, day);
    return { facts: p.facts, eligible: levelStatus(occ, p.facts, p.requirement, level) === T };
  };
  const start = parseDay(earliest)!;
  return latestDay(plans, start === facts.asOf ? facts : on(start).facts, on);
}

/** The facts projected to a later day, with the requirement on them, made once per evaluation and day. */
function projectionOn(occ: CompiledOccupation, facts: Facts, probes: Probes, day: number): Projection {
  const map = (probes.map ??= new Map());
  let p = map.get(day);
  if (p === undefined) {
    const projected = projectFacts(facts, day);
    p = { facts: projected, requirement: requirementOn(occ, projected) };
    map.set(day, p);
  }
  return p;
}

/** The asks of an unknown level: every clause's (of its `n`), then the requirement's, each field once. */
function levelAsks(occ: CompiledOccupation, gate: Explained | null, n: number, preconditions: readonly Ask[] = []): Ask[] {
  const asks: Ask[] = [];
  for (let i = 0; i < n; i++) for (const a of scratch.asks[i]) asks.push(a);
  if (occ.meta.education && gate) for (const a of gate.asks) asks.push(a);
  for (const a of preconditions) asks.push(a);
  return dedupeAsks(asks);
}
