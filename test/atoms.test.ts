// The branch-free level functions over precomputed atoms (`atoms`, `levels` of every generated
// module) decide exactly what `evaluate` decides.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { functionBody } from '../compiler/generate/instantiate.js';
import * as runtime from '../runtime/index.js';
import { bitsStatus, evaluateOccupation, prepareFacts, type CompiledOccupation, type Facts, type Profile } from '../runtime/index.js';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expressionArb, profileArb, worldOf } from './oracle/arbitraries.js';
import { REQUIREMENTS, SYNTHETIC_RELATED, SYNTHETIC_SOURCE, syntheticRuleFile } from './oracle/harness.js';
import { loadOracleVocabulary } from './oracle/interpreter.js';
import { check, RULES, rulesDir } from './helpers.js';

const { rules } = check(RULES);
const occupations = rules!.occupations;

interface Exports {
  occupation: CompiledOccupation;
  atoms: (f: Facts) => number[];
  levels: Record<number, (m: readonly number[]) => number>;
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

  it('agree with evaluate on random clauses (and, or, 非, nested) and requirements', () => {
    const vocabulary = loadOracleVocabulary();
    const dir = rulesDir({}, { sources: { 'sample.txt': SYNTHETIC_SOURCE } });
    const world = worldOf([{ id: 'sample', name: '样例职业', aliases: ['样例工'], related: SYNTHETIC_RELATED }], vocabulary);
    let negated = 0;
    let wide = 0;
    fc.assert(
      fc.property(
        // Up to 40 clauses: enough distinct conditions to need a second mask word (30 bits each).
        fc.oneof(fc.array(expressionArb({ vocabulary }), { minLength: 1, maxLength: 8 }), fc.array(expressionArb({ vocabulary }), { minLength: 30, maxLength: 40 })),
        fc.constantFrom(...REQUIREMENTS),
        fc.array(profileArb(world), { minLength: 20, maxLength: 20 }),
        (expressions, requirement, profiles) => {
          writeFileSync(join(dir, 'sample.yaml'), syntheticRuleFile(expressions, requirement));
          const checked = check(dir);
          const [occ] = checked.rules!.occupations;
          if (expressions.some((e) => /(^|[\s(])(非|not) /.test(e))) negated++;
          const m = new Function('R', functionBody(occ))(runtime) as Exports;
          if (m.atoms(prepareFacts({}, m.occupation.meta, { asOf: '2026-11-28' })).length > 2) wide++;
          for (const g of profiles) agree(m, g.profile as Profile, g.asOf);
        },
      ),
      { numRuns: 60, seed: 20261128 },
    );
    expect(negated).toBeGreaterThan(5);
    expect(wide).toBeGreaterThan(5); // more than 30 distinct conditions: two words per plane
  }, 60_000);
});

