// fast-check generators shared by the property, fuzz and round-trip tests and the long runs:
// applicant profiles that sit on the edges of the semantics, and valid rule expressions.
import fc from 'fast-check';
import type { CheckedOccupation } from '../../compiler/checked.js';
import { dayOf, loadOracleVocabulary, type OracleVocabulary } from './interpreter.js';

// ---------------------------------------------------------------------------------------------
// Dates

export function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** As-of dates around leap days, year ends and the bundled tests' date. */
export const AS_OF_DATES = [
  '2026-11-28',
  '2024-02-29',
  '2024-03-01',
  '2024-02-28',
  '2025-02-28',
  '2025-03-01',
  '2027-02-27',
  '2023-12-31',
  '2024-01-01',
  '2028-02-29',
];

const YEAR = 365;

/** A day offset that sits on (or one day off) a multiple of 365. */
const thresholdOffset = fc
  .tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom(-2, -1, 0, 0, 0, 1, 2))
  .map(([n, d]) => n * YEAR + d);

/** A date near `asOf`: on a year threshold before it, around it, on a leap day, or anywhere. */
function dateNear(asOf: number): fc.Arbitrary<number> {
  const leapDays = [dayOf('2020-02-29'), dayOf('2024-02-29'), dayOf('2016-02-29'), dayOf('2023-02-28'), dayOf('2023-03-01')];
  return fc.oneof(
    { weight: 4, arbitrary: thresholdOffset.map((o) => asOf - o + 1) },
    { weight: 2, arbitrary: fc.integer({ min: -3, max: 3 }).map((o) => asOf + o) },
    { weight: 1, arbitrary: fc.constantFrom(...leapDays) },
    { weight: 3, arbitrary: fc.integer({ min: asOf - 12 * YEAR, max: asOf + 400 }) },
  );
}

// ---------------------------------------------------------------------------------------------
// Names

export interface ProfileWorld {
  /** Spellings of occupations: names, ids, aliases and NFKC/whitespace variants of them. */
  occupationSpellings: string[][];
  /** Occupation names that are none of the judged ones (some listed as related in a synthetic file). */
  otherOccupations: string[];
  majors: string[];
  vocabulary: OracleVocabulary;
}

/** Full-width ASCII letters, digits and punctuation: NFKC maps them back. */
function fullWidth(s: string): string {
  return s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

export function worldOf(occupations: Pick<CheckedOccupation, 'id' | 'name' | 'aliases' | 'related'>[], vocabulary = loadOracleVocabulary()): ProfileWorld {
  const occupationSpellings = occupations.map((o) => {
    const base = [o.name, o.id, ...o.aliases];
    return [...base, ` ${o.name}\u3000`, fullWidth(o.id), ...o.aliases.map(fullWidth)];
  });
  const related = occupations.flatMap((o) => o.related.occupations);
  const otherOccupations = [...new Set([...related, '电子商务师', '厨师', '营销员', 'ＡＩ训练员'])];
  const majors = [...new Set([...occupations.flatMap((o) => [...o.related.sameMajors, ...o.related.majors]), '电子商务', '会计', '计算机应用'])];
  return { occupationSpellings, otherOccupations, majors, vocabulary };
}

// ---------------------------------------------------------------------------------------------
// Profiles

type Raw = Record<string, unknown>;

const optional = <T>(arb: fc.Arbitrary<T>, weight = 1): fc.Arbitrary<T | undefined> =>
  fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight, arbitrary: arb });

