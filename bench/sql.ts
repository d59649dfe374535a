// SQL engines: `zige eval --batch --engine duckdb` against `--engine js --jobs 1` on the same
// JSON lines file (every bundled occupation, statuses, matched clauses and warnings, written to a
// result file), with peak RSS; the cost curve as profiles grow and as work entries per profile
// grow; PGlite and a real PostgreSQL server's throughput on the same rows. Prints a Markdown
// section for bench/RESULTS.md.
//
//   npx tsx bench/sql.ts [--sizes 10000,100000,1000000] [--work 1,10,100] [--postgres]
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
const EXIT_HOOK = `data:text/javascript,process.on("exit",()=>{process.stderr.write("\\nmaxrss "+process.resourceUsage().maxRSS+"\\n")})`;
const { values } = parseArgs({ options: { sizes: { type: 'string' }, work: { type: 'string' }, memory: { type: 'string' } } });
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
  rate: number;
  maxRssMiB: number;
  hash: string;
}

function batch(input: string, out: string, engine: string[]): Timed {
  const t = performance.now();
  const r = spawnSync(process.execPath, ['--import', EXIT_HOOK, BIN, 'eval', '--batch', input, '--as-of', AS_OF, '--out', out, ...engine], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  if (r.status !== 0) throw new Error(`batch failed (${engine.join(' ')}): ${r.stderr.slice(0, 2000)}`);
  const rss = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
  const lines = Number(/(\d+) profiles/.exec(r.stderr)?.[1] ?? NaN);
  return { seconds, rate: lines / seconds, maxRssMiB: Math.round(rss), hash: hashFile(out) };
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

function compare(dir: string, name: string, profiles: Profile[]): string {
  const input = join(dir, `${name}.jsonl`);
  writeFileSync(input, profiles.map((p) => JSON.stringify(p)).join('\n') + '\n');
  const mib = statSync(input).size / 2 ** 20;
  const js = batch(input, join(dir, `${name}.js.jsonl`), ['--jobs', '1']);
  const duck = batch(input, join(dir, `${name}.duck.jsonl`), ['--engine', 'duckdb', '--memory-limit', MEMORY]);
  const same = js.hash === duck.hash ? 'identical' : 'DIFFERENT';
  return `| ${name} | ${profiles.length.toLocaleString('en-US')} | ${mib.toFixed(1)} | ${js.seconds.toFixed(2)} s, ${Math.round(js.rate).toLocaleString('en-US')}/s, ${js.maxRssMiB} MiB | ${duck.seconds.toFixed(2)} s, ${Math.round(duck.rate).toLocaleString('en-US')}/s, ${duck.maxRssMiB} MiB | ${(duck.rate / js.rate).toFixed(2)}× | ${same} |`;
}

const dir = mkdtempSync(join(tmpdir(), 'zige-bench-sql-'));
try {
  const rows: string[] = [];
  for (const n of SIZES) rows.push(compare(dir, `population-${n}`, population(21, n).map(judgedByAll)));
  for (const w of WORK) rows.push(compare(dir, `work-${w}`, Array.from({ length: 2000 }, (_, i) => judgedByAll(workProfile(w, true, i)))));
  console.log(`## SQL engines: \`--engine duckdb\` against \`--engine js --jobs 1\`

Command: \`npm run build && npx tsx bench/sql.ts --sizes ${SIZES.join(',')} --work ${WORK.join(',')}\`. Every bundled
occupation, JSON lines on disk to a result file (wall time of the whole command, start-up and
writing included); DuckDB with \`--memory-limit ${MEMORY}\`; peak RSS of the process. Load average
when run: ${loadavg().map((x) => x.toFixed(1)).join(', ')} (the machine is shared).

| input | profiles | MiB in | js --jobs 1 (wall, profiles/s, peak RSS) | duckdb (wall, profiles/s, peak RSS) | ratio | outputs |
|---|---|---|---|---|---|---|
${rows.join('\n')}
`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
