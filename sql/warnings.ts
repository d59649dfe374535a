// The profile's warnings (runtime/facts.ts) as SQL: one row per warning, said once per profile
// across occupations (runtime addWarnings: the first occupation's, then what the next ones add),
// in the order the runtime says them.
import type { OccupationMeta } from '../runtime/meta.js';
import { literal, notIn } from './dialect.js';
import { normalizeName } from '../runtime/facts.js';
import { inForce } from './occupation.js';
import { AS_OF_CTE } from './query.js';
import { explicitRelation, explicitRelationsCte, nameLists, relationJoin } from './entries.js';

const LISTS = ['work', 'certificates', 'training', 'apprenticeships'] as const;

/** The warning CTEs and selects of one occupation (its place `order` in the report). */
function occupationWarnings(meta: OccupationMeta, p: string, order: number): { ctes: string[]; selects: string[] } {
  const names = nameLists(meta);
  const norm = (xs: readonly string[]): string[] => [...new Set(xs.map(normalizeName))];
  const related = norm(meta.related.occupations);
  const id = literal(meta.id);
  const selects = LISTS.map(
    (list, section) => `  SELECT e.applicant_id, ${order} AS occupation_order, ${section} AS section, e.idx, 0 AS sub, 'W_UNRELATED' AS code,
    ${literal(`/${list}/`)} || CAST(e.idx AS TEXT) AS path, ${id} AS occupation_id, e.occupation AS arg
  FROM ${list} e ${relationJoin('e', 'r', p, list)}
  WHERE ${explicitRelation('e', 'r')} IS NULL AND e.occupation_key NOT IN ${names.names} AND ${notIn('e.occupation_key', related)}`,
  );
  selects.push(
    `  SELECT applicant_id, ${order}, 0, idx, 1, 'W_UNKNOWN_KIND', '/work/' || CAST(idx AS TEXT) || '/kind', CAST(NULL AS TEXT), kind
  FROM work WHERE kind IS NOT NULL AND ${notIn('kind', meta.workKinds)}`,
    `  SELECT e.applicant_id, ${order}, 4, e.idx, 0, 'W_NO_MAJOR', '/education/' || CAST(e.idx AS TEXT), ${id}, e.major
  FROM education e ${relationJoin('e', 'r', p, 'education')}
  WHERE ${explicitRelation('e', 'r', 'major_relation')} IS NULL AND e.major_key IS NOT NULL
    AND ${notIn('e.major_key', norm(meta.related.sameMajors))} AND ${notIn('e.major_key', norm(meta.related.majors))}`,
    `  SELECT applicant_id, ${order}, 5, ord, 0, 'W_UNKNOWN_FACT', '/facts/' || name, CAST(NULL AS TEXT), name
  FROM facts WHERE ${notIn('name_key', Object.keys(meta.factNames))}`,
    `  SELECT applicant_id, ${order}, 6, idx, 0, 'W_UNKNOWN_CATEGORY', '/categories/' || CAST(idx AS TEXT), CAST(NULL AS TEXT), name
  FROM categories WHERE ${notIn('name_key', Object.keys(meta.categoryNames ?? {}))}`,
  );
  const guard = inForce(meta);
  return { ctes: [explicitRelationsCte(p, names)], selects: guard === 'TRUE' ? selects : [`  SELECT * FROM (\n${selects.join('\n  UNION ALL\n')}\n  ) s${order} WHERE EXISTS (SELECT 1 FROM q WHERE ${guard})`] };
}

/**
 * The statement listing every applicant's warnings: applicant_id, code, path, occupation_id
 * (W_UNRELATED, W_NO_MAJOR), the entry's text the message names and the occupation version's
 * place (its name is the one in force), in output order; `sortColumns`: also the columns that
 * order them (section, idx, sub), for a caller that aggregates them.
 */
export function warningsSql(occupations: readonly OccupationMeta[], options: { sortColumns?: boolean } = {}): string {
  const parts = occupations.map((m, k) => occupationWarnings(m, `w${k}`, k));
  const ctes = parts.flatMap((x) => x.ctes);
  const all = parts.flatMap((x) => x.selects).join('\n  UNION ALL\n');
  return `WITH ${AS_OF_CTE},
${ctes.join(',\n')},
said AS (
${all}
),
once AS (
  SELECT said.*, ROW_NUMBER() OVER (PARTITION BY applicant_id, code, path, COALESCE(occupation_id, '') ORDER BY occupation_order, section, idx, sub) AS rn
  FROM said
)
SELECT applicant_id, code, path, occupation_id, arg, occupation_order${options.sortColumns ? ', section, idx, sub' : ''} FROM once WHERE rn = 1
ORDER BY applicant_id, occupation_order, section, idx, sub;`;
}
