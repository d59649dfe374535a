// The condition language, declared once: a clause's condition as data. The compiler's checked
// form is this plus source ranges (compiler/ir.ts); generated metadata carries it so that the
// runtime explains a result atom by atom with the same atom functions the compiled predicate uses.
import type { Comparator } from './tri.js';

/** The three school conditions, by SchoolSpec `mode`: 毕业 (a school kind), 学历 (the ladder), 在校 (enrolled). */
export const SchoolMode = { Graduated: 0, Degree: 1, Enrolled: 2 } as const;

/** What a school condition (毕业, 学历, 在校) accepts, resolved against the vocabulary. */
export interface SchoolSpec {
  /** 0 毕业 (school kind), 1 学历 (ladder), 2 在校 (enrolled). */
  mode: 0 | 1 | 2;
  /** School kinds that match (毕业, 在校), already expanded from groups and 及以上. */
  names: readonly string[] | null;
  /** Ladder rank to reach (学历). */
  rank: number;
  orHigher: boolean;
  /** 技工院校 tracks that match, or null for any. */
  tracks: readonly string[] | null;
  target: string | null;
  /** Major scope mask; 0 means any major. */
  major: number;
  finalYear: boolean;
  /** Education requirement: enrolment at a rank implies completion of the rank below. */
  gate: boolean;
}

/**
 * The condition language. Occupation scopes (`scope`, `certScope`) are masks of relation bits:
 * 1 本职业, 2 相关职业, 4 无关; 3 = 本职业或相关职业, 7 = 任意职业 (every entry). Major scopes: 1
 * 本专业, 2 相关专业, 3 both, 0 any major. Besides clause plans, an occupation may have
 * preconditions (plans gating every clause but those that waive them) and clauses waiving the
 * education requirement: see OccupationMeta.preconditions and ClauseMeta.waives (runtime/meta.ts).
 */
export type Plan =
  | { op: 'or'; items: Plan[] }
  | { op: 'and'; items: Plan[] }
  | { op: 'not'; item: Plan }
  | { op: 'experience'; scope: number; kinds: number; continuous: boolean; cmp: Comparator; days: number }
  | { op: 'experienceAfter'; certScope: number; level: number; scope: number; kinds: number; continuous: boolean; cmp: Comparator; days: number }
  | { op: 'holds'; scope: number; level: number }
  | { op: 'holdsPrepTechnician'; scope: number }
  | { op: 'training'; scope: number; level: number; exam: boolean }
  | { op: 'apprenticeship'; scope: number }
  | { op: 'school'; spec: SchoolSpec }
  | { op: 'age'; cmp: Comparator; years: number }
  /**
   * Age compared with a threshold by sex (`年龄 < 男 60岁 女 55岁`, the legal retirement age): the
   * sex comes from the profile's `sex` or its 18-digit `idNumber`; unknown when neither is given
   * and the two thresholds disagree.
   */
  | { op: 'ageBySex'; cmp: Comparator; male: number; female: number }
  | { op: 'flag'; name: string }
  /**
   * A declared numeric fact. The profile may give it as `无`/`none`: then it counts as the
   * vocabulary's `none` value of the fact (0 km), or, without one, as no value at all, which no
   * comparison accepts (no placing is neither <= 3 nor > 3). Absent: unknown.
   */
  // unit: as written after the value (`3名`, `100000 km`), so explanations say it; absent: none.
  // value is in the fact's profile unit (its first declared one): `10万公里` and `100000米` are
  // converted exactly when checked. written: the number as printed when it is not `value` in
  // plain digits (`10万`, `100 000`); base: the profile's unit when the rule wrote another scale.
  | { op: 'fact'; name: string; cmp: Comparator; value: number; unit?: string; written?: string; base?: string }
  /** The applicant is of a vocabulary category (`类别 退役士兵`); unknown without the profile's `categories`. */
  | { op: 'category'; name: string }
  /**
   * "Currently working" (`在职 本职业`): a dated work period in scope, of the kinds, includes the
   * as-of date (an ongoing one, or one whose `to` is that day or later). Without one, an undated
   * entry in scope (`years` only) makes it unknown: it does not say when.
   */
  | { op: 'working'; scope: number; kinds: number }
  /**
   * Past events (profile `events`): how many events match, compared with `count`. Both the placing
   * atom (`获奖 本职业 市级一类竞赛 前10名`: at least one competition of the tier with the rank in
   * the top `top`, or the top `top`% of `field` when `percent`) and the record atom
   * (`记录 补贴申领 本职业 本级 本自然年 < 3次`) are this op. `kind`: an event kind of the
   * vocabulary, null for any; `level`: the event's level (0 any; 本级 is resolved to the clause's
   * level when the rule is checked); `tier`: a competition tier, null for any; `top`: 0 when no
   * placing is asked; `window`: EventWindow. An event whose deciding field is absent (its date for a
   * window, its level, rank or field size) may or may not count: unknown unless the bounds decide.
   */
  | { op: 'events'; kind: string | null; scope: number; level: number; tier: string | null; top: number; percent: boolean; window: 0 | 1 | 2; cmp: Comparator; count: number }
  // Time beyond "from when" (issue 20; docs/language.md "Windows, dates and insured months").
  // "The certificate" of these three is the latest-dated one of exactly `level` in `scope`.
  /** `取得 本职业 五级 后 不超过 12个月`: the as-of date is within `months` calendar months from the certificate's date (a closing window: `latest`). */
  | { op: 'certWindow'; scope: number; level: number; months: number }
  /** `取得 本职业 五级 于 2022-01-01 至 2022-12-31`: the certificate is dated in the range (both ends included). */
  | { op: 'certDated'; scope: number; level: number; from: string; to: string }
  /** `年龄 于 2023-09-30 >= 16岁`: the age on a fixed date of the notice, whatever the as-of date. */
  | { op: 'ageOn'; date: string; cmp: Comparator; years: number }
  /**
   * `参保 失业保险 >= 36个月`: calendar months of the scheme's insured periods up to the as-of date,
   * or (`截至 本职业 五级`) up to the certificate's date; unknown without the certificate's date.
   */
  | { op: 'insured'; scheme: string; cmp: Comparator; months: number; until: { scope: number; level: number } | null };

/** Which events an `events` condition counts by date: 0 every one, 1 the as-of date's calendar year (1 January to the as-of date), 2 the twelve months up to the as-of date (after the same day a year earlier; 29 February's year earlier is 28 February). */
export const EventWindow = { Ever: 0, CalendarYear: 1, TwelveMonths: 2 } as const;

/** A condition of a plan: any node but 且, 或 and 非. */
export type PlanLeaf = Exclude<Plan, { op: 'and' | 'or' | 'not' }>;

/** A condition other than experience: its status is all its atom returns (experience atoms also measure). */
export type TestedLeaf = Exclude<PlanLeaf, { op: 'experience' | 'experienceAfter' }>;

/**
 * The school conditions of a clause that occur positively (under no or an even number of 非: 非 非 X
 * accepts X): its own credentials, which also meet the education requirement (runtime/gate.ts).
 * For a plan or its checked form with source ranges (compiler/ir.ts `Cond`).
 */
export function credentials<T extends Plan>(c: T, out: T[] = [], positive = true): T[] {
  if (c.op === 'school') {
    if (positive) out.push(c);
  } else if (c.op === 'and' || c.op === 'or') for (const i of c.items) credentials(i as T, out, positive);
  else if (c.op === 'not') credentials(c.item as T, out, !positive);
  return out;
}
