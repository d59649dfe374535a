// Loading JSON lines into the normalized tables with SQL alone (docs/sql.md), for profiles that
// are already valid (zige's own loader, `eval --batch --engine duckdb`, checks every line first):
// a staging table of one JSON document per line, then one INSERT … SELECT per table.
import { NONE_VALUES } from '../runtime/words.js';
import { literal, literalList, type Dialect } from './dialect.js';
import { voidProofStatements } from './load-proofs.js';

/** 无/none as a numeric fact's value: a SQL list of the words. */
const NONE_LIST = literalList(NONE_VALUES);

const LISTS = ['work', 'certificates', 'training', 'apprenticeships'] as const;

/** Each list's own columns after (applicant_id, idx, occupation, occupation_key, relation): JSON key and SQL type. */
const OWN: Record<(typeof LISTS)[number], [string, string][]> = {
  work: [['kind', 'text'], ['from', 'date'], ['to', 'date'], ['years', 'double']],
  certificates: [['kind', 'text'], ['level', 'int'], ['date', 'date']],
  training: [['level', 'int'], ['date', 'date'], ['certificate', 'bool'], ['examPassed', 'bool']],
  apprenticeships: [['completed', 'date']],
};

const PG_TYPE: Record<string, string> = { text: 'text', date: 'date', int: 'integer', double: 'double precision', bool: 'boolean' };
const DUCK_TYPE: Record<string, string> = { text: 'VARCHAR', date: 'DATE', int: 'INTEGER', double: 'DOUBLE', bool: 'BOOLEAN' };

/** PostgreSQL: `profiles_raw(applicant_id, doc json)` filled by \copy; json (not jsonb) keeps the order of a relation's keys. */
function postgresLoad(file: string): string[] {
  const field = (x: string, key: string, type: string): string => `(${x}->>${literal(key)})::${PG_TYPE[type]}`;
  const key = (x: string): string => `btrim(normalize(${x}, NFKC))`;
  const out = [
    `CREATE TABLE profiles_raw (applicant_id BIGSERIAL PRIMARY KEY, doc JSON NOT NULL);`,
    // A line is read whole as one field: a delimiter and a quote that JSON text never holds.
    `\\copy profiles_raw (doc) FROM ${literal(file)} WITH (FORMAT csv, DELIMITER E'\\x01', QUOTE E'\\x02')`,
    `INSERT INTO applicants SELECT applicant_id, applicant_id, (doc->>'birthDate')::date, doc->'education' IS NOT NULL FROM profiles_raw;`,
  ];
  for (const list of LISTS) {
    const own = OWN[list].map(([k, t]) => field('e.x', k, t)).join(', ');
    out.push(`INSERT INTO ${list} SELECT r.applicant_id, e.i - 1, e.x->>'occupation', ${key("e.x->>'occupation'")},
  CASE WHEN json_typeof(e.x->'relation') = 'string' THEN e.x->>'relation' END, ${own}
FROM profiles_raw r, json_array_elements(r.doc->${literal(list)}) WITH ORDINALITY AS e(x, i);`);
    out.push(`INSERT INTO relations SELECT r.applicant_id, ${literal(list)}, e.i - 1, k.o - 1, ${key('k.key')}, k.value
FROM profiles_raw r, json_array_elements(r.doc->${literal(list)}) WITH ORDINALITY AS e(x, i), json_each_text(e.x->'relation') WITH ORDINALITY AS k(key, value, o)
WHERE json_typeof(e.x->'relation') = 'object';`);
  }
  out.push(`INSERT INTO education SELECT r.applicant_id, e.i - 1, e.x->>'level', e.x->>'track', e.x->>'assessedTarget', e.x->>'major', ${key("e.x->>'major'")},
  CASE WHEN json_typeof(e.x->'majorRelation') = 'string' THEN e.x->>'majorRelation' END, e.x->>'status', (e.x->>'date')::date
FROM profiles_raw r, json_array_elements(r.doc->'education') WITH ORDINALITY AS e(x, i);`);
  out.push(`INSERT INTO relations SELECT r.applicant_id, 'education', e.i - 1, k.o - 1, ${key('k.key')}, k.value
FROM profiles_raw r, json_array_elements(r.doc->'education') WITH ORDINALITY AS e(x, i), json_each_text(e.x->'majorRelation') WITH ORDINALITY AS k(key, value, o)
WHERE json_typeof(e.x->'majorRelation') = 'object';`);
  out.push(`INSERT INTO categories SELECT r.applicant_id, c.i - 1, c.x, ${key('c.x')}
FROM profiles_raw r, json_array_elements_text(r.doc->'categories') WITH ORDINALITY AS c(x, i)
WHERE json_typeof(r.doc->'categories') = 'array';`);
  out.push(`INSERT INTO facts SELECT r.applicant_id, k.o - 1, k.key, ${key('k.key')},
  CASE WHEN json_typeof(k.value) = 'number' THEN (k.value #>> '{}')::double precision END, CASE WHEN json_typeof(k.value) = 'boolean' THEN (k.value #>> '{}')::boolean END,
  json_typeof(k.value) = 'string' AND (k.value #>> '{}') IN ${NONE_LIST}
FROM profiles_raw r, json_each(r.doc->'facts') WITH ORDINALITY AS k(key, value, o);`);
  return out;
}

