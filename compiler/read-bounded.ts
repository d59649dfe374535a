// Reading a file with a size limit: the size is checked (fstat) before anything is read, and no
// more than the limit plus one byte is ever read (a file growing meanwhile, or a device or pipe
// that reports no size, is cut off as well). Only node:fs here: the CLI's entry point loads it.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/** The largest rule file, vocabulary or source document that checking reads: 1 MiB. */
export const MAX_RULES_INPUT_BYTES = 1024 * 1024;

/**
 * Files read only to show a code frame: above every input limit (applicant profiles: 5 MB), so
 * that an input refused as too large is not read whole just to show its first line.
 */
export const MAX_SHOWN_FILE_BYTES = 8 * 1024 * 1024;

/** A file over its limit; `size` is its size, or what was read before the limit was passed. */
export class FileTooLargeError extends Error {
  constructor(
    readonly path: string,
    readonly size: number,
    readonly max: number,
  ) {
    super(`${path}: ${size} bytes, limit ${max}`);
  }
}

/** The bytes of a file of at most `max` bytes; throws FileTooLargeError, or what fs throws. */
export function readBounded(path: string, max: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    const { size } = fstatSync(fd);
    if (size > max) throw new FileTooLargeError(path, size, max);
    let buf = Buffer.allocUnsafe(size + 1); // one byte more: room to see the end of file
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        if (total > max) throw new FileTooLargeError(path, total, max);
        const bigger = Buffer.allocUnsafe(Math.min(max + 1, Math.max(2 * total, 64 * 1024)));
        buf.copy(bigger, 0, 0, total);
        buf = bigger;
      }
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) return buf.subarray(0, total);
      total += n;
    }
  } finally {
    closeSync(fd);
  }
}
