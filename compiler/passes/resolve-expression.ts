// Check stage: resolves an expression's names against the vocabulary and the occupation, checks
// types, units and scopes, and produces the IR. Problems are reported, never thrown.
import type * as A from '../../grammar/index.js';
import { exactNumeral, exactOf, multiply, splitKeyword, toMillionths, toNumber, type Exact } from '../../grammar/index.js';
import { closest } from '../diagnostics/closest.js';
import { kindMask, type Cond } from '../ir.js';
import type { FactDecl, VocabularyIndex } from '../load/vocabulary.js';
import { BUILT_IN_NAMES, INSURANCE_SCHEMES, insuranceScheme, LEVEL_NAMES, levelNumberText, scopeWords, spelling, UNITS, type Level, type UnitWords } from '../../runtime/words.js';
import { parseDay } from '../../runtime/dates.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';
import { EventWindow } from '../../runtime/plan.js';

export interface ExprDiagnostic {
  code: DiagnosticCode;
  range: A.OffsetRange;
  args: Record<string, string | number>;
  /** Known names close to an unknown one. */
  suggestions?: string[];
  /** A warning: the expression still resolves. */
  warning?: true;
}

export interface ResolveContext {
  vocabulary: VocabularyIndex;
  /** Levels the occupation offers, for the 本职业 scope check. */
  levels: readonly number[];
  /** The education requirement is resolved with gate semantics. */
  gate?: boolean;
  /** The level of the clause being resolved (what `本级` means); absent outside a level's clauses. */
  clauseLevel?: number;
}

/** A scope family's masks by scope value, and its spellings for messages (本职业、相关职业、…). */
function scopeFamily(family: 'occupation' | 'major'): { masks: Map<string, number>; zh: string; en: string } {
  const scopes = scopeWords()
    .filter((s) => s.scope.family === family)
    .sort((a, b) => a.scope.mask - b.scope.mask);
  return {
    masks: new Map(scopes.map((s) => [s.scope.value, s.scope.mask])),
    zh: scopes.map((s) => spelling(s.name, 'zh')).join('、'),
    en: scopes.map((s) => spelling(s.name, 'en')).join(', '),
  };
}
const OCCUPATION_SCOPES = scopeFamily('occupation');
const MAJOR_SCOPES = scopeFamily('major');
/** An unwritten occupation scope is 本职业或相关职业 (3); an unwritten major scope is any major (0). */
const SCOPE_FAMILIES = {
  occupation: { words: OCCUPATION_SCOPES, unwritten: 3, code: 'E_SCOPE_OCCUPATION' },
  major: { words: MAJOR_SCOPES, unwritten: 0, code: 'E_SCOPE_MAJOR' },
} as const;
type ScopeFamily = (typeof SCOPE_FAMILIES)[keyof typeof SCOPE_FAMILIES];
const SCOPE_TEXT = new Map(scopeWords().map((s) => [s.scope.value, spelling(s.name, 'zh')]));
const unitSpellings = (u: UnitWords): string[] => [...u.zh, u.one, u.many];
const YEAR_UNITS = new Set(unitSpellings(UNITS.years));
const DAY_UNITS = new Set(unitSpellings(UNITS.days));
const MONTH_UNITS = new Set(unitSpellings(UNITS.months));
const AGE_UNITS = new Set(unitSpellings(UNITS.age));
const DURATION_UNITS_TEXT = [UNITS.years.zh[0], UNITS.months.zh[0], UNITS.days.zh[0], UNITS.years.many, UNITS.months.many, UNITS.days.many].join(' ');
const MONTHS_TEXT = [UNITS.months.zh[0], UNITS.years.zh[0], UNITS.months.many, UNITS.years.many].join(' ');
const SCHEMES_TEXT = Object.values(INSURANCE_SCHEMES).map((s) => s.zh).join('、');
/** Days per unit of experience: a year is 365 days, a month a twelfth of it. */
const DAYS_PER: readonly [Set<string>, Exact][] = [
  [YEAR_UNITS, { n: 365n, d: 1n }],
  [MONTH_UNITS, { n: 365n, d: 12n }],
  [DAY_UNITS, { n: 1n, d: 1n }],
];
const AGE_UNITS_TEXT = [...UNITS.age.zh, UNITS.age.many].join(' ');
const PREP_TECHNICIAN = new Set<string>(Object.values(BUILT_IN_NAMES.prepTechnician));
const AGE = new Set<string>(Object.values(BUILT_IN_NAMES.age));
const levelName = (level: number): string => LEVEL_NAMES[level as Level].zh;

