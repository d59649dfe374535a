// Writing a file so that readers see the old content or the new, never a half-written file: the
// text goes to a temporary file in the same directory, which then replaces the target by rename.
// A symbolic link is written through, as an editor does: the file it points to is replaced, and
// the link stays a link.
import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Whether process `pid` may still be running: it is gone only when signalling it says so (ESRCH);
 * one we may not signal (EPERM) exists. Leftovers of a live process are never touched.
 */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** What `path` names through symbolic links; the path itself when nothing is there yet. */
export function followLinks(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

export function writeFileAtomic(link: string, text: string): void {
  const path = followLinks(link);
  let mode: number | undefined;
  try {
    mode = statSync(path).mode & 0o777;
  } catch {
    mode = undefined;
  }
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}`);
  try {
    writeFileSync(tmp, text, mode === undefined ? {} : { mode });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
