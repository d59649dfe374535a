// PGlite and a real PostgreSQL server screening the same rows (every bundled occupation): load
// time and the two statements' time, profiles per second. Prints Markdown rows for bench/RESULTS.md.
//
//   npx tsx bench/sql-postgres.ts [--profiles 10000]
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Profile } from '../runtime/index.js';
import { loadPostgres, occupationsOf, sqlAnswers, type Run } from '../test/sql/harness.js';
import { startPostgres } from '../test/sql/postgres-server.js';
import { AS_OF, population } from './population.js';

const { values } = parseArgs({ options: { profiles: { type: 'string' } } });
const N = Number(values.profiles ?? 10_000);
const occupations = occupationsOf();
const strip = (p: Profile): Profile => JSON.parse(JSON.stringify(p, (k, v) => ((k === 'relation' || k === 'majorRelation') && typeof v === 'string' ? undefined : v))) as Profile;
const profiles = population(21, N).map(strip);

async function measure(name: string, run: Run): Promise<string> {
  let t = performance.now();
  await loadPostgres(run, profiles);
  const load = (performance.now() - t) / 1000;
  t = performance.now();
  await sqlAnswers(run, occupations, AS_OF);
  const screen = (performance.now() - t) / 1000;
  return `| ${name} | ${N.toLocaleString('en-US')} | ${load.toFixed(2)} s | ${screen.toFixed(2)} s | ${Math.round(N / screen).toLocaleString('en-US')}/s |`;
}

const rows: string[] = [];
const lite = await PGlite.create();
rows.push(await measure('PGlite 0.5.17 (WebAssembly, one thread)', async (sql, params) => (await lite.query(sql, params)).rows as Record<string, unknown>[]));
await lite.close();
const server = await startPostgres();
try {
  const version = (await server.client.query('SHOW server_version')).rows[0].server_version as string;
  rows.push(await measure(`PostgreSQL ${version}`, async (sql, params) => (await server.client.query(sql, params)).rows as Record<string, unknown>[]));
} finally {
  await server.stop();
}
console.log(`| engine | profiles | load | screening + warnings (incl. reading rows back) | profiles/s |\n|---|---|---|---|---|\n${rows.join('\n')}`);
