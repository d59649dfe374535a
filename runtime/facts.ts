// A profile, normalised once per occupation and as-of date: relations resolved to bits, dates to
// day numbers, facts after the as-of date dropped, work periods merged. Atoms then only look up.
import { DAYS_PER_YEAR, parseDay } from './dates.js';
import type { OccupationMeta } from './meta.js';
import { keep } from './memo.js';
import { Counting } from './counting.js';
import { renderBoth, type MessageArgs, type RuntimeMessageCode } from './messages.js';
import type { MajorRelation, Profile, Proof, Relation } from './profile.js';
import { isVoid, pointerToken, proofOfKey } from './proof.js';
import { insuranceScheme, NONE_VALUES, SEXES } from './words.js';

/**
 * Relation bits: 1 本职业 / 本专业, 2 相关职业 / 相关专业, 4 无关. Scopes are masks of them: the
 * usual ones (1, 2, 3) never include 无关; 任意职业 (7) counts every entry whatever its relation.
 */
export const SAME = 1;
export const RELATED = 2;
export const UNRELATED = 4;

/** A numeric fact the profile gives as 无/none, with no `none` value in the vocabulary: no value at all. */
export const NO_VALUE = 'none';

/** The sex of the applicant, from `sex` or the identity number: 1 male, 2 female, 0 unknown. */
export const Sex = { Unknown: 0, Male: 1, Female: 2 } as const;

export interface Period {
  start: number;
  end: number;
}

/**
 * A warning about the profile: said once per profile, not per level result (since 0.2.0).
 * W_UNRELATED and W_NO_MAJOR concern the relation to one occupation and name it; W_UNKNOWN_KIND
 * and W_UNKNOWN_FACT concern the vocabulary and are the same for every occupation.
 */
export interface Warning {
  code: RuntimeMessageCode;
  /** JSON Pointer of the entry in the profile. */
  path: string;
  /** The id of the occupation the relation was unknown for (W_UNRELATED, W_NO_MAJOR). */
  occupation?: string;
  /** Both languages, `中文 / English`, from the code's templates (runtime/messages.ts). */
  message: string;
}

/**
 * A warning from its data: the code, the entry's path, the occupation a relation concerns, and
 * the template's arguments (the path is one too). Fields in output order.
 */
function warning(code: RuntimeMessageCode, path: string, occupation: string | undefined, args: MessageArgs): Warning {
  const message = renderBoth(code, { path, ...args });
  return occupation === undefined ? { code, path, message } : { code, path, occupation, message };
}

/**
 * Appends to `into` the warnings of `more` it does not hold yet (same code, path and occupation):
 * the profile's warnings over several occupations, each said once.
 */
export function addWarnings(into: Warning[], more: readonly Warning[]): Warning[] {
  if (more.length === 0) return into;
  if (into.length === 0) {
    for (const w of more) into.push(w);
    return into;
  }
  const key = (w: Warning): string => `${w.code}\n${w.path}\n${w.occupation ?? ''}`;
  const known = new Set(into.map(key));
  for (const w of more) if (!known.has(key(w))) into.push(w);
  return into;
}

/** Education status: 毕业, 应届 (final year, diploma pending), 在读. */
export const Status = { Graduated: 0, FinalYear: 1, Enrolled: 2 } as const;
export type Status = (typeof Status)[keyof typeof Status];

export interface EducationFact {
  name: string;
  rank: number;
  track: string | null;
  target: string | null;
  major: number;
  status: Status;
}

