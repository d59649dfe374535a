// Diagnostics are data ({code, range, args}); wording lives in one table per language (messages.ts)
// and rendering (file:line:col + code frame) in render.ts. Tests assert code and range, never wording.
import type { DiagnosticCode } from './messages.js';

/** A position in a file: 1-based line, 1-based column counted in Unicode code points. */
export interface Position {
  line: number;
  col: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: DiagnosticCode;
  severity: Severity;
  /** The file the range refers to (as given to the tool, relative where possible). */
  file?: string;
  range?: Range;
  /** JSON Pointer into a data file (profiles), when there is no source range. */
  path?: string;
  /** Values interpolated into the message templates. */
  args?: Record<string, string | number>;
  /** Known names close to an unknown one ("did you mean"). */
  suggestions?: string[];
}

/** Collects every problem of a run; callers fail after the stage if any error was reported. */
export class DiagnosticSink {
  readonly items: Diagnostic[] = [];

  report(d: Omit<Diagnostic, 'severity'> & { severity?: Severity }): void {
    this.items.push({ severity: 'error', ...d });
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === 'error');
  }

  /** Sorted by file, then position, then code: stable output whatever the order of discovery. */
  sorted(): Diagnostic[] {
    return [...this.items].sort(compareDiagnostics);
  }
}

/** The errno code of a failed file operation (ENOENT, EACCES …), else the error as text. */
export function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}

/** A file that could not be read or written, as a diagnostic naming it and the errno code. */
export function fileError(code: 'E_READ' | 'E_WRITE', file: string, e: unknown): Omit<Diagnostic, 'severity'> {
  return { code, file, args: { file, detail: errorCode(e) } };
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.file ?? '';
  const fb = b.file ?? '';
  if (fa !== fb) return fa < fb ? -1 : 1;
  const la = a.range?.start.line ?? 0;
  const lb = b.range?.start.line ?? 0;
  if (la !== lb) return la - lb;
  const ca = a.range?.start.col ?? 0;
  const cb = b.range?.start.col ?? 0;
  if (ca !== cb) return ca - cb;
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}