/** Drops undefined fields, so that absent means absent. */
function clean(o: Raw): Raw {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

export interface GeneratedProfile {
  asOf: string;
  profile: Raw;
}

export function profileArb(world: ProfileWorld): fc.Arbitrary<GeneratedProfile> {
  const occupation = fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...world.occupationSpellings.flat()) },
    { weight: 2, arbitrary: fc.constantFrom(...world.otherOccupations) },
  );
  const relationValue = fc.constantFrom('本职业', '相关职业', '无关');
  // A map names each occupation at most once (in one of its spellings), plus maybe an outsider.
  const relationMap = <V>(value: fc.Arbitrary<V>): fc.Arbitrary<Raw> =>
    fc
      .tuple(
        fc.uniqueArray(fc.tuple(fc.integer({ min: 0, max: world.occupationSpellings.length - 1 }), fc.nat(), value), {
          selector: (t) => t[0],
          maxLength: 3,
        }),
        optional(fc.tuple(fc.constantFrom(...world.otherOccupations), value), 1),
      )
      .map(([named, extra]) => {
        const entries: [string, V][] = named.map(([i, n, v]) => [world.occupationSpellings[i][n % world.occupationSpellings[i].length], v]);
        if (extra && !entries.some(([k]) => k === extra[0])) entries.push(extra);
        return Object.fromEntries(entries);
      });
  const relation = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: relationValue },
    { weight: 2, arbitrary: relationMap(relationValue) },
  );
  const majorRelation = fc.oneof(
    { weight: 3, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom('本专业', '相关专业', '无关') },
    { weight: 1, arbitrary: relationMap(fc.constantFrom('本专业', '相关专业', '无关')) },
  );
  const kinds = world.vocabulary.workKinds.map((k) => k.name);
  const workKind = fc.oneof(
    { weight: 8, arbitrary: fc.constant(undefined) },
    { weight: 2, arbitrary: fc.constantFrom(...kinds) },
    { weight: 1, arbitrary: fc.constant('未知种类') },
  );
  const schoolLevels = world.vocabulary.education.map((e) => e.name);
  const trackNames = world.vocabulary.tracks.map((t) => t.name);
  const facts = world.vocabulary.facts;

  // One arbitrary per as-of date, built once: dates are generated around it.
  const build = (asOfText: string): fc.Arbitrary<GeneratedProfile> => {
    const asOf = dayOf(asOfText);
    const date = dateNear(asOf);
    const dateText = date.map(isoOf);

    // Work: dated periods (some chained to the previous one: overlapping, touching, one day
    // apart), ongoing periods, undated years.
    const period = fc
      .record({
        from: date,
        length: fc.oneof(thresholdOffset, fc.integer({ min: 0, max: 3000 })),
        ongoing: fc.boolean(),
        chain: fc.option(fc.constantFrom(-400, -30, -1, 0, 1, 2), { nil: undefined }),
      });
    const workEntry = fc.record({
      occupation,
      relation,
      kind: workKind,
      shape: fc.oneof(
        { weight: 4, arbitrary: period.map((p) => ({ dated: true as const, p })) },
        {
          weight: 1,
          arbitrary: fc.oneof(fc.integer({ min: 0, max: 6 }), fc.constantFrom(0.5, 1.5, 2.2, 2.5, 3.2, 0.7)).map((years) => ({ dated: false as const, years })),
        },
      ),
    });
    const work = fc.array(workEntry, { maxLength: 4 }).map((entries) => {
      let lastEnd: number | null = null;
      return entries.map((e) => {
        if (!e.shape.dated) return clean({ occupation: e.occupation, relation: e.relation, kind: e.kind, years: e.shape.years });
        const p = e.shape.p;
        const from: number = p.chain !== undefined && lastEnd !== null ? lastEnd + p.chain : p.from;
        const end = from + Math.max(0, p.length - 1);
        lastEnd = p.ongoing ? asOf : end;
        return clean({
          occupation: e.occupation,
          relation: e.relation,
          kind: e.kind,
          from: isoOf(from),
          to: p.ongoing ? undefined : isoOf(end),
        });
      });
    });

    const certificate = fc
      .record({
        occupation,
        relation,
        kind: fc.constantFrom('职业资格证书', '技能等级证书', '技能等级证书', '预备技师证书'),
        level: fc.integer({ min: 1, max: 5 }),
        levelOnPrep: fc.boolean(),
        date: optional(dateText, 4),
      })
      .map((c) =>
        clean({
          occupation: c.occupation,
          relation: c.relation,
          kind: c.kind,
          level: c.kind === '预备技师证书' && !c.levelOnPrep ? undefined : c.level,
          date: c.date,
        }),
      );

    const flag = fc.constantFrom(true, false, undefined);
    const training = fc
      .record({ occupation, relation, level: fc.integer({ min: 1, max: 5 }), date: optional(dateText), certificate: flag, examPassed: flag })
      .map(clean);
    const apprenticeship = fc.record({ occupation, relation, completed: optional(dateText, 3) }).map(clean);

    const educationEntry = fc
      .record({
        level: fc.constantFrom(...schoolLevels),
        track: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: fc.constantFrom(...trackNames) }),
        assessedTarget: fc.constantFrom(undefined, undefined, '中级', '高级'),
        major: optional(fc.constantFrom(...world.majors)),
        majorRelation,
        status: fc.constantFrom('毕业', '毕业', '应届', '在读'),
        date: optional(dateText),
      })
      .map(clean);
    const education = fc.oneof(
      { weight: 1, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 5, arbitrary: fc.array(educationEntry, { minLength: 1, maxLength: 3 }) },
    );

    const birthDate = optional(
      fc.oneof(
        fc.tuple(fc.constantFrom(16, 18, 20, 35, 60), fc.integer({ min: -2, max: 2 })).map(([age, d]) => {
          const [y, m, dd] = asOfText.split('-').map(Number);
          // the birthday `age` years before the as-of date (29 Feb falls back to 28 Feb), ± d days
          const leap = (yy: number): boolean => (yy % 4 === 0 && yy % 100 !== 0) || yy % 400 === 0;
          const day = m === 2 && dd === 29 && !leap(y - age) ? 28 : dd;
          return isoOf(dayOf(`${String(y - age).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`) + d);
        }),
        fc.constantFrom('2008-02-29', '2004-02-29', '2010-03-01', '2008-02-28'),
      ),
    );

    const factValues =
      facts.length === 0
        ? fc.constant(undefined)
        : optional(
            fc.uniqueArray(fc.integer({ min: 0, max: facts.length - 1 }), { maxLength: facts.length }).chain((idx) =>
              fc.tuple(
                ...idx.map((i) => {
                  const f = facts[i];
                  const key = fc.constantFrom(f.name, f.en ?? f.name, ` ${f.name} `);
                  const typed: fc.Arbitrary<number | boolean | string> =
                    f.type === 'boolean'
                      ? fc.boolean()
                      : fc.oneof(
                          { weight: 4, arbitrary: fc.oneof(fc.constantFrom(0, 1, 2, 3, 4, 99999, 100000, 100001, 100, 0.1, 1000, 15000, 100000.5, 99.999), fc.integer({ min: 0, max: 200000 })) },
                          // an explicit none (no placing, 0 km): not unknown
                          { weight: 1, arbitrary: fc.constantFrom('无', 'none') },
                        );
                  // now and then the wrong type: a number for a yes/no fact, a boolean for a number, none for a yes/no fact
                  const value = fc.oneof({ weight: 9, arbitrary: typed }, { weight: 1, arbitrary: fc.constantFrom<number | boolean | string>(1, 0, true, false, '无') });
                  return fc.tuple(key, value);
                }),
              ).map((pairs) => Object.fromEntries(pairs)),
            ),
          );
    // Categories: absent (unknown), none, or some (now and then one the vocabulary does not declare).
    const categoryNames = world.vocabulary.categories.flatMap((c) => [c.name, c.en ?? c.name]);
    const categories = fc.oneof(
      { weight: 2, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 3, arbitrary: fc.uniqueArray(fc.oneof({ weight: 9, arbitrary: fc.constantFrom(...categoryNames) }, { weight: 1, arbitrary: fc.constant('未声明类别') }), { minLength: 1, maxLength: 3 }) },
    );
    // Sex: from the profile, from a valid 18-digit identity number (both agreeing), or unknown.
    const sexAndId = fc.oneof(
      { weight: 2, arbitrary: fc.constant({}) },
      { weight: 2, arbitrary: fc.constantFrom('男', '女').map((sex) => ({ sex })) },
      { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.boolean(), fc.boolean()).map(([n, male, withSex]) => ({ idNumber: identityNumber(n, male), ...(withSex ? { sex: male ? '男' : '女' } : {}) })) },
    );
    const events = eventsArb(world, occupation, relationValue, relationMap(relationValue), dateNear(asOf));
    // Insured periods (issue 20): absent (unknown), none, or periods around month ends and the as-of date, or undated months.
    const scheme = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('失业保险', 'unemployment-insurance') }, { weight: 1, arbitrary: fc.constantFrom('养老保险', 'pension-insurance') });
    const insured = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(scheme, dateNear(asOf), optional(fc.integer({ min: 0, max: 2000 }))).map(([s, from, len]) => ({ scheme: s, from: isoOf(from), ...(len === undefined ? {} : { to: isoOf(from + len) }) })) },
      { weight: 2, arbitrary: fc.tuple(scheme, fc.integer({ min: asOf - 6 * YEAR, max: asOf }), fc.integer({ min: 0, max: 60 })).map(([s, d, m]) => ({ scheme: s, from: isoOf(monthStart(d)), to: isoOf(monthStart(d) + m * 30 + 29) })) },
      { weight: 1, arbitrary: fc.tuple(scheme, fc.constantFrom(0, 11, 12, 35, 36, 37)).map(([s, months]) => ({ scheme: s, months })) },
    );
    const insurance = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constant([]) }, { weight: 4, arbitrary: fc.array(insured, { minLength: 1, maxLength: 3 }) });
    // now and then a fact the vocabulary does not declare (a warning, ignored)
    const undeclared = fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom('未声明的事实', 'undeclared fact') });

    return fc
      .record({
        birthDate,
        education,
        certificates: optional(fc.array(certificate, { maxLength: 3 }), 4),
        work: optional(work, 6),
        training: optional(fc.array(training, { maxLength: 2 }), 2),
        apprenticeships: optional(fc.array(apprenticeship, { maxLength: 2 })),
        facts: factValues,
        categories,
        events: optional(events, 3),
        insurance,
        sexAndId,
        undeclared,
        proofs: proofStatuses,
      })
      .map(({ undeclared, sexAndId, proofs, ...p }) => ({
        asOf: asOfText,
        profile: withProofs(clean(undeclared === null ? { ...p, ...sexAndId } : { ...p, ...sexAndId, facts: { ...p.facts, [undeclared]: true } }), proofs),
      }));
  };
  const byDate = new Map(AS_OF_DATES.map((d) => [d, build(d)]));
  return fc.constantFrom(...AS_OF_DATES).chain((d) => byDate.get(d)!);
}