export interface Facts {
  asOf: number;
  /** Entries keep `index`, their position in the profile, for asking about them. */
  work: { period: Period; rel: number; kind: number; ongoing: boolean; until: number; index: number }[];
  undatedWork: { days: number; rel: number; kind: number; index: number }[];
  certificates: { level: number; prep: boolean; date: number | null; rel: number; index: number }[];
  training: { level: number; date: number | null; certificate?: boolean; examPassed?: boolean; rel: number; index: number }[];
  apprenticeships: { completed: number | null; rel: number; index: number }[];
  /** Past events up to the as-of date; kind and tier by declared name (null: none given). */
  events: { kind: string; date: number | null; rel: number; level: number; tier: string | null; rank: number | null; field: number | null; index: number }[];
  /** null when the profile has no `education` key: unknown, not none. */
  education: EducationFact[] | null;
  birth: number | null;
  /** 1 male, 2 female, 0 unknown (Sex). */
  sex: number;
  /** The applicant's categories (退役士兵 …) by declared name; null when the profile has no `categories` key: unknown, not none. */
  categories: readonly string[] | null;
  /** How years and months of experience are counted (runtime/counting.ts Counting), from the occupation's `counting`. */
  counting: number;
  /** Insured periods by scheme key (INSURANCE_SCHEMES), cut at the as-of date; null when the profile has no `insurance` key: unknown, not none. */
  insurance: { scheme: string; start: number; end: number; ongoing: boolean; until: number; index: number }[] | null;
  /** Insured months given without dates (`months`), by scheme key. */
  undatedInsurance: { scheme: string; months: number; index: number }[];
  /** Declared facts by declared name; NO_VALUE for a numeric fact given as 无/none without a vocabulary `none`. */
  facts: ReadonlyMap<string, number | boolean | typeof NO_VALUE>;
  warnings: Warning[];
  /** Merged dated periods, flat: key of (kind mask, scope mask), periods, repeated; made on first use. */
  merged: (number | Period[])[] | null;
  /**
   * Measured experience bounds, flat: key, lo, hi, qualifying certificate found (1/0), repeated.
   * A profile asks a few such questions: a scan of a short array beats allocating a Map.
   */
  measures: number[] | null;
}

export class ProfileError extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(`${path}: ${message}`);
    this.name = 'ProfileError';
  }
}

export interface PrepareOptions {
  asOf: string;
  /** True when only this occupation is judged, so a bare `relation: 本职业` is allowed. */
  single?: boolean;
  /**
   * JSON Pointers of facts to treat as absent besides those not found or revoked (which always
   * are): the declared facts, when runtime/verify.ts asks whether a level holds without them.
   */
  omit?: ReadonlySet<string>;
}

/** The bits of a relation value (the profile schema allows only these). A switch, not an object
 * lookup: strings from JSON.parse are not internalised, and keying an object by them is slow. */
function relationBits(value: string): number | undefined {
  switch (value) {
    case '本职业':
    case '本专业':
      return SAME;
    case '相关职业':
    case '相关专业':
      return RELATED;
    case '无关':
      return UNRELATED;
    default:
      return undefined;
  }
}

export function normalizeName(s: string): string {
  return NORMALIZED.get(s) ?? keep(NORMALIZED, s, s.normalize('NFKC').trim());
}

/** Names repeat across profiles (occupations, majors): normalised once each. */
const NORMALIZED = new Map<string, string>();

/** The day number of a date field (its path, `list/index/key`, is built only for the error). */
function day(text: string | undefined, list: string, index: number, key: string): number | null {
  if (text === undefined) return null;
  const d = parseDay(text);
  if (d === undefined) throw new ProfileError(`${list}${index < 0 ? '' : `/${index}`}/${key}`, `not a calendar date: ${text}`);
  return d;
}

interface NameSets {
  names: Set<string>;
  related: Set<string>;
  sameMajors: Set<string>;
  relatedMajors: Set<string>;
  /** `meta.ranks`, `meta.trackRanks` and `meta.trackFamily` as Maps and a Set: looked up by profile text. */
  ranks: Map<string, number>;
  trackRanks: Map<string, number>;
  trackFamily: Set<string>;
}

const nameSetCache = new WeakMap<OccupationMeta, NameSets>();

