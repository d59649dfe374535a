// Long SQL differential: random profiles from the reference generator judged by the TypeScript
// evaluators and by the generated SQL on a real PostgreSQL server (Debian's postgresql package,
// started and stopped here on a loopback port with a private socket folder) and on DuckDB.
// Fails — never skips — when PostgreSQL is not installed.
//
//   npx tsx test/long/sql.ts [--postgres N] [--duckdb N] [--seed N]
//
// Defaults: 20,000 profiles on PostgreSQL, 1,000,000 on DuckDB (in slices of 100,000), every
// bundled occupation and version; every 50th profile has 100 overlapping work periods.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { appendRows, clearTables, openDuckdb } from '../../sql/duckdb.js';
import { coverageReport, differential, emptyCoverage, sampleProfiles, type Coverage, type Engine } from '../sql/differential.js';
import { loadPostgres, occupationsOf, rowsOf, type Run } from '../sql/harness.js';

const { values } = parseArgs({ options: { postgres: { type: 'string' }, duckdb: { type: 'string' }, seed: { type: 'string' } } });
const POSTGRES_PROFILES = Number(values.postgres ?? 20_000);
const DUCKDB_PROFILES = Number(values.duckdb ?? 1_000_000);
const SEED = Number(values.seed ?? 21);
/** Profiles generated and loaded at a time (each statement's cost is mostly fixed: large slices). */
const SLICE = 20_000;
const DUCKDB_SLICE = 100_000;
const BIN = '/usr/lib/postgresql/15/bin';

/** Runs a PostgreSQL binary, as the postgres user when we are root (initdb refuses root). */
function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args], { encoding: 'utf8' }) : spawnSync(join(BIN, command), args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.stdout}`);
}

/** A throwaway server: data and socket folders under the temp folder, a free loopback port. */
async function startPostgres(): Promise<{ client: pg.Client; stop: () => Promise<void> }> {
  if (!existsSync(join(BIN, 'initdb'))) {
    console.error('PostgreSQL 15 is not installed (no /usr/lib/postgresql/15/bin/initdb): apt-get update && apt-get install -y postgresql');
    process.exit(1);
  }
  const base = mkdtempSync(join(tmpdir(), 'zige-pg-'));
  chmodSync(base, 0o777);
  const data = join(base, 'data');
  const socket = join(base, 'socket');
  if (process.getuid?.() === 0) execFileSync('install', ['-d', '-o', 'postgres', '-m', '700', data, socket]);
  asPostgres('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale', 'C.UTF-8']);
  const port = 20000 + Math.floor(Math.random() * 20000);
  asPostgres('pg_ctl', ['-D', data, '-w', '-l', join(data, 'log'), '-o', `-p ${port} -k ${socket} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await client.connect();
  const stop = async (): Promise<void> => {
    await client.end().catch(() => undefined);
    asPostgres('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
    rmSync(base, { recursive: true, force: true });
  };
  return { client, stop };
}

async function main(): Promise<void> {
  const occupations = occupationsOf();
  const failed: string[] = [];
  const report = (name: string, c: Coverage, seconds: number): void => {
    console.log(`\n${name}: ${seconds.toFixed(1)} s\n${coverageReport(c)}`);
    if (c.disagreements > 0) failed.push(name);
  };

  const server = await startPostgres();
  try {
    const version = (await server.client.query('SHOW server_version')).rows[0].server_version as string;
    const run: Run = async (sql, params) => (await server.client.query(sql, params)).rows as Record<string, unknown>[];
    const engine: Engine = { run, load: (p) => loadPostgres(run, p) };
    const t = performance.now();
    const c = emptyCoverage();
    for (let done = 0; done < POSTGRES_PROFILES; done += SLICE) await differential(engine, occupations, sampleProfiles(occupations, Math.min(SLICE, POSTGRES_PROFILES - done), SEED + done), c);
    report(`PostgreSQL ${version}, ${POSTGRES_PROFILES} profiles`, c, (performance.now() - t) / 1000);
  } finally {
    await server.stop();
  }

  const duck = await openDuckdb({ memoryLimit: '2GB' });
  try {
    const run: Run = async (sql, params) => (await duck.connection.runAndReadAll(sql, params as string[])).getRowObjects() as Record<string, unknown>[];
    const engine: Engine = { run, load: async (p) => (await clearTables(duck.connection), await appendRows(duck.connection, rowsOf(p))) };
    const t = performance.now();
    const c = emptyCoverage();
    for (let done = 0; done < DUCKDB_PROFILES; done += DUCKDB_SLICE) {
      await differential(engine, occupations, sampleProfiles(occupations, Math.min(DUCKDB_SLICE, DUCKDB_PROFILES - done), SEED + 1 + done), c);
      process.stderr.write(`\r  duckdb ${Math.min(done + DUCKDB_SLICE, DUCKDB_PROFILES)}/${DUCKDB_PROFILES}, ${c.disagreements} disagreements`);
    }
    process.stderr.write('\n');
    report(`DuckDB, ${DUCKDB_PROFILES} profiles`, c, (performance.now() - t) / 1000);
  } finally {
    duck.close();
  }
  if (failed.length > 0) {
    console.error(`SQL differential failed: ${failed.join('; ')}`);
    process.exit(1);
  }
  console.log('\nSQL differential: 0 disagreements');
}

await main();
