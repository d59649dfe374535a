// A clause's condition as a disjunction of conjunctions of literals (an atom or its 非). The
// analysis reasons over this form; every construct of the condition language (runtime/plan.ts)
// is named here, so a new one breaks the build until the analysis handles or refuses it.
import type { Plan, PlanLeaf } from '../runtime/plan.js';

export interface Literal {
  leaf: PlanLeaf;
  positive: boolean;
}

export type Conjunct = Literal[];

/** More conjuncts than this and the clause is refused (the form grows exponentially with 或 under 且). */
export const MAX_CONJUNCTS = 512;

/** A construct the analysis cannot reason about, refused by name. */
export class RefusedConstruct extends Error {
  /** `occupation level/id` of the clause, once known. */
  clause = '?';

  constructor(readonly construct: string) {
    super(`analysis: construct ${construct} is not analysed`);
  }
}

/** The disjunctive normal form of `plan` (negated: of 非 plan), 非 pushed down to the atoms (Kleene logic keeps De Morgan). */
export function dnf(plan: Plan, negated = false): Conjunct[] {
  const op = plan.op;
  switch (op) {
    case 'not':
      return dnf(plan.item, !negated);
    case 'and':
    case 'or': {
      const parts = plan.items.map((i) => dnf(i, negated));
      // 且 distributes; under 非 the connective flips (De Morgan).
      return (op === 'and') !== negated ? product(parts) : parts.flat();
    }
    case 'experience':
    case 'experienceAfter':
    case 'holds':
    case 'holdsPrepTechnician':
    case 'training':
    case 'apprenticeship':
    case 'school':
    case 'age':
    case 'flag':
    case 'fact':
    case 'category':
    case 'events':
    case 'certWindow':
    case 'certDated':
    case 'ageOn':
    case 'insured':
      return [[{ leaf: plan, positive: !negated }]];
    // Not analysed yet: refused by name, never skipped.
    case 'ageBySex':
    case 'working':
      throw new RefusedConstruct(op);
    default: {
      const unknown: never = op;
      throw new RefusedConstruct(String(unknown));
    }
  }
}

function product(parts: Conjunct[][]): Conjunct[] {
  let out: Conjunct[] = [[]];
  for (const part of parts) {
    const next: Conjunct[] = [];
    for (const a of out) for (const b of part) next.push([...a, ...b]);
    if (next.length > MAX_CONJUNCTS) throw new RefusedConstruct(`且/或 (more than ${MAX_CONJUNCTS} alternatives)`);
    out = next;
  }
  return out;
}

/** Canonical text of a leaf, for equality of atoms. */
export function leafKey(leaf: PlanLeaf): string {
  return JSON.stringify(leaf, (k, v: unknown) => (k === 'range' ? undefined : v));
}
