// What checking a rules directory reads from the file system. The checker reads through these
// functions; given a recorder, each reports what it saw (a file's text or why it could not be read,
// whether a path is a file, a directory's rule files), so that the check-result cache
// (cli/check-cache.ts) can later make the very same calls and compare. Only node:fs here: the
// cache's hit path loads this module without the compiler, yaml or chevrotain.
import { existsSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { errorCode } from './diagnostics.js';
import { EncodingError, encodingProblem } from './encoding.js';
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
 * A UTF-8 text file, reported; throws what readFileSync throws, and an EncodingError when the
 * file is not UTF-8 (GBK, UTF-16).
 */
export function readText(path: string, inputs?: InputRecorder): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    inputs?.read(path, { error: errorCode(e) });
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
