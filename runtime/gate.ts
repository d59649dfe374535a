// The education requirement (the occupation's 学历要求) combined with a clause, in one place: a
// route counts when its clause holds and the requirement is met, by the profile or by the
// clause's own credential (a school atom of the route, which also meets the requirement). The
// fast path, explanations and the "from when" search all combine them here.
import type { ClausePredicate, CompiledOccupation } from './compiled.js';
import type { Explained } from './explanation.js';
import type { Facts } from './facts.js';
import { and, F, T, U, type Tri } from './tri.js';

/** The requirement on the facts; met when the occupation has none. */
export function requirementOn(occ: CompiledOccupation, facts: Facts): Tri {
  return occ.requirement ? occ.requirement(facts) : T;
}

/** The education requirement for a clause: met by the profile, or by the clause's own credential (a waiver does not meet it). */
export function educationFor(c: ClausePredicate, facts: Facts, met: Tri, requirement: Tri): Tri {
  let gate = requirement;
  if (gate !== T && met !== F && c.credential) {
    const credential = c.credential(facts);
    if (credential === T) gate = T;
    else if (credential === U && gate === F) gate = U;
  }
  return gate;
}

/**
 * A clause's status `met` with the requirement: what the clause contributes to its level's
 * status. A clause that waives the education requirement (破格) is not gated by it; the
 * occupation's preconditions gate every clause but those it waives (`c.preconditions`).
 */
export function gated(c: ClausePredicate, facts: Facts, met: Tri, requirement: Tri): Tri {
  if (met === F) return F;
  const education = c.waivesEducation === true ? T : educationFor(c, facts, met, requirement);
  if (education === F || !c.preconditions) return and(met, education);
  return and(met, and(education, c.preconditions(facts)));
}

/**
 * A level result's `education` after one more clause: met once a clause that holds meets the
 * requirement with it (`withGate` from `educationFor`); before any, the requirement's own status.
 */
export function educationWith(education: Tri, met: Tri, withGate: Tri): Tri {
  return met === T && withGate === T ? T : education;
}

/**
 * Whether a route may hold on some later day: its plan may (`Explained.later`: false when it
 * needs something that does not hold now and that time does not change, like a certificate,
 * training, a school or a declared fact), and the requirement may too or the route's own
 * credential meets it. When no route of a level may, "from when" needs no search. Conservative:
 * conditions that time can change (experience with ongoing work, age, negations) count as possible.
 */
export function routeMayHoldLater(c: ClausePredicate, facts: Facts, later: boolean, requirementLater: boolean): boolean {
  return later && (requirementLater || (c.credential !== null && c.credential(facts) === T));
}

/** Whether the requirement may be met on a later day (`gate`: its explanation on the facts). */
export function requirementMayHoldLater(occ: CompiledOccupation, gate: Explained | null): boolean {
  return occ.requirement === null || gate === null || gate.later;
}
