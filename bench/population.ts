// A seeded, deterministic population of applicant profiles for 互联网营销师 (internet-marketer):
// the same seed gives the same profiles on every machine, so every engine sees the same inputs.
import type { CertificateEntry, EducationEntry, Profile, RelationValue, TrainingEntry, WorkEntry } from '../runtime/index.js';

export const AS_OF = '2026-11-28';
export const OCCUPATION = '互联网营销师';
const DAY_MS = 86_400_000;
const AS_OF_DAY = Date.parse(AS_OF) / DAY_MS;

/** mulberry32: a tiny 32-bit PRNG with a good enough spread for test data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PopulationOptions {
  /**
   * Only facts that decide every level-3 atom: every date present, every training flag set, an
   * `education` key. The boolean engines of the predicate benchmark cannot say "unknown".
   */
  decided?: boolean;
}

function day(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

class Gen {
  constructor(private readonly r: () => number) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.r() * items.length)];
  }
  /** Picks by weight: [[value, weight], …]. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((n, [, w]) => n + w, 0);
    let x = this.r() * total;
    for (const [v, w] of items) {
      x -= w;
      if (x < 0) return v;
    }
    return items[items.length - 1][0];
  }
  /** A date between `fromYear` and about the as-of date (a few slightly after it). */
  date(fromYear: number): number {
    const lo = Date.UTC(fromYear, 0, 1) / DAY_MS;
    return this.int(lo, AS_OF_DAY + 60);
  }
}

const OTHER = ['电子商务师', '营销员', '网络直播员', '快递员'];
const SCHOOLS = [
  ['初中', 3],
  ['高中', 4],
  ['中等职业学校', 3],
  ['技工学校', 2],
  ['高级技工学校', 2],
  ['技师学院', 2],
  ['高等职业学校', 3],
  ['大专', 4],
  ['本科', 3],
  ['硕士', 1],
] as const;
const TECH = new Set(['技工学校', '高级技工学校', '技师学院']);

/** An occupation and relation for a fact: mostly the judged occupation, some related, some not. */
function occupationOf(g: Gen): { occupation: string; relation?: RelationValue } {
  const kind = g.weighted([
    ['same', 6],
    ['same-implicit', 2],
    ['related', 3],
    ['unrelated', 2],
  ] as const);
  switch (kind) {
    case 'same':
      return { occupation: OCCUPATION, relation: '本职业' };
    case 'same-implicit':
      return { occupation: OCCUPATION };
    case 'related':
      return { occupation: g.pick(OTHER), relation: '相关职业' };
    case 'unrelated':
      return { occupation: g.pick(OTHER), relation: '无关' };
  }
}

