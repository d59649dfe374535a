// Explanations: why a level holds or not, what is missing and by how much, what to ask for when
// the answer is unknown, and which documents prove a matched route. Built from each clause's
// plan (metadata) with the same atom functions the compiled predicates call.
import { ageOn, experience, experienceAfter, leafTest, matchSchool, measured, measuredFromCertificate, SchoolMode } from './atoms.js';
import { formatDay } from './dates.js';
import { keep } from './memo.js';
import { Status, type Facts } from './facts.js';
import type { OccupationMeta } from './meta.js';
import type { Plan, SchoolSpec, TestedLeaf } from './plan.js';
import { and, F, T, triName, U, type Comparator, type Tri } from './tri.js';
import { LEVEL_NAMES, levelNumberText, scopeText, spelling, UNITS, type Level, type MessageLang } from './words.js';

export interface Text {
  zh: string;
  en: string;
}

/** A fact that would decide an unknown answer, by the profile field that holds it. */
export interface Ask {
  /** JSON Pointer into the profile. */
  field: string;
  reason: Text;
}

export interface ConditionExplanation {
  /** The kind of condition: the atom (experience, experienceAfter, holds, school …). */
  code: Plan['op'];
  status: 'met' | 'unmet' | 'unknown';
  /** What the condition requires. */
  text: Text;
  /** For quantities (days of experience, age in years, a fact's value): needed and present. */
  need?: number;
  have?: number;
  /** Upper bound of `have` when undated entries leave it open. */
  haveMax?: number;
  /** How much is missing, in the same unit as `need`. */
  short?: number;
  unit?: 'days' | 'years' | 'value';
  /** The shortfall in words: 需 3 年，现有 2 年 5 个月，还差 7 个月. */
  detail?: Text;
}

export interface ClauseShortfall {
  clause: string;
  text: string;
  status: 'unmet' | 'unknown';
  /** The conditions of the clause's closest route that do not hold. */
  conditions: ConditionExplanation[];
}

// Shared by every empty list of an explanation: never written to (callers copy what they output).
// Not frozen: a frozen array has its own elements kind, which slows every loop it flows through.
const NONE: never[] = [];

/**
 * `into` and `more` as one list. Lists are never written to once made, so one may be returned
 * as it is, and a holding leaf's explanation is one constant shared by every evaluation; a new
 * list has exactly the room it needs (a list grown by push starts with room for 17 elements, and
 * explanations are built for every clause of every level: allocation is most of their cost).
 */
function joined<T>(into: T[], more: T[]): T[] {
  if (more.length === 0) return into;
  if (into.length === 0) return more;
  if (into.length === 1 && more.length === 1) return [into[0], more[0]];
  return into.concat(more);
}

/** Appends to a list made by the caller, or to the shared empty one. */
function withAsk(asks: Ask[], ask: Ask): Ask[] {
  if (asks === NONE) return [ask];
  asks.push(ask);
  return asks;
}

/**
 * What proves a condition that holds: its documents (vocabulary `evidence`), resolved when the
 * plan is compiled; for a school, which document depends on the entry that matched (a diploma, or
 * the proof of final-year or current enrolment), so the three are kept and one is read from the facts.
 */
export interface Proof {
  documents: readonly Text[];
  school: { spec: SchoolSpec; enrolled: Text; finalYear: Text; diploma: Text } | null;
}

/** A plan explained on the facts (internal to the runtime). */
export interface Explained {
  status: Tri;
  /** Leaves that do not hold (for the closest alternative of an 或). */
  failing: ConditionExplanation[];
  /** What proves the leaves that hold, for evidence (complete only when the plan holds: only then is it read). */
  holding: Proof[];
  asks: Ask[];
  /** Closeness of the failing leaves (see `distance`); 0 when the plan holds. */
  distance: number;
  /**
   * Whether the plan may hold on a later day if ongoing work continues (for "from when"): false
   * when it needs a condition that does not hold now and that time does not change (a
   * certificate, training, a school, a declared fact, experience without ongoing work in scope).
   */
  later: boolean;
}

