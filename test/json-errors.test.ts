// jsonErrorOffset: where a profile's JSON goes wrong, for E_PROFILE_PARSE's position.
import { describe, expect, it } from 'vitest';
import { jsonErrorOffset } from '../compiler/profile/json-errors.js';

describe('jsonErrorOffset', () => {
  it('is -1 for valid JSON of every kind of value', () => {
    for (const text of ['{}', '[]', ' {"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}} ', '"s"', '0'])
      expect(jsonErrorOffset(text), text).toBe(-1);
  });

  it('points at the first fault', () => {
    const cases: Array<[string, number]> = [
      ['', 0],
      ['[', 1],
      ['{"a":1,}', 7],
      ['[1,]', 3],
      ['[1 2]', 3],
      ['{"a" 1}', 5],
      ['{"a":1]', 6],
      ['1 2', 2],
      ['-', 0],
      ['tru', 0],
      ['{1:2}', 1],
      ['"a\u0001"', 2],
      ['"\\x"', 2],
      ['"\\u12"', 3],
      ['"ab\\', 4],
    ];
    for (const [text, offset] of cases) expect(jsonErrorOffset(text), JSON.stringify(text)).toBe(offset);
  });

  it('takes any nesting depth (no recursion)', () => {
    const depth = 200_000;
    expect(jsonErrorOffset('['.repeat(depth) + ']'.repeat(depth))).toBe(-1);
    expect(jsonErrorOffset('['.repeat(depth) + ']'.repeat(depth - 1) + '}')).toBe(2 * depth - 1);
  });
});
