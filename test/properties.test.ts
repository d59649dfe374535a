// Differential property tests: the generated evaluators (compiler → generated code → runtime)
// and the reference interpreter in test/oracle/ (which reads the AST and the raw profile and
// implements docs/language.md on its own) must agree on every level status, education status and
// clause status — for random profiles on the edges of the semantics, over every bundled
// occupation, and for random expressions compiled into a synthetic rule file.
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CheckedOccupation } from '../compiler/checked.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateOccupation, formatDay, parseDay, type Level, type Profile } from '../runtime/index.js';
import { expressionArb, profileArb, worldOf } from './oracle/arbitraries.js';
import { differ, explain, generatedLevels, REQUIREMENTS, SYNTHETIC_RELATED, SYNTHETIC_SOURCE, syntheticRuleFile } from './oracle/harness.js';
import { loadOracleVocabulary, Oracle } from './oracle/interpreter.js';
import { check, ROOT, RULES, rulesDir, scratch, sized } from './helpers.js';

const vocabulary = loadOracleVocabulary();

function checked(dir: string): CheckedOccupation[] {
  const { rules, sink } = check(dir);
  const errors = sink.items.filter((d) => d.severity === 'error');
  if (!rules || errors.length > 0) throw new Error(`rules do not check: ${JSON.stringify(errors.slice(0, 3))}`);
  return rules.occupations;
}

/** Throws (so fast-check shrinks and reports) when the two implementations disagree. */
function agree(oracle: Oracle, profile: unknown, asOf: string, withExplanations = false): void {
  const d = differ(oracle, profile, asOf, withExplanations);
  if (d) throw new Error(`generated code and oracle disagree\n${explain(d)}`);
}

describe('generated code = reference interpreter, on random profiles', () => {
  const bundled = checked(RULES);
  const invented = scratch('invented-oracle');
  copyFileSync(join(ROOT, 'test', 'fixtures', 'invented', 'driving-coach.yaml'), join(invented, 'driving-coach.yaml'));
  const occupations = [...bundled, ...checked(invented)];
  const oracles = occupations.map((o) => new Oracle(o, vocabulary));
  const world = worldOf(occupations, vocabulary);

  it('covers the 13 bundled occupations and the invented one', () => {
    expect(bundled).toHaveLength(13);
    expect(oracles.map((o) => o.occ.id)).toContain('invented-coach');
  });

  it('agrees on every level, education and clause status', () => {
    const tally = { eligible: 0, ineligible: 0, unknown: 0 };
    fc.assert(
      fc.property(profileArb(world), ({ asOf, profile }) => {
        for (const o of oracles) {
          // Both paths: with explanations (as `zige eval` calls it) each clause is decided by
          // its explaining plan, without (the fast path) by the generated test.
          agree(o, profile, asOf, true);
          agree(o, profile, asOf, false);
          for (const l of o.evaluate(profile, asOf)) tally[l.status]++;
        }
      }),
      { numRuns: sized(150, 300) },
    );
    // The generators reach every outcome, so agreement is not vacuous.
    expect(tally.eligible).toBeGreaterThan(0);
    expect(tally.unknown).toBeGreaterThan(0);
    expect(tally.ineligible).toBeGreaterThan(0);
  }, 60_000);
});

describe('earliest: the first day on which the same profile is eligible', () => {
  const occupations = checked(RULES).map((o) => instantiate(o));
  const world = worldOf(checked(RULES), vocabulary);
  const HORIZON = 60 * 365;
  const shift = (asOf: string, days: number): string => formatDay(parseDay(asOf)! + days);
  /** Dated entries after the as-of date would count on a later day but not in the projection. */
  const nothingAhead = (p: Profile, asOf: string): boolean => {
    const day = parseDay(asOf)!;
    const after = (d: string | undefined): boolean => d !== undefined && (parseDay(d) ?? -Infinity) > day;
    return (
      !(p.work ?? []).some((w) => after(w.from)) &&
      !(p.certificates ?? []).some((c) => after(c.date)) &&
      !(p.training ?? []).some((t) => after(t.date)) &&
      !(p.apprenticeships ?? []).some((a) => after(a.completed)) &&
      !(p.education ?? []).some((e) => after(e.date)) &&
      !(p.events ?? []).some((e) => after(e.date))
    );
  };
  const statusOn = (occ: (typeof occupations)[number], p: Profile, asOf: string, level: Level): string =>
    evaluateOccupation(occ, p, { asOf, level, explain: false })[0].status;

  it('re-evaluating on `earliest` gives eligible, the day before not; null means not eligible 60 years on', () => {
    let dated = 0;
    let never = 0;
    fc.assert(
      fc.property(profileArb(world), ({ asOf, profile }) => {
        const p = profile as Profile;
        fc.pre(nothingAhead(p, asOf));
        for (const occ of occupations) {
          let results;
          try {
            results = evaluateOccupation(occ, p, { asOf });
          } catch {
            continue; // a profile this occupation rejects (ProfileError) is another test's business
          }
          for (const r of results) {
            if (r.status !== 'ineligible') continue;
            if (r.earliest === null) {
              never++;
              expect(statusOn(occ, p, shift(asOf, HORIZON), r.level)).not.toBe('eligible');
            } else {
              dated++;
              expect(statusOn(occ, p, r.earliest, r.level)).toBe('eligible');
              expect(statusOn(occ, p, shift(r.earliest, -1), r.level)).not.toBe('eligible');
            }
          }
        }
      }),
      { numRuns: sized(100, 150) },
    );
    // Both outcomes are reached, so the property is not vacuous.
    expect(dated).toBeGreaterThan(0);
    expect(never).toBeGreaterThan(0);
  }, 60_000);
});

