import { PGlite } from '@electric-sql/pglite';
import { occupationsOf, loadPostgres, type Run } from './harness.js';
import { differential, sampleProfiles, coverageReport } from './differential.js';
import { openDuckdb, appendRows, clearTables } from '../../sql/duckdb.js';
import { rowsOf } from './harness.js';
const occs = occupationsOf();
const groups = sampleProfiles(occs, Number(process.argv[2] ?? 500), 1);
let t = performance.now();
if (process.argv[3] !== 'duck') {
const db = await PGlite.create();
const run: Run = async (sql, params) => (await db.query(sql, params)).rows as Record<string, unknown>[];
const c = await differential({ run, load: (p) => loadPostgres(run, p) }, occs, groups);
console.log('pglite', performance.now() - t); console.log(coverageReport(c));
}
t = performance.now();
const { connection } = await openDuckdb();
const drun: Run = async (sql, params) => (await connection.runAndReadAll(sql, params as string[])).getRowObjects() as Record<string, unknown>[];
const c2 = await differential({ run: drun, load: async (p) => { await clearTables(connection); await appendRows(connection, rowsOf(p)); } }, occs, groups);
console.log('duckdb', performance.now() - t); console.log(coverageReport(c2));
