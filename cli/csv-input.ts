// The one reader of CSV input (RFC 4180, through csv-parse) and the check of a text file's
// encoding. The file is read once, block by block, in constant memory, on the calling thread:
// records come out with the lines they start and end on, their fields as bytes (so that a field
// that is not UTF-8 is reported, never decoded into replacement characters). A record the parser
// cannot read (a quote not closed, a stray quote, a record over the size limit) comes out as a
// failure at the line it starts on, and reading starts again on the next line: every line of
// the file ends up in a record read or in one reported, never silently dropped.
import { isUtf8 } from 'node:buffer';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { Parser, type Options } from 'csv-parse';
import { bomLength, encodingProblem, hasUtf16Bom, type EncodingProblem } from '../compiler/load/encoding.js';
import type { DiagnosticCode } from '../compiler/diagnostics/messages.js';

/** Why a record could not be read: a diagnostic code of compiler/messages.ts and its arguments. */
export interface RecordFailure {
  code: DiagnosticCode;
  args: Record<string, string | number>;
}

export interface CsvRecord {
  /** Lines of the file (from 1) the record starts and ends on. */
  line: number;
  lastLine: number;
  /** The fields as bytes; empty when `failure` says why the record could not be read. */
  fields: Uint8Array[];
  failure?: RecordFailure;
  /** The first field that is not UTF-8, if any (its first bad byte). */
  encoding?: EncodingProblem;
}

/** What the reader did, for tests and the bench: bytes read from the file and handed to the parser, bytes scanned for line breaks. */
export interface CsvReadStats {
  blocks: number;
  bytesParsed: number;
  bytesScanned: number;
}

export interface CsvReadOptions {
  /** Largest record, in bytes of its fields (csv-parse `max_record_size`). */
  maxRecordBytes: number;
  blockBytes?: number;
  stats?: CsvReadStats;
}

/** A text file's encoding as far as its first bytes tell: UTF-16 (refused), or UTF-8 with a byte-order mark of `bom` bytes (0 or 3). */
export function fileEncoding(fd: number): { utf16: boolean; bom: number } {
  const head = Buffer.alloc(3);
  const n = readSync(fd, head, 0, 3, 0);
  const bytes = head.subarray(0, n);
  return { utf16: hasUtf16Bom(bytes), bom: bomLength(bytes) };
}

/** Opens `path` and checks its encoding as `fileEncoding` does. */
export function pathEncoding(path: string): { utf16: boolean; bom: number } {
  const fd = openSync(path, 'r');
  try {
    return fileEncoding(fd);
  } finally {
    closeSync(fd);
  }
}

const PARSER_OPTIONS: Options = {
  encoding: null, // fields as bytes: checked for UTF-8 before they are decoded
  record_delimiter: ['\r\n', '\n'], // a bare CR is data, as in the rest of zige
  skip_empty_lines: true,
  relax_column_count: true,
};

/** csv-parse error codes → the code of the record failure. */
const FAILURES: Record<string, DiagnosticCode> = {
  CSV_QUOTE_NOT_CLOSED: 'E_CSV_QUOTE_NOT_CLOSED',
  CSV_INVALID_CLOSING_QUOTE: 'E_CSV_QUOTE_CLOSING',
  INVALID_OPENING_QUOTE: 'E_CSV_QUOTE_STRAY',
  CSV_MAX_RECORD_SIZE: 'E_CSV_RECORD_TOO_LARGE',
};

/** The records of the CSV file open as `fd` (a regular file: reading resumes by offset; a UTF-8 byte-order mark skipped), in file order. */
export function* readCsv(fd: number, o: CsvReadOptions): Generator<CsvRecord> {
  let from: { offset: number; line: number } | null = { offset: fileEncoding(fd).bom, line: 1 };
  while (from) from = yield* parseFrom(fd, from.offset, from.line, o);
}

/**
 * Line numbers of parser offsets: counts line breaks in the blocks fed to the parser, each byte
 * once, keeping only the blocks past the last offset asked for.
 */
class LineCounter {
  private readonly blocks: { at: number; bytes: Buffer }[] = [];
  private at = 0;
  private line: number;
  constructor(
    first: number,
    private readonly stats: CsvReadStats | undefined,
  ) {
    this.line = first;
  }

  add(at: number, bytes: Buffer): void {
    this.blocks.push({ at, bytes });
  }

  /** The line holding the byte at `offset` (offsets only grow). */
  lineAt(offset: number): number {
    while (this.at < offset && this.blocks.length > 0) {
      const { at, bytes } = this.blocks[0];
      const end = Math.min(offset, at + bytes.length);
      for (let i = bytes.indexOf(10, this.at - at); i >= 0 && at + i < end; i = bytes.indexOf(10, i + 1)) this.line++;
      if (this.stats) this.stats.bytesScanned += end - this.at;
      this.at = end;
      if (end === at + bytes.length) this.blocks.shift();
      else break;
    }
    return this.line;
  }
}

