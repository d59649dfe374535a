// `npm run bench`: zige's performance side by side with hand-written TypeScript and other rule
// engines, in one process, on one seeded population. Writes bench/RESULTS.md, bench/growth.svg and
// bench/last-run.json (the previous run's numbers are kept in RESULTS.md for stability).
//
//   npm run bench                    everything (builds first; about 4–5 minutes)
//   npm run bench -- --quick         smaller sizes and fewer rounds: a smoke run (~1 minute)
//   npm run bench -- --only a,b      some sections: a predicate, b end-to-end, c compile and cold
//                                    start, batch, csv (CSV reading), trace (reading source documents),
//                                    d growth, analysis (zige analyze) (prints the report; writes nothing)
//   npm run bench -- --only a,b --write   replaces those sections in bench/last-run.json and
//                                    RESULTS.md, keeping the others (each marked with its run)
//   node .bench/bench/main.js --render --previous FILE   rewrites RESULTS.md from last-run.json
//                                    (after editing NOTES.md), its stability table against FILE
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { checkRules } from '../compiler/check-rules.js';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { analysisBench, type AnalysisResult } from './analysis.js';
import { batchBench, type BatchResult } from './batch.js';
import { csvBench, type CsvSize } from './csv.js';
import { traceReadBench, type TraceReadSize } from './trace.js';
import { enginesEndToEndBench, type EnginesEndToEndResult } from './engines-end-to-end.js';
import { endToEndBench, workGrowth, type EndToEndResult, type GrowthPoint } from './end-to-end.js';
import { sinkValue } from './measure.js';
import { predicateBench, type PredicateResult } from './predicate.js';
import { report, type Provenance, type Run } from './report.js';
import { measuredCode } from './shipped.js';
import { chart } from './svg.js';
import { coldStarts, compileInProcess, precompiledEvaluators, ruleGrowth, type ColdStart, type CompileResult, type RuleGrowthPoint } from './startup.js';

// Run from .bench/bench/main.js (tsc output, as `npm run bench` does) or from bench/main.ts (tsx).
const ROOT = [resolve(import.meta.dirname, '..'), resolve(import.meta.dirname, '..', '..')].find((d) => existsSync(join(d, 'package.json')))!;
const RULES = join(ROOT, 'rules');
const BIN = join(ROOT, 'dist', 'cli', 'bin.js');
const HERE = join(ROOT, 'bench');

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, only: { type: 'string' }, write: { type: 'boolean' }, render: { type: 'boolean' }, previous: { type: 'string' } },
});
const quick = values.quick ?? false;
const only = values.only ? new Set(values.only.split(',')) : null;
const want = (s: string): boolean => only === null || only.has(s);

const SIZES = quick
  ? { predicate: 2000, endToEnd: 2000, rounds: 5, minMs: 15, spawn: 3, compile: 3, batch: 20_000, csv: [1.4, 5.6], growth: [1, 10, 100, 1000, 10_000, 50_000], copies: [{ copies: 1, runs: 2 }, { copies: 10, runs: 1 }] }
  : {
      predicate: 5000,
      endToEnd: 5000,
      rounds: 11,
      minMs: 40,
      spawn: 7,
      compile: 5,
      batch: 100_000,
      csv: [1.4, 5.6, 56],
      growth: [1, 10, 100, 1000, 10_000, 50_000],
      copies: [
        { copies: 1, runs: 5 },
        { copies: 10, runs: 2 },
        { copies: 100, runs: 1 },
      ],
    };

