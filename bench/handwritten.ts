// 互联网营销师 (rules/internet-marketer.yaml, 2023-09), written by hand in plain TypeScript from
// the rule file and docs/language.md: what a careful programmer would write without zige. It is
// the baseline of the benchmark, so it is written to be fast (one pass per list, no result
// objects), and it is checked against zige on every profile before anything is timed.
import type { Profile, Relation, MajorRelation } from '../runtime/index.js';

// Three values: 0 false, 1 true, 2 unknown (as in runtime/tri.ts, restated here on purpose).
const F = 0;
const T = 1;
const U = 2;
type Tri = 0 | 1 | 2;
const and = (a: Tri, b: Tri): Tri => (a === F || b === F ? F : a === T && b === T ? T : U);
const or = (a: Tri, b: Tri): Tri => (a === T || b === T ? T : a === F && b === F ? F : U);
/** A quantity known to lie in [lo, hi], compared `>= n`. */
const atLeast = (lo: number, hi: number, n: number): Tri => (lo >= n ? T : hi < n ? F : U);

const SAME = 1;
const RELATED = 2;
const ANY = SAME | RELATED;
const YEAR = 365;
const DAY_MS = 86_400_000;
const NAMES = new Set(['互联网营销师', 'internet-marketer']);
const RELATION: Record<string, number> = { 本职业: SAME, 相关职业: RELATED, 无关: 0, 本专业: SAME, 相关专业: RELATED };
const RANK: Record<string, number> = {
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
};
const TRACK_RANK: Record<string, number> = { 中级工班: 3, 高级工班: 4, 预备技师班: 5 };
const TECH_SCHOOLS = new Set(['技工学校', '高级技工学校', '技师学院']);

