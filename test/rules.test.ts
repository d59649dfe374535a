// The bundled rules: every test case written in a rule file runs here as its own test, every
// clause is made true by some case, and 互联网营销师's clauses are pinned one by one.
import { describe, expect, it } from 'vitest';
import { runCase } from '../cli/rule-tests.js';
import { check, RULES } from './helpers.js';

const { rules, sink } = check(RULES);

describe('bundled rule files', () => {
  it('check without diagnostics', () => {
    expect(sink.sorted()).toEqual([]);
    expect(rules?.occupations.map((o) => o.id).sort()).toEqual([
      'ai-trainer',
      'chaoyang-skill-upgrade-subsidy',
      'draftsman',
      'hr-manager',
      'internet-marketer',
      'labor-dispatch-manager',
      'labor-relations-coordinator',
      'network-security-admin',
      'pest-control-worker',
      'tech-consultant',
      'tianjin-competition-promotion',
      'tianjin-competition-promotion',
      'vocational-trainer',
    ]);
  });
});

for (const occ of rules?.occupations ?? []) {
  describe(`${occ.id} (${occ.file})`, () => {
    const covered = new Set<string>();
    for (const test of occ.tests) {
      it(test.name, async () => {
        const outcome = await runCase(occ, test);
        for (const r of outcome.results ?? []) for (const c of r.clauses) if (c.status === 'met') covered.add(c.id);
        expect(outcome.failures).toEqual([]);
      });
    }
    it('has a test case making each clause true', () => {
      const uncovered = occ.clauses.map((c) => c.id).filter((id) => !covered.has(id));
      expect(uncovered).toEqual([]);
    });
  });
}

describe('互联网营销师, clause by clause', () => {
  const occ = rules?.occupations.find((o) => o.id === 'internet-marketer');
  // Deleting or renaming any clause of the rule file fails here.
  const pinned = [
    '5/1', '5/2', '5/3',
    '4/1', '4/2', '4/3', '4/4a', '4/4b',
    '3/1', '3/2', '3/3a', '3/3b', '3/4',
    '2/1', '2/2', '2/3a', '2/3b',
    '1/1', '1/2',
  ];

  it('encodes exactly the pinned clauses', () => {
    expect(occ?.clauses.map((c) => `${c.level}/${c.localId}`)).toEqual(pinned);
  });

  for (const ref of pinned) {
    it(`has a profile that satisfies exactly ${ref}`, async () => {
      const test = occ!.tests.find((t) => t.only.length === 1 && t.only[0] === ref);
      expect(test, `a test with only: [${ref}]`).toBeDefined();
      const outcome = await runCase(occ!, test!);
      expect(outcome.failures).toEqual([]);
      const level = Number(ref.split('/')[0]);
      const result = outcome.results!.find((r) => r.level === level)!;
      // Every clause of the level is asserted: this one met, the others unmet.
      expect(Object.fromEntries(result.clauses.map((c) => [c.id, c.status]))).toEqual(
        Object.fromEntries(occ!.clauses.filter((c) => c.level === level).map((c) => [c.id, c.id === `internet-marketer/${ref}` ? 'met' : 'unmet'])),
      );
      expect(result.status).toBe('eligible');
    });
  }
});
