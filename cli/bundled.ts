// The bundled rules as `npm run build` compiled them (dist/evaluators, the modules behind
// `zige/evaluators`): `zige eval` without --rules loads these instead of checking rules/ at every
// start (YAML parsing and checking dominate its start-up). Used only when they are current: built
// after every file under rules/ and after the code generator was last built, and only by the
// built CLI (from sources, a second copy of the runtime would be loaded).
import { readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { packageRoot } from '../compiler/load/package-root.js';
import type { CheckedOccupation } from '../compiler/checked.js';
import type { Judgeable } from '../compiler/judge.js';
import type { CompiledOccupation } from '../runtime/index.js';

/** What `zige eval` selects occupations by, whether checked now or compiled at build time. */
export type Candidate = Judgeable;

export function fromChecked(o: CheckedOccupation, instantiate: (o: CheckedOccupation) => CompiledOccupation): Candidate {
  return { ...o, compiled: () => instantiate(o) };
}

/** Latest modification time of the files under a directory. */
function newest(dir: string): number {
  let t = statSync(dir).mtimeMs;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

/** The precompiled evaluators of the bundled rules, or null when absent, stale, or running from sources. */
export async function precompiledBundled(): Promise<{ url: string; occupations: CompiledOccupation[] } | null> {
  try {
    const root = packageRoot();
    const dist = join(root, 'dist');
    if (!fileURLToPath(import.meta.url).startsWith(dist + sep)) return null;
    const index = join(dist, 'evaluators', 'index.js');
    const built = statSync(index).mtimeMs;
    if (newest(join(root, 'rules')) > built || statSync(join(dist, 'compiler', 'generate', 'generate-module.js')).mtimeMs > built) return null;
    const url = pathToFileURL(index).href;
    const mod = (await import(url)) as { occupations?: CompiledOccupation[] };
    return Array.isArray(mod.occupations) ? { url, occupations: mod.occupations } : null;
  } catch {
    return null;
  }
}
