// One occupation (one version) as SQL: its entry CTEs, its conditions' aggregates and measures,
// each clause's status, the education requirement with the credential a clause accepts
// (runtime/gate.ts), and one row per applicant and level: status, education, clauses, matched.
import type { OccupationMeta } from '../runtime/meta.js';
import { credentials, type Plan } from '../runtime/plan.js';
import type { Level } from '../runtime/words.js';
import { AtomSet, SqlRefusal } from './atoms.js';
import { literal } from './dialect.js';
import { entryCtes, nameLists } from './entries.js';

export interface OccupationSql {
  /** CTEs, in order; the last, `${p}_lv`, has one row per applicant and level. */
  ctes: string[];
  /** Name of the CTE of level rows. */
  levels: string;
}

/** Merged dated periods of each (scope, kinds) pair, with their totals, and the undated years. */
function periodCtes(p: string, atoms: AtomSet): string[] {
  const out: string[] = [];
  for (const { j, scope, kinds } of atoms.pairs.values()) {
    const inScope = `(rel & ${scope}) <> 0 AND (kind & ${kinds}) <> 0`;
    out.push(
      // Overlapping or touching periods merge: a new group starts where a period begins after every earlier one ended.
      `${p}_m${j}a AS (
  SELECT applicant_id, s, e, MAX(e) OVER (PARTITION BY applicant_id ORDER BY s, e ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prev
  FROM ${p}_work WHERE dated AND ${inScope}
)`,
      `${p}_m${j}b AS (
  SELECT applicant_id, s, e, SUM(CASE WHEN prev IS NOT NULL AND s <= prev + 1 THEN 0 ELSE 1 END) OVER (PARTITION BY applicant_id ORDER BY s, e ROWS UNBOUNDED PRECEDING) AS grp
  FROM ${p}_m${j}a
)`,
      `${p}_m${j} AS MATERIALIZED (SELECT applicant_id, MIN(s) AS s, MAX(e) AS e FROM ${p}_m${j}b GROUP BY applicant_id, grp)`,
      `${p}_t${j} AS (SELECT applicant_id, SUM(e - s + 1) AS tot, MAX(e - s + 1) AS lng FROM ${p}_m${j} GROUP BY applicant_id)`,
      `${p}_u${j} AS (SELECT applicant_id, SUM(micro) AS us, MAX(micro) AS um FROM ${p}_work WHERE NOT dated AND ${inScope} GROUP BY applicant_id)`,
    );
  }
  return out;
}

const AGGREGATED = [
  ['cert', 'cagg', 'ca'],
  ['train', 'tagg', 'ta'],
  ['appr', 'aagg', 'aa'],
  ['edu', 'eagg', 'ea'],
  ['fact', 'fagg', 'fa'],
] as const;

/** The applicant row: the aggregates, measured bounds and age every condition reads. */
function rowCtes(p: string, atoms: AtomSet): string[] {
  const out: string[] = [];
  const joins: string[] = [];
  const columns: string[] = [];
  for (const [table, cte, alias] of AGGREGATED) {
    const list = atoms.aggregates[table];
    if (list.length === 0) continue;
    out.push(`${p}_${cte} AS MATERIALIZED (SELECT applicant_id, ${list.join(', ')} FROM ${p}_${table} GROUP BY applicant_id)`);
    joins.push(`LEFT JOIN ${p}_${cte} ${alias} ON ${alias}.applicant_id = a.applicant_id`);
    for (const c of list) columns.push(`${alias}.${c.slice(c.lastIndexOf(' AS ') + 4)}`);
  }
  for (const { j } of atoms.pairs.values()) {
    joins.push(`LEFT JOIN ${p}_t${j} t${j} ON t${j}.applicant_id = a.applicant_id`, `LEFT JOIN ${p}_u${j} u${j} ON u${j}.applicant_id = a.applicant_id`);
  }
  const age = `CAST(EXTRACT(YEAR FROM q.as_of) AS INTEGER) - CAST(EXTRACT(YEAR FROM a.birth_date) AS INTEGER)
      - CASE WHEN CAST(EXTRACT(MONTH FROM q.as_of) AS INTEGER) * 100 + CAST(EXTRACT(DAY FROM q.as_of) AS INTEGER)
        < CAST(EXTRACT(MONTH FROM a.birth_date) AS INTEGER) * 100 + CAST(EXTRACT(DAY FROM a.birth_date) AS INTEGER) THEN 1 ELSE 0 END`;
  out.push(...atoms.afterCtes);
  out.push(`${p}_row AS MATERIALIZED (
  SELECT a.applicant_id, a.education_known AS a_education_known, ${age} AS a_age${[...columns, ...atoms.rowColumns].map((c) => `,\n    ${c}`).join('')}
  FROM applicants a CROSS JOIN q
  ${[...joins, ...atoms.rowJoins].join('\n  ')}
)`);
  return out;
}

/** Whether the as-of date (q.as_of) falls in the version's period, ends inclusive (runtime/versions.ts). */
export function inForce(meta: OccupationMeta): string {
  if (!meta.inForce) return 'TRUE';
  const from = `q.as_of >= DATE ${literal(meta.inForce.from)}`;
  return meta.inForce.to === null ? from : `${from} AND q.as_of <= DATE ${literal(meta.inForce.to)}`;
}

