// A throwaway PostgreSQL 15 server from Debian's postgresql package, for test:long and the bench:
// initdb as the postgres user (it refuses root) on a temporary folder, a loopback port and a
// private socket folder; stopped and removed afterwards. Exits naming the apt command when missing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

const BIN = '/usr/lib/postgresql/15/bin';

/** Runs a PostgreSQL binary, as the postgres user when we are root (initdb refuses root). */
function asPostgres(command: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  const r = root ? spawnSync('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args], { encoding: 'utf8' }) : spawnSync(join(BIN, command), args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${command} failed: ${r.stderr || r.stdout}`);
}

/** A throwaway server: data and socket folders under the temp folder, a free loopback port. */
export async function startPostgres(): Promise<{ client: pg.Client; stop: () => Promise<void> }> {
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

