// Accepted lines (sql/accept.ts) into the normalized tables (sql/schema.ts) with set-based SQL:
// from `docs(applicant_id, line, s)`, `s` the typed value of the line (accept.ts PROFILE_TYPE),
// one INSERT … SELECT per table, lists unnested with their subscripts. The rows equal those
// sql/load.ts makes from the same profile in Node: the fast path's names are their own
// normalized form (accept.ts), its dates calendar dates, its relations maps.
import { NONE_VALUES } from '../runtime/words.js';
import { literal, literalList } from './dialect.js';

/** Each entry list's own columns after (applicant_id, idx, occupation, occupation_key, relation). */
const OWN: Record<string, string[]> = {
  work: ['x.kind', 'CAST(x."from" AS DATE)', 'CAST(x."to" AS DATE)', 'x.years'],
  certificates: ['x.kind', 'x.level', 'CAST(x.date AS DATE)'],
  training: ['x.level', 'CAST(x.date AS DATE)', 'x.certificate', 'x.examPassed'],
  apprenticeships: ['CAST(x.completed AS DATE)'],
};

/** The entries of list `list` of each accepted line: applicant_id, x (the entry), idx (from 0). */
function entries(list: string): string {
  return `(SELECT applicant_id, unnest(s.${list}) AS x, generate_subscripts(s.${list}, 1) - 1 AS idx FROM docs WHERE len(s.${list}) > 0)`;
}

/** Rows of `relations` from the entries' per-occupation maps (field `field`). */
function relations(list: string, field: string): string {
  return `INSERT INTO relations SELECT applicant_id, ${literal(list)}, idx, generate_subscripts(ks, 1) - 1, unnest(ks), unnest(vs)
FROM (SELECT applicant_id, idx, map_keys(x.${field}) AS ks, map_values(x.${field}) AS vs FROM ${entries(list)} WHERE cardinality(x.${field}) > 0);`;
}

/** The INSERT statements, in an order that needs no key checks. */
export function normalizeStatements(): string[] {
  const out = [`INSERT INTO applicants SELECT applicant_id, line, CAST(s.birthDate AS DATE), s.education IS NOT NULL FROM docs;`];
  for (const [list, own] of Object.entries(OWN)) {
    out.push(`INSERT INTO ${list} SELECT applicant_id, idx, x.occupation, x.occupation, CAST(NULL AS VARCHAR), ${own.join(', ')} FROM ${entries(list)};`);
    out.push(relations(list, 'relation'));
  }
  out.push(
    `INSERT INTO education SELECT applicant_id, idx, x.level, x.track, x.assessedTarget, x.major, x.major, CAST(NULL AS VARCHAR), x.status, CAST(x.date AS DATE) FROM ${entries('education')};`,
    relations('education', 'majorRelation'),
    `INSERT INTO categories SELECT applicant_id, generate_subscripts(s.categories, 1) - 1, unnest(s.categories), unnest(s.categories) FROM docs WHERE len(s.categories) > 0;`,
    // a fact's value is a number, true, false, 无 or none (line-grammar.ts FACT)
    `INSERT INTO facts SELECT applicant_id, generate_subscripts(ks, 1) - 1, unnest(ks), unnest(ks),
  unnest(list_transform(vs, v -> CASE WHEN v NOT IN ('true', 'false') AND v NOT IN ${literalList(NONE_VALUES)} THEN CAST(v AS DOUBLE) END)),
  unnest(list_transform(vs, v -> CASE WHEN v IN ('true', 'false') THEN v = 'true' END)),
  unnest(list_transform(vs, v -> v IN ${literalList(NONE_VALUES)}))
FROM (SELECT applicant_id, map_keys(s.facts) AS ks, map_values(s.facts) AS vs FROM docs WHERE cardinality(s.facts) > 0);`,
  );
  return out;
}