export function makeProfile(g: Gen, options: PopulationOptions): Profile {
  const decided = options.decided ?? false;
  const p: Profile = { birthDate: day(g.date(1970) - 365 * 18) };
  if (decided || g.chance(0.9)) {
    const education: EducationEntry[] = [];
    const n = g.weighted([
      [0, 1],
      [1, 6],
      [2, 2],
    ] as const);
    for (let i = 0; i < n; i++) {
      const level = g.weighted(SCHOOLS);
      const e: EducationEntry = {
        level,
        status: g.weighted([
          ['毕业', 8],
          ['应届', 1],
          ['在读', 1],
        ] as const),
        date: day(g.date(2005)),
      };
      if (TECH.has(level) && g.chance(0.5)) e.track = g.pick(['中级工班', '高级工班', '预备技师班'] as const);
      if ((level === '中等职业学校' || level === '高等职业学校') && g.chance(0.5)) e.assessedTarget = g.pick(['中级', '高级'] as const);
      if (g.chance(0.15)) e.major = '电子商务';
      else e.majorRelation = g.pick(['本专业', '相关专业', '无关'] as const);
      education.push(e);
    }
    // Decided profiles meet the education requirement (初中 or higher), which the predicate
    // benchmark's boolean engines leave out, so that zige's level function, which includes it,
    // answers the same question.
    if (decided) education.push({ level: '初中', status: '毕业', date: '2000-07-01' });
    p.education = education;
  }
  const certificates: CertificateEntry[] = [];
  for (let i = 0, n = g.int(0, 3); i < n; i++) {
    const prep = g.chance(0.05);
    const c: CertificateEntry = prep
      ? { ...occupationOf(g), kind: '预备技师证书' }
      : {
          ...occupationOf(g),
          level: g.weighted([
            [5, 4],
            [4, 4],
            [3, 2],
            [2, 1],
            [1, 1],
          ] as const),
          kind: g.pick(['技能等级证书', '职业资格证书'] as const),
        };
    if (decided || g.chance(0.93)) c.date = day(g.date(2010));
    certificates.push(c);
  }
  if (certificates.length) p.certificates = certificates;
  const work: WorkEntry[] = [];
  for (let i = 0, n = g.int(0, 4); i < n; i++) {
    const w: WorkEntry = occupationOf(g);
    if (!decided && g.chance(0.12)) w.years = g.int(1, 5);
    else {
      const from = g.date(2010);
      w.from = day(from);
      if (g.chance(0.75)) w.to = day(from + g.int(30, 2500));
    }
    work.push(w);
  }
  if (work.length) p.work = work;
  const training: TrainingEntry[] = [];
  for (let i = 0, n = g.weighted([[0, 3], [1, 3], [2, 1]] as const); i < n; i++) {
    const t: TrainingEntry = { ...occupationOf(g), level: g.pick([5, 4, 3, 2, 1] as const), date: day(g.date(2015)) };
    if (decided || g.chance(0.9)) t.certificate = g.chance(0.7);
    if (decided || g.chance(0.8)) t.examPassed = g.chance(0.6);
    training.push(t);
  }
  if (training.length) p.training = training;
  if (g.chance(0.1)) {
    const a = { ...occupationOf(g), ...(decided || g.chance(0.9) ? { completed: day(g.date(2012)) } : {}) };
    p.apprenticeships = [a];
  }
  return p;
}

/** `count` profiles from `seed`. */
export function population(seed: number, count: number, options: PopulationOptions = {}): Profile[] {
  const g = new Gen(prng(seed));
  const out: Profile[] = [];
  for (let i = 0; i < count; i++) out.push(makeProfile(g, options));
  return out;
}

/**
 * A profile with `n` work entries of the judged occupation, either disjoint (never touching) or overlapping (each starts inside the previous one), plus a level-4 certificate.
 */
export function workProfile(n: number, overlapping: boolean, seed = 7): Profile {
  const g = new Gen(prng(seed + n));
  const work: WorkEntry[] = [];
  // From 2000 on; a profile too large for that (3 days per entry: a day, the day after, a gap)
  // starts earlier, so that every entry starts by the as-of date and counts.
  const first = Math.min(Date.UTC(2000, 0, 1) / DAY_MS, AS_OF_DAY - 3 * n);
  const span = AS_OF_DAY - first;
  const step = Math.max(2, Math.floor(span / n));
  let start = first;
  for (let i = 0; i < n; i++) {
    const len = overlapping ? step * 2 + g.int(0, step) : Math.max(0, step - 2 - g.int(0, Math.floor(step / 4)));
    work.push({ occupation: OCCUPATION, relation: '本职业', from: day(start), to: day(Math.min(start + len, AS_OF_DAY)) });
    start += step;
  }
  // Shuffled, so merging has to sort.
  for (let i = work.length - 1; i > 0; i--) {
    const j = g.int(0, i);
    [work[i], work[j]] = [work[j], work[i]];
  }
  return {
    education: [{ level: '大专', status: '毕业', date: '2012-07-01', majorRelation: '本专业' }],
    certificates: [{ occupation: OCCUPATION, level: 4, kind: '技能等级证书', date: '2015-06-30', relation: '本职业' }],
    work,
    training: [{ occupation: OCCUPATION, level: 3, date: '2020-05-20', certificate: true, relation: '本职业' }],
  };
}
