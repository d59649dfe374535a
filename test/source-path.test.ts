// A rule file's `source.file` must name a file inside the rules directory, symbolic links
// resolved: otherwise `check` would read any readable file and, by passing or failing on the
// cited sentences, reveal what it holds. Refused with E_SOURCE_OUTSIDE at the `file:` value.
// The pass itself (every path that leads out, and the ones that do not) is tested in
// test/passes/read-source-document.test.ts; here, what the CLI and the check cache make of it.
import { readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scratch } from './helpers.js';
import { BUNDLED, FILE_VALUE, rulesCiting } from './passes/helpers.js';
import { zige } from './in-process.js';

describe('source.file outside the rules directory', () => {
  it('zige check names the file and line:col of the value, exit 1', async () => {
    const dir = rulesCiting('/etc/passwd');
    const { code, stderr } = await zige(['check', dir, '--no-cache', '--lang', 'en']);
    expect(code).toBe(1);
    expect(stderr).toContain(`sample.yaml:${FILE_VALUE.line}:${FILE_VALUE.col}: error[E_SOURCE_OUTSIDE]: source document /etc/passwd is outside the rules directory`);
  });
});

describe('the check cache and source.file links', () => {
  it('a link retargeted out of the rules directory, to the same text, is checked again and refused', async () => {
    const dir = rulesCiting('sources/link.txt');
    const link = join(dir, 'sources', 'link.txt');
    const inside = join(dir, 'sources', 'copy.txt');
    const outside = join(scratch('outside'), 'copy.txt');
    const text = readFileSync(join(dir, BUNDLED), 'utf8');
    writeFileSync(inside, text);
    writeFileSync(outside, text);
    const cacheDir = scratch('cache');
    // The built CLI (test/in-process.ts): the cache is keyed by dist/build-id (off when run from the sources).
    const run = (): ReturnType<typeof zige> => zige(['check', dir, '--cache-dir', cacheDir, '--lang', 'en']);
    symlinkSync(inside, link);
    expect((await run()).code).toBe(0);
    rmSync(link);
    symlinkSync(outside, link); // the same bytes behind the same name: only the real path differs
    const again = await run();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('E_SOURCE_OUTSIDE');
  });
});
