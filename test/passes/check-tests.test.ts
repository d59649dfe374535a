// The check-tests pass (compiler/passes/check-tests.ts): a rule file's own test cases name clauses
// and levels that exist, and expect something; they are recorded on the checked occupation.
import { describe, expect, it } from 'vitest';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir } from '../helpers.js';
import { LEVEL_4, summaries, withCode } from './helpers.js';

/** One test case named 样例 whose expectations start on line 12 (after name, asOf and profile). */
const withTest = (expectations: string): string =>
  rulesDir({
    'sample.yaml': ruleFile({
      conditions: APPRENTICESHIP_LEVEL_5 + LEVEL_4,
      extra: `tests:\n  - name: 样例\n    asOf: 2026-11-28\n    profile: {education: []}\n${expectations}`,
    }),
  });

describe('check-tests', () => {
  it('accepts a case naming existing clauses and declared levels, and records it', () => {
    const { rules, sink } = check(withTest('    only: [5/1]\n    clauses: {5/1: met}\n    expect: {5: eligible, 4: ineligible}'));
    expect(sink.items).toEqual([]);
    expect(rules?.occupations[0].tests).toEqual([
      { name: '样例', line: 9, asOf: '2026-11-28', profile: { education: [] }, expect: { 5: 'eligible', 4: 'ineligible' }, only: ['5/1'], clauses: { '5/1': 'met' } },
    ]);
  });

  // A reference in only: is reported at itself; a key of clauses: or expect: at its value (`met`,
  // `ineligible`), the node the YAML path leads to, not at the key.
  it('E_TEST_CLAUSE: a clause in only: or clauses: that does not exist', () => {
    const dir = withTest('    only: [5/1, 4/9]\n    clauses: {5/2: met}');
    expect(summaries(dir)).toEqual(['error E_TEST_CLAUSE 12:17', 'error E_TEST_CLAUSE 13:20']);
    expect(withCode(dir, 'E_TEST_CLAUSE').map((d) => d.args)).toEqual([
      { test: '样例', clause: '4/9' },
      { test: '样例', clause: '5/2' },
    ]);
  });

  it('E_TEST_LEVEL: an expected level the occupation does not declare', () => {
    const dir = withTest('    expect: {5: eligible, 2: ineligible}');
    expect(summaries(dir)).toEqual(['error E_TEST_LEVEL 12:30']);
    expect(withCode(dir, 'E_TEST_LEVEL')[0].args).toEqual({ test: '样例', level: '2' });
  });

  it('W_TEST_NO_EXPECTATION: a case with no expect, only or clauses, a warning at its name; the occupation is still built', () => {
    const dir = withTest('');
    expect(summaries(dir)).toEqual(['warning W_TEST_NO_EXPECTATION 9:11']);
    expect(withCode(dir, 'W_TEST_NO_EXPECTATION')[0].args).toEqual({ test: '样例' });
    expect(check(dir).rules?.occupations.map((o) => o.id)).toEqual(['sample']);
  });
});
