// Editor support: every rule file starts with a modeline naming its JSON Schema,
//   # yaml-language-server: $schema=../schema/rule-file.schema.json
// which the YAML extension of VS Code (yaml-language-server) reads to complete keys and flag
// wrong ones as you type. `zige check` warns when the line is missing or points nowhere.
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exists, listRuleFiles, readText, type InputRecorder } from './check-inputs.js';
import type { Diagnostic } from '../diagnostics/diagnostics.js';
import { packageRoot } from './package-root.js';

export const SCHEMA_FILE = 'rule-file.schema.json';
const MODELINE = /^#\s*yaml-language-server:\s*\$schema=(\S+)\s*$/;

/** The bundled rule-file schema. */
export function ruleFileSchemaPath(): string {
  return resolve(packageRoot(), 'schema', SCHEMA_FILE);
}

/** The first line a rule file at `file` should have: the schema as a path relative to the file. */
export function schemaComment(file: string): string {
  const rel = relative(dirname(resolve(file)), ruleFileSchemaPath()).split(sep).join('/');
  return `# yaml-language-server: $schema=${rel}`;
}

/**
 * A warning when the first line of a rule file does not name the rule-file schema: W_SCHEMA_COMMENT
 * when the line is missing, W_SCHEMA_COMMENT_PATH when the schema it names is not there (a relative
 * path or file: URL is resolved against the file; an http(s) URL must end in rule-file.schema.json).
 * `file` is the path to read from, `display` the name to show; `inputs` receives the existence test.
 */
export function schemaCommentDiagnostic(file: string, text: string, display: string = file, inputs?: InputRecorder): Diagnostic | undefined {
  const firstLine = text.replace(/^\ufeff/, '').split(/\r?\n/, 1)[0];
  const range = { start: { line: 1, col: 1 }, end: { line: 1, col: [...firstLine].length + 1 } };
  const expected = schemaComment(file);
  const m = MODELINE.exec(firstLine);
  if (!m) return { code: 'W_SCHEMA_COMMENT', severity: 'warning', file: display, range, args: { expected } };
  const ref = m[1];
  let ok: boolean;
  if (/^https?:\/\//.test(ref)) ok = ref.endsWith(`/${SCHEMA_FILE}`);
  else {
    let target: string;
    try {
      target = ref.startsWith('file:') ? fileURLToPath(ref) : isAbsolute(ref) ? ref : resolve(dirname(resolve(file)), ref);
    } catch {
      target = '';
    }
    ok = target !== '' && basename(target) === SCHEMA_FILE && exists(target, inputs);
  }
  return ok ? undefined : { code: 'W_SCHEMA_COMMENT_PATH', severity: 'warning', file: display, range, args: { schema: ref, expected } };
}

/**
 * The schema-line warnings of every rule file of a directory (unreadable files are skipped);
 * `inputs` receives every file-system read.
 */
export function checkSchemaComments(dir: string, display: (f: string) => string = (f) => f, inputs?: InputRecorder): Diagnostic[] {
  const out: Diagnostic[] = [];
  let files: string[];
  try {
    files = listRuleFiles(dir, inputs);
  } catch {
    return out;
  }
  for (const f of files) {
    const path = join(dir, f);
    let text: string;
    try {
      text = readText(path, inputs);
    } catch {
      continue;
    }
    const d = schemaCommentDiagnostic(path, text, display(path), inputs);
    if (d) out.push(d);
  }
  return out;
}
