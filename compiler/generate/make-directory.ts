// `mkdir -p` without Node's recursive mkdir, which never returns (spinning at full CPU) where a
// parent exists but mkdir of its child says ENOENT: under /proc, on a stale mount (Node takes
// ENOENT as "make the parent first", forever). Here a second ENOENT, after the parent was made
// or found, is final.
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

export function makeDirectory(path: string, mode?: number): void {
  const target = resolve(path);
  try {
    mkdirSync(target, mode === undefined ? {} : { mode });
    return;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (statSync(target).isDirectory()) return; // a dangling link throws ENOENT here
      throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${target}'`), { code: 'ENOTDIR', path: target });
    }
    if (code !== 'ENOENT' || dirname(target) === target) throw e;
  }
  makeDirectory(dirname(target));
  mkdirSync(target, mode === undefined ? {} : { mode });
}
