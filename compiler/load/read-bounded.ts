// Reading an input whose size is limited: a regular file larger than the limit is refused from its
// size (fstat) before anything is read, and no more than the limit plus one byte is ever read, so
// an endless stdin (`yes '{' | zige eval -`), a device, or a file growing meanwhile is cut off too.
// Only node:fs here: the CLI's entry point loads it.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The largest rule file, vocabulary or source document that checking reads: 1 MiB. */
export const MAX_RULES_INPUT_BYTES = 1024 * 1024;

/**
 * Files read only to show a code frame: above every input limit (applicant profiles: 5 MB), so
 * that an input refused as too large is not read whole just to show its first line.
 */
export const MAX_SHOWN_FILE_BYTES = 8 * 1024 * 1024;

/**
 * An input over its limit. `size`: a regular file's size; for a pipe or device, what was read
 * when the limit was passed (`sizeKnown` false).
 */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly max: number,
    readonly sizeKnown = true,
  ) {
    super(`${path}: ${size} bytes, limit ${max}`);
  }
}

const CHUNK = 64 * 1024;

/** readSync that waits and retries when a non-blocking stdin has no data yet (EAGAIN). */
function readSome(fd: number, buf: Buffer, offset: number, length: number): number {
  for (;;) {
    try {
      return readSync(fd, buf, offset, length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
}

/**
 * The bytes of a file (or of stdin, for fd 0) of at most `max` bytes. Throws FileTooLargeError,
 * or what the file system throws.
 */
export function readBounded(source: string | 0, max: number): Buffer {
  const fd = source === 0 ? 0 : openSync(source, 'r');
  const name = source === 0 ? '<stdin>' : source;
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > max) throw new FileTooLargeError(name, stat.size, max);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, max + 1 - total));
      const n = readSome(fd, buf, 0, buf.length);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > max) throw new FileTooLargeError(name, total, max, stat.isFile()); // a file still growing has a known size
    }
    return Buffer.concat(chunks, total);
  } finally {
    if (source !== 0) closeSync(fd);
  }
}
