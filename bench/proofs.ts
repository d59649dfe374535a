// Proof statuses (告知承诺制): what `verify` costs in an explained evaluation. One run, side by
// side on the same seeded population (bench/population.ts): the profiles as they are (no status,
// the path of every profile before 0.2.0), every entry `verified` (one scan finds nothing
// declared), and every entry `declared` (an eligible level then asks, per declared entry, whether
// it holds without it: runtime/verify.ts). Reproduce: `npx tsx bench/proofs.ts` (about a minute).
import { checkRules } from '../compiler/check-rules.js';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateProfile, type Profile } from '../runtime/index.js';
import { race } from './measure.js';
import { AS_OF, OCCUPATION, population } from './population.js';

type Proof = 'declared' | 'verified';

/** The profile with every list entry given the proof status. */
function marked(p: Profile, proof: Proof): Profile {
  const mark = <T extends object>(list: T[] | undefined): T[] | undefined => list?.map((e) => ({ ...e, proof }));
  return { ...p, education: mark(p.education), certificates: mark(p.certificates), work: mark(p.work), training: mark(p.training), apprenticeships: mark(p.apprenticeships) };
}

const sink = new DiagnosticSink();
const rules = checkRules('rules', sink);
if (!rules) throw new Error('bench: the bundled rules do not check');
const occ = instantiate(rules.occupations.find((o) => o.name === OCCUPATION)!);
const base = population(2, 2000);
const sets = { none: base, verified: base.map((p) => marked(p, 'verified')), declared: base.map((p) => marked(p, 'declared')) };
const indices = base.map((_, i) => i);
const judge = (set: Profile[]) => (i: number): unknown => evaluateProfile(occ, set[i], { asOf: AS_OF }).results;
const results = await race(
  [
    { name: 'no proof status', run: judge(sets.none) },
    { name: 'every entry verified', run: judge(sets.verified) },
    { name: 'every entry declared', run: judge(sets.declared) },
  ],
  indices,
  { rounds: 5, minMs: 300 },
);
const eligibleDeclared = sets.declared.reduce((n, p) => n + evaluateProfile(occ, p, { asOf: AS_OF }).results.filter((r) => r.verify.length > 0).length, 0);
const none = results.get('no proof status')!.median;
console.log(`| explained evaluation, ${base.length} profiles of ${OCCUPATION} (5 levels) | µs per profile (median, min – max) | vs no status |`);
console.log('| --- | ---: | ---: |');
for (const [name, s] of results) console.log(`| ${name} | ${(s.median / 1000).toFixed(1)} (${(s.min / 1000).toFixed(1)} – ${(s.max / 1000).toFixed(1)}) | ${(s.median / none).toFixed(2)}× |`);
console.log(`\n(every entry declared: ${eligibleDeclared} eligible levels rest on declared entries and list them in verify)`);
