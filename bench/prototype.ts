// PROTOTYPE, not zige's output: a hand-written sketch of what the code generator could emit for
// 互联网营销师 三级 to reach the predicate targets on comparable work (bench/NOTES.md, "A measured
// proposal"). It reads the same prepared object as every other engine and compares every threshold
// on each call, keeps three values — a quantity is known to lie in [lo, hi], a flag may be
// undefined — and combines them as the generated `levels` functions do: a "may be true" and a
// "may be false" bit-mask word instead of three-valued results passed from function to function.
import type { Cond } from '../compiler/ir.js';
import { experienceAfter, holds, school, training, type Facts, type SchoolSpec } from '../runtime/index.js';

/** Three values as two bits (F 0 → 2 may be false, T 1 → 1 may be true, U 2 → 3 both): the prototypes' planes. */
export const TRI_BITS: readonly [number, number, number] = [2, 1, 3];
import { atomFact } from './engines.js';
import type { PreparedFacts } from './prepared.js';

// Condition bits (one per distinct condition of the level's routes).
// 0 daysAfterL4 >= 1095   1 trainedL3            2 daysAfterL4 >= 1460
// 3 holdsL4               4 seniorTechSchool     5 technicianCollege
// 6 higherVocationalAdvanced                     7 associatePlus
// 8 daysAfterL4 >= 730

/** The level's mask tests over the two planes: 1 eligible, 2 ineligible, 3 unknown. */
function level3Masks(t: number, n: number): number {
  // 且 needs every bit of its mask, 或 any; the "may be false" plane is the dual.
  const mayBeTrue = (t & 3) === 3 || (t & 4) !== 0 || ((t & 8) !== 0 && (t & 48) !== 0) || (t & 72) === 72 || (t & 384) === 384;
  if (!mayBeTrue) return 2;
  const mayBeFalse = (n & 3) !== 0 && (n & 4) !== 0 && ((n & 8) !== 0 || (n & 48) === 48) && (n & 72) !== 0 && (n & 384) !== 0;
  return mayBeFalse ? 3 : 1;
}

/** 1 eligible, 2 ineligible, 3 unknown: the OR of routes 3/1, 3/2, 3/3a, 3/3b, 3/4. */
export function level3TwoMasks(p: PreparedFacts): number {
  // Here every profile is decided, so lo = hi; a profile with undated work would widen [lo, hi].
  const lo = p.daysAfterL4;
  const hi = p.daysAfterL4;
  // t: may be true; n: may be false. `>= k` may be true when hi >= k, may be false when lo < k.
  let t = (hi >= 1095 ? 1 : 0) | (hi >= 1460 ? 4 : 0) | (hi >= 730 ? 256 : 0);
  let n = (lo < 1095 ? 1 : 0) | (lo < 1460 ? 4 : 0) | (lo < 730 ? 256 : 0);
  // A flag may be true unless it is false, and may be false unless it is true (undefined: both).
  t |= (p.trainedL3 !== false ? 2 : 0) | (p.holdsL4 !== false ? 8 : 0) | (p.seniorTechSchool !== false ? 16 : 0);
  t |= (p.technicianCollege !== false ? 32 : 0) | (p.higherVocationalAdvanced !== false ? 64 : 0) | (p.associatePlus !== false ? 128 : 0);
  n |= (p.trainedL3 !== true ? 2 : 0) | (p.holdsL4 !== true ? 8 : 0) | (p.seniorTechSchool !== true ? 16 : 0);
  n |= (p.technicianCollege !== true ? 32 : 0) | (p.higherVocationalAdvanced !== true ? 64 : 0) | (p.associatePlus !== true ? 128 : 0);
  return level3Masks(t, n);
}

/** The school conditions of the level, by the derived fact each stands for (bench/engines.ts `atomFact`). */
function schoolSpecs(cond: Cond): Map<string, SchoolSpec> {
  const out = new Map<string, SchoolSpec>();
  const walk = (c: Cond): void => {
    if (c.op === 'and' || c.op === 'or') c.items.forEach(walk);
    else if (c.op === 'not') walk(c.item);
    else if (c.op === 'school') {
      // A fresh literal with the generated code's fields in its order, not the IR's object: specs
      // of another shape make the runtime's `school` polymorphic and slowed every zige row about
      // 2× (measured), the clause functions' included.
      const x = c.spec;
      out.set(atomFact(c).fact, { mode: x.mode, names: x.names, rank: x.rank, orHigher: x.orHigher, tracks: x.tracks, target: x.target, major: x.major, finalYear: x.finalYear, gate: x.gate });
    }
  };
  walk(cond);
  return out;
}

/**
 * The same two planes over zige's runtime atoms on `Facts` (what `atoms(facts)` calls, for the
 * level's nine conditions only): three-valued logic as bit masks, but the atoms unchanged. Measures
 * how much of the clause functions' time is the logic and how much the atoms.
 */
export function level3TwoMasksOnFacts(cond: Cond): (f: Facts) => number {
  const s = schoolSpecs(cond);
  const [senior, college, higher, associate] = ['seniorTechSchool', 'technicianCollege', 'higherVocationalAdvanced', 'associatePlus'].map((k) => s.get(k)!);
  const B = TRI_BITS;
  return (f) => {
    let t = 0;
    let n = 0;
    let b = B[experienceAfter(f, 3, 4, 3, 1, false, '>=', 1095)];
    t |= b & 1;
    n |= b >> 1;
    b = B[training(f, 1, 3, false)];
    t |= (b & 1) << 1;
    n |= (b >> 1) << 1;
    b = B[experienceAfter(f, 3, 4, 3, 1, false, '>=', 1460)];
    t |= (b & 1) << 2;
    n |= (b >> 1) << 2;
    b = B[holds(f, 3, 4)];
    t |= (b & 1) << 3;
    n |= (b >> 1) << 3;
    b = B[school(f, senior)];
    t |= (b & 1) << 4;
    n |= (b >> 1) << 4;
    b = B[school(f, college)];
    t |= (b & 1) << 5;
    n |= (b >> 1) << 5;
    b = B[school(f, higher)];
    t |= (b & 1) << 6;
    n |= (b >> 1) << 6;
    b = B[school(f, associate)];
    t |= (b & 1) << 7;
    n |= (b >> 1) << 7;
    b = B[experienceAfter(f, 3, 4, 3, 1, false, '>=', 730)];
    t |= (b & 1) << 8;
    n |= (b >> 1) << 8;
    return level3Masks(t, n);
  };
}
