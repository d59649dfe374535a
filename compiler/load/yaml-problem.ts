// A YAML syntax problem of a rule file or the vocabulary as a diagnostic: at its line and column,
// worded in Chinese from the yaml library's error code (its English detail in the English line),
// and, where a value ends in a half-width colon (a source sentence copied with `:`), the hint to
// quote it.
import type { Diagnostic } from '../diagnostics/diagnostics.js';
import type { LineCounter } from 'yaml';
import { YAML_PROBLEMS_ZH } from '../diagnostics/messages.js';
import { rangeOfOffsets, type YamlProblem } from './yaml-positions.js';

/** `key: value:` (a list item's too): the value is plain, not quoted, and ends in `:`. */
const ENDS_IN_COLON = /^\s*(?:-\s+)?([^\s:#'"][^:#]*?):\s+([^\s'"[{].*:)\s*$/;

export function yamlDiagnostic(file: string | undefined, text: string, lineCounter: LineCounter, p: YamlProblem): Omit<Diagnostic, 'severity'> {
  const range = rangeOfOffsets(lineCounter, text, p.start, p.end);
  const where = { ...(file === undefined ? {} : { file }), range };
  const lineText = text.split('\n')[range.start.line - 1] ?? '';
  const colon = ENDS_IN_COLON.exec(lineText.replace(/\r$/, ''));
  if (colon) return { code: 'E_YAML_COLON', ...where, args: { key: colon[1], value: colon[2] } };
  const detailZh = YAML_PROBLEMS_ZH[p.code ?? 'OTHER'] ?? YAML_PROBLEMS_ZH.OTHER;
  return { code: 'E_YAML', ...where, args: { detail: p.detail, detailZh } };
}