describe('generated code = reference interpreter, on random expressions', () => {
  const dir = rulesDir({}, { sources: { 'sample.txt': SYNTHETIC_SOURCE } });
  const world = worldOf([{ id: 'sample', name: '样例职业', aliases: ['样例工', 'ＳＡＭＰＬＥ'], related: SYNTHETIC_RELATED }], vocabulary);

  it('agrees on synthetic rule files of random clauses and requirements', () => {
    fc.assert(
      fc.property(
        fc.array(expressionArb({ vocabulary }), { minLength: 1, maxLength: 10 }),
        fc.constantFrom(...REQUIREMENTS),
        fc.array(profileArb(world), { minLength: 25, maxLength: 25 }),
        (expressions, requirement, profiles) => {
          writeFileSync(join(dir, 'sample.yaml'), syntheticRuleFile(expressions, requirement));
          const [occ] = checked(dir);
          expect(occ.clauses).toHaveLength(expressions.length);
          const oracle = new Oracle(occ, vocabulary);
          for (const { asOf, profile } of profiles) agree(oracle, profile, asOf);
        },
      ),
      { numRuns: sized(25, 50) },
    );
  }, 60_000);
});

describe('edges the differential tests found (pinned)', () => {
  const one = (when: string, requirement: string | null = null): Oracle => {
    const dir = rulesDir({ 'sample.yaml': syntheticRuleFile([when], requirement) }, { sources: { 'sample.txt': SYNTHETIC_SOURCE } });
    return new Oracle(checked(dir)[0], vocabulary);
  };
  const statusOf = (o: Oracle, profile: unknown, asOf: string): { generated: string; oracle: string } => ({
    generated: generatedLevels(o.occ, profile, asOf)[0].clauses[0].status,
    oracle: o.evaluate(profile, asOf)[0].clauses[0].status,
  });

  it('fractional years are 365 × N days exactly: 1.5 undated years make 1.5年; 548 days are more than 1.5年', () => {
    const undated = { work: [{ occupation: '样例职业', years: 1.5 }] };
    expect(statusOf(one('从业 >= 1.5年'), undated, '2026-11-28')).toEqual({ generated: 'met', oracle: 'met' });
    const dated = { work: [{ occupation: '样例职业', from: '2023-01-01', to: '2024-07-01' }] }; // 548 days
    expect(statusOf(one('从业 > 1.5年'), dated, '2026-11-28')).toEqual({ generated: 'met', oracle: 'met' });
    expect(statusOf(one('从业 <= 2.2年'), { work: [{ occupation: '样例职业', years: 2.2 }] }, '2026-11-28')).toEqual({ generated: 'met', oracle: 'met' });
    expect(statusOf(one('从业 = 0.7年'), { work: [{ occupation: '样例职业', years: 0.7 }] }, '2026-11-28')).toEqual({ generated: 'met', oracle: 'met' });
  });

  it('an undated certificate was obtained by the as-of date: work on that day counts after it', () => {
    const profile = {
      certificates: [{ occupation: '样例职业', kind: '技能等级证书', level: 5 }],
      work: [{ occupation: '样例职业', from: '2026-11-28' }],
    };
    expect(statusOf(one('取得 五级 后 从业 >= 1天'), profile, '2026-11-28')).toEqual({ generated: 'met', oracle: 'met' });
    expect(statusOf(one('取得 五级 后 从业 >= 2天'), profile, '2026-11-28')).toEqual({ generated: 'unmet', oracle: 'unmet' });
  });

  it('a yes/no fact given as a number is no answer (unknown), like a numeric fact given as a boolean', () => {
    const flag = one('拟从事本职业或相关职业工作');
    expect(statusOf(flag, { facts: { 拟从事本职业或相关职业工作: 1 } }, '2026-11-28')).toEqual({ generated: 'unknown', oracle: 'unknown' });
    expect(statusOf(flag, { facts: { 'intends-to-work': false } }, '2026-11-28')).toEqual({ generated: 'unmet', oracle: 'unmet' });
    expect(statusOf(one('安全行车里程 >= 100000km'), { facts: { 安全行车里程: true } }, '2026-11-28')).toEqual({ generated: 'unknown', oracle: 'unknown' });
  });

  it('a school atom under 非 非 is a credential the clause accepts', () => {
    const o = one('非 非 毕业 技工学校 含应届', '学历 高中 及以上');
    const profile = { education: [{ level: '技工学校', status: '应届' }] };
    const [generated] = generatedLevels(o.occ, profile, '2026-11-28');
    const [expected] = o.evaluate(profile, '2026-11-28');
    expect(expected).toMatchObject({ status: 'eligible', education: 'met' });
    expect(generated).toEqual(expected);
  });
});
