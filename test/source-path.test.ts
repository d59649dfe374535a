// A rule file's `source.file` must name a file inside the rules directory, symbolic links
// resolved: otherwise `check` would read any readable file and, by passing or failing on the
// cited sentences, reveal what it holds. Refused with E_SOURCE_OUTSIDE at the `file:` value.
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir, scratch } from './helpers.js';

const BUNDLED = 'sources/guizhou-2023-09-registration-conditions.txt';
/** Where `ruleFile` writes the `file:` value: line 5, column 9. */
const FILE_VALUE = { line: 5, col: 9 };

/** A secret outside the rules directory that holds (or not) every sentence the rule file cites. */
function secret(holdsCitations: boolean): string {
  const dir = scratch('secret');
  const path = join(dir, 'secret.txt');
  writeFileSync(path, holdsCitations ? '一、互联网营销师\n五级/初级工\n本职业或相关职业学徒期满。\n' : 'nothing cited here\n');
  return path;
}

function rulesCiting(file: string): string {
  return rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }).replace(BUNDLED, JSON.stringify(file)) });
}

function codesAndPositions(dir: string): string[] {
  return check(dir).sink.items.map((d) => `${d.code}@${d.range?.start.line}:${d.range?.start.col}`);
}

describe('source.file outside the rules directory', () => {
  const cases: [string, (dir: string, secretPath: string) => string][] = [
    ['a ../ path', (dir, s) => relative(dir, s)],
    ['a deep ../../../../ path', (dir, s) => `sources/../../../../../../../../../..${s}`],
    ['an absolute path', (_dir, s) => s],
    [
      'a symbolic link inside the rules directory pointing out of it',
      (dir, s) => {
        symlinkSync(s, join(dir, 'sources', 'link.txt'));
        return 'sources/link.txt';
      },
    ],
    [
      'a path through a symbolic link to a directory outside',
      (dir, s) => {
        symlinkSync(join(s, '..'), join(dir, 'sources', 'elsewhere'));
        return 'sources/elsewhere/secret.txt';
      },
    ],
  ];
  for (const [name, path] of cases) {
    it(`${name}: refused at the file: value, whether or not the file holds the citations`, () => {
      const seen = [true, false].map((holds) => {
        const s = secret(holds);
        const dir = rulesCiting('placeholder');
        const sample = join(dir, 'sample.yaml');
        writeFileSync(sample, readFileSync(sample, 'utf8').replace('"placeholder"', JSON.stringify(path(dir, s))));
        return codesAndPositions(dir);
      });
      expect(seen[0]).toEqual([`E_SOURCE_OUTSIDE@${FILE_VALUE.line}:${FILE_VALUE.col}`]);
      expect(seen[1]).toEqual(seen[0]); // no oracle: the answer does not depend on the contents
    });
  }

  it('zige check names the file and line:col of the value, exit 1', async () => {
    const dir = rulesCiting('/etc/passwd');
    let stderr = '';
    const code = await main(['check', dir, '--no-cache', '--lang', 'en'], {
      out: () => undefined,
      err: (x) => void (stderr += `${x}\n`),
      readFile: (p) => readFileSync(p, 'utf8'),
      isTTY: false,
    });
    expect(code).toBe(1);
    expect(stderr).toContain(`sample.yaml:${FILE_VALUE.line}:${FILE_VALUE.col}: error[E_SOURCE_OUTSIDE]: source document /etc/passwd is outside the rules directory`);
  });
});

describe('source.file inside the rules directory', () => {
  it('a normal sources/x.txt is read and checked', () => {
    expect(codesAndPositions(rulesCiting(BUNDLED))).toEqual([]);
    const missing = rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }) }, { sources: { 'x.txt': '一、互联网营销师\n五级/初级工\n' } });
    const sample = join(missing, 'sample.yaml');
    writeFileSync(sample, readFileSync(sample, 'utf8').replace(BUNDLED, 'sources/x.txt'));
    expect(codesAndPositions(missing)).toEqual(['E_SOURCE_MISSING@14:17']);
  });

  it('a symbolic link within the directory, and a rules directory reached through a link, are fine', () => {
    const dir = rulesCiting('sources/alias.txt');
    symlinkSync(join(dir, BUNDLED), join(dir, 'sources', 'alias.txt'));
    expect(codesAndPositions(dir)).toEqual([]);
    const outer = scratch('linked');
    mkdirSync(join(outer, 'x'));
    symlinkSync(dir, join(outer, 'x', 'rules'));
    expect(codesAndPositions(join(outer, 'x', 'rules'))).toEqual([]);
  });

  it('a file that does not exist inside the directory is reported as not found', () => {
    expect(codesAndPositions(rulesCiting('sources/none.txt'))).toEqual([`E_SOURCE_FILE@${FILE_VALUE.line}:${FILE_VALUE.col}`]);
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
    // The built CLI: the cache is keyed by dist/build-id (off when run from the sources).
    const built = (await import('../dist/cli/main.js')) as { main: typeof main };
    const run = async (): Promise<{ code: number; stderr: string }> => {
      let stderr = '';
      const code = await built.main(['check', dir, '--cache-dir', cacheDir, '--lang', 'en'], {
        out: () => undefined,
        err: (x) => void (stderr += `${x}\n`),
        readFile: (p) => readFileSync(p, 'utf8'),
        isTTY: false,
      });
      return { code, stderr };
    };
    symlinkSync(inside, link);
    expect((await run()).code).toBe(0);
    rmSync(link);
    symlinkSync(outside, link); // the same bytes behind the same name: only the real path differs
    const again = await run();
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('E_SOURCE_OUTSIDE');
  });
});
