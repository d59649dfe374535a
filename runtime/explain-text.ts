// The words of explanations: what a condition requires, shortfalls, durations, the reasons of
// asks and the details of quantities, in Chinese and English. Sentence building only: what holds
// and by how much is decided in explain.ts, which calls these with the numbers.
import type { Text } from './explanation.js';
import { keep } from './memo.js';
import type { OccupationMeta } from './meta.js';
import { SchoolMode, type Plan, type SchoolSpec } from './plan.js';
import type { Comparator } from './tri.js';
import { INSURANCE_SCHEMES, LEVEL_NAMES, levelNumberText, scopeText, spelling, UNITS, type InsuranceScheme, type Level, type MessageLang } from './words.js';

const levelZh = (level: number): string => LEVEL_NAMES[level as Level].zh;
// Indexed by the scope mask of a plan (1 本…, 2 相关…, 3 both; 7 任意职业; 0 none).
const SCOPE_ZH = [0, 1, 2, 3, 4, 5, 6, 7].map((mask) => scopeText('occupation', mask, 'zh'));
const SCOPE_EN = ['', 'this occupation', 'a related occupation', 'this or a related occupation', '', '', '', 'any occupation'];
const MAJOR_ZH = [0, 1, 2, 3].map((mask) => scopeText('major', mask, 'zh'));
const MAJOR_EN = ['', 'the same major', 'a related major', 'the same or a related major'];
/** 累计 / continuous: how an experience condition counts, in the words of the language. */
const mode = (continuous: boolean, lang: MessageLang): string => spelling(continuous ? 'Continuous' : 'Cumulative', lang);
const CMP_ZH: Record<Comparator, string> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<', '=': '=' };

/**
 * 2 年 5 个月 / 2 years 5 months: whole years of 365 days, then months of a twelfth of a year
 * (display only). Month m starts at day ⌊m × 365 / 12⌋, so 12 months are a year and a text never
 * says "12 个月" (363 days are 11 个月 29 天, not 12 个月 3 天).
 */
export function formatDays(days: number): Text {
  const d = Math.max(0, Math.round(days));
  return DAY_TEXTS.get(d) ?? keep(DAY_TEXTS, d, formatWholeDays(d));
}

const DAY_TEXTS = new Map<number, Text>();

