// The check of `sourceMap` (compiler/passes/check-source-map.ts): each passage is in the source
// document, each clause it names exists in the file, and that clause's source lies inside the
// passage; `zige trace` then reads the passage as one clause in place of what it read there.
import { describe, expect, it } from 'vitest';
import { check, rulesDir } from '../helpers.js';
import { zige } from '../in-process.js';

interface Row {
  section: string;
  level: number | null;
  clause: number;
  layout?: string;
  rules: { id: string }[];
}

describe('sourceMap in the check stage', () => {
  const mapped = (entries: string): string => `id: mapped
name: 映射
source:
  document: 样例
  file: sources/guizhou-2023-09-registration-conditions.txt
  section: 一、互联网营销师
levels: [5]
sourceMap:
${entries}
conditions:
  - level: 5
    source: 五级/初级工
    clauses:
      - id: "3"
        source: 本职业或相关职业学徒期满。
        when: 学徒期满 本职业或相关职业
`;
  const summarise = (dir: string): string[] => check(dir).sink.sorted().map((d) => `${d.code} ${d.range?.start.line}:${d.range?.start.col}`);

  it('checks the passage is in the source, the clauses exist, and each clause cites inside its passage', () => {
    expect(summarise(rulesDir({ 'a.yaml': mapped('  - passage: 3. 本职业或相关职业学徒期满。\n    clauses: [5/3]') }))).toEqual([]);
    expect(summarise(rulesDir({ 'a.yaml': mapped('  - passage: 3. 本职业学徒期满。\n    clauses: [5/3]') }))).toEqual(['E_SOURCE_MISSING 9:14', 'E_SOURCE_MAP_OUTSIDE 10:15']);
    expect(summarise(rulesDir({ 'a.yaml': mapped('  - passage: 3. 本职业或相关职业学徒期满。\n    clauses: [5/4, 4/3]') }))).toEqual(['E_SOURCE_MAP_CLAUSE 10:15', 'E_SOURCE_MAP_CLAUSE 10:20']);
    expect(summarise(rulesDir({ 'a.yaml': mapped('  - passage: 3. 本职业或相关职业学徒期满。\n    clauses: [五级/3]') }))[0]).toMatch(/^E_SCHEMA/);
  });

  it('the mapped passage replaces the clause read there, and counts as encoded', async () => {
    const dir = rulesDir({ 'a.yaml': mapped('  - passage: 本职业或相关职业学徒期满。\n    clauses: [5/3]') });
    const rows = (JSON.parse((await zige(['trace', dir, '--json'])).stdout) as Row[]).filter((r) => r.section === '一、互联网营销师' && r.level === 5);
    expect(rows.map((r) => [r.clause, r.layout, r.rules.map((x) => x.id)])).toEqual([
      [1, undefined, []],
      [2, undefined, []],
      [1, 'mapped', ['mapped/5/3']],
    ]);
  });
});
