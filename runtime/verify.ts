// The `verify` list of a level result (告知承诺制): the declared facts an eligible level rests on.
// The rule (docs/profile.md "Proof status"): a level that is eligible on the verified facts alone
// (and those with no proof status) needs nothing verified, whichever clause holds; otherwise,
// starting from every declared fact, zige tries to do without each in turn, from the last in
// `verify` order to the first, and drops it when the level stays eligible without it. What is
// left is a set of declared facts that makes the level eligible and of which none can be left out.
import type { CompiledOccupation } from './compiled.js';
import type { Text } from './explanation.js';
import { prepareFacts, type PrepareOptions } from './facts.js';
import { gated, requirementOn } from './gate.js';
import type { Profile } from './profile.js';
import { declaredFacts, type DeclaredFact } from './proof.js';
import { or, F, T, type Tri } from './tri.js';
import { declaredLabel } from './verify-text.js';
import type { Level } from './words.js';

/** A declared fact to verify: its JSON Pointer in the profile and a readable label. */
export interface VerifyItem {
  path: string;
  label: Text;
}

/** Whether the level is eligible with the facts at `omit` treated as absent. */
function eligibleWithout(occ: CompiledOccupation, profile: Profile, level: Level, options: PrepareOptions, omit: ReadonlySet<string>): boolean {
  const facts = prepareFacts(profile, occ.meta, { ...options, omit });
  const requirement = requirementOn(occ, facts);
  let status: Tri = F;
  for (const c of occ.clauses) {
    if (c.meta.level !== level) continue;
    status = or(status, gated(c, facts, c.test(facts), requirement));
    if (status === T) return true;
  }
  return false;
}

/** The declared facts an eligible level rests on (see the rule above), in `verify` order. */
function reliedOn(occ: CompiledOccupation, profile: Profile, level: Level, options: PrepareOptions, declared: readonly DeclaredFact[]): DeclaredFact[] {
  const all = new Set(declared.map((d) => d.path));
  if (eligibleWithout(occ, profile, level, options, all)) return [];
  const kept = new Set(all);
  for (let i = declared.length - 1; i >= 0; i--) {
    kept.delete(declared[i].path);
    const omit = new Set([...all].filter((p) => !kept.has(p)));
    if (!eligibleWithout(occ, profile, level, options, omit)) kept.add(declared[i].path);
  }
  return declared.filter((d) => kept.has(d.path));
}

/**
 * The `verify` list of each level (in the order given): empty unless the level is eligible and
 * rests on declared facts. Most profiles declare nothing: one scan of the profile, then no work.
 */
export function verifyLists(occ: CompiledOccupation, profile: Profile, levels: readonly { level: Level; status: string }[], options: PrepareOptions): VerifyItem[][] {
  const declared = declaredFacts(profile);
  return levels.map(({ level, status }) => {
    if (declared.length === 0 || status !== 'eligible') return [];
    return reliedOn(occ, profile, level, options, declared).map((d) => ({ path: d.path, label: declaredLabel(d) }));
  });
}
