// (b, second table) What a user would pick instead of zige, end to end: hand-written fact
// preparation (bench/handwritten.ts `level3Facts`) + each engine's predicate, against zige's own
// preparation + its generated clause functions, on the same raw profiles (parsed JSON) — 三级 of
// 互联网营销师, the predicate of (a).
import type { CheckedOccupation } from '../compiler/checked.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateOccupation, prepareFacts, T, type Profile } from '../runtime/index.js';
import { celPredicate, filtrexPredicate, jsonLogicPredicate, orOf, rulesEnginePredicate } from './engines.js';
import { asParsed } from './end-to-end.js';
import { level3Facts, level3Handwritten } from './handwritten.js';
import { race, type Contender } from './measure.js';
import { AS_OF, population } from './population.js';
import type { Row } from './predicate.js';

export interface EnginesEndToEndResult {
  profiles: number;
  rows: Row[];
}

function contenders(checked: CheckedOccupation): (Contender<Profile> & { note: string })[] {
  const cond = orOf(checked.clauses.filter((c) => c.level === 3).map((c) => c.cond));
  const occ = instantiate(checked);
  const level3 = occ.clauses.filter((c) => c.meta.level === 3).map((c) => c.test);
  const prep = (p: Profile) => level3Facts(p, AS_OF);
  const cel = celPredicate(cond);
  const filtrex = filtrexPredicate(cond);
  const logic = jsonLogicPredicate(cond);
  const rules = rulesEnginePredicate(cond);
  return [
    { name: 'hand-written TS', note: '`level3Facts` (hand-written preparation) + `level3Handwritten`', run: (p) => level3Handwritten(prep(p)) },
    {
      name: 'zige, 三级 only',
      note: "zige's `prepareFacts` + the generated clause functions of 三级 (as in (a))",
      run: (p) => {
        const f = prepareFacts(p, occ.meta, { asOf: AS_OF, single: true });
        for (const test of level3) if (test(f) === T) return true;
        return false;
      },
    },
    {
      name: 'zige, 三级 result object',
      note: "`evaluateOccupation(…, {level: 3, explain: false})`: the level's LevelResult (education requirement included)",
      run: (p) => evaluateOccupation(occ, p, { asOf: AS_OF, single: true, explain: false, level: 3 })[0].status === 'eligible',
    },
    { name: 'hand-written preparation + @marcbachmann/cel-js 8.0.0', note: '`level3Facts`, then the (a) program', run: (p) => cel(prep(p)) },
    { name: 'hand-written preparation + filtrex 3.1.0', note: '`level3Facts`, then the (a) function', run: (p) => filtrex(prep(p)) },
    { name: 'hand-written preparation + json-logic-js 2.0.5', note: '`level3Facts`, then `apply`', run: (p) => logic(prep(p)) },
    { name: 'hand-written preparation + json-rules-engine 7.3.1', note: '`level3Facts`, then `await engine.run(…)`', runAsync: (p) => rules(prep(p)) },
  ];
}

export async function enginesEndToEndBench(checked: CheckedOccupation, options: { profiles: number; rounds: number; minMs: number }): Promise<EnginesEndToEndResult> {
  const profiles = population(1, options.profiles, { decided: true }).map(asParsed);
  const cs = contenders(checked);
  for (const [i, p] of profiles.entries()) {
    const want = level3Handwritten(level3Facts(p, AS_OF));
    for (const c of cs) {
      const got = c.run ? c.run(p) : await c.runAsync!(p);
      if (got !== want) throw new Error(`bench: ${c.name} disagrees with the hand-written 三级 on profile #${i}: ${String(got)} vs ${want}`);
    }
  }
  const results = await race(cs, profiles, options);
  return { profiles: profiles.length, rows: cs.map((c) => ({ name: c.name, note: c.note, stats: results.get(c.name)! })) };
}