/** Day number of a YYYY-MM-DD date (already validated by the profile schema), by arithmetic. */
function parseDay(s: string): number {
  const y = (s.charCodeAt(0) - 48) * 1000 + (s.charCodeAt(1) - 48) * 100 + (s.charCodeAt(2) - 48) * 10 + (s.charCodeAt(3) - 48);
  const m = (s.charCodeAt(5) - 48) * 10 + (s.charCodeAt(6) - 48);
  const d = (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  // Days from 1970-01-01 of a proleptic Gregorian date (H. Hinnant, "days_from_civil").
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function norm(s: string): string {
  return s.normalize('NFKC').trim();
}

function relationOf(occupation: string, relation: Relation | MajorRelation | undefined): number {
  if (typeof relation === 'string') return RELATION[relation];
  if (relation !== undefined) for (const k in relation) if (NAMES.has(norm(k))) return RELATION[(relation as Record<string, string>)[k]];
  return NAMES.has(norm(occupation)) ? SAME : 0; // related.occupations is empty for this occupation
}

function majorOf(relation: MajorRelation | undefined): number {
  if (typeof relation === 'string') return RELATION[relation];
  if (relation !== undefined) for (const k in relation) if (NAMES.has(norm(k))) return RELATION[relation[k]];
  return 0; // related.sameMajors and related.majors are empty
}

/** What every clause needs, computed in one pass over each list of the profile. */
export interface Aggregates {
  /** Merged dated work periods (本职业或相关职业), sorted: [start, end, start, end, …]. */
  periods: number[];
  total: number;
  undated: number;
  /** Earliest dated certificate of level ≤ L (index L), 本职业或相关职业 / 本职业 only. */
  earliest: number[];
  earliestSame: number[];
  /** An undated certificate of level ≤ L exists. */
  undatedCert: boolean[];
  undatedCertSame: boolean[];
  holdsPrep: boolean;
  /** training(本职业, level L, 结业), index L; [0] is training(本职业或相关职业, 五级, 结业). */
  training: Tri[];
  apprenticeship: Tri;
  /** School atoms, null education = unknown. */
  education: Tri[];
}

// School atoms, by index into Aggregates.education.
const REQUIREMENT = 0; // 学历 初中 及以上 (the education requirement: enrolment counts one rank below)
const TECH_FY = 1; // 毕业 技工学校 本专业或相关专业 含应届
const SECONDARY_PLUS_MID_FY = 2; // 毕业 中等职业学校 及以上 目标 中级 本专业或相关专业 含应届
const SENIOR_TECH_FY = 3; // 毕业 高级技工学校 含应届
const TECH_COLLEGE_FY = 4; // 毕业 技师学院 含应届
const HIGHER_VOC_ADV_FY = 5; // 毕业 高等职业学校 目标 高级 本专业或相关专业 含应届
const ASSOCIATE_PLUS = 6; // 学历 大专 及以上 本专业或相关专业
const SENIOR_TECH = 7; // 毕业 高级技工学校
const TECH_COLLEGE = 8; // 毕业 技师学院

export function aggregate(p: Profile, asOf: number): Aggregates {
  // Certificates.
  const earliest = [Infinity, Infinity, Infinity, Infinity, Infinity, Infinity];
  const earliestSame = earliest.slice();
  const undatedCert = [false, false, false, false, false, false];
  const undatedCertSame = undatedCert.slice();
  let holdsPrep = false;
  for (const c of p.certificates ?? []) {
    const rel = relationOf(c.occupation, c.relation);
    if (rel === 0) continue;
    const date = c.date === undefined ? null : parseDay(c.date);
    if (date !== null && date > asOf) continue;
    if (c.kind === '预备技师证书') {
      holdsPrep = true;
      continue;
    }
    const level = c.level ?? 0;
    if (level < 1) continue;
    for (let l = level; l <= 5; l++) {
      if (date === null) {
        undatedCert[l] = true;
        if (rel & SAME) undatedCertSame[l] = true;
      } else {
        if (date < earliest[l]) earliest[l] = date;
        if (rel & SAME && date < earliestSame[l]) earliestSame[l] = date;
      }
    }
  }
  // Work: dated periods merged, undated years summed.
  const raw: { start: number; end: number }[] = [];
  let undated = 0;
  for (const w of p.work ?? []) {
    if (relationOf(w.occupation, w.relation) === 0) continue;
    if (w.from === undefined) {
      if (w.years !== undefined) undated += w.years * YEAR;
      continue;
    }
    const start = parseDay(w.from);
    if (start > asOf) continue;
    raw.push({ start, end: w.to === undefined ? asOf : Math.min(parseDay(w.to), asOf) });
  }
  const periods: number[] = [];
  let total = 0;
  if (raw.length > 0) {
    if (raw.length > 1) raw.sort((a, b) => a.start - b.start || a.end - b.end);
    let { start, end } = raw[0];
    for (let k = 1; k < raw.length; k++) {
      const p = raw[k];
      if (p.start <= end + 1) {
        if (p.end > end) end = p.end;
      } else {
        periods.push(start, end);
        total += end - start + 1;
        start = p.start;
        end = p.end;
      }
    }
    periods.push(start, end);
    total += end - start + 1;
  }
  // Training: 结业 (certificate) for exactly the level.
  const training: Tri[] = [F, F, F, F, F, F];
  for (const t of p.training ?? []) {
    const rel = relationOf(t.occupation, t.relation);
    if (rel === 0 || (t.date !== undefined && parseDay(t.date) > asOf)) continue;
    const flag: Tri = t.certificate === true ? T : t.certificate === undefined ? U : F;
    if (t.level === 5) training[0] = or(training[0], flag);
    if (rel & SAME) training[t.level] = or(training[t.level], flag);
  }
  let apprenticeship: Tri = F;
  for (const a of p.apprenticeships ?? []) {
    if (relationOf(a.occupation, a.relation) === 0) continue;
    if (a.completed === undefined) apprenticeship = or(apprenticeship, U);
    else if (parseDay(a.completed) <= asOf) apprenticeship = T;
  }
  // Education.
  const x: Tri = p.education === undefined ? U : F;
  const education: Tri[] = [x, x, x, x, x, x, x, x, x];
  for (const e of p.education ?? []) {
    let status = e.status;
    if (status === '毕业' && e.date !== undefined && parseDay(e.date) > asOf) status = '应届';
    const rank = e.track !== undefined && TECH_SCHOOLS.has(e.level) ? (TRACK_RANK[e.track] ?? 0) : (RANK[e.level] ?? 0);
    const major = (majorOf(e.majorRelation) & ANY) !== 0;
    const graduated = status === '毕业';
    const diploma = status !== '在读'; // 毕业, or 应届 where the atom says 含应届
    // The requirement: graduated at 初中 or above, or in school one rank above it.
    if ((graduated ? rank : rank - 1) >= 2) education[REQUIREMENT] = T;
    if (diploma) {
      if (e.level === '技工学校' && major) education[TECH_FY] = T;
      if ((e.level === '中等职业学校' || e.level === '高等职业学校') && e.assessedTarget === '中级' && major) education[SECONDARY_PLUS_MID_FY] = T;
      if (e.level === '高级技工学校') education[SENIOR_TECH_FY] = T;
      if (e.level === '技师学院') education[TECH_COLLEGE_FY] = T;
      if (e.level === '高等职业学校' && e.assessedTarget === '高级' && major) education[HIGHER_VOC_ADV_FY] = T;
    }
    if (graduated) {
      if (rank >= 4 && major) education[ASSOCIATE_PLUS] = T;
      if (e.level === '高级技工学校') education[SENIOR_TECH] = T;
      if (e.level === '技师学院') education[TECH_COLLEGE] = T;
    }
  }
  return { periods, total, undated, earliest, earliestSame, undatedCert, undatedCertSame, holdsPrep, training, apprenticeship, education };
}

/** Days worked on or after `start`. */
function daysFrom(a: Aggregates, start: number): number {
  const p = a.periods;
  let n = 0;
  for (let i = 0; i < p.length; i += 2) if (p[i + 1] >= start) n += p[i + 1] - Math.max(p[i], start) + 1;
  return n;
}

/** 取得 L 后 从业 >= days (本职业或相关职业 work; certificate scope by `same`). */
function after(a: Aggregates, level: number, days: number, same = false): Tri {
  const earliest = (same ? a.earliestSame : a.earliest)[level];
  const undatedCert = (same ? a.undatedCertSame : a.undatedCert)[level];
  if (earliest === Infinity && !undatedCert) return 0 >= days ? T : F;
  const lo = earliest === Infinity ? 0 : daysFrom(a, earliest);
  const hi = (undatedCert ? a.total : lo) + a.undated;
  return atLeast(lo, hi, days);
}

function experience(a: Aggregates, days: number): Tri {
  return a.total + a.undated >= days ? T : F;
}

/** 持有 本职业或相关职业 L: a dated or undated certificate of level L or higher. */
function holds(a: Aggregates, level: number): Tri {
  return a.earliest[level] !== Infinity || a.undatedCert[level] ? T : F;
}

/** A clause's outcome on its level: met, and the education requirement (or the clause's own credential). */
function route(met: Tri, requirement: Tri, credential: Tri | null): Tri {
  let gate = requirement;
  if (gate !== T && met !== F && credential !== null) {
    if (credential === T) gate = T;
    else if (credential === U && gate === F) gate = U;
  }
  return and(met, gate);
}

export type Status = 'eligible' | 'ineligible' | 'unknown';
const STATUS: Status[] = ['ineligible', 'eligible', 'unknown'];

/** Level statuses, 五级 first (as zige reports them). */
export function evaluateHandwritten(p: Profile, asOfText: string): Status[] {
  const asOf = parseDay(asOfText);
  const a = aggregate(p, asOf);
  const s = a.education;
  const req = s[REQUIREMENT];
  const l5 = or(or(route(experience(a, YEAR), req, null), route(a.training[0], req, null)), route(a.apprenticeship, req, null));
  const l4 = or(
    or(or(route(after(a, 5, 3 * YEAR), req, null), route(experience(a, 4 * YEAR), req, null)), route(and(experience(a, 2 * YEAR), a.training[4]), req, null)),
    or(route(s[TECH_FY], req, s[TECH_FY]), route(s[SECONDARY_PLUS_MID_FY], req, s[SECONDARY_PLUS_MID_FY])),
  );
  const holds4 = holds(a, 4);
  const either = or(s[SENIOR_TECH_FY], s[TECH_COLLEGE_FY]);
  const after4by2 = after(a, 4, 2 * YEAR);
  const l3 = or(
    or(route(and(after(a, 4, 3 * YEAR), a.training[3]), req, null), route(after(a, 4, 4 * YEAR), req, null)),
    or(
      or(route(and(holds4, either), req, either), route(and(holds4, s[HIGHER_VOC_ADV_FY]), req, s[HIGHER_VOC_ADV_FY])),
      route(and(s[ASSOCIATE_PLUS], after4by2), req, s[ASSOCIATE_PLUS]),
    ),
  );
  const graduate = or(s[SENIOR_TECH], s[TECH_COLLEGE]);
  const l2 = or(
    or(route(and(after(a, 3, 3 * YEAR), a.training[2]), req, null), route(after(a, 3, 4 * YEAR, true), req, null)),
    or(
      route(and(and(holds(a, 3), graduate), experience(a, 3 * YEAR)), req, graduate),
      route(and(and(a.holdsPrep ? T : F, s[TECH_COLLEGE]), experience(a, 2 * YEAR)), req, s[TECH_COLLEGE]),
    ),
  );
  const l1 = or(route(and(after(a, 2, 3 * YEAR), a.training[1]), req, null), route(after(a, 2, 4 * YEAR), req, null));
  return [STATUS[l5], STATUS[l4], STATUS[l3], STATUS[l2], STATUS[l1]];
}

/** Precomputed facts for the level-3 predicate benchmark (decided profiles: no unknowns). */
export interface Level3Facts {
  /** 取得 本职业或相关职业 四级 后 从业 本职业或相关职业 (days). */
  daysAfterL4: number;
  /** 持有 本职业或相关职业 四级. */
  holdsL4: boolean;
  /** 培训 本职业 三级 结业. */
  trainedL3: boolean;
  /** 毕业 高级技工学校 含应届. */
  seniorTechSchool: boolean;
  /** 毕业 技师学院 含应届. */
  technicianCollege: boolean;
  /** 毕业 高等职业学校 目标 高级 本专业或相关专业 含应届. */
  higherVocationalAdvanced: boolean;
  /** 学历 大专 及以上 本专业或相关专业. */
  associatePlus: boolean;
}

export function level3Facts(p: Profile, asOfText: string): Level3Facts {
  const asOf = parseDay(asOfText);
  const a = aggregate(p, asOf);
  if (a.undatedCert[4] || a.undated > 0 || a.training[3] === U || a.education[0] === U) {
    throw new Error('level3Facts needs a decided profile (population option `decided`)');
  }
  return {
    daysAfterL4: a.earliest[4] === Infinity ? 0 : daysFrom(a, a.earliest[4]),
    holdsL4: holds(a, 4) === T,
    trainedL3: a.training[3] === T,
    seniorTechSchool: a.education[SENIOR_TECH_FY] === T,
    technicianCollege: a.education[TECH_COLLEGE_FY] === T,
    higherVocationalAdvanced: a.education[HIGHER_VOC_ADV_FY] === T,
    associatePlus: a.education[ASSOCIATE_PLUS] === T,
  };
}

/** 三级 of 互联网营销师 as one boolean: the OR of its routes 3/1, 3/2, 3/3a, 3/3b, 3/4. */
export function level3Handwritten(f: Level3Facts): boolean {
  return (
    (f.daysAfterL4 >= 1095 && f.trainedL3) ||
    f.daysAfterL4 >= 1460 ||
    (f.holdsL4 && (f.seniorTechSchool || f.technicianCollege)) ||
    (f.holdsL4 && f.higherVocationalAdvanced) ||
    (f.associatePlus && f.daysAfterL4 >= 730)
  );
}