type UnknownCode =
  | 'E_UNKNOWN_LEVEL'
  | 'E_UNKNOWN_SCHOOL'
  | 'E_UNKNOWN_DEGREE'
  | 'E_UNKNOWN_TRACK'
  | 'E_UNKNOWN_FACT'
  | 'E_UNKNOWN_WORK_KIND'
  | 'E_UNKNOWN_CATEGORY'
  | 'E_UNKNOWN_EVENT_KIND'
  | 'E_UNKNOWN_COMPETITION';
const TIMES_UNITS = new Set(unitSpellings(UNITS.times));
const PLACE_UNITS = new Set(unitSpellings(UNITS.places));
const WINDOWS = { ever: EventWindow.Ever, 'calendar-year': EventWindow.CalendarYear, 'twelve-months': EventWindow.TwelveMonths } as const;

export function resolveExpression(expr: A.Expr, ctx: ResolveContext, out: ExprDiagnostic[]): Cond | undefined {
  return new Resolver(ctx, out).resolve(expr);
}

/** One expression's resolution: each node kind a method; problems collected into `out`. */
class Resolver {
  private ok = true;
  private readonly allKinds: string[];
  private readonly defaultKinds: string[];

  constructor(
    private readonly ctx: ResolveContext,
    private readonly out: ExprDiagnostic[],
  ) {
    this.allKinds = ctx.vocabulary.vocabulary.workKinds.map((k) => k.name);
    this.defaultKinds = ctx.vocabulary.vocabulary.workKinds.filter((k) => k.default).map((k) => k.name);
  }

  resolve(expr: A.Expr): Cond | undefined {
    const result = this.visit(expr);
    return this.ok ? result : undefined;
  }

  private report(code: DiagnosticCode, range: A.OffsetRange, args: Record<string, string | number> = {}, suggestions?: string[]): undefined {
    this.ok = false;
    this.out.push(suggestions && suggestions.length > 0 ? { code, range, args, suggestions } : { code, range, args });
    return undefined;
  }

  private warn(code: DiagnosticCode, range: A.OffsetRange, args: Record<string, string | number>): void {
    this.out.push({ code, range, args, warning: true });
  }

  private unknown(code: UnknownCode, r: A.Ref, known: Iterable<string>): undefined {
    const text = refText(r);
    // 非学徒期满: a keyword run into a word, since Chinese is written without spaces.
    const split = r.kind === 'Name' && r.alt === undefined ? splitKeyword(r.text) : undefined;
    if (split) return this.report('E_JOINED_WORDS', r.range, { word: text, split });
    return this.report(code, r.range, { name: text }, closest(text, known));
  }

  private level(r: A.Ref): number | undefined {
    if (r.kind === 'LevelNumber') {
      return r.level >= 1 && r.level <= 5 && Number.isInteger(r.level) ? r.level : this.unknown('E_UNKNOWN_LEVEL', r, []);
    }
    const levels = this.ctx.vocabulary.levels;
    const first = levels.get(r.text);
    if (first === undefined) return this.unknown('E_UNKNOWN_LEVEL', { ...r, alt: undefined }, levels.keys());
    if (r.alt !== undefined) {
      const second = levels.get(r.alt);
      if (second === undefined) return this.unknown('E_UNKNOWN_LEVEL', { ...r, text: r.alt, alt: undefined }, levels.keys());
      if (second !== first) {
        return this.report('E_LEVEL_MISMATCH', r.range, { left: r.text, leftLevel: first, right: r.alt, rightLevel: second });
      }
    }
    return first;
  }

  private offered(scope: A.Scope | null, lvl: number, r: A.Ref): void {
    if (scope?.value === 'same' && !this.ctx.levels.includes(lvl)) {
      this.report('E_LEVEL_NOT_OFFERED', r.range, {
        level: levelName(lvl),
        scope: SCOPE_TEXT.get(scope.value)!,
        offered: [...this.ctx.levels].sort((a, b) => b - a).map(levelName).join('、'),
      });
    }
  }

  private occupationScope(s: A.Scope | null, atom: string): number {
    return this.scope(s, atom, SCOPE_FAMILIES.occupation);
  }

