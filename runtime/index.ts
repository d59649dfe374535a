// zige runtime: what generated evaluators import. No third-party dependencies, no clock reads.
export { F, T, U, and, or, not, compareRange, triName, type Tri, type Comparator } from './tri.js';
export { parseDay, formatDay, todayInShanghai, DAYS_PER_YEAR } from './dates.js';
export { prepareFacts, mergedPeriods, addWarnings, normalizeName, ProfileError, SAME, RELATED, UNRELATED, sexOfIdNumber, type Facts, type Warning, type PrepareOptions } from './facts.js';
export {
  experience,
  experienceAfter,
  holds,
  holdsPrepTechnician,
  training,
  apprenticeship,
  school,
  age,
  flag,
  fact,
  ageBySex,
  category,
  working,
} from './atoms.js';
export { events, type EventSpec } from './events.js';
export { certWindow, certDated, ageOnDay, insured } from './time-atoms.js';
export {
  evaluateOccupation,
  evaluateProfile,
  levelStatus,
  grant,
  EvaluationError,
  type ClausePredicate,
  type CompiledOccupation,
  type EvaluateOptions,
  type LevelResult,
  type ExplainedLevelResult,
  type Evaluation,
  type Explanation,
  type EarliestByStatus,
  type NonEmpty,
  type ResultsFor,
  type ClauseResult,
  type Status,
  type ConditionStatus,
  type Outcome,
  type Amount,
} from './evaluate.js';
export type { OccupationMeta, ClauseMeta, WorkTypeMeta } from './meta.js';
export type { Level, MessageLang } from './words.js';
export type * from './profile.js';
export { versionInForce, overlappingVersions, type VersionChoice } from './versions.js';
export { PROOF_STATUSES, isVoid, declaredFacts, type DeclaredFact } from './proof.js';
export { verifyLists, type VerifyItem } from './verify.js';
export { Explainer, type Ask, type Text, type ConditionExplanation, type ClauseShortfall } from './explain.js';
export { SchoolMode, EventWindow, type Plan, type PlanLeaf, type SchoolSpec } from './plan.js';
export { notOfferedLevels, NOT_OFFERED_TEXT, type NotOfferedLevel, type NotOfferedReason } from './offered.js';
