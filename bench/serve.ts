// `npm run bench:serve`: the decision service on loopback, against a Fastify route returning a
// constant JSON body (same machine, same load generator, one run), and its batch endpoint against
// `zige eval --batch --jobs 1` on the same profiles. Bounded: each autocannon run lasts DURATION
// seconds; the batch comparison sends a fixed number of requests.
//
//   npm run build && npx tsx bench/serve.ts [--duration S] [--rounds N] [--write]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { AS_OF, OCCUPATION, population } from './population.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist', 'cli', 'bin.js');
const { values } = parseArgs({ options: { duration: { type: 'string' }, rounds: { type: 'string' }, write: { type: 'boolean' } } });
const DURATION = Number(values.duration ?? 5);
/** Interleaved rounds of every row; each row states its median. */
const ROUNDS = Number(values.rounds ?? 3);
const CONNECTIONS = 16;
const BATCH_SIZE = 100;
const BATCH_REQUESTS = 200;

/** Starts a server child and resolves with its base URL (announced on stderr). */
function startChild(args: string[]): Promise<{ child: ChildProcess; base: string }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((res, rej) => {
    let err = '';
    child.stderr!.on('data', (b: Buffer) => {
      err += b.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)/.exec(err);
      if (m) res({ child, base: m[1] });
    });
    child.on('exit', (c) => rej(new Error(`exited ${c}: ${err}`)));
  });
}

const CONSTANT = `import Fastify from 'fastify';
const app = Fastify({ logger: false });
const body = { asOf: '2026-11-28', warnings: [], results: [] };
app.get('/', async () => body);
app.post('/', async () => body);
const address = await app.listen({ port: 0, host: '127.0.0.1' });
process.stderr.write(address + '\\n');`;

interface Run {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** CPU time (user + system) of the server process per request, µs; NaN where /proc is missing. */
  cpu: number;
}

/** CPU ticks (user + system, 1/100 s) a process has used so far, from /proc (Linux); NaN elsewhere. */
function cpuTicks(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return NaN;
  }
}

async function cannon(server: { child: ChildProcess }, url: string, body?: string): Promise<Run> {
  const t0 = cpuTicks(server.child.pid!);
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION, method: body ? 'POST' : 'GET', body, headers: body ? { 'content-type': 'application/json' } : {} });
  const cpu = ((cpuTicks(server.child.pid!) - t0) * 10_000) / Math.max(1, r.requests.total);
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors, non2xx: r.non2xx, cpu };
}

/** The run with the median requests/s (a loaded machine scatters single runs). */
function median(runs: Run[]): Run {
  return [...runs].sort((a, b) => a.rps - b.rps)[runs.length >> 1];
}

function post(url: string, body: string): Promise<number> {
  return new Promise((res, rej) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (r) => {
      r.resume();
      r.on('end', () => res(r.statusCode ?? 0));
    });
    req.on('error', rej);
    req.end(body);
  });
}

