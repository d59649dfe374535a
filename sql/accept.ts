// The conservative check of `eval --batch --engine duckdb`, in two steps that never parse a line
// twice: a regular expression over the line's text (sql/line-grammar.ts: strict JSON of the
// profile's shape), then checks of the typed value DuckDB reads it into (`s`, PROFILE_TYPE).
// TRUE only for lines the JS batch accepts (compiler/profile/load-profile.ts, the runtime's date
// checks, the declared fact types) AND whose names need no normalization (normalizeName is the
// identity on them) nor any escaping in JSON or CSV output. It may refuse a good line: that line
// goes to Node, which checks it exactly (its error code and path) and, when it is valid after
// all, loads it through sql/load.ts. test/sql-accept.test.ts holds "accepted ⇒ valid".
import type { OccupationMeta } from '../runtime/meta.js';
import { literal, literalList } from './dialect.js';
import { LINE_GRAMMAR } from './line-grammar.js';

/** The typed value of an accepted line (json_transform): relations and facts as maps, which keep repeated keys. */
export const PROFILE_TYPE = JSON.stringify({
  birthDate: 'VARCHAR',
  categories: ['VARCHAR'],
  education: [{ level: 'VARCHAR', track: 'VARCHAR', assessedTarget: 'VARCHAR', major: 'VARCHAR', majorRelation: 'MAP(VARCHAR, VARCHAR)', status: 'VARCHAR', date: 'VARCHAR' }],
  certificates: [{ occupation: 'VARCHAR', level: 'INTEGER', kind: 'VARCHAR', date: 'VARCHAR', relation: 'MAP(VARCHAR, VARCHAR)' }],
  work: [{ occupation: 'VARCHAR', kind: 'VARCHAR', from: 'VARCHAR', to: 'VARCHAR', years: 'DOUBLE', relation: 'MAP(VARCHAR, VARCHAR)' }],
  training: [{ occupation: 'VARCHAR', level: 'INTEGER', date: 'VARCHAR', certificate: 'BOOLEAN', examPassed: 'BOOLEAN', relation: 'MAP(VARCHAR, VARCHAR)' }],
  apprenticeships: [{ occupation: 'VARCHAR', completed: 'VARCHAR', relation: 'MAP(VARCHAR, VARCHAR)' }],
  facts: 'MAP(VARCHAR, VARCHAR)',
});

const HOSTILE = ['__proto__', 'constructor', 'prototype'];

/** Text checks, cheap, before the line is read: the grammar, and no character a name or output would have to escape. */
export function textAcceptSql(t: string): string {
  return [`strlen(${t}) <= 1000000`, `NOT regexp_matches(${t}, '[\\x00-\\x1f\\\\]')`, `regexp_full_match(${t}, ${literal(LINE_GRAMMAR)})`, `json_valid(${t})`]
    .map((c) => `COALESCE(${c}, FALSE)`)
    .join('\n    AND ');
}

/** Non-NULL fields of a struct, as an integer sum. */
function present(x: string, fields: readonly string[]): string {
  return fields.map((f) => `CAST(${x}.${quoteField(f)} IS NOT NULL AS INTEGER)`).join(' + ');
}

function quoteField(f: string): string {
  return `"${f}"`;
}

/** Map keys: each once, none a hostile key nor an array index (JS orders those first). */
function keysOk(m: string): string {
  return `(${m} IS NULL OR (len(list_distinct(map_keys(${m}))) = cardinality(${m}) AND len(list_filter(map_keys(${m}), k -> k IN ${literalList(HOSTILE)} OR regexp_full_match(k, '[0-9]+'))) = 0))`;
}

const isDate = (v: string): string => `(${v} IS NULL OR TRY_CAST(${v} AS DATE) >= DATE '0100-01-01')`;

/** Per list: its fields, and what each entry must meet beyond the grammar. */
const LISTS: Record<string, { fields: string[]; check: string[] }> = {
  work: {
    fields: ['occupation', 'kind', 'from', 'to', 'years', 'relation'],
    check: ['x.occupation IS NOT NULL', '(x."from" IS NOT NULL OR x.years IS NOT NULL)', isDate('x."from"'), isDate('x."to"'), '(x."to" IS NULL OR x."from" IS NULL OR x."to" >= x."from")', keysOk('x.relation')],
  },
  certificates: {
    fields: ['occupation', 'level', 'kind', 'date', 'relation'],
    check: ['x.occupation IS NOT NULL', 'x.kind IS NOT NULL', "(x.kind = '预备技师证书' OR x.level IS NOT NULL)", isDate('x.date'), keysOk('x.relation')],
  },
  training: { fields: ['occupation', 'level', 'date', 'certificate', 'examPassed', 'relation'], check: ['x.occupation IS NOT NULL', 'x.level IS NOT NULL', isDate('x.date'), keysOk('x.relation')] },
  apprenticeships: { fields: ['occupation', 'completed', 'relation'], check: ['x.occupation IS NOT NULL', isDate('x.completed'), keysOk('x.relation')] },
  education: { fields: ['level', 'track', 'assessedTarget', 'major', 'majorRelation', 'status', 'date'], check: ['x.level IS NOT NULL', 'x.status IS NOT NULL', isDate('x.date'), keysOk('x.majorRelation')] },
};