/** An occupation's own and related names, normalised once per occupation (not once per profile). */
function nameSets(meta: OccupationMeta): NameSets {
  let sets = nameSetCache.get(meta);
  if (!sets) {
    sets = {
      names: new Set([meta.name, meta.id, ...meta.aliases].map(normalizeName)),
      related: new Set(meta.related.occupations.map(normalizeName)),
      sameMajors: new Set(meta.related.sameMajors.map(normalizeName)),
      relatedMajors: new Set(meta.related.majors.map(normalizeName)),
      ranks: new Map(Object.entries(meta.ranks)),
      trackRanks: new Map(Object.entries(meta.trackRanks)),
      trackFamily: new Set(meta.trackFamily),
    };
    nameSetCache.set(meta, sets);
  }
  return sets;
}

const NO_FACTS: Facts['facts'] = new Map();

/**
 * What `make` keeps of a profile's list (it returns undefined to skip an entry), in a list of
 * exactly that length: a list grown by push starts with room for 17 elements, and every
 * evaluation prepares facts.
 */
function kept<E, T>(list: readonly E[] | undefined, make: (entry: E, index: number) => T | undefined): T[] {
  if (list === undefined) return [];
  const out = new Array<T>(list.length);
  let n = 0;
  for (let i = 0; i < list.length; i++) {
    const x = make(list[i], i);
    if (x !== undefined) out[n++] = x;
  }
  if (n < out.length) out.length = n; // the length setter is a runtime call: only when needed
  return out;
}

/** One profile being prepared for one occupation: what the steps below share. */
interface Preparing {
  meta: OccupationMeta;
  sets: NameSets;
  /** Only this occupation is judged (PrepareOptions.single). */
  single: boolean;
  asOf: number;
  /** Said so far, in the order the profile's entries come. */
  warnings: Warning[];
  /** PrepareOptions.omit, or null. */
  omit: ReadonlySet<string> | null;
}

/** Whether a fact counts as absent: not found, revoked, or omitted (its pointer built only when something is omitted). */
function absent(p: Preparing, proof: Proof | undefined, list: string, index: number | string): boolean {
  return isVoid(proof) || (p.omit !== null && p.omit.has(`${list}/${index}`));
}

export function prepareFacts(profile: Profile, meta: OccupationMeta, options: PrepareOptions): Facts {
  const asOf = typeof options.asOf === 'string' ? parseDay(options.asOf) : undefined; // required, even from untyped callers
  if (asOf === undefined) throw new ProfileError('asOf', `not a calendar date: ${options.asOf}`);
  const p: Preparing = { meta, sets: nameSets(meta), single: !!options.single, asOf, warnings: [], omit: options.omit ?? null };
  // In the profile's order: its warnings and its first error come in that order.
  const undatedWork: Facts['undatedWork'] = [];
  const work = workFacts(p, profile.work, undatedWork);
  const certificates = certificateFacts(p, profile.certificates);
  const training = trainingFacts(p, profile.training);
  const apprenticeships = apprenticeshipFacts(p, profile.apprenticeships);
  const education = educationFacts(p, profile.education);
  const declared = declaredFacts(p, profile.facts, profile.proofs?.facts);
  const events = eventFacts(p, profile.events);
  const undatedInsurance: Facts['undatedInsurance'] = [];
  const insurance = insuranceFacts(p, profile.insurance, undatedInsurance);
  return {
    asOf,
    work,
    undatedWork,
    certificates,
    training,
    apprenticeships,
    events,
    education,
    birth: absent(p, profile.proofs?.birthDate, '', 'birthDate') ? null : day(profile.birthDate, '', -1, 'birthDate'),
    sex: sexOf(profile, p),
    categories: categoriesOf(p, profile.categories, profile.proofs?.categories),
    facts: declared,
    counting: meta.counting === 'anniversary' ? Counting.Anniversary : meta.counting === 'months' ? Counting.Months : Counting.Days,
    insurance,
    undatedInsurance,
    warnings: p.warnings,
    merged: null,
    measures: null,
  };
}

/**
 * The bits of a relation given explicitly (`relation`, `majorRelation`): one value (allowed when
 * one occupation is judged) or the value keyed by this occupation; undefined when not given.
 * Paths (`/work/3`) are built only for a warning or an error: most entries need none.
 */
