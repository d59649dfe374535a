// Semantics of the rule language as specified in docs/language.md, tested on the runtime directly:
// hand-built occupation metadata and profiles, prepared facts, atoms and level evaluation.
import { describe, expect, it } from 'vitest';
import {
  age,
  and,
  apprenticeship,
  evaluateOccupation,
  evaluateProfile,
  EvaluationError,
  experience,
  experienceAfter,
  F,
  formatDay,
  holds,
  holdsPrepTechnician,
  mergedPeriods,
  not,
  or,
  parseDay,
  prepareFacts,
  ProfileError,
  school,
  SchoolMode,
  T,
  todayInShanghai,
  training,
  U,
  type ClauseMeta,
  type CompiledOccupation,
  type EducationEntry,
  type EvaluateOptions,
  type ExplainedLevelResult,
  type Facts,
  type Level,
  type LevelResult,
  type OccupationMeta,
  type Plan,
  type Profile,
  type SchoolSpec,
  type Tri,
  type WorkEntry,
} from '../runtime/index.js';

// ---------------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------------

/** Scope masks: 1 本职业 / 本专业, 2 相关职业 / 相关专业, 3 both; major 0 = any. */
const SAME = 1;
const RELATED = 2;
/** 无关: a bit of its own since 任意职业 (mask 7) counts unrelated entries too. */
const UNRELATED = 4;
const BOTH = 3;
const ANY_MAJOR = 0;

const YEAR = 365;
const years = (n: number): number => n * YEAR;

const meta: OccupationMeta = {
  id: 'test-occ',
  name: '测试职业',
  aliases: ['测试工'],
  version: '2024',
  inForce: null,
  levels: [5, 4, 3, 2, 1],
  workTypes: [],
  related: {
    occupations: ['电子商务师', 'AI训练师'],
    sameMajors: ['测试技术'],
    majors: ['电子商务'],
  },
  education: null,
  clauses: [],
  ranks: {
    小学: 1,
    初中: 2,
    高中: 3,
    中等职业学校: 3,
    技工学校: 3,
    高级技工学校: 3,
    技师学院: 3,
    大专: 4,
    高等职业学校: 4,
    本科: 5,
    硕士: 6,
    博士: 7,
  },
  trackRanks: { 中级工班: 3, 高级工班: 4, 预备技师班: 5 },
  trackFamily: ['技工学校', '高级技工学校', '技师学院'],
  workKinds: ['工作', '见习'],
  factNames: {},
  english: {},
  evidence: {},
};

function facts(profile: Profile, asOf: string, m: OccupationMeta = meta): Facts {
  return prepareFacts(profile, m, { asOf, single: true });
}

/** Cumulative experience in `scope` compared with `=`: pins the exact day count. */
function exactDays(f: Facts, scope: number, n: number): Tri {
  return experience(f, scope, 1, false, '=', n);
}

function spec(s: Partial<SchoolSpec> & Pick<SchoolSpec, 'mode'>): SchoolSpec {
  return { names: null, rank: 0, orHigher: false, tracks: null, target: null, major: ANY_MAJOR, finalYear: false, gate: false, ...s };
}

function edu(level: EducationEntry['level'], status: EducationEntry['status'], extra: Partial<EducationEntry> = {}): Profile {
  return { education: [{ level, status, ...extra }] };
}

/** 学历 X (及以上) on the ladder. */
const degree = (rank: number, orHigher = false, extra: Partial<SchoolSpec> = {}): SchoolSpec =>
  spec({ mode: SchoolMode.Degree, rank, orHigher, ...extra });

/** 毕业 <kind> (含应届). */
const graduated = (names: string[], finalYear = false, extra: Partial<SchoolSpec> = {}): SchoolSpec =>
  spec({ mode: SchoolMode.Graduated, names, finalYear, ...extra });

/** 在校 <kinds>. */
const enrolled = (names: string[], extra: Partial<SchoolSpec> = {}): SchoolSpec => spec({ mode: SchoolMode.Enrolled, names, ...extra });

// ---------------------------------------------------------------------------------------------
// Three values
// ---------------------------------------------------------------------------------------------

describe('Kleene logic', () => {
  it('且 is false if any side is false, unknown if no side is false and one is unknown', () => {
    expect(and(F, U)).toBe(F);
    expect(and(U, F)).toBe(F);
    expect(and(T, U)).toBe(U);
    expect(and(T, T)).toBe(T);
  });

  it('或 is true if any side is true, unknown if no side is true and one is unknown', () => {
    expect(or(T, U)).toBe(T);
    expect(or(U, T)).toBe(T);
    expect(or(F, U)).toBe(U);
    expect(or(F, F)).toBe(F);
  });

  it('非 swaps true and false and keeps unknown', () => {
    expect(not(T)).toBe(F);
    expect(not(F)).toBe(T);
    expect(not(U)).toBe(U);
  });
});

// ---------------------------------------------------------------------------------------------
// Experience
// ---------------------------------------------------------------------------------------------

