// `zige test` as a test runner: cases by name, filters by occupation and level, and `--update`,
// which records the actual results of cases that have no `expect` yet, editing nothing else.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { involvesLevel } from '../cli/rule-tests.js';
import { casesWithoutExpect, insertExpectations } from '../compiler/update-tests.js';
import { check, RULES, ruleFile, rulesDir } from './helpers.js';
import { zige } from './in-process.js';

const { rules } = check(RULES);
const CASE = /^[✓✗] (\S+) › (.+?)(?:  （待复核 unreviewed）)?(?:  \(.*\))?$/;

/** The cases a run reported, as [occupation id, name]. */
const reported = (stdout: string): [string, string][] =>
  stdout
    .split('\n')
    .map((l) => CASE.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2]]);

describe('zige test filters', { timeout: 60_000 }, () => {
  it('--occupation runs one occupation’s cases, by name or id', async () => {
    const occ = rules!.occupations.find((o) => o.id === 'internet-marketer')!;
    for (const query of ['互联网营销师', 'internet-marketer']) {
      const r = await zige(['test', 'rules', '--occupation', query]);
      expect(r.code).toBe(0);
      expect(reported(r.stdout)).toEqual(occ.tests.map((t) => ['internet-marketer', t.name]));
      expect(r.stdout.trim().split('\n').pop()).toBe(`${occ.tests.length} passed, 0 failed`);
    }
  });

  it('--level runs only cases whose expectations involve the level', async () => {
    const r = await zige(['test', 'rules', '--level', '2']);
    expect(r.code).toBe(0);
    const want = [...rules!.occupations]
      .sort((a, b) => (a.file < b.file ? -1 : 1))
      .flatMap((o) => o.tests.filter((t) => involvesLevel(t, 2)).map((t) => [o.id, t.name]));
    expect(want.length).toBeGreaterThan(0);
    expect(want.length).toBeLessThan(rules!.occupations.reduce((n, o) => n + o.tests.length, 0));
    expect(reported(r.stdout)).toEqual(want);
    expect(r.stdout).toContain('filtered run: clause coverage not checked');
    expect(r.stdout.trim().split('\n').pop()).toBe(`${want.length} passed, 0 failed`);
  });

  it('exits 2 for an unknown occupation or level', async () => {
    expect((await zige(['test', 'rules', '--occupation', '宇航员'])).code).toBe(2);
    expect((await zige(['test', 'rules', '--level', '6'])).code).toBe(2);
  });
});

const CONDITIONS = `  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 本职业或相关职业学徒期满。
        when: 学徒期满 本职业或相关职业
  - level: 4
    source: 四级/中级工
    clauses:
      - id: "1"
        source: 累计从事本职业或相关职业工作 4 年（含）以上。
        when: 从业 本职业或相关职业 >= 4年`;

const TESTS = `tests:
  # reviewed by hand: must never change
  - name: apprentice
    asOf: 2026-11-28
    profile:
      apprenticeships: [{occupation: 样例职业, completed: 2020-01-01, relation: 本职业}]   # done
    expect: {5: eligible}

  - name: four years of work   # new case, no expectations yet
    asOf: 2026-11-28
    profile:
      work:
        - {occupation: 样例职业, from: 2020-01-01, relation: 本职业}
    # the end of this case
  - {name: 'nothing at all', asOf: 2026-11-28, profile: {education: []} }
  - name: only a clause
    asOf: 2026-11-28
    profile: {work: [{occupation: 样例职业, from: 2020-01-01, relation: 本职业}]}
    only: [4/1]`;

describe('zige test --update', { timeout: 60_000 }, () => {
  it('records the actual results of cases without expect, once, touching nothing else', async () => {
    const text = ruleFile({ levels: '[5, 4]', conditions: CONDITIONS, extra: TESTS });
    const dir = rulesDir({ 'sample.yaml': text });
    const file = join(dir, 'sample.yaml');

    // before: the cases without any expectation fail, and check warns about them
    const before = await zige(['test', dir]);
    expect(before.code).toBe(1);
    expect(before.stdout).toContain('no expectation (expect, only or clauses)');
    expect(before.stdout.trim().split('\n').pop()).toBe('2 passed, 2 failed');
    expect((await zige(['check', dir])).stderr).toContain('warning[W_TEST_NO_EXPECTATION]');

    const r = await zige(['test', dir, '--update']);
    expect(r.stdout).toContain('（3 个用例 case(s)，reviewed: false）');
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(
      text
        .replace(
          '        - {occupation: 样例职业, from: 2020-01-01, relation: 本职业}\n',
          '        - {occupation: 样例职业, from: 2020-01-01, relation: 本职业}\n    expect: {5: ineligible, 4: eligible}\n    reviewed: false\n',
        )
        .replace("profile: {education: []} }", 'profile: {education: []}, expect: {5: ineligible, 4: ineligible}, reviewed: false }')
        .replace('    only: [4/1]', '    only: [4/1]\n    expect: {5: ineligible, 4: eligible}\n    reviewed: false'),
    );
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
    // the run after recording: every case passes, the recorded ones flagged for review
    expect(r.stdout).toContain('✓ sample › four years of work  （待复核 unreviewed）');
    expect(r.stdout).toContain('3 case(s) recorded by --update await review');
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toBe('4 passed, 0 failed');

    // once: a second --update finds nothing to record
    const again = await zige(['test', dir, '--update']);
    expect(again.stdout).not.toContain('recorded:');
    expect(readFileSync(file, 'utf8')).toBe(after);
  }, 30_000);

  it('never overwrites an existing expect', async () => {
    const text = 'tests:\n  - name: a\n    expect: {}\n  - name: b\n    profile: {}\n';
    expect(casesWithoutExpect(text)).toEqual([1]);
    expect(insertExpectations(text, [{ index: 0, expect: [[5, 'eligible']] }])).toBe(text);
    expect(insertExpectations(text, [{ index: 1, expect: [[5, 'eligible']] }])).toBe(
      'tests:\n  - name: a\n    expect: {}\n  - name: b\n    profile: {}\n    expect: {5: eligible}\n    reviewed: false\n',
    );
    // a file ending without a line break
    expect(insertExpectations('tests:\n  - name: b', [{ index: 0, expect: [[4, 'unknown']] }])).toBe(
      'tests:\n  - name: b\n    expect: {4: unknown}\n    reviewed: false',
    );
    // an unknown occupation is bad usage, before anything is written
    expect((await zige(['test', 'rules', '--update', '--occupation', '宇航员'])).code).toBe(2);
  });
});
