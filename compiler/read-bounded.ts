// Reading an input whose size is limited: reading stops one byte past the limit, so an endless
// stdin (`yes '{' | zige eval -`) or a huge or sparse file costs at most the limit in time and
// memory, instead of being read whole before its size is checked.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export type BoundedRead =
  | { over: false; bytes: Buffer }
  /** `size`: the input's size when known beforehand (a regular file), else undefined. */
  | { over: true; size: number | undefined };

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
 * The bytes of a file (or of stdin, for fd 0) when there are at most `max`, else `over`. A regular
 * file larger than `max` is refused from its size, unread. Throws what the file system throws.
 */
export function readBounded(source: string | 0, max: number): BoundedRead {
  const fd = source === 0 ? 0 : openSync(source, 'r');
  try {
    const stat = fstatSync(fd);
    if (stat.isFile() && stat.size > max) return { over: true, size: stat.size };
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, max + 1 - total));
      const n = readSome(fd, buf, 0, buf.length);
      if (n === 0) break;
      chunks.push(n === buf.length ? buf : buf.subarray(0, n));
      total += n;
      if (total > max) return { over: true, size: undefined }; // a pipe, or a file still growing
    }
    return { over: false, bytes: Buffer.concat(chunks, total) };
  } finally {
    if (source !== 0) closeSync(fd);
  }
}
