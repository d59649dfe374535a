// DuckDB, embedded (`@duckdb/node-api`, an optional dependency): opened with a memory limit,
// the schema created, rows appended through DuckDB's appender (no SQL text per row).
import { parseDay } from '../runtime/dates.js';
import type { Rows } from './load.js';
import { schemaDdl, TABLES } from './schema.js';

type DuckApi = typeof import('@duckdb/node-api');
export type DuckConnection = import('@duckdb/node-api').DuckDBConnection;

/** `@duckdb/node-api` is not installed (an optional dependency: `npm install` adds it). */
export class DuckdbMissing extends Error {
  constructor(readonly detail: string) {
    super(`@duckdb/node-api is not installed: ${detail}`);
    this.name = 'DuckdbMissing';
  }
}

let api: DuckApi | undefined;

/** The DuckDB module, imported on first use (so that the rest of zige never needs it). */
export async function duckdbApi(): Promise<DuckApi> {
  if (api) return api;
  try {
    api = await import('@duckdb/node-api');
  } catch (e) {
    throw new DuckdbMissing(e instanceof Error ? e.message.split('\n')[0] : String(e));
  }
  return api;
}

export interface DuckOptions {
  /** DuckDB's `memory_limit`, e.g. '1GB'. */
  memoryLimit?: string;
  threads?: number;
}

/** An in-memory database with the schema (no keys: the batch appends in order and never updates). */
export async function openDuckdb(options: DuckOptions = {}): Promise<{ connection: DuckConnection; connect: () => Promise<DuckConnection>; close: () => void }> {
  const duck = await duckdbApi();
  const config: Record<string, string> = { memory_limit: options.memoryLimit ?? '1GB' };
  if (options.threads !== undefined) config.threads = String(options.threads);
  const instance = await duck.DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  for (const ddl of schemaDdl('duckdb', { keys: false })) await connection.run(ddl);
  return {
    connection,
    // Another connection of the same database: a streamed result lives only until its connection runs the next statement.
    connect: () => instance.connect(),
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Appends the rows to their tables. */
export async function appendRows(connection: DuckConnection, rows: Rows): Promise<void> {
  const duck = await duckdbApi();
  for (const t of TABLES) {
    const list = rows[t.name];
    if (list.length === 0) continue;
    const appender = await connection.createAppender(t.name);
    const types = t.columns.map(([, type]) => type);
    for (const row of list) {
      for (let i = 0; i < types.length; i++) {
        const v = row[i];
        if (v === null) appender.appendNull();
        else if (types[i] === 'id') appender.appendBigInt(BigInt(v as number));
        else if (types[i] === 'int') appender.appendInteger(v as number);
        else if (types[i] === 'text') appender.appendVarchar(v as string);
        else if (types[i] === 'date') {
          // A date the runtime never reads (the `to` of undated work) may be outside its calendar: no date, as for the runtime.
          const day = parseDay(v as string);
          if (day === undefined) appender.appendNull();
          else appender.appendDate(new duck.DuckDBDateValue(day));
        }
        else if (types[i] === 'double') appender.appendDouble(v as number);
        else appender.appendBoolean(v as boolean);
      }
      appender.endRow();
    }
    appender.closeSync();
  }
}

/** Empties the tables for the next batch of applicants. */
export async function clearTables(connection: DuckConnection): Promise<void> {
  for (const t of TABLES) await connection.run(`DELETE FROM ${t.name}`);
}
