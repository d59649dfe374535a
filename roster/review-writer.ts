// Where the reviewed roster goes: an .xlsx written by exceljs's streaming writer (the main sheet
// with the result columns, rows coloured by result, then the summary and errors sheets) or a
// .csv (the main sheet only; the summary is printed and each row's problems are in its own
// cell). Both write to a temporary file beside the output and rename it when done: a reader sees
// the old file or the whole new one, and a failed run leaves no partial file.
import { renameSync, rmSync } from 'node:fs';
import { followLinks } from '../compiler/generate/atomic-write.js';
import { temporaryPath } from '../cli/batch-temporary.js';
import type { ResultKey } from './fields.js';
import type { Problem } from './read-fields.js';
import type { StatusWord } from './result-cells.js';

/** One row of the summary sheet. */
export interface SummaryRow {
  occupation: string;
  level: string;
  status: StatusWord;
  count: number;
}

export interface ReviewWriter {
  /** A row of the original sheet before its header (a title …), copied as it is. */
  copy(values: readonly unknown[]): void;
  /** The header row: the original headers, then the result columns. */
  header(values: readonly unknown[], width: number): void;
  /** An applicant's row: its original cells as they were, then its results (resolves when the output is ready for more). */
  row(values: readonly unknown[], results: Record<ResultKey, string>): void | Promise<void>;
  /** Writes the summary and the errors, and puts the file in place. */
  finish(summary: readonly SummaryRow[], problems: readonly Problem[]): Promise<void>;
  /** Removes the temporary file (after a failure). */
  abort(): void;
}

/** The temporary path beside `out` (through a symbolic link, beside the file it points to) and the final one. */
export function atomicTarget(out: string): { tmp: string; path: string; commit(): void; abort(): void } {
  const path = followLinks(out);
  const tmp = temporaryPath(path);
  return {
    tmp,
    path,
    commit: () => renameSync(tmp, path),
    abort: () => rmSync(tmp, { force: true }),
  };
}