function explicitRelation(p: Preparing, relation: Relation | MajorRelation | undefined, list: string, index: number, key: string): number | undefined {
  if (relation === undefined) return undefined;
  if (typeof relation === 'string') {
    if (!p.single) {
      throw new ProfileError(`${list}/${index}/${key}`, 'a single relation value needs one judged occupation');
    }
    return relationBits(relation);
  }
  for (const key in relation) {
    if (Object.hasOwn(relation, key) && p.sets.names.has(normalizeName(key))) return relationBits((relation as Record<string, string>)[key]);
  }
  return undefined;
}

/** The relation bits of an entry naming an occupation: given, or known from the names; else unrelated, with a warning. */
function occupationRelation(p: Preparing, entry: { occupation: string; relation?: Relation }, list: string, index: number): number {
  const given = explicitRelation(p, entry.relation, list, index, 'relation');
  if (given !== undefined) return given;
  const name = normalizeName(entry.occupation);
  if (p.sets.names.has(name)) return SAME;
  if (p.sets.related.has(name)) return RELATED;
  const { meta } = p;
  p.warnings.push(warning('W_UNRELATED', `${list}/${index}`, meta.id, { entry: entry.occupation, occupation: meta.id, occupationName: meta.name }));
  return UNRELATED;
}

/** Dated work up to the as-of date; undated work (`years`) goes to `undatedWork`. */
function workFacts(p: Preparing, list: Profile['work'], undatedWork: Facts['undatedWork']): Facts['work'] {
  const asOf = p.asOf;
  return kept(list, (w, i): Facts['work'][number] | undefined => {
    if ((w.proof !== undefined || p.omit !== null) && absent(p, w.proof, '/work', i)) return undefined;
    const rel = occupationRelation(p, w, '/work', i);
    const index = w.kind === undefined ? 0 : p.meta.workKinds.indexOf(w.kind);
    if (index < 0) {
      p.warnings.push(warning('W_UNKNOWN_KIND', `/work/${i}/kind`, undefined, { kind: `${w.kind}` }));
      return undefined;
    }
    const kind = 1 << index;
    const from = day(w.from, '/work', i, 'from');
    if (from === null) {
      if (w.years !== undefined) undatedWork.push({ days: Math.round(w.years * DAYS_PER_YEAR * 1e6) / 1e6, rel, kind, index: i });
      return undefined;
    }
    const to = day(w.to, '/work', i, 'to') ?? asOf;
    if (w.to !== undefined && to < from) throw new ProfileError(`/work/${i}/to`, 'ends before it starts');
    if (from > asOf) return undefined;
    const until = w.to === undefined ? Infinity : to;
    return { period: { start: from, end: Math.min(until, asOf) }, rel, kind, ongoing: until > asOf, until, index: i };
  });
}

/** Insured periods up to the as-of date (a period without `to` is ongoing); undated `months` go to `undated`. */
function insuranceFacts(p: Preparing, list: Profile['insurance'], undated: Facts['undatedInsurance']): Facts['insurance'] {
  if (list === undefined) return null;
  return kept(list, (e, i): NonNullable<Facts['insurance']>[number] | undefined => {
    if ((e.proof !== undefined || p.omit !== null) && absent(p, e.proof, '/insurance', i)) return undefined;
    const scheme = insuranceScheme(e.scheme);
    if (scheme === undefined) throw new ProfileError(`/insurance/${i}/scheme`, `not a social insurance scheme: ${e.scheme}`);
    const from = day(e.from, '/insurance', i, 'from');
    if (from === null) {
      if (e.months !== undefined) undated.push({ scheme, months: e.months, index: i });
      return undefined;
    }
    const to = day(e.to, '/insurance', i, 'to') ?? p.asOf;
    if (e.to !== undefined && to < from) throw new ProfileError(`/insurance/${i}/to`, 'ends before it starts');
    if (from > p.asOf) return undefined;
    const until = e.to === undefined ? Infinity : to;
    return { scheme, start: from, end: Math.min(until, p.asOf), ongoing: until > p.asOf, until, index: i };
  });
}

