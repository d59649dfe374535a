// The bench must time the code users run: tsc's JavaScript in dist/ (the bin, `zige/runtime`).
// Run through tsx, every function would also pay esbuild's keepNames wrapper, a cost shipped code
// does not have, so `npm run bench` compiles bench/ with tsc into .bench/ and runs it with node.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.js'))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * How the product code under test was compiled: 'tsc' when this file runs from .bench/ and every
 * runtime, compiler and grammar module there is byte-identical to dist/ (throws when one is not:
 * a stale build); 'tsx' when run from the TypeScript sources.
 */
export function measuredCode(root: string, here: string): 'tsc' | 'tsx' {
  const build = join(root, '.bench');
  if (!here.startsWith(build + sep)) return 'tsx';
  for (const room of ['runtime', 'compiler', 'grammar']) {
    for (const file of jsFiles(join(build, room))) {
      const shipped = join(root, 'dist', relative(build, file));
      if (!existsSync(shipped) || !readFileSync(shipped).equals(readFileSync(file))) {
        throw new Error(`bench: ${relative(root, file)} differs from ${relative(root, shipped)}; run \`npm run bench\` (it builds both)`);
      }
    }
  }
  return 'tsc';
}