/** Keys the typed value holds: with the text's key count (its colons), equal only when no key was repeated. */
function keyCount(): string {
  const top = present('s', ['birthDate', 'categories', 'education', 'certificates', 'work', 'training', 'apprenticeships', 'facts']);
  const lists = Object.entries(LISTS).map(([list, { fields }]) => {
    const maps = fields.filter((f) => f === 'relation' || f === 'majorRelation').map((f) => ` + COALESCE(cardinality(x.${f}), 0)`);
    return `COALESCE(list_sum(list_transform(s.${list}, x -> ${present('x', fields)}${maps.join('')})), 0)`;
  });
  return [top, ...lists, 'COALESCE(cardinality(s.facts), 0)'].join(' + ');
}

/** The declared fact types of the judged occupations: a value of the other type is E_PROFILE_FACT_TYPE. */
function factTypes(metas: readonly OccupationMeta[]): string {
  const typed = new Map<string, Set<string>>();
  for (const m of metas) {
    for (const [key, name] of Object.entries(m.factNames)) {
      const type = m.factTypes?.[name];
      if (type !== undefined) typed.set(key, (typed.get(key) ?? new Set()).add(type));
    }
  }
  const keys = (t: string): string[] => [...typed].filter(([, ts]) => ts.has(t)).map(([k]) => k);
  // the grammar lets a fact be a number, true, false, 无 or none only
  const isBool = "f.value IN ('true', 'false')";
  const conds = [
    ...(keys('boolean').length > 0 ? [`(f.key NOT IN ${literalList(keys('boolean'))} OR ${isBool})`] : []),
    ...(keys('number').length > 0 ? [`(f.key NOT IN ${literalList(keys('number'))} OR NOT ${isBool})`] : []),
  ];
  return conds.length === 0 ? 'TRUE' : `COALESCE(len(list_filter(map_entries(s.facts), f -> NOT COALESCE(${conds.join(' AND ')}, FALSE))), 0) = 0`;
}

/**
 * Checks of `s`, the typed value of line `t` that passed textAcceptSql: every key read once,
 * required fields, calendar dates, periods in order, unique categories, fact types.
 */
export function docAcceptSql(metas: readonly OccupationMeta[], t: string): string {
  const colons = `strlen(${t}) - strlen(replace(${t}, ':', ''))`;
  const lists = Object.entries(LISTS).map(([list, { check }]) => `COALESCE(len(list_filter(s.${list}, x -> NOT COALESCE(${check.join(' AND ')}, FALSE))), 0) = 0`);
  return [
    `${colons} = ${keyCount()}`,
    isDate('s.birthDate'),
    ...lists,
    '(s.categories IS NULL OR len(list_distinct(s.categories)) = len(s.categories))',
    keysOk('s.facts'),
    factTypes(metas),
  ]
    .map((c) => `COALESCE(${c}, FALSE)`)
    .join('\n    AND ');
}

/** The (empty) table of accepted lines: applicant_id, line, s (the typed value), after `raw(applicant_id, t)`. */
export const DOCS_TABLE = `CREATE TABLE docs AS SELECT applicant_id, applicant_id AS line, json_transform(t, ${literal(PROFILE_TYPE)}) AS s FROM raw WHERE FALSE`;

/** Fills `docs(applicant_id, line, s)` with the lines of `raw(applicant_id, t)` that SQL accepts, each with its typed value. */
export function acceptStatement(metas: readonly OccupationMeta[]): string {
  return `INSERT INTO docs SELECT applicant_id, applicant_id AS line, s FROM (
  SELECT applicant_id, t, json_transform(t, ${literal(PROFILE_TYPE)}) AS s FROM raw WHERE ${textAcceptSql('t')}
) WHERE ${docAcceptSql(metas, 't')}`;
}