function certificateFacts(p: Preparing, list: Profile['certificates']): Facts['certificates'] {
  return kept(list, (c, i): Facts['certificates'][number] | undefined => {
    if ((c.proof !== undefined || p.omit !== null) && absent(p, c.proof, '/certificates', i)) return undefined;
    const rel = occupationRelation(p, c, '/certificates', i);
    const date = day(c.date, '/certificates', i, 'date');
    if (date !== null && date > p.asOf) return undefined;
    const prep = c.kind === '预备技师证书';
    return { level: prep ? 0 : (c.level ?? 0), prep, date, rel, index: i };
  });
}

function trainingFacts(p: Preparing, list: Profile['training']): Facts['training'] {
  return kept(list, (t, i): Facts['training'][number] | undefined => {
    if ((t.proof !== undefined || p.omit !== null) && absent(p, t.proof, '/training', i)) return undefined;
    const rel = occupationRelation(p, t, '/training', i);
    const date = day(t.date, '/training', i, 'date');
    if (date !== null && date > p.asOf) return undefined;
    return { level: t.level, date, certificate: t.certificate, examPassed: t.examPassed, rel, index: i };
  });
}

function apprenticeshipFacts(p: Preparing, list: Profile['apprenticeships']): Facts['apprenticeships'] {
  return kept(list, (a, i): Facts['apprenticeships'][number] | undefined => {
    if ((a.proof !== undefined || p.omit !== null) && absent(p, a.proof, '/apprenticeships', i)) return undefined;
    const rel = occupationRelation(p, a, '/apprenticeships', i);
    const completed = day(a.completed, '/apprenticeships', i, 'completed');
    if (completed !== null && completed > p.asOf) return undefined;
    return { completed, rel, index: i };
  });
}

/** Events up to the as-of date, names resolved; one of an undeclared kind or tier does not count (a warning says so). */
function eventFacts(p: Preparing, list: Profile['events']): Facts['events'] {
  // An occupation whose conditions count no events reads none (and says nothing about them).
  const names = p.meta.eventNames;
  if (names === undefined) return [];
  const declared = (name: string, path: string): string | undefined => {
    const key = normalizeName(name);
    const found = Object.hasOwn(names, key) ? names[key] : undefined;
    if (found === undefined) p.warnings.push(warning('W_UNKNOWN_EVENT', path, undefined, { name }));
    return found;
  };
  return kept(list, (e, i): Facts['events'][number] | undefined => {
    if ((e.proof !== undefined || p.omit !== null) && absent(p, e.proof, '/events', i)) return undefined;
    // its relation, kind and tier said about in that order, whatever its date (as for the other entries)
    const rel = e.occupation === undefined && e.relation === undefined ? UNRELATED : occupationRelation(p, { occupation: e.occupation ?? '', relation: e.relation }, '/events', i);
    const kind = declared(e.kind, `/events/${i}/kind`);
    const tier = e.tier === undefined ? null : (declared(e.tier, `/events/${i}/tier`) ?? undefined);
    const date = day(e.date, '/events', i, 'date');
    if (kind === undefined || tier === undefined || (date !== null && date > p.asOf)) return undefined;
    return { kind, date, rel, level: e.level ?? 0, tier, rank: e.rank ?? null, field: e.field ?? null, index: i };
  });
}

