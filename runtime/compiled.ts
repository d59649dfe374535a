// What a generated module hands the runtime to evaluate: its metadata, and the compiled
// predicates of the education requirement and of each clause. Types only (evaluate.ts and gate.ts
// both read them).
import type { Facts } from './facts.js';
import type { ClauseMeta, OccupationMeta } from './meta.js';
import type { Tri } from './tri.js';

export interface ClausePredicate {
  meta: ClauseMeta;
  test: (f: Facts) => Tri;
  /** Whether a school atom of the clause holds: such a credential also meets the requirement. */
  credential: ((f: Facts) => Tri) | null;
  /** 破格: the clause lifts the education requirement for itself alone. */
  waivesEducation?: boolean;
  /** The occupation's preconditions that gate this clause (all but those it waives), as one test; absent: none. */
  preconditions?: ((f: Facts) => Tri) | null;
}

export interface CompiledOccupation {
  meta: OccupationMeta;
  requirement: ((f: Facts) => Tri) | null;
  clauses: readonly ClausePredicate[];
}