function formatWholeDays(d: number): Text {
  const years = Math.floor(d / 365);
  const rest = d % 365;
  let months = Math.min(11, Math.floor((rest * 12) / 365));
  while (months < 11 && monthStart(months + 1) <= rest) months++;
  const left = rest - monthStart(months);
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

/** The first day of month m of a year (0–11), counted from day 0. */
const monthStart = (m: number): number => Math.floor((m * 365) / 12);

// Shortfall texts are shared, like condition texts: the same few durations recur in every result.
const SHORTFALL_TEXTS = new Map<number, Text>();
const NO_CERTIFICATE_TEXTS = new Map<number, Text>();

/** 需 3 年，现有 2 年 5 个月，还差 7 个月 / needs 3 years, has …, … short. */
export function shortfallText(days: number, need: number, lo: number, hi: number): Text {
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

export function noCertificateText(level: number): Text {
  return (
    NO_CERTIFICATE_TEXTS.get(level) ??
    keep(NO_CERTIFICATE_TEXTS, level, Object.freeze({ zh: `尚未取得${levelZh(level)}或更高等级的证书`, en: `no ${levelNumberText(level)} or higher certificate yet` }))
  );
}

/** Describes the conditions of one occupation (its vocabulary names the kinds, schools and facts). */
export class Describer {
  /** Plans are static metadata: each node's text is built once per process. */
  private static readonly texts = new WeakMap<Plan, Text>();

  constructor(private readonly meta: OccupationMeta) {}

  /** A vocabulary name in English (the name itself when the vocabulary gives none). */
  en(name: string): string {
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
    let text = Describer.texts.get(p);
    if (!text) {
      text = this.describeUncached(p);
      Describer.texts.set(p, text);
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
        return { zh: `${p.name} ${CMP_ZH[p.cmp]} ${withUnit(p.written ?? p.value, p.unit)}`, en: `${this.en(p.name)} ${p.cmp} ${withUnit(p.written ?? p.value, p.unit)}` };
      case 'ageBySex':
        return {
          zh: `年龄 ${CMP_ZH[p.cmp]} ${p.male} 周岁（男）、${p.female} 周岁（女）`,
          en: `age ${p.cmp} ${p.male} (men), ${p.female} (women)`,
        };
      case 'category':
        return { zh: `人员类别：${p.name}`, en: `applicant category: ${this.en(p.name)}` };
      case 'working': {
        const k = this.kindText(p.kinds);
        return { zh: `目前在${SCOPE_ZH[p.scope]}${k.zh}（工作期间含判定日）`, en: `currently in ${k.en} in ${SCOPE_EN[p.scope]} (a period that includes the as-of date)` };
      }
      case 'events':
        return this.describeEvents(p);
      case 'certWindow':
      case 'certDated':
      case 'ageOn':
      case 'insured':
        return this.describeTime(p);
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

  /** 本自然年内本职业本级补贴申领记录 < 3 次 / subsidy-claim events …; 市级一类竞赛前 10 名 / placed in the top 10 of …. */
  private describeEvents(p: Extract<Plan, { op: 'events' }>): Text {
    const windowText = [{ zh: '', en: '' }, { zh: '本自然年内', en: ' in the as-of date\'s calendar year' }, { zh: '近十二个月内', en: ' in the past twelve months' }][p.window];
    const level = p.level === 0 ? { zh: '', en: '' } : { zh: this.levelText(p.level).zh, en: ` at ${this.levelText(p.level).en}` };
    if (p.top > 0) {
      const place = p.percent ? { zh: `前 ${p.top}%`, en: `the top ${p.top}%` } : { zh: `前 ${p.top} 名`, en: `the top ${p.top}` };
      const tier = p.tier ?? '';
      const times = p.cmp === '>=' && p.count === 1 ? { zh: '', en: '' } : { zh: `（次数 ${CMP_ZH[p.cmp]} ${p.count}）`, en: ` (${p.cmp} ${p.count} times)` };
      return {
        zh: `${windowText.zh}获得${SCOPE_ZH[p.scope]}${level.zh}${tier}${place.zh}${times.zh}`,
        en: `placed in ${place.en} of a competition of tier ${this.en(tier)} in ${SCOPE_EN[p.scope]}${level.en}${windowText.en}${times.en}`,
      };
    }
    const kind = p.kind ?? '';
    return {
      zh: `${windowText.zh}${SCOPE_ZH[p.scope]}${level.zh}${kind}记录 ${CMP_ZH[p.cmp]} ${p.count} 次`,
      en: `${this.en(kind)} events in ${SCOPE_EN[p.scope]}${level.en}${windowText.en} ${p.cmp} ${p.count}`,
    };
  }

  /** Windows, dated certificates, ages on a fixed date, insured months (issue 20). */
  private describeTime(p: Extract<Plan, { op: 'certWindow' | 'certDated' | 'ageOn' | 'insured' }>): Text {
    switch (p.op) {
      case 'certWindow': {
        const l = this.levelText(p.level);
        return { zh: `自${SCOPE_ZH[p.scope]}${l.zh}证书核发之日起 ${p.months} 个月内`, en: `within ${p.months} months from the issue of the ${l.en} certificate of ${SCOPE_EN[p.scope]}` };
      }
      case 'certDated': {
        const l = this.levelText(p.level);
        return { zh: `${SCOPE_ZH[p.scope]}${l.zh}证书于 ${p.from} 至 ${p.to} 期间取得`, en: `the ${l.en} certificate of ${SCOPE_EN[p.scope]} obtained from ${p.from} to ${p.to}` };
      }
      case 'ageOn':
        return { zh: `${p.date} 时年龄 ${CMP_ZH[p.cmp]} ${p.years} 周岁`, en: `age on ${p.date} ${p.cmp} ${p.years}` };
      case 'insured': {
        const s = INSURANCE_SCHEMES[p.scheme as InsuranceScheme];
        const until = p.until && this.levelText(p.until.level);
        return until
          ? { zh: `截至${SCOPE_ZH[p.until!.scope]}${until.zh}证书核发之日累计缴纳${s.zh}费 ${CMP_ZH[p.cmp]} ${p.months} 个月`, en: `${s.en} paid up to the issue of the ${until.en} certificate of ${SCOPE_EN[p.until!.scope]} ${p.cmp} ${p.months} months` }
          : { zh: `累计缴纳${s.zh}费 ${CMP_ZH[p.cmp]} ${p.months} 个月`, en: `${s.en} paid ${p.cmp} ${p.months} months` };
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
}

const EVENT_FIELDS_ZH: Record<string, string> = { date: '日期', level: '等级', rank: '名次', field: '参赛人数' };

/** Why an ask is made: the fact that would decide an unknown condition. */
export const ASK_REASONS = {
  trainingExam: (): Text => ({ zh: '需要培训考试是否合格', en: 'whether the training exam was passed' }),
  trainingCertificate: (): Text => ({ zh: '需要是否取得培训结业证书', en: 'whether the training completion certificate was obtained' }),
  apprenticeship: (): Text => ({ zh: '需要学徒期满日期', en: 'the date the apprenticeship was completed' }),
  education: (): Text => ({ zh: '需要学历信息', en: 'education (diplomas and enrolment)' }),
  birthDate: (): Text => ({ zh: '需要出生日期', en: 'the date of birth' }),
  workDates: (): Text => ({ zh: '需要工作起止日期', en: 'the start and end dates of this work' }),
  certificateDate: (): Text => ({ zh: '需要证书取得日期', en: 'the date the certificate was obtained' }),
  /** A declared yes/no fact, by its name and English name. */
  flag: (name: string, en: string): Text => ({ zh: `需要说明：${name}`, en: `a statement: ${en}` }),
  /** A declared numeric fact. */
  fact: (name: string, en: string): Text => ({ zh: `需要：${name}`, en: `the value of ${en}` }),
  sex: (): Text => ({ zh: '需要性别（或 18 位身份证号码）', en: 'the sex (or the 18-digit identity number)' }),
  insurance: (): Text => ({ zh: '需要社会保险参保缴费记录', en: 'the social insurance record (insured periods)' }),
  categories: (): Text => ({ zh: '需要人员类别（如退役士兵、在校生）', en: 'the applicant categories (veteran, student …)' }),
  /** An event's field that decides whether it counts (its date, level, rank or field size). */
  event: (field: string): Text => ({ zh: `需要该记录的${EVENT_FIELDS_ZH[field] ?? field}`, en: `the event's ${field}` }),
};

/** 证书核发之日起的期限已于 2024-03-14 届满 / the window closed on 2024-03-14. */
export function windowClosedDetail(last: string): Text {
  return { zh: `期限已于 ${last} 届满（逾期）`, en: `the window closed on ${last}` };
}

/** 需 ≥ 36 个月，现 30 个月 / needs >= 36 months, has 30. */
export function monthsDetail(cmp: Comparator, need: number, have: number, haveMax: number): Text {
  const h = haveMax === have ? `${have}` : `${have}–${haveMax}`;
  return { zh: `需 ${CMP_ZH[cmp]} ${need} 个月，现 ${h} 个月`, en: `needs ${cmp} ${need} months, has ${h}` };
}

/** 需 ≤ 3，现为 无 / needs <= 3, is none: a numeric fact given as 无/none, without a vocabulary value for it. */
export function noValueDetail(cmp: Comparator, value: number): Text {
  return { zh: `需 ${CMP_ZH[cmp]} ${value}，现为 无`, en: `needs ${cmp} ${value}, is none` };
}

/** 需年满 16 周岁，现 15 周岁 / needs age 16, is 15. */
export function ageDetail(need: number, years: number): Text {
  return { zh: `需年满 ${need} 周岁，现 ${years} 周岁`, en: `needs age ${need}, is ${years}` };
}

/**
 * 需 ≥ 100000km，现为 80000km / needs >= 100000 km, is 80000 km: in the unit the rule wrote. A rule
 * written in another scale says both: 需 ≥ 10万公里（100000km），现为 80000km.
 */
export function factDetail(p: { cmp: Comparator; value: number; unit?: string; written?: string; base?: string }, v: number): Text {
  const need = withUnit(p.written ?? p.value, p.unit);
  const exact = p.base !== undefined || (p.written !== undefined && p.written !== String(p.value)) ? withUnit(p.value, p.base ?? p.unit) : undefined;
  const have = withUnit(v, p.base ?? p.unit);
  return {
    zh: `需 ${CMP_ZH[p.cmp]} ${need}${exact === undefined ? '' : `（${exact}）`}，现为 ${have}`,
    en: `needs ${p.cmp} ${need}${exact === undefined ? '' : ` (${exact})`}, is ${have}`,
  };
}

/** A value with the unit a rule wrote: a Latin unit after a space (5 km), any other attached (3名), as the printer writes them. */
export function withUnit(value: number | string, unit: string | undefined): string {
  if (unit === undefined || unit === '') return String(value);
  return /^[A-Za-z]/.test(unit) ? `${value} ${unit}` : `${value}${unit}`;
}

/** Why a level is not judged (runtime/offered.ts): never ineligible. */
export const NOT_OFFERED_TEXT: Readonly<Record<'not-offered' | 'no-condition', Text>> = {
  'not-offered': { zh: '本期未开考该等级（不作判定）', en: 'not offered at this sitting (not judged)' },
  'no-condition': { zh: '来源中没有该等级的报名条件（不作判定）', en: 'no condition in the source (not judged)' },
};
