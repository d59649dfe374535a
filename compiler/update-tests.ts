// `zige test --update`: records the actual results of test cases that have no `expect` yet, as
// `expect:` plus `reviewed: false`, inserted into the rule file's text at the end of each case's
// map. The Document tells where each case is and what it holds; nothing else in the file is
// touched (comments, quoting, flow or block style), and the result is re-parsed and compared with
// the intended data before it is returned.
import { isMap, isSeq, type YAMLMap } from 'yaml';
import { findPath, parseYaml } from './load/yaml-positions.js';

/** Level → status, in the order to write them (五级 first). */
export type Expectations = ReadonlyArray<readonly [level: number, status: string]>;

export interface TestUpdate {
  /** Index of the case in `tests`. */
  index: number;
  expect: Expectations;
}

/** Indices of the cases of a rule file's `tests` that have no `expect` key. */
export function casesWithoutExpect(text: string): number[] {
  const parsed = parseYaml(text);
  const tests = (parsed.data as { tests?: unknown } | undefined)?.tests;
  if (!Array.isArray(tests)) return [];
  return tests.flatMap((t, i) => (t !== null && typeof t === 'object' && !('expect' in (t as object)) ? [i] : []));
}

function flowExpect(expect: Expectations): string {
  return `{${expect.map(([l, s]) => `${l}: ${s}`).join(', ')}}`;
}

/**
 * Inserts `expect: {…}` and `reviewed: false` into the given cases. Cases that already have an
 * `expect` are left alone: existing expectations are never overwritten.
 */
export function insertExpectations(text: string, updates: readonly TestUpdate[]): string {
  const parsed = parseYaml(text);
  if (parsed.problems.length > 0) throw new Error(`cannot update a file with YAML errors: ${parsed.problems[0].detail}`);
  const seq = findPath(parsed.doc, ['tests']).node;
  if (!isSeq(seq)) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const inserts: { at: number; text: string }[] = [];
  const done: TestUpdate[] = [];
  for (const u of updates) {
    const map = seq.items[u.index];
    if (!isMap(map) || !map.range || map.has('expect') || u.expect.length === 0) continue;
    const m = map as YAMLMap;
    if (m.flow) {
      // `- {name: …, profile: {…}}`: before the closing brace
      let close = text.lastIndexOf('}', m.range![1] - 1);
      while (close > 0 && /\s/.test(text[close - 1])) close--;
      inserts.push({ at: close, text: `, expect: ${flowExpect(u.expect)}, reviewed: false` });
    } else {
      const first = m.items[0]?.key as { range?: [number, number, number] } | undefined;
      const last = m.items[m.items.length - 1];
      const lastNode = (last?.value ?? last?.key) as { range?: [number, number, number] } | undefined;
      if (!first?.range || !lastNode?.range) continue;
      const keyStart = first.range[0];
      const indent = ' '.repeat(keyStart - (text.lastIndexOf('\n', keyStart - 1) + 1));
      const lines = `${indent}expect: ${flowExpect(u.expect)}${eol}${indent}reviewed: false${eol}`;
      const end = lastNode.range[1];
      if (end > 0 && text[end - 1] === '\n') inserts.push({ at: end, text: lines });
      else {
        const nl = text.indexOf('\n', end);
        if (nl >= 0) inserts.push({ at: nl + 1, text: lines });
        else inserts.push({ at: text.length, text: eol + lines.slice(0, -eol.length) });
      }
    }
    done.push(u);
  }
  let out = text;
  for (const ins of [...inserts].sort((a, b) => b.at - a.at)) out = out.slice(0, ins.at) + ins.text + out.slice(ins.at);

  // The result must hold exactly the old data plus the new keys.
  const want = JSON.parse(JSON.stringify(parsed.data)) as { tests: Record<string, unknown>[] };
  for (const u of done) {
    want.tests[u.index].expect = Object.fromEntries(u.expect.map(([l, s]) => [String(l), s]));
    want.tests[u.index].reviewed = false;
  }
  const check = parseYaml(out);
  if (check.problems.length > 0 || JSON.stringify(check.data) !== JSON.stringify(want)) {
    throw new Error('recording expectations would change other data of the file; left unchanged');
  }
  return out;
}
