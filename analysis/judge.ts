// Re-evaluates a witness with the runtime: the statuses a profile gets, clause by clause and level
// by level, so a finding shows only a witness that demonstrates it.
import type { CheckedOccupation } from '../compiler/checked.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateOccupation, type CompiledOccupation, type Profile, type Status, type ConditionStatus } from '../runtime/index.js';
import { WITNESS_AS_OF } from './witness.js';

export interface Judged {
  levels: Map<number, Status>;
  /** By `level/localId`. */
  clauses: Map<string, ConditionStatus>;
  education: Map<number, ConditionStatus>;
}

const compiledCache = new WeakMap<CheckedOccupation, CompiledOccupation>();

export function compiledOf(occ: CheckedOccupation): CompiledOccupation {
  let c = compiledCache.get(occ);
  if (!c) {
    c = instantiate(occ);
    compiledCache.set(occ, c);
  }
  return c;
}

export function judge(occ: CheckedOccupation, profile: Profile, asOf = WITNESS_AS_OF): Judged {
  const results = evaluateOccupation(compiledOf(occ), profile, { asOf, single: true, explain: false });
  const out: Judged = { levels: new Map(), clauses: new Map(), education: new Map() };
  for (const r of results) {
    out.levels.set(r.level, r.status);
    out.education.set(r.level, r.education);
    for (const c of r.clauses) out.clauses.set(c.id.slice(occ.id.length + 1), c.status);
  }
  return out;
}
