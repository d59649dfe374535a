// (b) End to end on raw profiles (dates, work periods, certificates), every level of 互联网营销师:
// the hand-written evaluator against zige's generated code, statuses only and full results.
// (d, first half) Growth: time per profile as one profile's work entries grow.
import type { CheckedOccupation } from '../compiler/checked.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateOccupation, F, levelStatus, prepareFacts, T, U, type CompiledOccupation, type Level, type LevelResult, type Profile, type Tri } from '../runtime/index.js';
import { evaluateHandwritten, type Status } from './handwritten.js';
import { race, type Contender, type Stats } from './measure.js';
import { AS_OF, population, workProfile } from './population.js';

const NAMES: Record<Tri, Status> = { [F]: 'ineligible', [T]: 'eligible', [U]: 'unknown' } as Record<Tri, Status>;

/**
 * Statuses only, from zige's generated clause functions: prepareFacts, the education requirement,
 * and the runtime's `levelStatus` per level (no result objects).
 */
export function statusEvaluator(occ: CompiledOccupation): (p: Profile) => Status[] {
  const levels = [...occ.meta.levels].sort((a, b) => b - a) as Level[];
  return (p) => {
    const facts = prepareFacts(p, occ.meta, { asOf: AS_OF, single: true });
    const requirement = occ.requirement ? occ.requirement(facts) : T;
    const out: Status[] = [];
    for (const level of levels) out.push(NAMES[levelStatus(occ, facts, requirement, level)]);
    return out;
  };
}

/**
 * A profile as zige and a service receive it: parsed from JSON. The generator's objects, built
 * with conditional fields, come in many more hidden classes than parsed ones, which slows every
 * evaluator that reads them — the hand-written one twice as much as zige — so timing them would
 * flatter zige's ratios.
 */
export function asParsed(p: Profile): Profile {
  return JSON.parse(JSON.stringify(p)) as Profile;
}

export interface EndToEndResult {
  profiles: number;
  counts: Record<string, number>;
  rows: { name: string; note: string; stats: Stats }[];
}

const statuses = (r: LevelResult[]): Status[] => r.map((x) => x.status);

function contenders(occ: CompiledOccupation): (Contender<Profile> & { note: string })[] {
  return [
    { name: 'hand-written TS', note: 'bench/handwritten.ts: statuses of all five levels', run: (p) => evaluateHandwritten(p, AS_OF) },
    { name: 'zige, statuses only', note: 'prepareFacts + the requirement + runtime `levelStatus` per level (generated clause functions, no result objects)', run: statusEvaluator(occ) },
    {
      name: 'zige, full results',
      note: '`evaluateOccupation(…, {explain: false})`: LevelResult objects with clause statuses and matched routes (the profile’s warnings once, beside them)',
      run: (p) => evaluateOccupation(occ, p, { asOf: AS_OF, single: true, explain: false }),
    },
    {
      name: 'zige, full results + explanations',
      note: '`evaluateOccupation` (default, as `zige eval --json`): plus missing, earliest, ask, evidence',
      run: (p) => evaluateOccupation(occ, p, { asOf: AS_OF, single: true }),
    },
  ];
}

function check(occ: CompiledOccupation, profiles: Profile[], what: string): void {
  const cs = contenders(occ);
  for (const [i, p] of profiles.entries()) {
    const want = evaluateHandwritten(p, AS_OF).join();
    for (const c of cs.slice(1)) {
      const r = c.run!(p);
      const got = (Array.isArray(r) && typeof r[0] === 'object' ? statuses(r as LevelResult[]) : (r as Status[])).join();
      if (got !== want) {
        throw new Error(`bench: ${c.name} disagrees with the hand-written evaluator on ${what} #${i}: [${got}] vs [${want}]\nprofile: ${JSON.stringify(p)}`);
      }
    }
  }
}

export async function endToEndBench(checked: CheckedOccupation, options: { profiles: number; rounds: number; minMs: number }): Promise<EndToEndResult> {
  const occ = instantiate(checked);
  const profiles = population(2, options.profiles).map(asParsed);
  check(occ, profiles, 'profile');
  const counts: Record<string, number> = {};
  for (const p of profiles) evaluateHandwritten(p, AS_OF).forEach((s, i) => (counts[`${5 - i}:${s}`] = (counts[`${5 - i}:${s}`] ?? 0) + 1));
  const cs = contenders(occ);
  const results = await race(cs, profiles, options);
  return { profiles: profiles.length, counts, rows: cs.map((c) => ({ name: c.name, note: c.note, stats: results.get(c.name)! })) };
}

export interface GrowthPoint {
  entries: number;
  overlapping: boolean;
  ns: Record<string, number>;
}

export async function workGrowth(checked: CheckedOccupation, sizes: number[], options: { rounds: number; minMs: number }): Promise<GrowthPoint[]> {
  const occ = instantiate(checked);
  const out: GrowthPoint[] = [];
  for (const overlapping of [false, true]) {
    for (const n of sizes) {
      const p = asParsed(workProfile(n, overlapping));
      check(occ, [p], `the ${n}-entry profile`);
      const results = await race(contenders(occ), [p], options);
      out.push({ entries: n, overlapping, ns: Object.fromEntries([...results].map(([k, v]) => [k, v.median])) });
    }
  }
  return out;
}
