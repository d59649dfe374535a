// Reading an applicant profile (JSON or YAML): size limit, parse errors with positions, nesting
// limit, reserved and duplicate keys, then the profile schema and the checks it cannot express.
import type { Diagnostic, DiagnosticSink } from '../diagnostics/diagnostics.js';
import type { Profile } from '../../runtime/profile.js';
import { MAX_DEPTH, lineCountFor, nestingDepth, parseYaml, rangeOfOffsets } from '../load/yaml-positions.js';
import { duplicateKeys, mayHaveDuplicateKeys } from './json-duplicate-keys.js';
import { jsonErrorOffset } from './json-errors.js';
import { checkProfileSemantics } from './profile-semantics.js';
import { hostileKeys, keysUnlessHostile } from './reserved-keys.js';
import { schemaIssues } from './schema-issues.js';
import { showValue } from './show-value.js';
import { getValidators } from './validators.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';

/** Profiles larger than this are refused (E_PROFILE_TOO_LARGE). */
export const MAX_PROFILE_BYTES = 5 * 1024 * 1024;

/** The refusal of a profile over MAX_PROFILE_BYTES; `size` undefined when reading stopped at the limit (stdin). */
export function profileTooLarge(file: string, size: number | undefined): Omit<Diagnostic, 'severity'> {
  return { code: 'E_PROFILE_TOO_LARGE', file, path: '', args: { size: size ?? `>${MAX_PROFILE_BYTES}`, max: MAX_PROFILE_BYTES } };
}

const PROFILE_CODE: Record<string, DiagnosticCode> = {
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
