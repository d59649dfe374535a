// The vocabulary (rules/vocabulary.yaml): education names, 技工院校 tracks, groups and level
// names. Expressions refer to these by name; the checker resolves them here.
import { parse } from 'yaml';
import { LEVEL_NAMES } from '../../runtime/words.js';
import { normalizeName } from '../../runtime/facts.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';

export interface EducationName {
  name: string;
  en: string;
  rank: number;
  family: string;
  /** Order within the family for "及以上"; defaults to rank. */
  order: number;
  aliases: string[];
}

export interface WorkKind {
  name: string;
  en: string;
  default: boolean;
}

export interface FactDecl {
  name: string;
  en: string;
  type: 'boolean' | 'number';
  units: string[];
  /** What a profile's explicit 无/none counts as (0 km); absent: no value at all (no placing), so every comparison fails. */
  none?: number;
  /** The quantity of its units declared in `units` (距离); absent when none of its units is. */
  quantity?: string;
}

/**
 * A unit with a scale, declared once (vocabulary `units`): the quantity it measures and its factor
 * to the quantity's base (米 is 0.001 of 公里). A value in one unit of a quantity converts exactly
 * to any other; a fact's profile value is in its first listed unit.
 */
export interface UnitDecl {
  name: string;
  /** Its English spelling (`fmt --lang en`), when it has one of its own. */
  en?: string;
  quantity: string;
  factor: number;
}

/** An applicant category (退役士兵, 在校生 …): a clause may require or exclude one (`类别 退役士兵`). */
export interface CategoryDecl {
  name: string;
  en: string;
}

export interface Vocabulary {
  education: EducationName[];
  tracks: { name: string; en: string; rank: number }[];
  groups: { name: string; en: string; members: string[] }[];
  levels: { level: number; name: string; title: string; old: string }[];
  workKinds: WorkKind[];
  facts: FactDecl[];
  categories: CategoryDecl[];
  /** Kinds of past events (晋升, 补贴申领 …) that `记录` counts (issue 20). */
  eventKinds: CategoryDecl[];
  /** Competition tiers (市级一类竞赛 …) that `获奖` names. */
  competitions: CategoryDecl[];
  /** Units with a scale; empty when the vocabulary declares none. */
  units: UnitDecl[];
  /** Documents proving each kind of condition. */
  evidence: Record<string, { zh: string; en: string }>;
}

export interface VocabularyIndex {
  vocabulary: Vocabulary;
  /** Any spelling (name, alias, English) → canonical education name. */
  education: Map<string, EducationName>;
  groups: Map<string, string[]>;
  tracks: Map<string, { name: string; rank: number }>;
  /** The school kinds that have tracks (班别): those of the 技工院校 family. */
  trackSchools: string[];
  /** 五级, 初级工, 初级, level-5 … → level number. */
  levels: Map<string, number>;
  /** 中级/高级 (and English) → the canonical target name used in profiles. */
  targets: Map<string, string>;
  workKinds: Map<string, WorkKind>;
  facts: Map<string, FactDecl>;
  /** Name and English name → category. */
  categories: Map<string, CategoryDecl>;
  /** Name and English name → event kind; → competition tier. */
  eventKinds: Map<string, CategoryDecl>;
  competitions: Map<string, CategoryDecl>;
  /** Name and English name → unit with a scale. */
  units: Map<string, UnitDecl>;
}

/**
 * A problem in the vocabulary: E_VOCABULARY with the message as detail, or a code of its own with
 * its args; `pointer` (JSON Pointer) locates it when it is one entry's field.
 */
export class VocabularyError extends Error {
  constructor(
    message: string,
    readonly pointer?: string,
    readonly diagnostic?: { code: DiagnosticCode; args: Record<string, string> },
  ) {
    super(message);
  }
}

/**
 * Names no fact may take: Object.prototype's own (`constructor`, `__proto__`, `hasOwnProperty`,
 * `toString` …) and `prototype`. Profiles cannot supply them (schema/profile.schema.json refuses
 * some outright) and, looked up on a plain object, they would find the prototype's member.
 */
export const RESERVED_FACT_NAMES: ReadonlySet<string> = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

/** The reserved name a fact's name or English name normalises to, with the field holding it. */
function reservedFactName(f: { name: string; en?: string }): { field: 'name' | 'en'; name: string } | undefined {
  for (const field of ['name', 'en'] as const) {
    const value = f[field];
    if (value !== undefined && RESERVED_FACT_NAMES.has(normalizeName(value))) return { field, name: value };
  }
  return undefined;
}

const MAX_WORK_KINDS = 30;

/** The family whose school kinds have tracks (中级工班, 高级工班, 预备技师班) and rank by them. */
export const TRACK_FAMILY = '技工院校';

