// The screening statement: every occupation version's level rows for every applicant, with the
// as-of date as the one bound parameter ($1), ordered by applicant, occupation and level.
import type { OccupationMeta } from '../runtime/meta.js';
import type { Level } from '../runtime/words.js';
import { AS_OF_PARAMETER } from './dialect.js';
import { occupationSql } from './occupation.js';

/** The as-of date, bound once: as a DATE and as a day number (days since 1970-01-01). */
export const AS_OF_CTE = `q AS (SELECT d AS as_of, d - DATE '1970-01-01' AS as_of_day FROM (SELECT CAST(${AS_OF_PARAMETER} AS DATE) AS d) x)`;

/** Levels in report order: 五级 first (runtime evaluate, levelsToReport). */
export function reportLevels(meta: OccupationMeta): Level[] {
  return [...meta.levels].sort((a, b) => b - a);
}

/**
 * One row per applicant, occupation version in force on $1 and level: applicant_id,
 * occupation_order, occupation_id, version, level, level_order, status, education, clauses (one
 * letter per clause of the level, T/F/U, in rule-file order), matched (clause ids met).
 */
export function screeningSql(occupations: readonly { meta: OccupationMeta; levels?: readonly Level[] }[]): string {
  const parts = occupations.map((o, k) => occupationSql(o.meta, `o${k}`, k, o.levels ?? reportLevels(o.meta)));
  const ctes = [AS_OF_CTE, ...parts.flatMap((x) => x.ctes)];
  const union = parts.map((x) => `SELECT * FROM ${x.levels}`).join('\nUNION ALL\n');
  return `WITH ${ctes.join(',\n')}
SELECT * FROM (
${union}
) r
ORDER BY applicant_id, occupation_order, level_order;`;
}
