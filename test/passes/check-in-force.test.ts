// The check-in-force pass (compiler/passes/check-in-force.ts): the period a rule version is in
// force (inForce) does not end before it starts.
import { describe, expect, it } from 'vitest';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir } from '../helpers.js';
import { summaries, withCode } from './helpers.js';

/** A rule file in force over `inForce`, on line 8 (the `to:` value at col 33 when both dates are given). */
const inForce = (period: string): string => rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5, extra: `inForce: ${period}` }) });

describe('check-in-force', () => {
  it('accepts a period of one day, one without an end, and no period', () => {
    expect(summaries(inForce('{from: 2025-01-01, to: 2025-01-01}'))).toEqual([]);
    expect(summaries(inForce('{from: 2025-01-01}'))).toEqual([]);
    expect(check(rulesDir({ 'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 }) })).rules?.occupations[0].inForce).toBeNull();
  });

  it('rejects a period that ends before it starts', () => {
    const backwards = inForce('{from: 2025-01-01, to: 2024-01-01}');
    expect(check(backwards).sink.sorted().map((d) => d.code)).toEqual(['E_VERSION_PERIOD']);
  });

  it('E_VERSION_PERIOD at the to: value, naming both dates', () => {
    const dir = inForce('{from: 2025-01-01, to: 2024-12-31}');
    expect(summaries(dir)).toEqual(['error E_VERSION_PERIOD 8:33']);
    expect(withCode(dir, 'E_VERSION_PERIOD')[0].args).toEqual({ from: '2025-01-01', to: '2024-12-31' });
  });
});
