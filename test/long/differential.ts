// Long differential run: random profiles judged by the generated code and by the reference
// interpreter (test/oracle/), over every bundled occupation and the invented one, plus a fresh
// synthetic rule file of random expressions every few thousand profiles. Every other profile is
// judged with explanations (each clause then decided by its plan), the others by the generated
// tests alone (the fast path). Prints counts and exits non-zero on any disagreement.
//
//   npx tsx test/long/differential.ts [count] [--seed N] [--workers N] [--synthetic-every N]
//
// count: profiles (default 1,000,000). Work is split over worker processes (default: the number
// of CPUs), each with its own seed derived from --seed, so a run is reproducible.
import { fork } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import type { CheckedOccupation } from '../../compiler/checked.js';
import type { Cond } from '../../compiler/ir.js';
import { expressionArb, profileArb, worldOf } from '../oracle/arbitraries.js';
import { differ, explain, REQUIREMENTS, SYNTHETIC_RELATED, SYNTHETIC_SOURCE, syntheticRuleFile, type Disagreement, type SyntheticGates } from '../oracle/harness.js';
import { loadOracleVocabulary, Oracle, type OracleLevel, type RawRuleFile } from '../oracle/interpreter.js';
import { check, ROOT, RULES, rulesDir, scratch } from '../helpers.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    seed: { type: 'string' },
    workers: { type: 'string' },
    'synthetic-every': { type: 'string' },
    child: { type: 'string' },
  },
});

const count = Number(positionals[0] ?? 1_000_000);
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
const syntheticEvery = Number(values['synthetic-every'] ?? 1000);
const BATCH = 500;
/** Profiles judged against each synthetic rule file. */
const SYNTHETIC_PROFILES = 200;

interface Summary {
  profiles: number;
  evaluations: number;
  /** Of them, with explanations. */
  explained: number;
  /** Eligible levels resting on declared facts (a non-empty `verify`), and the facts listed. */
  verify: { levels: number; facts: number };
  syntheticFiles: number;
  syntheticProfiles: number;
  disagreements: number;
  examples: string[];
  levels: Record<string, number>;
  clauses: Record<string, number>;
  education: Record<string, number>;
  /** Warnings compared (said once per profile and occupation), by code. */
  warnings: Record<string, number>;
  /** Conditions of the synthetic rule files by plan op (and preconditions, waivers, the any-occupation scope): what the run exercised. */
  constructs: Record<string, number>;
}

/** Counts the ops of a checked condition into `into`. */
function countOps(c: Cond, into: Record<string, number>): void {
  into[c.op] = (into[c.op] ?? 0) + 1;
  if ('scope' in c && c.scope === 7) into['scope any'] = (into['scope any'] ?? 0) + 1;
  if (c.op === 'and' || c.op === 'or') for (const i of c.items) countOps(i, into);
  else if (c.op === 'not') countOps(c.item, into);
}

function empty(): Summary {
  return {
    profiles: 0,
    evaluations: 0,
    explained: 0,
    verify: { levels: 0, facts: 0 },
    syntheticFiles: 0,
    syntheticProfiles: 0,
    disagreements: 0,
    examples: [],
    levels: { eligible: 0, ineligible: 0, unknown: 0 },
    clauses: { met: 0, unmet: 0, unknown: 0 },
    education: { met: 0, unmet: 0, unknown: 0 },
    warnings: { W_UNRELATED: 0, W_NO_MAJOR: 0, W_UNKNOWN_KIND: 0, W_UNKNOWN_FACT: 0, W_UNKNOWN_CATEGORY: 0, W_UNKNOWN_EVENT: 0 },
    constructs: {},
  };
}

/** Preconditions (none to two, shallow expressions) and, per clause, the requirements it waives. */
function gatesArb(vocabulary: ReturnType<typeof loadOracleVocabulary>): fc.Arbitrary<SyntheticGates> {
  return fc.array(expressionArb({ vocabulary, depth: 1, inLevel: false }), { maxLength: 2 }).chain((preconditions) =>
    fc
      .array(fc.oneof({ weight: 3, arbitrary: fc.constant<string[]>([]) }, { weight: 1, arbitrary: fc.subarray(['education', ...preconditions.map((_, i) => `p${i + 1}`)]) }), { minLength: 15, maxLength: 15 })
      .chain((waives) => fc.array(fc.boolean(), { minLength: 15, maxLength: 15 }).map((nextLevel) => ({ preconditions, waives, nextLevel })))
      .chain((g) => fc.constantFrom(undefined, undefined, 'days', 'anniversary', 'months', '周年', '按月').map((counting) => ({ ...g, ...(counting ? { counting } : {}) })))
      // now and then a sitting that offers some levels only (the others: not judged)
      .chain((g) => fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.subarray([5, 4, 3, 2, 1], { minLength: 1 }) }).map((offered) => ({ ...g, ...(offered ? { offered } : {}) }))),
  );
}

function checked(dir: string): CheckedOccupation[] {
  const { rules, sink } = check(dir);
  const errors = sink.items.filter((d) => d.severity === 'error');
  if (!rules || errors.length > 0) throw new Error(`rules in ${dir} do not check: ${JSON.stringify(errors.slice(0, 3))}`);
  return rules.occupations;
}