  private majorScope(s: A.Scope | null, atom: string): number {
    return this.scope(s, atom, SCOPE_FAMILIES.major);
  }

  /** A scope's mask in its family; unwritten, the family's default; of the other family, an error. */
  private scope(s: A.Scope | null, atom: string, family: ScopeFamily): number {
    if (s === null) return family.unwritten;
    const mask = family.words.masks.get(s.value);
    if (mask !== undefined) return mask;
    this.report(family.code, s.range, { atom, scope: SCOPE_TEXT.get(s.value)!, scopes: family.words.zh, scopesEn: family.words.en });
    return family.unwritten;
  }

  private duration(v: A.Value, subject: string): number | undefined {
    if (v.kind !== 'Quantity') return this.report('E_TYPE_DURATION', v.range, { subject, actual: refText(v) });
    const per = DAYS_PER.find(([units]) => v.unit !== null && units.has(v.unit));
    if (!per) return this.report('E_UNIT', v.range, { unit: v.unit ?? '', allowed: DURATION_UNITS_TEXT });
    const exact = this.exact(v);
    // N years = 365 × N days exactly (1.5年 = 547.5 days, 18个月 too), to a millionth of a day.
    return exact && toMillionths(multiply(exact, per[1]));
  }

  /** A quantity's number, exactly (`0.1万` is 1000); undefined after E_NUMBER (a misgrouped numeral). */
  private exact(v: A.Quantity): Exact | undefined {
    if (v.text === undefined) return exactOf(v.value);
    return exactNumeral(v.text) ?? this.report('E_NUMBER', v.range, { text: v.text });
  }

  private visit(e: A.Expr): Cond | undefined {
    switch (e.kind) {
      case 'Or':
      case 'And': {
        const items = e.items.map((item) => this.visit(item));
        if (items.some((i) => i === undefined)) return undefined;
        return { op: e.kind === 'Or' ? 'or' : 'and', items: items as Cond[], range: e.range };
      }
      case 'Not': {
        const item = this.visit(e.expr);
        return item && { op: 'not', item, range: e.range };
      }
      case 'Experience':
        return this.experience(e);
      case 'ExperienceAfter':
        return this.experienceAfter(e);
      case 'Holds':
        return this.holds(e);
      case 'Training': {
        const scope = this.occupationScope(e.scope, spelling('Training', 'zh'));
        const lvl = this.level(e.level);
        if (lvl === undefined) return undefined;
        this.offered(e.scope, lvl, e.level);
        return { op: 'training', scope, level: lvl, exam: e.proof === 'exam', range: e.range };
      }
      case 'Apprenticeship':
        return { op: 'apprenticeship', scope: this.occupationScope(e.scope, spelling('Apprenticeship', 'zh')), range: e.range };
      case 'School':
        return this.school(e);
      case 'Compare':
        return this.fact(e);
      case 'Category': {
        const r = e.name;
        const c = r.kind === 'Name' && r.alt === undefined ? this.ctx.vocabulary.categories.get(r.text) : undefined;
        if (!c) return this.unknown('E_UNKNOWN_CATEGORY', r, this.ctx.vocabulary.categories.keys());
        return { op: 'category', name: c.name, range: e.range };
      }
      case 'Working': {
        const scope = this.occupationScope(e.scope, spelling('Working', 'zh'));
        const kinds = this.workKinds(e.workKind);
        return kinds === undefined ? undefined : { op: 'working', scope, kinds, range: e.range };
      }
      case 'Placed':
        return this.placed(e);
      case 'Events':
        return this.events(e);
      case 'CertWindow':
      case 'CertDated':
      case 'Insured':
        return this.time(e);
    }
  }

  /** A name of a vocabulary list (event kinds, competition tiers), or an error naming the closest. */
  private named(r: A.Ref, list: Map<string, { name: string }>, code: UnknownCode): string | undefined {
    const found = r.kind === 'Name' && r.alt === undefined ? list.get(r.text) : r.kind === 'LevelNumber' ? undefined : list.get(r.text);
    return found ? found.name : this.unknown(code, r, list.keys());
  }

