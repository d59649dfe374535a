// Ajv errors (profiles and rule files alike) put in words: one issue kind per keyword, each with the
// place to point at and the arguments of its message; the callers turn kinds into their own codes.
import type { ErrorObject } from 'ajv';
import { toPointer } from '../load/yaml-positions.js';
import { showValue } from './show-value.js';
import { simplifyErrors } from './simplify-errors.js';

/** Where in the data an issue should be shown. */
export type IssueAnchor = 'value' | 'key' | 'parent';

export interface SchemaIssue {
  /** Code suffix: REQUIRED, ADDITIONAL, TYPE … ('' for the fallback code). */
  kind: string;
  /** JSON Pointer of the node to point at (for `key`, the unknown property itself). */
  pointer: string;
  anchor: IssueAnchor;
  /** JSON Pointer of the field concerned (the missing or unknown field itself for required/additional). */
  path: string;
  args: Record<string, string | number>;
}

const TYPE_ZH: Record<string, string> = {
  string: '字符串',
  number: '数字',
  integer: '整数',
  boolean: '布尔值（true/false）',
  object: '映射（键值对）',
  array: '列表',
  null: '空值',
  'non-finite number': '非有限数（.inf 或 .nan）',
};

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return !Number.isFinite(v) ? 'non-finite number' : Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const field = (pointer: string): string => (pointer === '' ? '/' : pointer);

/** The keys an object schema allows, for messages: its properties, patterns and `propertyNames` enum. */
function allowedKeys(schema: Record<string, unknown> | undefined): string {
  const props = Object.keys((schema?.properties as Record<string, unknown> | undefined) ?? {});
  const patterns = Object.keys((schema?.patternProperties as Record<string, unknown> | undefined) ?? {}).map((p) => `/${p}/`);
  // the enum may list a key both as a string and as a number (rule-file.schema.json `expect`)
  const names = ((schema?.propertyNames as { enum?: unknown[] } | undefined)?.enum ?? []).map(String);
  return [...new Set([...props, ...patterns, ...names])].join('、') || '—';
}

/** What every issue of one error starts from: its place, and the schema that failed. */
interface Place {
  at: string;
  base: { field: string; path: string };
  parent: Record<string, unknown> | undefined;
}

type ToIssue = (e: ErrorObject, p: Place) => SchemaIssue;

/** An issue about the failing value itself. */
function valueIssue(kind: string, p: Place, args: Record<string, string | number>): SchemaIssue {
  return { kind, pointer: p.at, anchor: 'value', path: p.at, args: { ...p.base, ...args } };
}

const required: ToIssue = (e, p) => {
  const property = String(e.params.missingProperty);
  const path = `${p.at}${toPointer([property])}`;
  return { kind: 'REQUIRED', pointer: p.at, anchor: 'parent', path, args: { ...p.base, path, property } };
};

const requiredAny: ToIssue = (e, p) => {
  const props = (e.params.properties as string[]).join('、');
  return { kind: 'REQUIRED_ANY', pointer: p.at, anchor: 'parent', path: p.at, args: { ...p.base, properties: props } };
};

/** A key outside `properties`/`patternProperties`, or one its `propertyNames` rejects: an unknown field. */
const unknownKey: ToIssue = (e, p) => {
  const property = String(e.keyword === 'propertyNames' ? e.params.propertyName : e.params.additionalProperty);
  const path = `${p.at}${toPointer([property])}`;
  return { kind: 'ADDITIONAL', pointer: path, anchor: 'key', path, args: { ...p.base, path, property: showValue(property), allowed: allowedKeys(p.parent) } };
};

const wrongType: ToIssue = (e, p) => {
  const types = String(e.params.type).split(',');
  const actual = jsonType(e.data);
  return valueIssue('TYPE', p, {
    expected: types.join(' or '),
    expectedZh: types.map((t) => TYPE_ZH[t] ?? t).join('或'),
    actual,
    actualZh: TYPE_ZH[actual] ?? actual,
  });
};

const notAllowed: ToIssue = (e, p) => {
  const allowedValues = (e.keyword === 'const' ? [e.params.allowedValue] : (e.params.allowedValues as unknown[])) ?? [];
  return valueIssue('ENUM', p, { value: showValue(e.data), allowed: allowedValues.map((v) => showValue(v)).join('、') });
};

const pattern: ToIssue = (e, p) => {
  const description = typeof p.parent?.description === 'string' ? p.parent.description : '';
  return valueIssue('PATTERN', p, { value: showValue(e.data), pattern: String(e.params.pattern), hint: description || String(e.params.pattern) });
};

/** minimum, maximum, minLength, minItems, maxItems: the value and the limit it misses. */
const beyond =
  (kind: string): ToIssue =>
  (e, p) =>
    valueIssue(kind, p, { value: showValue(e.data), limit: Number(e.params.limit) });

/** Two equal items: pointed at the later one. */
const repeated: ToIssue = (e, p) => {
  const i = Number(e.params.i);
  const j = Number(e.params.j);
  const later = Math.max(i, j);
  const path = `${p.at}/${later}`;
  return { kind: 'UNIQUE', pointer: path, anchor: 'value', path, args: { ...p.base, first: Math.min(i, j), second: later } };
};

/** The issue for each keyword (after simplifyErrors); any other keyword gets the fallback, kind ''. */
const ISSUE_OF_KEYWORD = new Map<string, ToIssue>([
  ['required', required],
  ['requiredAny', requiredAny],
  ['additionalProperties', unknownKey],
  ['propertyNames', unknownKey],
  ['type', wrongType],
  ['enum', notAllowed],
  ['const', notAllowed],
  ['pattern', pattern],
  ['format', (e, p) => valueIssue('FORMAT', p, { value: showValue(e.data), format: String(e.params.format) })],
  // the only formatMinimum: the earliest date the runtime reads (runtime/dates.ts)
  ['formatMinimum', (e, p) => valueIssue('DATE_MIN', p, { value: showValue(e.data), limit: String(e.params.limit) })],
  ['minimum', beyond('MINIMUM')],
  ['maximum', beyond('MAXIMUM')],
  ['minLength', beyond('MIN_LENGTH')],
  ['minItems', beyond('MIN_ITEMS')],
  ['maxItems', beyond('MAX_ITEMS')],
  ['uniqueItems', repeated],
]);

const fallback: ToIssue = (e, p) => valueIssue('', p, { detail: e.message ?? e.keyword });

/** Maximum schema issues reported per file. */
export const MAX_ISSUES = 100;

/** Converts Ajv errors (allErrors, verbose) into issues in words. */
export function schemaIssues(errors: readonly ErrorObject[] | null | undefined): SchemaIssue[] {
  if (!errors) return [];
  return simplifyErrors([...errors])
    .slice(0, MAX_ISSUES)
    .map((e) => {
      const at = e.instancePath;
      const place: Place = { at, base: { field: field(at), path: at }, parent: e.parentSchema as Record<string, unknown> | undefined };
      return (ISSUE_OF_KEYWORD.get(e.keyword) ?? fallback)(e, place);
    });
}
