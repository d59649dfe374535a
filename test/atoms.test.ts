// The branch-free level functions over precomputed atoms (`atoms`, `levels` of every generated
// module) decide exactly what `evaluate` decides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functionBody } from '../compiler/instantiate.js';
import * as runtime from '../runtime/index.js';
import { bitsStatus, evaluateOccupation, prepareFacts, type CompiledOccupation, type Facts, type Profile } from '../runtime/index.js';
import { profileArb, worldOf } from './oracle/arbitraries.js';
import { check, RULES } from './helpers.js';

const { rules } = check(RULES);
const occupations = rules!.occupations;

interface Exports {
  occupation: CompiledOccupation;
  atoms: (f: Facts) => Uint8Array;
  levels: Record<number, (a: Uint8Array) => number>;
}

const modules = occupations.map((o) => new Function('R', functionBody(o))(runtime) as Exports);

function agree(m: Exports, profile: Profile, asOf: string): void {
  const expected = evaluateOccupation(m.occupation, profile, { asOf, explain: false });
  const a = m.atoms(prepareFacts(profile, m.occupation.meta, { asOf, single: true }));
  expect(expected.map((r) => [r.level, bitsStatus(m.levels[r.level](a))])).toEqual(expected.map((r) => [r.level, r.status]));
}

describe('levels over atoms', () => {
  it('agree with evaluate on every test case of every rule file', () => {
    let n = 0;
    occupations.forEach((o, i) => {
      for (const t of o.tests) {
        agree(modules[i], t.profile as Profile, t.asOf);
        n++;
      }
    });
    expect(n).toBeGreaterThan(150);
  });

  it('agree with evaluate on random profiles', () => {
    const world = worldOf(occupations);
    fc.assert(
      fc.property(profileArb(world), fc.integer({ min: 0, max: occupations.length - 1 }), (g, i) => {
        agree(modules[i], g.profile as Profile, g.asOf);
      }),
      { numRuns: 300, seed: 20261128 },
    );
  });
});
