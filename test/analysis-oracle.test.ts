// Every implication and contradiction the analysis claims holds on the reference interpreter
// (test/analysis-oracle.ts), on the hand-made pool; the large run with the bundled and random
// expressions is test/long/analysis-oracle.ts.
import { describe, expect, it } from 'vitest';
import { checkClaims } from './analysis-oracle.js';

describe('implications claimed by the analysis hold on the reference interpreter', () => {
  it('no counterexample on random and boundary profiles', () => {
    const r = checkClaims({ requirement: '学历 高中 及以上', random: 0, profiles: 150, seed: 19, bundled: false });
    expect(r.claims).toBeGreaterThan(100); // the pool makes many claims to check
    expect(r.impossible).toBeGreaterThan(1);
  });
});
