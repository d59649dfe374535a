// Shared by the pass tests (test/passes/): a check's diagnostics as `severity CODE line:col`, and
// rule files that cite a given source document.
import type { Diagnostic } from '../../compiler/diagnostics/diagnostics.js';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir } from '../helpers.js';

/** The source document `ruleFile` cites. */
export const BUNDLED = 'sources/guizhou-2023-09-registration-conditions.txt';
/** Where `ruleFile` writes the `file:` value: line 5, column 9. */
export const FILE_VALUE = { line: 5, col: 9 };

/** A level-4 group after the level-5 clause, so that a fixture may declare level 4 (a declared level needs conditions). */
export const LEVEL_4 = `
  - level: 4
    source: 四级/中级工
    clauses:
      - id: "1"
        source: 本职业或相关职业学徒期满。
        when: 学徒期满 本职业或相关职业`;

/** A diagnostic as `severity CODE line:col`. */
export function summary(d: Diagnostic): string {
  return `${d.severity} ${d.code} ${d.range?.start.line}:${d.range?.start.col}`;
}

/** Every diagnostic of checking `dir`, sorted by position, summarised. */
export function summaries(dir: string): string[] {
  return check(dir).sink.sorted().map(summary);
}

/** The diagnostics of checking `dir` with the given code. */
export function withCode(dir: string, code: string): Diagnostic[] {
  return check(dir).sink.sorted().filter((d) => d.code === code);
}

/** A rules directory whose one rule file (one level-5 clause) cites `file` as its source document. */
export function rulesCiting(file: string): string {
  return rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }).replace(BUNDLED, JSON.stringify(file)) });
}

/** A version of the `sample` occupation: `version:` on line 8, `inForce` on line 9 (col 10), one level-5 clause of `years` of work. */
export function ruleVersion(label: string, inForce: string, years: number): string {
  return ruleFile({
    levels: '[5]',
    extra: `version: "${label}"\ninForce: ${inForce}`,
    conditions: `  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 累计从事本职业或相关职业1年(含)以上。
        when: 从业 本职业或相关职业 >= ${years}年`,
  });
}
