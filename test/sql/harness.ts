// Shared by the SQL tests and the long differential: the bundled occupations (every version),
// the TypeScript evaluators' answer for a profile, and the SQL's answer on PostgreSQL (PGlite or
// a server) or DuckDB, both as the compared output: results and warnings.
import { DiagnosticSink } from '../../compiler/diagnostics/diagnostics.js';
import { checkRules } from '../../compiler/check-rules.js';
import { instantiate } from '../../compiler/generate/instantiate.js';
import { addWarnings, evaluateProfile, versionInForce, type CompiledOccupation, type LevelResult, type Profile, type Warning } from '../../runtime/index.js';
import { addProfile, emptyRows, type Rows } from '../../sql/load.js';
import { postgresInserts } from '../../sql/postgres-load.js';
import { screeningSql } from '../../sql/query.js';
import { ResultBuilder, type LevelRow, type WarningRow } from '../../sql/results.js';
import { schemaDdl, TABLES } from '../../sql/schema.js';
import { warningsSql } from '../../sql/warnings.js';
import { cpSync, readdirSync } from 'node:fs';
import { RULES, scratch } from '../helpers.js';

/**
 * The bundled rules the SQL backend compiles: all but the Tianjin promotion rules, which count past
 * events and have a precondition (refused by name: `E_SQL_UNSUPPORTED`).
 */
export const SQL_REFUSED_FILES = ['chaoyang-skill-upgrade-subsidy.yaml', 'tianjin-competition-promotion-2021.yaml', 'tianjin-competition-promotion-2024.yaml'];

/** A copy of the bundled rules without SQL_REFUSED_FILES. */
export function sqlRulesDir(): string {
  const dir = scratch('sql-rules');
  cpSync(RULES, dir, { recursive: true, filter: (src) => !SQL_REFUSED_FILES.includes(src.split(/[\\/]/).pop() ?? '') });
  return dir;
}

/** Every file of the bundled rules is either compiled by the SQL backend or listed as refused. */
export function bundledRuleFiles(): string[] {
  return readdirSync(RULES).filter((f) => f.endsWith('.yaml') && f !== 'vocabulary.yaml');
}


export interface Answer {
  results: LevelResult[];
  warnings: Warning[];
}

/** Every occupation version of a rules directory, by id then version: the order the SQL reports them in. */
export function occupationsOf(dir = RULES): CompiledOccupation[] {
  const sink = new DiagnosticSink();
  const rules = checkRules(dir, sink);
  if (!rules) throw new Error(`rules do not check: ${sink.items.map((d) => d.code).join(' ')}`);
  const key = (o: CompiledOccupation): string => `${o.meta.id}\u0000${o.meta.version ?? ''}`;
  return rules.occupations.map(instantiate).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The TypeScript evaluators' answer, as `zige eval --batch` gives it: the version in force of each occupation. */
export function typescriptAnswer(occupations: readonly CompiledOccupation[], profile: Profile, asOf: string, single = false): Answer {
  const ids = [...new Set(occupations.map((o) => o.meta.id))];
  const results: LevelResult[] = [];
  let warnings: Warning[] = [];
  for (const id of ids) {
    const chosen = versionInForce(occupations.filter((o) => o.meta.id === id), asOf, (o) => o.meta);
    if (!chosen.ok) continue;
    const judged = evaluateProfile(chosen.value, profile, { asOf, single, explain: false });
    results.push(...judged.results);
    warnings = addWarnings(warnings, judged.warnings);
  }
  return { results, warnings };
}

/** Something that runs a statement with parameters and returns rows as objects (PGlite, pg, DuckDB). */
export type Run = (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;

/** The SQL's answers for the profiles (applicant ids 0..n-1): both statements, rows back into results. */
export async function sqlAnswers(run: Run, occupations: readonly CompiledOccupation[], asOf: string): Promise<Answer[]> {
  const metas = occupations.map((o) => o.meta);
  const builder = new ResultBuilder(metas);
  const levels = await run(screeningSql(metas.map((meta) => ({ meta }))), [asOf]);
  const warned = await run(warningsSql(metas), [asOf]);
  const answers = new Map<number, Answer>();
  const answer = (id: number): Answer => answers.get(id) ?? answers.set(id, { results: [], warnings: [] }).get(id)!;
  for (const row of levels) answer(Number(row.applicant_id)).results.push(builder.level({ ...(row as unknown as LevelRow), applicant_id: Number(row.applicant_id), occupation_order: Number(row.occupation_order), level: Number(row.level) }));
  for (const row of warned) answer(Number(row.applicant_id)).warnings.push(builder.warning({ ...(row as unknown as WarningRow), occupation_order: Number(row.occupation_order) }));
  const max = Math.max(-1, ...answers.keys());
  return Array.from({ length: max + 1 }, (_, i) => answers.get(i) ?? { results: [], warnings: [] });
}

/** The rows of the profiles (applicant ids from 0). */
export function rowsOf(profiles: readonly Profile[]): Rows {
  const rows = emptyRows();
  profiles.forEach((p, i) => addProfile(rows, i, i + 1, p));
  return rows;
}

/** Creates the tables on PostgreSQL (dropping earlier ones) and loads the profiles. */
export async function loadPostgres(run: Run, profiles: readonly Profile[]): Promise<void> {
  for (const table of TABLES.map((t) => t.name)) await run(`DROP TABLE IF EXISTS ${table}`);
  for (const ddl of schemaDdl('postgres')) await run(ddl);
  for (const insert of postgresInserts(rowsOf(profiles))) await run(insert.sql, insert.params);
}
