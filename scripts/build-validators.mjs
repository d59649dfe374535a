// Part of `npm run build`: Ajv standalone validation code for schema/*.schema.json, written to
// dist/compiler/profile/schema-validators.cjs, so that `zige` loads validators at start-up instead of
// compiling the schemas each time (compiler/profile/validators.ts `getValidators` falls back to
// compiling when the file is missing or was built from other schema files).
import { renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { standaloneValidators, PREBUILT_VALIDATORS } = await import(join(root, 'dist', 'compiler', 'profile', 'validators.js'));
const out = join(root, 'dist', 'compiler', 'profile', PREBUILT_VALIDATORS);
const tmp = `${out}.tmp-${process.pid}`;
writeFileSync(tmp, standaloneValidators());
renameSync(tmp, out);
console.log(`built dist/compiler/profile/${PREBUILT_VALIDATORS} from schema/`);
