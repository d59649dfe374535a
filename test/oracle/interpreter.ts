// Reference interpreter ("oracle") for the rule language: evaluates the grammar's AST directly
// against a raw applicant profile, following docs/language.md. It is written independently of
// the code generator and the runtime — it imports neither runtime/ nor the generate pass — so the
// property tests can compare two implementations of the same documented semantics.
//
// Deliberately different techniques from the runtime: dates are converted with the
// days-from-civil algorithm (no Date), day coverage is computed by an event sweep (no interval
// merging), durations are exact integers (millionths of a day), three values are strings, names
// are resolved from the raw vocabulary YAML here. Only the grammar (parseExpression) is shared.
//
// Readings where docs/language.md is brief: an undated certificate was obtained on the as-of date
// at the latest (so the after-certificate window opens no later than that day); an apprenticeship
// without `completed` is unknown; continuous experience with undated entries lies between the
// longest dated run and the larger of that and the longest undated entry; a credential is a school
// atom under an even number of 非; a declared fact given with the wrong type counts as not given.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseExpression, type Expr, type Ref, type School, type ScopeValue } from '../../grammar/index.js';
import type * as A from '../../grammar/ast.js';
import type { CheckedOccupation } from '../../compiler/checked.js';
import { declaredPaths, markedAbsent, proofByName, voidProof } from './proofs.js';

// ---------------------------------------------------------------------------------------------
// Three values

export type K = 'T' | 'F' | 'U';

const kNot = (a: K): K => (a === 'T' ? 'F' : a === 'F' ? 'T' : 'U');
const kAnd = (xs: K[]): K => (xs.includes('F') ? 'F' : xs.includes('U') ? 'U' : 'T');
const kOr = (xs: K[]): K => (xs.includes('T') ? 'T' : xs.includes('U') ? 'U' : 'F');

type Cmp = '>=' | '>' | '<=' | '<' | '=';

/** A quantity known only to lie in [lo, hi], compared with n. */
function judge(lo: number, hi: number, cmp: Cmp, n: number): K {
  const test = (x: number): boolean =>
    cmp === '>=' ? x >= n : cmp === '>' ? x > n : cmp === '<=' ? x <= n : cmp === '<' ? x < n : x === n;
  if (cmp === '=') {
    if (lo === hi) return test(lo) ? 'T' : 'F';
    return n >= lo && n <= hi ? 'U' : 'F';
  }
  // The other comparisons are monotone: both ends agree ⇔ every value in between agrees.
  const a = test(lo);
  const b = test(hi);
  return a && b ? 'T' : !a && !b ? 'F' : 'U';
}

// ---------------------------------------------------------------------------------------------
// Dates: day numbers from the proleptic Gregorian calendar (H. Hinnant's days_from_civil)