describe('experience (从业)', () => {
  it('a period includes both its ends: from = to is 1 day', () => {
    const f = facts({ work: [{ occupation: '测试职业', from: '2020-01-01', to: '2020-01-01' }] }, '2024-01-01');
    expect(exactDays(f, BOTH, 1)).toBe(T);
    expect(experience(f, BOTH, 1, false, '>=', 1)).toBe(T);
    expect(experience(f, BOTH, 1, false, '>=', 2)).toBe(F);
  });

  it('a closed calendar year 2021 is exactly 1 year; one day less is not', () => {
    const full = facts({ work: [{ occupation: '测试职业', from: '2021-01-01', to: '2021-12-31' }] }, '2024-01-01');
    const short = facts({ work: [{ occupation: '测试职业', from: '2021-01-01', to: '2021-12-30' }] }, '2024-01-01');
    expect(experience(full, BOTH, 1, false, '>=', years(1))).toBe(T);
    expect(experience(short, BOTH, 1, false, '>=', years(1))).toBe(F);
  });

  const ongoing: Profile = { work: [{ occupation: '测试职业', from: '2019-03-01' }] };

  it('1 year = 365 days: ongoing from 2019-03-01 reaches 1 year on 2020-02-28, not on 2020-02-27', () => {
    expect(experience(facts(ongoing, '2020-02-28'), BOTH, 1, false, '>=', years(1))).toBe(T);
    expect(experience(facts(ongoing, '2020-02-27'), BOTH, 1, false, '>=', years(1))).toBe(F);
  });

  it('3 years = 1095 days: ongoing from 2019-03-01 reaches 3 years on 2022-02-27, not on 2022-02-26', () => {
    expect(exactDays(facts(ongoing, '2022-02-27'), BOTH, 1095)).toBe(T);
    expect(experience(facts(ongoing, '2022-02-27'), BOTH, 1, false, '>=', years(3))).toBe(T);
    expect(experience(facts(ongoing, '2022-02-26'), BOTH, 1, false, '>=', years(3))).toBe(F);
  });

  it('4 years = 1460 days: ongoing from 2019-03-01 reaches 4 years on 2023-02-27, not on 2023-02-26', () => {
    expect(experience(facts(ongoing, '2023-02-27'), BOTH, 1, false, '>=', years(4))).toBe(T);
    expect(experience(facts(ongoing, '2023-02-26'), BOTH, 1, false, '>=', years(4))).toBe(F);
  });

  it('strict and upper comparisons respect the same day count', () => {
    const f = facts(ongoing, '2022-02-27'); // exactly 1095 days
    expect(experience(f, BOTH, 1, false, '>', years(3))).toBe(F);
    expect(experience(f, BOTH, 1, false, '<=', years(3))).toBe(T);
    expect(experience(f, BOTH, 1, false, '<', years(3))).toBe(F);
  });

  it('29 Feb 2020 inside a period counts as one ordinary day', () => {
    const feb = facts({ work: [{ occupation: '测试职业', from: '2020-02-01', to: '2020-03-01' }] }, '2024-01-01');
    expect(exactDays(feb, BOTH, 30)).toBe(T);
    const leapYear = facts({ work: [{ occupation: '测试职业', from: '2020-01-01', to: '2020-12-31' }] }, '2024-01-01');
    expect(exactDays(leapYear, BOTH, 366)).toBe(T);
  });

  it('overlapping periods count once', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2020-01-01', to: '2020-06-30' },
          { occupation: '测试职业', from: '2020-04-01', to: '2020-12-31' },
        ],
      },
      '2024-01-01',
    );
    expect(exactDays(f, BOTH, 366)).toBe(T);
  });

  it('touching periods (end 2020-12-31, next start 2021-01-01) merge into one', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2021-01-01', to: '2021-12-31' },
          { occupation: '测试职业', from: '2020-01-01', to: '2020-12-31' },
        ],
      },
      '2024-01-01',
    );
    expect(mergedPeriods(f, BOTH, 1)).toEqual([{ start: parseDay('2020-01-01'), end: parseDay('2021-12-31') }]);
    expect(exactDays(f, BOTH, 366 + 365)).toBe(T);
  });

  it('periods separated by a one-day gap stay two periods', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2020-01-01', to: '2020-12-31' },
          { occupation: '测试职业', from: '2021-01-02', to: '2021-12-31' },
        ],
      },
      '2024-01-01',
    );
    expect(mergedPeriods(f, BOTH, 1)).toHaveLength(2);
    expect(exactDays(f, BOTH, 366 + 364)).toBe(T);
  });

  it('a nested period adds nothing', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2020-01-01', to: '2020-12-31' },
          { occupation: '测试职业', from: '2020-03-01', to: '2020-03-31' },
        ],
      },
      '2024-01-01',
    );
    expect(exactDays(f, BOTH, 366)).toBe(T);
  });

  it('periods count only in a matching scope; 无关 never counts', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2015-01-01', to: '2015-12-31' }, // 本职业, 365
          { occupation: '电子商务师', from: '2017-01-01', to: '2017-12-31' }, // 相关职业, 365
          { occupation: '厨师', from: '2018-01-01', to: '2022-12-31', relation: '无关' },
        ],
      },
      '2024-01-01',
    );
    expect(exactDays(f, SAME, 365)).toBe(T);
    expect(exactDays(f, RELATED, 365)).toBe(T);
    expect(exactDays(f, BOTH, 730)).toBe(T);
  });

  it('overlapping 本职业 and 相关职业 periods count once in 本职业或相关职业', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2020-01-01', to: '2020-12-31' },
          { occupation: '电子商务师', from: '2020-07-01', to: '2021-06-30' },
        ],
      },
      '2024-01-01',
    );
    expect(exactDays(f, BOTH, 366 + 181)).toBe(T);
  });

  it('a closed period starting after the as-of date is ignored', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2020-01-01', to: '2020-12-31' },
          { occupation: '测试职业', from: '2025-01-01', to: '2025-12-31' },
        ],
      },
      '2024-12-31',
    );
    expect(exactDays(f, BOTH, 366)).toBe(T);
  });

  it('an ongoing period starting after the as-of date is ignored (not an error)', () => {
    // docs/language.md: "Facts dated after the as-of date are ignored". A job that starts next
    // month must not make the whole profile invalid.
    const profile: Profile = {
      work: [
        { occupation: '测试职业', from: '2020-01-01', to: '2020-12-31' },
        { occupation: '测试职业', from: '2025-01-01' },
      ],
    };
    let f: Facts | undefined;
    expect(() => {
      f = facts(profile, '2024-12-31');
    }).not.toThrow();
    expect(exactDays(f!, BOTH, 366)).toBe(T);
  });

  it('a period is cut at the as-of date', () => {
    const f = facts({ work: [{ occupation: '测试职业', from: '2020-01-01', to: '2030-12-31' }] }, '2020-01-10');
    expect(exactDays(f, BOTH, 10)).toBe(T);
  });

  it('an ongoing period runs to the as-of date inclusive', () => {
    expect(exactDays(facts({ work: [{ occupation: '测试职业', from: '2024-01-01' }] }, '2024-01-01'), BOTH, 1)).toBe(T);
    expect(exactDays(facts({ work: [{ occupation: '测试职业', from: '2024-01-01' }] }, '2024-01-31'), BOTH, 31)).toBe(T);
  });

  it('an undated entry (years: 2) adds 730 days to the cumulative total in its scope', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2021-01-01', to: '2021-12-31' },
          { occupation: '测试职业', years: 2 },
          { occupation: '电子商务师', years: 1 },
        ],
      },
      '2024-01-01',
    );
    expect(exactDays(f, SAME, 365 + 730)).toBe(T);
    expect(exactDays(f, RELATED, 365)).toBe(T);
    expect(exactDays(f, BOTH, 365 + 730 + 365)).toBe(T);
    expect(experience(f, SAME, 1, false, '>=', years(3))).toBe(T);
  });

  it('no work at all is zero experience, not unknown', () => {
    const f = facts({}, '2024-01-01');
    expect(experience(f, BOTH, 1, false, '>=', 1)).toBe(F);
  });
});

// ---------------------------------------------------------------------------------------------
// Experience after a certificate
// ---------------------------------------------------------------------------------------------

