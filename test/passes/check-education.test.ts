// The check-education pass (compiler/passes/check-education.ts): the education requirement's
// sentence is cited word for word, its `when:` is checked (as a gate), and the checked occupation
// carries it.
import { describe, expect, it } from 'vitest';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir } from '../helpers.js';
import { BUNDLED, summaries, withCode } from './helpers.js';

/** A rule file with an education requirement: `source:` on line 9 (col 11), `when:` on line 10 (col 9). */
const withEducation = (source: string, when: string): string =>
  rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5, extra: `education:\n  source: ${source}\n  when: ${when}` }) });

describe('check-education', () => {
  it('accepts a cited sentence and a valid expression, and records them', () => {
    const { rules, sink } = check(withEducation('学历要求：初中毕业(或相当文化程度)', '学历 初中 及以上'));
    expect(sink.items).toEqual([]);
    expect(rules?.occupations[0].education).toMatchObject({ text: '学历要求：初中毕业(或相当文化程度)', when: '学历 初中 及以上' });
  });

  it('E_SOURCE_MISSING: a sentence not in the source document, at the source: value', () => {
    const dir = withEducation('学历要求：博士毕业', '学历 初中 及以上');
    expect(summaries(dir)).toEqual(['error E_SOURCE_MISSING 9:11']);
    expect(withCode(dir, 'E_SOURCE_MISSING')[0].args).toEqual({ file: BUNDLED });
  });

  it('a problem in the when: expression, at its word; with a missing sentence, both are reported', () => {
    const dir = withEducation('学历要求：博士毕业', '学历 技工学院 及以上');
    expect(summaries(dir)).toEqual(['error E_SOURCE_MISSING 9:11', 'error E_UNKNOWN_DEGREE 10:12']);
    expect(withCode(dir, 'E_UNKNOWN_DEGREE')[0]).toMatchObject({ args: { name: '技工学院' }, suggestions: ['技工学校', '技师学院'] });
    expect(check(dir).rules?.occupations).toEqual([]);
  });
});