/**
 * Past events (issue 20): competitions with tier, rank and field size, promotions and subsidy claims
 * with a level, dated near the as-of date, on 1 January and 31 December, on leap days, or undated;
 * now and then a field left out (unknown), or an undeclared kind or tier (a warning, not counted).
 */
function eventsArb(world: ProfileWorld, occupation: fc.Arbitrary<string>, relationValue: fc.Arbitrary<string>, relationMap: fc.Arbitrary<Raw>, near: fc.Arbitrary<number>): fc.Arbitrary<Raw[]> {
  const v = world.vocabulary;
  if (v.eventKinds.length === 0) return fc.constant([]);
  const kind = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...v.eventKinds.flatMap((k) => [k.name, k.en ?? k.name])) }, { weight: 1, arbitrary: fc.constant('未声明事件') });
  const tier = fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...v.competitions.flatMap((c) => [c.name, c.en ?? c.name])) }, { weight: 1, arbitrary: fc.constant('未声明竞赛') });
  const yearEdge = near.map((d) => isoOf(d).slice(0, 4)).chain((y) => fc.constantFrom(`${y}-01-01`, `${y}-12-31`, `${Number(y) - 1}-12-31`));
  const date = fc.oneof({ weight: 4, arbitrary: near.map(isoOf) }, { weight: 2, arbitrary: yearEdge }, { weight: 1, arbitrary: fc.constant(undefined) });
  const relation = fc.oneof({ weight: 2, arbitrary: relationValue }, { weight: 1, arbitrary: relationMap });
  const event = fc
    .record({
      kind,
      date,
      occupation: optional(occupation, 4),
      relation: optional(relation, 3),
      level: optional(fc.integer({ min: 1, max: 5 }), 3),
      tier: optional(tier, 2),
      rank: optional(fc.integer({ min: 1, max: 12 }), 4),
      field: optional(fc.constantFrom(1, 3, 10, 20, 25, 30), 3),
    })
    .map((e) => clean(e));
  return fc.array(event, { maxLength: 4 });
}