describe('experience after a certificate (取得 … 后 从业)', () => {
  const work2018: Profile['work'] = [{ occupation: '测试职业', from: '2018-01-01', to: '2023-12-31' }];

  it('counts only days on or after the certificate date', () => {
    const f = facts(
      { work: work2018, certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书', date: '2022-01-01' }] },
      '2024-06-30',
    );
    // 2022-01-01 .. 2023-12-31 = 730 days
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '=', 730)).toBe(T);
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(2))).toBe(T);
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(2) + 1)).toBe(F);
  });

  it('counts from the earliest qualifying certificate (level L or higher)', () => {
    const f = facts(
      {
        work: work2018,
        certificates: [
          { occupation: '测试职业', level: 3, kind: '技能等级证书', date: '2022-01-01' },
          { occupation: '测试职业', level: 4, kind: '职业资格证书', date: '2021-01-01' },
        ],
      },
      '2024-06-30',
    );
    // after level 4: both qualify, earliest is 2021-01-01 → 1095 days
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '=', 1095)).toBe(T);
    // after level 3: only the level-3 certificate qualifies → 730 days
    expect(experienceAfter(f, BOTH, 3, BOTH, 1, false, '=', 730)).toBe(T);
  });

  it('a level-5 certificate does not qualify for "after level 4"', () => {
    const f = facts(
      { work: work2018, certificates: [{ occupation: '测试职业', level: 5, kind: '技能等级证书', date: '2018-01-01' }] },
      '2024-06-30',
    );
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', 1)).toBe(F);
    expect(experienceAfter(f, BOTH, 5, BOTH, 1, false, '>=', years(5))).toBe(T);
  });

  it('a certificate of the wrong scope does not qualify', () => {
    const f = facts(
      { work: work2018, certificates: [{ occupation: '电子商务师', level: 4, kind: '技能等级证书', date: '2019-01-01' }] },
      '2024-06-30',
    );
    expect(experienceAfter(f, SAME, 4, BOTH, 1, false, '>=', 1)).toBe(F);
    expect(experienceAfter(f, RELATED, 4, BOTH, 1, false, '>=', years(4))).toBe(T);
  });

  it('a 预备技师证书 never qualifies as a level', () => {
    const f = facts({ work: work2018, certificates: [{ occupation: '测试职业', kind: '预备技师证书', date: '2018-01-01' }] }, '2024-06-30');
    expect(experienceAfter(f, BOTH, 5, BOTH, 1, false, '>=', 1)).toBe(F);
  });

  it('a certificate dated after the as-of date is ignored', () => {
    const f = facts(
      { work: work2018, certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书', date: '2024-07-01' }] },
      '2024-06-30',
    );
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', 1)).toBe(F);
  });

  it('work in another scope than the experience scope is not counted after the certificate', () => {
    const f = facts(
      {
        work: [{ occupation: '电子商务师', from: '2018-01-01', to: '2023-12-31' }],
        certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书', date: '2019-01-01' }],
      },
      '2024-06-30',
    );
    expect(experienceAfter(f, SAME, 4, SAME, 1, false, '>=', 1)).toBe(F);
    expect(experienceAfter(f, SAME, 4, RELATED, 1, false, '>=', years(4))).toBe(T);
  });

  describe('pinned boundary: still working, level-4 certificate dated 2024-02-29, 3 years after it', () => {
    const profile: Profile = {
      work: [{ occupation: '测试职业', from: '2020-01-01' }],
      certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书', date: '2024-02-29' }],
    };

    it('is met on 2027-02-27 (1095 days from 2024-02-29 inclusive)', () => {
      const f = facts(profile, '2027-02-27');
      expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '=', 1095)).toBe(T);
      expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(3))).toBe(T);
    });

    it('is unmet on 2027-02-26', () => {
      expect(experienceAfter(facts(profile, '2027-02-26'), BOTH, 4, BOTH, 1, false, '>=', years(3))).toBe(F);
    });

    it('counts the certificate day itself: on 2024-02-29 it is 1 day', () => {
      expect(experienceAfter(facts(profile, '2024-02-29'), BOTH, 4, BOTH, 1, false, '=', 1)).toBe(T);
    });
  });

  it('undated years inside the window make it unknown when they could decide', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2024-01-01', to: '2024-06-30' }, // 182 days after the certificate
          { occupation: '测试职业', years: 1 },
        ],
        certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书', date: '2024-01-01' }],
      },
      '2024-12-31',
    );
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(1))).toBe(U);
  });

  it('2 undated years can never make 4 years after a certificate', () => {
    const f = facts(
      {
        work: [{ occupation: '测试职业', years: 2 }],
        certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书', date: '2015-01-01' }],
      },
      '2024-12-31',
    );
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(4))).toBe(F);
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(1))).toBe(U);
  });

  it('is met when dated days alone suffice, whatever the undated years', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', from: '2019-01-01', to: '2023-12-31' },
          { occupation: '测试职业', years: 3 },
        ],
        certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书', date: '2019-01-01' }],
      },
      '2024-12-31',
    );
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(3))).toBe(T);
  });

  it('an undated certificate makes it unknown when the bounds do not decide', () => {
    const f = facts(
      {
        work: [{ occupation: '测试职业', from: '2018-01-01', to: '2023-12-31' }],
        certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书' }],
      },
      '2024-06-30',
    );
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(3))).toBe(U);
  });

  it('an undated certificate is unmet when even all experience cannot reach', () => {
    const f = facts(
      {
        work: [{ occupation: '测试职业', from: '2022-01-01', to: '2023-12-31' }],
        certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书' }],
      },
      '2024-06-30',
    );
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(3))).toBe(F);
  });

  it('an undated certificate beside a dated one: the dated one gives the lower bound', () => {
    const f = facts(
      {
        work: [{ occupation: '测试职业', from: '2018-01-01', to: '2023-12-31' }],
        certificates: [
          { occupation: '测试职业', level: 4, kind: '技能等级证书' },
          { occupation: '测试职业', level: 4, kind: '技能等级证书', date: '2020-01-01' },
        ],
      },
      '2024-06-30',
    );
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(3))).toBe(T); // 2020..2023 alone = 1461 days
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', years(5))).toBe(U); // only the undated one could reach
  });

  it('no qualifying certificate is unmet, not unknown', () => {
    const f = facts({ work: work2018 }, '2024-06-30');
    expect(experienceAfter(f, BOTH, 4, BOTH, 1, false, '>=', 1)).toBe(F);
  });
});

// ---------------------------------------------------------------------------------------------
// Certificates
// ---------------------------------------------------------------------------------------------

