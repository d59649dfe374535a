// The typed AST built from the CST. Every node keeps the offsets of the text it came from, so
// diagnostics raised by later stages point back at the exact characters of the rule.
import type { ScopeValue } from '../runtime/words.js';

/** UTF-16 offsets into the expression text; end is exclusive. */
export interface OffsetRange {
  start: number;
  end: number;
}

/** Scopes are declared with their spellings in the word table. */
export type { ScopeValue };

export interface Scope {
  kind: 'Scope';
  value: ScopeValue;
  range: OffsetRange;
}

/** A word resolved later against the vocabulary: `四级`, `四级/中级工`, `技工学校`, `technical-school`. */
export interface NameRef {
  kind: 'Name';
  text: string;
  /** The second half of a combined form such as `四级/中级工`. */
  alt?: string;
  range: OffsetRange;
}

/** `level 4` */
export interface LevelNumber {
  kind: 'LevelNumber';
  level: number;
  range: OffsetRange;
}

export type Ref = NameRef | LevelNumber;

/** `3年`, `3 years`, `100000km`, or a bare number. */
export interface Quantity {
  kind: 'Quantity';
  value: number;
  unit: string | null;
  /** The number as printed when it is not plain digits (`100 000`, `10万`); absent: plain. */
  text?: string;
  range: OffsetRange;
}

export type Value = Quantity | Ref;

export type Comparator = '>=' | '>' | '<=' | '<' | '=';

export type ExperienceMode = 'cumulative' | 'continuous';

export interface Or {
  kind: 'Or';
  items: Expr[];
  range: OffsetRange;
}

export interface And {
  kind: 'And';
  items: Expr[];
  range: OffsetRange;
}

export interface Not {
  kind: 'Not';
  expr: Expr;
  range: OffsetRange;
}

/** `从业 本职业或相关职业 >= 4年` */
export interface Experience {
  kind: 'Experience';
  mode: ExperienceMode;
  /** Whether the mode was written out (`累计从业`) rather than implied (`从业`). */
  explicitMode: boolean;
  /** A kind of work from the vocabulary (见习); null counts the default kinds. */
  workKind: Ref | null;
  scope: Scope | null;
  cmp: Comparator;
  value: Value;
  range: OffsetRange;
}

/** `取得 本职业或相关职业 四级 后 从业 本职业或相关职业 >= 3年` */
export interface ExperienceAfter {
  kind: 'ExperienceAfter';
  certScope: Scope | null;
  level: Ref;
  experience: Experience;
  range: OffsetRange;
}

/** `持有 本职业或相关职业 四级` or `持有 预备技师证书` */
export interface Holds {
  kind: 'Holds';
  scope: Scope | null;
  what: Ref;
  range: OffsetRange;
}

/** `培训 本职业 四级 结业` / `培训 本职业 四级 考试合格` */
export interface Training {
  kind: 'Training';
  scope: Scope | null;
  level: Ref;
  proof: 'certificate' | 'exam';
  range: OffsetRange;
}

/** `学徒期满 本职业或相关职业` */
export interface Apprenticeship {
  kind: 'Apprenticeship';
  scope: Scope | null;
  range: OffsetRange;
}

export type SchoolMode = 'graduated' | 'degree' | 'enrolled';

/** `毕业 中等职业学校 及以上 目标 中级 本专业或相关专业 含应届` */
export interface School {
  kind: 'School';
  mode: SchoolMode;
  name: Ref;
  orHigher: boolean;
  track: { name: Ref; orHigher: boolean } | null;
  target: Ref | null;
  scope: Scope | null;
  includeFinalYear: boolean;
  range: OffsetRange;
}

/** `男 60岁 女 55岁`: a value for each sex (ages by sex, e.g. the legal retirement age). */
export interface BySex {
  kind: 'BySex';
  male: Value;
  female: Value;
  range: OffsetRange;
}

/** A named fact: compared (`年龄 >= 16岁`, `安全行车里程 >= 100000km`, `年龄 < 男 60岁 女 55岁`) or, alone, a boolean. */
export interface Compare {
  kind: 'Compare';
  subject: Ref;
  /** `年龄 于 2023-09-30 …`: compared on this fixed date instead of the as-of date. */
  on: DateText | null;
  cmp: Comparator | null;
  value: Value | BySex | null;
  range: OffsetRange;
}

/** `类别 退役士兵`: the applicant belongs to a category of the vocabulary. */
export interface Category {
  kind: 'Category';
  name: Ref;
  range: OffsetRange;
}

/** `在职 本职业`: a work period (of the default kinds, or the kind named) includes the as-of date. */
export interface Working {
  kind: 'Working';
  workKind: Ref | null;
  scope: Scope | null;
  range: OffsetRange;
}

/** `获奖 本职业 市级一类竞赛 前10名` / `前30%`: a competition placing among the profile's events. */
export interface Placed {
  kind: 'Placed';
  scope: Scope | null;
  tier: Ref;
  /** The places (`10名`, `10 places`) or a share of the field (`30%`). */
  top: Quantity;
  range: OffsetRange;
}

/** Which recorded events count by date: all, the as-of date's calendar year, the past twelve months. */
export type EventWindowName = 'ever' | 'calendar-year' | 'twelve-months';

/** `记录 补贴申领 本职业 本级 本自然年 < 3次`: how many recorded events of a kind, compared. */
export interface Events {
  kind: 'Events';
  eventKind: Ref;
  scope: Scope | null;
  thisLevel: boolean;
  window: EventWindowName;
  cmp: Comparator;
  value: Value;
  range: OffsetRange;
}

/** `取得 本职业 五级 后 不超过 12个月`: the as-of date within a window after the certificate's date. */
export interface CertWindow {
  kind: 'CertWindow';
  certScope: Scope | null;
  level: Ref;
  value: Value;
  range: OffsetRange;
}

/** A date as written, `2022-01-01`. */
export interface DateText {
  kind: 'Date';
  text: string;
  range: OffsetRange;
}

/** `取得 本职业 五级 于 2022-01-01 至 2022-12-31`: the certificate is dated in the range (both ends included). */
export interface CertDated {
  kind: 'CertDated';
  certScope: Scope | null;
  level: Ref;
  from: DateText;
  to: DateText;
  range: OffsetRange;
}

/** `参保 失业保险 截至 本职业 五级 >= 36个月`: insured months, up to the as-of date or a certificate's date. */
export interface Insured {
  kind: 'Insured';
  scheme: Ref;
  until: { scope: Scope | null; level: Ref } | null;
  cmp: Comparator;
  value: Value;
  range: OffsetRange;
}

export type Atom = Experience | ExperienceAfter | Holds | Training | Apprenticeship | School | Compare | Category | Working | Placed | Events | CertWindow | CertDated | Insured;

export type Expr = Or | And | Not | Atom;
