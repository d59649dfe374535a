// Checking rule files: every diagnostic has a code and a position in the YAML file.
import { describe, expect, it } from 'vitest';
import { check, levelFiveClause, ruleFile, rulesDir, RULES } from './helpers.js';

const clause = (when: string, source = '累计从事本职业或相关职业1年(含)以上。') => levelFiveClause(when, source);

/** Line 15 col 15 is where a `when:` plain scalar starts in files built by `ruleFile(clause(…))`. */
function diagnosticsFor(when: string, levels = '[5]') {
  const dir = rulesDir({ 'sample.yaml': ruleFile({ levels, conditions: clause(when) }) });
  return check(dir).sink.sorted().map((d) => ({ code: d.code, line: d.range?.start.line, col: d.range?.start.col }));
}

describe('the bundled rules', () => {
  it('check clean', () => {
    const { rules, sink } = check(RULES);
    expect(sink.sorted()).toEqual([]);
    expect(rules?.occupations.length).toBeGreaterThanOrEqual(8);
  });
});

describe('expression diagnostics point into the YAML file', () => {
  it('positions the plain scalar start', () => {
    expect(diagnosticsFor('学徒期满 且')).toEqual([{ code: 'E_SYNTAX_EOF', line: 15, col: 21 }]);
  });

  it('reports an unknown level name at the name', () => {
    expect(diagnosticsFor('持有 本职业或相关职业 六级')).toEqual([{ code: 'E_UNKNOWN_LEVEL', line: 15, col: 27 }]);
  });

  it('reports a 本职业 level the occupation does not offer', () => {
    expect(diagnosticsFor('持有 本职业 二级')).toEqual([{ code: 'E_LEVEL_NOT_OFFERED', line: 15, col: 22 }]);
    // A related occupation may offer it.
    expect(diagnosticsFor('持有 相关职业 二级')).toEqual([]);
  });

  it('reports a duration compared with a level', () => {
    expect(diagnosticsFor('从业 >= 四级')).toEqual([{ code: 'E_TYPE_DURATION', line: 15, col: 21 }]);
  });

  it('reports an unknown unit', () => {
    expect(diagnosticsFor('从业 >= 3')).toEqual([{ code: 'E_UNIT', line: 15, col: 21 }]);
    expect(diagnosticsFor('从业 >= 3月')).toEqual([{ code: 'E_UNIT', line: 15, col: 21 }]);
  });

  it('reports a scope that makes no sense', () => {
    expect(diagnosticsFor('学徒期满 本专业')).toEqual([{ code: 'E_SCOPE_OCCUPATION', line: 15, col: 20 }]);
    expect(diagnosticsFor('毕业 技工学校 本职业')).toEqual([{ code: 'E_SCOPE_MAJOR', line: 15, col: 23 }]);
  });

  it('reports combined level names that disagree', () => {
    expect(diagnosticsFor('持有 四级/高级工')).toEqual([{ code: 'E_LEVEL_MISMATCH', line: 15, col: 18 }]);
  });

  it('reports an unknown school kind', () => {
    expect(diagnosticsFor('毕业 技工学院')).toEqual([{ code: 'E_UNKNOWN_SCHOOL', line: 15, col: 18 }]);
  });

  it('reports words run together without a space', () => {
    expect(diagnosticsFor('非学徒期满')).toEqual([{ code: 'E_JOINED_WORDS', line: 15, col: 15 }]);
  });

  it('collects every problem of a file, sorted by position', () => {
    const dir = rulesDir({
      'sample.yaml': ruleFile({
        conditions: `  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 累计从事本职业或相关职业1年(含)以上。
        when: 持有 六级
      - id: "2"
        source: 本职业或相关职业学徒期满。
        when: 学徒期满 且`,
      }),
    });
    expect(check(dir).sink.sorted().map((d) => [d.code, d.range?.start.line])).toEqual([
      ['E_UNKNOWN_LEVEL', 15],
      ['E_SYNTAX_EOF', 18],
    ]);
  });
});

describe('positions are exact in every YAML scalar style', () => {
  const styles: [string, string, number, number][] = [
    ['double-quoted', '"持有 六级"', 15, 19],
    ['single-quoted', "'持有 六级'", 15, 19],
    ['literal block', '|\n          持有 六级', 16, 14],
    ['folded block', '>\n          持有\n          六级', 17, 11],
    ['double-quoted with escapes', '"\\u6301\\u6709 六级"', 15, 29],
  ];
  for (const [name, scalar, line, col] of styles) {
    it(name, () => {
      expect(diagnosticsFor(scalar)).toEqual([{ code: 'E_UNKNOWN_LEVEL', line, col }]);
    });
  }
});

describe('rule file structure', () => {
  // What the passes report (citations, levels, ids …) is tested per pass in test/passes/.
  it('reports a schema violation at the offending key', () => {
    const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: clause('学徒期满'), extra: 'colour: blue' }) });
    const [d] = check(dir).sink.sorted();
    expect(d.code).toBe('E_SCHEMA_ADDITIONAL');
    expect(d.range?.start).toEqual({ line: 8, col: 1 });
  });

  it('reports a YAML syntax error at its position', () => {
    const dir = rulesDir({ 'sample.yaml': 'id: sample\nname: [unclosed\n' });
    const [d] = check(dir).sink.sorted();
    expect(d.code).toBe('E_YAML');
    expect(d.range?.start.line).toBeGreaterThanOrEqual(2);
  });
});
