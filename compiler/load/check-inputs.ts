// What checking a rules directory reads from the file system. The checker reads through these
// functions; given a recorder, each reports what it saw (a file's text or why it could not be read,
// whether a path is a file, a directory's rule files), so that the check-result cache
// (cli/check-cache.ts) can later make the very same calls and compare. Only node:fs here: the
// cache's hit path loads this module without the compiler, yaml or chevrotain.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { errorCode, type Diagnostic } from '../diagnostics/diagnostics.js';
import { EncodingError, encodingDiagnostic, encodingProblem } from './encoding.js';
import { FileTooLargeError, MAX_RULES_INPUT_BYTES, readBounded } from './read-bounded.js';
import { join } from 'node:path';

export const VOCABULARY_FILE = 'vocabulary.yaml';

/** Receives every file-system read of a check, as it happens. */
export interface InputRecorder {
  /** A file read as UTF-8: its text, or the error code when it could not be read. */
  read(path: string, result: { text: string } | { error: string }): void;
  /** Whether a path is a regular file (`isFile`) or exists at all (`exists`). */
  probe(path: string, test: 'isFile' | 'exists', result: boolean): void;
  /** The rule files of a directory (`listRuleFiles`), or the error code when it cannot be listed. */
  list(dir: string, result: { files: string[] } | { error: string }): void;
  /** The real path of a path (`realPath`), or the error code when it has none. */
  resolve(path: string, result: { path: string } | { error: string }): void;
}

/** Rule files of a directory: its *.yaml and *.yml files except the vocabulary, sorted. */
export function listRuleFiles(dir: string, inputs?: InputRecorder): string[] {
  let files: string[];
  try {
    files = readdirSync(dir)
      .filter((f) => /\.ya?ml$/.test(f) && f !== VOCABULARY_FILE)
      .filter((f) => statSync(join(dir, f)).isFile())
      .sort();
  } catch (e) {
    inputs?.list(dir, { error: errorCode(e) });
    throw e;
  }
  inputs?.list(dir, { files });
  return files;
}

/**
 * A UTF-8 text file of at most MAX_RULES_INPUT_BYTES, reported; throws what fs throws, a
 * FileTooLargeError (before reading it), and an EncodingError when it is not UTF-8 (GBK, UTF-16).
 */
export function readText(path: string, inputs?: InputRecorder): string {
  let bytes: Buffer;
  try {
    bytes = readBounded(path, MAX_RULES_INPUT_BYTES);
  } catch (e) {
    inputs?.read(path, { error: e instanceof FileTooLargeError ? `E_FILE_TOO_LARGE@${e.size}` : errorCode(e) });
    throw e;
  }
  const problem = encodingProblem(bytes);
  if (problem) {
    // All that checking makes of such a file: a cached result stays right while this is the same.
    inputs?.read(path, { error: `${problem.code}@${problem.line}:${problem.col}:${problem.byte}` });
    throw new EncodingError(path, problem);
  }
  const text = bytes.toString('utf8');
  inputs?.read(path, { text });
  return text;
}

/** Whether `path` is a regular file (false when it cannot be stat'ed), reported. */
export function isFile(path: string, inputs?: InputRecorder): boolean {
  let result: boolean;
  try {
    result = statSync(path).isFile();
  } catch {
    result = false;
  }
  inputs?.probe(path, 'isFile', result);
  return result;
}

/** existsSync(path), reported. */
export function exists(path: string, inputs?: InputRecorder): boolean {
  const result = existsSync(path);
  inputs?.probe(path, 'exists', result);
  return result;
}

/** The path with every symbolic link resolved (realpathSync), or undefined when it does not exist; reported. */
export function realPath(path: string, inputs?: InputRecorder): string | undefined {
  try {
    const real = realpathSync(path);
    inputs?.resolve(path, { path: real });
    return real;
  } catch (e) {
    inputs?.resolve(path, { error: errorCode(e) });
    return undefined;
  }
}

/**
 * The diagnostic for a file readText refused: not UTF-8, or too large (at line 1, column 1);
 * undefined for other errors, which each caller words.
 */
export function refusedFile(file: string, e: unknown): Omit<Diagnostic, 'severity'> | undefined {
  if (e instanceof EncodingError) return encodingDiagnostic(file, e.problem);
  if (e instanceof FileTooLargeError) {
    const start = { line: 1, col: 1 };
    return { code: 'E_FILE_TOO_LARGE', file, range: { start, end: start }, args: { file, size: e.size, max: e.max } };
  }
  return undefined;
}