/**
 * A plan compiled to a function of the facts (see `Explainer.compiled`): it returns the status
 * and leaves the rest of its explanation in `explained`, to be read before the next call.
 */
export type ExplainPlan = (f: Facts) => Tri;

/**
 * The explanation of the plan explained last, but its status (which the call returns). Module
 * state, like the atoms' measured bounds: explaining makes no result object per plan node, and
 * every evaluation explains every clause of every level.
 */
export const explained: Omit<Explained, 'status'> = { failing: NONE, holding: NONE, asks: NONE, distance: 0, later: true };

/** Sets `explained` and returns the status. */
function said(status: Tri, failing: ConditionExplanation[], holding: Proof[], asks: Ask[], distance: number, later: boolean): Tri {
  explained.failing = failing;
  explained.holding = holding;
  explained.asks = asks;
  explained.distance = distance;
  explained.later = later;
  return status;
}

const levelZh = (level: number): string => LEVEL_NAMES[level as Level].zh;
// Indexed by the scope mask of a plan (1 本…, 2 相关…, 3 both; 0 none).
const SCOPE_ZH = [0, 1, 2, 3].map((mask) => scopeText('occupation', mask, 'zh'));
const SCOPE_EN = ['', 'this occupation', 'a related occupation', 'this or a related occupation'];
const MAJOR_ZH = [0, 1, 2, 3].map((mask) => scopeText('major', mask, 'zh'));
const MAJOR_EN = ['', 'the same major', 'a related major', 'the same or a related major'];
/** 累计 / continuous: how an experience condition counts, in the words of the language. */
const mode = (continuous: boolean, lang: MessageLang): string => spelling(continuous ? 'Continuous' : 'Cumulative', lang);
const CMP_ZH: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/** 2 年 5 个月 / 2 years 5 months: whole years of 365 days, then months of 30 days (display only). */
export function formatDays(days: number): Text {
  const d = Math.max(0, Math.round(days));
  return DAY_TEXTS.get(d) ?? keep(DAY_TEXTS, d, formatWholeDays(d));
}

const DAY_TEXTS = new Map<number, Text>();

function formatWholeDays(d: number): Text {
  const years = Math.floor(d / 365);
  const rest = d % 365;
  const months = Math.floor(rest / 30);
  const left = rest % 30;
  let zh = '';
  let en = '';
  const part = (n: number, zhUnit: string, enUnit: string): void => {
    zh += `${zh ? ' ' : ''}${n} ${zhUnit}`;
    en += `${en ? ' ' : ''}${n} ${enUnit}${n === 1 ? '' : 's'}`;
  };
  if (years) part(years, UNITS.years.zh[0], UNITS.years.one);
  if (months) part(months, '个月', 'month');
  if (left || (!years && !months)) part(left, UNITS.days.zh[0], UNITS.days.one);
  return Object.freeze({ zh, en });
}

// Shortfall texts are shared, like condition texts: the same few durations recur in every result.
const SHORTFALL_TEXTS = new Map<number, Text>();
const NO_CERTIFICATE_TEXTS = new Map<number, Text>();

/** 需 3 年，现有 2 年 5 个月，还差 7 个月 / needs 3 years, has …, … short. */
function shortfallText(days: number, need: number, lo: number, hi: number): Text {
  // Cached for whole-day amounts of a single bound (the common case), keyed by both numbers in
  // one small integer (a Map hashes those fastest): below 40,000 days, about 110 years.
  const cacheable = hi === lo && Number.isInteger(lo) && Number.isInteger(need) && lo >= 0 && lo < 40_000 && need >= 0 && need < 20_000 && days === need;
  const key = need * 40_000 + lo;
  if (cacheable) {
    const hit = SHORTFALL_TEXTS.get(key);
    if (hit) return hit;
  }
  const needT = formatDays(days);
  const haveT = hi !== lo ? { zh: `${formatDays(lo).zh}至${formatDays(hi).zh}`, en: `${formatDays(lo).en} to ${formatDays(hi).en}` } : formatDays(lo);
  const shortT = formatDays(need - lo);
  const text = Object.freeze({
    zh: `需 ${needT.zh}，现有 ${haveT.zh}，还差 ${shortT.zh}`,
    en: `needs ${needT.en}, has ${haveT.en}, ${shortT.en} short`,
  });
  return cacheable ? keep(SHORTFALL_TEXTS, key, text) : text;
}