describe('holds (持有)', () => {
  const withCert = (level: Level, kind: '职业资格证书' | '技能等级证书' = '技能等级证书', occupation = '测试职业') =>
    facts({ certificates: [{ occupation, level, kind, date: '2020-01-01' }] }, '2024-01-01');

  it('a level-3 certificate satisfies 持有 四级', () => {
    expect(holds(withCert(3), BOTH, 4)).toBe(T);
  });

  it('a level-4 certificate satisfies 持有 四级', () => {
    expect(holds(withCert(4, '职业资格证书'), BOTH, 4)).toBe(T);
  });

  it('a level-5 certificate does not satisfy 持有 四级', () => {
    expect(holds(withCert(5), BOTH, 4)).toBe(F);
  });

  it('a certificate in the wrong scope does not count', () => {
    expect(holds(withCert(3, '技能等级证书', '电子商务师'), SAME, 4)).toBe(F);
    expect(holds(withCert(3, '技能等级证书', '电子商务师'), RELATED, 4)).toBe(T);
  });

  it('an undated certificate still counts for 持有', () => {
    const f = facts({ certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书' }] }, '2024-01-01');
    expect(holds(f, BOTH, 4)).toBe(T);
  });

  it('a certificate dated after the as-of date is not held yet', () => {
    const f = facts({ certificates: [{ occupation: '测试职业', level: 4, kind: '技能等级证书', date: '2024-01-02' }] }, '2024-01-01');
    expect(holds(f, BOTH, 4)).toBe(F);
  });

  it('a 预备技师证书 never counts as a level, only for 持有 预备技师证书', () => {
    const f = facts({ certificates: [{ occupation: '测试职业', kind: '预备技师证书', date: '2020-01-01' }] }, '2024-01-01');
    for (const level of [5, 4, 3, 2, 1]) expect(holds(f, BOTH, level)).toBe(F);
    expect(holdsPrepTechnician(f, BOTH)).toBe(T);
  });

  it('持有 预备技师证书 is not satisfied by a levelled certificate, nor in the wrong scope', () => {
    expect(holdsPrepTechnician(withCert(1), BOTH)).toBe(F);
    const related = facts({ certificates: [{ occupation: '电子商务师', kind: '预备技师证书', date: '2020-01-01' }] }, '2024-01-01');
    expect(holdsPrepTechnician(related, SAME)).toBe(F);
    expect(holdsPrepTechnician(related, RELATED)).toBe(T);
  });
});

// ---------------------------------------------------------------------------------------------
// Training and apprenticeship
// ---------------------------------------------------------------------------------------------

describe('training (培训)', () => {
  const t = (extra: { level?: Level; certificate?: boolean; examPassed?: boolean; date?: string; occupation?: string }) =>
    facts({ training: [{ occupation: extra.occupation ?? '测试职业', level: extra.level ?? 4, ...extra }] }, '2024-01-01');

  it('needs exactly the level: a level-3 training does not count for 培训 四级', () => {
    const f = t({ level: 3, certificate: true, examPassed: true });
    expect(training(f, BOTH, 3, false)).toBe(T);
    expect(training(f, BOTH, 4, false)).toBe(F);
    expect(training(f, BOTH, 4, true)).toBe(F);
  });

  it('结业: certificate true → met, false → unmet, missing → unknown', () => {
    expect(training(t({ certificate: true }), BOTH, 4, false)).toBe(T);
    expect(training(t({ certificate: false }), BOTH, 4, false)).toBe(F);
    expect(training(t({}), BOTH, 4, false)).toBe(U);
  });

  it('考试合格: examPassed true → met, false → unmet, missing → unknown', () => {
    expect(training(t({ examPassed: true }), BOTH, 4, true)).toBe(T);
    expect(training(t({ examPassed: false }), BOTH, 4, true)).toBe(F);
    expect(training(t({ certificate: true }), BOTH, 4, true)).toBe(U);
  });

  it('the 结业 flag and the 考试合格 flag are independent', () => {
    const f = t({ certificate: false, examPassed: true });
    expect(training(f, BOTH, 4, false)).toBe(F);
    expect(training(f, BOTH, 4, true)).toBe(T);
  });

  it('several entries of the level: any true flag decides; otherwise a missing flag makes it unknown', () => {
    const f = (flags: (boolean | undefined)[]) =>
      facts({ training: flags.map((certificate) => ({ occupation: '测试职业', level: 4 as const, certificate })) }, '2024-01-01');
    expect(training(f([false, true]), BOTH, 4, false)).toBe(T);
    expect(training(f([undefined, true]), BOTH, 4, false)).toBe(T);
    expect(training(f([false, undefined]), BOTH, 4, false)).toBe(U);
    expect(training(f([false, false]), BOTH, 4, false)).toBe(F);
  });

  it('training in the wrong scope does not count', () => {
    const f = t({ occupation: '电子商务师', certificate: true });
    expect(training(f, SAME, 4, false)).toBe(F);
    expect(training(f, RELATED, 4, false)).toBe(T);
  });

  it('training dated after the as-of date does not exist yet', () => {
    expect(training(t({ certificate: true, date: '2024-01-02' }), BOTH, 4, false)).toBe(F);
    expect(training(t({ certificate: true, date: '2024-01-01' }), BOTH, 4, false)).toBe(T);
  });
});

describe('apprenticeship (学徒期满)', () => {
  const a = (completed: string | undefined, occupation = '测试职业') =>
    facts({ apprenticeships: [completed === undefined ? { occupation } : { occupation, completed }] }, '2024-01-01');

  it('completed on or before the as-of date → met', () => {
    expect(apprenticeship(a('2024-01-01'), BOTH)).toBe(T);
    expect(apprenticeship(a('2020-06-30'), BOTH)).toBe(T);
  });

  it('completed after the as-of date → unmet', () => {
    expect(apprenticeship(a('2024-01-02'), BOTH)).toBe(F);
  });

  it('missing completion date → unknown', () => {
    expect(apprenticeship(a(undefined), BOTH)).toBe(U);
  });

  it('wrong scope → unmet; no apprenticeships → unmet', () => {
    expect(apprenticeship(a('2020-06-30', '电子商务师'), SAME)).toBe(F);
    expect(apprenticeship(facts({}, '2024-01-01'), BOTH)).toBe(F);
  });
});

// ---------------------------------------------------------------------------------------------
// Schools and degrees
// ---------------------------------------------------------------------------------------------

describe('school (毕业 / 学历 / 在校)', () => {
  const asOf = '2024-09-01';
  const on = (p: Profile) => facts(p, asOf);

  describe('status', () => {
    it('毕业 counts for 毕业 and 学历', () => {
      expect(school(on(edu('技工学校', '毕业')), graduated(['技工学校']))).toBe(T);
      expect(school(on(edu('大专', '毕业')), degree(4))).toBe(T);
    });

    it('应届 counts only where the atom says 含应届', () => {
      const f = on(edu('技工学校', '应届'));
      expect(school(f, graduated(['技工学校'], false))).toBe(F);
      expect(school(f, graduated(['技工学校'], true))).toBe(T);
      const g = on(edu('大专', '应届'));
      expect(school(g, degree(4, false, { finalYear: false }))).toBe(F);
      expect(school(g, degree(4, false, { finalYear: true }))).toBe(T);
    });

    it('在读 never counts for 毕业 or 学历, even with 含应届', () => {
      const f = on(edu('技工学校', '在读'));
      expect(school(f, graduated(['技工学校'], true))).toBe(F);
      expect(school(on(edu('大专', '在读')), degree(4, false, { finalYear: true }))).toBe(F);
    });

    it('在校 counts 在读 and 应届 but not 毕业', () => {
      expect(school(on(edu('本科', '在读')), enrolled(['本科']))).toBe(T);
      expect(school(on(edu('本科', '应届')), enrolled(['本科']))).toBe(T);
      expect(school(on(edu('本科', '毕业', { date: '2020-07-01' })), enrolled(['本科']))).toBe(F);
    });

    it('a 毕业 entry dated after the as-of date behaves as 应届', () => {
      const f = on(edu('技工学校', '毕业', { date: '2025-07-01' }));
      expect(school(f, graduated(['技工学校'], false))).toBe(F);
      expect(school(f, graduated(['技工学校'], true))).toBe(T);
      expect(school(f, enrolled(['技工学校']))).toBe(T);
    });

    it('a 毕业 entry dated on the as-of date is graduated', () => {
      const f = on(edu('技工学校', '毕业', { date: asOf }));
      expect(school(f, graduated(['技工学校'], false))).toBe(T);
      expect(school(f, enrolled(['技工学校']))).toBe(F);
    });

    it('the date of 应届 and 在读 entries does not matter', () => {
      expect(school(on(edu('本科', '在读', { date: '2020-07-01' })), enrolled(['本科']))).toBe(T);
      expect(school(on(edu('技工学校', '应届', { date: '2020-07-01' })), graduated(['技工学校'], false))).toBe(F);
    });
  });

  describe('毕业 X matches the school kind', () => {
    it('matches exactly the listed kinds', () => {
      const f = on(edu('高级技工学校', '毕业'));
      expect(school(f, graduated(['技工学校']))).toBe(F);
      expect(school(f, graduated(['技工学校', '高级技工学校', '技师学院']))).toBe(T);
    });

    it('a track restriction needs the entry to have a matching track', () => {
      expect(school(on(edu('技工学校', '毕业', { track: '高级工班' })), graduated(['技工学校'], false, { tracks: ['高级工班'] }))).toBe(T);
      expect(school(on(edu('技工学校', '毕业', { track: '中级工班' })), graduated(['技工学校'], false, { tracks: ['高级工班'] }))).toBe(F);
      expect(school(on(edu('技工学校', '毕业')), graduated(['技工学校'], false, { tracks: ['高级工班'] }))).toBe(F);
    });
  });

  describe('学历 X on the ladder', () => {
    it('高等职业学校 equals 大专 (rank 4)', () => {
      const f = on(edu('高等职业学校', '毕业'));
      expect(school(f, degree(4))).toBe(T);
      expect(school(f, degree(5))).toBe(F);
      expect(school(f, degree(3))).toBe(F);
    });

    it('中等职业学校 and 技工学校 (without track) equal 高中 (rank 3)', () => {
      expect(school(on(edu('中等职业学校', '毕业')), degree(3))).toBe(T);
      expect(school(on(edu('技工学校', '毕业')), degree(3))).toBe(T);
      expect(school(on(edu('技工学校', '毕业')), degree(4))).toBe(F);
    });

    it('技工学校 高级工班 ranks as 大专', () => {
      const f = on(edu('技工学校', '毕业', { track: '高级工班' }));
      expect(school(f, degree(4))).toBe(T);
      expect(school(f, degree(3))).toBe(F);
    });

    it('技师学院 预备技师班 ranks as 本科', () => {
      const f = on(edu('技师学院', '毕业', { track: '预备技师班' }));
      expect(school(f, degree(5))).toBe(T);
      expect(school(f, degree(4))).toBe(F);
    });

    it('高级技工学校 中级工班 ranks as 中专', () => {
      expect(school(on(edu('高级技工学校', '毕业', { track: '中级工班' })), degree(3))).toBe(T);
    });

    it('a track on a school outside the 技工院校 family does not change its rank', () => {
      expect(school(on(edu('中等职业学校', '毕业', { track: '高级工班' })), degree(3))).toBe(T);
      expect(school(on(edu('中等职业学校', '毕业', { track: '高级工班' })), degree(4))).toBe(F);
    });

    it('学历 X needs rank equal to X; 及以上 accepts rank at or above', () => {
      const bachelor = on(edu('本科', '毕业'));
      expect(school(bachelor, degree(4, false))).toBe(F);
      expect(school(bachelor, degree(4, true))).toBe(T);
      expect(school(bachelor, degree(5, true))).toBe(T);
      expect(school(bachelor, degree(6, true))).toBe(F);
      expect(school(on(edu('高中', '毕业')), degree(4, true))).toBe(F);
    });
  });

  describe('target and major', () => {
    it('目标 needs the entry assessedTarget to equal it', () => {
      const s = graduated(['中等职业学校'], false, { target: '中级' });
      expect(school(on(edu('中等职业学校', '毕业', { assessedTarget: '中级' })), s)).toBe(T);
      expect(school(on(edu('中等职业学校', '毕业', { assessedTarget: '高级' })), s)).toBe(F);
      expect(school(on(edu('中等职业学校', '毕业')), s)).toBe(F);
    });

    it('a major scope needs the major relation to match; 0 accepts any major', () => {
      const same = on(edu('大专', '毕业', { majorRelation: '本专业' }));
      const related = on(edu('大专', '毕业', { majorRelation: '相关专业' }));
      const unrelated = on(edu('大专', '毕业', { majorRelation: '无关' }));
      expect(school(same, degree(4, false, { major: SAME }))).toBe(T);
      expect(school(related, degree(4, false, { major: SAME }))).toBe(F);
      expect(school(related, degree(4, false, { major: BOTH }))).toBe(T);
      expect(school(unrelated, degree(4, false, { major: BOTH }))).toBe(F);
      expect(school(unrelated, degree(4, false, { major: ANY_MAJOR }))).toBe(T);
    });

    it('without majorRelation, the major is looked up in related.sameMajors / related.majors', () => {
      expect(school(on(edu('大专', '毕业', { major: '测试技术' })), degree(4, false, { major: SAME }))).toBe(T);
      expect(school(on(edu('大专', '毕业', { major: '电子商务' })), degree(4, false, { major: SAME }))).toBe(F);
      expect(school(on(edu('大专', '毕业', { major: '电子商务' })), degree(4, false, { major: RELATED }))).toBe(T);
    });

    it('a named major not listed is 无关 with a W_NO_MAJOR warning naming the entry', () => {
      const f = on({
        education: [
          { level: '高中', status: '毕业' },
          { level: '大专', status: '毕业', major: '烹饪' },
        ],
      });
      expect(school(f, degree(4, false, { major: BOTH }))).toBe(F);
      expect(f.warnings).toEqual([expect.objectContaining({ code: 'W_NO_MAJOR', path: '/education/1' })]);
    });
  });

  describe('absent vs empty education', () => {
    it('no education key → unknown', () => {
      const f = on({ work: [{ occupation: '测试职业', from: '2020-01-01' }] });
      expect(f.education).toBeNull();
      expect(school(f, degree(3, true))).toBe(U);
      expect(school(f, graduated(['技工学校']))).toBe(U);
      expect(school(f, enrolled(['本科']))).toBe(U);
    });

    it('an empty education list → unmet', () => {
      const f = on({ education: [] });
      expect(school(f, degree(3, true))).toBe(F);
      expect(school(f, enrolled(['本科']))).toBe(F);
    });
  });

  describe('the education requirement (gate)', () => {
    const requirement = degree(3, true, { gate: true }); // 学历 高中 及以上

    it('a graduated entry that satisfies it meets it', () => {
      expect(school(on(edu('高中', '毕业')), requirement)).toBe(T);
      expect(school(on(edu('本科', '毕业')), requirement)).toBe(T);
    });

    it('an 在读 本科 student meets 高中 及以上: enrolment implies completion of the level below', () => {
      expect(school(on(edu('本科', '在读')), requirement)).toBe(T);
    });

    it('an 应届 大专 student meets 高中 及以上', () => {
      expect(school(on(edu('大专', '应届')), requirement)).toBe(T);
    });

    it('an 在读 高中 student does not meet 高中 及以上', () => {
      expect(school(on(edu('高中', '在读')), requirement)).toBe(F);
      expect(school(on(edu('高中', '应届')), requirement)).toBe(F);
    });

    it('without gate, an 在读 本科 student does not have 学历 高中 及以上', () => {
      expect(school(on(edu('本科', '在读')), degree(3, true))).toBe(F);
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Relations
// ---------------------------------------------------------------------------------------------

describe('relations', () => {
  const relOf = (entry: WorkEntry, single = true): number => {
    const f = prepareFacts({ work: [entry] }, meta, { asOf: '2024-01-01', single });
    return f.work[0]!.rel;
  };
  const base = { from: '2020-01-01', to: '2020-12-31' };

  it('one value is the relation to the judged occupation', () => {
    expect(relOf({ occupation: '厨师', relation: '本职业', ...base })).toBe(SAME);
    expect(relOf({ occupation: '厨师', relation: '相关职业', ...base })).toBe(RELATED);
    expect(relOf({ occupation: '测试职业', relation: '无关', ...base })).toBe(UNRELATED);
  });

  it('a map is keyed by occupation name', () => {
    expect(relOf({ occupation: '厨师', relation: { 测试职业: '相关职业', 其他职业: '本职业' }, ...base })).toBe(RELATED);
  });

  it('a map is keyed by occupation id or alias', () => {
    expect(relOf({ occupation: '厨师', relation: { 'test-occ': '本职业' }, ...base })).toBe(SAME);
    expect(relOf({ occupation: '厨师', relation: { 测试工: '相关职业' }, ...base })).toBe(RELATED);
  });

  it('map keys are compared after NFKC and trimming', () => {
    expect(relOf({ occupation: '厨师', relation: { ' ｔｅｓｔ－ｏｃｃ ': '相关职业' }, ...base })).toBe(RELATED);
  });

  it('a map without a key for the judged occupation falls back to the occupation name', () => {
    expect(relOf({ occupation: '电子商务师', relation: { 其他职业: '本职业' }, ...base })).toBe(RELATED);
    expect(relOf({ occupation: '测试职业', relation: { 其他职业: '无关' }, ...base })).toBe(SAME);
  });

  it('a map is allowed when several occupations are judged', () => {
    expect(relOf({ occupation: '厨师', relation: { 测试职业: '本职业' }, ...base }, false)).toBe(SAME);
  });

  it('absent: 本职业 when the occupation names the judged one (name, id or alias)', () => {
    expect(relOf({ occupation: '测试职业', ...base })).toBe(SAME);
    expect(relOf({ occupation: 'test-occ', ...base })).toBe(SAME);
    expect(relOf({ occupation: '测试工', ...base })).toBe(SAME);
  });

  it('absent: names are compared after NFKC normalisation and trimming', () => {
    expect(relOf({ occupation: '  测试职业\u3000', ...base })).toBe(SAME); // ideographic space
    expect(relOf({ occupation: 'ｔｅｓｔ－ｏｃｃ', ...base })).toBe(SAME); // full-width letters and hyphen
    expect(relOf({ occupation: 'ＡＩ训练师', ...base })).toBe(RELATED); // full-width AI in a related name
  });

  it('absent: 相关职业 when listed under related.occupations', () => {
    expect(relOf({ occupation: '电子商务师', ...base })).toBe(RELATED);
  });

  it('absent and not listed: 无关 with a warning whose path names the entry', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', ...base },
          { occupation: '厨师', ...base },
        ],
        certificates: [{ occupation: '面点师', level: 4, kind: '技能等级证书' }],
      },
      '2024-01-01',
    );
    expect(f.work[1]!.rel).toBe(UNRELATED);
    expect(f.warnings.map((w) => [w.code, w.path])).toEqual([
      ['W_UNRELATED', '/work/1'],
      ['W_UNRELATED', '/certificates/0'],
    ]);
    expect(f.warnings[0]!.message).toContain('厨师');
  });

  it('no warning when the relation is given or inferred', () => {
    const f = facts(
      {
        work: [
          { occupation: '测试职业', ...base },
          { occupation: '电子商务师', ...base },
          { occupation: '厨师', relation: '无关', ...base },
        ],
      },
      '2024-01-01',
    );
    expect(f.warnings).toEqual([]);
  });

  it('a single value with single: false throws ProfileError naming the field', () => {
    const run = () =>
      prepareFacts({ work: [{ occupation: '厨师', relation: '本职业', ...base }] }, meta, { asOf: '2024-01-01', single: false });
    expect(run).toThrow(ProfileError);
    try {
      run();
    } catch (e) {
      expect((e as ProfileError).path).toBe('/work/0/relation');
    }
  });

  it('a single majorRelation with single: false throws ProfileError', () => {
    const run = () => prepareFacts(edu('大专', '毕业', { majorRelation: '本专业' }), meta, { asOf: '2024-01-01', single: false });
    expect(run).toThrow(ProfileError);
  });

  it('a single majorRelation with single: false names the field by its JSON Pointer', () => {
    try {
      prepareFacts(edu('大专', '毕业', { majorRelation: '本专业' }), meta, { asOf: '2024-01-01', single: false });
      expect.unreachable('should throw');
    } catch (e) {
      expect((e as ProfileError).path).toBe('/education/0/majorRelation');
    }
  });

  it('majorRelation may be a map keyed by occupation', () => {
    const f = prepareFacts(edu('大专', '毕业', { major: '烹饪', majorRelation: { 测试职业: '相关专业' } }), meta, {
      asOf: '2024-01-01',
      single: false,
    });
    expect(f.education![0]!.major).toBe(RELATED);
    expect(f.warnings).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Age
// ---------------------------------------------------------------------------------------------

describe('age', () => {
  it('is 16 on the 16th birthday, not the day before', () => {
    const p: Profile = { birthDate: '2008-06-15' };
    expect(age(facts(p, '2024-06-14'), '>=', 16)).toBe(F);
    expect(age(facts(p, '2024-06-15'), '>=', 16)).toBe(T);
  });

  it('a 29 Feb birthday in a leap year is reached on 29 Feb', () => {
    const p: Profile = { birthDate: '2008-02-29' };
    expect(age(facts(p, '2024-02-28'), '>=', 16)).toBe(F);
    expect(age(facts(p, '2024-02-29'), '>=', 16)).toBe(T);
  });

  it('a 29 Feb birthday in a common year is reached on 1 March', () => {
    const p: Profile = { birthDate: '2004-02-29' };
    expect(age(facts(p, '2022-02-28'), '>=', 18)).toBe(F);
    expect(age(facts(p, '2022-03-01'), '>=', 18)).toBe(T);
  });

  it('without a birth date the age is unknown', () => {
    expect(age(facts({}, '2024-01-01'), '>=', 16)).toBe(U);
  });
});

// ---------------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------------

describe('dates', () => {
  it('parseDay rejects dates that are not calendar dates', () => {
    expect(parseDay('2023-02-29')).toBeUndefined();
    expect(parseDay('2023-02-30')).toBeUndefined();
    expect(parseDay('2023-13-01')).toBeUndefined();
    expect(parseDay('2023-00-10')).toBeUndefined();
    expect(parseDay('2023-04-31')).toBeUndefined();
    expect(parseDay('2023-4-1')).toBeUndefined();
    expect(parseDay('2023-04-01T00:00:00Z')).toBeUndefined();
  });

  it('parseDay accepts 2024-02-29 and counts days since 1970-01-01', () => {
    expect(parseDay('1970-01-01')).toBe(0);
    expect(parseDay('2024-02-29')).toBe(parseDay('2024-02-28')! + 1);
    expect(parseDay('2024-03-01')).toBe(parseDay('2024-02-29')! + 1);
    expect(formatDay(parseDay('2024-02-29')!)).toBe('2024-02-29');
  });

  it('formatDay is the inverse of parseDay, at century and leap-year edges and against Date', () => {
    for (const d of ['0100-01-01', '1900-02-28', '1900-03-01', '1969-12-31', '2000-02-29', '2023-12-31', '2024-02-29', '2100-03-01', '9999-12-31']) {
      expect(formatDay(parseDay(d)!)).toBe(d);
    }
    expect(formatDay(parseDay('1900-02-28')! + 1)).toBe('1900-03-01'); // 1900 is not a leap year
    for (let day = parseDay('1899-01-01')!; day <= parseDay('2101-01-01')!; day += 7) {
      expect(formatDay(day)).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
    }
  });

  it('todayInShanghai switches date at 16:00 UTC', () => {
    expect(todayInShanghai(new Date('2026-11-27T16:00:00Z'))).toBe('2026-11-28');
    expect(todayInShanghai(new Date('2026-11-27T15:59:59Z'))).toBe('2026-11-27');
  });

  it('prepareFacts rejects an impossible as-of date or entry date with ProfileError', () => {
    expect(() => facts({}, '2023-02-29')).toThrow(ProfileError);
    expect(() => facts({ work: [{ occupation: '测试职业', from: '2023-02-30' }] }, '2024-01-01')).toThrow(ProfileError);
  });

  it('a period ending before it starts is an error', () => {
    expect(() => facts({ work: [{ occupation: '测试职业', from: '2023-02-01', to: '2023-01-31' }] }, '2024-01-01')).toThrow(ProfileError);
    // also when the whole period lies after the as-of date
    expect(() => facts({ work: [{ occupation: '测试职业', from: '2025-02-01', to: '2025-01-31' }] }, '2024-01-01')).toThrow(ProfileError);
  });
});

// ---------------------------------------------------------------------------------------------
// Levels
// ---------------------------------------------------------------------------------------------

describe('evaluateOccupation', () => {
  const clause = (id: string, level: Level, plan: Plan): ClauseMeta => ({
    id: `test-occ/${level}/${id}`,
    level,
    text: `clause ${id} of level ${level}`,
    when: 'true',
    file: 'rules/test.yaml',
    line: 1,
    plan,
  });
  // The identities of 且 and 或: an empty 且 holds, an empty 或 does not.
  const TRUE: Plan = { op: 'and', items: [] };
  const FALSE: Plan = { op: 'or', items: [] };

  // 学历 高中 及以上 (gate semantics)
  const highSchoolOrAbove = degree(3, true, { gate: true });
  // 毕业 技工学校 含应届
  const technicalSchool = graduated(['技工学校'], true);

  const occMeta: OccupationMeta = {
    ...meta,
    levels: [1, 3, 5, 4, 2], // deliberately unsorted
    workTypes: [
      { name: '甲工种', levels: [5, 4, 3, 2, 1] },
      { name: '乙工种', levels: [5, 4] },
    ],
    education: { text: '高中及以上', when: '学历 高中 及以上', plan: { op: 'school', spec: highSchoolOrAbove } },
  };

  // Each clause twice, as the compiler emits it: a predicate (the fast path, explain: false) and
  // a plan (explained results decide each clause by it). `evaluate` runs both and requires them to agree.
  const oneYear: Plan = { op: 'experience', scope: BOTH, kinds: 1, continuous: false, cmp: '>=', days: years(1) };
  const fiveYears: Plan = { op: 'experience', scope: BOTH, kinds: 1, continuous: false, cmp: '>=', days: years(5) };
  const threeYearsAfterFive: Plan = { op: 'experienceAfter', certScope: BOTH, level: 5, scope: BOTH, kinds: 1, continuous: false, cmp: '>=', days: years(3) };
  const occ: CompiledOccupation = {
    meta: occMeta,
    requirement: (f) => school(f, highSchoolOrAbove),
    clauses: [
      // 5: 从业 >= 1年
      { meta: clause('1', 5, oneYear), test: (f) => experience(f, BOTH, 1, false, '>=', years(1)), credential: null },
      // 5: 培训 五级 结业
      { meta: clause('2', 5, { op: 'training', scope: BOTH, level: 5, exam: false }), test: (f) => training(f, BOTH, 5, false), credential: null },
      // 4: 毕业 技工学校 含应届 (its credential also meets the requirement)
      {
        meta: clause('1', 4, { op: 'school', spec: technicalSchool }),
        test: (f) => school(f, technicalSchool),
        credential: (f) => school(f, technicalSchool),
      },
      // 4: 持有 五级 且 取得 五级 后 从业 >= 3年
      {
        meta: clause('2', 4, { op: 'and', items: [{ op: 'holds', scope: BOTH, level: 5 }, threeYearsAfterFive] }),
        test: (f) => and(holds(f, BOTH, 5), experienceAfter(f, BOTH, 5, BOTH, 1, false, '>=', years(3))),
        credential: null,
      },
      // 3: 持有 四级 且 从业 >= 5年
      {
        meta: clause('1', 3, { op: 'and', items: [{ op: 'holds', scope: BOTH, level: 4 }, fiveYears] }),
        test: (f) => and(holds(f, BOTH, 4), experience(f, BOTH, 1, false, '>=', years(5))),
        credential: null,
      },
      // 2, 1: nobody in these tests
      { meta: clause('1', 2, { op: 'holds', scope: BOTH, level: 3 }), test: (f) => holds(f, BOTH, 3), credential: null },
      { meta: clause('1', 1, { op: 'holds', scope: BOTH, level: 2 }), test: (f) => holds(f, BOTH, 2), credential: null },
    ],
  };

  /** The explained results, after checking that the fast path reports the same for every field it has. */
  const evaluate = (o: CompiledOccupation, profile: Profile, options: EvaluateOptions & { explain?: true }): ExplainedLevelResult[] => {
    const fast = evaluateOccupation(o, profile, { ...options, explain: false });
    const explained = evaluateOccupation(o, profile, options);
    const keys = Object.keys(fast[0] ?? {}) as (keyof LevelResult)[];
    expect(explained.map((r) => Object.fromEntries(keys.map((k) => [k, r[k]])))).toEqual(fast);
    return explained;
  };

  const asOf = '2024-06-30';
  const statusByLevel = (results: { level: Level; status: string }[]) => Object.fromEntries(results.map((r) => [r.level, r.status]));

  it('reports levels in order 5 → 1', () => {
    const results = evaluate(occ, { education: [] }, { asOf });
    expect(results.map((r) => r.level)).toEqual([5, 4, 3, 2, 1]);
    expect(results.every((r) => r.occupation === '测试职业' && r.id === 'test-occ' && r.version === '2024')).toBe(true);
  });

  it('a level is eligible when a clause is met and the requirement is met', () => {
    const profile: Profile = {
      education: [{ level: '高中', status: '毕业' }],
      work: [{ occupation: '测试职业', from: '2023-01-01', to: '2023-12-31' }],
    };
    const [five, four] = evaluate(occ, profile, { asOf });
    expect(five!.status).toBe('eligible');
    expect(five!.education).toBe('met');
    expect(four!.status).toBe('ineligible');
  });

  it('a met clause does not make the level eligible when the requirement is unmet', () => {
    const profile: Profile = {
      education: [{ level: '初中', status: '毕业' }],
      work: [{ occupation: '测试职业', from: '2020-01-01', to: '2023-12-31' }],
    };
    const [five] = evaluate(occ, profile, { asOf });
    expect(five!.clauses[0]!.status).toBe('met');
    expect(five!.status).toBe('ineligible');
    expect(five!.education).toBe('unmet');
  });

  it("a clause's own credential meets the requirement even when the requirement is unmet", () => {
    // An 应届 技工学校 student: rank 3 enrolment only implies 初中, so 高中 及以上 is unmet,
    // but the clause 毕业 技工学校 含应届 admits them and its credential meets the requirement.
    const profile: Profile = { education: [{ level: '技工学校', status: '应届' }] };
    const facts4 = prepareFacts(profile, occMeta, { asOf, single: true });
    expect(school(facts4, highSchoolOrAbove)).toBe(F);
    const [, four] = evaluate(occ, profile, { asOf });
    expect(four!.matched).toEqual(['test-occ/4/1']);
    expect(four!.status).toBe('eligible');
    expect(four!.education).toBe('met');
  });

  it("a credential only helps its own clause", () => {
    const withCredentialOnOtherClause: CompiledOccupation = {
      ...occ,
      clauses: [
        { meta: clause('1', 5, TRUE), test: () => T, credential: null },
        { meta: clause('2', 5, FALSE), test: () => F, credential: () => T },
      ],
    };
    const [five] = evaluate(withCredentialOnOtherClause, { education: [] }, { asOf, level: 5 });
    expect(five!.status).toBe('ineligible');
  });

  it('an unknown credential with an unmet requirement makes a met clause unknown', () => {
    const o: CompiledOccupation = {
      ...occ,
      requirement: () => F,
      clauses: [{ meta: clause('1', 5, TRUE), test: () => T, credential: () => U }],
    };
    expect(evaluate(o, {}, { asOf, level: 5 })[0]!.status).toBe('unknown');
  });

  it('no education key: requirement unknown, so a met clause gives an unknown level', () => {
    const profile: Profile = { work: [{ occupation: '测试职业', from: '2020-01-01', to: '2023-12-31' }] };
    const results = evaluate(occ, profile, { asOf });
    const five = results[0]!;
    expect(five.clauses[0]!.status).toBe('met');
    expect(five.status).toBe('unknown');
    expect(five.education).toBe('unknown');
    // levels with no met clause stay ineligible: F 且 U = F
    expect(statusByLevel(results)).toMatchObject({ 3: 'ineligible', 2: 'ineligible', 1: 'ineligible' });
  });

  it('no requirement (null) means the requirement is met', () => {
    const o: CompiledOccupation = { ...occ, requirement: null };
    const profile: Profile = { work: [{ occupation: '测试职业', from: '2020-01-01', to: '2023-12-31' }] };
    const [five] = evaluate(o, profile, { asOf });
    expect(five!.status).toBe('eligible');
    expect(five!.education).toBe('met');
  });

  it('an unknown clause with a met requirement gives an unknown level', () => {
    const profile: Profile = { education: [{ level: '高中', status: '毕业' }], training: [{ occupation: '测试职业', level: 5 }] };
    const [five] = evaluate(occ, profile, { asOf });
    expect(five!.clauses.map((c) => c.status)).toEqual(['unmet', 'unknown']);
    expect(five!.status).toBe('unknown');
  });

  it('a met clause decides even when another clause of the level is unknown', () => {
    const profile: Profile = {
      education: [{ level: '高中', status: '毕业' }],
      work: [{ occupation: '测试职业', from: '2020-01-01', to: '2023-12-31' }],
      training: [{ occupation: '测试职业', level: 5 }],
    };
    const [five] = evaluate(occ, profile, { asOf });
    expect(five!.status).toBe('eligible');
  });

  it('matched lists every met clause id, clauses list every clause of the level', () => {
    const profile: Profile = {
      education: [{ level: '技工学校', status: '毕业' }],
      work: [{ occupation: '测试职业', from: '2018-01-01', to: '2023-12-31' }],
      training: [{ occupation: '测试职业', level: 5, certificate: true }],
      certificates: [{ occupation: '测试职业', level: 5, kind: '技能等级证书', date: '2019-01-01' }],
    };
    const results = evaluate(occ, profile, { asOf });
    const byLevel = Object.fromEntries(results.map((r) => [r.level, r]));
    expect(byLevel[5]!.matched).toEqual(['test-occ/5/1', 'test-occ/5/2']);
    expect(byLevel[4]!.matched).toEqual(['test-occ/4/1', 'test-occ/4/2']);
    expect(byLevel[4]!.clauses.map((c) => c.id)).toEqual(['test-occ/4/1', 'test-occ/4/2']);
    expect(byLevel[3]!.matched).toEqual([]);
    expect(byLevel[3]!.clauses).toEqual([{ id: 'test-occ/3/1', text: 'clause 1 of level 3', status: 'unmet' }]);
    expect(statusByLevel(results)).toEqual({ 5: 'eligible', 4: 'eligible', 3: 'ineligible', 2: 'ineligible', 1: 'ineligible' });
  });

  it('workTypes lists the work types offering each level', () => {
    const results = evaluate(occ, { education: [] }, { asOf });
    expect(results.map((r) => [r.level, r.workTypes])).toEqual([
      [5, ['甲工种', '乙工种']],
      [4, ['甲工种', '乙工种']],
      [3, ['甲工种']],
      [2, ['甲工种']],
      [1, ['甲工种']],
    ]);
  });

  it('options.level reports only that level', () => {
    const results = evaluate(occ, { education: [] }, { asOf, level: 3 });
    expect(results.map((r) => r.level)).toEqual([3]);
  });

  it('options.workType reports only the levels the work type offers', () => {
    const results = evaluate(occ, { education: [] }, { asOf, workType: '乙工种' });
    expect(results.map((r) => r.level)).toEqual([5, 4]);
  });

  it('options.level and options.workType combine; a level the work type lacks is an error', () => {
    expect(evaluate(occ, { education: [] }, { asOf, workType: '乙工种', level: 4 }).map((r) => r.level)).toEqual([4]);
    expect(() => evaluateOccupation(occ, { education: [] }, { asOf, workType: '乙工种', level: 3 })).toThrow(EvaluationError);
  });

  it('an unknown work type is E_WORK_TYPE; a level not offered is E_LEVEL', () => {
    const o: CompiledOccupation = { ...occ, meta: { ...occMeta, levels: [5, 4, 3] } };
    expect(() => evaluateOccupation(occ, {}, { asOf, workType: '丙工种' })).toThrow(expect.objectContaining({ code: 'E_WORK_TYPE' }));
    expect(() => evaluateOccupation(o, {}, { asOf, level: 1 })).toThrow(expect.objectContaining({ code: 'E_LEVEL' }));
  });

  it('judges one occupation by default, so a single relation value is allowed', () => {
    const profile: Profile = { education: [], work: [{ occupation: '厨师', relation: '本职业', from: '2020-01-01', to: '2020-12-31' }] };
    expect(evaluate(occ, profile, { asOf, level: 5 })[0]!.matched).toEqual(['test-occ/5/1']);
    expect(() => evaluateOccupation(occ, profile, { asOf, level: 5, single: false })).toThrow(ProfileError);
  });

  it('warnings from preparing the facts are reported once, with the results, not on each level', () => {
    const profile: Profile = { education: [], work: [{ occupation: '厨师', from: '2020-01-01', to: '2020-12-31' }] };
    const { results, warnings } = evaluateProfile(occ, profile, { asOf });
    expect(results.length).toBeGreaterThan(1);
    expect(warnings).toEqual([expect.objectContaining({ code: 'W_UNRELATED', path: '/work/0', occupation: 'test-occ' })]);
    for (const r of results) expect(r).not.toHaveProperty('warnings');
  });

  it('the as-of date decides: the same profile is ineligible a day earlier', () => {
    const profile: Profile = { education: [{ level: '高中', status: '毕业' }], work: [{ occupation: '测试职业', from: '2023-07-01' }] };
    expect(evaluate(occ, profile, { asOf: '2024-06-29', level: 5 })[0]!.status).toBe('eligible'); // 365 days
    expect(evaluate(occ, profile, { asOf: '2024-06-28', level: 5 })[0]!.status).toBe('ineligible');
  });
});
