// Proof statuses in the SQL backend (docs/sql.md): a fact not found or revoked is absent, in both
// loaders — the JavaScript rows (sql/load.ts) and the SQL-only load of JSON lines
// (sql/load-sql.ts, sql/load-proofs.ts) — on DuckDB and on PostgreSQL (PGlite), judged as the
// TypeScript evaluators judge them (statuses, clauses, matched, warnings with their paths).
// Part of `npm run test:long` (PGlite and DuckDB start in seconds: more than npm test's budget
// for this feature); run alone: `npx tsx test/long/evidence-sql.ts`. Exits 1 on a disagreement.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import assert from 'node:assert/strict';
import type { Profile } from '../../runtime/index.js';
import { appendRows, clearTables, openDuckdb } from '../../sql/duckdb.js';
import { loadStatements } from '../../sql/load-sql.js';
import { schemaDdl } from '../../sql/schema.js';
import { scratch } from '../helpers.js';
import { sampleProfiles } from '../sql/differential.js';
import { occupationsOf, rowsOf, sqlAnswers, typescriptAnswer, type Answer, type Run } from '../sql/harness.js';
import { withoutSingleRelations } from '../sql/inputs.js';

const AS_OF = '2026-11-28';
const occupations = occupationsOf().filter((o) => o.meta.id === 'internet-marketer' || o.meta.id === 'ai-trainer');

/** Every kind of fact not found or revoked, beside ones that stay (and warnings about both). */
const VOIDED: Profile[] = [
  {
    birthDate: '1990-01-01',
    education: [{ level: '本科', status: '毕业', date: '2012-07-01', major: '烹饪', proof: 'revoked' }, { level: '高中', status: '毕业', date: '2008-07-01' }],
    certificates: [{ occupation: '互联网营销师', level: 3, kind: '技能等级证书', date: '2018-01-01', proof: 'not-found' }, { occupation: '互联网营销师', level: 4, kind: '技能等级证书', date: '2016-01-01' }],
    work: [{ occupation: '厨师', from: '2010-01-01', proof: 'revoked' }, { occupation: '互联网营销师', from: '2015-01-01', proof: 'declared' }, { occupation: '人工智能训练师', from: '2012-01-01', kind: '未知种类', proof: 'not-found' }],
    training: [{ occupation: '互联网营销师', level: 2, date: '2024-01-01', certificate: true, proof: 'revoked' }],
    apprenticeships: [{ occupation: '人工智能训练师', completed: '2014-01-01', relation: { 人工智能训练师: '本职业' }, proof: 'not-found' }],
    categories: ['退役士兵', '未声明类别'],
    facts: { 安全行车里程: 120000, 未声明的事实: true },
    proofs: { birthDate: 'revoked', categories: { 退役士兵: 'revoked', 未声明类别: 'not-found' }, facts: { 安全行车里程: 'not-found', 未声明的事实: 'revoked' } },
  },
  { education: [{ level: '高中', status: '毕业', proof: 'not-found' }], work: [{ occupation: '互联网营销师', from: '2010-01-01', proof: 'verified' }] },
  { certificates: [{ occupation: '人工智能训练师', level: 4, kind: '职业资格证书', date: '2015-01-01', proof: 'revoked' }], work: [{ occupation: '人工智能训练师', from: '2010-01-01' }], education: [] },
];

/** The same profiles with every proof status dropped: judged differently, or the test would prove nothing. */
function withoutProofs(p: Profile): Profile {
  const strip = <T extends { proof?: unknown }>(list: T[] | undefined): T[] | undefined => list?.map(({ proof: _, ...e }) => e as T);
  const { proofs: _, ...rest } = p;
  return { ...rest, education: strip(p.education), certificates: strip(p.certificates), work: strip(p.work), training: strip(p.training), apprenticeships: strip(p.apprenticeships) };
}

/** DuckDB has no NFKC (docs/sql.md: its SQL-only load compares names NFC-normalized): names are given NFKC-normalized here, as the other SQL tests cover full-width ones. */
const clean = (p: Profile): Profile => JSON.parse(JSON.stringify(p).normalize('NFKC')) as Profile;
const generated = [...sampleProfiles(occupations, 600, 20).values()].flat().filter((p) => p.proofs !== undefined || JSON.stringify(p).includes('"proof"'));
const profiles = [...VOIDED, ...generated].map(withoutSingleRelations).map(clean);
const expected = profiles.map((p) => JSON.stringify(typescriptAnswer(occupations, p, AS_OF)));

/** The answers from applicant ids `first`, `first + 1` … compared with the TypeScript evaluators', each disagreement as the profile's index and line. */
function disagreements(got: Answer[], first: number): string[] {
  return profiles.flatMap((p, i) => (JSON.stringify(got[first + i]) === expected[i] ? [] : [`profile ${i}: ${JSON.stringify(p)}`]));
}

const dir = scratch('evidence-sql');
const file = join(dir, 'profiles.jsonl');
writeFileSync(file, profiles.map((p) => JSON.stringify(p)).join('\n') + '\n');

/** The voided profiles are judged differently without their proof statuses, or the comparisons would prove nothing. */
function casesMatter(): void {
  assert.ok(profiles.length > VOIDED.length + 5, `only ${profiles.length} profiles`);
  VOIDED.forEach((p, i) => assert.notEqual(JSON.stringify(typescriptAnswer(occupations, withoutSingleRelations(withoutProofs(p)), AS_OF)), expected[i]));
}

/** DuckDB: the JavaScript rows, then the SQL-only load of the JSON lines. */
async function duckdb(): Promise<string[]> {
  const duck = await openDuckdb();
  try {
    const run: Run = async (sql, params) => (await duck.connection.runAndReadAll(sql, params as string[])).getRowObjects() as Record<string, unknown>[];
    await appendRows(duck.connection, rowsOf(profiles));
    const rows = disagreements(await sqlAnswers(run, occupations, AS_OF), 0).map((d) => `duckdb rows: ${d}`);
    await clearTables(duck.connection);
    for (const statement of loadStatements('duckdb', file)) await duck.connection.run(statement);
    return [...rows, ...disagreements(await sqlAnswers(run, occupations, AS_OF), 1).map((d) => `duckdb load-sql: ${d}`)];
  } finally {
    duck.close();
  }
}

/** PostgreSQL (PGlite): the SQL-only load, its \copy replaced by INSERTs of the same lines. */
async function postgres(): Promise<string[]> {
  const pg = await PGlite.create();
  try {
    const run: Run = async (sql, params) => (await pg.query(sql, params)).rows as Record<string, unknown>[];
    for (const ddl of schemaDdl('postgres')) await run(ddl);
    for (const statement of loadStatements('postgres', file)) {
      if (statement.startsWith('\\copy')) for (const p of profiles) await run('INSERT INTO profiles_raw (doc) VALUES ($1::json)', [JSON.stringify(p)]);
      else await pg.exec(statement);
    }
    return disagreements(await sqlAnswers(run, occupations, AS_OF), 1).map((d) => `postgres load-sql: ${d}`);
  } finally {
    await pg.close();
  }
}

casesMatter();
const found = [...(await duckdb()), ...(await postgres())];
console.log(`proof statuses in SQL: ${profiles.length} profiles (${VOIDED.length} with every kind of fact not found or revoked), DuckDB rows and load-sql, PostgreSQL load-sql: ${found.length} disagreements`);
if (found.length > 0) {
  console.error(found.slice(0, 5).join('\n'));
  process.exit(1);
}
