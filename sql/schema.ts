// The normalized schema the generated SQL reads (docs/sql.md): one table per list of the profile
// (docs/profile.md), keyed by applicant and the entry's index in its list. Names are stored as
// given (for warnings) and as `*_key`, normalised as zige compares them (NFKC, trimmed).
import type { Dialect } from './dialect.js';

/** A table: its name and columns (name, portable type, NULL allowed). */
export interface TableSpec {
  name: string;
  columns: readonly (readonly [name: string, type: ColumnType, nullable: boolean])[];
  key: readonly string[];
}

export type ColumnType = 'id' | 'int' | 'text' | 'date' | 'double' | 'bool';

const ID = ['applicant_id', 'id', false] as const;
const IDX = ['idx', 'int', false] as const;
const OCCUPATION = [['occupation', 'text', false], ['occupation_key', 'text', false], ['relation', 'text', true]] as const;

export const TABLES: readonly TableSpec[] = [
  // education_known: the profile has an `education` key (an empty list says "none"; no key: unknown)
  { name: 'applicants', columns: [ID, ['line', 'int', true], ['birth_date', 'date', true], ['education_known', 'bool', false]], key: ['applicant_id'] },
  { name: 'work', columns: [ID, IDX, ...OCCUPATION, ['kind', 'text', true], ['from_date', 'date', true], ['to_date', 'date', true], ['years', 'double', true]], key: ['applicant_id', 'idx'] },
  { name: 'certificates', columns: [ID, IDX, ...OCCUPATION, ['kind', 'text', false], ['level', 'int', true], ['date', 'date', true]], key: ['applicant_id', 'idx'] },
  {
    name: 'training',
    columns: [ID, IDX, ...OCCUPATION, ['level', 'int', false], ['date', 'date', true], ['certificate', 'bool', true], ['exam_passed', 'bool', true]],
    key: ['applicant_id', 'idx'],
  },
  { name: 'apprenticeships', columns: [ID, IDX, ...OCCUPATION, ['completed', 'date', true]], key: ['applicant_id', 'idx'] },
  {
    name: 'education',
    columns: [ID, IDX, ['level', 'text', false], ['track', 'text', true], ['assessed_target', 'text', true], ['major', 'text', true], ['major_key', 'text', true], ['major_relation', 'text', true], ['status', 'text', false], ['date', 'date', true]],
    key: ['applicant_id', 'idx'],
  },
  // A relation given per occupation ({"互联网营销师": "本职业"}): one row per key, in the object's order.
  { name: 'relations', columns: [ID, ['list', 'text', false], IDX, ['ord', 'int', false], ['occupation_key', 'text', false], ['value', 'text', false]], key: ['applicant_id', 'list', 'idx', 'ord'] },
  // Applicant categories (退役士兵 …) as given, in order.
  { name: 'categories', columns: [ID, IDX, ['name', 'text', false], ['name_key', 'text', false]], key: ['applicant_id', 'idx'] },
  // Declared facts in the object's order; a value is a number, a yes/no, or 无/none (is_none).
  { name: 'facts', columns: [ID, ['ord', 'int', false], ['name', 'text', false], ['name_key', 'text', false], ['number_value', 'double', true], ['bool_value', 'bool', true], ['is_none', 'bool', false]], key: ['applicant_id', 'ord'] },
];

function typeName(type: ColumnType, dialect: Dialect): string {
  switch (type) {
    case 'id':
      return 'BIGINT';
    case 'int':
      return 'INTEGER';
    case 'text':
      return dialect === 'duckdb' ? 'VARCHAR' : 'TEXT';
    case 'date':
      return 'DATE';
    case 'double':
      return 'DOUBLE PRECISION';
    case 'bool':
      return 'BOOLEAN';
  }
}

/** CREATE TABLE statements for the schema (`temporary`: session tables, for a batch run). */
export function schemaDdl(dialect: Dialect, options: { temporary?: boolean; keys?: boolean } = {}): string[] {
  const { temporary = false, keys = true } = options;
  return TABLES.map((t) => {
    const columns = t.columns.map(([name, type, nullable]) => `  ${name} ${typeName(type, dialect)}${nullable ? '' : ' NOT NULL'}`);
    return `CREATE ${temporary ? 'TEMPORARY ' : ''}TABLE ${t.name} (\n${[...columns, ...(keys ? [`  PRIMARY KEY (${t.key.join(', ')})`] : [])].join(',\n')}\n);`;
  });
}
