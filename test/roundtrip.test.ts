// Round trip through the one printer: for every clause and education requirement of the rule
// files, and for random generated expressions, parse → print (Chinese and English keywords) →
// parse gives the same tree, ranges aside; printing is canonical (a fixed point).
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseExpression, printExpression } from '../grammar/index.js';
import { expressionArb } from './oracle/arbitraries.js';
import { roundTripProblems, stripRanges, whenExpressions } from './oracle/fuzzing.js';
import { check, ROOT, RULES, sized } from './helpers.js';

const ruleExpressions = [...whenExpressions(RULES), ...whenExpressions(join(ROOT, 'test', 'fixtures', 'invented'))];

function parsed(text: string) {
  const r = parseExpression(text);
  if (!r.ast) throw new Error(`does not parse: ${text} ${JSON.stringify(r.diagnostics)}`);
  return r.ast;
}

describe('parse → print → parse', () => {
  it('holds for every when: of rules/ and the invented occupation, in both keyword sets', () => {
    expect(ruleExpressions.length).toBeGreaterThan(60);
    for (const text of ruleExpressions) expect(roundTripProblems(parsed(text)), text).toEqual([]);
  });

  it('prints canonically: printing the re-parsed text gives the same text', () => {
    for (const text of ruleExpressions) {
      for (const lang of ['zh', 'en'] as const) {
        const once = printExpression(parsed(text), { lang });
        expect(printExpression(parsed(once), { lang })).toBe(once);
      }
    }
  });

  it('the checked clauses carry the canonical text of their expression', () => {
    const { rules } = check(RULES);
    const clauses = rules!.occupations.flatMap((o) => [...o.clauses.map((c) => c.when), ...(o.education ? [o.education.when] : [])]);
    expect(clauses.length).toBeGreaterThan(60);
    for (const when of clauses) expect(printExpression(parsed(when))).toBe(when);
  });

  it('holds for random expressions: every construct, both keyword sets mixed, odd spacing and parentheses', () => {
    fc.assert(
      fc.property(expressionArb({ depth: 4 }), (text) => {
        const ast = parsed(text);
        expect(roundTripProblems(ast)).toEqual([]);
        // Chinese and English printings are two spellings of one tree.
        const zh = stripRanges(parsed(printExpression(ast, { lang: 'zh' })));
        expect(stripRanges(parsed(printExpression(ast, { lang: 'en' })))).toEqual(zh);
      }),
      { numRuns: sized(500, 1500) },
    );
  });

  it('holds for numbers the lexer reads but JavaScript prints with an exponent, and for long 非 chains', () => {
    for (const text of [
      '从业 >= 1000000000000000000000天',
      '从业 >= 0.0000001年',
      `从业 >= ${'9'.repeat(400)}天`,
      '持有 level 1000000000000000000000',
      '安全行车里程 >= 123456789012345678901234567890km',
      `${'非 '.repeat(60)}(${'非 '.repeat(60)}学徒期满)`,
    ]) {
      expect(roundTripProblems(parsed(text)), text).toEqual([]);
    }
  });
});
