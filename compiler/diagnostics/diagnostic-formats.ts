// Diagnostics for machines: one JSON document, or GitHub Actions workflow commands that annotate
// the pull request's diff (`::error file=…,line=…::message`). Human output is render.ts.
import type { Diagnostic } from './diagnostics.js';
import { compareDiagnostics } from './diagnostics.js';
import { formatMessage } from './messages.js';
import type { OutputLang } from '../../runtime/words.js';
import { sanitize } from './sanitize.js';

export type OutputFormat = 'human' | 'json' | 'github';

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['human', 'json', 'github'];

/** One diagnostic in `--format json`: positions 1-based, columns in Unicode code points. */
export interface JsonDiagnostic {
  code: string;
  severity: 'error' | 'warning';
  file: string | null;
  line: number | null;
  col: number | null;
  endLine: number | null;
  endCol: number | null;
  /** JSON Pointer into a data file (applicant profiles), when there is no source position. */
  path: string | null;
  message: { zh: string; en: string };
  suggestions?: string[];
}

export interface DiagnosticsDocument {
  diagnostics: JsonDiagnostic[];
  errors: number;
  warnings: number;
}

export function toJsonDiagnostic(d: Diagnostic): JsonDiagnostic {
  return {
    code: d.code,
    severity: d.severity,
    file: d.file ?? null,
    line: d.range?.start.line ?? null,
    col: d.range?.start.col ?? null,
    endLine: d.range?.end.line ?? null,
    endCol: d.range?.end.col ?? null,
    path: d.path ?? null,
    message: { zh: formatMessage(d, 'zh'), en: formatMessage(d, 'en') },
    ...(d.suggestions && d.suggestions.length > 0 ? { suggestions: d.suggestions } : {}),
  };
}

/** Every diagnostic, sorted by file and position, with the counts. */
export function diagnosticsDocument(items: readonly Diagnostic[]): DiagnosticsDocument {
  const sorted = [...items].sort(compareDiagnostics);
  const errors = sorted.filter((d) => d.severity === 'error').length;
  return { diagnostics: sorted.map(toJsonDiagnostic), errors, warnings: sorted.length - errors };
}

/**
 * Workflow-command message data: `%`, CR and LF are percent-encoded (so that no text starts a
 * command line of its own), then the rest is sanitised like human output (ESC, bidi controls).
 */
export function escapeGithubData(s: string): string {
  return sanitize(s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

/** Workflow-command property values: as data, and `:` and `,` too. */
export function escapeGithubProperty(s: string): string {
  return escapeGithubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One diagnostic as a GitHub Actions annotation: `::error file=F,line=L,col=C,endLine=L2,
 * endColumn=C2,title=CODE::message` (`::warning` for warnings). With `lang` both, the message is
 * the Chinese line, then the English one.
 */
export function githubAnnotation(d: Diagnostic, lang: OutputLang = 'both'): string {
  const props: string[] = [];
  if (d.file !== undefined) props.push(`file=${escapeGithubProperty(d.file)}`);
  if (d.range) {
    props.push(`line=${d.range.start.line}`, `col=${d.range.start.col}`);
    props.push(`endLine=${d.range.end.line}`, `endColumn=${d.range.end.col}`);
  }
  props.push(`title=${escapeGithubProperty(d.code)}`);
  const at = d.range === undefined && d.path !== undefined ? `${d.path === '' ? '(root)' : d.path}: ` : '';
  const lines = lang === 'both' ? [formatMessage(d, 'zh'), formatMessage(d, 'en')] : [formatMessage(d, lang)];
  if (d.suggestions && d.suggestions.length > 0) {
    lines.push(lang === 'zh' ? `是否想写：${d.suggestions.join('、')}？` : `did you mean: ${d.suggestions.join(', ')}?`);
  }
  const command = d.severity === 'warning' ? 'warning' : 'error';
  return `::${command} ${props.join(',')}::${escapeGithubData(at + lines.join('\n'))}`;
}
