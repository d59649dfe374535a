// Our own checks of a workbook before the spreadsheet library sees it: what the first bytes say
// (an OLE compound file is a password-protected workbook or a legacy .xls, neither readable), and
// the zip's central directory (read by unzipper, exceljs's own zip reader, without inflating
// anything): how many entries, how large they say they unpack to in total, and how much each is
// compressed. A zip bomb is refused before one byte of it is inflated.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { DiagnosticCode } from '../compiler/diagnostics/messages.js';

export const LIMITS = {
  /** The workbook file itself. */
  fileBytes: 200 * 1024 * 1024,
  /** Entries of the zip (sheets, styles, relations …). */
  entries: 10_000,
  /** What all entries unpack to, together (a 100,000-row roster is about 60 MB). */
  totalBytes: 1024 * 1024 * 1024,
  /** An entry unpacking to more than `ratioFloor` bytes may be compressed at most this much (Apache POI's ZipSecureFile default, 1 %). */
  ratio: 100,
  ratioFloor: 1024 * 1024,
};

export interface Refusal {
  code: DiagnosticCode;
  args: Record<string, string | number>;
}

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ZIP = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Buffer, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Whether an OLE file holds an `EncryptionInfo` stream (its directory names are UTF-16LE). */
function oleEncrypted(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const size = Math.min(statSync(path).size, 8 * 1024 * 1024);
    const head = Buffer.alloc(size);
    readSync(fd, head, 0, size, 0);
    return head.includes(Buffer.from('EncryptionInfo', 'utf16le')) || head.includes(Buffer.from('EncryptedPackage', 'utf16le'));
  } finally {
    closeSync(fd);
  }
}

function firstBytes(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(8);
    const n = readSync(fd, head, 0, 8, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Why the workbook at `path` (`shown` in messages) is not read, or null when it may be. */
export async function refuseWorkbook(path: string, shown: string): Promise<Refusal | null> {
  const size = statSync(path).size;
  if (size > LIMITS.fileBytes) return { code: 'E_FILE_TOO_LARGE', args: { file: shown, size, max: LIMITS.fileBytes } };
  const head = firstBytes(path);
  if (startsWith(head, OLE)) return { code: oleEncrypted(path) ? 'E_ROSTER_ENCRYPTED' : 'E_ROSTER_XLS', args: { file: shown } };
  if (!startsWith(head, ZIP)) return { code: 'E_ROSTER_NOT_XLSX', args: { file: shown } };
  return zipRefusal(path, shown);
}

async function zipRefusal(path: string, shown: string): Promise<Refusal | null> {
  const { Open } = await import('unzipper');
  let files;
  try {
    files = (await Open.file(path)).files;
  } catch (e) {
    return { code: 'E_ROSTER_NOT_XLSX', args: { file: shown, detail: e instanceof Error ? e.message : String(e) } };
  }
  if (files.length > LIMITS.entries) return { code: 'E_ROSTER_ZIP_ENTRIES', args: { file: shown, entries: files.length, max: LIMITS.entries } };
  let total = 0;
  for (const f of files) {
    total += f.uncompressedSize;
    const ratio = f.uncompressedSize / Math.max(1, f.compressedSize);
    if (f.uncompressedSize > LIMITS.ratioFloor && ratio > LIMITS.ratio) {
      return { code: 'E_ROSTER_ZIP_RATIO', args: { file: shown, entry: f.path, ratio: Math.round(ratio), max: LIMITS.ratio } };
    }
  }
  if (total > LIMITS.totalBytes) return { code: 'E_ROSTER_ZIP_TOTAL', args: { file: shown, size: total, max: LIMITS.totalBytes } };
  if (!files.some((f) => f.path === 'xl/workbook.xml')) return { code: 'E_ROSTER_NOT_XLSX', args: { file: shown, detail: 'no xl/workbook.xml' } };
  return null;
}