/** DuckDB: read_json_objects reads the file; lists are unnested with their subscripts. No NFKC in DuckDB: names are NFC-normalized and trimmed. */
function duckdbLoad(file: string): string[] {
  const field = (x: string, key: string, type: string): string => `TRY_CAST(json_extract_string(${x}, ${literal(`$.${key}`)}) AS ${DUCK_TYPE[type]})`;
  const key = (x: string): string => `trim(nfc_normalize(${x}))`;
  const elements = (list: string): string =>
    `(SELECT applicant_id, unnest(xs) AS x, generate_subscripts(xs, 1) - 1 AS i FROM (SELECT applicant_id, json_extract(doc, ${literal(`$.${list}[*]`)}) AS xs FROM profiles_raw))`;
  const relations = (list: string, column: string): string =>
    `INSERT INTO relations SELECT applicant_id, ${literal(list)}, i, generate_subscripts(ks, 1) - 1, ${key('unnest(ks)')}, json_extract_string(rel, '$."' || unnest(ks) || '"')
FROM (SELECT applicant_id, i, json_extract(x, ${literal(`$.${column}`)}) AS rel, json_keys(json_extract(x, ${literal(`$.${column}`)})) AS ks FROM ${elements(list)} WHERE json_type(x, ${literal(`$.${column}`)}) = 'OBJECT');`;
  const out = [
    `CREATE TABLE profiles_raw AS SELECT CAST(row_number() OVER () AS BIGINT) AS applicant_id, json AS doc FROM read_json_objects(${literal(file)}, format = 'newline_delimited');`,
    `INSERT INTO applicants SELECT applicant_id, applicant_id, CAST(json_extract_string(doc, '$.birthDate') AS DATE), json_extract(doc, '$.education') IS NOT NULL FROM profiles_raw;`,
  ];
  for (const list of LISTS) {
    const own = OWN[list].map(([k, t]) => field('x', k, t)).join(', ');
    out.push(`INSERT INTO ${list} SELECT applicant_id, i, json_extract_string(x, '$.occupation'), ${key("json_extract_string(x, '$.occupation')")},
  CASE WHEN json_type(x, '$.relation') = 'VARCHAR' THEN json_extract_string(x, '$.relation') END, ${own}
FROM ${elements(list)};`);
    out.push(relations(list, 'relation'));
  }
  out.push(`INSERT INTO education SELECT applicant_id, i, json_extract_string(x, '$.level'), json_extract_string(x, '$.track'), json_extract_string(x, '$.assessedTarget'),
  json_extract_string(x, '$.major'), ${key("json_extract_string(x, '$.major')")},
  CASE WHEN json_type(x, '$.majorRelation') = 'VARCHAR' THEN json_extract_string(x, '$.majorRelation') END, json_extract_string(x, '$.status'), CAST(json_extract_string(x, '$.date') AS DATE)
FROM ${elements('education')};`);
  out.push(relations('education', 'majorRelation'));
  out.push(`INSERT INTO categories SELECT applicant_id, i, json_extract_string(x, '$'), ${key("json_extract_string(x, '$')")} FROM ${elements('categories')};`);
  out.push(`INSERT INTO facts SELECT applicant_id, generate_subscripts(ks, 1) - 1, unnest(ks), ${key('unnest(ks)')},
  NULL, NULL, FALSE
FROM (SELECT applicant_id, json_keys(json_extract(doc, '$.facts')) AS ks FROM profiles_raw WHERE json_extract(doc, '$.facts') IS NOT NULL);`);
  out.push(`UPDATE facts SET number_value = CASE WHEN json_type(p.doc, '$.facts."' || facts.name || '"') IN ('UBIGINT', 'BIGINT', 'DOUBLE') THEN CAST(json_extract_string(p.doc, '$.facts."' || facts.name || '"') AS DOUBLE) END,
  bool_value = CASE WHEN json_type(p.doc, '$.facts."' || facts.name || '"') = 'BOOLEAN' THEN CAST(json_extract_string(p.doc, '$.facts."' || facts.name || '"') AS BOOLEAN) END,
  is_none = json_type(p.doc, '$.facts."' || facts.name || '"') = 'VARCHAR' AND json_extract_string(p.doc, '$.facts."' || facts.name || '"') IN ${NONE_LIST}
FROM profiles_raw p WHERE p.applicant_id = facts.applicant_id;`);
  return out;
}

/** The statements that load a JSON lines file of valid profiles into the (empty) normalized tables. */
export function loadStatements(dialect: Dialect, file: string): string[] {
  return [...(dialect === 'duckdb' ? duckdbLoad(file) : postgresLoad(file)), ...voidProofStatements(dialect)];
}
