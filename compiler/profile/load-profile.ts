// Loading an applicant profile (JSON or YAML): limits, parse errors, reserved and duplicate keys,
// then the profile schema and the checks it cannot express.
import type { Diagnostic, DiagnosticSink } from '../diagnostics/diagnostics.js';
import type { Profile } from '../../runtime/profile.js';
import { duplicateKeys, mayHaveDuplicateKeys } from './json-duplicate-keys.js';
import { MAX_DEPTH, lineCountFor, nestingDepth, parseYaml, rangeOfOffsets, toPointer } from '../load/yaml-positions.js';
import { getValidators } from './validators.js';
import { jsonErrorOffset } from './json-errors.js';
import { schemaIssues } from './schema-issues.js';
import { showValue } from './show-value.js';

// ---------------------------------------------------------------------------------------------
// Semantic checks the schema cannot express

export interface ProfileProblem {
  code: 'E_PROFILE_DATE' | 'E_PROFILE_PERIOD';
  /** JSON Pointer relative to the profile. */
  path: string;
  args: Record<string, string | number>;
}

/** Whether `YYYY-MM-DD` names a real calendar date (proleptic Gregorian). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days;
}

/**
 * Checks the schema cannot express: a work period whose `to` is before its `from`. Safe on data that
 * failed schema validation (only well-formed entries are looked at).
 */
export function checkProfileSemantics(profile: unknown): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  if (profile === null || typeof profile !== 'object' || Array.isArray(profile)) return problems;
  const work = (profile as { work?: unknown }).work;
  if (!Array.isArray(work)) return problems;
  work.forEach((w: unknown, i) => {
    if (w === null || typeof w !== 'object') return;
    const { from, to } = w as { from?: unknown; to?: unknown };
    // compared first: the dates are parsed only for the rare period that ends before it starts
    if (typeof from === 'string' && typeof to === 'string' && to < from && isCalendarDate(from) && isCalendarDate(to))
      problems.push({ code: 'E_PROFILE_PERIOD', path: `/work/${i}/to`, args: { path: `/work/${i}/to`, from, to } });
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Loading

/** Profiles larger than this are refused (E_PROFILE_TOO_LARGE). */
export const MAX_PROFILE_BYTES = 5 * 1024 * 1024;

/** The refusal of a profile over MAX_PROFILE_BYTES; `size` undefined when reading stopped at the limit (stdin). */
export function profileTooLarge(file: string, size: number | undefined): Omit<Diagnostic, 'severity'> {
  return { code: 'E_PROFILE_TOO_LARGE', file, path: '', args: { size: size ?? `>${MAX_PROFILE_BYTES}`, max: MAX_PROFILE_BYTES } };
}

const PROFILE_CODE: Record<string, string> = {
  REQUIRED: 'E_PROFILE_REQUIRED',
  REQUIRED_ANY: 'E_PROFILE_REQUIRED_ANY',
  ADDITIONAL: 'E_PROFILE_ADDITIONAL',
  TYPE: 'E_PROFILE_TYPE',
  ENUM: 'E_PROFILE_ENUM',
  PATTERN: 'E_PROFILE_PATTERN',
  FORMAT: 'E_PROFILE_DATE', // the only format is `date`: a well-formed but impossible date
  DATE_MIN: 'E_PROFILE_DATE_MIN',
  MINIMUM: 'E_PROFILE_MINIMUM',
  MAXIMUM: 'E_PROFILE_MAXIMUM',
  MIN_LENGTH: 'E_PROFILE_MIN_LENGTH',
};

/** Keys that must never reach code that indexes objects with user text. */
const HOSTILE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The number of keys in the data, all levels, or -1 when it may nest deeper than MAX_DEPTH or hold
 * a hostile key: one walk that allocates nothing, for the common clean profile (recursion stops at
 * MAX_DEPTH, so deep input is safe). `for…in` sees every own enumerable key (and inherited ones:
 * see mayHaveDuplicateKeys); the exact reports are built by nestingDepth and hostileKeys on -1.
 */
function keysUnlessHostile(v: object, depth: number): number {
  if (depth >= MAX_DEPTH) return -1;
  let n = 0;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const c: unknown = v[i];
      if (typeof c !== 'object' || c === null) continue;
      const inner = keysUnlessHostile(c, depth + 1);
      if (inner < 0) return -1;
      n += inner;
    }
    return n;
  }
  for (const k in v) {
    if (HOSTILE_KEYS.has(k)) return -1;
    n++;
    const c = (v as Record<string, unknown>)[k];
    if (typeof c !== 'object' || c === null) continue;
    const inner = keysUnlessHostile(c, depth + 1);
    if (inner < 0) return -1;
    n += inner;
  }
  return n;
}