function noCertificateText(level: number): Text {
  return (
    NO_CERTIFICATE_TEXTS.get(level) ??
    keep(NO_CERTIFICATE_TEXTS, level, Object.freeze({ zh: `尚未取得${levelZh(level)}或更高等级的证书`, en: `no ${levelNumberText(level)} or higher certificate yet` }))
  );
}

export class Explainer {
  /** Plans are static metadata: each node's text is built once per process. */
  private static readonly texts = new WeakMap<Plan, Text>();

  constructor(private readonly meta: OccupationMeta) {}

  private en(name: string): string {
    return this.meta.english[name] ?? name;
  }

  private kindText(kinds: number): Text {
    const names = this.meta.workKinds.filter((_, i) => (kinds & (1 << i)) !== 0);
    const isDefault = names.length === 1 && names[0] === this.meta.workKinds[0];
    return isDefault ? { zh: '工作', en: 'work' } : { zh: names.join('、'), en: names.map((n) => this.en(n)).join(', ') };
  }

  private levelText(level: number): Text {
    return { zh: levelZh(level), en: levelNumberText(level) };
  }

  /** What a condition requires, in both languages. */
  describe(p: Plan): Text {
    let text = Explainer.texts.get(p);
    if (!text) {
      text = this.describeUncached(p);
      Explainer.texts.set(p, text);
    }
    return text;
  }

  private describeUncached(p: Plan): Text {
    switch (p.op) {
      case 'experience': {
        const k = this.kindText(p.kinds);
        return {
          zh: `${mode(p.continuous, 'zh')}从事${SCOPE_ZH[p.scope]}${k.zh} ${CMP_ZH[p.cmp]} ${formatDays(p.days).zh}`,
          en: `${mode(p.continuous, 'en')} ${k.en} in ${SCOPE_EN[p.scope]} ${p.cmp} ${formatDays(p.days).en}`,
        };
      }
      case 'experienceAfter': {
        const k = this.kindText(p.kinds);
        const l = this.levelText(p.level);
        return {
          zh: `取得${SCOPE_ZH[p.certScope]}${l.zh}（或更高）证书后，${mode(p.continuous, 'zh')}从事${SCOPE_ZH[p.scope]}${k.zh} ${CMP_ZH[p.cmp]} ${formatDays(p.days).zh}`,
          en: `${k.en} in ${SCOPE_EN[p.scope]} after a ${l.en} (or higher) certificate of ${SCOPE_EN[p.certScope]} ${p.cmp} ${formatDays(p.days).en}`,
        };
      }
      case 'holds': {
        const l = this.levelText(p.level);
        return {
          zh: `持有${SCOPE_ZH[p.scope]}${l.zh}或更高等级的职业资格证书（技能等级证书）`,
          en: `a ${l.en} or higher certificate of ${SCOPE_EN[p.scope]}`,
        };
      }
      case 'holdsPrepTechnician':
        return { zh: `持有${SCOPE_ZH[p.scope]}预备技师证书`, en: `a preparatory-technician certificate of ${SCOPE_EN[p.scope]}` };
      case 'training': {
        const l = this.levelText(p.level);
        return p.exam
          ? { zh: `经${SCOPE_ZH[p.scope]}${l.zh}培训并考试合格`, en: `${l.en} training in ${SCOPE_EN[p.scope]} with the exam passed` }
          : { zh: `经${SCOPE_ZH[p.scope]}${l.zh}培训并取得结业证书`, en: `${l.en} training in ${SCOPE_EN[p.scope]} with a completion certificate` };
      }
      case 'apprenticeship':
        return { zh: `${SCOPE_ZH[p.scope]}学徒期满`, en: `a completed apprenticeship in ${SCOPE_EN[p.scope]}` };
      case 'school':
        return this.describeSchool(p.spec);
      case 'age':
        return { zh: `年龄 ${CMP_ZH[p.cmp]} ${p.years} 周岁`, en: `age ${p.cmp} ${p.years}` };
      case 'flag':
        return { zh: `声明：${p.name}`, en: `declared: ${this.en(p.name)}` };
      case 'fact':
        return { zh: `${p.name} ${CMP_ZH[p.cmp]} ${p.value}`, en: `${this.en(p.name)} ${p.cmp} ${p.value}` };
      case 'not': {
        const inner = this.describe(p.item);
        return { zh: `不得：${inner.zh}`, en: `not: ${inner.en}` };
      }
      case 'and':
      case 'or': {
        const parts = p.items.map((i) => this.describe(i));
        const zhJoin = p.op === 'and' ? '，且' : '；或';
        return { zh: `（${parts.map((x) => x.zh).join(zhJoin)}）`, en: `(${parts.map((x) => x.en).join(p.op === 'and' ? '; and ' : '; or ')})` };
      }
    }
  }