/** The school kinds that have tracks: the kinds of TRACK_FAMILY. */
export function trackSchools(education: readonly EducationName[]): string[] {
  return education.filter((e) => e.family === TRACK_FAMILY).map((e) => e.name);
}

/** A problem of the vocabulary with its own code, at `pointer` ('' = the file's start). */
function coded(code: DiagnosticCode, pointer: string, args: Record<string, string> = {}): VocabularyError {
  return new VocabularyError(code, pointer, { code, args });
}

/**
 * A name (or English name) declared twice in one list: an error at the second, naming the first's
 * line (filled in by the loader, which has the positions: `line` is the first's pointer until then).
 */
function declareOnce(entries: readonly { name: string; en: string }[], list: string): void {
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    for (const [field, key] of [['name', e.name], ['en', e.en]] as const) {
      const first = seen.get(normalizeName(key));
      if (first !== undefined && first !== i) throw coded('E_VOCABULARY_DUPLICATE', `/${list}/${i}/${field}`, { name: key, list, line: `/${list}/${first}` });
      seen.set(normalizeName(key), i);
    }
  });
}

/** The declared facts, checked: a name, a type, no reserved name, a `none` only on a number. */
function factDecls(list: Partial<FactDecl>[]): FactDecl[] {
  return list.map((f, i) => {
    if (typeof f.name !== 'string' || (f.type !== 'boolean' && f.type !== 'number')) throw coded('E_VOCABULARY_FACT', `/facts/${i}`);
    const reserved = reservedFactName({ name: f.name, ...(typeof f.en === 'string' ? { en: f.en } : {}) });
    if (reserved) {
      throw new VocabularyError(`reserved fact name ${reserved.name}`, `/facts/${i}/${reserved.field}`, { code: 'E_VOCABULARY_RESERVED', args: { name: reserved.name } });
    }
    if (f.none !== undefined && (f.type !== 'number' || typeof f.none !== 'number')) throw coded('E_VOCABULARY_FACT_NONE', `/facts/${i}/none`);
    return { name: f.name, en: f.en ?? f.name, type: f.type, units: f.units ?? [], ...(f.none !== undefined ? { none: f.none } : {}) };
  });
}

/** The units with a scale: a name, a quantity, a positive factor. */
function unitDecls(list: unknown): UnitDecl[] {
  if (list === undefined) return [];
  if (!Array.isArray(list)) throw coded('E_VOCABULARY_UNIT', '/units');
  return (list as Partial<UnitDecl>[]).map((u, i) => {
    const ok = typeof u?.name === 'string' && typeof u.quantity === 'string' && typeof u.factor === 'number' && Number.isFinite(u.factor) && u.factor > 0;
    if (!ok || (u.en !== undefined && typeof u.en !== 'string')) throw coded('E_VOCABULARY_UNIT', `/units/${i}`);
    return { name: u.name!, ...(u.en !== undefined ? { en: u.en } : {}), quantity: u.quantity!, factor: u.factor! };
  });
}

/** Each fact's quantity: the one its declared units share (two quantities in one fact are an error). */
function factQuantities(facts: FactDecl[], units: Map<string, UnitDecl>): void {
  facts.forEach((f, i) => {
    f.units.forEach((name, j) => {
      const u = units.get(name);
      if (u === undefined) return;
      if (f.quantity !== undefined && f.quantity !== u.quantity) {
        throw coded('E_VOCABULARY_UNIT_QUANTITY', `/facts/${i}/units/${j}`, { fact: f.name, unit: name, quantity: u.quantity, other: f.quantity });
      }
      f.quantity = u.quantity;
    });
  });
}

/** The applicant categories (or event kinds, competition tiers), each with a name. */
function categoryDecls(list: Partial<CategoryDecl>[], key = 'categories'): CategoryDecl[] {
  return list.map((c, i) => {
    if (typeof c.name !== 'string') throw coded(key === 'categories' ? 'E_VOCABULARY_CATEGORY' : 'E_VOCABULARY_EVENT', `/${key}/${i}`, { list: key });
    return { name: c.name, en: c.en ?? c.name };
  });
}

/** Entries by name and English name. */
function byNames(list: readonly CategoryDecl[]): Map<string, CategoryDecl> {
  return new Map(list.flatMap((c) => [[c.name, c] as const, [c.en, c] as const]));
}

/** The documents that prove each kind of condition, each in both languages. */
function evidenceDecls(list: Record<string, { zh?: string; en?: string }>): Record<string, { zh: string; en: string }> {
  const evidence: Record<string, { zh: string; en: string }> = {};
  for (const [key, value] of Object.entries(list)) {
    if (typeof value?.zh !== 'string' || typeof value?.en !== 'string') throw coded('E_VOCABULARY_EVIDENCE', `/evidence/${key}`, { key });
    evidence[key] = { zh: value.zh, en: value.en };
  }
  return evidence;
}

