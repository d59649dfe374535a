// JSON lines input of `zige eval --batch` in chunks cut at record boundaries, read a block at a
// time: memory stays bounded whatever the size of the input.
import { closeSync, createReadStream, openSync, readSync } from 'node:fs';
import { bomLength } from '../compiler/load/encoding.js';
import type { RecordsPiece } from './batch-csv.js';

/** Bytes read at a time; a chunk is what they hold up to the last record boundary. */
const BLOCK_BYTES = 256 * 1024;

/** Number of lines of a file (newline count, plus a last line without one), read in blocks. */
export function countLines(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n = 0;
    let last = 10;
    for (;;) {
      const read = readSync(fd, buf, 0, buf.length, null);
      if (read === 0) break;
      n += countNewlines(buf.subarray(0, read));
      last = buf[read - 1];
    }
    return last === 10 ? n : n + 1;
  } finally {
    closeSync(fd);
  }
}

/** Offset just after the last newline of `buf` (JSON lines: a record boundary); 0 if none. */
function boundary(buf: Uint8Array): number {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.length).lastIndexOf(10) + 1;
}

function countNewlines(bytes: Uint8Array): number {
  // Buffer's indexOf (memchr), much faster than Uint8Array's
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

export interface Chunk {
  /** Number of the chunk's first line in the input. */
  firstLine: number;
  /** UTF-8 bytes, a whole number of records: a view of the blocks read (copied only to go to a worker). */
  bytes: Uint8Array;
}

/** A chunk of the input file by its place in the file, for worker threads that read it themselves. */
export interface Range {
  firstLine: number;
  position: number;
  length: number;
}

/** A piece of input to judge: JSON lines read, a range of the input file, or the records of a CSV input. */
export type Piece = Chunk | Range | RecordsPiece;

/**
 * The input file in ranges cut at record boundaries, as `chunks` cuts them. The main thread reads
 * each block only to find where its records end and to count its lines, always into the same
 * buffer (grown only for a record longer than it): it keeps no input and allocates nothing per
 * chunk, and the worker threads read their ranges themselves.
 */
export function* ranges(fd: number): Generator<Range> {
  let buf = Buffer.allocUnsafeSlow(BLOCK_BYTES);
  let position = bomLength(buf.subarray(0, readSync(fd, buf, 0, 3, 0)));
  let line = 1;
  for (;;) {
    let read = 0;
    for (let n = -1; n !== 0 && read < buf.length; read += n) n = readSync(fd, buf, read, buf.length - read, position + read);
    if (read === 0) return;
    const view = buf.subarray(0, read);
    // a short read is the end of the file: the rest is the last chunk, with or without a newline
    const end = read < buf.length ? read : boundary(view);
    if (end === 0) {
      buf = Buffer.allocUnsafeSlow(buf.length * 2); // no record ends in the block: read more at once
      continue;
    }
    yield { firstLine: line, position, length: end };
    line += countNewlines(view.subarray(0, end));
    position += end;
  }
}

/**
 * JSON lines input in chunks cut at newlines, read BLOCK_BYTES at a time: memory stays bounded
 * whatever the size of the input.
 */
export async function* chunks(input: string, stdin: NodeJS.ReadableStream): AsyncGenerator<Chunk> {
  const stream = input === '-' ? stdin : createReadStream(input, { highWaterMark: BLOCK_BYTES });
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  let first = true;
  for await (const block of stream as AsyncIterable<Buffer>) {
    let buf: Uint8Array = carry.length > 0 ? Buffer.concat([carry, block]) : block;
    if (first) {
      first = false;
      buf = buf.subarray(bomLength(buf));
    }
    const end = boundary(buf);
    if (end > 0) {
      const bytes = buf.subarray(0, end);
      yield { firstLine: line, bytes };
      line += countNewlines(bytes);
    }
    carry = buf.subarray(end);
  }
  if (carry.length > 0) yield { firstLine: line, bytes: carry };
}
