// The first pass over a rule file: the source document it cites, read once per run (a file
// inside the rules directory, or the text inline for a self-contained rule file). Why it cannot be
// read is reported at the `file:` value; the other passes check citations against its text.
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readText, realPath, type InputRecorder } from '../load/check-inputs.js';
import { EncodingError } from '../load/encoding.js';
import { FileTooLargeError } from '../load/read-bounded.js';
import type { RuleFileCheck, SourceContent } from './rule-file-check.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';

export function readSourceDocument(f: RuleFileCheck): void {
  const { ctx } = f;
  const cited = f.data.source;
  const name = cited.file ?? '(source.text)';
  const report = (code: DiagnosticCode, args: Record<string, string | number>): void => f.report(code, ['source', 'file'], { file: name, ...args });
  const path = cited.file !== undefined ? join(ctx.dir, cited.file) : `${ctx.file}#source.text`;
  f.source = { name, path, text: null };
  if (cited.text !== undefined) ctx.sources.set(path, cited.text);
  // A document outside the rules directory is never read: citations checked against any readable
  // file would reveal its contents.
  if (cited.file !== undefined && !insideRulesDir(ctx.dir, cited.file, ctx.inputs)) {
    report('E_SOURCE_OUTSIDE', {});
    return;
  }
  if (!ctx.sources.has(path)) {
    let content: SourceContent = null;
    try {
      content = readText(path, ctx.inputs);
    } catch (e) {
      content = e instanceof EncodingError ? e.problem : e instanceof FileTooLargeError ? e : null;
    }
    ctx.sources.set(path, content);
  }
  const source = ctx.sources.get(path) ?? null;
  if (source instanceof FileTooLargeError) report('E_SOURCE_TOO_LARGE', { size: source.size, max: source.max });
  // Not UTF-8: its sentences cannot be found, and saying so for each would hide why.
  else if (source !== null && typeof source === 'object') report('E_SOURCE_ENCODING', { line: source.line, col: source.col, byte: source.byte });
  else if (source === null) report('E_SOURCE_FILE', {});
  f.source.text = typeof source === 'string' ? source : null;
}

/**
 * Whether a rule file's `source.file` names a file inside the rules directory: a relative path
 * that stays inside it, and whose real path (symbolic links resolved) does too. A path that does
 * not exist is inside when it is so lexically (it is then reported as not found).
 */
function insideRulesDir(dir: string, file: string, inputs?: InputRecorder): boolean {
  const within = (base: string, path: string): boolean => {
    const r = relative(base, path);
    return r !== '' && r !== '..' && !r.startsWith(`..${sep}`) && !isAbsolute(r);
  };
  if (isAbsolute(file) || !within(resolve(dir), resolve(dir, file))) return false;
  const real = realPath(join(dir, file), inputs);
  if (real === undefined) return true;
  const realDir = realPath(dir, inputs);
  return realDir !== undefined && within(realDir, real);
}
