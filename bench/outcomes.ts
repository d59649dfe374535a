// Issue 20, part A: what judging past events costs. One seeded population of profiles, each given
// 0–6 events (competitions, promotions, subsidy claims), judged explain=false by the Tianjin
// promotion rules (placings, a calendar-year cap, next-level guards) and by 互联网营销师 (no events),
// side by side in one run. Reproduce: `npm run build && npx tsx bench/outcomes.ts`.
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { checkRules } from '../compiler/check-rules.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateOccupation, type Profile } from '../runtime/index.js';
import { population, prng } from './population.js';
import { join } from 'node:path';

const RULES = join(import.meta.dirname, '..', 'rules');

const rules = checkRules(RULES, new DiagnosticSink())!;
const pick = (id: string, version?: string) => instantiate(rules.occupations.find((o) => o.id === id && (version === undefined || o.version === version))!);
const tianjin = pick('tianjin-competition-promotion', '2024-10-25');
const marketer = pick('internet-marketer');
const next = prng(20);
const TIERS = ['市级综合赛', '市级一类竞赛', '市级二类竞赛', '区级竞赛', '企业和院校级竞赛'];
const profiles: Profile[] = population(20, 5000).map((p) => ({
  ...p,
  categories: [next() < 0.5 ? '企业职工' : '在校生'],
  events: Array.from({ length: Math.floor(next() * 7) }, (_, i) =>
    i % 3 === 0
      ? { kind: '竞赛', tier: TIERS[Math.floor(next() * 5)], rank: 1 + Math.floor(next() * 20), field: 20 + Math.floor(next() * 80), date: '2025-0' + (1 + Math.floor(next() * 9)) + '-15', relation: '本职业' as const }
      : { kind: i % 3 === 1 ? '竞赛晋升' : '补贴申领', level: (1 + Math.floor(next() * 5)) as 1, date: `202${3 + Math.floor(next() * 3)}-06-01`, relation: '本职业' as const },
  ),
}));

function time(occ: ReturnType<typeof instantiate>): number {
  for (const p of profiles.slice(0, 500)) evaluateOccupation(occ, p, { asOf: '2025-10-01', explain: false, single: true });
  const start = performance.now();
  for (let round = 0; round < 3; round++) for (const p of profiles) evaluateOccupation(occ, p, { asOf: '2025-10-01', explain: false, single: true });
  return (performance.now() - start) / (3 * profiles.length) * 1000;
}

const base = time(marketer);
const events = time(tianjin);
console.log(`| occupation | µs per profile (explain=false) | ratio |\n| --- | ---: | ---: |\n| 互联网营销师 (no events) | ${base.toFixed(2)} | 1 |\n| 天津市竞赛获奖晋升 2024 (events, cap, next-level) | ${events.toFixed(2)} | ${(events / base).toFixed(2)}× |`);