/** The first day of the month of a day number. */
function monthStart(day: number): number {
  const d = new Date(day * 86_400_000);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
}

/** Proof statuses (告知承诺制) drawn for a profile, or null (a third of profiles give none, as before 0.2.0). */
const PROOF_SLOTS = 24;
const proofStatuses = fc.oneof(
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.array(fc.constantFrom(undefined, undefined, 'declared', 'declared', 'verified', 'not-found', 'revoked'), { minLength: PROOF_SLOTS, maxLength: PROOF_SLOTS }),
  },
);

/**
 * The profile with the drawn statuses given, in turn, to its list entries (`proof`) and to its
 * birth date, sex, identity number, categories and facts (`proofs`, keyed as the profile writes them).
 */
function withProofs(profile: Raw, statuses: readonly (string | undefined)[] | null): Raw {
  if (statuses === null) return profile;
  let next = 0;
  const take = (): string | undefined => statuses[next++ % PROOF_SLOTS];
  const out: Raw = { ...profile };
  for (const key of ['education', 'certificates', 'work', 'training', 'apprenticeships', 'events', 'insurance']) {
    if (Array.isArray(out[key])) out[key] = (out[key] as Raw[]).map((e) => clean({ ...e, proof: take() }));
  }
  const byName = (names: readonly string[]): Raw | undefined => {
    const map = clean(Object.fromEntries(names.map((n) => [n, take()])));
    return Object.keys(map).length > 0 ? map : undefined;
  };
  const proofs = clean({
    birthDate: out.birthDate === undefined ? undefined : take(),
    sex: out.sex === undefined ? undefined : take(),
    idNumber: out.idNumber === undefined ? undefined : take(),
    categories: Array.isArray(out.categories) ? byName(out.categories as string[]) : undefined,
    facts: out.facts === undefined ? undefined : byName(Object.keys(out.facts as Raw)),
  });
  return Object.keys(proofs).length > 0 ? { ...out, proofs } : out;
}

