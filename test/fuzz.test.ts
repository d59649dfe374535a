// Parser and checker fuzzing: random text and mutations (inserted, deleted, swapped and
// duplicated tokens and characters) of every `when:` expression in rules/*.yaml and of generated
// expressions. parseExpression never throws, never hangs, and returns either an AST (which
// round-trips through the printer) or diagnostics inside the text; the full checker never throws
// on damaged rule files, and every diagnostic has a code and a place.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_EXPRESSION_LENGTH, MAX_NESTING, parseExpression } from '../grammar/index.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { expressionArb } from './oracle/arbitraries.js';
import { damagedYamlArb, diagnosticProblems, mutatedArb, parseProblems, randomTextArb, whenExpressions } from './oracle/fuzzing.js';
import { check, RULES, rulesDir, sized } from './helpers.js';

const corpus = whenExpressions(RULES);

function assertParses(text: string): void {
  const problems = parseProblems(text);
  if (problems.length > 0) throw new Error(`parseExpression(${JSON.stringify(text)}):\n${problems.join('\n')}`);
}

describe('parseExpression on hostile input', () => {
  it('has a corpus: every when: of the bundled rules', () => {
    expect(corpus.length).toBeGreaterThan(50);
    for (const w of corpus) expect(parseProblems(w)).toEqual([]);
  });

  it('keeps its invariants on mutations of the rule files’ expressions', () => {
    fc.assert(fc.property(fc.constantFrom(...corpus).chain(mutatedArb), assertParses), { numRuns: sized(1000, 3000) });
  });

  it('keeps its invariants on mutations of generated expressions', () => {
    fc.assert(fc.property(expressionArb().chain(mutatedArb), assertParses), { numRuns: sized(600, 1500) });
  }, 30_000);

  it('keeps its invariants on random text', () => {
    fc.assert(fc.property(randomTextArb, assertParses), { numRuns: 3000 });
  });

  it('refuses input over the size limit with E_TOO_LONG, positioned at the excess', () => {
    const long = '学徒期满 或 '.repeat(1000);
    const r = parseExpression(long);
    expect(r.ast).toBeUndefined();
    expect(r.diagnostics).toEqual([{ code: 'E_TOO_LONG', range: { start: MAX_EXPRESSION_LENGTH, end: long.length }, args: { length: long.length, max: MAX_EXPRESSION_LENGTH } }]);
    // up to the limit it is parsed
    let atLimit = '学徒期满';
    while (atLimit.length + ' 或 学徒期满'.length <= MAX_EXPRESSION_LENGTH) atLimit += ' 或 学徒期满';
    expect(atLimit.length).toBeGreaterThan(MAX_EXPRESSION_LENGTH - 8);
    expect(parseProblems(atLimit)).toEqual([]);
  });

  it('refuses nesting over the limit with E_TOO_DEEP at the offending token, and parses the limit itself quickly', () => {
    const deep = (n: number): string => '('.repeat(n) + '学徒期满' + ')'.repeat(n);
    const over = parseExpression(deep(MAX_NESTING + 1));
    expect(over.diagnostics).toEqual([{ code: 'E_TOO_DEEP', range: { start: MAX_NESTING, end: MAX_NESTING + 1 }, args: { max: MAX_NESTING } }]);
    const nots = '非 '.repeat(MAX_NESTING + 1) + '学徒期满';
    expect(parseExpression(nots).diagnostics.map((d) => d.code)).toEqual(['E_TOO_DEEP']);
    expect(parseProblems(deep(MAX_NESTING))).toEqual([]);
    expect(parseProblems('非 '.repeat(MAX_NESTING) + '学徒期满')).toEqual([]);
    // Nesting of both kinds at once, up to the length limit: no stack overflow, no quadratic blow-up.
    let mixed = '';
    while (mixed.length < MAX_EXPRESSION_LENGTH - 400) mixed += 'not '.repeat(MAX_NESTING - 1) + '(';
    const open = (mixed.match(/\(/g) ?? []).length;
    mixed += '学徒期满' + ')'.repeat(open);
    expect(mixed.length).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
    const t0 = performance.now();
    expect(parseProblems(mixed)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

describe('the checker on damaged rule files', () => {
  const file = 'internet-marketer.yaml';
  const original = readFileSync(join(RULES, file), 'utf8');
  const dir = rulesDir({ [file]: original });
  const path = join(dir, file);

  it('never throws, and every diagnostic has a code and a place inside the file', () => {
    let withErrors = 0;
    const runs = sized(24, 60);
    fc.assert(
      fc.property(damagedYamlArb(original, corpus), (text) => {
        writeFileSync(path, text);
        const { rules, sink } = check(dir);
        const problems = diagnosticProblems(sink.items, new Map([[path, text]]));
        if (problems.length > 0) throw new Error(`${problems.join('\n')}\n${JSON.stringify(text)}`);
        if (sink.hasErrors) withErrors++;
        // What still checks also compiles and loads.
        else for (const occ of rules!.occupations) instantiate(occ);
      }),
      { numRuns: runs },
    );
    // The damage is real: most runs are refused.
    expect(withErrors).toBeGreaterThan(runs / 2);
  }, 60_000);

  it('positions E_TOO_LONG and E_TOO_DEEP inside the when: scalar', () => {
    const tooLong = original.replace('when: 从业 本职业或相关职业 >= 1年', `when: ${'学徒期满 或 '.repeat(800)}学徒期满`);
    const tooDeep = original.replace('when: 从业 本职业或相关职业 >= 1年', `when: ${'('.repeat(70)}学徒期满${')'.repeat(70)}`);
    for (const [text, code] of [[tooLong, 'E_TOO_LONG'], [tooDeep, 'E_TOO_DEEP']] as const) {
      writeFileSync(path, text);
      const { sink } = check(dir);
      const d = sink.items.find((x) => x.code === code);
      expect(d, code).toBeDefined();
      const line = text.split('\n').findIndex((l) => l.includes('学徒期满 或 学徒期满') || l.includes('((((学徒期满')) + 1;
      expect(d!.file).toBe(path);
      expect(d!.range!.start.line).toBe(line);
      expect(diagnosticProblems(sink.items, new Map([[path, text]]))).toEqual([]);
    }
  });
});
