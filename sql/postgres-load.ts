// Rows (load.ts) into PostgreSQL (a server through `pg`, or PGlite): one INSERT per table, the
// rows passed as one JSON parameter, never pasted into the statement.
import type { Rows } from './load.js';
import { TABLES, type ColumnType } from './schema.js';

const CAST: Record<ColumnType, string> = { id: 'bigint', int: 'integer', text: 'text', date: 'date', double: 'double precision', bool: 'boolean' };

/** The INSERT statements of the rows, each with its one parameter (a JSON array of rows). */
export function postgresInserts(rows: Rows): { sql: string; params: [string] }[] {
  const out: { sql: string; params: [string] }[] = [];
  for (const t of TABLES) {
    const list = rows[t.name];
    if (list.length === 0) continue;
    const columns = t.columns.map(([name, type], i) => `(x->>${i})::${CAST[type]}`);
    out.push({
      sql: `INSERT INTO ${t.name} (${t.columns.map(([n]) => n).join(', ')}) SELECT ${columns.join(', ')} FROM jsonb_array_elements($1::jsonb) AS x`,
      params: [JSON.stringify(list)],
    });
  }
  return out;
}