export function dayOf(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) throw new Error(`oracle: not a date: ${text}`);
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  if (mo < 1 || mo > 12 || d < 1 || d > lengths[mo - 1]) throw new Error(`oracle: not a calendar date: ${text}`);
  const yy = mo <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (mo > 2 ? mo - 3 : mo + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Durations are compared exactly, in millionths of a day: `N 年` is 365 × N days with N a decimal
 * (1.5年 = 547.5 days, 2.2年 = 803 days — not 803.0000000000001 as in floating point).
 */
const MICRO = 1_000_000;
const micro = (days: number): number => Math.round(days * MICRO);
const yearsMicro = (years: number): number => Math.round(years * 365 * MICRO);

// ---------------------------------------------------------------------------------------------
// Day coverage by event sweep: intervals are inclusive [start, end]

interface Span {
  start: number;
  end: number;
}

/**
 * Days covered by at least one span, and the longest run of consecutive covered days, counted as
 * the rule file says (docs/rule-files.md "Counting years and months"): `days`; `months` (each
 * calendar month with a covered day is 365/12 days; a run, its months from first to last);
 * `anniversary` (a run is whole months — stepped one month at a time — and leftover days; the
 * leftover days of all runs add up as days).
 */
function coverage(spans: Span[], counting: string = 'days'): { days: number; longest: number } {
  const plain = coverageDays(spans);
  if (counting === 'days' || spans.length === 0) return { days: plain.days, longest: plain.longest };
  const month = 365 / 12;
  if (counting === 'months') {
    const all = new Set<number>();
    let longest = 0;
    for (const r of plain.runs) {
      const first = civilOf(r.start);
      const last = civilOf(r.end);
      for (let d = r.start; d <= r.end; d++) all.add(civilOf(d).y * 12 + civilOf(d).m);
      longest = Math.max(longest, (last.y * 12 + last.m - (first.y * 12 + first.m) + 1) * month);
    }
    return { days: all.size * month, longest };
  }
  let months = 0;
  let rest = 0;
  let longest = 0;
  for (const r of plain.runs) {
    let m = 0;
    while (monthsLater(r.start, m + 1) <= r.end + 1) m++;
    const left = r.end + 1 - monthsLater(r.start, m);
    months += m;
    rest += left;
    longest = Math.max(longest, m * month + left);
  }
  return { days: months * month + rest, longest };
}

function coverageDays(spans: Span[]): { days: number; longest: number; runs: Span[] } {
  const runs: Span[] = [];
  if (spans.length === 0) return { days: 0, longest: 0, runs };
  const delta = new Map<number, number>();
  for (const s of spans) {
    delta.set(s.start, (delta.get(s.start) ?? 0) + 1);
    delta.set(s.end + 1, (delta.get(s.end + 1) ?? 0) - 1);
  }
  const points = [...delta.keys()].sort((a, b) => a - b);
  let depth = 0;
  let days = 0;
  let longest = 0;
  let runStart = 0;
  for (const p of points) {
    const before = depth;
    depth += delta.get(p)!;
    if (before === 0 && depth > 0) runStart = p;
    if (before > 0 && depth === 0) {
      runs.push({ start: runStart, end: p - 1 });
      days += p - runStart;
      longest = Math.max(longest, p - runStart);
    }
  }
  return { days, longest, runs };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary, read from the YAML data

interface VocabEducation {
  name: string;
  en?: string;
  rank: number;
  family: string;
  order?: number;
  aliases?: string[];
}

export interface OracleVocabulary {
  education: VocabEducation[];
  tracks: { name: string; en: string; rank: number }[];
  groups: { name: string; en: string; members: string[] }[];
  levels: { level: number; name: string; title: string; old: string }[];
  workKinds: { name: string; en?: string; default?: boolean }[];
  facts: { name: string; en?: string; type: 'boolean' | 'number'; units?: string[]; none?: number }[];
  categories: { name: string; en?: string }[];
  eventKinds: { name: string; en?: string }[];
  competitions: { name: string; en?: string }[];
  units: { name: string; en?: string; quantity: string; factor: number }[];
}

export function loadOracleVocabulary(file = join(import.meta.dirname, '..', '..', 'rules', 'vocabulary.yaml')): OracleVocabulary {
  const raw = parseYaml(readFileSync(file, 'utf8'), { version: '1.2', schema: 'core' }) as Partial<OracleVocabulary>;
  return {
    education: raw.education ?? [],
    tracks: raw.tracks ?? [],
    groups: raw.groups ?? [],
    levels: raw.levels ?? [],
    workKinds: raw.workKinds ?? [{ name: '工作', en: 'work', default: true }],
    facts: raw.facts ?? [],
    categories: raw.categories ?? [],
    eventKinds: raw.eventKinds ?? [],
    competitions: raw.competitions ?? [],
    units: raw.units ?? [],
  };
}

const nfkc = (s: string): string => s.normalize('NFKC').trim();

// ---------------------------------------------------------------------------------------------
// Results

export type OracleStatus = 'eligible' | 'ineligible' | 'unknown';
export type OracleClauseStatus = 'met' | 'unmet' | 'unknown';

export interface OracleLevel {
  level: number;
  status: OracleStatus;
  education: OracleClauseStatus;
  clauses: { id: string; status: OracleClauseStatus }[];
  /** JSON Pointers of the declared facts an eligible level rests on (告知承诺制; runtime `verify`'s paths). */
  verify: string[];
}

/** A warning about the profile: its code, the JSON Pointer of the entry, the occupation it concerns (relations only). */
export interface OracleWarning {
  code: 'W_UNRELATED' | 'W_NO_MAJOR' | 'W_UNKNOWN_KIND' | 'W_UNKNOWN_FACT' | 'W_UNKNOWN_CATEGORY' | 'W_UNKNOWN_EVENT';
  path: string;
  occupation?: string;
}

const clauseName = (k: K): OracleClauseStatus => (k === 'T' ? 'met' : k === 'F' ? 'unmet' : 'unknown');

// ---------------------------------------------------------------------------------------------
// The profile, as the oracle sees it

type Rel = 'same' | 'related' | 'none';

interface OWork {
  rel: Rel;
  kind: string | null; // null: a kind the vocabulary does not know (never counted)
  span: Span | null; // null when undated
  days: number; // undated time (365 × years days), in millionths of a day
}

interface OCert {
  rel: Rel;
  prep: boolean;
  level: number | null;
  date: number | null;
}

interface OEdu {
  level: string;
  track: string | null;
  target: string | null;
  major: Rel;
  status: '毕业' | '应届' | '在读';
}

interface OProfile {
  asOf: number;
  work: OWork[];
  certs: OCert[];
  training: { rel: Rel; level: number; certificate: boolean | undefined; examPassed: boolean | undefined }[];
  apprenticeships: { rel: Rel; completed: number | null }[];
  education: OEdu[] | null;
  birth: string | null;
  /** 'male' | 'female' | null (unknown). */
  sex: 'male' | 'female' | null;
  /** null: the profile lists none (unknown). */
  categories: string[] | null;
  /** A numeric fact given as 无/none without a vocabulary value: the string 'NONE'. */
  facts: Map<string, unknown>;
  /** Past events up to the as-of date, of declared kinds and tiers. */
  events: { kind: string; tier: string | null; date: number | null; rel: Rel; level: number | null; rank: number | null; field: number | null }[];
  /** Insured periods (scheme as written, days inclusive, cut at the as-of date) and undated months; null: not given (unknown). */
  insurance: { scheme: string; start: number | null; end: number; months: number }[] | null;
  /** Work in a scope, and day coverage of it, computed once per profile. */
  cache: Map<string, unknown>;
}

type Raw = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// The interpreter for one occupation

interface ExperienceSpec {
  scope: Set<Rel>;
  kinds: Set<string>;
  cmp: Cmp;
  /** Millionths of a day. */
  days: number;
  /** Identifies scope and kinds, for per-profile caches. */
  key: string;
}

interface Pre {
  ast: Expr;
  positiveSchools: School[];
}

/** Check characters of an 18-digit identity number (GB 11643: weights 2^(17-i) mod 11). */
function idSex(id: string): 'male' | 'female' {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  if ((check === 10 ? 'X' : String(check)) !== id[17].toUpperCase()) throw new Error('oracle: bad identity number');
  return Number(id[16]) % 2 === 1 ? 'male' : 'female';
}

export class Oracle {
  private readonly clauses: (Pre & { id: string; level: number; next: boolean })[];
  /** Whether a condition counts past events: only then are the profile's events read. */
  private readonly usesEvents: boolean;
  /** The level of the clause being judged: what 本级 means. */
  private clauseLevel = 0;
  private readonly requirement: Pre | null;
  private readonly preconditions: (Pre & { id: string })[];
  private readonly waives: Map<string, string[]>;
  private readonly names: Set<string>;
  private readonly relatedOccupations: Set<string>;
  private readonly sameMajors: Set<string>;
  private readonly relatedMajors: Set<string>;
  private readonly memo = new WeakMap<object, unknown>();
  /** School kinds of the 技工院校 family, whose entries rank by track. */
  private readonly technical: Set<string>;
  private readonly ranks: Map<string, number>;
  private readonly trackRanks: Map<string, number>;

  /** The levels judged, from the raw rule file when given (docs/rule-files.md, `offered`), else the checked ones. */
  private readonly judged: number[];

  constructor(
    readonly occ: CheckedOccupation,
    private readonly vocab: OracleVocabulary,
    raw?: RawRuleFile,
  ) {
    this.judged = raw ? judgedLevelsOf(raw) : [...occ.levels];
    const pre = (text: string): Pre => {
      const parsed = parseExpression(text);
      if (!parsed.ast) throw new Error(`oracle: cannot parse ${text}: ${JSON.stringify(parsed.diagnostics)}`);
      return { ast: parsed.ast, positiveSchools: schoolsOfPolarity(parsed.ast, true) };
    };
    this.clauses = occ.clauses.map((c) => ({ id: c.id, level: c.level, next: c.outcome === 'next-level', ...pre(c.when) }));
    this.requirement = occ.education ? pre(occ.education.when) : null;
    this.preconditions = (occ.preconditions ?? []).map((p) => ({ id: p.id, ...pre(p.when) }));
    this.waives = new Map(occ.clauses.map((c) => [c.id, c.waives ?? []]));
    this.names = new Set([occ.name, occ.id, ...occ.aliases].map(nfkc));
    this.relatedOccupations = new Set(occ.related.occupations.map(nfkc));
    this.sameMajors = new Set(occ.related.sameMajors.map(nfkc));
    this.relatedMajors = new Set(occ.related.majors.map(nfkc));
    this.technical = new Set(vocab.education.filter((x) => x.family === '技工院校').map((x) => x.name));
    this.ranks = new Map(vocab.education.map((x) => [x.name, x.rank]));
    this.trackRanks = new Map(vocab.tracks.map((t) => [t.name, t.rank]));
    const counts = (e: Expr): boolean => (e.kind === 'Or' || e.kind === 'And' ? e.items.some(counts) : e.kind === 'Not' ? counts(e.expr) : e.kind === 'Placed' || e.kind === 'Events');
    this.usesEvents = [...this.clauses, ...this.preconditions, ...(this.requirement ? [this.requirement] : [])].some((x) => counts(x.ast));
  }

  /** Every level of the occupation, 五级 first, as `evaluateOccupation(…, { asOf, single: true })` reports it. */
  evaluate(rawProfile: unknown, asOf: string): OracleLevel[] {
    const raw = rawProfile as Raw;
    const levels = this.levelsOn(raw, asOf);
    const declared = declaredPaths(raw);
    if (declared.length === 0) return levels;
    const eligible = (level: number, without: string[]): boolean =>
      this.levelsOn(markedAbsent(raw, without), asOf).find((l) => l.level === level)!.status === 'eligible';
    for (const l of levels) {
      if (l.status !== 'eligible' || eligible(l.level, declared)) continue;
      // Do without each declared fact in turn, last first, while the level stays eligible.
      let needed = declared.slice();
      for (const path of declared.slice().reverse()) {
        const fewer = needed.filter((x) => x !== path);
        if (eligible(l.level, declared.filter((x) => !fewer.includes(x)))) needed = fewer;
      }
      l.verify = needed;
    }
    return levels;
  }

  private levelsOn(raw: Raw, asOf: string): OracleLevel[] {
    const p = this.prepare(raw, asOf);
    const requirement: K = this.requirement ? this.expr(this.requirement.ast, p, true) : 'T';
    const preconditions = this.preconditions.map((x) => ({ id: x.id, value: this.expr(x.ast, p, false) }));
    const levels = [...this.judged].sort((a, b) => b - a);
    return levels.map((level) => {
      const results: { id: string; status: OracleClauseStatus }[] = [];
      const routes: K[] = [];
      let educationMet = false;
      for (const c of this.clauses) {
        if (c.level !== level) continue;
        this.clauseLevel = level;
        // outcome: next-level: granted only when the level is the one above the highest held here
        const met = kAnd([this.expr(c.ast, p, false), ...(c.next ? [nextLevelOf(p) === level ? 'T' : 'F'] : [])] as K[]);
        results.push({ id: c.id, status: clauseName(met) });
        // The requirement is met for this clause by the requirement itself or by a credential
        // (a school atom) the clause accepts.
        const credential = kOr(c.positiveSchools.map((s) => this.school(s, p, false)));
        const gate = kOr([requirement, credential]);
        if (met === 'T' && gate === 'T') educationMet = true;
        // 破格: a waived requirement does not gate this clause; the others still do.
        const waived = this.waives.get(c.id) ?? [];
        const education = waived.includes('education') ? 'T' : gate;
        routes.push(kAnd([met, education, ...preconditions.filter((x) => !waived.includes(x.id)).map((x) => x.value)]));
      }
      const status = kOr(routes);
      return {
        level,
        status: status === 'T' ? 'eligible' : status === 'F' ? 'ineligible' : 'unknown',
        education: educationMet ? 'met' : clauseName(requirement),
        clauses: results,
        verify: [],
      };
    });
  }

  // -------------------------------------------------------------------------------------------
  // Profile → facts

  private relationOf(relation: unknown, occupation: string | undefined, kind: 'occupation' | 'major'): Rel {
    const parse = (v: unknown): Rel =>
      v === '本职业' || v === '本专业' ? 'same' : v === '相关职业' || v === '相关专业' ? 'related' : 'none';
    if (typeof relation === 'string') return parse(relation); // one value: one occupation is judged
    if (relation !== null && typeof relation === 'object') {
      const keys = Object.keys(relation).filter((k) => this.names.has(nfkc(k)));
      if (keys.length > 0) return parse((relation as Raw)[keys[0]]);
    }
    if (occupation === undefined) return 'none';
    const name = nfkc(occupation);
    if (kind === 'occupation') return this.names.has(name) ? 'same' : this.relatedOccupations.has(name) ? 'related' : 'none';
    return this.sameMajors.has(name) ? 'same' : this.relatedMajors.has(name) ? 'related' : 'none';
  }

  private prepare(raw: Raw, asOfText: string): OProfile {
    const asOf = dayOf(asOfText);
    // not found / revoked: absent (runtime/proof.ts; the oracle drops them here)
    const list = (key: string): Raw[] => (Array.isArray(raw[key]) ? (raw[key] as Raw[]).filter((e) => !voidProof(e.proof)) : []);
    const proofs = (raw.proofs ?? {}) as Raw;
    const date = (v: unknown): number | null => (typeof v === 'string' ? dayOf(v) : null);
    const kinds = this.vocab.workKinds;

    const work: OWork[] = [];
    for (const w of list('work')) {
      const rel = this.relationOf(w.relation, w.occupation as string, 'occupation');
      const kind = w.kind === undefined ? kinds[0].name : kinds.some((k) => k.name === w.kind) ? (w.kind as string) : null;
      const from = date(w.from);
      if (from === null) {
        work.push({ rel, kind, span: null, days: typeof w.years === 'number' ? yearsMicro(w.years) : 0 });
        continue;
      }
      if (from > asOf) continue; // starts after the as-of date: ignored
      const to = date(w.to);
      work.push({ rel, kind, span: { start: from, end: Math.min(to ?? asOf, asOf) }, days: 0 });
    }

    const certs: OCert[] = [];
    for (const c of list('certificates')) {
      const d = date(c.date);
      if (d !== null && d > asOf) continue; // not obtained yet
      const prep = c.kind === '预备技师证书';
      certs.push({
        rel: this.relationOf(c.relation, c.occupation as string, 'occupation'),
        prep,
        level: prep ? null : typeof c.level === 'number' ? c.level : null,
        date: d,
      });
    }

    const training: OProfile['training'] = [];
    for (const t of list('training')) {
      const d = date(t.date);
      if (d !== null && d > asOf) continue;
      training.push({
        rel: this.relationOf(t.relation, t.occupation as string, 'occupation'),
        level: t.level as number,
        certificate: t.certificate as boolean | undefined,
        examPassed: t.examPassed as boolean | undefined,
      });
    }

    const apprenticeships: OProfile['apprenticeships'] = [];
    for (const a of list('apprenticeships')) {
      const d = date(a.completed);
      if (d !== null && d > asOf) continue;
      apprenticeships.push({ rel: this.relationOf(a.relation, a.occupation as string, 'occupation'), completed: d });
    }

    let education: OEdu[] | null = null;
    if (Array.isArray(raw.education)) {
      education = list('education').map((e) => {
        let status = e.status as OEdu['status'];
        const d = date(e.date);
        if (status === '毕业' && d !== null && d > asOf) status = '应届'; // diploma not issued yet
        return {
          level: e.level as string,
          track: (e.track as string | undefined) ?? null,
          target: (e.assessedTarget as string | undefined) ?? null,
          major: this.relationOf(e.majorRelation, e.major as string | undefined, 'major'),
          status,
        };
      });
    }

    const facts = new Map<string, unknown>();
    if (raw.facts !== null && typeof raw.facts === 'object') {
      for (const [key, value] of Object.entries(raw.facts as Raw)) {
        if (voidProof(proofByName(proofs.facts, key))) continue;
        const decl = this.vocab.facts.find((f) => f.name === nfkc(key) || f.en === nfkc(key));
        if (!decl) continue;
        if (value === '无' || value === 'none') facts.set(decl.name, decl.none ?? 'NONE');
        else facts.set(decl.name, value);
      }
    }
    const sexGiven = voidProof(proofs.sex) ? undefined : raw.sex;
    const given = sexGiven === '男' ? 'male' : sexGiven === '女' ? 'female' : null;
    const sex = typeof raw.idNumber === 'string' && !voidProof(proofs.idNumber) ? idSex(raw.idNumber) : given;
    const categories = Array.isArray(raw.categories)
      ? (raw.categories as string[]).filter((c) => !voidProof(proofByName(proofs.categories, c))).flatMap((c) => this.vocab.categories.filter((x) => x.name === nfkc(c) || x.en === nfkc(c)).map((x) => x.name))
      : null;

    const named = (list: { name: string; en?: string }[], v: unknown): string | undefined => list.find((x) => typeof v === 'string' && (x.name === nfkc(v) || x.en === nfkc(v)))?.name;
    const events: OProfile['events'] = [];
    for (const e of this.usesEvents ? list('events') : []) {
      const d = date(e.date);
      if (d !== null && d > asOf) continue;
      const kind = named(this.vocab.eventKinds, e.kind);
      const tier = e.tier === undefined ? null : named(this.vocab.competitions, e.tier);
      if (kind === undefined || tier === undefined) continue; // undeclared: never counts
      const rel = e.occupation === undefined && e.relation === undefined ? 'none' : this.relationOf(e.relation, e.occupation as string | undefined, 'occupation');
      const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);
      events.push({ kind, tier, date: d, rel, level: num(e.level), rank: num(e.rank), field: num(e.field) });
    }

    return {
      asOf,
      events,
      work,
      certs,
      training,
      apprenticeships,
      education,
      birth: typeof raw.birthDate === 'string' && !voidProof(proofs.birthDate) ? raw.birthDate : null,
      sex,
      categories,
      facts,
      insurance: Array.isArray(raw.insurance)
        ? (raw.insurance as Raw[]).flatMap((e): NonNullable<OProfile['insurance']> => {
            if (voidProof(e.proof)) return [];
            const from = date(e.from);
            if (from === null) return typeof e.months === 'number' ? [{ scheme: SCHEMES[e.scheme as string] ?? '', start: null, end: asOf, months: e.months }] : [];
            if (from > asOf) return [];
            return [{ scheme: SCHEMES[e.scheme as string] ?? '', start: from, end: Math.min(date(e.to) ?? asOf, asOf), months: 0 }];
          })
        : null,
      cache: new Map(),
    };
  }

  /**
   * The profile's warnings, once per profile (not per level), in profile order: an entry whose
   * relation to the occupation is not given and not known from its name (W_UNRELATED, whatever
   * its date), a work kind the vocabulary does not know (W_UNKNOWN_KIND), a named major of
   * unknown relation (W_NO_MAJOR), a fact the vocabulary does not declare (W_UNKNOWN_FACT).
   */
  warnings(rawProfile: unknown): OracleWarning[] {
    const raw = rawProfile as Raw;
    const out: OracleWarning[] = [];
    // indices kept for the paths; an entry not found or revoked is absent: no warning about it
    const list = (key: string): Raw[] => (Array.isArray(raw[key]) ? (raw[key] as Raw[]).map((e) => (voidProof(e?.proof) ? null! : e)) : []);
    const proofs = (raw.proofs ?? {}) as Raw;
    // Given: one value, or a map with a key naming the occupation.
    const given = (relation: unknown): boolean =>
      typeof relation === 'string' || (relation !== null && typeof relation === 'object' && Object.keys(relation).some((k) => this.names.has(nfkc(k))));
    const unrelated = (key: string, i: number, e: Raw | null): void => {
      if (e === null || given(e.relation)) return;
      const name = nfkc(String(e.occupation));
      if (!this.names.has(name) && !this.relatedOccupations.has(name)) out.push({ code: 'W_UNRELATED', path: `/${key}/${i}`, occupation: this.occ.id });
    };
    list('work').forEach((w, i) => {
      unrelated('work', i, w);
      if (w !== null && w.kind !== undefined && !this.vocab.workKinds.some((k) => k.name === w.kind)) out.push({ code: 'W_UNKNOWN_KIND', path: `/work/${i}/kind` });
    });
    for (const key of ['certificates', 'training', 'apprenticeships']) list(key).forEach((e, i) => unrelated(key, i, e));
    list('education').forEach((e, i) => {
      if (e === null || given(e.majorRelation) || typeof e.major !== 'string') return;
      const major = nfkc(e.major);
      if (!this.sameMajors.has(major) && !this.relatedMajors.has(major)) out.push({ code: 'W_NO_MAJOR', path: `/education/${i}`, occupation: this.occ.id });
    });
    if (raw.facts !== null && typeof raw.facts === 'object') {
      for (const key of Object.keys(raw.facts as Raw)) {
        if (voidProof(proofByName(proofs.facts, key))) continue;
        if (!this.vocab.facts.some((f) => f.name === nfkc(key) || f.en === nfkc(key))) out.push({ code: 'W_UNKNOWN_FACT', path: `/facts/${key}` });
      }
    }
    // events only where a condition counts them: relation, kind, tier
    if (this.usesEvents) {
      list('events').forEach((e, i) => {
        if (e === null) return; // not found / revoked: absent, said nothing about
        if (e.occupation !== undefined || e.relation !== undefined) unrelated('events', i, e);
        if (!this.vocab.eventKinds.some((x) => x.name === nfkc(String(e.kind)) || x.en === nfkc(String(e.kind)))) out.push({ code: 'W_UNKNOWN_EVENT', path: `/events/${i}/kind` });
        if (e.tier !== undefined && !this.vocab.competitions.some((x) => x.name === nfkc(String(e.tier)) || x.en === nfkc(String(e.tier)))) out.push({ code: 'W_UNKNOWN_EVENT', path: `/events/${i}/tier` });
      });
    }
    list('categories').forEach((c, i) => {
      if (voidProof(proofByName(proofs.categories, String(c)))) return;
      if (!this.vocab.categories.some((x) => x.name === nfkc(String(c)) || x.en === nfkc(String(c)))) out.push({ code: 'W_UNKNOWN_CATEGORY', path: `/categories/${i}` });
    });
    return out;
  }

  /** Computes a value once per AST node: names resolve to the same thing for every profile. */
  private once<T>(node: object, make: () => T): T {
    let v = this.memo.get(node) as T | undefined;
    if (v === undefined) {
      v = make();
      this.memo.set(node, v);
    }
    return v;
  }

  /** Dated spans and undated amounts of work in a scope, of the given kinds. */
  private workIn(p: OProfile, x: ExperienceSpec): { dated: Span[]; undated: number[] } {
    const key = `work|${x.key}`;
    let v = p.cache.get(key) as { dated: Span[]; undated: number[] } | undefined;
    if (!v) {
      const mine = p.work.filter((w) => w.kind !== null && inScope(w.rel, x.scope) && x.kinds.has(w.kind));
      v = { dated: mine.filter((w) => w.span).map((w) => w.span!), undated: mine.filter((w) => !w.span).map((w) => w.days) };
      p.cache.set(key, v);
    }
    return v;
  }

  /** Coverage of the work in a scope on or after day `from` (-Infinity: all of it). */
  private covered(p: OProfile, x: ExperienceSpec, from: number): { days: number; longest: number } {
    const key = `cov|${x.key}|${from}`;
    let v = p.cache.get(key) as { days: number; longest: number } | undefined;
    if (!v) {
      const spans = this.workIn(p, x).dated.filter((s) => s.end >= from).map((s) => ({ start: Math.max(s.start, from), end: s.end }));
      v = coverage(spans, this.occ.counting);
      p.cache.set(key, v);
    }
    return v;
  }

  // -------------------------------------------------------------------------------------------
  // Expressions

  private expr(e: Expr, p: OProfile, gate: boolean): K {
    switch (e.kind) {
      case 'Or':
        return kOr(e.items.map((i) => this.expr(i, p, gate)));
      case 'And':
        return kAnd(e.items.map((i) => this.expr(i, p, gate)));
      case 'Not':
        return kNot(this.expr(e.expr, p, gate));
      case 'Experience': {
        const x = this.experienceSpec(e);
        const { cmp, days } = x;
        const { undated } = this.workIn(p, x);
        const cov = this.covered(p, x, -Infinity);
        if (e.mode === 'continuous') {
          // An undated entry may have been one unbroken stretch, or not.
          return judge(micro(cov.longest), Math.max(micro(cov.longest), ...undated), cmp, days);
        }
        const total = micro(cov.days) + sum(undated);
        return judge(total, total, cmp, days);
      }
      case 'ExperienceAfter': {
        const { certScope, level } = this.once(e, () => ({ certScope: occupationScope(e.certScope), level: this.level(e.level) }));
        const x = this.experienceSpec(e.experience);
        const { cmp, days } = x;
        const qualifying = p.certs.filter((c) => !c.prep && c.level !== null && c.level <= level && inScope(c.rel, certScope));
        if (qualifying.length === 0) return judge(0, 0, cmp, days); // no window: no days
        const dates = qualifying.filter((c) => c.date !== null).map((c) => c.date!);
        const undatedCertificate = qualifying.some((c) => c.date === null);
        const { undated } = this.workIn(p, x);
        // The window opens at the earliest qualifying certificate. An undated certificate was
        // obtained on some day up to the as-of date: the window opens no later than that.
        const latestOpening = dates.length > 0 ? Math.min(...dates) : p.asOf;
        const least = this.covered(p, x, latestOpening);
        const most = undatedCertificate ? this.covered(p, x, -Infinity) : least;
        if (e.experience.mode === 'continuous') {
          return judge(micro(least.longest), Math.max(micro(most.longest), ...undated), cmp, days);
        }
        // Undated years count anywhere from none to all of them inside the window.
        return judge(micro(least.days), micro(most.days) + sum(undated), cmp, days);
      }
      case 'Holds': {
        const { scope, prep, level } = this.once(e, () => {
          const prep = e.what.kind === 'Name' && (e.what.text === '预备技师证书' || e.what.text === 'prep-technician');
          return { scope: occupationScope(e.scope), prep, level: prep ? 0 : this.level(e.what) };
        });
        if (prep) return p.certs.some((c) => c.prep && inScope(c.rel, scope)) ? 'T' : 'F';
        return p.certs.some((c) => !c.prep && c.level !== null && c.level <= level && inScope(c.rel, scope)) ? 'T' : 'F';
      }
      case 'Training': {
        const { scope, level } = this.once(e, () => ({ scope: occupationScope(e.scope), level: this.level(e.level) }));
        const flags = p.training
          .filter((t) => t.level === level && inScope(t.rel, scope))
          .map((t) => (e.proof === 'exam' ? t.examPassed : t.certificate));
        return kOr(flags.map((f) => (f === true ? 'T' : f === false ? 'F' : 'U')));
      }
      case 'Apprenticeship': {
        const scope = this.once(e, () => occupationScope(e.scope));
        return kOr(p.apprenticeships.filter((a) => inScope(a.rel, scope)).map((a) => (a.completed !== null ? 'T' : 'U')));
      }
      case 'School':
        return this.school(e, p, gate);
      case 'Compare':
        return this.compare(e, p);
      case 'Category': {
        const name = e.name.kind === 'Name' ? e.name.text : '';
        const decl = this.vocab.categories.find((c) => c.name === name || c.en === name);
        if (!decl) throw new Error(`oracle: unknown category ${name}`);
        return p.categories === null ? 'U' : p.categories.includes(decl.name) ? 'T' : 'F';
      }
      case 'CertWindow':
      case 'CertDated':
      case 'Insured':
        return this.timeAtom(e, p);
      case 'Working': {
        // A work period that includes the as-of date; an undated entry does not say when.
        const x = this.once(e, () => ({ scope: occupationScope(e.scope), kinds: this.kindsOf(e.workKind) }));
        const mine = p.work.filter((w) => w.kind !== null && inScope(w.rel, x.scope) && x.kinds.has(w.kind));
        if (mine.some((w) => w.span !== null && w.span.end === p.asOf)) return 'T';
        return mine.some((w) => w.span === null) ? 'U' : 'F';
      }
      case 'Placed':
      case 'Events':
        return this.events(e, p);
    }
  }

  /** Events counted one by one (each T, F or U), the count bounded and compared. */
  private events(e: Extract<Expr, { kind: 'Placed' | 'Events' }>, p: OProfile): K {
    const scope = occupationScope(e.scope);
    const name = (r: Ref): string => (r.kind === 'Name' ? r.text : '');
    const { y, m, d } = civilOf(p.asOf);
    // calendar year: from 1 January; twelve months: after the same day a year earlier (29 Feb → 28 Feb)
    const yearAgo = dayOf(`${String(y - 1).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(m === 2 && d === 29 ? 28 : d).padStart(2, '0')}`);
    const from = e.kind === 'Placed' || e.window === 'ever' ? null : e.window === 'calendar-year' ? dayOf(`${String(y).padStart(4, '0')}-01-01`) : yearAgo + 1;
    const kind = e.kind === 'Events' ? this.vocab.eventKinds.find((x) => x.name === name(e.eventKind) || x.en === name(e.eventKind))!.name : null;
    const tier = e.kind === 'Placed' ? this.vocab.competitions.find((x) => x.name === name(e.tier) || x.en === name(e.tier))!.name : null;
    const level = e.kind === 'Events' && e.thisLevel ? this.clauseLevel : 0;
    const each = p.events.map((ev): K => {
      if ((kind !== null && ev.kind !== kind) || (tier !== null && ev.tier !== tier) || !inScope(ev.rel, scope)) return 'F';
      const parts: K[] = [];
      if (level !== 0) parts.push(ev.level === null ? 'U' : ev.level === level ? 'T' : 'F');
      if (from !== null) parts.push(ev.date === null ? 'U' : ev.date >= from ? 'T' : 'F');
      if (e.kind === 'Placed') {
        const percent = e.top.unit === '%';
        if (ev.rank === null || (percent && ev.field === null)) parts.push('U');
        else parts.push((percent ? ev.rank * 100 <= e.top.value * ev.field! : ev.rank <= e.top.value) ? 'T' : 'F');
      }
      return kAnd(parts);
    });
    const lo = each.filter((k) => k === 'T').length;
    const hi = each.filter((k) => k !== 'F').length;
    if (e.kind === 'Placed') return judge(lo, hi, '>=', 1);
    const v = e.value as { kind: 'Quantity'; value: number };
    return judge(lo, hi, e.cmp, v.value);
  }

  private kindsOf(workKind: Ref | null): Set<string> {
    if (!workKind) return new Set(this.vocab.workKinds.filter((k) => k.default === true).map((k) => k.name));
    const k = this.vocab.workKinds.find((x) => workKind.kind === 'Name' && (x.name === workKind.text || x.en === workKind.text));
    if (!k) throw new Error('oracle: unknown work kind');
    return new Set([k.name]);
  }

  /** Scope, work kinds, comparison and the duration in millionths of a day. */
  private experienceSpec(e: Extract<Expr, { kind: 'Experience' }>): ExperienceSpec {
    return this.once(e, () => this.resolveExperience(e));
  }

  private resolveExperience(e: Extract<Expr, { kind: 'Experience' }>): ExperienceSpec {
    const workKind = (e as { workKind?: Ref | null }).workKind ?? null;
    let kinds: Set<string>;
    if (workKind) {
      if (workKind.kind !== 'Name') throw new Error('oracle: work kind must be a name');
      const k = this.vocab.workKinds.find((x) => x.name === workKind.text || x.en === workKind.text);
      if (!k) throw new Error(`oracle: unknown work kind ${workKind.text}`);
      kinds = new Set([k.name]);
    } else {
      kinds = new Set(this.vocab.workKinds.filter((k) => k.default === true).map((k) => k.name));
    }
    const v = e.value;
    if (v.kind !== 'Quantity' || v.unit === null) throw new Error('oracle: experience needs a duration');
    let days: number;
    if (['年', 'year', 'years'].includes(v.unit)) days = yearsMicro(v.value);
    else if (['天', '日', 'day', 'days'].includes(v.unit)) days = micro(v.value);
    else if (['个月', 'month', 'months'].includes(v.unit)) days = Math.round((v.value * 365 * MICRO) / 12);
    else throw new Error(`oracle: unknown unit ${v.unit}`);
    const scope = occupationScope(e.scope);
    return { scope, kinds, cmp: e.cmp, days, key: `${[...scope].sort().join(',')}|${[...kinds].sort().join(',')}` };
  }

  private level(r: Ref): number {
    if (r.kind === 'LevelNumber') return r.level;
    const find = (t: string): number => {
      const l = this.vocab.levels.find((x) => x.name === t || x.title === t || x.old === t);
      if (!l) throw new Error(`oracle: unknown level ${t}`);
      return l.level;
    };
    const a = find(r.text);
    if (r.alt !== undefined && find(r.alt) !== a) throw new Error(`oracle: level halves disagree: ${r.text}/${r.alt}`);
    return a;
  }

  private educationEntry(text: string): VocabEducation | undefined {
    return this.vocab.education.find((x) => x.name === text || x.en === text || (x.aliases ?? []).includes(text));
  }

  private school(s: School, p: OProfile, gate: boolean): K {
    if (p.education === null) return 'U'; // the profile says nothing about schooling
    const { kinds, rank, tracks, target, majors } = this.once(s, () => this.resolveSchool(s));
    for (const e of p.education) {
      // 技工院校 entries rank by their track; everything else by the vocabulary.
      const trackRank = e.track !== null && this.technical.has(e.level) ? this.trackRanks.get(e.track) : undefined;
      let entryRank = trackRank ?? this.ranks.get(e.level) ?? 0;
      let counts: boolean;
      if (s.mode === 'enrolled') counts = e.status === '应届' || e.status === '在读';
      else if (e.status === '毕业') counts = true;
      else if (e.status === '应届' && s.includeFinalYear) counts = true;
      else if (gate && s.mode === 'degree') {
        // The education requirement: enrolment at a rank implies completion of the rank below.
        counts = true;
        entryRank -= 1;
      } else counts = false;
      if (!counts) continue;
      if (kinds !== null && !kinds.has(e.level)) continue;
      if (s.mode === 'degree' && !(s.orHigher ? entryRank >= rank : entryRank === rank)) continue;
      if (tracks !== null && (e.track === null || !tracks.has(e.track))) continue;
      if (target !== null && e.target !== target) continue;
      if (majors !== null && !majors.has(e.major)) continue;
      return 'T';
    }
    return 'F';
  }

  /** What a school atom asks for, with every name resolved. */
  private resolveSchool(s: School): { kinds: Set<string> | null; rank: number; tracks: Set<string> | null; target: string | null; majors: Set<Rel> | null } {
    const nameText = s.name.kind === 'Name' ? s.name.text : '';
    // Which school kinds match (毕业, 在校); which ladder rank is needed (学历).
    let kinds: Set<string> | null = null;
    let rank = 0;
    if (s.mode === 'degree') {
      const entry = this.educationEntry(nameText);
      if (!entry) throw new Error(`oracle: unknown degree ${nameText}`);
      rank = entry.rank;
    } else {
      const group = this.vocab.groups.find((g) => g.name === nameText || g.en === nameText);
      if (group) kinds = new Set(group.members);
      else {
        const entry = this.educationEntry(nameText);
        if (!entry) throw new Error(`oracle: unknown school ${nameText}`);
        const order = (x: VocabEducation): number => x.order ?? x.rank;
        kinds = s.orHigher
          ? new Set(this.vocab.education.filter((x) => x.family === entry.family && order(x) >= order(entry)).map((x) => x.name))
          : new Set([entry.name]);
      }
    }
    let tracks: Set<string> | null = null;
    if (s.track) {
      const tr = s.track.name.kind === 'Name' ? s.track.name.text : '';
      const t = this.vocab.tracks.find((x) => x.name === tr || x.en === tr);
      if (!t) throw new Error(`oracle: unknown track ${tr}`);
      tracks = new Set(this.vocab.tracks.filter((x) => (s.track!.orHigher ? x.rank >= t.rank : x === t)).map((x) => x.name));
    }
    let target: string | null = null;
    if (s.target) {
      const t = s.target.kind === 'Name' ? s.target.text : '';
      target = t === '中级' || t === 'intermediate' ? '中级' : t === '高级' || t === 'advanced' ? '高级' : null;
      if (target === null) throw new Error(`oracle: not a target ${t}`);
    }
    return { kinds, rank, tracks, target, majors: majorScope(s.scope) };
  }

  /**
   * The certificate of exactly a level in scope that counts for windows, date ranges and insured
   * months "as of" it: the latest dated one; `undated` when one without a date might be later.
   */
  private theCertificate(p: OProfile, scope: A.Scope | null, levelRef: Ref): { date: number | null; undated: boolean } {
    const s = occupationScope(scope);
    const level = this.level(levelRef);
    const mine = p.certs.filter((c) => !c.prep && c.level === level && inScope(c.rel, s));
    const dates = mine.filter((c) => c.date !== null).map((c) => c.date!);
    return { date: dates.length > 0 ? Math.max(...dates) : null, undated: mine.some((c) => c.date === null) };
  }

  /** Windows after a certificate, a certificate dated in a range, insured months (issue 20). */
  private timeAtom(e: Extract<Expr, { kind: 'CertWindow' | 'CertDated' | 'Insured' }>, p: OProfile): K {
    if (e.kind === 'CertWindow') {
      const c = this.theCertificate(p, e.certScope, e.level);
      const months = e.value.kind === 'Quantity' ? e.value.value * (e.value.unit === '年' || e.value.unit === 'year' || e.value.unit === 'years' ? 12 : 1) : NaN;
      // Last day of the window: the day before the same day `months` months on (the 1st of the next month when that day does not exist).
      if (c.date !== null && p.asOf < monthsLater(c.date, months)) return 'T';
      return c.undated ? 'U' : 'F';
    }
    if (e.kind === 'CertDated') {
      const c = this.theCertificate(p, e.certScope, e.level);
      if (c.undated) return 'U';
      return c.date !== null && c.date >= dayOf(e.from.text) && c.date <= dayOf(e.to.text) ? 'T' : 'F';
    }
    if (p.insurance === null) return 'U';
    const scheme = e.scheme.kind === 'Name' ? (SCHEMES[e.scheme.text] ?? '') : '';
    const cmp = e.cmp as Cmp;
    const need = e.value.kind === 'Quantity' ? e.value.value : NaN;
    const months = (upTo: number): { lo: number; hi: number } => {
      // Every calendar month with an insured day, as a set of month numbers.
      const set = new Set<number>();
      let undated = 0;
      for (const i of p.insurance!) {
        if (i.scheme !== scheme) continue;
        if (i.start === null) undated += i.months;
        else for (let d = i.start; d <= Math.min(i.end, upTo); d++) set.add(civilOf(d).y * 12 + civilOf(d).m);
      }
      return upTo >= p.asOf ? { lo: set.size + undated, hi: set.size + undated } : { lo: set.size, hi: set.size + undated };
    };
    if (e.until === null) {
      const m = months(p.asOf);
      return judge(m.lo, m.hi, cmp, need);
    }
    const c = this.theCertificate(p, e.until.scope, e.until.level);
    if (c.date === null) return c.undated ? 'U' : 'F';
    const m = months(c.date);
    const k = judge(m.lo, m.hi, cmp, need);
    if (!c.undated) return k;
    return k === 'T' && (cmp === '>=' || cmp === '>') ? 'T' : 'U';
  }

  private compare(e: Extract<Expr, { kind: 'Compare' }>, p: OProfile): K {
    const subject = e.subject.kind === 'Name' ? e.subject.text : '';
    const cmp = e.cmp as Cmp | null;
    const value = e.value;
    if (subject === '年龄' || subject === 'age') {
      if (!cmp || !value) throw new Error('oracle: age needs a comparison');
      if (p.birth === null) return 'U';
      const [by, bm, bd] = p.birth.split('-').map(Number);
      // On a notice's fixed date (`年龄 于 2023-09-30`), else on the as-of date.
      const asOf = civilOf(e.on ? dayOf(e.on.text) : p.asOf);
      let age = asOf.y - by;
      if (asOf.m < bm || (asOf.m === bm && asOf.d < bd)) age -= 1; // birthday not reached this year
      if (value.kind === 'BySex') {
        const years = (v: typeof value.male): number => (v.kind === 'Quantity' ? v.value : NaN);
        const men = judge(age, age, cmp, years(value.male));
        const women = judge(age, age, cmp, years(value.female));
        if (p.sex === 'male') return men;
        if (p.sex === 'female') return women;
        return men === women ? men : 'U';
      }
      if (value.kind !== 'Quantity') throw new Error('oracle: age needs years');
      return judge(age, age, cmp, value.value);
    }
    const decl = this.vocab.facts.find((f) => f.name === subject || f.en === subject);
    if (!decl) throw new Error(`oracle: unknown fact ${subject}`);
    const v = p.facts.get(decl.name);
    if (decl.type === 'boolean') return v === true ? 'T' : v === false ? 'F' : 'U';
    if (!cmp || !value || value.kind !== 'Quantity') throw new Error('oracle: a numeric fact needs a comparison');
    if (v === 'NONE') return 'F'; // no value at all: no comparison holds
    if (typeof v !== 'number') return 'U';
    // Compared exactly as decimals: the profile's value (in the fact's first unit) against the
    // rule's number as printed × its unit's factor ÷ the first unit's factor.
    const factor = (u: string | null | undefined): string => String(this.vocab.units.find((x) => x.name === u || x.en === u)?.factor ?? 1);
    const first = decl.units?.[0];
    const sameScale = value.unit === null || first === undefined || factor(value.unit) === factor(first);
    const rule = sameScale ? decimalOf(printedDecimal(value.text ?? String(value.value))) : ratio(decimalOf(printedDecimal(value.text ?? String(value.value))), decimalOf(factor(value.unit)), decimalOf(factor(first)));
    const have = decimalOf(String(v));
    const sign = compareFractions(have, rule);
    return judge(sign, sign, cmp, 0);
  }
}

// ---------------------------------------------------------------------------------------------
// Helpers

/** What the oracle reads of a rule file's YAML itself: its levels, the sitting's, what is left out. */
export interface RawRuleFile {
  levels: number[];
  offered?: { levels: number[] };
  notEncoded?: { level?: number; clause?: number }[];
  conditions: { level: number; clauses: unknown[] }[];
}

/**
 * The levels judged, as docs/rule-files.md says: not a level the sitting does not offer, nor one
 * without clauses that the sitting offers or that notEncoded leaves out whole.
 */
function judgedLevelsOf(raw: RawRuleFile): number[] {
  const hasClauses = (level: number): boolean => raw.conditions.some((c) => c.level === level && c.clauses.length > 0);
  const leftOut = (level: number): boolean => (raw.notEncoded ?? []).some((n) => n.level === level && n.clause === undefined);
  return raw.levels.filter((level) => {
    if (raw.offered && !raw.offered.levels.includes(level)) return false;
    const offered = raw.offered?.levels.includes(level) ?? false;
    return hasClauses(level) || !(offered || leftOut(level));
  });
}

/** A number as printed (`100 000`, `1,000`, `10万`, `1.5亿`) as a plain decimal string: separators dropped, the scale shifted in. */
function printedDecimal(text: string): string {
  const scales: Record<string, number> = { 万: 4, 亿: 8 };
  let shift = 0;
  let body = text;
  if (scales[body.slice(-1)] !== undefined) {
    shift = scales[body.slice(-1)];
    body = body.slice(0, -1);
  }
  body = body.replace(/[ ,\u2009\u202f]/g, '');
  let [whole, frac = ''] = body.split('.');
  frac = frac.padEnd(shift, '0');
  whole += frac.slice(0, shift);
  frac = frac.slice(shift);
  return frac === '' ? whole : `${whole}.${frac}`;
}

/** A decimal string (or JavaScript's exponent form) as a fraction [numerator, denominator]. */
function decimalOf(s: string): [bigint, bigint] {
  const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(s);
  if (!m) throw new Error(`oracle: not a decimal: ${s}`);
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? 0) - frac.length;
  const n = BigInt(m[2] + frac) * (m[1] === '-' ? -1n : 1n);
  return exp >= 0 ? [n * 10n ** BigInt(exp), 1n] : [n, 10n ** BigInt(-exp)];
}