/** Status names of a three-valued SQL boolean. */
function named(x: string, t: string, f: string, u: string): string {
  return `CASE WHEN ${x} IS TRUE THEN '${t}' WHEN ${x} IS FALSE THEN '${f}' ELSE '${u}' END`;
}

/**
 * The SQL of one occupation version, CTE names prefixed `p`; `order`: its place in the report;
 * `levels`: the levels to report, in report order.
 */
export function occupationSql(meta: OccupationMeta, p: string, order: number, levels: readonly Level[]): OccupationSql {
  // Gates and waivers outside the condition tree: not compiled yet, so refused by name.
  if ((meta.preconditions?.length ?? 0) > 0) throw new SqlRefusal('preconditions');
  if (meta.clauses.some((c) => (c.waives?.length ?? 0) > 0)) throw new SqlRefusal('waives');
  // Years counted by calendar anniversaries or 工龄 months: the SQL counts days (docs/sql.md).
  if (meta.counting !== undefined && meta.counting !== 'days') throw new SqlRefusal(`counting: ${meta.counting}`);
  const names = nameLists(meta);
  const atoms = new AtomSet(p, meta.factNone);
  const requirement = meta.education ? atoms.plan(meta.education.plan) : 'TRUE';
  const clauses = meta.clauses.map((c) => {
    const schools = credentials(c.plan);
    return { meta: c, test: atoms.plan(c.plan), credential: schools.length === 0 ? null : atoms.plan(schools.length === 1 ? schools[0] : { op: 'or', items: schools }) };
  });
  const ctes = [...entryCtes(p, meta, names), ...periodCtes(p, atoms), ...rowCtes(p, atoms)];
  const leafColumns = [...atoms.leaves.values()].map((l) => `${l.expr} AS ${l.name}`);
  ctes.push(`${p}_at AS MATERIALIZED (
  SELECT applicant_id${leafColumns.map((c) => `,\n    ${c}`).join('')}
  FROM ${p}_row
)`);
  // The clause's status, and with the requirement (met by the requirement or by the clause's own credential).
  const gated = (i: number, credential: string | null): string =>
    credential === null ? `(c${i} AND rq)` : `(c${i} AND CASE WHEN rq IS TRUE OR k${i} IS TRUE THEN TRUE WHEN rq IS FALSE AND k${i} IS NULL THEN NULL ELSE rq END)`;
  ctes.push(`${p}_cl AS MATERIALIZED (
  SELECT applicant_id, ${requirement} AS rq${clauses.map((c, i) => `,\n    ${c.test} AS c${i}${c.credential === null ? '' : `, ${c.credential} AS k${i}`}`).join('')}
  FROM ${p}_at CROSS JOIN q WHERE ${inForce(meta)}
)`);
  ctes.push(`${p}_g AS MATERIALIZED (
  SELECT applicant_id, rq${clauses.map((c, i) => `, c${i}, ${gated(i, c.credential)} AS g${i}`).join('')}
  FROM ${p}_cl
)`);
  // One row per level from one reading of the clause statuses (a UNION per level would compute them once per level).
  const byLevel = (parts: (here: { c: (typeof clauses)[number]; i: number }[]) => string): string =>
    `CASE l.level ${levels.map((level) => `WHEN ${level} THEN ${parts(clauses.map((c, i) => ({ c, i })).filter(({ c }) => c.meta.level === level))}`).join(' ')} END`;
  const status = byLevel((here) => named(`(${here.length === 0 ? 'FALSE' : here.map(({ i }) => `g${i}`).join(' OR ')})`, 'eligible', 'ineligible', 'unknown'));
  const education = byLevel((here) => `CASE WHEN ${here.length === 0 ? 'FALSE' : here.map(({ i }) => `(c${i} IS TRUE AND g${i} IS TRUE)`).join(' OR ')} THEN 'met' ELSE ${named('rq', 'met', 'unmet', 'unknown')} END`);
  const tri = byLevel((here) => (here.length === 0 ? "''" : here.map(({ i }) => named(`c${i}`, 'T', 'F', 'U')).join(' || ')));
  const matched = byLevel((here) => (here.length === 0 ? "''" : `TRIM(${here.map(({ c, i }) => `CASE WHEN c${i} IS TRUE THEN ${literal(` ${c.meta.id}`)} ELSE '' END`).join(' || ')})`));
  const levelList = levels.map((level, rank) => `SELECT ${level} AS level, ${rank} AS level_order`).join(' UNION ALL ');
  ctes.push(`${p}_lv AS (
  SELECT g.applicant_id, ${order} AS occupation_order, ${literal(meta.id)} AS occupation_id, ${meta.version === null ? 'CAST(NULL AS TEXT)' : literal(meta.version)} AS version,
    l.level, l.level_order,
    ${status} AS status,
    ${education} AS education,
    ${tri} AS clauses,
    ${matched} AS matched
  FROM ${p}_g g CROSS JOIN (${levelList.length === 0 ? 'SELECT 0 AS level, 0 AS level_order WHERE FALSE' : levelList}) l
)`);
  return { ctes, levels: `${p}_lv` };
}
