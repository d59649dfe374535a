// What `latest` (issue 20) costs an explained evaluation: explained against fast, side by side in
// one run, for an occupation with no condition that ends (互联网营销师: `latest` is one scan of its
// plans) and for the Chaoyang subsidy, whose windows end (probing the day each closes).
//
//   npx tsx bench/latest.ts [profiles]
import { checkRules } from '../compiler/check-rules.js';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateOccupation, type Profile } from '../runtime/index.js';
import { population, prng } from './population.js';

const count = Number(process.argv[2] ?? 20_000);
const rules = checkRules('rules', new DiagnosticSink())!;
const byId = (id: string) => instantiate(rules.occupations.find((o) => o.id === id)!);

/** Subsidy applicants: a certificate of a level within the last two years, insured for 1–6 years. */
function claimants(n: number): Profile[] {
  const next = prng(7);
  const day = (d: number): string => new Date(Date.UTC(2026, 10, 28) - d * 86_400_000).toISOString().slice(0, 10);
  return Array.from({ length: n }, () => ({
    categories: ['企业职工'],
    certificates: [{ occupation: '电工', level: (3 + Math.floor(next() * 3)) as 3, kind: '技能等级证书' as const, date: day(Math.floor(next() * 730)) }],
    insurance: [{ scheme: '失业保险', from: day(365 + Math.floor(next() * 1800)) }],
  }));
}

function time(label: string, f: () => void): number {
  f(); // warm-up
  const t = performance.now();
  f();
  const ms = performance.now() - t;
  console.log(`${label.padEnd(72)} ${ms.toFixed(0).padStart(6)} ms`);
  return ms;
}

for (const [id, profiles] of [['internet-marketer', population(11, count)], ['chaoyang-skill-upgrade-subsidy', claimants(count)]] as const) {
  const occ = byId(id);
  const run = (explain: boolean) => () => {
    for (const p of profiles) evaluateOccupation(occ, p, { asOf: '2026-11-28', explain, single: true } as never);
  };
  const fast = time(`${id}, ${count} profiles, fast`, run(false));
  const explained = time(`${id}, ${count} profiles, explained (with latest)`, run(true));
  console.log(`${''.padEnd(72)} ratio ${(explained / fast).toFixed(1)}×`);
}