function log(s: string): void {
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0)}s] ${s}\n`);
}

// NOTES.md, then the site's section of its own run (`npm run bench:site` writes site-results.md),
// then the cost of proof statuses (`npx tsx bench/proofs.ts`, pasted into proofs-results.md)
const notesText = (): string =>
  [join(HERE, 'NOTES.md'), join(HERE, 'site-results.md'), join(HERE, 'proofs-results.md')].filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8')).join('\n');
const readRun = (file: string): Run => JSON.parse(readFileSync(file, 'utf8')) as Run;
if (values.render) {
  writeFileSync(join(HERE, 'RESULTS.md'), report(readRun(join(HERE, 'last-run.json')), values.previous ? readRun(values.previous) : undefined, notesText()));
  process.exit(0);
}

const started = performance.now();
const startLoad = loadavg();
if (!existsSync(BIN)) throw new Error('bench: dist/ is missing; run `npm run build` first (npm run bench does)');
const compiled = measuredCode(ROOT, import.meta.dirname);

const sink = new DiagnosticSink();
const rules = checkRules(RULES, sink);
if (!rules || sink.hasErrors) throw new Error('bench: the bundled rules do not check');
const checked = rules.occupations.find((o) => o.id === 'internet-marketer');
if (!checked) throw new Error('bench: rules/internet-marketer.yaml not found');

let predicate: PredicateResult | undefined;
let endToEnd: EndToEndResult | undefined;
let enginesEndToEnd: EnginesEndToEndResult | undefined;
let compile: CompileResult | undefined;
let cold: ColdStart[] | undefined;
let batch: BatchResult | undefined;
let csv: CsvSize[] | undefined;
let traceRead: TraceReadSize[] | undefined;
let growth: GrowthPoint[] | undefined;
let ruleFiles: RuleGrowthPoint[] | undefined;
let analysis: AnalysisResult | undefined;

if (want('a')) {
  log(`(a) predicate only, comparable work: ${SIZES.predicate} profiles`);
  predicate = await predicateBench(checked, { profiles: SIZES.predicate, rounds: SIZES.rounds, minMs: SIZES.minMs });
}
if (want('b')) {
  log(`(b) end to end: ${SIZES.endToEnd} profiles`);
  endToEnd = await endToEndBench(checked, { profiles: SIZES.endToEnd, rounds: SIZES.rounds, minMs: SIZES.minMs });
  log(`(b) end to end, 三级, against hand-written preparation + each engine: ${SIZES.predicate} profiles`);
  enginesEndToEnd = await enginesEndToEndBench(checked, { profiles: SIZES.predicate, rounds: SIZES.rounds, minMs: SIZES.minMs });
}
if (want('c')) {
  log('(c) check + compile in process');
  compile = compileInProcess(RULES, SIZES.compile);
  log('(c) cold starts');
  cold = coldStarts(ROOT, BIN, SIZES.spawn);
}
if (want('batch')) {
  log(`batch: ${SIZES.batch} profiles`);
  batch = await batchBench({ root: ROOT, bin: BIN, checked, profiles: SIZES.batch, rounds: quick ? 1 : 2 });
}
if (want('csv')) {
  log(`csv: reading ${SIZES.csv.join(', ')} MB`);
  csv = csvBench(SIZES.csv, quick ? 1 : 3);
}
if (want('trace')) {
  log('trace: reading source documents');
  traceRead = traceReadBench(RULES, quick ? 3 : 9);
}
if (want('d')) {
  log('(d) growth: work entries');
  growth = await workGrowth(checked, SIZES.growth, { rounds: quick ? 3 : 5, minMs: SIZES.minMs });
  log('(d) growth: rule files');
  ruleFiles = ruleGrowth(RULES, SIZES.copies);
}

if (want('analysis')) {
  log('analysis: zige analyze rules (CLI), and in process on about 100 and 800 synthetic rule files');
  analysis = analysisBench({ root: ROOT, bin: BIN, rulesDir: RULES, copies: quick ? [13] : [13, 100], runs: quick ? 1 : 2, spawns: quick ? 1 : 3 });
}

const run: Run = {
  date: new Date().toISOString(),
  seconds: (performance.now() - started) / 1000,
  quick,
  machine: {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`,
    node: process.version,
    load: [startLoad[0], loadavg()[0]],
  },
  compiled,
  precompiled: precompiledEvaluators(ROOT),
  predicate,
  endToEnd,
  enginesEndToEnd,
  compile,
  cold,
  batch,
  csv,
  traceRead,
  growth,
  ruleFiles,
  analysis,
};
log(`done in ${run.seconds.toFixed(0)} s (sink ${sinkValue() & 1})`);

const lastFile = join(HERE, 'last-run.json');
const previous = existsSync(lastFile) ? readRun(lastFile) : undefined;
if (values.write && only !== null && !quick) {
  if (!previous) throw new Error('bench: --write with --only needs a bench/last-run.json from a full run');
  const provenance: Provenance = { date: run.date, load: run.machine.load, command: `npm run bench -- --only ${values.only} --write` };
  const earlier: Provenance = { date: previous.date, load: previous.machine.load, command: 'npm run bench' };
  const keys: [string, (keyof Run)[]][] = [
    ['a', ['predicate']],
    ['b', ['endToEnd', 'enginesEndToEnd']],
    ['c', ['compile', 'cold', 'precompiled']],
    ['batch', ['batch']],
    ['csv', ['csv']],
    ['trace', ['traceRead']],
    ['d', ['growth', 'ruleFiles']],
    ['analysis', ['analysis']],
  ];
  const merged = { ...previous, ...run, sections: {} as Record<string, Provenance> } as Run;
  for (const [section, fields] of keys) {
    const from = want(section) ? run : previous;
    for (const f of fields) (merged as unknown as Record<string, unknown>)[f] = from[f];
    merged.sections![section] = want(section) ? provenance : (previous.sections?.[section] ?? earlier);
  }
  writeFileSync(join(HERE, 'RESULTS.md'), report(merged, values.previous ? readRun(values.previous) : previous, notesText()));
  writeFileSync(lastFile, JSON.stringify(merged, null, 2) + '\n');
  log(`wrote sections ${values.only} into bench/RESULTS.md and bench/last-run.json`);
} else if (only === null && !quick) {
  if (growth && ruleFiles) {
    const hues = { 'hand-written TS': '#555', 'zige, statuses only': '#1f77b4', 'zige, full results': '#2ca02c', 'zige, full results + explanations': '#d62728' } as Record<string, string>;
    const series = Object.keys(hues).flatMap((name) =>
      [false, true].map((overlapping) => ({
        label: `${name}${overlapping ? ', overlapping' : ''}`,
        color: hues[name],
        dashed: overlapping,
        points: growth!.filter((g) => g.overlapping === overlapping).map((g) => [g.entries, g.ns[name]] as [number, number]),
      })),
    );
    writeFileSync(
      join(HERE, 'growth.svg'),
      chart(
        [
          { title: 'Time per profile vs work entries', xLabel: 'work entries in the profile', yLabel: 'ns per profile', series },
          {
            title: 'Check + compile vs rule files',
            xLabel: 'rule files',
            yLabel: 'ms (in process)',
            series: [{ label: 'check + compile', color: '#1f77b4', points: ruleFiles.map((r) => [r.files, r.ms.median] as [number, number]) }],
          },
        ],
        { width: 520, height: 360 },
      ),
    );
  }
  writeFileSync(join(HERE, 'RESULTS.md'), report(run, previous, notesText()));
  writeFileSync(lastFile, JSON.stringify(run, null, 2) + '\n');
  log('wrote bench/RESULTS.md, bench/growth.svg, bench/last-run.json');
} else {
  process.stdout.write(report(run, undefined, '') + '\n');
}
