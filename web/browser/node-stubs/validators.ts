// compiler/profile/validators.ts for the playground's browser bundle: the standalone validators
// `npm run build` generated from schema/*.schema.json (scripts/build-validators.mjs), bundled as
// they are, instead of compiling the schemas with Ajv at run time.
import type { ValidateFunction } from 'ajv';
// @ts-expect-error: generated CommonJS without declarations
import * as prebuilt from '../../../dist/compiler/profile/schema-validators.cjs';

export type SchemaName = 'rule-file' | 'profile' | 'result';

export function getValidators(): Record<SchemaName, ValidateFunction> {
  const mod = ((prebuilt as { default?: unknown }).default ?? prebuilt) as Record<SchemaName, ValidateFunction>;
  return { profile: mod.profile, 'rule-file': mod['rule-file'], result: mod.result };
}