/**
 * Parses the file from `start` (the start of line `firstLine`) to its end, yielding records; on a
 * record the parser cannot read, yields it as a failure and returns where reading goes on (the
 * next line), or null at the end.
 */
function* parseFrom(fd: number, start: number, firstLine: number, o: CsvReadOptions): Generator<CsvRecord, { offset: number; line: number } | null> {
  // Records are taken as the parser makes them (not through the stream, which drops what it
  // holds on an error); the parser is fed synchronously, block by block.
  const parsed: ParsedRecord[] = [];
  const parser = new Parser({
    ...PARSER_OPTIONS,
    max_record_size: o.maxRecordBytes,
    on_record: (record, info) => {
      // typed for the default string fields; with `encoding: null` they are Buffers
      parsed.push({ record: record as unknown as Buffer[], bytes: info.bytes, empty: info.empty_lines });
      return null;
    },
  });
  parser.on('error', () => {}); // read from `errored` below, as soon as it happens
  const lines = new LineCounter(firstLine, o.stats);
  let end = 0; // parser offset just after the last record
  let empty = 0; // empty lines skipped before it
  // a new block each time (the parser and the line counter keep views of the last ones), no
  // larger than the file: small files are common
  const size = fstatSync(fd).size;
  const blockBytes = size > start ? Math.min(o.blockBytes ?? 256 * 1024, size - start) : (o.blockBytes ?? 256 * 1024);
  for (let fed = 0, done = false; !done; ) {
    const block = Buffer.allocUnsafe(blockBytes);
    const n = readSync(fd, block, 0, blockBytes, start + fed);
    if (n > 0) {
      lines.add(fed, block.subarray(0, n));
      parser.write(block.subarray(0, n));
      fed += n;
      if (o.stats) {
        o.stats.blocks++;
        o.stats.bytesParsed += n;
      }
    } else {
      parser.end();
      done = true;
    }
    for (const r of parsed.splice(0)) {
      const line = lines.lineAt(end) + r.empty - empty;
      const lastLine = lines.lineAt(r.bytes - 1);
      end = r.bytes;
      empty = r.empty;
      const fields = r.record;
      // a line of spaces is blank (a quoted field of line breaks is not: it spans lines)
      if (fields.length === 1 && line === lastLine && /^\s*$/.test(fields[0].toString('latin1'))) continue;
      const bad = fields.find((f) => !isUtf8(f));
      yield { line, lastLine, fields, ...(bad ? { encoding: encodingProblem(bad)! } : {}) };
    }
    const error = parser.errored as (Error & { code?: string; empty_lines?: number }) | null;
    if (error) {
      const line = lines.lineAt(end) + (error.empty_lines ?? empty) - empty;
      const code = FAILURES[error.code ?? ''] ?? 'E_CSV';
      const args: RecordFailure['args'] = code === 'E_CSV_RECORD_TOO_LARGE' ? { max: o.maxRecordBytes } : code === 'E_CSV' ? { detail: error.message } : {};
      yield { line, lastLine: line, fields: [], failure: { code, args } };
      const next = lineStart(fd, start + end, line - lines.lineAt(end) + 1);
      return next === null ? null : { offset: next, line: line + 1 };
    }
  }
  return null;
}

interface ParsedRecord {
  record: Buffer[];
  /** Parser offset just after the record; empty lines skipped so far. */
  bytes: number;
  empty: number;
}

/** The file offset after the `count`-th line break from `offset`, or null if the file ends before. */
function lineStart(fd: number, offset: number, count: number): number | null {
  const buf = Buffer.allocUnsafe(64 * 1024);
  for (let at = offset; ; ) {
    const n = readSync(fd, buf, 0, buf.length, at);
    if (n === 0) return null;
    for (let i = buf.indexOf(10); i >= 0 && i < n; i = buf.indexOf(10, i + 1)) if (--count === 0) return at + i + 1;
    at += n;
  }
}

/** The index of the column named `name` (trimmed, any case) in a header row, -1 if none, or a failure naming both columns if there are two. */
export function findColumn(header: readonly string[], name: string): number | RecordFailure {
  const matches = header.flatMap((h, i) => (h.trim().toLowerCase() === name ? [i] : []));
  if (matches.length > 1) return { code: 'E_CSV_DUPLICATE_COLUMN', args: { name, first: columnName(matches[0]), second: columnName(matches[1]) } };
  return matches.length === 1 ? matches[0] : -1;
}

/** A column by its number and its spreadsheet letters: `3 (C)`. */
function columnName(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return `${index + 1} (${letters})`;
}
