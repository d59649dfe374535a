// One scratch folder per test run (inside the repo, so `zige/runtime` resolves by package
// self-reference), removed when the run ends: test files make hundreds of temporary rule
// directories and batch files, and a developer's checkout should not keep them.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export default function setup(): () => void {
  const base = join(resolve(import.meta.dirname, '..'), '.tmp');
  mkdirSync(base, { recursive: true });
  const run = mkdtempSync(join(base, 'test-run-'));
  process.env.ZIGE_TEST_SCRATCH = run; // read by test/helpers.ts `scratch` in every test worker
  return () => rmSync(run, { recursive: true, force: true });
}
