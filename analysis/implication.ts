// Implication between conditions, over their normal forms: A implies B when each of A's
// alternatives is contradictory or implies one of B's alternatives, and an alternative implies
// another when each of the other's literals follows from one of its own (atom implication from
// lattice.ts). Exact per atom; across atoms of one alternative it is sound but not complete.
import { leafKey, type Conjunct, type Literal } from './normal-form.js';
import { leafEmpty, leafImplies, leavesConflict, type Axiom } from './lattice.js';

/** The literals of one alternative that contradict each other (or one that no profile meets). */
export function contradiction(c: Conjunct): Literal[] | null {
  for (let i = 0; i < c.length; i++) {
    const a = c[i];
    if (a.positive && leafEmpty(a.leaf)) return [a];
    for (let j = i + 1; j < c.length; j++) {
      const b = c[j];
      if (literalsConflict(a, b)) return [a, b];
    }
  }
  return null;
}

function literalsConflict(a: Literal, b: Literal): boolean {
  if (a.positive && b.positive) return leavesConflict(a.leaf, b.leaf);
  // A met and 非 B met: B unmet, yet A forces B met.
  if (a.positive && !b.positive) return leafImplies(a.leaf, b.leaf) !== null;
  if (!a.positive && b.positive) return leafImplies(b.leaf, a.leaf) !== null;
  return false;
}

function literalImplies(a: Literal, b: Literal): Axiom[] | null {
  if (a.positive && b.positive) return leafImplies(a.leaf, b.leaf);
  // 非 literals: only the same atom (a known gap, docs/analysis.md).
  if (a.positive === b.positive && leafKey(a.leaf) === leafKey(b.leaf)) return ['same-atom'];
  return null;
}

function conjunctImplies(a: Conjunct, b: Conjunct): Set<Axiom> | null {
  const used = new Set<Axiom>();
  for (const lb of b) {
    let found: Axiom[] | null = null;
    for (const la of a) {
      found = literalImplies(la, lb);
      if (found) break;
    }
    if (!found) return null;
    for (const x of found) used.add(x);
  }
  return used;
}

/** The axioms by which every profile meeting A meets B, or null when not established. */
export function implies(a: Conjunct[], b: Conjunct[]): Axiom[] | null {
  const used = new Set<Axiom>();
  for (const ca of a) {
    if (contradiction(ca)) continue; // an alternative no profile meets implies anything
    let ok = false;
    for (const cb of b) {
      const axioms = conjunctImplies(ca, cb);
      if (axioms) {
        for (const x of axioms) used.add(x);
        ok = true;
        break;
      }
    }
    if (!ok) return null;
  }
  return [...used].sort();
}

/** Whether no profile meets the condition: every alternative contradicts itself (with the atoms). */
export function unsatisfiable(a: Conjunct[]): Literal[][] | null {
  const out: Literal[][] = [];
  for (const c of a) {
    const x = contradiction(c);
    if (!x) return null;
    out.push(x);
  }
  return out;
}