/** One worker's share: `n` profiles from `workerSeed`. */
function work(n: number, workerSeed: number, progress: (done: number) => void): Summary {
  const s = empty();
  const vocabulary = loadOracleVocabulary();
  const invented = scratch('long-invented');
  copyFileSync(join(ROOT, 'test', 'fixtures', 'invented', 'driving-coach.yaml'), join(invented, 'driving-coach.yaml'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'concepts', 'safety-officer.yaml'), join(invented, 'safety-officer.yaml'));
  const bundled = checked(RULES);
  const bundledCount = bundled.length;
  const occupations = [...bundled, ...checked(invented)];
  // The oracle reads each rule file's levels, `offered` and `notEncoded` itself.
  const raw = (dir: string, o: CheckedOccupation): RawRuleFile => parseYaml(readFileSync(join(dir, o.file), 'utf8')) as RawRuleFile;
  const oracles = occupations.map((o, i) => new Oracle(o, vocabulary, raw(i < bundledCount ? RULES : invented, o)));
  const world = worldOf(occupations, vocabulary);
  const syntheticWorld = worldOf([{ id: 'sample', name: '样例职业', aliases: ['样例工', 'ＳＡＭＰＬＥ'], related: SYNTHETIC_RELATED }], vocabulary);
  const syntheticDir = rulesDir({}, { sources: { 'sample.txt': SYNTHETIC_SOURCE } });

  const tally = (levels: OracleLevel[]): void => {
    for (const l of levels) {
      s.levels[l.status]++;
      s.education[l.education]++;
      for (const c of l.clauses) s.clauses[c.status]++;
      if (l.verify.length > 0) {
        s.verify.levels++;
        s.verify.facts += l.verify.length;
      }
    }
  };
  let judged = 0;
  /** Compares the two on one profile, with explanations every other time. */
  const compare = (oracle: Oracle, asOf: string, profile: unknown, context = ''): void => {
    const withExplanations = judged++ % 2 === 1;
    if (withExplanations) s.explained++;
    record(differ(oracle, profile, asOf, withExplanations), oracle, asOf, profile, context);
  };
  const record = (d: Disagreement | null, oracle: Oracle, asOf: string, profile: unknown, context = ''): void => {
    s.evaluations++;
    if (d) {
      s.disagreements++;
      if (s.examples.length < 5) s.examples.push(`${explain(d)}${context}`);
      return;
    }
    tally(oracle.evaluate(profile, asOf));
    for (const w of oracle.warnings(profile)) s.warnings[w.code]++;
  };

  let batch = 0;
  while (s.profiles < n) {
    const size = Math.min(BATCH, n - s.profiles);
    const profiles = fc.sample(profileArb(world), { numRuns: size, seed: workerSeed + batch });
    for (const { asOf, profile } of profiles) {
      for (const o of oracles) compare(o, asOf, profile);
    }
    const before = s.profiles;
    s.profiles += size;
    // A fresh synthetic rule file of random expressions every `syntheticEvery` profiles.
    if (Math.floor(s.profiles / syntheticEvery) > Math.floor(before / syntheticEvery)) {
      const [[expressions, requirement, gates]] = fc.sample(
        fc.tuple(fc.array(expressionArb({ vocabulary }), { minLength: 1, maxLength: 15 }), fc.constantFrom(...REQUIREMENTS), gatesArb(vocabulary)),
        { numRuns: 1, seed: workerSeed + batch },
      );
      writeFileSync(join(syntheticDir, 'sample.yaml'), syntheticRuleFile(expressions, requirement, 'sample', gates));
      const [occ] = checked(syntheticDir);
      const oracle = new Oracle(occ, vocabulary, parseYaml(readFileSync(join(syntheticDir, 'sample.yaml'), 'utf8')) as RawRuleFile);
      if (gates.offered) s.constructs.offered = (s.constructs.offered ?? 0) + 1;
      for (const c of occ.clauses) countOps(c.cond, s.constructs);
      for (const p of occ.preconditions) countOps(p.cond, s.constructs);
      s.constructs.precondition = (s.constructs.precondition ?? 0) + occ.preconditions.length;
      s.constructs.waiver = (s.constructs.waiver ?? 0) + occ.clauses.filter((c) => c.waives).length;
      s.constructs['outcome next-level'] = (s.constructs['outcome next-level'] ?? 0) + occ.clauses.filter((c) => c.outcome).length;
      s.constructs[`counting ${occ.counting}`] = (s.constructs[`counting ${occ.counting}`] ?? 0) + 1;
      const context = `\nrule file:\n${occ.clauses.map((c) => `  ${c.id}: ${c.when}${c.waives ? ` (waives ${c.waives.join(', ')})` : ''}`).join('\n')}\n  requirement: ${occ.education?.when ?? '—'}\n${occ.preconditions.map((p) => `  precondition ${p.id}: ${p.when}`).join('\n')}\n  counting: ${occ.counting}; levels judged: ${occ.levels.filter((l) => !occ.notOffered.some((n) => n.level === l)).join(', ')}`;
      for (const { asOf, profile } of fc.sample(profileArb(syntheticWorld), { numRuns: SYNTHETIC_PROFILES, seed: workerSeed + batch })) {
        compare(oracle, asOf, profile, context);
      }
      s.syntheticFiles++;
      s.syntheticProfiles += SYNTHETIC_PROFILES;
    }
    batch++;
    progress(s.profiles);
  }
  return s;
}

