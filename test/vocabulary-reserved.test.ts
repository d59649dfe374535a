// A fact named like a member of Object.prototype (`constructor`, `__proto__`, `hasOwnProperty` …)
// or `prototype` is refused at `check`, at its line and column in vocabulary.yaml: no profile can
// supply such a fact.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir } from './helpers.js';
import { zige } from './in-process.js';

/** A rules directory whose vocabulary declares one more fact; the line and column of `value`. */
function withFact(entry: string, value: string): { dir: string; line: number; col: number } {
  const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }) });
  const path = join(dir, 'vocabulary.yaml');
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.indexOf('facts:') + 1;
  lines.splice(at, 0, `  - ${entry}`);
  writeFileSync(path, lines.join('\n'));
  return { dir, line: at + 1, col: `  - ${entry}`.indexOf(value) + 1 };
}

const RESERVED = ['constructor', '__proto__', 'prototype', 'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', '__defineGetter__'];

describe('reserved fact names', () => {
  for (const name of RESERVED) {
    it(`refuses a fact named ${name}, positioned`, () => {
      const { dir, line, col } = withFact(`{name: "${name}", en: some-fact, type: boolean}`, `"${name}"`);
      const { rules, sink } = check(dir);
      expect(rules).toBeUndefined();
      const d = sink.items.find((x) => x.code === 'E_VOCABULARY_RESERVED');
      expect(d?.file).toBe(join(dir, 'vocabulary.yaml'));
      expect(d?.range?.start).toEqual({ line, col });
      expect(d?.args).toEqual({ name });
    });
  }

  it('refuses a reserved English name, and one that normalises to a reserved name', () => {
    for (const [entry, value, name] of [
      ['{name: 某事实, en: constructor, type: boolean}', 'constructor', 'constructor'],
      ['{name: "ｔｏＳｔｒｉｎｇ ", type: number}', '"ｔｏＳｔｒｉｎｇ "', 'ｔｏＳｔｒｉｎｇ '],
    ]) {
      const { dir, line, col } = withFact(entry, value);
      const d = check(dir).sink.items.find((x) => x.code === 'E_VOCABULARY_RESERVED');
      expect(d?.range?.start).toEqual({ line, col });
      expect(d?.args).toEqual({ name });
    }
  });

  it('accepts an ordinary fact name that merely contains one', () => {
    const { dir } = withFact('{name: constructor-years, en: builder-years, type: number, units: [年]}', 'constructor-years');
    const { rules, sink } = check(dir);
    expect(sink.items.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rules).toBeDefined();
  });

  it('zige check prints vocabulary.yaml:line:col and exits 1', async () => {
    const { dir, line, col } = withFact('{name: __proto__, type: boolean}', '__proto__');
    const { code, stderr } = await zige(['check', dir, '--no-cache', '--lang', 'en']);
    expect(code).toBe(1);
    expect(stderr).toContain(`vocabulary.yaml:${line}:${col}: error[E_VOCABULARY_RESERVED]: the fact name "__proto__" is reserved`);
  });
});