async function main(): Promise<void> {
  const load0 = loadavg()[0];
  const dir = mkdtempSync(join(tmpdir(), 'zige-bench-serve-'));
  const constantFile = join(ROOT, '.bench-constant.mjs');
  writeFileSync(constantFile, CONSTANT);
  const constant = await startChild([constantFile]);
  const zige = await startChild([BIN, 'serve', '--port', '0', '--max-concurrency', '1024', '--max-batch', String(BATCH_SIZE)]);
  const profiles = population(42, BATCH_SIZE * BATCH_REQUESTS);
  const one = JSON.stringify(profiles[0]);
  const query = `occupation=${encodeURIComponent(OCCUPATION)}&asOf=${AS_OF}`;
  // warm-up, then ROUNDS interleaved rounds (constant, bare, explained): medians
  await cannon(zige, `${zige.base}/v1/evaluate?${query}&explain=false`, one);
  const runs: Record<'constant' | 'bare' | 'explained', Run[]> = { constant: [], bare: [], explained: [] };
  for (let round = 0; round < ROUNDS; round++) {
    runs.constant.push(await cannon(constant, `${constant.base}/`, one));
    runs.bare.push(await cannon(zige, `${zige.base}/v1/evaluate?${query}&explain=false`, one));
    runs.explained.push(await cannon(zige, `${zige.base}/v1/evaluate?${query}`, one));
  }
  const [constantRun, bare, explained] = [median(runs.constant), median(runs.bare), median(runs.explained)];
  // batch: a fixed body per request, timed from the first byte sent to the last byte received;
  // the same profiles through `zige eval --batch --jobs 1`; ROUNDS alternating rounds, medians
  const bodies = Array.from({ length: BATCH_REQUESTS }, (_, i) => JSON.stringify(profiles.slice(i * BATCH_SIZE, (i + 1) * BATCH_SIZE)));
  const jsonl = join(dir, 'profiles.jsonl');
  writeFileSync(jsonl, profiles.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const batchTimes: number[] = [];
  const cliTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = process.hrtime.bigint();
    for (const b of bodies) if ((await post(`${zige.base}/v1/evaluate/batch?${query}`, b)) !== 200) throw new Error('batch request failed');
    batchTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
    const c0 = process.hrtime.bigint();
    const cli = spawnSync(process.execPath, [BIN, 'eval', '--batch', jsonl, '--out', join(dir, 'out.jsonl'), '--jobs', '1', '--occupation', OCCUPATION, '--as-of', AS_OF]);
    cliTimes.push(Number(process.hrtime.bigint() - c0) / 1e6);
    if (cli.status !== 0) throw new Error(cli.stderr.toString());
  }
  const mid = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const [batchMs, cliMs] = [mid(batchTimes), mid(cliTimes)];
  constant.child.kill();
  zige.child.kill();
  const n = profiles.length;
  const cpu = (r: Run): string => (Number.isNaN(r.cpu) ? '—' : r.cpu.toFixed(0));
  const cpuRatio = (r: Run): string => (Number.isNaN(r.cpu) ? '—' : `${(constantRun.cpu / r.cpu).toFixed(2)}×`);
  const lines = [
    `## serve (issue 22)`,
    ``,
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average ${load0.toFixed(2)} → ${loadavg()[0].toFixed(2)} (2 cores; above 2, other processes competed). Reproduce: \`npm run build && npx tsx bench/serve.ts --write\` (autocannon ${CONNECTIONS} connections × ${DURATION} s per run on 127.0.0.1, ${ROUNDS} interleaved rounds, the median run of each row; both servers are child processes, the load generator shares the 2 cores with them).`,
    ``,
    `| what | requests/s | p50 ms | p99 ms | ratio |  | server CPU µs per request | CPU ratio |`,
    `| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |`,
    `| Fastify route returning a constant JSON body | ${constantRun.rps.toFixed(0)} | ${constantRun.p50} | ${constantRun.p99} | 1 | | ${cpu(constantRun)} | 1 |`,
    `| \`POST /v1/evaluate\`, one profile, \`explain=false\` | ${bare.rps.toFixed(0)} | ${bare.p50} | ${bare.p99} | ${(bare.rps / constantRun.rps).toFixed(2)}× | ${bare.rps / constantRun.rps >= 0.5 ? '✅ ≥ 0.5×' : '❌ < 0.5×'} | ${cpu(bare)} | ${cpuRatio(bare)} |`,
    `| \`POST /v1/evaluate\`, one profile, with explanations | ${explained.rps.toFixed(0)} | ${explained.p50} | ${explained.p99} | ${(explained.rps / constantRun.rps).toFixed(2)}× | stated | ${cpu(explained)} | ${cpuRatio(explained)} |`,
    ``,
    `Requests/s of every run (constant / explain=false / explained): ${runs.constant.map((r) => r.rps.toFixed(0)).join(' ')} / ${runs.bare.map((r) => r.rps.toFixed(0)).join(' ')} / ${runs.explained.map((r) => r.rps.toFixed(0)).join(' ')}.`,
    ``,
    `| batch: ${n} profiles (seeded population, ${OCCUPATION}, as of ${AS_OF}) | time | profiles/s | ratio |  |`,
    `| --- | ---: | ---: | ---: | --- |`,
    `| \`zige eval --batch --jobs 1\` (the whole process, start-up included) | ${cliMs.toFixed(0)} ms | ${(n / (cliMs / 1000)).toFixed(0)} | 1 | |`,
    `| \`POST /v1/evaluate/batch\`, ${BATCH_REQUESTS} requests of ${BATCH_SIZE}, one after another (first byte sent → last byte received) | ${batchMs.toFixed(0)} ms | ${(n / (batchMs / 1000)).toFixed(0)} | ${(cliMs / batchMs).toFixed(2)}× | ${cliMs / batchMs >= 0.8 ? '✅ ≥ 0.8×' : '❌ < 0.8×'} |`,
    ``,
    `Batch times of every round (CLI / service): ${cliTimes.map((x) => x.toFixed(0)).join(' ')} / ${batchTimes.map((x) => x.toFixed(0)).join(' ')} ms.`,
    ``,
    `Errors: constant ${constantRun.errors}/${constantRun.non2xx} non-2xx, evaluate ${bare.errors}/${bare.non2xx}, explained ${explained.errors}/${explained.non2xx}.`,
  ];
  const section = lines.join('\n') + '\n';
  process.stdout.write(section);
  if (values.write) {
    const file = join(ROOT, 'bench', 'RESULTS.md');
    const text = readFileSync(file, 'utf8');
    const start = text.indexOf('## serve (issue 22)');
    const next = start < 0 ? -1 : text.indexOf('\n## ', start + 5);
    writeFileSync(file, start < 0 ? `${text.trimEnd()}\n\n${section}` : text.slice(0, start) + section + (next < 0 ? '' : text.slice(next + 1)));
  }
}

await main();
