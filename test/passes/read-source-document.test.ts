// The read-source-document pass (compiler/passes/source-document.ts): the source document a rule
// file cites, read from inside the rules directory (or inline), or why it cannot be: every such
// problem at the `file:` value (line 5, col 9 in `ruleFile`), and only that one.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_RULES_INPUT_BYTES as MAX } from '../../compiler/load/read-bounded.js';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir, scratch } from '../helpers.js';
import { BUNDLED, FILE_VALUE, rulesCiting, summaries, summary, withCode } from './helpers.js';

const AT_FILE = `${FILE_VALUE.line}:${FILE_VALUE.col}`;

/** A secret outside the rules directory that holds (or not) every sentence the rule file cites. */
function secret(holdsCitations: boolean): string {
  const dir = scratch('secret');
  const path = join(dir, 'secret.txt');
  writeFileSync(path, holdsCitations ? '一、互联网营销师\n五级/初级工\n本职业或相关职业学徒期满。\n' : 'nothing cited here\n');
  return path;
}

// A document outside the rules directory is never read: check would otherwise reveal, by passing
// or failing on the cited sentences, what any readable file holds.
describe('E_SOURCE_OUTSIDE: source.file outside the rules directory', () => {
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
        return summaries(dir);
      });
      expect(seen[0]).toEqual([`error E_SOURCE_OUTSIDE ${AT_FILE}`]);
      expect(seen[1]).toEqual(seen[0]); // no oracle: the answer does not depend on the contents
    });
  }

  it('names the file as written', () => {
    expect(withCode(rulesCiting('/etc/passwd'), 'E_SOURCE_OUTSIDE').map((d) => d.args)).toEqual([{ file: '/etc/passwd' }]);
  });
});

describe('source.file inside the rules directory', () => {
  it('a normal sources/x.txt is read and checked', () => {
    expect(summaries(rulesCiting(BUNDLED))).toEqual([]);
    const missing = rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }) }, { sources: { 'x.txt': '一、互联网营销师\n五级/初级工\n' } });
    const sample = join(missing, 'sample.yaml');
    writeFileSync(sample, readFileSync(sample, 'utf8').replace(BUNDLED, 'sources/x.txt'));
    expect(summaries(missing)).toEqual(['error E_SOURCE_MISSING 14:17']);
  });

  it('a symbolic link within the directory, and a rules directory reached through a link, are fine', () => {
    const dir = rulesCiting('sources/alias.txt');
    symlinkSync(join(dir, BUNDLED), join(dir, 'sources', 'alias.txt'));
    expect(summaries(dir)).toEqual([]);
    const outer = scratch('linked');
    mkdirSync(join(outer, 'x'));
    symlinkSync(dir, join(outer, 'x', 'rules'));
    expect(summaries(join(outer, 'x', 'rules'))).toEqual([]);
  });

  it('E_SOURCE_FILE: a file that does not exist inside the directory is reported as not found', () => {
    expect(summaries(rulesCiting('sources/none.txt'))).toEqual([`error E_SOURCE_FILE ${AT_FILE}`]);
    expect(withCode(rulesCiting('sources/none.txt'), 'E_SOURCE_FILE').map((d) => d.args)).toEqual([{ file: 'sources/none.txt' }]);
  });
});

describe('E_SOURCE_TOO_LARGE: source document size limit', () => {
  /** The rule file's source document padded to exactly `bytes` bytes. */
  const withSource = (bytes: number): string => {
    const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }) });
    const path = join(dir, BUNDLED);
    const text = readFileSync(path, 'utf8');
    writeFileSync(path, text + 'x'.repeat(bytes - Buffer.byteLength(text)));
    return dir;
  };

  it('exactly 1 MiB is read and its citations checked, one byte more refused at the file: value', () => {
    expect(summaries(withSource(MAX))).toEqual([]);
    const { sink } = check(withSource(MAX + 1));
    expect(sink.sorted().map(summary)).toEqual([`error E_SOURCE_TOO_LARGE ${AT_FILE}`]);
    expect(sink.items.find((d) => d.code === 'E_SOURCE_TOO_LARGE')?.args).toEqual({ file: BUNDLED, size: MAX + 1, max: MAX });
  });
});

describe('E_SOURCE_ENCODING: a source document that is not UTF-8', () => {
  it('is reported once, at the file: value, naming its first such byte — not once per citation', () => {
    const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }) });
    const path = join(dir, BUNDLED);
    writeFileSync(path, Buffer.concat([Buffer.from('第一行\n第二'), Buffer.from([0xff]), readFileSync(path)]));
    expect(summaries(dir)).toEqual([`error E_SOURCE_ENCODING ${AT_FILE}`]);
    expect(withCode(dir, 'E_SOURCE_ENCODING')[0].args).toEqual({ file: BUNDLED, line: 2, col: 3, byte: '0xFF' });
  });
});

describe('source.text: the source document inline', () => {
  const inline = (text: string): string =>
    rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }).replace(`file: ${BUNDLED}`, `text: ${JSON.stringify(text)}`) });

  it('is checked like a file: its sentences found, or E_SOURCE_MISSING naming (source.text)', () => {
    expect(summaries(inline('一、互联网营销师\n五级/初级工\n本职业或相关职业学徒期满。'))).toEqual([]);
    const missing = inline('一、互联网营销师\n五级/初级工\n');
    expect(summaries(missing)).toEqual(['error E_SOURCE_MISSING 14:17']);
    expect(withCode(missing, 'E_SOURCE_MISSING')[0].args).toEqual({ file: '(source.text)' });
  });
});
