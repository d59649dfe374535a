// Part of `npm run build`, after the code and the validators are built: dist/build-id, a SHA-256 of
// the built code (every .js and .cjs under dist/ but the compiled bundled rules, dist/evaluators)
// with each file's size and modification time. The check-result cache (cli/check-cache.ts) keys
// its entries with the id, so a rebuilt compiler never reuses a result of another; while every
// built file is as recorded it takes the id from here, else it hashes dist/ again itself.
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const { BUILD_ID_FILE, builtFiles, computeBuildId } = await import(join(dist, 'cli', 'check-cache.js'));
const files = builtFiles(dist);
const out = join(dist, BUILD_ID_FILE);
const tmp = `${out}.tmp-${process.pid}`;
writeFileSync(tmp, `${JSON.stringify({ id: computeBuildId(dist, files), files })}\n`);
renameSync(tmp, out);
console.log(`built dist/${BUILD_ID_FILE} from ${files.length} files`);
