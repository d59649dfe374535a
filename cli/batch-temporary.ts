// The temporary file of a batch run's --out file (`.OUT.tmp-PID` beside it), and the removal of
// those left by runs that were killed (kill -9, a power cut) before they could remove their own:
// each may be as large as the output, and nothing else would ever remove it.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { processAlive } from '../compiler/generate/atomic-write.js';

/** A temporary file not written for this long, whose process is gone, is stale. */
const STALE_MS = 60_000;

/** The temporary file that process `pid` writes and then renames to `path`. */
export function temporaryPath(path: string, pid = process.pid): string {
  return join(dirname(path), `.${basename(path)}.tmp-${pid}`);
}

/**
 * Removes the temporary files of `path` (exactly `.NAME.tmp-PID`) of processes that are gone and
 * that nothing has written for STALE_MS (a process of the same number in another container may
 * still be writing one); returns them with their process numbers.
 */
export function removeStaleTemporaries(path: string, now = Date.now()): { file: string; pid: number }[] {
  const prefix = `.${basename(path)}.tmp-`;
  const removed: { file: string; pid: number }[] = [];
  let names: string[];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return removed; // no directory yet: opening the output reports it
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[1-9]\d{0,9}$/.test(name.slice(prefix.length))) continue;
    const pid = Number(name.slice(prefix.length));
    const file = join(dirname(path), name);
    try {
      const stat = statSync(file);
      if (pid === process.pid || !stat.isFile() || now - stat.mtimeMs < STALE_MS || processAlive(pid)) continue;
      rmSync(file);
      removed.push({ file, pid });
    } catch {
      // gone meanwhile, or not ours to remove: left alone
    }
  }
  return removed;
}