/** Education entries with ranks and major relations resolved; null when the profile has no `education` key. */
function educationFacts(p: Preparing, list: Profile['education']): EducationFact[] | null {
  if (list === undefined) return null;
  const { sameMajors, relatedMajors, ranks, trackRanks, trackFamily } = p.sets;
  const education: EducationFact[] = [];
  for (let i = 0; i < list.length; i++) {
    const e = list[i];
    // absent entries leave the list known: `[]` when none is left (none, not unknown)
    if ((e.proof !== undefined || p.omit !== null) && absent(p, e.proof, '/education', i)) continue;
    let major = explicitRelation(p, e.majorRelation, '/education', i, 'majorRelation');
    if (major === undefined) {
      const m = e.major === undefined ? undefined : normalizeName(e.major);
      major = m === undefined ? 0 : sameMajors.has(m) ? SAME : relatedMajors.has(m) ? RELATED : 0;
      if (m !== undefined && major === 0) {
        p.warnings.push(warning('W_NO_MAJOR', `/education/${i}`, p.meta.id, { major: `${e.major}`, occupation: p.meta.id, occupationName: p.meta.name }));
      }
    }
    const date = day(e.date, '/education', i, 'date');
    let status: Status = e.status === '毕业' ? Status.Graduated : e.status === '应届' ? Status.FinalYear : Status.Enrolled;
    // A diploma dated after the as-of date is not held yet: the student is in the final year.
    if (status === Status.Graduated && date !== null && date > p.asOf) status = Status.FinalYear;
    const track = e.track ?? null;
    const rank = track !== null && trackFamily.has(e.level) ? (trackRanks.get(track) ?? 0) : (ranks.get(e.level) ?? 0);
    education.push({ name: e.level, rank, track, target: e.assessedTarget ?? null, major, status });
  }
  return education;
}

/** The declared facts by the vocabulary's names; undeclared ones are ignored, with a warning. */
function declaredFacts(p: Preparing, facts: Profile['facts'], proofs: Readonly<Record<string, Proof>> | undefined): Facts['facts'] {
  // Most profiles declare no facts: they share one empty map (nothing writes to it after this).
  if (facts === undefined) return NO_FACTS;
  const map = new Map<string, number | boolean | typeof NO_VALUE>();
  for (const [key, value] of Object.entries(facts)) {
    if ((proofs !== undefined || p.omit !== null) && absent(p, proofOfKey(proofs, key), '/facts', pointerToken(key))) continue;
    // Own keys only: `toString` or `constructor` is user text, not a declared fact.
    const normalized = normalizeName(key);
    const name = Object.hasOwn(p.meta.factNames, normalized) ? p.meta.factNames[normalized] : undefined;
    if (name === undefined) {
      p.warnings.push(warning('W_UNKNOWN_FACT', `/facts/${key}`, undefined, { name: key }));
      continue;
    }
    if (typeof value === 'string' && (NONE_VALUES as readonly string[]).includes(value)) {
      // 无/none: the vocabulary's value for none (0 km), or no value at all (no placing).
      const none = p.meta.factNone?.[name];
      map.set(name, none ?? NO_VALUE);
    } else if (typeof value === 'number' || typeof value === 'boolean') map.set(name, value);
  }
  return map;
}

/** The applicant's categories by declared name (English names accepted); unknown names are ignored, with a warning. */
function categoriesOf(p: Preparing, list: Profile['categories'], proofs: Readonly<Record<string, Proof>> | undefined): string[] | null {
  if (list === undefined) return null;
  const names = p.meta.categoryNames ?? {};
  const out: string[] = [];
  list.forEach((c, i) => {
    if ((proofs !== undefined || p.omit !== null) && absent(p, proofOfKey(proofs, c), '/categories', i)) return;
    const name = Object.hasOwn(names, normalizeName(c)) ? names[normalizeName(c)] : undefined;
    if (name === undefined) p.warnings.push(warning('W_UNKNOWN_CATEGORY', `/categories/${i}`, undefined, { name: c }));
    else out.push(name);
  });
  return out;
}

/** 17 weights and the check characters of an 18-digit resident identity number (GB 11643). */
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The sex an 18-digit identity number encodes (its 17th digit: odd male, even female); throws on a bad checksum. */
export function sexOfIdNumber(id: string): number {
  if (!/^\d{17}[\dXx]$/.test(id)) throw new ProfileError('/idNumber', 'not an 18-digit identity number');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (id.charCodeAt(i) - 48) * ID_WEIGHTS[i];
  if (ID_CHECK[sum % 11] !== id[17].toUpperCase()) throw new ProfileError('/idNumber', 'the check digit of the identity number does not match');
  return (id.charCodeAt(16) - 48) % 2 === 1 ? Sex.Male : Sex.Female;
}