  /** `获奖 本职业 市级一类竞赛 前10名`: at least one event of the tier placed in the top N (or N%). */
  private placed(e: A.Placed): Cond | undefined {
    const scope = this.occupationScope(e.scope, spelling('Placed', 'zh'));
    const tier = this.named(e.tier, this.ctx.vocabulary.competitions, 'E_UNKNOWN_COMPETITION');
    const { value, unit } = e.top;
    const percent = unit === '%';
    const whole = Number.isInteger(value) && value > 0;
    if (!(percent ? value > 0 && value <= 100 : whole && (unit === null || PLACE_UNITS.has(unit)))) {
      return this.report('E_PLACING', e.top.range, { text: `${value}${unit ?? ''}` });
    }
    if (tier === undefined) return undefined;
    return { op: 'events', kind: null, scope, level: 0, tier, top: value, percent, window: EventWindow.Ever, cmp: '>=', count: 1, range: e.range };
  }

  /** `记录 补贴申领 本职业 本级 本自然年 < 3次`: recorded events of a kind counted and compared. */
  private events(e: A.Events): Cond | undefined {
    const scope = this.occupationScope(e.scope, spelling('Events', 'zh'));
    const kind = this.named(e.eventKind, this.ctx.vocabulary.eventKinds, 'E_UNKNOWN_EVENT_KIND');
    const v = e.value;
    if (v.kind !== 'Quantity' || !Number.isInteger(v.value) || (v.unit !== null && !TIMES_UNITS.has(v.unit))) {
      return this.report('E_EVENT_COUNT', v.range, { text: v.kind === 'Quantity' ? `${v.value}${v.unit ?? ''}` : refText(v) });
    }
    if (e.thisLevel && this.ctx.clauseLevel === undefined) return this.report('E_THIS_LEVEL', e.range);
    if (kind === undefined) return undefined;
    const level = e.thisLevel ? this.ctx.clauseLevel! : 0;
    return { op: 'events', kind, scope, level, tier: null, top: 0, percent: false, window: WINDOWS[e.window], cmp: e.cmp, count: v.value, range: e.range };
  }

  /** The certificate "the" time conditions count from: scope and exact level (offered in 本职业). */
  private certificate(s: A.Scope | null, r: A.Ref): { scope: number; level: number } | undefined {
    const scope = this.occupationScope(s, `${spelling('After', 'zh')}证书`);
    const level = this.level(r);
    if (level === undefined) return undefined;
    this.offered(s, level, r);
    return { scope, level };
  }

  /** Windows after a certificate, a certificate dated in a range, insured months (issue 20). */
  private time(e: A.CertWindow | A.CertDated | A.Insured): Cond | undefined {
    if (e.kind === 'Insured') return this.insured(e);
    const cert = this.certificate(e.certScope, e.level);
    if (e.kind === 'CertWindow') {
      const months = this.months(e.value);
      return cert && months !== undefined ? { op: 'certWindow', ...cert, months, range: e.range } : undefined;
    }
    const from = this.date(e.from);
    const to = this.date(e.to);
    if (!cert || from === undefined || to === undefined) return undefined;
    if (from > to) return this.report('E_DATE_RANGE', e.range, { from: e.from.text, to: e.to.text });
    return { op: 'certDated', ...cert, from: e.from.text, to: e.to.text, range: e.range };
  }

  private insured(e: A.Insured): Cond | undefined {
    const r = e.scheme;
    const scheme = r.kind === 'Name' && r.alt === undefined ? insuranceScheme(r.text) : undefined;
    if (scheme === undefined) return this.report('E_UNKNOWN_SCHEME', r.range, { name: refText(r), schemes: SCHEMES_TEXT }, closest(refText(r), Object.values(INSURANCE_SCHEMES).map((s) => s.zh)));
    const until = e.until ? this.certificate(e.until.scope, e.until.level) : null;
    const months = this.months(e.value);
    if (until === undefined || months === undefined) return undefined;
    return { op: 'insured', scheme, cmp: e.cmp, months, until, range: e.range };
  }

  /** A whole number of calendar months (`12个月`, `1年` = 12 months); undefined after an error. */
  private months(v: A.Value): number | undefined {
    if (v.kind !== 'Quantity') return this.report('E_MONTHS', v.range, { text: refText(v) });
    const unit = v.unit ?? '';
    const months = MONTH_UNITS.has(unit) ? v.value : YEAR_UNITS.has(unit) ? v.value * 12 : undefined;
    if (months === undefined) return this.report('E_UNIT', v.range, { unit, allowed: MONTHS_TEXT });
    if (!Number.isInteger(months) || months <= 0 || months > 1200) return this.report('E_MONTHS', v.range, { text: `${v.value}${unit}` });
    return months;
  }

