// The checked form of an expression: names resolved, units converted, scopes as masks. Every
// node keeps the offsets of the text it came from.
import type { Comparator, OffsetRange } from '../grammar/index.js';

export type Cond =
  | { op: 'or'; items: Cond[]; range: OffsetRange }
  | { op: 'and'; items: Cond[]; range: OffsetRange }
  | { op: 'not'; item: Cond; range: OffsetRange }
  | { op: 'experience'; scope: number; kinds: number; continuous: boolean; cmp: Comparator; days: number; range: OffsetRange }
  | {
      op: 'experienceAfter';
      certScope: number;
      level: number;
      scope: number;
      kinds: number;
      continuous: boolean;
      cmp: Comparator;
      days: number;
      range: OffsetRange;
    }
  | { op: 'holds'; scope: number; level: number; range: OffsetRange }
  | { op: 'holdsPrepTechnician'; scope: number; range: OffsetRange }
  | { op: 'training'; scope: number; level: number; exam: boolean; range: OffsetRange }
  | { op: 'apprenticeship'; scope: number; range: OffsetRange }
  | { op: 'school'; spec: SchoolSpecIR; range: OffsetRange }
  | { op: 'age'; cmp: Comparator; years: number; range: OffsetRange }
  | { op: 'flag'; name: string; range: OffsetRange }
  | { op: 'fact'; name: string; cmp: Comparator; value: number; range: OffsetRange };

/** Work kinds are bits: bit i is the vocabulary's i-th work kind. */
export function kindMask(names: readonly string[], all: readonly string[]): number {
  let mask = 0;
  for (const n of names) mask |= 1 << all.indexOf(n);
  return mask;
}

/** Mirrors runtime SchoolSpec; kept here so the compiler does not depend on runtime code. */
export interface SchoolSpecIR {
  mode: 0 | 1 | 2;
  names: string[] | null;
  rank: number;
  orHigher: boolean;
  tracks: string[] | null;
  target: string | null;
  major: number;
  finalYear: boolean;
  gate: boolean;
}

/** The condition as plain data without source ranges: the `plan` of generated clause metadata. */
export function toPlan(c: Cond): unknown {
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
