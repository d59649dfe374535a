// Text files must be UTF-8 (a UTF-8 byte order mark is allowed). Windows tools often save Chinese
// text as GBK/GB18030 or as UTF-16 ("Unicode"); read as UTF-8, such text turns into replacement
// characters that match no name, and wrong results would follow without a word. So a file that
// is not UTF-8 is an error that says where the first byte that is not UTF-8 is.
import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics/diagnostics.js';

export interface EncodingProblem {
  code: 'E_ENCODING' | 'E_ENCODING_UTF16';
  /** Of the first byte that is not UTF-8 (1-based; the column counts code points). */
  line: number;
  col: number;
  /** That byte, as 0xHH. */
  byte: string;
}

/** Bytes of a UTF-8 byte order mark at the start of `bytes` (3), or 0. */
export function bomLength(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/** Whether `bytes` start with a UTF-16 byte order mark (little- or big-endian). */
export function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

const hex = (b: number | undefined): string => `0x${(b ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;

/** Null when `bytes` are UTF-8 (checked natively: cheap enough for every file and batch chunk). */
export function encodingProblem(bytes: Uint8Array): EncodingProblem | null {
  if (isUtf8(bytes)) return null;
  if (hasUtf16Bom(bytes)) {
    return { code: 'E_ENCODING_UTF16', line: 1, col: 1, byte: hex(bytes[0]) };
  }
  // The decoder puts U+FFFD where bytes are not UTF-8: the first one that does not stand for the
  // bytes EF BF BD (a real U+FFFD) is the place. Every character before it is valid, so its
  // UTF-8 length says where the next one starts.
  const bom = bomLength(bytes);
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(bom));
  let at = bom;
  let line = 1;
  let col = 1;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0xfffd && !(bytes[at] === 0xef && bytes[at + 1] === 0xbf && bytes[at + 2] === 0xbd)) return { code: 'E_ENCODING', line, col, byte: hex(bytes[at]) };
    at += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (cp === 10) {
      line++;
      col = 1;
    } else col++;
  }
  return { code: 'E_ENCODING', line, col, byte: hex(bytes[at]) };
}

/** The problem as a diagnostic of `file` (UTF-16: the whole file; else the byte's position). */
export function encodingDiagnostic(file: string, p: EncodingProblem): Omit<Diagnostic, 'severity'> {
  if (p.code === 'E_ENCODING_UTF16') return { code: p.code, file, args: { byte: p.byte } };
  return { code: p.code, file, range: { start: { line: p.line, col: p.col }, end: { line: p.line, col: p.col + 1 } }, args: { byte: p.byte } };
}

/** Thrown by readers of text files (check-inputs.ts `readText`) for a file that is not UTF-8. */
export class EncodingError extends Error {
  constructor(
    readonly path: string,
    readonly problem: EncodingProblem,
  ) {
    super(`${path}:${problem.line}:${problem.col}: not UTF-8 (${problem.code === 'E_ENCODING_UTF16' ? 'UTF-16' : `byte ${problem.byte}`})`);
    this.name = 'EncodingError';
  }
}
