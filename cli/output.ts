// What the CLI prints for diagnostics and for `zige check`, kept apart from the commands so that
// a cached `zige check` (cli/check-cache.ts) prints without loading the compiler: this module
// needs only the message tables and the renderer.
import { relative } from 'node:path';
import { compareDiagnostics, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { diagnosticsDocument, githubAnnotation, type OutputFormat } from '../compiler/diagnostics/diagnostic-formats.js';
import { renderDiagnostic } from '../compiler/diagnostics/render.js';
import type { OutputLang } from '../runtime/words.js';

export interface Io {
  out(s: string): void;
  err(s: string): void;
  readFile(path: string): string;
  /** Whether stdout is a terminal. */
  isTTY: boolean;
  /** Whether stderr (where diagnostics go) is a terminal; defaults to `isTTY`. */
  errIsTTY?: boolean;
  /** Where streamed output goes (`eval --batch` without --out); default process.stdout. */
  stdout?: NodeJS.WritableStream;
  /** What `-` reads (`eval --batch -`); default process.stdin. */
  stdin?: NodeJS.ReadableStream;
}

export interface OutputOptions {
  lang: OutputLang;
  /** human (default), json or github. */
  format?: OutputFormat;
}

/** Diagnostics beyond this many are summarised as a count. */
const MAX_SHOWN = 50;

/** Paths in messages: relative to the working directory when inside it. */
export function display(p: string): string {
  const r = relative(process.cwd(), p);
  return r && !r.startsWith('..') ? r : p;
}

/**
 * Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). FORCE_COLOR
 * decides over both, as in Node and chalk: 0 or false turns colour off, any other value on, also
 * off a terminal (a CI log that shows colours). An empty variable counts as unset.
 */
export function useColor(io: Io): boolean {
  const force = process.env.FORCE_COLOR;
  if (force) return force !== '0' && force !== 'false';
  return (io.errIsTTY ?? io.isTTY) && !process.env.NO_COLOR;
}

/**
 * Prints diagnostics sorted by file and position. human: to stderr with code frames, the first
 * MAX_SHOWN and a count of the rest; github: workflow-command annotations to stdout (a summary to
 * stderr); json: one document {diagnostics, errors, warnings} to stdout.
 */
export function printDiagnostics(items: Diagnostic[], io: Io, lang: OutputLang, format: OutputFormat = 'human'): void {
  if (format === 'json') {
    io.out(JSON.stringify(diagnosticsDocument(items), null, 2));
    return;
  }
  const sources = new Map<string, string | undefined>();
  const sorted = [...items].sort(compareDiagnostics);
  if (format === 'github') {
    for (const d of sorted) io.out(githubAnnotation(d, lang));
    summarize(sorted, io);
    return;
  }
  for (const d of sorted.slice(0, MAX_SHOWN)) {
    let source: string | undefined;
    if (d.file && d.range) {
      if (!sources.has(d.file)) {
        try {
          sources.set(d.file, io.readFile(d.file));
        } catch {
          sources.set(d.file, undefined);
        }
      }
      source = sources.get(d.file);
    }
    io.err(renderDiagnostic(d, { lang, source, color: useColor(io) }));
  }
  if (sorted.length > MAX_SHOWN) io.err(`…… 另有 ${sorted.length - MAX_SHOWN} 条 / and ${sorted.length - MAX_SHOWN} more`);
  summarize(sorted, io);
}

function summarize(sorted: Diagnostic[], io: Io): void {
  const errors = sorted.filter((d) => d.severity === 'error').length;
  const warnings = sorted.length - errors;
  if (sorted.length > 0) io.err(`${errors} 个错误，${warnings} 个警告 / ${errors} error(s), ${warnings} warning(s)`);
}

/** The outcome of `zige check` as data: what it prints, in any format and language, follows from it. */
export interface CheckOutcome {
  /** Every diagnostic, in the order found (printing sorts them). */
  diagnostics: Diagnostic[];
  /** Whether the rules are usable (no errors). */
  ok: boolean;
  /** Rule files and clauses checked, for the summary line (0 when not ok). */
  files: number;
  clauses: number;
}

/** Prints the outcome of `zige check`; returns the exit code. */
export function printCheck(outcome: CheckOutcome, io: Io, options: OutputOptions): number {
  printDiagnostics(outcome.diagnostics, io, options.lang, options.format);
  if (!outcome.ok) return 1;
  if (options.format === 'json') return 0;
  io.out(`✓ ${outcome.files} 个规则文件，${outcome.clauses} 个条款，无错误 / ${outcome.files} rule files, ${outcome.clauses} clauses, no errors`);
  return 0;
}
