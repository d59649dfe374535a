// SQL engines: `zige eval --batch --engine duckdb` against `--engine js --jobs 1` on the same
// JSON lines file (every bundled occupation, statuses, matched clauses and warnings, written to a
// result file), with peak RSS; the cost curve as profiles grow and as work entries per profile
// grow; PGlite and a real PostgreSQL server's throughput on the same rows. Prints a Markdown
// section for bench/RESULTS.md.
//
//   npx tsx bench/sql.ts [--sizes 10000,100000,1000000] [--work 1,10,100] [--format csv|jsonl] [--memory 1GB]
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Profile } from '../runtime/index.js';
import { AS_OF, population, workProfile } from './population.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'dist', 'cli', 'bin.js');
const EXIT_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.resourceUsage();process.stderr.write("\\nmaxrss "+u.maxRSS+" cpu "+(u.userCPUTime+u.systemCPUTime)+"\\n")})`;
const { values } = parseArgs({ options: { sizes: { type: 'string' }, work: { type: 'string' }, memory: { type: 'string' }, format: { type: 'string' } } });
const SIZES = (values.sizes ?? '10000,100000,1000000').split(',').map(Number);
const WORK = (values.work ?? '1,10,100').split(',').map(Number);
const MEMORY = values.memory ?? '1GB';

/** One-value relations name no occupation when every occupation is judged: dropped, so that no line is refused. */
function judgedByAll(p: Profile): Profile {
  const drop = <T extends { relation?: unknown }>(list: T[] | undefined): T[] | undefined => list?.map(({ relation, ...rest }) => (typeof relation === 'string' ? rest : { ...rest, relation }) as T);
  return { ...p, work: drop(p.work), certificates: drop(p.certificates), training: drop(p.training), apprenticeships: drop(p.apprenticeships), education: p.education?.map(({ majorRelation, ...e }) => (typeof majorRelation === 'string' ? e : { ...e, majorRelation })) };
}

interface Timed {
  seconds: number;
  /** CPU seconds of the process, all threads (the machine is shared: wall time depends on the load). */
  cpu: number;
  /** DuckDB runs: wall seconds per phase (ZIGE_SQL_PHASES). */
  phases: string;
  rate: number;
  maxRssMiB: number;
  hash: string;
}

function batch(input: string, out: string, engine: string[]): Timed {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', EXIT_HOOK, BIN, 'eval', '--batch', input, '--as-of', AS_OF, '--out', out, ...engine], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, ZIGE_SQL_PHASES: '1' } });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`batch failed (${engine.join(' ')}): ${r.stderr.slice(0, 2000)}`);
  const rss = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  const lines = Number(/(\d+) profiles/.exec(r.stderr)?.[1] ?? NaN);
  const cpu = Number(/ cpu (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1e6;
  const phases = /duckdb phases: (.*)/.exec(r.stderr)?.[1] ?? '';
  return { seconds, cpu, phases, rate: lines / seconds, maxRssMiB: Math.round(rss), hash: hashFile(out) };
}

/** SHA-256 of a file read in blocks (results of every occupation run to gigabytes). */
function hashFile(path: string): string {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 22);
  const fd = openSync(path, 'r');
  try {
    for (let n = readSync(fd, buf); n > 0; n = readSync(fd, buf)) hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

const FORMAT = values.format ?? 'csv';
const phaseRows: string[] = [];

function compare(dir: string, name: string, profiles: Profile[]): string {
  const input = join(dir, `${name}.jsonl`);
  writeFileSync(input, profiles.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const mib = statSync(input).size / 2 ** 20;
  const js = batch(input, join(dir, `${name}.js.${FORMAT}`), ['--jobs', '1']);
  const duck = batch(input, join(dir, `${name}.duck.${FORMAT}`), ['--engine', 'duckdb', '--memory-limit', MEMORY]);
  const same = js.hash === duck.hash ? 'identical' : 'DIFFERENT';
  phaseRows.push(`| ${name} | ${duck.phases} |`);
  const cell = (t: Timed): string => `${t.seconds.toFixed(2)} s (CPU ${t.cpu.toFixed(1)} s), ${Math.round(t.rate).toLocaleString('en-US')}/s, ${t.maxRssMiB} MiB`;
  return `| ${name} | ${profiles.length.toLocaleString('en-US')} | ${mib.toFixed(1)} | ${cell(js)} | ${cell(duck)} | ${(duck.rate / js.rate).toFixed(2)}× | ${(js.cpu / duck.cpu).toFixed(2)}× | ${same} |`;
}

const dir = mkdtempSync(join(tmpdir(), 'zige-bench-sql-'));
try {
  const rows: string[] = [];
  for (const n of SIZES) rows.push(compare(dir, `population-${n}`, population(21, n).map(judgedByAll)));
  for (const w of WORK) rows.push(compare(dir, `work-${w}`, Array.from({ length: 2000 }, (_, i) => judgedByAll(workProfile(w, true, i)))));
  console.log(`## SQL engines: \`--engine duckdb\` against \`--engine js --jobs 1\`

Command: \`npm run build && npx tsx bench/sql.ts --sizes ${SIZES.join(',')} --work ${WORK.join(',')} --format ${FORMAT}\`. Every bundled
occupation, JSON lines on disk to a ${FORMAT} result file (wall time of the whole command, start-up and
writing included; CPU time of all its threads); DuckDB with \`--memory-limit ${MEMORY}\`; peak RSS of the process. Load average
when run: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (the machine is shared).

| input | profiles | MiB in | js --jobs 1 (wall, CPU, profiles/s, peak RSS) | duckdb (wall, CPU, profiles/s, peak RSS) | wall ratio | CPU ratio | outputs |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

Where DuckDB's wall time goes (seconds per phase, all rounds):

| input | phases |
|---|---|
${phaseRows.join('\n')}
`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
