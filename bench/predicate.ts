// (a) Predicate only: 三级 of 互联网营销师 (clauses 3/1, 3/2, 3/3a, 3/3b, 3/4: an OR of four
// routes) on prepared facts, in every engine: like with like. One shared function (bench/prepared.ts)
// prepares each profile once, before timing; every engine is passed the very same objects and
// compares every threshold on each call. Every engine is built once, outside the timed loops, and
// must agree with the hand-written predicate on every profile first.
import type { CheckedOccupation } from '../compiler/checked.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { T, type Facts } from '../runtime/index.js';
import { celPredicate, filtrexPredicate, jsonLogicPredicate, jsPredicate, orOf, predicateSources, rulesEnginePredicate } from './engines.js';
import { level3Handwritten } from './handwritten.js';
import { race, type Contender, type Stats } from './measure.js';
import { population } from './population.js';
import { digest, InputLog, preparer, type PreparedFacts } from './prepared.js';
import { level3TwoMasks, level3TwoMasksOnFacts } from './prototype.js';

export type Row = { name: string; note: string; stats: Stats };

/** Rows measured apart from the comparison: their own race, their own table (none at present). */
export interface ContextGroup {
  title: string;
  note: string;
  rows: Row[];
}
export type ContextBench = (items: readonly PreparedFacts[], options: { rounds: number; minMs: number }) => Promise<ContextGroup>;

export interface PredicateResult {
  profiles: number;
  eligible: number;
  rows: Row[];
  sources: { js: string; cel: string; filtrex: string };
  /** What every engine was handed: digests of the prepared objects (bench/prepared.ts). */
  inputs: { before: string; after: string; received: { name: string; digest: string }[] };
  context: ContextGroup[];
}

export const HANDWRITTEN = 'hand-written TS';
export const ZIGE_CLAUSES = 'zige generated clause functions';
export const PROTOTYPE = 'PROTOTYPE: two masks over the derived facts';
export const ENGINES = [
  ['@marcbachmann/cel-js 8.0.0', 10],
  ['filtrex 3.1.0', 10],
  ['json-logic-js 2.0.5', 100],
] as const;

type Engine = Contender<PreparedFacts> & { note: string };

function engines(checked: CheckedOccupation): Engine[] {
  const clauses = checked.clauses.filter((c) => c.level === 3);
  const cond = orOf(clauses.map((c) => c.cond));
  const level3 = instantiate(checked)
    .clauses.filter((c) => c.meta.level === 3)
    .map((c) => c.test);
  const zige = (f: Facts): boolean => {
    for (const test of level3) if (test(f) === T) return true;
    return false;
  };
  const on = (p: (x: PreparedFacts) => boolean) => (x: PreparedFacts) => p(x);
  return [
    { name: HANDWRITTEN, note: 'bench/handwritten.ts `level3Handwritten`: one boolean expression over the derived facts', run: level3Handwritten },
    {
      name: ZIGE_CLAUSES,
      note: "the generated module's three-valued clause functions of 三级 on its runtime `Facts` (`x.facts`): each atom looks its measure up and compares, or scans the certificates, training or education entries",
      run: (x) => zige(x.facts),
    },
    { name: '@marcbachmann/cel-js 8.0.0', note: '`parse` once, call per profile', run: on(celPredicate(cond)) },
    { name: 'filtrex 3.1.0', note: '`compileExpression` once', run: on(filtrexPredicate(cond)) },
    { name: 'json-logic-js 2.0.5', note: 'rule object built once, `apply` per profile', run: on(jsonLogicPredicate(cond)) },
    { name: 'json-rules-engine 7.3.1', note: 'one Engine with one rule, `await engine.run(x)` per profile', runAsync: rulesEnginePredicate(cond) },
    {
      name: '(context) zige IR → JS, bench-local',
      note: 'not shipped: the checked clauses compiled by bench/engines.ts `jsPredicate` into one two-valued JS expression over the derived facts (cannot say "unknown")',
      run: on(jsPredicate(cond)),
    },
    {
      name: PROTOTYPE,
      note: 'not shipped: bench/prototype.ts, a hand-written sketch of what the generator could emit — three-valued, a "may be true" and a "may be false" bit mask, over the derived facts',
      run: (x) => level3TwoMasks(x) === 1,
    },
    {
      name: 'PROTOTYPE: two masks over the runtime atoms',
      note: "not shipped: bench/prototype.ts, the same two bit masks, but each condition decided by zige's runtime atoms on `x.facts`, as the clause functions decide it",
      run: ((p) => (x: PreparedFacts) => p(x.facts) === 1)(level3TwoMasksOnFacts(cond)),
    },
  ];
}

async function agree(cs: Engine[], items: readonly PreparedFacts[], log: InputLog): Promise<number> {
  const runs = cs.map((c) => (c.run ? log.spy(c.name, c.run) : log.spy(c.name, c.runAsync!)));
  let eligible = 0;
  for (const [i, item] of items.entries()) {
    const want = level3Handwritten(item);
    if (want) eligible++;
    for (const [k, c] of cs.entries()) {
      const got = await runs[k](item);
      if (got !== want) {
        const { facts: _, ...flat } = item;
        throw new Error(`bench: engines disagree on profile #${i} of the predicate population: ${HANDWRITTEN} says ${want}, ${c.name} says ${String(got)}\nfacts: ${JSON.stringify(flat)}`);
      }
    }
  }
  return eligible;
}

export async function predicateBench(
  checked: CheckedOccupation,
  options: { profiles: number; rounds: number; minMs: number },
  context: ContextBench[] = [],
): Promise<PredicateResult> {
  const ids = checked.clauses.filter((c) => c.level === 3).map((c) => c.id.split('/').slice(1).join('/')).join(', ');
  if (ids !== '3/1, 3/2, 3/3a, 3/3b, 3/4') throw new Error(`bench: 互联网营销师 level 3 clauses changed: ${ids}`);
  const occ = instantiate(checked);
  // Every measure of every level decided once (see bench/prepared.ts), so no row memoises anything.
  const prepare = preparer(occ, (f) => occ.clauses.forEach((c) => c.test(f)));
  const items = population(1, options.profiles, { decided: true }).map(prepare);
  const before = digest(items);

  const cs = engines(checked);
  const log = new InputLog();
  const eligible = await agree(cs, items, log);
  const results = await race(cs, items, { rounds: options.rounds, minMs: options.minMs });
  const groups: ContextGroup[] = [];
  for (const c of context) groups.push(await c(items, options));
  const after = digest(items);
  const received = [...log.received()].map(([name, d]) => ({ name, digest: d }));
  const differs = received.filter((r) => r.digest !== before);
  if (after !== before || differs.length > 0) {
    throw new Error(`bench: the engines' inputs differ or changed (before ${before}, after ${after}; ${differs.map((r) => `${r.name} ${r.digest}`).join(', ') || 'every engine was handed the same'})`);
  }
  return {
    profiles: items.length,
    eligible,
    rows: cs.map((c) => ({ name: c.name, note: c.note, stats: results.get(c.name)! })),
    sources: predicateSources(orOf(checked.clauses.filter((c) => c.level === 3).map((c) => c.cond))),
    inputs: { before, after, received },
    context: groups,
  };
}