  /** A date written in an expression, as a day number; undefined after an error. */
  private date(d: A.DateText): number | undefined {
    const day = parseDay(d.text);
    return day === undefined ? this.report('E_DATE', d.range, { text: d.text }) : day;
  }

  /** The kind mask of a work kind named (见习), or of the default kinds; undefined after an error. */
  private workKinds(w: A.Ref | null): number | undefined {
    if (w === null) return kindMask(this.defaultKinds, this.allKinds);
    const k = w.kind === 'Name' && w.alt === undefined ? this.ctx.vocabulary.workKinds.get(w.text) : undefined;
    if (!k) return this.unknown('E_UNKNOWN_WORK_KIND', w, this.ctx.vocabulary.workKinds.keys());
    return kindMask([k.name], this.allKinds);
  }

  private experience(e: A.Experience): Extract<Cond, { op: 'experience' }> | undefined {
    const scope = this.occupationScope(e.scope, spelling('Experience', 'zh'));
    const kinds = this.workKinds(e.workKind);
    if (kinds === undefined) return undefined;
    const days = this.duration(e.value, spelling(e.explicitMode ? (e.mode === 'continuous' ? 'ContinuousExperience' : 'CumulativeExperience') : 'Experience', 'zh'));
    if (days === undefined) return undefined;
    return { op: 'experience', scope, kinds, continuous: e.mode === 'continuous', cmp: e.cmp, days, range: e.range };
  }

  private experienceAfter(e: A.ExperienceAfter): Cond | undefined {
    const certScope = this.occupationScope(e.certScope, `${spelling('After', 'zh')}证书`);
    const lvl = this.level(e.level);
    const inner = this.experience(e.experience);
    if (lvl === undefined || inner === undefined) return undefined;
    this.offered(e.certScope, lvl, e.level);
    const { scope, kinds, continuous, cmp, days } = inner;
    return { op: 'experienceAfter', certScope, level: lvl, scope, kinds, continuous, cmp, days, range: e.range };
  }

  private holds(e: A.Holds): Cond | undefined {
    const scope = this.occupationScope(e.scope, spelling('Holds', 'zh'));
    if (e.what.kind === 'Name' && PREP_TECHNICIAN.has(e.what.text)) return { op: 'holdsPrepTechnician', scope, range: e.range };
    const lvl = this.level(e.what);
    if (lvl === undefined) return undefined;
    this.offered(e.scope, lvl, e.what);
    return { op: 'holds', scope, level: lvl, range: e.range };
  }

  private schoolNames(s: A.School): string[] | null | undefined {
    const r = s.name;
    const v = this.ctx.vocabulary;
    if (r.kind !== 'Name' || r.alt !== undefined) return this.unknown('E_UNKNOWN_SCHOOL', r, v.education.keys());
    const group = v.groups.get(r.text);
    if (group) {
      if (s.orHigher) return this.report('E_ORDER_HIGHER', r.range, { name: r.text, keyword: spelling('OrHigher', 'zh') });
      return [...group];
    }
    const entry = v.education.get(r.text);
    // 毕业 高级工班: a track written where the school kind goes.
    if (!entry && v.tracks.has(r.text)) return this.report('E_TRACK_AS_SCHOOL', r.range, { name: r.text, suggestion: this.trackSuggestion(s, r.text) });
    if (!entry) return this.unknown('E_UNKNOWN_SCHOOL', r, [...v.education.keys(), ...v.groups.keys()]);
    if (!s.orHigher) return [entry.name];
    return v.vocabulary.education.filter((e) => e.family === entry.family && e.order >= entry.order).map((e) => e.name);
  }