/** The sex from `sex` or `idNumber` (which must agree when both are given); Sex.Unknown without either. */
function sexOf(profile: Profile, p: Preparing): number {
  const proofs = profile.proofs;
  const sex = proofs !== undefined || p.omit !== null ? (absent(p, proofs?.sex, '', 'sex') ? undefined : profile.sex) : profile.sex;
  const given = sex === SEXES.male.zh ? Sex.Male : sex === SEXES.female.zh ? Sex.Female : Sex.Unknown;
  if (profile.idNumber === undefined || ((proofs !== undefined || p.omit !== null) && absent(p, proofs?.idNumber, '', 'idNumber'))) return given;
  const fromId = sexOfIdNumber(profile.idNumber);
  if (given !== Sex.Unknown && given !== fromId) throw new ProfileError('/sex', 'differs from the sex the identity number encodes');
  return fromId;
}

/** Dated work periods of the given kinds in scope, merged: overlapping or touching periods count once. */
export function mergedPeriods(f: Facts, scope: number, kinds: number): Period[] {
  const key = kinds * 8 + scope;
  // A profile asks for a few (kinds, scope) pairs: a flat list of key, periods beats a Map.
  const cache = f.merged;
  if (cache !== null) for (let i = 0; i < cache.length; i += 2) if (cache[i] === key) return cache[i + 1] as Period[];
  // In scope, by start then end.
  let n = 0;
  for (const w of f.work) if ((w.rel & scope) !== 0 && (w.kind & kinds) !== 0) n++;
  const periods = new Array<Period>(n);
  n = 0;
  for (const w of f.work) if ((w.rel & scope) !== 0 && (w.kind & kinds) !== 0) periods[n++] = w.period;
  sortPeriods(periods);
  // Merged in place: entries' periods are kept as they are (never written to); a merge makes a new one.
  let merged = 0;
  for (let i = 0; i < n; i++) {
    const p = periods[i];
    const last = merged > 0 ? periods[merged - 1] : undefined;
    if (last !== undefined && p.start <= last.end + 1) {
      if (p.end > last.end) periods[merged - 1] = { start: last.start, end: p.end };
    } else periods[merged++] = p;
  }
  if (merged < n) periods.length = merged;
  (f.merged ??= []).push(key, periods);
  return periods;
}

/** Periods up to this many are sorted by insertion (most profiles have a handful: Array#sort allocates and calls a comparator); more by Array#sort, O(n log n). */
const INSERTION_SORT_MAX = 16;

const byStartThenEnd = (a: Period, b: Period): number => a.start - b.start || a.end - b.end;

/** Sorts periods in place by start, then end. */
function sortPeriods(periods: Period[]): void {
  const n = periods.length;
  if (n > INSERTION_SORT_MAX) {
    periods.sort(byStartThenEnd);
    return;
  }
  for (let i = 1; i < n; i++) {
    const p = periods[i];
    let k = i;
    for (; k > 0 && (periods[k - 1].start > p.start || (periods[k - 1].start === p.start && periods[k - 1].end > p.end)); k--) periods[k] = periods[k - 1];
    periods[k] = p;
  }
}

/**
 * The facts as they would be on `day` (after the as-of date) if every ongoing work period simply
 * continued and nothing else changed: for "from when" questions.
 */
export function projectFacts(f: Facts, day: number): Facts {
  return {
    ...f,
    asOf: day,
    work: f.work.map((w) => (w.ongoing ? { ...w, period: { start: w.period.start, end: Math.min(w.until, day) } } : w)),
    insurance: f.insurance && f.insurance.map((p) => (p.ongoing ? { ...p, end: Math.min(p.until, day) } : p)),
    merged: null,
    measures: null,
  };
}