function merge(a: Summary, b: Summary): Summary {
  const add = (x: Record<string, number>, y: Record<string, number>): Record<string, number> =>
    Object.fromEntries(Object.keys(x).map((k) => [k, x[k] + (y[k] ?? 0)]));
  return {
    profiles: a.profiles + b.profiles,
    evaluations: a.evaluations + b.evaluations,
    explained: a.explained + b.explained,
    verify: { levels: a.verify.levels + b.verify.levels, facts: a.verify.facts + b.verify.facts },
    syntheticFiles: a.syntheticFiles + b.syntheticFiles,
    syntheticProfiles: a.syntheticProfiles + b.syntheticProfiles,
    disagreements: a.disagreements + b.disagreements,
    examples: [...a.examples, ...b.examples].slice(0, 5),
    levels: add(a.levels, b.levels),
    clauses: add(a.clauses, b.clauses),
    education: add(a.education, b.education),
    warnings: add(a.warnings, b.warnings),
    constructs: Object.fromEntries([...new Set([...Object.keys(a.constructs), ...Object.keys(b.constructs)])].map((k) => [k, (a.constructs[k] ?? 0) + (b.constructs[k] ?? 0)])),
  };
}

const fmt = (n: number): string => n.toLocaleString('en-US');

function report(s: Summary, ms: number, workers: number): void {
  const lines = [
    `differential run, seed ${seed}, ${workers} worker(s)`,
    `profiles checked:      ${fmt(s.profiles)} (× ${fmt(s.profiles > 0 ? Math.round((s.evaluations - s.syntheticProfiles) / s.profiles) : 0)} occupations)`,
    `synthetic rule files:  ${fmt(s.syntheticFiles)} (${fmt(s.syntheticProfiles)} profiles)`,
    `evaluations compared:  ${fmt(s.evaluations)} (${fmt(s.explained)} with explanations)`,
    `disagreements:         ${fmt(s.disagreements)}`,
    `level statuses:        ${Object.entries(s.levels).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`,
    `verify compared:       ${fmt(s.verify.levels)} eligible levels resting on declared facts (${fmt(s.verify.facts)} facts to verify)`,
    `education statuses:    ${Object.entries(s.education).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`,
    `clause statuses:       ${Object.entries(s.clauses).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`,
    `warnings compared:     ${Object.entries(s.warnings).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`,
    `synthetic constructs:  ${Object.entries(s.constructs).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}`,
    `elapsed:               ${(ms / 1000).toFixed(1)} s`,
  ];
  console.log(lines.join('\n'));
  for (const e of s.examples) console.log(`\n--- disagreement ---\n${e}`);
}

async function main(): Promise<void> {
  if (values.child !== undefined) {
    // A worker: run its share, report progress and the summary to the parent.
    const [index, share] = values.child.split(':').map(Number);
    const s = work(share, seed + index * 1_000_003, (done) => process.send!({ progress: done }));
    process.send!({ summary: s }, () => process.exit(0));
    return;
  }
  const t0 = Date.now();
  const workers = Math.max(1, Math.min(Number(values.workers ?? availableParallelism()), Math.ceil(count / BATCH)));
  const shares = Array.from({ length: workers }, (_, i) => Math.floor(count / workers) + (i < count % workers ? 1 : 0));
  const done = new Array<number>(workers).fill(0);
  let lastPrint = 0;
  const summaries = await Promise.all(
    shares.map(
      (share, i) =>
        new Promise<Summary>((resolve, reject) => {
          const child = fork(process.argv[1], [String(share), '--seed', String(seed), '--synthetic-every', String(syntheticEvery), '--child', `${i}:${share}`], {
            execArgv: process.execArgv,
          });
          let summary: Summary | undefined;
          child.on('message', (m: { progress?: number; summary?: Summary }) => {
            if (m.summary) summary = m.summary;
            if (m.progress !== undefined) {
              done[i] = m.progress;
              const total = done.reduce((a, b) => a + b, 0);
              if (total - lastPrint >= 50_000) {
                lastPrint = total;
                process.stderr.write(`  ${fmt(total)} / ${fmt(count)} profiles, ${((Date.now() - t0) / 1000).toFixed(0)} s\n`);
              }
            }
          });
          child.on('exit', (code) => (summary ? resolve(summary) : reject(new Error(`worker ${i} exited with ${code}`))));
        }),
    ),
  );
  const total = summaries.reduce(merge, empty());
  report(total, Date.now() - t0, workers);
  process.exitCode = total.disagreements > 0 || total.profiles !== count ? 1 : 0;
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