  private school(s: A.School): Cond | undefined {
    const v = this.ctx.vocabulary;
    const atom = spelling(s.mode === 'graduated' ? 'Graduated' : s.mode === 'degree' ? 'Degree' : 'Enrolled', 'zh');
    let names: string[] | null = null;
    let rank = 0;
    if (s.mode === 'degree') {
      const r = s.name;
      const entry = r.kind === 'Name' && r.alt === undefined ? v.education.get(r.text) : undefined;
      if (!entry) return this.unknown('E_UNKNOWN_DEGREE', r, v.education.keys());
      rank = entry.rank;
    } else {
      const found = this.schoolNames(s);
      if (found === undefined) return undefined;
      names = found;
    }
    const tracks = this.tracks(s, names);
    if (tracks === undefined) return undefined;
    let target: string | null = null;
    if (s.target) {
      const r = s.target;
      const t = r.kind === 'Name' && r.alt === undefined ? v.targets.get(r.text) : undefined;
      if (!t) return this.report('E_NOT_TARGET', r.range, { name: refText(r) });
      target = t;
    }
    const major = this.majorScope(s.scope, atom);
    const mode = s.mode === 'graduated' ? 0 : s.mode === 'degree' ? 1 : 2;
    return {
      op: 'school',
      spec: { mode, names, rank, orHigher: s.orHigher, tracks, target, major, finalYear: s.includeFinalYear, gate: this.ctx.gate === true },
      range: s.range,
    };
  }

  /** `毕业 技工院校 高级工班 …`: the condition as it should be written, the track after the group of the kinds that have tracks. */
  private trackSuggestion(s: A.School, track: string): string {
    const v = this.ctx.vocabulary;
    const kinds = new Set(v.trackSchools);
    const group = v.vocabulary.groups.find((g) => g.members.length === kinds.size && g.members.every((m) => kinds.has(m)));
    const words = [spelling(s.mode === 'enrolled' ? 'Enrolled' : 'Graduated', 'zh'), group?.name ?? v.trackSchools.join('/'), track];
    if (s.orHigher) words.push(spelling('OrHigher', 'zh'));
    return words.join(' ');
  }

  /** The 技工院校 tracks a school condition accepts (null: any); undefined after an error. */
  private tracks(s: A.School, names: readonly string[] | null): string[] | null | undefined {
    if (!s.track) return null;
    const r = s.track.name;
    const v = this.ctx.vocabulary;
    const t = r.kind === 'Name' && r.alt === undefined ? v.tracks.get(r.text) : undefined;
    if (!t) return this.unknown('E_UNKNOWN_TRACK', r, v.tracks.keys());
    // 毕业 大专 高级工班: a track on school kinds none of which has tracks never matches.
    if (names !== null && !names.some((n) => v.trackSchools.includes(n))) {
      return this.report('E_TRACK_SCHOOL', r.range, { school: refText(s.name), track: refText(r), schools: v.trackSchools.join('、') });
    }
    return s.track.orHigher ? v.vocabulary.tracks.filter((x) => x.rank >= t.rank).map((x) => x.name) : [t.name];
  }

  private fact(e: A.Compare): Cond | undefined {
    const subject = refText(e.subject);
    if (e.subject.kind === 'Name' && AGE.has(e.subject.text)) return this.age(e, subject);
    if (e.on) return this.report('E_ON_NOT_AGE', e.on.range, { subject });
    const decl = e.subject.kind === 'Name' && e.subject.alt === undefined ? this.ctx.vocabulary.facts.get(e.subject.text) : undefined;
    if (!decl) return this.unknown('E_UNKNOWN_FACT', e.subject, [BUILT_IN_NAMES.age.zh, ...this.ctx.vocabulary.facts.keys()]);
    if (decl.type === 'boolean') {
      if (e.cmp !== null) return this.report('E_FACT_BOOLEAN', e.range, { name: subject });
      return { op: 'flag', name: decl.name, range: e.range };
    }
    if (e.cmp === null || e.value === null) return this.report('E_FACT_NEEDS_COMPARISON', e.range, { name: subject });
    if (e.value.kind === 'BySex') return this.report('E_BY_SEX_AGE', e.value.range, { subject });
    if (e.value.kind !== 'Quantity') return this.report('E_TYPE_FACT', e.value.range, { subject, actual: refText(e.value) });
    if (!this.factUnit(decl, e.value, subject)) return undefined;
    // 工龄 >= 3年 reads a typed-in number: say so, since 从业 >= 3年 counts work periods.
    if (e.value.unit !== null && YEAR_UNITS.has(e.value.unit)) this.warn('W_FACT_YEARS', e.value.range, { name: decl.name, unit: e.value.unit });
    const exact = this.exact(e.value);
    if (exact === undefined) return undefined;
    const converted = this.toProfileUnit(decl, exact, e.value.unit);
    const value = toNumber(converted.value);
    const unit = e.value.unit === null ? {} : { unit: e.value.unit };
    const written = e.value.text !== undefined ? { written: e.value.text } : converted.base !== undefined ? { written: String(e.value.value) } : {};
    const base = converted.base !== undefined ? { base: converted.base } : {};
    return { op: 'fact', name: decl.name, cmp: e.cmp, value, ...unit, ...written, ...base, range: e.range };
  }

