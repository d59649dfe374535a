// Writing a file so that readers see the old content or the new, never a half-written file: the
// text goes to a temporary file in the same directory, which then replaces the target by rename.
// A symbolic link is written through, as an editor does: the file it points to is replaced, and
// the link stays a link.
import { realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export function writeFileAtomic(link: string, text: string): void {
  let path = link;
  try {
    path = realpathSync(link);
  } catch {
    // a new file: written where it is named
  }
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
