// A JSON profile with a key twice in one object is refused (E_PROFILE_DUPLICATE_KEY, with the
// field's JSON Pointer and the second key's position), in `zige eval` and in every batch line:
// JSON.parse would keep the last value without a word.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSink, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { duplicateKeys, mayHaveDuplicateKeys } from '../compiler/profile/json-duplicate-keys.js';
import { loadProfile } from '../compiler/profile/load-profile.js';
import { scratch } from './helpers.js';
import { zige } from './in-process.js';

function load(text: string): { profile: unknown; items: Diagnostic[] } {
  const sink = new DiagnosticSink();
  const profile = loadProfile('p.json', text, sink);
  return { profile, items: sink.items };
}

const duplicates = (text: string): Array<[string | undefined, number | undefined, number | undefined]> =>
  load(text)
    .items.filter((d) => d.code === 'E_PROFILE_DUPLICATE_KEY')
    .map((d) => [d.path, d.range?.start.line, d.range?.start.col]);

/** The built CLI in this process. */
const run = (args: string[]): ReturnType<typeof zige> => zige(args);

const work = (fields: string): string => `{"work": [{"occupation": "互联网营销师", "relation": "本职业", ${fields}}]}`;

describe('duplicate keys in JSON profiles', () => {
  it('refuses a repeated field in either order, naming its pointer and the second key', () => {
    const later = work('"from": "2021-01-01", "from": "2010-01-01"');
    const earlier = work('"from": "2010-01-01", "from": "2021-01-01"');
    for (const text of [later, earlier]) {
      const { profile, items } = load(text);
      expect(profile).toBeUndefined();
      expect(items.map((d) => [d.code, d.path])).toEqual([['E_PROFILE_DUPLICATE_KEY', '/work/0/from']]);
      expect(items[0].range?.start).toEqual({ line: 1, col: text.lastIndexOf('"from"') + 1 }); // BMP text: UTF-16 index = code point column - 1
    }
  });

  it('finds duplicates at the root, in maps, spelled with escapes, on later lines', () => {
    expect(duplicates('{"birthDate": "2000-01-01", "birthDate": "2001-01-01"}')).toEqual([['/birthDate', 1, 29]]);
    const escaped = work('"years": 1, "\\u0079ears": 2');
    expect(duplicates(escaped)).toEqual([['/work/0/years', 1, escaped.indexOf('"\\u0079') + 1]]);
    const map = '{"work": [{"occupation": "x", "years": 1, "relation": {"a/b~c": "本职业", "a/b~c": "无关"}}]}';
    expect(duplicates(map)).toEqual([['/work/0/relation/a~1b~0c', 1, map.lastIndexOf('"a/b~c"') + 1]]);
    expect(duplicates('{\n  "facts": {\n    "安全行车里程": 1,\n    "安全行车里程": 2\n  }\n}')).toEqual([['/facts/安全行车里程', 4, 5]]);
    const twice = duplicates('{"birthDate": "2000-01-01", "birthDate": "2000-01-01", "work": [], "work": []}');
    expect(twice.map(([p]) => p)).toEqual(['/birthDate', '/work']);
  });

  it('accepts equal keys in different objects and colons inside strings', () => {
    expect(load('{"work": [{"occupation": "a", "years": 1}, {"occupation": "b", "years": 2}]}').items).toEqual([]);
    expect(load('{"work": [{"occupation": "a:b", "years": 1, "relation": {"x:y": "本职业", "x": "无关"}}]}').items).toEqual([]);
  });

  it('scans only texts with more colons than parsed keys', () => {
    expect(mayHaveDuplicateKeys('{"a": 1, "b": {"c": 2}}', 3)).toBe(false);
    expect(mayHaveDuplicateKeys('{"a": 1, "a": 2}', 1)).toBe(true);
    expect(mayHaveDuplicateKeys('{"a": "x:y"}', 1)).toBe(true);
    expect(duplicateKeys('{"a": "x:y"}')).toEqual([]);
    expect(duplicateKeys('{"a": {"b": 1, "b": 2}, "a": 3}').map((d) => d.path)).toEqual(['/a/b', '/a']);
  });

  it('zige eval refuses the profile and positions the error; the batch reports each such line', async () => {
    const dir = scratch('dupkeys');
    const file = join(dir, 'p.json');
    writeFileSync(file, '{\n  "work": [{"occupation": "互联网营销师", "relation": "本职业",\n    "from": "2021-01-01", "from": "2010-01-01"}]\n}\n');
    const common = ['--occupation', '互联网营销师', '--as-of', '2026-11-28', '--lang', 'en'];
    const single = await run(['eval', file, ...common]);
    expect(single.code).toBe(1);
    expect(single.stderr).toContain(`${file}:3:27: error[E_PROFILE_DUPLICATE_KEY]: field /work/0/from is duplicated`);

    const input = join(dir, 'in.jsonl');
    const out = join(dir, 'out.jsonl');
    const lines = [work('"from": "2021-01-01", "from": "2010-01-01"'), work('"from": "2010-01-01"'), work('"from": "2010-01-01", "to": "2020-01-01", "to": "2025-01-01"')];
    writeFileSync(input, lines.join('\n') + '\n');
    const batch = await run(['eval', '--batch', input, ...common, '--jobs', '1', '--out', out]);
    expect(batch.code).toBe(1);
    const rows = readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { line: number; error?: { code: string; path: string } });
    expect(rows.map((r) => [r.line, r.error?.code, r.error?.path])).toEqual([
      [1, 'E_PROFILE_DUPLICATE_KEY', '/work/0/from'],
      [2, undefined, undefined],
      [3, 'E_PROFILE_DUPLICATE_KEY', '/work/0/to'],
    ]);
    expect(batch.stderr).toMatch(/in\.jsonl:3:\d+: error\[E_PROFILE_DUPLICATE_KEY\]: field \/work\/0\/to is duplicated/);
  });
});
