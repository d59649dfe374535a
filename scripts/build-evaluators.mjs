// Part of `npm run build`: compiles the bundled rules (rules/) into dist/evaluators, the modules
// behind `zige/evaluators` and `zige/evaluators/<occupation id>`. `zige compile` writes TypeScript
// importing `../runtime/index.js` into a staging folder inside dist/, where that import resolves
// to the built runtime; tsc turns it into JavaScript with .d.ts files, swapped in by rename.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const stage = join(dist, '.evaluators-src');
const tmp = join(dist, '.evaluators-tmp');
const out = join(dist, 'evaluators');

function run(args) {
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) {
    rmSync(stage, { recursive: true, force: true });
    rmSync(tmp, { recursive: true, force: true });
    process.exit(r.status ?? 1);
  }
}

rmSync(tmp, { recursive: true, force: true });
run([join(dist, 'cli', 'bin.js'), 'compile', join(root, 'rules'), '--out', stage, '--runtime', '../runtime/index.js']);
writeFileSync(
  join(stage, 'tsconfig.json'),
  JSON.stringify({
    compilerOptions: {
      strict: true,
      target: 'es2022',
      module: 'nodenext',
      moduleResolution: 'nodenext',
      declaration: true,
      skipLibCheck: true,
      types: [],
      rootDir: '.',
      outDir: '../.evaluators-tmp',
    },
    include: ['*.ts'],
  }),
);
// typescript's `exports` hides bin/tsc from resolution; find it next to its package.json
const tsc = join(dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin', 'tsc');
run([tsc, '-p', stage]);
rmSync(stage, { recursive: true, force: true });
if (existsSync(out)) rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);
console.log('built dist/evaluators from rules/');