  /** Whether a fact's value has a unit it accepts: one it lists, or another of the same quantity (E_UNIT, E_UNIT_INCOMPATIBLE). */
  private factUnit(decl: FactDecl, v: A.Quantity, name: string): boolean {
    const allowed = decl.units;
    const units = this.ctx.vocabulary.units;
    const sameQuantity = decl.quantity !== undefined ? [...units.values()].filter((u) => u.quantity === decl.quantity).map((u) => u.name) : [];
    const all = [...new Set([...allowed, ...sameQuantity])];
    // A unit of the fact's quantity, by name or English name (学时, class-hours).
    const accepted = v.unit !== null && (allowed.includes(v.unit) || (decl.quantity !== undefined && units.get(v.unit)?.quantity === decl.quantity));
    if (allowed.length === 0 ? v.unit === null : accepted) return true;
    const other = v.unit === null ? undefined : units.get(v.unit);
    if (other !== undefined && decl.quantity !== undefined) {
      this.report('E_UNIT_INCOMPATIBLE', v.range, { unit: v.unit!, quantity: other.quantity, name, factQuantity: decl.quantity, allowed: all.join(' ') });
      return false;
    }
    this.report('E_UNIT', v.range, { unit: v.unit ?? '', allowed: all.join(' ') || '—' });
    return false;
  }

  /** A value in the unit written, in the fact's profile unit (its first): exact; base names that unit when the scales differ. */
  private toProfileUnit(decl: FactDecl, value: Exact, unit: string | null): { value: Exact; base?: string } {
    const units = this.ctx.vocabulary.units;
    const from = unit === null ? undefined : units.get(unit);
    const to = decl.units.length > 0 ? units.get(decl.units[0]) : undefined;
    if (from === undefined || to === undefined || from.factor === to.factor) return { value };
    const f = exactOf(from.factor);
    const t = exactOf(to.factor);
    return { value: multiply(value, { n: f.n * t.d, d: f.d * t.n }), base: decl.units[0] };
  }

  private age(e: A.Compare, subject: string): Cond | undefined {
    if (e.cmp === null || e.value === null) return this.report('E_FACT_NEEDS_COMPARISON', e.range, { name: subject });
    if (e.on) {
      // 年龄 于 2023-09-30 >= 16岁: the age on a notice's fixed date.
      if (e.value.kind === 'BySex') return this.report('E_BY_SEX_AGE', e.value.range, { subject: `${subject} ${spelling('On', 'zh')} ${e.on.text}` });
      const day = this.date(e.on);
      const years = this.years(e.value, subject);
      return day === undefined || years === undefined ? undefined : { op: 'ageOn', date: e.on.text, cmp: e.cmp, years, range: e.range };
    }
    if (e.value.kind === 'BySex') {
      // 年龄 < 男 60岁 女 55岁: the ages by sex are the rule's data (the legal retirement age).
      const male = this.years(e.value.male, subject);
      const female = this.years(e.value.female, subject);
      if (male === undefined || female === undefined) return undefined;
      return { op: 'ageBySex', cmp: e.cmp, male, female, range: e.range };
    }
    const years = this.years(e.value, subject);
    return years === undefined ? undefined : { op: 'age', cmp: e.cmp, years, range: e.range };
  }

  /** An age in years (`16岁`, `16 years`); undefined after an error. */
  private years(v: A.Value, subject: string): number | undefined {
    if (v.kind !== 'Quantity') return this.report('E_TYPE_AGE', v.range, { subject, actual: refText(v) });
    if (v.unit === null || !AGE_UNITS.has(v.unit)) return this.report('E_UNIT', v.range, { unit: v.unit ?? '', allowed: AGE_UNITS_TEXT });
    const exact = this.exact(v);
    return exact && toNumber(exact);
  }
}

function refText(r: A.Ref): string {
  return r.kind === 'LevelNumber' ? levelNumberText(r.level) : r.alt ? `${r.text}/${r.alt}` : r.text;
}
