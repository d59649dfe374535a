// Converting an expression between Chinese and English spellings (`zige fmt --lang`). Keywords
// are language-neutral in the AST and come out of the one printer in the language asked for; names
// and units are converted here, through the vocabulary's `en` fields, before printing.
//
// The conversion is lossless by construction: a name or unit is converted only when converting it
// back gives exactly what was written. Only the canonical spelling of a vocabulary entry converts
// (五级 ⇄ `level 5`, 技工学校 ⇄ technical-school, 中级 ⇄ intermediate as a training target,
// 年 ⇄ years, 天 ⇄ days, 岁 ⇄ years for an age); other spellings are kept as written: an alias
// (中专), the older level names (初级工, 初级), the combined form 四级/中级工, the units 周岁 and 日,
// and the units of vocabulary facts (km, 公里), which are declared in both languages already.
// So a file whose expressions are canonical in Chinese (`zige fmt --lang zh --check` is clean)
// converts to English and back byte for byte.
import type * as A from '../grammar/ast.js';
import { lexer } from '../grammar/tokens.js';
import { BUILT_IN_NAMES, INSURANCE_SCHEMES, LEVEL_NAMES, LEVELS, levelNumberText, UNITS, WORDS, type MessageLang, type UnitWords, type Word } from '../runtime/words.js';
import type { VocabularyIndex } from './load/vocabulary.js';

/** A two-way table of one kind of name: canonical Chinese ⇄ canonical English. */
class Table {
  private readonly toEn = new Map<string, string>();
  private readonly toZh = new Map<string, string>();

  add(zh: string, en: string): this {
    // The first entry wins; a later duplicate cannot round-trip and is left unconverted.
    if (!this.toEn.has(zh)) this.toEn.set(zh, en);
    if (!this.toZh.has(en)) this.toZh.set(en, zh);
    return this;
  }

  /** The spelling in `lang`, or undefined when the word does not convert losslessly. */
  convert(word: string, lang: MessageLang): string | undefined {
    const there = (lang === 'en' ? this.toEn : this.toZh).get(word);
    if (there === undefined) return undefined;
    const back = (lang === 'en' ? this.toZh : this.toEn).get(there);
    return back === word ? there : undefined;
  }
}

/** A unit in `lang`: the first Chinese spelling ⇄ English singular/plural; other spellings kept. */
function convertUnit(unit: string, value: number, pairs: readonly UnitWords[], lang: MessageLang): string {
  for (const p of pairs) {
    if (lang === 'en' && unit === p.zh[0]) return value === 1 ? p.one : p.many;
    if (lang === 'zh' && (unit === p.one || unit === p.many)) return p.zh[0];
  }
  return unit;
}

export interface LangTables {
  level: Table;
  /** 持有 X: a level or the preparatory-technician certificate. */
  holds: Table;
  school: Table;
  degree: Table;
  track: Table;
  target: Table;
  subject: Table;
  workKind: Table;
  category: Table;
  eventKind: Table;
  competition: Table;
  /** Social insurance schemes (失业保险 ⇄ unemployment-insurance). */
  scheme: Table;
  /** Units of numeric facts that declare an English spelling (学时 ⇄ class-hours). */
  unit: Table;
  levelNames: Map<number, string>;
}

/** The conversion tables of a vocabulary. */
export function langTables(vocabulary: VocabularyIndex): LangTables {
  const v = vocabulary.vocabulary;
  const level = new Table();
  const levelNames = new Map<number, string>();
  for (const l of v.levels) {
    level.add(l.name, levelNumberText(l.level));
    levelNames.set(l.level, l.name);
  }
  const holds = new Table().add(BUILT_IN_NAMES.prepTechnician.zh, BUILT_IN_NAMES.prepTechnician.en);
  for (const l of v.levels) holds.add(l.name, levelNumberText(l.level));
  const degree = new Table();
  for (const e of v.education) degree.add(e.name, e.en);
  const school = new Table();
  for (const e of v.education) school.add(e.name, e.en);
  for (const g of v.groups) school.add(g.name, g.en);
  const track = new Table();
  for (const t of v.tracks) track.add(t.name, t.en);
  const target = new Table();
  const four = v.levels.find((l) => l.level === 4);
  const three = v.levels.find((l) => l.level === 3);
  if (four) target.add(four.old, LEVEL_NAMES[4].en);
  if (three) target.add(three.old, LEVEL_NAMES[3].en);
  const subject = new Table().add(BUILT_IN_NAMES.age.zh, BUILT_IN_NAMES.age.en);
  // A fact's units are written as the vocabulary declares them, in either language (km and 公里
  // both): converting them could not be undone, so they stay as written.
  for (const f of v.facts ?? []) subject.add(f.name, f.en);
  const workKind = new Table();
  for (const k of v.workKinds ?? []) workKind.add(k.name, k.en);
  const category = new Table();
  for (const c of v.categories ?? []) category.add(c.name, c.en);
  const eventKind = new Table();
  for (const k of v.eventKinds ?? []) eventKind.add(k.name, k.en);
  const competition = new Table();
  for (const c of v.competitions ?? []) competition.add(c.name, c.en);
  const scheme = new Table();
  for (const s of Object.values(INSURANCE_SCHEMES)) scheme.add(s.zh, s.en);
  const unit = new Table();
  for (const u of v.units ?? []) if (u.en !== undefined) unit.add(u.name, u.en);
  return { level, holds, school, degree, track, target, subject, workKind, category, eventKind, competition, scheme, unit, levelNames };
}