  private describeSchool(s: SchoolSpec): Text {
    const major = s.major ? { zh: `${MAJOR_ZH[s.major]}`, en: ` in ${MAJOR_EN[s.major]}` } : { zh: '', en: '' };
    const target = s.target ? { zh: `（以${s.target}技能为培养目标）`, en: ` assessed for ${this.en(s.target)} skills` } : { zh: '', en: '' };
    const tracks = s.tracks ? { zh: `（${s.tracks.join('、')}）`, en: ` (${s.tracks.map((t) => this.en(t)).join(', ')})` } : { zh: '', en: '' };
    const names = s.names ?? [];
    const zhNames = names.join('、');
    const enNames = names.map((n) => this.en(n)).join(', ');
    if (s.mode === SchoolMode.Enrolled) {
      return { zh: `${zhNames}${major.zh}在校生`, en: `enrolled at ${enNames}${major.en}` };
    }
    const finalYear = s.finalYear ? { zh: '（含应届毕业生）', en: ' (final-year students count)' } : { zh: '', en: '' };
    if (s.mode === SchoolMode.Degree) {
      const rankName = Object.keys(this.meta.ranks).find((n) => this.meta.ranks[n] === s.rank) ?? String(s.rank);
      return {
        zh: `${rankName}${s.orHigher ? spelling('OrHigher', 'zh') : ''}学历${major.zh}毕业证书${finalYear.zh}`,
        en: `a diploma at the level of ${this.en(rankName)}${s.orHigher ? ' or higher' : ''}${major.en}${finalYear.en}`,
      };
    }
    return {
      zh: `${zhNames}${tracks.zh}${target.zh}${major.zh}毕业证书${finalYear.zh}`,
      en: `a diploma of ${enNames}${tracks.en}${target.en}${major.en}${finalYear.en}`,
    };
  }

  /**
   * Explains a plan on the facts: its status, failing leaves (closest route), holding leaves, asks.
   * Lists that are empty are one shared array (internal: callers copy what they output).
   */
  explain(p: Plan, f: Facts): Explained {
    const status = this.compiled(p)(f);
    const x = explained;
    return { status, failing: x.failing, holding: x.holding, asks: x.asks, distance: x.distance, later: x.later };
  }

  /**
   * The plan compiled into a closure, once per explainer: parameters and texts are bound when it
   * is built, so explaining does not dispatch on the plan's many node shapes at every call.
   */
  compiled(p: Plan): ExplainPlan {
    let fn = this.plans.get(p);
    if (fn === undefined) {
      fn = this.compile(p);
      this.plans.set(p, fn);
    }
    return fn;
  }

  private readonly plans = new WeakMap<Plan, ExplainPlan>();