/** Parses the vocabulary; YAML syntax problems are the loader's to report (it parses with positions first). */
export function parseVocabulary(text: string): VocabularyIndex {
  let raw: unknown;
  try {
    raw = parse(text, { version: '1.2', schema: 'core' });
  } catch (e) {
    throw new VocabularyError((e as Error).message);
  }
  const v = raw as Partial<Omit<Vocabulary, 'workKinds' | 'facts' | 'evidence'>> & {
    evidence?: Record<string, { zh?: string; en?: string }>;
    education?: Partial<EducationName>[];
    workKinds?: Partial<WorkKind>[];
    facts?: Partial<FactDecl>[];
    categories?: Partial<CategoryDecl>[];
    eventKinds?: Partial<CategoryDecl>[];
    competitions?: Partial<CategoryDecl>[];
    units?: unknown;
  };
  if (!v || !Array.isArray(v.education) || !Array.isArray(v.levels) || !Array.isArray(v.tracks) || !Array.isArray(v.groups)) {
    throw coded('E_VOCABULARY_LISTS', '');
  }
  const education: EducationName[] = v.education.map((e, i) => {
    if (typeof e.name !== 'string' || typeof e.rank !== 'number' || typeof e.family !== 'string') throw coded('E_VOCABULARY_EDUCATION', `/education/${i}`);
    return { name: e.name, en: e.en ?? e.name, rank: e.rank, family: e.family, order: e.order ?? e.rank, aliases: e.aliases ?? [] };
  });
  const workKinds: WorkKind[] = (v.workKinds ?? [{ name: '工作', en: 'work', default: true }]).map((k, i) => {
    if (typeof k.name !== 'string') throw coded('E_VOCABULARY_WORK_KIND', `/workKinds/${i}`);
    return { name: k.name, en: k.en ?? k.name, default: k.default === true };
  });
  if (workKinds.length > MAX_WORK_KINDS) throw coded('E_VOCABULARY_WORK_KINDS_MAX', `/workKinds/${MAX_WORK_KINDS}`, { max: String(MAX_WORK_KINDS) });
  const facts = factDecls(v.facts ?? []);
  const categories = categoryDecls(v.categories ?? []);
  const eventKinds = categoryDecls(v.eventKinds ?? [], 'eventKinds');
  const competitions = categoryDecls(v.competitions ?? [], 'competitions');
  const units = unitDecls(v.units);
  const evidence = evidenceDecls(v.evidence ?? {});
  const vocabulary: Vocabulary = { education, tracks: v.tracks, groups: v.groups, levels: v.levels, workKinds, facts, categories, eventKinds, competitions, units, evidence };
  const index: VocabularyIndex = {
    vocabulary,
    education: new Map(),
    groups: new Map(),
    tracks: new Map(),
    trackSchools: trackSchools(education),
    levels: new Map(),
    targets: new Map(),
    workKinds: new Map(),
    facts: new Map(),
    categories: byNames(categories),
    eventKinds: byNames(eventKinds),
    competitions: byNames(competitions),
    units: new Map(),
  };
  declareOnce([...eventKinds, ...competitions], 'eventKinds');
  for (const k of workKinds) for (const key of [k.name, k.en]) index.workKinds.set(key, k);
  declareOnce(workKinds, 'workKinds');
  declareOnce(facts, 'facts');
  declareOnce(categories, 'categories');
  declareOnce(units.map((u) => ({ name: u.name, en: u.en ?? u.name })), 'units');
  for (const u of units) for (const key of [u.name, u.en ?? u.name]) index.units.set(key, u);
  factQuantities(facts, index.units);
  for (const f of facts) for (const key of [f.name, f.en]) index.facts.set(key, f);
  for (const e of education) for (const key of [e.name, e.en, ...e.aliases]) index.education.set(key, e);
  for (const [i, g] of vocabulary.groups.entries()) {
    for (const [j, m] of g.members.entries()) {
      if (!education.some((e) => e.name === m)) throw coded('E_VOCABULARY_GROUP_MEMBER', `/groups/${i}/members/${j}`, { group: g.name, member: m });
    }
    index.groups.set(g.name, g.members);
    index.groups.set(g.en, g.members);
  }
  for (const t of vocabulary.tracks) for (const key of [t.name, t.en]) index.tracks.set(key, t);
  for (const l of vocabulary.levels) for (const key of [l.name, l.title, l.old]) index.levels.set(key, l.level);
  const four = vocabulary.levels.find((l) => l.level === 4);
  const three = vocabulary.levels.find((l) => l.level === 3);
  if (four) for (const key of [four.old, LEVEL_NAMES[4].en]) index.targets.set(key, four.old);
  if (three) for (const key of [three.old, LEVEL_NAMES[3].en]) index.targets.set(key, three.old);
  return index;
}
