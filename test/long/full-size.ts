// `npm run test:long`: test files of `npm test` run again at the sizes they had before `npm test`
// was bounded (test/helpers.ts `sized`): more random runs, more profiles, larger rule sets. The
// same cases and assertions, only bigger inputs. Exits non-zero when any of them fails.
//
//   npx tsx test/long/full-size.ts [file …]
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..', '..');
/** Every test file that reads `sized`. */
const FILES = ['test/csv-fuzz.test.ts', 'test/fuzz.test.ts', 'test/nothing-lost.test.ts', 'test/properties.test.ts', 'test/roundtrip.test.ts', 'test/site-selfcheck.test.ts', 'test/site-playground.test.ts'];
const files = process.argv.length > 2 ? process.argv.slice(2) : FILES;
const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...files], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, ZIGE_TEST_FULL: '1' },
});
process.exit(r.status ?? 1);
