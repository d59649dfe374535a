// Compile driver: checked rule set → generated modules, written atomically.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { CheckedOccupation } from './checked.js';
import { packageVersion } from './package-root.js';
import { generateIndex, generateModule, type GenerateOptions } from './passes/generate-module.js';

export const DEFAULT_RUNTIME = 'zige/runtime';

export interface CompileOptions {
  runtime?: string;
  lang?: 'ts' | 'js';
}

export interface OutputFile {
  path: string;
  content: string;
}

/**
 * `internet-marketer`, or `internet-marketer@2023-09` when the occupation has several versions.
 * The version label is free text from the rule file: in a file name every character other than
 * letters, digits, `.`, `_` and `-` becomes `_`, so a label like `../../x` cannot leave `--out`.
 */
export function moduleName(o: Pick<CheckedOccupation, 'id' | 'version' | 'inForce'>, versions: number): string {
  const label = o.version ?? o.inForce?.from;
  return versions > 1 && label ? `${o.id}@${label.replace(/[^A-Za-z0-9._-]/g, '_')}` : o.id;
}

/** Every output file, in memory: one module per occupation (and version) plus an index. */
export function compileToStrings(occupations: CheckedOccupation[], options: CompileOptions = {}): OutputFile[] {
  const gen: GenerateOptions = {
    runtime: options.runtime ?? DEFAULT_RUNTIME,
    lang: options.lang ?? 'ts',
    generator: `zige ${packageVersion()}`,
  };
  const ext = gen.lang === 'ts' ? '.ts' : '.js';
  const count = new Map<string, number>();
  for (const o of occupations) count.set(o.id, (count.get(o.id) ?? 0) + 1);
  const entries = occupations.map((o) => ({ id: o.id, module: moduleName(o, count.get(o.id) ?? 1), occ: o }));
  entries.sort((a, b) => (a.module < b.module ? -1 : 1));
  // Two labels made alike by moduleName, or an occupation with id `index`, get distinct names.
  const taken = new Set(['index']);
  for (const e of entries) {
    const base = e.module;
    for (let i = 2; taken.has(e.module); i++) e.module = `${base}~${i}`;
    taken.add(e.module);
  }
  const files = entries.map((e) => ({ path: e.module + ext, content: generateModule(e.occ, gen) }));
  files.push({ path: `index${ext}`, content: generateIndex(entries, gen) });
  return files;
}

/**
 * Writes the files into `out`, replacing it whole: they are written to a sibling temporary
 * directory first, then swapped in by rename, so a failed or interrupted compile leaves the
 * previous output intact. Between the two renames of the swap `out` is missing for an instant;
 * the previous output is then whole in `.<out>.old-<pid>`, and the next writeOutput (or
 * recoverOutput) puts it back before anything else.
 */
export function writeOutput(out: string, files: OutputFile[]): void {
  const target = resolve(out);
  const parent = dirname(target);
  const name = basename(target);
  for (const f of files) {
    if (f.path === '' || f.path !== basename(f.path) || f.path.startsWith('.')) throw new Error(`zige: refusing to write ${JSON.stringify(f.path)} into ${out}`);
  }
  mkdirSync(parent, { recursive: true });
  recoverOutput(target);
  const tmp = join(parent, `.${name}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  for (const f of files) writeFileSync(join(tmp, f.path), f.content);
  const old = join(parent, `.${name}.old-${process.pid}`);
  if (existsSync(target)) renameSync(target, old);
  renameSync(tmp, target);
  // The old output leaves under a name recovery never restores from, then goes.
  if (existsSync(old)) {
    const trash = join(parent, `.${name}.trash-${process.pid}`);
    renameSync(old, trash);
    rmSync(trash, { recursive: true, force: true });
  }
}

/**
 * Cleans up after compiles into `out` that were interrupted (killed) by a process no longer
 * running: a half-written `.tmp-` directory is deleted; an `.old-` directory (always a complete
 * previous output) is renamed back to `out` if `out` is missing, else deleted; a `.trash-`
 * directory is deleted. Leftovers of a compile still running are left alone.
 */
export function recoverOutput(out: string): void {
  const target = resolve(out);
  const parent = dirname(target);
  const name = basename(target);
  let siblings: string[];
  try {
    siblings = readdirSync(parent);
  } catch {
    return;
  }
  const leftover = new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(tmp|old|trash)-(\\d+)$`);
  const olds: string[] = [];
  for (const s of siblings) {
    const m = leftover.exec(s);
    if (!m || (Number(m[2]) !== process.pid && running(Number(m[2])))) continue;
    if (m[1] === 'old') olds.push(join(parent, s));
    else rmSync(join(parent, s), { recursive: true, force: true });
  }
  for (const o of olds) {
    if (!existsSync(target)) renameSync(o, target);
    else rmSync(o, { recursive: true, force: true });
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