  private compile(p: Plan): ExplainPlan {
    switch (p.op) {
      case 'and': {
        const items = p.items.map((i) => this.compile(i));
        return (f) => {
          let status: Tri = T;
          let distance = 0;
          let later = true;
          let failing: ConditionExplanation[] = NONE;
          let holding: Proof[] = NONE;
          let asks: Ask[] = NONE;
          for (let i = 0; i < items.length; i++) {
            status = and(status, items[i](f));
            const x = explained;
            distance += x.distance;
            if (!x.later) later = false;
            failing = joined(failing, x.failing);
            if (status === T) holding = joined(holding, x.holding); // read only when it all holds
            asks = joined(asks, x.asks);
          }
          return said(status, failing, holding, asks, distance, later);
        };
      }
      case 'or': {
        const items = p.items.map((i) => this.compile(i));
        return (f) => {
          // The first route that holds wins; otherwise the closest one (first of equals) explains.
          let status: Tri = F;
          let failing: ConditionExplanation[] = NONE;
          let closest = Infinity;
          let later = false;
          let asks: Ask[] = NONE;
          for (let i = 0; i < items.length; i++) {
            const s = items[i](f);
            const x = explained;
            if (s === T) return x.asks.length === 0 ? T : said(T, NONE, x.holding, NONE, 0, true);
            if (s === U) status = U;
            if (x.later) later = true;
            if (x.distance < closest || i === 0) {
              failing = x.failing;
              closest = x.distance;
            }
            asks = joined(asks, x.asks);
          }
          return said(status, failing, NONE, asks, items.length > 0 ? closest : 0, later);
        };
      }
      case 'not': {
        const inner = this.compile(p.item);
        const text = this.describe(p);
        return (f) => {
          const s = inner(f);
          const status: Tri = s === U ? U : s === T ? F : T;
          const asks = explained.asks;
          // Time may change what is negated: a negation may hold later.
          if (status === T) return said(T, NONE, NONE, asks, 0, true);
          const leaf: ConditionExplanation = { code: 'not', status: triName(status), text };
          return said(status, [leaf], NONE, asks, status === U ? UNKNOWN_DISTANCE : UNMET_DISTANCE, true);
        };
      }
      case 'experience':
      case 'experienceAfter':
        return this.compileExperience(p);
      default: {
        const test = leafTest(p);
        const text = this.describe(p);
        const code = p.op;
        // Time changes none of these but age (projectFacts changes only work and the date).
        const later = code === 'age';
        // Only ages and facts have quantities; the others say more only when unknown (asks).
        const quantities = code === 'age' || code === 'fact';
        const holding = [this.proof(p)]; // never written to
        return (f) => {
          // First the status: a leaf that holds needs no text, quantities or asks (most of the cost).
          const status = test(f);
          if (status === T) return said(T, NONE, holding, NONE, 0, true);
          // Built in place, fields in output order (code, status, text, then the quantities).
          const leaf: ConditionExplanation = { code, status: triName(status), text };
          const asks = quantities || status === U ? this.describeShortfall(p, f, status, leaf) : NONE;
          return said(status, [leaf], NONE, asks, status === U ? UNKNOWN_DISTANCE : UNMET_DISTANCE, later);
        };
      }
    }
  }

  private compileExperience(p: Extract<Plan, { op: 'experience' | 'experienceAfter' }>): ExplainPlan {
    const text = this.describe(p);
    const { scope, kinds, continuous, cmp, days } = p;
    const code = p.op;
    const after = code === 'experienceAfter';
    const certScope = p.op === 'experienceAfter' ? p.certScope : 0;
    const level = p.op === 'experienceAfter' ? p.level : 5;
    const growing = cmp === '>=' || cmp === '>';
    const need = cmp === '>' ? days + 1 : days;
    const holding = [this.proof(p)]; // never written to
    return (f) => {
      // The atoms themselves, called directly: the bounds they measure are read below.
      const status = after ? experienceAfter(f, certScope, level, scope, kinds, continuous, cmp, days) : experience(f, scope, kinds, continuous, cmp, days);
      if (status === T) return said(T, NONE, holding, NONE, 0, true);
      // The measure behind the answer (the atom just took it): its bounds, and whether a
      // certificate to count from exists.
      const certificate = measuredFromCertificate();
      const { lo, hi } = measured();
      // A shortfall closes with time only by ongoing work in scope, counted from a certificate
      // already held (time brings no certificate).
      let later = !growing;
      for (let i = 0; !later && certificate && i < f.work.length; i++) {
        const w = f.work[i];
        if (w.ongoing && (w.rel & scope) !== 0 && (w.kind & kinds) !== 0) later = true;
      }
      // One literal per shape, fields in output order: adding fields one by one reallocates.
      const name = triName(status);
      let leaf: ConditionExplanation;
      let distance = status === U ? UNKNOWN_DISTANCE : UNMET_DISTANCE;
      if (!growing) {
        leaf = hi === lo ? { code, status: name, text, need: days, have: lo, unit: 'days' } : { code, status: name, text, need: days, have: lo, unit: 'days', haveMax: hi };
      } else {
        const short = Math.max(0, need - lo);
        const detail = certificate ? shortfallText(days, need, lo, hi) : noCertificateText(level);
        leaf =
          hi === lo
            ? { code, status: name, text, need: days, have: lo, unit: 'days', short, detail }
            : { code, status: name, text, need: days, have: lo, unit: 'days', haveMax: hi, short, detail };
        // Waiting closes the shortfall of experience counted from a certificate held.
        if (status !== U && certificate) distance = Math.min(short, 999_999);
      }
      return said(status, [leaf], NONE, status === U ? this.experienceAsks(f, p) : NONE, distance, later);
    };
  }