/** A valid 18-digit identity number (check character by GB 11643) whose 17th digit gives the sex. */
function identityNumber(n: number, male: boolean): string {
  const body = `1101051980010${String(n).padStart(3, '0')}${male ? 1 : 2}`.slice(0, 17);
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body[i]) * weights[i];
  return body + '10X98765432'[sum % 11];
}

// ---------------------------------------------------------------------------------------------
// Expressions (text), valid for the checker: random keyword language, scopes, levels, units

const pick = <T>(...xs: T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

export interface ExpressionOptions {
  vocabulary?: OracleVocabulary;
  /** Maximum nesting of 且/或/非. */
  depth?: number;
  /** Past-event atoms (获奖, 记录); default true (the analysis refuses them: its oracle says false). */
  events?: boolean;
  /** The expression is a level's clause, so 本级 may occur; default true (false for preconditions). */
  inLevel?: boolean;
}

export function expressionArb(options: ExpressionOptions = {}): fc.Arbitrary<string> {
  const v = options.vocabulary ?? loadOracleVocabulary();
  const sp = pick(' ', ' ', '  ', '\u3000');
  const occScope = pick('', '本职业', '相关职业', '本职业或相关职业', '任意职业', 'same', 'related', 'same-or-related', 'any-occupation');
  const majorScope = pick('', '', '本专业', '相关专业', '本专业或相关专业', 'same-major', 'related-major', 'same-or-related-major');
  const level = fc.oneof(
    fc.constantFrom(...v.levels.flatMap((l) => [l.name, l.title, l.old])),
    fc.constantFrom(...v.levels.map((l) => `${l.name}/${l.title}`)),
    fc.integer({ min: 1, max: 5 }).map((n) => `level ${n}`),
  );
  const cmp = pick('>=', '>', '<=', '<', '=', '≥', '≤');
  const duration = fc.oneof(
    fc.tuple(fc.constantFrom(0, 1, 2, 3, 4, 5, 6, 0.5, 1.5, 2.2, 0.7), pick('年', ' 年', ' years', ' year')).map(([n, u]) => `${n}${u}`),
    fc.tuple(fc.constantFrom(0, 1, 2, 30, 364, 365, 366, 730, 1095, 1096, 1460), pick('天', ' days', '日', ' day')).map(([n, u]) => `${n}${u}`),
    // months (a twelfth of 365 days) and numbers as printed
    fc.tuple(fc.constantFrom('1', '6', '11', '12', '18', '24', '36', '0.5', '1 200'), pick('个月', ' months', ' month')).map(([n, u]) => `${n}${u}`),
    fc.tuple(fc.constantFrom('1,095', '1 096', '0.1万', '0.0365万'), pick('天', ' days')).map(([n, u]) => `${n}${u}`),
  );
  const kinds = v.workKinds.flatMap((k) => [k.name, k.en ?? k.name]);
  const workKind = fc.oneof({ weight: 4, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...kinds) });
  const words = (parts: fc.Arbitrary<string>[]): fc.Arbitrary<string> =>
    fc.tuple(fc.tuple(...parts), fc.array(sp, { minLength: parts.length, maxLength: parts.length })).map(([ws, spaces]) =>
      ws
        .map((w, i) => (w === '' ? '' : w + spaces[i]))
        .join('')
        .trim(),
    );

  const experienceKw = pick('从业', 'experience', '累计从业', '累计 从业', 'cumulative experience', '连续从业', 'continuous experience', '连续 从业');
  const experience = words([experienceKw, workKind, occScope, cmp, duration]);
  const experienceAfter = words([pick('取得', 'after'), occScope, level, pick('', '后'), experience]);
  const holds = words([pick('持有', 'holds'), occScope, fc.oneof({ weight: 4, arbitrary: level }, { weight: 1, arbitrary: pick('预备技师证书', 'prep-technician') })]);
  const training = words([pick('培训', 'training'), occScope, level, pick('结业', 'completed', '考试合格', 'exam-passed')]);
  const apprenticeship = words([pick('学徒期满', 'apprenticeship'), occScope]);

  const schoolNames = v.education.flatMap((e) => [e.name, e.en ?? e.name, ...(e.aliases ?? [])]);
  const groupNames = v.groups.flatMap((g) => [g.name, g.en]);
  const trackNames = v.tracks.flatMap((t) => [t.name, t.en]);
  const zh = (s: string): boolean => /^[\u3400-\u9fff]/.test(s);
  const track = fc.oneof(
    { weight: 4, arbitrary: fc.constant('') },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...trackNames), pick('', ' 及以上', ' or-higher')).map(([t, h]) => t + h) },
  );
  const target = fc.oneof({ weight: 3, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.tuple(pick('目标', 'target'), pick('中级', '高级', 'intermediate', 'advanced')).map(([a, b]) => `${a} ${b}`) });
  const finalYear = pick('', '', '含应届', 'incl-final-year');
  const orHigher = (name: string): fc.Arbitrary<string> => pick(name, `${name} 及以上`, `${name} or-higher`, ...(zh(name) ? [`${name}及以上`] : []));
  const schoolName = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...schoolNames).chain(orHigher) },
    { weight: 1, arbitrary: fc.constantFrom(...groupNames) }, // a group takes no 及以上
  );
  const degreeName = fc.constantFrom(...schoolNames).chain(orHigher);
  // A track follows only school kinds that have tracks (the 技工院校 family, or a group holding one): E_TRACK_SCHOOL otherwise.
  const trackKinds = v.education.filter((e) => e.family === '技工院校');
  const trackSchoolName = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...trackKinds.flatMap((e) => [e.name, e.en ?? e.name, ...(e.aliases ?? [])])).chain(orHigher) },
    { weight: 1, arbitrary: fc.constantFrom(...v.groups.filter((g) => g.members.some((m) => trackKinds.some((e) => e.name === m))).flatMap((g) => [g.name, g.en])) },
  );
  const school = fc.oneof(
    words([pick('毕业', 'graduated', '在校', 'enrolled'), schoolName, fc.constant(''), target, majorScope, finalYear]),
    words([pick('毕业', 'graduated', '在校', 'enrolled'), trackSchoolName, track, target, majorScope, finalYear]),
    words([pick('学历', 'education'), degreeName, track, target, majorScope, finalYear]),
  );

  const ageValue = fc.tuple(fc.constantFrom(16, 18, 35, 50, 55, 60, 16.5), pick('岁', '周岁', ' years')).map(([n, u]) => `${n}${u}`);
  const factAtoms: fc.Arbitrary<string>[] = [
    words([pick('年龄', 'age'), cmp, ageValue]),
  ];
  // The concepts of issue 24: ages by sex (the legal retirement age), categories, currently working.
  const conceptAtoms: fc.Arbitrary<string>[] = [
    words([pick('年龄', 'age'), cmp, pick('男', 'male'), ageValue, pick('女', 'female'), ageValue]),
    words([pick('在职', 'currently-working'), workKind, occScope]),
  ];
  // Time beyond "from when" (issue 20): windows after a certificate, dated certificates, ages on a date, insured months.
  const months = fc.tuple(fc.constantFrom(1, 6, 11, 12, 13, 24, 36), pick('个月', ' months', ' month')).map(([n, u]) => `${n}${u}`);
  const window = fc.oneof({ weight: 4, arbitrary: months }, { weight: 1, arbitrary: fc.constantFrom('1年', '2 years') });
  const date = fc.constantFrom('2020-02-29', '2021-12-31', '2022-01-01', '2022-12-31', '2023-09-30', '2024-02-29', '2025-03-01', '2026-11-28');
  const dateRange = fc.tuple(date, date).map(([a, b]) => (a <= b ? [a, b] : [b, a]));
  const insuranceScheme = pick('失业保险', 'unemployment-insurance', '养老保险');
  conceptAtoms.push(
    words([pick('取得', 'after'), occScope, level, pick('', '后'), pick('不超过', 'within'), window]),
    fc.tuple(words([pick('取得', 'after'), occScope, level, pick('于', 'on')]), dateRange, pick('至', 'to')).map(([head, [a, b], to]) => `${head} ${a} ${to} ${b}`),
    fc.tuple(pick('年龄', 'age'), pick('于', 'on'), date, cmp, ageValue).map((parts) => parts.join(' ')),
    words([pick('参保', 'insured'), insuranceScheme, fc.oneof({ weight: 1, arbitrary: fc.constant('') }, { weight: 2, arbitrary: words([pick('截至', 'until'), occScope, level]) }), cmp, months]),
  );
  const categoryNames = v.categories.flatMap((c) => [c.name, c.en ?? c.name]);
  if (categoryNames.length > 0) conceptAtoms.push(words([pick('类别', 'category'), fc.constantFrom(...categoryNames)]));
  for (const f of v.facts) {
    const name = pick(f.name, f.en ?? f.name);
    if (f.type === 'boolean') factAtoms.push(name);
    else {
      // Every unit of the fact's quantity (vocabulary `units`), converted exactly; numbers as printed.
      const quantity = v.units.find((u) => (f.units ?? []).includes(u.name))?.quantity;
      const units = [...new Set([...(f.units ?? []), ...v.units.filter((u) => quantity !== undefined && u.quantity === quantity).flatMap((u) => [u.name, u.en ?? u.name])])];
      const numbers = fc.constantFrom<number | string>(0, 1, 3, 100000, '10万', '100 000', '100,000', '0.1万', '1.5万', '99 999', '100000.5', '0.001');
      const value = fc.tuple(numbers, units.length > 0 ? fc.constantFrom(...units) : fc.constant('')).map(([n, u]) =>
        u === '' ? `${n}` : /^[A-Za-z]/.test(u) ? `${n} ${u}` : `${n}${u}`,
      );
      factAtoms.push(words([name, cmp, value]));
    }
  }

  const eventAtoms = eventAtomsArb(v, words, occScope, cmp, options.inLevel ?? true);
  if (options.events ?? true) conceptAtoms.push(...eventAtoms);
  const atom = fc.oneof(
    { weight: 4, arbitrary: experience },
    { weight: 4, arbitrary: experienceAfter },
    { weight: 3, arbitrary: holds },
    { weight: 2, arbitrary: training },
    { weight: 1, arbitrary: apprenticeship },
    { weight: 4, arbitrary: school },
    { weight: 2, arbitrary: fc.oneof(...factAtoms) },
    { weight: 2, arbitrary: fc.oneof(...conceptAtoms) },
  );

  const lp = pick('(', '（');
  const rp = pick(')', '）');
  const paren = (a: fc.Arbitrary<string>): fc.Arbitrary<string> => fc.tuple(lp, a, rp).map(([l, x, r]) => `${l}${x}${r}`);
  const maxDepth = options.depth ?? 3;
  const { expr } = fc.letrec<{ expr: string }>((tie) => ({
    expr: fc.oneof(
      { depthSize: 'small', maxDepth, withCrossShrink: true },
      { weight: 3, arbitrary: fc.oneof({ weight: 5, arbitrary: atom }, { weight: 1, arbitrary: paren(atom) }) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.array(tie('expr'), { minLength: 2, maxLength: 3 }), pick('且', '并且', 'and'))
          .map(([items, op]) => items.map((x) => (needsParens(x) ? `(${x})` : x)).join(` ${op} `)),
      },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.array(tie('expr'), { minLength: 2, maxLength: 3 }), pick('或', 'or'))
          .map(([items, op]) => items.map((x) => (needsParens(x) ? `(${x})` : x)).join(` ${op} `)),
      },
      {
        weight: 1,
        arbitrary: fc.tuple(pick('非', 'not'), tie('expr')).map(([n, x]) => `${n} ${needsParens(x) ? `(${x})` : x}`),
      },
    ),
  }));
  return expr;
}

