// `npm run build` writes the prebuilt validators where getValidators looks for them
// (scripts/build-validators.mjs and compiler/profile/validators.ts agree on the place), and they
// match the schema files, so a start-up uses them instead of compiling the schemas with Ajv.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

const require = createRequire(import.meta.url);
const BUILT = join(ROOT, 'dist', 'compiler', 'profile');

describe('prebuilt validators at start-up', () => {
  it('the built getValidators returns the functions of dist/compiler/profile/schema-validators.cjs', async () => {
    const file = join(BUILT, 'schema-validators.cjs');
    expect(existsSync(file)).toBe(true);
    const built = (await import(pathToFileURL(join(BUILT, 'validators.js')).href)) as typeof import('../compiler/profile/validators.js');
    expect(built.PREBUILT_VALIDATORS).toBe('schema-validators.cjs');
    const prebuilt = require(file) as Record<string, ValidateFunction>;
    const validators = built.getValidators();
    // the same function objects: loaded from the file, not compiled
    expect(validators.profile).toBe(prebuilt.profile);
    expect(validators['rule-file']).toBe(prebuilt['rule-file']);
    expect(validators.result).toBe(prebuilt.result);
  });
});
