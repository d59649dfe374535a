// Loads generated code into this process, for `zige eval` and `zige test`: the exact code that
// `zige compile` writes (as JavaScript), imported from memory, so the CLI judges with it too.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import type { CompiledOccupation } from '../runtime/index.js';
import type { CheckedOccupation } from './checked.js';
import { packageRoot, packageVersion } from './package-root.js';
import { generateModule } from './passes/generate-module.js';

function runtimeUrl(): string {
  const root = packageRoot();
  const built = join(root, 'dist', 'runtime', 'index.js');
  // From source (tests, tsx) the runtime is TypeScript; the loader in use resolves it.
  return pathToFileURL(existsSync(built) && import.meta.url.includes('/dist/') ? built : join(root, 'runtime', 'index.js')).href;
}

export async function instantiate(occ: CheckedOccupation): Promise<CompiledOccupation> {
  const code = generateModule(occ, { runtime: runtimeUrl(), lang: 'js', generator: `zige ${packageVersion()}` });
  const url = `data:text/javascript;base64,${Buffer.from(code).toString('base64')}`;
  const mod = (await import(url)) as { occupation: CompiledOccupation };
  return mod.occupation;
}
