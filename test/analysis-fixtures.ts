// Small rule files for the analysis tests: clauses by level, an education requirement, the levels
// offered and work types, in a scratch rules directory with a source document quoting them.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, scratch } from './helpers.js';

export interface Sketch {
  id?: string;
  name?: string;
  version?: string;
  levels?: number[];
  requirement?: string;
  workTypes?: { name: string; levels: number[] }[];
  /** level → clause expressions (ids 1, 2, …). */
  clauses: Record<number, string[]>;
  /** Extra YAML lines per clause `level/id`. */
  extra?: Record<string, string>;
}

const SOURCE = '样例标题\n样例条款。\n样例学历要求\n';

export function sketchFile(s: Sketch): string {
  const q = (x: string): string => JSON.stringify(x);
  const levels = s.levels ?? Object.keys(s.clauses).map(Number).sort((a, b) => b - a);
  const conditions = Object.entries(s.clauses)
    .sort(([a], [b]) => Number(b) - Number(a))
    .map(([level, list]) => `  - level: ${level}\n    source: 样例标题\n    clauses:\n${list.map((e, i) => `      - id: "${i + 1}"\n        source: 样例条款。\n        when: ${q(e)}${s.extra?.[`${level}/${i + 1}`] ? `\n        ${s.extra[`${level}/${i + 1}`]}` : ''}`).join('\n')}`)
    .join('\n');
  return `id: ${s.id ?? 'sample'}
name: ${s.name ?? '样例职业'}
${s.version ? `version: ${s.version}\n` : ''}source:
  document: 样例
  file: sources/sample.txt
  section: 样例标题
${s.requirement ? `education:\n  source: 样例学历要求\n  when: ${q(s.requirement)}\n` : ''}levels: [${levels.join(', ')}]
${s.workTypes ? `workTypes:\n${s.workTypes.map((w) => `  - {name: ${w.name}, levels: [${w.levels.join(', ')}]}`).join('\n')}\n` : ''}related:
  occupations: [电子商务师]
  sameMajors: [计算机应用]
  majors: [电子商务]
conditions:
${conditions}
`;
}

/** A rules directory with the bundled vocabulary, the one source document and `files` (rule file texts). */
export function lightRulesDir(files: Record<string, string>, source = SOURCE): string {
  const dir = scratch('rules');
  copyFileSync(join(RULES, 'vocabulary.yaml'), join(dir, 'vocabulary.yaml'));
  mkdirSync(join(dir, 'sources'));
  writeFileSync(join(dir, 'sources', 'sample.txt'), source);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function sketchDir(files: Record<string, Sketch>): string {
  return lightRulesDir(Object.fromEntries(Object.entries(files).map(([n, s]) => [n, sketchFile(s)])));
}
