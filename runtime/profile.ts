// The applicant profile (fact model v1), as validated by schema/profile.schema.json and described
// in docs/profile.md. These names are the public contract: fields may be added, never renamed.
// Hand-written to mirror the schema; no third-party imports (runtime/ is dependency-free).
import type { Level } from './words.js';

/** A calendar date `YYYY-MM-DD`, no time zone. */
export type DateString = string;

/** Skill level (runtime/words.ts), under the name the profile's public contract gives it. */
export type { Level as SkillLevel };

/** Relation of a fact to the occupation being judged. */
export type RelationValue = '本职业' | '相关职业' | '无关';

/** Relation of a major to the occupation being judged. */
export type MajorRelationValue = '本专业' | '相关专业' | '无关';

/**
 * One value (allowed only when one occupation is judged) or a map keyed by occupation name, id or
 * alias. Look map keys up with `Object.hasOwn`: keys are arbitrary user text.
 */
export type Relation = RelationValue | Record<string, RelationValue>;

export type MajorRelation = MajorRelationValue | Record<string, MajorRelationValue>;

/** School kinds and ladder levels (rules/vocabulary.yaml `education`). */
export type EducationLevel =
  | '小学'
  | '初中'
  | '高中'
  | '中等职业学校'
  | '技工学校'
  | '高级技工学校'
  | '技师学院'
  | '高等职业学校'
  | '大专'
  | '本科'
  | '硕士'
  | '博士';

/** 技工院校 class tracks. */
export type Track = '中级工班' | '高级工班' | '预备技师班';

/** 经评估论证、以中级/高级技能为培养目标. */
export type AssessedTarget = '中级' | '高级';

/** 毕业 (graduated), 应届 (final year, diploma pending), 在读 (enrolled). */
export type EducationStatus = '毕业' | '应届' | '在读';

export type CertificateKind = '职业资格证书' | '技能等级证书' | '预备技师证书';

/**
 * How a fact is proven (告知承诺制, docs/profile.md "Proof status"): `declared` (the applicant's
 * promise, to be verified), `verified`, `not-found` (looked up, no record) or `revoked`. The last
 * two make the fact count as absent. No status: as before 0.2.0, the fact counts as verified.
 */
export type Proof = 'declared' | 'verified' | 'not-found' | 'revoked';

/** Proof statuses of the facts that are not list entries: scalar fields, categories and declared facts by name. */
export interface Proofs {
  birthDate?: Proof;
  sex?: Proof;
  idNumber?: Proof;
  /** By category as the profile's `categories` writes it. */
  categories?: Record<string, Proof>;
  /** By fact name as the profile's `facts` writes it. */
  facts?: Record<string, Proof>;
}

export interface EducationEntry {
  level: EducationLevel;
  track?: Track;
  assessedTarget?: AssessedTarget;
  major?: string;
  majorRelation?: MajorRelation;
  status: EducationStatus;
  /** Graduation (or expected graduation) date. */
  date?: DateString;
  /** How the entry is proven; absent: counts as verified. */
  proof?: Proof;
}

export interface CertificateEntry {
  occupation: string;
  /** Required unless `kind` is 预备技师证书 (which has no level). */
  level?: Level;
  kind: CertificateKind;
  date?: DateString;
  relation?: Relation;
  /** How the entry is proven; absent: counts as verified. */
  proof?: Proof;
}

/** Either `from` (with optional `to`, inclusive; no `to` = ongoing) or `years` is present. */
export interface WorkEntry {
  occupation: string;
  /** A work kind from the vocabulary (工作, 见习 …); default 工作. */
  kind?: string;
  from?: DateString;
  to?: DateString;
  /** Undated experience: 365 × years days. */
  years?: number;
  relation?: Relation;
  /** How the entry is proven; absent: counts as verified. */
  proof?: Proof;
}

export interface TrainingEntry {
  occupation: string;
  level: Level;
  date?: DateString;
  /** Completion certificate (结业证书) obtained; absent = unknown. */
  certificate?: boolean;
  /** Training exam passed (考试合格); absent = unknown. */
  examPassed?: boolean;
  relation?: Relation;
  /** How the entry is proven; absent: counts as verified. */
  proof?: Proof;
}

export interface ApprenticeshipEntry {
  occupation: string;
  /** Date the apprenticeship was completed (学徒期满). */
  completed?: DateString;
  relation?: Relation;
  /** How the entry is proven; absent: counts as verified. */
  proof?: Proof;
}

/**
 * A past event (issue 20): a promotion, a subsidy claim, a competition placing … `kind` is an event
 * kind of the vocabulary (`events`); a competition gives its `tier` (vocabulary `competitions`),
 * `rank` (1 = first) and `field` (how many took part, for 前30%). An absent field that a condition
 * needs makes that condition unknown, unless the other events decide it.
 */
export interface EventEntry {
  kind: string;
  date?: DateString;
  occupation?: string;
  relation?: Relation;
  level?: Level;
  tier?: string;
  rank?: number;
  field?: number;
  /** How it is proven (告知承诺制); absent: verified. */
  proof?: Proof;
}

/**
 * A period insured in a social insurance scheme (失业保险 …): `from` (with optional `to`, inclusive;
 * no `to` = ongoing), or `months` without dates (a statement's total). Each calendar month with an
 * insured day counts as one month.
 */
export interface InsuranceEntry {
  /** 失业保险 养老保险 医疗保险 工伤保险 生育保险, or their English names (unemployment-insurance …). */
  scheme: string;
  from?: DateString;
  to?: DateString;
  months?: number;
  /** How it is proven (告知承诺制); absent: verified. */
  proof?: Proof;
}

/** An absent list means none, except `education`: absent = unknown, `[]` = none. */
export interface Profile {
  birthDate?: DateString;
  /** 男 or 女; also read from `idNumber`. */
  sex?: '男' | '女';
  /** 18-digit resident identity number (check digit verified): gives the sex. */
  idNumber?: string;
  /** Applicant categories of the vocabulary (退役士兵, 在校生 …). Absent = unknown, `[]` = none. */
  categories?: string[];
  education?: EducationEntry[];
  certificates?: CertificateEntry[];
  work?: WorkEntry[];
  training?: TrainingEntry[];
  apprenticeships?: ApprenticeshipEntry[];
  /** Past events (promotions, subsidy claims, competitions); absent = none. */
  events?: EventEntry[];
  /** Insured periods (issue 20). Absent = unknown, `[]` = none. */
  insurance?: InsuranceEntry[];
  /** Declared facts by name: numbers (安全行车里程), booleans (拟从事本职业或相关职业工作), or 无/none for a number explicitly absent (no placing). */
  facts?: Record<string, number | boolean | '无' | 'none'>;
  /** Proof statuses of `birthDate`, `sex`, `idNumber`, categories and facts (entries carry their own `proof`). */
  proofs?: Proofs;
}
