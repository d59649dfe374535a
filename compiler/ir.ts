// The checked form of an expression: the runtime's condition language (runtime/plan.ts) with the
// offsets of the text each node came from. Names resolved, units converted, scopes as masks.
import type { OffsetRange } from '../grammar/index.js';
import type { Plan, PlanLeaf } from '../runtime/plan.js';

export type Cond =
  | { op: 'or'; items: Cond[]; range: OffsetRange }
  | { op: 'and'; items: Cond[]; range: OffsetRange }
  | { op: 'not'; item: Cond; range: OffsetRange }
  | (PlanLeaf & { range: OffsetRange });

/** Work kinds are bits: bit i is the vocabulary's i-th work kind. */
export function kindMask(names: readonly string[], all: readonly string[]): number {
  let mask = 0;
  for (const n of names) mask |= 1 << all.indexOf(n);
  return mask;
}

/** The condition as plain data without source ranges: the `plan` of generated clause metadata. */
export function toPlan(c: Cond): Plan {
  switch (c.op) {
    case 'or':
    case 'and':
      return { op: c.op, items: c.items.map(toPlan) };
    case 'not':
      return { op: 'not', item: toPlan(c.item) };
    default: {
      const { range: _range, ...rest } = c;
      return rest;
    }
  }
}
