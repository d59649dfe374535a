// (a) Predicate only: 三级 of 互联网营销师 (clauses 3/1, 3/2, 3/3a, 3/3b, 3/4: an OR of four
// routes) on facts computed before timing, in every engine. Every engine is built once, outside
// the timed loops, and must agree with the hand-written predicate on every profile first.
import type { CheckedOccupation } from '../compiler/checked.js';
import { functionBody, instantiate } from '../compiler/generate/instantiate.js';
import * as runtime from '../runtime/index.js';
import { prepareFacts, T, type Facts } from '../runtime/index.js';
import { celPredicate, filtrexPredicate, jsonLogicPredicate, jsPredicate, orOf, predicateSources, rulesEnginePredicate } from './engines.js';
import { level3Facts, level3Handwritten, type Level3Facts } from './handwritten.js';
import { race, type Contender, type Stats } from './measure.js';
import { AS_OF, population } from './population.js';

export interface PredicateResult {
  profiles: number;
  eligible: number;
  rows: { name: string; note: string; stats: Stats }[];
  sources: { js: string; cel: string; filtrex: string };
}

export const HANDWRITTEN = 'hand-written TS';

interface Item {
  flat: Level3Facts;
  facts: Facts;
  atoms: number[];
}

export async function predicateBench(checked: CheckedOccupation, options: { profiles: number; rounds: number; minMs: number }): Promise<PredicateResult> {
  const clauses = checked.clauses.filter((c) => c.level === 3);
  const ids = clauses.map((c) => c.id.split('/').slice(1).join('/')).join(', ');
  if (ids !== '3/1, 3/2, 3/3a, 3/3b, 3/4') throw new Error(`bench: 互联网营销师 level 3 clauses changed: ${ids}`);
  const cond = orOf(clauses.map((c) => c.cond));
  const compiled = instantiate(checked);
  const generated = new Function('R', functionBody(checked))(runtime) as {
    atoms: (f: Facts) => number[];
    levels: Record<number, (m: readonly number[]) => number>;
  };
  const level3Bits = generated.levels[3];
  const level3 = compiled.clauses.filter((c) => c.meta.level === 3).map((c) => c.test);
  const zige = (f: Facts): boolean => {
    for (const test of level3) if (test(f) === T) return true;
    return false;
  };

  const profiles = population(1, options.profiles, { decided: true });
  const items: Item[] = profiles.map((p) => {
    const facts = prepareFacts(p, compiled.meta, { asOf: AS_OF, single: true });
    return { flat: level3Facts(p, AS_OF), facts, atoms: generated.atoms(prepareFacts(p, compiled.meta, { asOf: AS_OF, single: true })) };
  });

  const contenders: (Contender<Item> & { note: string })[] = [
    { name: HANDWRITTEN, note: 'a boolean expression over the facts', run: (x) => level3Handwritten(x.flat) },
    { name: 'zige IR → JS', note: 'the checked clauses compiled to one two-valued JS function over the same facts', run: ((p) => (x: Item) => p(x.flat))(jsPredicate(cond)) },
    {
      name: 'zige generated level function',
      note: "the generated module's `levels[3]` over its precomputed `atoms(facts)`: two bit-mask words in which every threshold is already compared (three-valued; requirement included)",
      run: (x) => level3Bits(x.atoms) === 1,
    },
    {
      name: 'zige generated clauses',
      note: 'the generated three-valued clause functions on runtime Facts (prepareFacts done before timing)',
      run: (x) => zige(x.facts),
    },
    { name: '@marcbachmann/cel-js 8.0.0', note: '`parse` once, call per profile', run: ((p) => (x: Item) => p(x.flat))(celPredicate(cond)) },
    { name: 'filtrex 3.1.0', note: '`compileExpression` once', run: ((p) => (x: Item) => p(x.flat))(filtrexPredicate(cond)) },
    { name: 'json-logic-js 2.0.5', note: 'rule object built once, `apply` per profile', run: ((p) => (x: Item) => p(x.flat))(jsonLogicPredicate(cond)) },
    {
      name: 'json-rules-engine 7.3.1',
      note: 'one Engine with one rule, `await engine.run(facts)` per profile',
      runAsync: ((p) => (x: Item) => p(x.flat))(rulesEnginePredicate(cond)),
    },
  ];

  // Agreement first: every engine on every profile.
  let eligible = 0;
  for (const [i, item] of items.entries()) {
    const want = level3Handwritten(item.flat);
    if (want) eligible++;
    for (const c of contenders) {
      const got = c.run ? c.run(item) : await c.runAsync!(item);
      if (got !== want) {
        throw new Error(
          `bench: engines disagree on profile #${i} of the predicate population: ${HANDWRITTEN} says ${want}, ${c.name} says ${String(got)}\n` +
            `profile: ${JSON.stringify(profiles[i])}\nfacts: ${JSON.stringify(item.flat)}`,
        );
      }
    }
  }

  const results = await race(contenders, items, { rounds: options.rounds, minMs: options.minMs });
  return {
    profiles: items.length,
    eligible,
    rows: contenders.map((c) => ({ name: c.name, note: c.note, stats: results.get(c.name)! })),
    sources: predicateSources(cond),
  };
}
