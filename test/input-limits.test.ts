// Rule files, the vocabulary and source documents are refused above MAX_RULES_INPUT_BYTES (1 MiB)
// with a positioned error, found by their size before they are read. (A source document's limit
// is tested with its pass, in test/passes/read-source-document.test.ts.)
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileTooLargeError, MAX_RULES_INPUT_BYTES, readBounded } from '../compiler/load/read-bounded.js';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';

const MAX = MAX_RULES_INPUT_BYTES;

/** `text` padded with a trailing YAML comment to exactly `bytes` bytes. */
function padded(text: string, bytes: number): string {
  const rest = bytes - Buffer.byteLength(text) - 2;
  expect(rest).toBeGreaterThanOrEqual(0);
  return `${text}#${'x'.repeat(rest)}\n`;
}

function codes(dir: string): string[] {
  return check(dir).sink.items.filter((d) => d.severity === 'error').map((d) => `${d.code}@${d.range?.start.line}:${d.range?.start.col}`);
}

describe('readBounded', () => {
  it('reads a file of exactly the limit and refuses one byte more, by its size', () => {
    const dir = scratch('bounded');
    const at = join(dir, 'at');
    writeFileSync(at, 'a'.repeat(100));
    expect(readBounded(at, 100).toString()).toBe('a'.repeat(100));
    writeFileSync(at, 'a'.repeat(101));
    expect(() => readBounded(at, 100)).toThrow(FileTooLargeError);
    writeFileSync(at, '');
    expect(readBounded(at, 100).length).toBe(0);
  });

  it('a device that reports no size is cut off one byte past the limit', () => {
    expect(() => readBounded('/dev/zero', 100_000)).toThrow(new FileTooLargeError('/dev/zero', 100_001, 100_000, false));
  });

  it('a 100 MB file is refused without being read: the size reported is its stat size', () => {
    const path = join(scratch('sparse'), 'big.yaml');
    writeFileSync(path, '');
    truncateSync(path, 100 * 1024 * 1024); // sparse: nothing is written
    const t0 = Date.now();
    let error: unknown;
    try {
      readBounded(path, MAX);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect((error as FileTooLargeError).size).toBe(100 * 1024 * 1024);
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});

describe('rule file size limit', () => {
  const rule = ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 });

  it('a rule file of exactly 1 MiB is checked', () => {
    expect(codes(rulesDir({ 'sample.yaml': padded(rule, MAX) }))).toEqual([]);
  });

  it('one byte more is refused at 1:1 with its size, and zige check exits 1', async () => {
    const dir = rulesDir({ 'sample.yaml': padded(rule, MAX + 1) });
    const { sink } = check(dir);
    expect(sink.items.map((d) => d.code)).toEqual(['E_FILE_TOO_LARGE']);
    expect(sink.items[0].range?.start).toEqual({ line: 1, col: 1 });
    expect(sink.items[0].args).toMatchObject({ size: MAX + 1, max: MAX });
    const { code, stderr } = await zige(['check', dir, '--no-cache', '--lang', 'en']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/sample\.yaml:1:1: error\[E_FILE_TOO_LARGE\]: file \S*sample\.yaml too large \(1048577 bytes, limit 1048576 bytes\)/);
  });
});

describe('vocabulary size limit', () => {
  const withVocabulary = (bytes: number): string => {
    const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }) });
    const path = join(dir, 'vocabulary.yaml');
    writeFileSync(path, padded(readFileSync(path, 'utf8'), bytes));
    return dir;
  };

  it('exactly 1 MiB is read, one byte more refused at 1:1', () => {
    expect(codes(withVocabulary(MAX))).toEqual([]);
    const { sink } = check(withVocabulary(MAX + 1));
    expect(sink.items.map((d) => `${d.code}@${d.file?.endsWith('vocabulary.yaml')}:${d.range?.start.line}:${d.range?.start.col}`)).toEqual(['E_FILE_TOO_LARGE@true:1:1']);
  });
});