  /** Quantities, details and asks of a condition (not experience) that does not hold; returns the asks. */
  private describeShortfall(p: TestedLeaf, f: Facts, status: Tri, leaf: ConditionExplanation): Ask[] {
    let asks: Ask[] = NONE;
    switch (p.op) {
      case 'training':
        if (status === U) {
          for (const t of f.training) {
            if (t.level !== p.level || (t.rel & p.scope) === 0) continue;
            if ((p.exam ? t.examPassed : t.certificate) === undefined) {
              asks = withAsk(asks, {
                field: `/training/${t.index}/${p.exam ? 'examPassed' : 'certificate'}`,
                reason: p.exam
                  ? { zh: '需要培训考试是否合格', en: 'whether the training exam was passed' }
                  : { zh: '需要是否取得培训结业证书', en: 'whether the training completion certificate was obtained' },
              });
            }
          }
        }
        break;
      case 'apprenticeship':
        if (status === U) {
          for (const a of f.apprenticeships) {
            if ((a.rel & p.scope) !== 0 && a.completed === null) {
              asks = withAsk(asks, { field: `/apprenticeships/${a.index}/completed`, reason: { zh: '需要学徒期满日期', en: 'the date the apprenticeship was completed' } });
            }
          }
        }
        break;
      case 'school':
        if (status === U) asks = withAsk(asks, { field: '/education', reason: { zh: '需要学历信息', en: 'education (diplomas and enrolment)' } });
        break;
      case 'age': {
        if (f.birth === null) {
          asks = withAsk(asks, { field: '/birthDate', reason: { zh: '需要出生日期', en: 'the date of birth' } });
        } else {
          const years = ageOn(f.birth, f.asOf);
          leaf.need = p.years;
          leaf.have = years;
          leaf.unit = 'years';
          if (status === F) leaf.detail = { zh: `需年满 ${p.years} 周岁，现 ${years} 周岁`, en: `needs age ${p.years}, is ${years}` };
        }
        break;
      }
      case 'flag':
        if (status === U) asks = withAsk(asks, { field: `/facts/${p.name}`, reason: { zh: `需要说明：${p.name}`, en: `a statement: ${this.en(p.name)}` } });
        break;
      case 'fact': {
        const v = f.facts.get(p.name);
        if (typeof v === 'number') {
          leaf.need = p.value;
          leaf.have = v;
          leaf.unit = 'value';
          if (status === F) leaf.detail = { zh: `需 ${CMP_ZH[p.cmp]} ${p.value}，现为 ${v}`, en: `needs ${p.cmp} ${p.value}, is ${v}` };
          if (status === F && (p.cmp === '>=' || p.cmp === '>')) leaf.short = (p.cmp === '>' ? p.value + 1 : p.value) - v;
        }
        if (status === U) asks = withAsk(asks, { field: `/facts/${p.name}`, reason: { zh: `需要：${p.name}`, en: `the value of ${this.en(p.name)}` } });
        break;
      }
      default:
        break; // holds, holdsPrepTechnician: nothing more to say
    }
    return asks;
  }

