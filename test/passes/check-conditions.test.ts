// The check-conditions pass (compiler/passes/check-conditions.ts): each condition group is for a
// declared level, given once; clause ids are unique within it; every sentence is cited word for
// word; every `when:` is checked; the checked clauses are built.
import { describe, expect, it } from 'vitest';
import { check, levelFiveClause, ruleFile, rulesDir } from '../helpers.js';
import { BUNDLED, summaries, withCode } from './helpers.js';

const clause = (when: string, source = '累计从事本职业或相关职业1年(含)以上。') => levelFiveClause(when, source);

/** Two level-5 clauses, lines 10–18: ids on lines 13 and 16 (col 13), levels from `levels`. */
const twoClauses = (secondId: string, levels = '[5]') =>
  rulesDir({
    'sample.yaml': ruleFile({
      levels,
      conditions: `  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 本职业或相关职业学徒期满。
        when: 学徒期满
      - id: "${secondId}"
        source: 本职业或相关职业学徒期满。
        when: 学徒期满`,
    }),
  });

describe('check-conditions', () => {
  it('accepts declared levels, distinct ids, cited sentences, and builds the clauses', () => {
    const { rules, sink } = check(twoClauses('2'));
    expect(sink.items).toEqual([]);
    expect(rules?.occupations[0].clauses.map((c) => [c.id, c.level, c.localId, c.line, c.when])).toEqual([
      ['sample/5/1', 5, '1', 13, '学徒期满'],
      ['sample/5/2', 5, '2', 16, '学徒期满'],
    ]);
  });

  it('reports a source sentence that is not in the source document', () => {
    const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: clause('学徒期满', '累计从事本职业1年以上。') }) });
    expect(check(dir).sink.sorted().map((d) => [d.code, d.range?.start.line, d.range?.start.col])).toEqual([['E_SOURCE_MISSING', 14, 17]]);
  });

  it('E_SOURCE_MISSING: a group sentence not in the source document, at its source: value', () => {
    const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: clause('学徒期满').replace('source: 五级/初级工', 'source: 六级/学徒工') }) });
    expect(summaries(dir)).toEqual(['error E_SOURCE_MISSING 11:13']);
    expect(withCode(dir, 'E_SOURCE_MISSING')[0].args).toEqual({ file: BUNDLED });
  });

  it('reports duplicate clause ids and undeclared levels', () => {
    const dir = twoClauses('1', '[4]');
    // level 4, declared, has no conditions: a warning besides
    expect(check(dir).sink.sorted().map((d) => d.code)).toEqual(['W_LEVEL_NO_CONDITIONS', 'E_LEVEL_NOT_DECLARED', 'E_DUPLICATE_ID']);
  });

  it('E_LEVEL_NOT_DECLARED at the level: value, naming the level', () => {
    const dir = twoClauses('2', '[4]');
    expect(summaries(dir)).toEqual(['warning W_LEVEL_NO_CONDITIONS 7:10', 'error E_LEVEL_NOT_DECLARED 10:12']);
    expect(withCode(dir, 'E_LEVEL_NOT_DECLARED')[0].args).toEqual({ level: 5 });
  });

  it('E_DUPLICATE_ID at the second id: value, naming it as a clause id', () => {
    const dir = twoClauses('1');
    expect(summaries(dir)).toEqual(['error E_DUPLICATE_ID 16:13']);
    expect(withCode(dir, 'E_DUPLICATE_ID')[0].args).toEqual({ what: '条款编号', id: '1' });
  });

  it('E_DUPLICATE_LEVEL at the second group’s level: value', () => {
    const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: `${clause('学徒期满')}\n${clause('学徒期满')}` }) });
    expect(summaries(dir)).toEqual(['error E_DUPLICATE_LEVEL 16:12']);
    expect(withCode(dir, 'E_DUPLICATE_LEVEL')[0].args).toEqual({ level: 5 });
  });

  it('a problem in a when: expression is reported at its word, and the other clauses still checked', () => {
    const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: `${clause('持有 六级')}\n${clause('学徒期满', '不在来源中。').replace('level: 5', 'level: 4').replace('五级/初级工', '四级/中级工')}` }) });
    expect(summaries(dir)).toEqual(['error E_UNKNOWN_LEVEL 15:18', 'error E_SOURCE_MISSING 20:17']);
  });
});