/** a × b ÷ c, as a fraction. */
function ratio(a: [bigint, bigint], b: [bigint, bigint], c: [bigint, bigint]): [bigint, bigint] {
  return [a[0] * b[0] * c[1], a[1] * b[1] * c[0]];
}

/** -1, 0 or 1 as a < b, a = b, a > b (denominators positive). */
function compareFractions(a: [bigint, bigint], b: [bigint, bigint]): number {
  const l = a[0] * b[1];
  const r = b[0] * a[1];
  return l < r ? -1 : l > r ? 1 : 0;
}

function sum(xs: number[]): number {
  let n = 0;
  for (const x of xs) n += x;
  return n;
}

function inScope(rel: Rel, scope: Set<Rel>): boolean {
  return scope.has(rel);
}

function occupationScope(s: { value: ScopeValue } | null): Set<Rel> {
  const v = s?.value ?? 'same-or-related';
  if (v === 'same') return new Set(['same']);
  if (v === 'related') return new Set(['related']);
  if (v === 'same-or-related') return new Set(['same', 'related']);
  if (v === 'any') return new Set(['same', 'related', 'none']);
  throw new Error(`oracle: not an occupation scope: ${v}`);
}

/** null: any major. */
function majorScope(s: { value: ScopeValue } | null): Set<Rel> | null {
  if (s === null) return null;
  if (s.value === 'same-major') return new Set(['same']);
  if (s.value === 'related-major') return new Set(['related']);
  if (s.value === 'same-or-related-major') return new Set(['same', 'related']);
  throw new Error(`oracle: not a major scope: ${s.value}`);
}

