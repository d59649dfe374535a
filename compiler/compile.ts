// Compile driver: checked rule set → generated modules, written atomically.
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
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

/** `internet-marketer`, or `internet-marketer@2023-09` when the occupation has several versions. */
export function moduleName(o: Pick<CheckedOccupation, 'id' | 'version' | 'inForce'>, versions: number): string {
  const label = o.version ?? o.inForce?.from;
  return versions > 1 && label ? `${o.id}@${label}` : o.id;
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
  const files = entries.map((e) => ({ path: e.module + ext, content: generateModule(e.occ, gen) }));
  files.push({ path: `index${ext}`, content: generateIndex(entries, gen) });
  return files;
}

/**
 * Writes the files into `out`, replacing it whole: they are written to a sibling temporary
 * directory first, then swapped in by rename, so a failed or interrupted compile leaves the
 * previous output intact.
 */
export function writeOutput(out: string, files: OutputFile[]): void {
  const target = resolve(out);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tmp = join(parent, `.${basename(target)}.tmp-${process.pid}`);
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp);
  for (const f of files) writeFileSync(join(tmp, f.path), f.content);
  const old = join(parent, `.${basename(target)}.old-${process.pid}`);
  if (existsSync(target)) renameSync(target, old);
  renameSync(tmp, target);
  rmSync(old, { recursive: true, force: true });
}
