// Explanations: why a level holds or not, what is missing and by how much, what to ask for when
// the answer is unknown, and which documents prove a matched route. Built from each clause's
// plan (metadata) with the same atom functions the compiled predicates call; the words of it all
// come from explain-text.ts.
import { ageOn, experience, experienceAfter, leafTest, matchSchool } from './atoms.js';
import { ageShortfall, timeShortfall } from './explain-time.js';
import { ageDetail, ASK_REASONS, Describer, factDetail, noCertificateText, noValueDetail, shortfallText } from './explain-text.js';
import type { Ask, ClauseShortfall, ConditionExplanation, Explained, Proof, Text } from './explanation.js';
import { NO_VALUE, Sex, Status, type Facts } from './facts.js';
import type { OccupationMeta } from './meta.js';
import { SchoolMode, type Plan, type SchoolSpec, type TestedLeaf } from './plan.js';
import { EVIDENCE, explained, measure } from './scratch.js';
import { eventAsks } from './events.js';
import { and, F, T, triName, U, type Tri } from './tri.js';

export type { Ask, ClauseShortfall, ConditionExplanation, Explained, Proof, Text } from './explanation.js';

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
 * A plan compiled to a function of the facts (see `Explainer.compiled`): it returns the status
 * and leaves the rest of its explanation in `explained`, to be read before the next call.
 */
export type ExplainPlan = (f: Facts) => Tri;

/** Sets `explained` (scratch.ts: the explanation of the plan explained last) and returns the status. */
function said(status: Tri, failing: ConditionExplanation[], holding: Proof[], asks: Ask[], distance: number, later: boolean): Tri {
  explained.failing = failing;
  explained.holding = holding;
  explained.asks = asks;
  explained.distance = distance;
  explained.later = later;
  return status;
}

export class Explainer {
  /** The words of this occupation's conditions. */
  private readonly words: Describer;

  constructor(private readonly meta: OccupationMeta) {
    this.words = new Describer(meta);
  }

  /** What a condition requires, in both languages. */
  describe(p: Plan): Text {
    return this.words.describe(p);
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
        // Time changes none of these but age (projectFacts changes only work and the date; a
        // work period that does not include the as-of date never will: no new one starts).
        // Insured months grow with an ongoing insured period (up to the as-of date only).
        // A cap over a window of events (< N in this calendar year) also: events leave the window, none come.
        const later = code === 'age' || code === 'ageBySex' || (p.op === 'insured' && p.until === null) || (p.op === 'events' && p.window !== 0 && (p.cmp === '<' || p.cmp === '<='));
        // Only ages, facts and insured months have quantities; the others say more only when unknown (asks).
        const quantities = code === 'age' || code === 'ageBySex' || code === 'fact' || code === 'ageOn' || code === 'insured' || code === 'certWindow';
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
      const certificate = measure.found;
      const lo = measure.lo;
      const hi = measure.hi;
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
                reason: p.exam ? ASK_REASONS.trainingExam() : ASK_REASONS.trainingCertificate(),
              });
            }
          }
        }
        break;
      case 'apprenticeship':
        if (status === U) {
          for (const a of f.apprenticeships) {
            if ((a.rel & p.scope) !== 0 && a.completed === null) {
              asks = withAsk(asks, { field: `/apprenticeships/${a.index}/completed`, reason: ASK_REASONS.apprenticeship() });
            }
          }
        }
        break;
      case 'school':
        if (status === U) asks = withAsk(asks, { field: '/education', reason: ASK_REASONS.education() });
        break;
      case 'age': {
        const ask = ageShortfall(f, f.asOf, p.years, status, leaf);
        if (ask) asks = withAsk(asks, ask);
        break;
      }
      case 'flag':
        if (status === U) asks = withAsk(asks, { field: `/facts/${p.name}`, reason: ASK_REASONS.flag(p.name, this.words.en(p.name)) });
        break;
      case 'ageBySex':
      case 'category':
      case 'working':
        asks = this.conceptShortfall(p, f, status, leaf);
        break;
      case 'events':
        if (status === U) asks = eventAsks(f, p);
        break;
      case 'certWindow':
      case 'certDated':
      case 'ageOn':
      case 'insured':
        asks = timeShortfall(p, f, status, leaf);
        break;
      case 'fact': {
        const v = f.facts.get(p.name);
        if (v === NO_VALUE) leaf.detail = noValueDetail(p.cmp, p.value);
        if (typeof v === 'number') {
          leaf.need = p.value;
          leaf.have = v;
          leaf.unit = 'value';
          if (status === F) leaf.detail = factDetail(p, v);
          if (status === F && (p.cmp === '>=' || p.cmp === '>')) leaf.short = (p.cmp === '>' ? p.value + 1 : p.value) - v;
        }
        if (status === U) asks = withAsk(asks, { field: `/facts/${p.name}`, reason: ASK_REASONS.fact(p.name, this.words.en(p.name)) });
        break;
      }
      default:
        break; // holds, holdsPrepTechnician: nothing more to say
    }
    return asks;
  }

  /** Quantities and asks of ages by sex, categories and current work (the concepts of issue 24). */
  private conceptShortfall(p: Extract<TestedLeaf, { op: 'ageBySex' | 'category' | 'working' }>, f: Facts, status: Tri, leaf: ConditionExplanation): Ask[] {
    let asks: Ask[] = NONE;
    switch (p.op) {
      case 'ageBySex':
        if (f.birth === null) asks = withAsk(asks, { field: '/birthDate', reason: ASK_REASONS.birthDate() });
        else {
          const years = ageOn(f.birth, f.asOf);
          leaf.have = years;
          leaf.unit = 'years';
          if (f.sex === Sex.Male || f.sex === Sex.Female) {
            leaf.need = f.sex === Sex.Male ? p.male : p.female;
            if (status === F) leaf.detail = ageDetail(leaf.need, years);
          }
        }
        if (status === U && f.sex === Sex.Unknown) asks = withAsk(asks, { field: '/sex', reason: ASK_REASONS.sex() });
        break;
      case 'category':
        if (status === U) asks = withAsk(asks, { field: '/categories', reason: ASK_REASONS.categories() });
        break;
      case 'working':
        if (status === U) {
          for (const w of f.undatedWork) {
            if ((w.rel & p.scope) !== 0 && (w.kind & p.kinds) !== 0) asks = withAsk(asks, { field: `/work/${w.index}/from`, reason: ASK_REASONS.workDates() });
          }
        }
        break;
    }
    return asks;
  }

  private experienceAsks(f: Facts, p: Extract<Plan, { op: 'experience' | 'experienceAfter' }>): Ask[] {
    const asks: Ask[] = [];
    for (const w of f.undatedWork) {
      if ((w.rel & p.scope) !== 0 && (w.kind & p.kinds) !== 0) {
        asks.push({ field: `/work/${w.index}/from`, reason: ASK_REASONS.workDates() });
      }
    }
    if (p.op === 'experienceAfter') {
      for (const c of f.certificates) {
        if (!c.prep && c.level >= 1 && c.level <= p.level && (c.rel & p.certScope) !== 0 && c.date === null) {
          asks.push({ field: `/certificates/${c.index}/date`, reason: ASK_REASONS.certificateDate() });
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
      case 'ageBySex':
      case 'ageOn':
        return docs('age');
      case 'certWindow':
      case 'certDated':
        return docs('certificate');
      case 'insured':
        return docs('insurance');
      case 'working':
        return docs('experience');
      case 'flag':
      case 'fact':
      case 'category':
        return docs('fact');
      case 'events':
        return docs('events');
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