  private experienceAsks(f: Facts, p: Extract<Plan, { op: 'experience' | 'experienceAfter' }>): Ask[] {
    const asks: Ask[] = [];
    for (const w of f.undatedWork) {
      if ((w.rel & p.scope) !== 0 && (w.kind & p.kinds) !== 0) {
        asks.push({ field: `/work/${w.index}/from`, reason: { zh: '需要工作起止日期', en: 'the start and end dates of this work' } });
      }
    }
    if (p.op === 'experienceAfter') {
      for (const c of f.certificates) {
        if (!c.prep && c.level >= 1 && c.level <= p.level && (c.rel & p.certScope) !== 0 && c.date === null) {
          asks.push({ field: `/certificates/${c.index}/date`, reason: { zh: '需要证书取得日期', en: 'the date the certificate was obtained' } });
        }
      }
    }
    return asks;
  }

  /** Documents proving the holding leaves of a matched route, each once, in the order they come. */
  evidence(holding: readonly Proof[], f: Facts): Text[] {
    let count = 0;
    for (let i = 0; i < holding.length; i++) {
      const { documents, school } = holding[i];
      if (school === null) {
        for (let k = 0; k < documents.length; k++) count = listedOnce(documents[k], count);
      } else {
        const e = f.education?.[matchSchool(f, school.spec)];
        count = listedOnce(school.spec.mode === SchoolMode.Enrolled ? school.enrolled : e && e.status !== Status.Graduated ? school.finalYear : school.diploma, count);
      }
    }
    const out = new Array<Text>(count);
    for (let i = 0; i < count; i++) out[i] = EVIDENCE[i];
    return out;
  }

  /** What proves a condition (the documents of its kind), made once per compiled leaf. */
  private proof(p: Plan): Proof {
    const docs = (...kinds: string[]): Proof => ({ documents: kinds.map((k) => this.document(k)), school: null });
    switch (p.op) {
      case 'experience':
        return docs('experience');
      case 'experienceAfter':
        return docs('certificate', 'experience');
      case 'holds':
        return docs('certificate');
      case 'holdsPrepTechnician':
        return docs('prepTechnician');
      case 'training':
        return docs(p.exam ? 'trainingExam' : 'trainingCertificate');
      case 'apprenticeship':
        return docs('apprenticeship');
      case 'school':
        return { documents: NONE, school: { spec: p.spec, enrolled: this.document('enrolled'), finalYear: this.document('finalYear'), diploma: this.document('diploma') } };
      case 'age':
        return docs('age');
      case 'flag':
      case 'fact':
        return docs('fact');
      default:
        return docs(); // 且, 或, 非 are not leaves: never asked
    }
  }

  /** The vocabulary's document of a kind; one object per kind, so that documents compare by identity. */
  private document(kind: string): Text {
    let text = this.documents.get(kind);
    if (text === undefined) {
      text = this.meta.evidence[kind] ?? { zh: kind, en: kind };
      this.documents.set(kind, text);
    }
    return text;
  }

  private readonly documents = new Map<string, Text>();
}

/** Appends `d` to the scratch list of one `evidence` call unless listed; returns the new count. */
function listedOnce(d: Text, count: number): number {
  for (let i = 0; i < count; i++) if (EVIDENCE[i] === d) return count;
  EVIDENCE[count] = d;
  return count + 1;
}

// The documents of one `evidence` call, in order (reused: a route holds a few leaves).
const EVIDENCE: Text[] = [];

/**
 * Closeness of a route: what time alone fixes (days of experience still to work) costs its days;
 * anything else missing (a certificate, a diploma, training) costs more than any wait; an unknown
 * condition costs half of that. A route's distance is the sum over its failing leaves.
 */
const UNMET_DISTANCE = 1_000_000;
const UNKNOWN_DISTANCE = 500_000;

export function dedupeAsks(asks: Ask[]): Ask[] {
  const seen = new Set<string>();
  return asks.filter((a) => (seen.has(a.field) ? false : (seen.add(a.field), true)));
}

export { formatDay };