/** School atoms under an even number of 非 (polarity true) or an odd number (false). */
function schoolsOfPolarity(e: Expr, positive: boolean, out: School[] = []): School[] {
  if (e.kind === 'School') {
    if (positive) out.push(e);
  } else if (e.kind === 'And' || e.kind === 'Or') for (const i of e.items) schoolsOfPolarity(i, positive, out);
  else if (e.kind === 'Not') schoolsOfPolarity(e.expr, !positive, out);
  return out;
}

/** Day number → calendar date (H. Hinnant's civil_from_days). */
/** Social insurance schemes by Chinese or English name, as one key. */
const SCHEMES: Record<string, string> = {
  失业保险: 'u', 'unemployment-insurance': 'u', 养老保险: 'p', 'pension-insurance': 'p', 医疗保险: 'm', 'medical-insurance': 'm',
  工伤保险: 'i', 'injury-insurance': 'i', 生育保险: 'b', 'maternity-insurance': 'b',
};

/** The day `months` calendar months after `day` (a day the month lacks: the 1st of the month after). */
function monthsLater(day: number, months: number): number {
  const c = civilOf(day);
  const total = c.y * 12 + (c.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  const text = (yy: number, mm: number, dd: number): string => `${String(yy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
  try {
    return dayOf(text(y, m, c.d));
  } catch {
    return m === 12 ? dayOf(text(y + 1, 1, 1)) : dayOf(text(y, m + 1, 1));
  }
}

function civilOf(z0: number): { y: number; m: number; d: number } {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

/** The level above the highest one held in this occupation (5 when none; 0 when 一级 is held: none above). */
function nextLevelOf(p: OProfile): number {
  const held = p.certs.filter((c) => !c.prep && c.level !== null && c.rel === 'same').map((c) => c.level!);
  return held.length === 0 ? 5 : Math.min(...held) - 1;
}

/** One oracle per occupation, sharing the vocabulary. */
export function oraclesFor(occupations: CheckedOccupation[], vocab = loadOracleVocabulary()): Map<string, Oracle> {
  return new Map(occupations.map((o) => [o.id, new Oracle(o, vocab)]));
}