/** The past-event atoms (issue 20): a placing in the top N or N% of a tier, and a count of recorded events. */
function eventAtomsArb(
  v: OracleVocabulary,
  words: (parts: fc.Arbitrary<string>[]) => fc.Arbitrary<string>,
  occScope: fc.Arbitrary<string>,
  cmp: fc.Arbitrary<string>,
  inLevel: boolean,
): fc.Arbitrary<string>[] {
  if (v.eventKinds.length === 0 || v.competitions.length === 0) return [];
  const tiers = v.competitions.flatMap((c) => [c.name, c.en ?? c.name]);
  const kinds = v.eventKinds.flatMap((k) => [k.name, k.en ?? k.name]);
  const top = fc.oneof(
    fc.tuple(pick('前', 'top '), fc.constantFrom(1, 3, 6, 10), pick('名', '', ' places', ' place')).map(([t, n, u]) => `${t}${n}${u}`),
    fc.tuple(pick('前', 'top '), fc.constantFrom(10, 25, 30, 50, 100, 33.3)).map(([t, n]) => `${t}${n}%`),
  );
  const count = fc.tuple(fc.constantFrom(0, 1, 2, 3), pick('次', '', ' times', ' time')).map(([n, u]) => `${n}${u}`);
  const level = inLevel ? pick('', '', '本级', 'this-level') : fc.constant('');
  const window = pick('', '本自然年', 'this-calendar-year', '近十二个月', 'past-twelve-months');
  return [words([pick('获奖', 'placed'), occScope, fc.constantFrom(...tiers), top]), words([pick('记录', 'events'), fc.constantFrom(...kinds), occScope, level, window, cmp, count])];
}

/**
 * Whether a generated sub-expression must be parenthesised as an operand: it has a top-level
 * 且/或 (or starts with 非 and is an operand of 非 — harmless, so only binary operators count).
 */
function needsParens(x: string): boolean {
  let depth = 0;
  const tokens = x.split(/(\s+|[()（）])/);
  for (const t of tokens) {
    if (t === '(' || t === '（') depth++;
    else if (t === ')' || t === '）') depth--;
    else if (depth === 0 && ['且', '并且', 'and', '或', 'or'].includes(t)) return true;
  }
  return false;
}
