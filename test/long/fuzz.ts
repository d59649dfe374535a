// Long fuzz run of the parser and the checker (see test/fuzz.test.ts for the invariants).
//
//   npx tsx test/long/fuzz.ts [count] [--seed N] [--checks N]
//
// count: expressions parsed (default 300,000): mutations of every when: of rules/*.yaml and of
// generated expressions, and random text. --checks: damaged rule files run through the full
// checker (default count / 200). A watchdog process restarts nothing: it reports the batch (and
// seed) that stopped making progress, which reproduces the hang. Exits non-zero on any problem.
import { fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { instantiate } from '../../compiler/generate/instantiate.js';
import { parseExpression } from '../../grammar/index.js';
import { expressionArb } from '../oracle/arbitraries.js';
import { damagedYamlArb, diagnosticProblems, mutatedArb, parseProblems, randomTextArb, whenExpressions } from '../oracle/fuzzing.js';
import { check, RULES, rulesDir } from '../helpers.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seed: { type: 'string' }, checks: { type: 'string' }, child: { type: 'boolean' } },
});
const count = Number(positionals[0] ?? 300_000);
const checks = Number(values.checks ?? Math.ceil(count / 200));
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
const BATCH = 1000;
/** No progress for this long means a hang. */
const STALL_MS = 120_000;

interface Message {
  phase?: string;
  batch?: number;
  done?: number;
  summary?: Summary;
}

interface Summary {
  parsed: number;
  asts: number;
  parseCodes: Record<string, number>;
  slowest: { ms: number; text: string };
  checked: number;
  refused: number;
  compiled: number;
  checkCodes: Record<string, number>;
  failures: string[];
}

function child(): void {
  const send = (m: Message): void => void process.send!(m);
  const s: Summary = { parsed: 0, asts: 0, parseCodes: {}, slowest: { ms: 0, text: '' }, checked: 0, refused: 0, compiled: 0, checkCodes: {}, failures: [] };
  const fail = (what: string): void => {
    if (s.failures.length < 20) s.failures.push(what);
    else s.failures[19] = `… and more`;
  };
  const corpus = whenExpressions(RULES);
  const inputs = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...corpus).chain(mutatedArb) },
    { weight: 3, arbitrary: expressionArb().chain(mutatedArb) },
    { weight: 2, arbitrary: randomTextArb },
    { weight: 1, arbitrary: expressionArb({ depth: 6 }) },
  );
  for (let batch = 0; s.parsed < count; batch++) {
    send({ phase: 'parse', batch, done: s.parsed });
    for (const text of fc.sample(inputs, { numRuns: Math.min(BATCH, count - s.parsed), seed: seed + batch })) {
      const t0 = performance.now();
      const problems = parseProblems(text);
      const ms = performance.now() - t0;
      if (ms > s.slowest.ms) s.slowest = { ms, text: text.length > 200 ? `${text.slice(0, 200)}… (${text.length} chars)` : text };
      const r = parseExpression(text);
      if (r.ast) s.asts++;
      for (const d of r.diagnostics) s.parseCodes[d.code] = (s.parseCodes[d.code] ?? 0) + 1;
      if (problems.length > 0) fail(`parseExpression(${JSON.stringify(text)}): ${problems.join('; ')}`);
      s.parsed++;
    }
  }

  const file = 'internet-marketer.yaml';
  const original = readFileSync(join(RULES, file), 'utf8');
  const dir = rulesDir({ [file]: original });
  const path = join(dir, file);
  for (let batch = 0; s.checked < checks; batch++) {
    send({ phase: 'check', batch, done: s.checked });
    for (const text of fc.sample(damagedYamlArb(original, corpus), { numRuns: Math.min(50, checks - s.checked), seed: seed + 7919 * (batch + 1) })) {
      writeFileSync(path, text);
      try {
        const { rules, sink } = check(dir);
        for (const d of sink.items) s.checkCodes[d.code] = (s.checkCodes[d.code] ?? 0) + 1;
        const problems = diagnosticProblems(sink.items, new Map([[path, text]]));
        if (problems.length > 0) fail(`check: ${problems.join('; ')}\n${JSON.stringify(text)}`);
        if (sink.hasErrors) s.refused++;
        else {
          for (const occ of rules!.occupations) instantiate(occ);
          s.compiled++;
        }
      } catch (e) {
        fail(`check threw ${e instanceof Error ? e.stack : String(e)}\n${JSON.stringify(text)}`);
      }
      s.checked++;
    }
  }
  process.send!({ summary: s }, () => process.exit(0));
}

async function parent(): Promise<void> {
  const t0 = Date.now();
  const worker = fork(process.argv[1], [String(count), '--seed', String(seed), '--checks', String(checks), '--child'], { execArgv: process.execArgv });
  let last: Message = {};
  let lastAt = Date.now();
  let summary: Summary | undefined;
  let stalled = false;
  worker.on('message', (m: Message) => {
    if (m.summary) summary = m.summary;
    else {
      last = m;
      lastAt = Date.now();
      if (m.phase === 'parse' && m.batch! % 50 === 0) process.stderr.write(`  parsed ${m.done} / ${count}\n`);
    }
  });
  const watchdog = setInterval(() => {
    if (Date.now() - lastAt > STALL_MS) {
      stalled = true;
      worker.kill('SIGKILL');
    }
  }, 1000);
  const code = await new Promise<number | null>((resolve) => worker.on('exit', resolve));
  clearInterval(watchdog);
  const fmt = (r: Record<string, number>): string =>
    Object.entries(r)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
      .join(', ');
  console.log(`fuzz run, seed ${seed}`);
  if (!summary) {
    console.log(stalled ? `HANG: no progress for ${STALL_MS / 1000} s in ${last.phase} batch ${last.batch} (reproduce with --seed ${seed})` : `worker died (exit ${code}) in ${last.phase} batch ${last.batch}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    [
      `expressions parsed:    ${summary.parsed.toLocaleString('en-US')} (${summary.asts.toLocaleString('en-US')} parsed to a tree, every tree round-tripped)`,
      `parse diagnostics:     ${fmt(summary.parseCodes)}`,
      `slowest parse:         ${summary.slowest.ms.toFixed(1)} ms: ${JSON.stringify(summary.slowest.text)}`,
      `rule files checked:    ${summary.checked.toLocaleString('en-US')} (${summary.refused} refused, ${summary.compiled} checked clean and compiled)`,
      `check diagnostics:     ${fmt(summary.checkCodes)}`,
      `failures:              ${summary.failures.length}`,
      `elapsed:               ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    ].join('\n'),
  );
  for (const f of summary.failures) console.log(`\n--- failure ---\n${f}`);
  process.exitCode = summary.failures.length > 0 ? 1 : 0;
}

if (values.child) child();
else
  parent().catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  });