/** Own keys named __proto__/constructor/prototype anywhere in the data (iterative: input may be deep). */
function hostileKeys(data: unknown): string[] {
  const found: string[] = [];
  const stack: Array<[unknown, string]> = [[data, '']];
  while (stack.length > 0 && found.length < 20) {
    const [v, p] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (Array.isArray(v)) {
      v.forEach((c, i) => stack.push([c, `${p}/${i}`]));
      continue;
    }
    for (const k of Object.keys(v)) {
      const path = `${p}${toPointer([k])}`;
      if (HOSTILE_KEYS.has(k)) found.push(path);
      stack.push([(v as Record<string, unknown>)[k], path]);
    }
  }
  return found;
}

function parseJson(file: string, text: string, sink: DiagnosticSink): { ok: true; data: unknown } | { ok: false } {
  try {
    return { ok: true, data: JSON.parse(text) as unknown };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError) {
      sink.report({ code: 'E_PROFILE_PARSE', file, path: '', args: { detail: 'nesting too deep' } });
      return { ok: false };
    }
    const found = jsonErrorOffset(text);
    const m = /position (\d+)/.exec(message);
    const offset = found >= 0 ? found : m ? Number(m[1]) : 0;
    const lc = lineCountFor(text);
    sink.report({ code: 'E_PROFILE_PARSE', file, range: rangeOfOffsets(lc, text, offset, offset + 1), args: { detail: message } });
    return { ok: false };
  }
}

/**
 * Parses and validates an applicant profile (JSON when the text starts with `{` or `[`, else YAML
 * 1.2 core, so dates stay strings). Problems go to the sink with a JSON Pointer `path` (parse errors
 * with a `range`); returns undefined when any error was reported.
 */
export function loadProfile(file: string, text: string, sink: DiagnosticSink): Profile | undefined {
  const before = sink.items.length;
  const failed = (): boolean => sink.items.slice(before).some((d) => d.severity === 'error');
  const bytes = text.length > MAX_PROFILE_BYTES / 3 ? Buffer.byteLength(text, 'utf8') : text.length;
  if (bytes > MAX_PROFILE_BYTES) {
    sink.report(profileTooLarge(file, bytes));
    return undefined;
  }
  const body = text.replace(/^\uFEFF/, '');
  let data: unknown;
  const json = /^\s*[{[]/.test(body);
  if (json) {
    const parsed = parseJson(file, body, sink);
    if (!parsed.ok) return undefined;
    data = parsed.data;
  } else {
    const parsed = parseYaml(body);
    for (const p of parsed.problems) {
      // a second document (`---`): in our words, not yaml's advice to call parseAllDocuments()
      const code = p.code === 'MULTIPLE_DOCS' ? 'E_PROFILE_MULTIPLE_DOCS' : 'E_PROFILE_PARSE';
      sink.report({ code, file, range: rangeOfOffsets(parsed.lineCounter, body, p.start, p.end), args: { detail: p.detail } });
    }
    if (parsed.problems.length > 0) return undefined;
    data = parsed.data;
  }
  const keys = typeof data === 'object' && data !== null ? keysUnlessHostile(data, 0) : 0;
  if (keys < 0) {
    if (nestingDepth(data) > MAX_DEPTH) {
      sink.report({ code: 'E_PROFILE_PARSE', file, path: '', args: { detail: `nesting too deep (limit ${MAX_DEPTH} levels)` } });
      return undefined;
    }
    const hostile = hostileKeys(data);
    for (const path of hostile) sink.report({ code: 'E_PROFILE_RESERVED_KEY', file, path, args: { path, property: path.split('/').pop() ?? '' } });
  }
  // the nesting is within MAX_DEPTH here: the key count may recurse
  if (json && (keys < 0 || mayHaveDuplicateKeys(body, keys))) {
    const lc = lineCountFor(body);
    for (const d of duplicateKeys(body))
      sink.report({ code: 'E_PROFILE_DUPLICATE_KEY', file, path: d.path, range: rangeOfOffsets(lc, body, d.offset, d.offset + d.length), args: { path: d.path, key: showValue(d.key) } });
  }
  if (failed()) return undefined;

  const validate = getValidators().profile;
  if (!validate(data)) {
    for (const issue of schemaIssues(validate.errors)) {
      const code = PROFILE_CODE[issue.kind] ?? 'E_PROFILE_SCHEMA';
      const args = code === 'E_PROFILE_SCHEMA' ? { ...issue.args, path: issue.path } : issue.args;
      sink.report({ code, file, path: issue.path, args });
    }
  }
  for (const p of checkProfileSemantics(data)) sink.report({ code: p.code, file, path: p.path, args: p.args });
  return failed() ? undefined : (data as Profile);
}

/** JSON Pointers of entries whose relation is one value, which needs one judged occupation. */
export function singleRelations(profile: Profile): string[] {
  const out: string[] = [];
  for (const key of ['work', 'certificates', 'training', 'apprenticeships'] as const) {
    (profile[key] ?? []).forEach((e, i) => {
      if (typeof e.relation === 'string') out.push(`/${key}/${i}/relation`);
    });
  }
  (profile.education ?? []).forEach((e, i) => {
    if (typeof e.majorRelation === 'string') out.push(`/education/${i}/majorRelation`);
  });
  return out;
}