type Role = Exclude<keyof LangTables, 'levelNames' | 'unit'>;

/** A copy of the expression with its names and units spelled in `lang` where that is lossless. */
export function convertExpression(expr: A.Expr, lang: MessageLang, tables: LangTables): A.Expr {
  const ref = (r: A.Ref, role: Role): A.Ref => {
    if (r.kind === 'LevelNumber') {
      if (lang === 'en' || (role !== 'level' && role !== 'holds')) return r;
      const name = tables.levelNames.get(r.level);
      // `level N` → N级 only when N级 converts back to `level N`
      if (name === undefined || tables[role].convert(name, 'en') !== levelNumberText(r.level)) return r;
      return { kind: 'Name', text: name, range: r.range };
    }
    if (r.alt !== undefined) return r; // 四级/中级工: kept as written
    const out = tables[role].convert(r.text, lang);
    if (out === undefined) return r;
    const level = LEVELS.find((n) => levelNumberText(n) === out);
    if (level !== undefined && (role === 'level' || role === 'holds')) return { kind: 'LevelNumber', level, range: r.range };
    return { kind: 'Name', text: out, range: r.range };
  };
  const quantity = (v: A.Value, pairs: readonly UnitWords[]): A.Value => {
    if (v.kind !== 'Quantity' || v.unit === null) return v;
    return { ...v, unit: convertUnit(v.unit, v.value, pairs, lang) };
  };
  const experience = (e: A.Experience): A.Experience => ({
    ...e,
    ...('workKind' in e && e.workKind ? { workKind: ref(e.workKind, 'workKind') } : {}),
    value: quantity(e.value, [UNITS.years, UNITS.days, UNITS.months]),
  });
  const visit = (e: A.Expr): A.Expr => {
    switch (e.kind) {
      case 'Or':
      case 'And':
        return { ...e, items: e.items.map(visit) };
      case 'Not':
        return { ...e, expr: visit(e.expr) };
      case 'Experience':
        return experience(e);
      case 'ExperienceAfter':
        return { ...e, level: ref(e.level, 'level'), experience: experience(e.experience) };
      case 'Holds':
        return { ...e, what: ref(e.what, 'holds') };
      case 'Training':
        return { ...e, level: ref(e.level, 'level') };
      case 'Apprenticeship':
        return e;
      case 'School':
        return {
          ...e,
          name: ref(e.name, e.mode === 'degree' ? 'degree' : 'school'),
          track: e.track ? { ...e.track, name: ref(e.track.name, 'track') } : null,
          target: e.target ? ref(e.target, 'target') : null,
        };
      case 'Compare': {
        const subject = e.subject;
        const name = subject.kind === 'Name' && subject.alt === undefined ? subject.text : undefined;
        const age = name === BUILT_IN_NAMES.age.zh || name === BUILT_IN_NAMES.age.en;
        const pairs = age ? [UNITS.age] : [];
        let value = e.value === null ? null : e.value.kind === 'BySex' ? { ...e.value, male: quantity(e.value.male, pairs), female: quantity(e.value.female, pairs) } : quantity(e.value, pairs);
        // A fact's unit converts when the vocabulary gives it an English spelling (学时 ⇄ class-hours).
        if (!age && value?.kind === 'Quantity' && value.unit !== null) value = { ...value, unit: tables.unit.convert(value.unit, lang) ?? value.unit };
        return { ...e, subject: ref(subject, 'subject'), value };
      }
      case 'Category':
        return { ...e, name: ref(e.name, 'category') };
      case 'Working':
        return e.workKind ? { ...e, workKind: ref(e.workKind, 'workKind') } : e;
      case 'Placed':
        return { ...e, tier: ref(e.tier, 'competition'), top: quantity(e.top, [UNITS.places]) as A.Quantity };
      case 'Events':
        return { ...e, eventKind: ref(e.eventKind, 'eventKind'), value: quantity(e.value, [UNITS.times]) };
      // Windows and insured months: 个月 ⇄ months, 年 ⇄ years.
      case 'CertWindow':
        return { ...e, level: ref(e.level, 'level'), value: quantity(e.value, [UNITS.months, UNITS.years]) };
      case 'CertDated':
        return { ...e, level: ref(e.level, 'level') };
      case 'Insured':
        return { ...e, scheme: ref(e.scheme, 'scheme'), until: e.until ? { ...e.until, level: ref(e.until.level, 'level') } : null, value: quantity(e.value, [UNITS.months, UNITS.years]) };
      default:
        return e;
    }
  };
  return visit(expr);
}

/**
 * The keyword language of some expressions: English when more of their keywords are spelled in
 * English than in Chinese, else Chinese (names, numbers, operators and `level` do not count).
 */
export function keywordLanguage(texts: readonly string[]): MessageLang {
  const words: Readonly<Record<string, Word>> = WORDS;
  let zh = 0;
  let en = 0;
  for (const text of texts) {
    for (const t of lexer.tokenize(text).tokens) {
      const word = Object.hasOwn(words, t.tokenType.name) ? words[t.tokenType.name] : undefined;
      if (word === undefined || word.role === 'level') continue;
      if (word.en.includes(t.image)) en++;
      else zh++;
    }
  }
  return en > zh ? 'en' : 'zh';
}

/** The expression without offsets, for comparing trees. */
export function stripRanges(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripRanges);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) if (k !== 'range') out[k] = stripRanges(v);
    return out;
  }
  return value;
}
