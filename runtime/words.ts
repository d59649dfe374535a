// The words of the rule language, declared once: keywords and scopes with their Chinese and
// English spellings, units, built-in names, level names, and the two message languages. The
// lexer, parser, visitor and printer (grammar/), the checker and `zige fmt --lang` (compiler/),
// the explanations (runtime/) and the report (cli/) all derive from these tables.
//
// Why runtime/: the runtime prints some of these words (level and scope names in explanations)
// and must import nothing of the project, since generated modules ship with it alone. grammar/
// may import runtime/ (a downward import); runtime/ importing grammar/ would be upward.

/** The languages of messages, reports and keywords. */
export const MESSAGE_LANGS = ['zh', 'en'] as const;
export type MessageLang = (typeof MESSAGE_LANGS)[number];

/** What diagnostics are printed in: one language or both (`--lang zh|en|both`). */
export const OUTPUT_LANGS = [...MESSAGE_LANGS, 'both'] as const;
export type OutputLang = (typeof OUTPUT_LANGS)[number];

export function isOutputLang(s: string): s is OutputLang {
  return (OUTPUT_LANGS as readonly string[]).includes(s);
}

/** Skill level: 1 = 一级/高级技师 … 5 = 五级/初级工. */
export type Level = 1 | 2 | 3 | 4 | 5;

/** Levels in report order: 五级 first. */
export const LEVELS: readonly Level[] = [5, 4, 3, 2, 1];

/** Each level's 等级 name, its 职业资格 title, and its English name. */
export const LEVEL_NAMES: Readonly<Record<Level, { readonly zh: string; readonly title: string; readonly en: string }>> = {
  5: { zh: '五级', title: '初级工', en: 'entry' },
  4: { zh: '四级', title: '中级工', en: 'intermediate' },
  3: { zh: '三级', title: '高级工', en: 'advanced' },
  2: { zh: '二级', title: '技师', en: 'technician' },
  1: { zh: '一级', title: '高级技师', en: 'senior technician' },
};

/** What a word does in an expression. */
export type WordRole = 'connective' | 'atom' | 'modifier' | 'scope' | 'level';

/** The family of a scope and its mask: 1 本职业/本专业, 2 相关, 3 both. */
export interface ScopeMeaning {
  readonly value: string;
  readonly family: 'occupation' | 'major';
  /** 7 (任意职业) adds bit 4, unrelated (无关): every entry whatever its occupation or relation. */
  readonly mask: 1 | 2 | 3 | 7;
}

export interface Word {
  readonly role: WordRole;
  /** Chinese spellings; the first is the one printed. */
  readonly zh: readonly string[];
  /** English spellings; the first is the one printed; none: English writes nothing (后). */
  readonly en: readonly string[];
  /** For a scope: the AST value it stands for. */
  readonly scope?: ScopeMeaning;
}

/**
 * Every keyword, by token name (the parser and visitor refer to a word by this name). A keyword
 * with two spellings in a language is one entry; the lexer orders the spellings itself (a
 * spelling that begins another is tried after it), so a new spelling is one more string here.
 */
const TABLE = {
  ScopeSameOrRelatedMajor: { role: 'scope', zh: ['本专业或相关专业'], en: ['same-or-related-major'], scope: { value: 'same-or-related-major', family: 'major', mask: 3 } },
  ScopeSameOrRelated: { role: 'scope', zh: ['本职业或相关职业'], en: ['same-or-related'], scope: { value: 'same-or-related', family: 'occupation', mask: 3 } },
  ScopeSameMajor: { role: 'scope', zh: ['本专业'], en: ['same-major'], scope: { value: 'same-major', family: 'major', mask: 1 } },
  ScopeRelatedMajor: { role: 'scope', zh: ['相关专业'], en: ['related-major'], scope: { value: 'related-major', family: 'major', mask: 2 } },
  ScopeSame: { role: 'scope', zh: ['本职业'], en: ['same'], scope: { value: 'same', family: 'occupation', mask: 1 } },
  ScopeRelated: { role: 'scope', zh: ['相关职业'], en: ['related'], scope: { value: 'related', family: 'occupation', mask: 2 } },
  // Experience in any job (工作年限): every entry, whatever its occupation or relation.
  ScopeAny: { role: 'scope', zh: ['任意职业'], en: ['any-occupation'], scope: { value: 'any', family: 'occupation', mask: 7 } },
  // English writes these two as two words: `cumulative experience`.
  CumulativeExperience: { role: 'atom', zh: ['累计从业'], en: [] },
  ContinuousExperience: { role: 'atom', zh: ['连续从业'], en: [] },
  Cumulative: { role: 'modifier', zh: ['累计'], en: ['cumulative'] },
  Continuous: { role: 'modifier', zh: ['连续'], en: ['continuous'] },
  Experience: { role: 'atom', zh: ['从业'], en: ['experience'] },
  After: { role: 'atom', zh: ['取得'], en: ['after'] },
  AfterEnd: { role: 'modifier', zh: ['后'], en: [] },
  Holds: { role: 'atom', zh: ['持有'], en: ['holds'] },
  Training: { role: 'atom', zh: ['培训'], en: ['training'] },
  Completed: { role: 'modifier', zh: ['结业'], en: ['completed'] },
  ExamPassed: { role: 'modifier', zh: ['考试合格'], en: ['exam-passed'] },
  Apprenticeship: { role: 'atom', zh: ['学徒期满'], en: ['apprenticeship'] },
  Graduated: { role: 'atom', zh: ['毕业'], en: ['graduated'] },
  Degree: { role: 'atom', zh: ['学历'], en: ['education'] },
  Enrolled: { role: 'atom', zh: ['在校'], en: ['enrolled'] },
  OrHigher: { role: 'modifier', zh: ['及以上'], en: ['or-higher'] },
  Target: { role: 'modifier', zh: ['目标'], en: ['target'] },
  InclFinalYear: { role: 'modifier', zh: ['含应届'], en: ['incl-final-year'] },
  // An applicant category of the vocabulary (退役士兵, 在校生 …): `类别 退役士兵`.
  Category: { role: 'atom', zh: ['类别'], en: ['category'] },
  // A work period that includes the as-of date: `在职 本职业`.
  Working: { role: 'atom', zh: ['在职'], en: ['currently-working'] },
  // Ages by sex, for the legal retirement age: `年龄 < 男 60岁 女 55岁`.
  Male: { role: 'modifier', zh: ['男'], en: ['male'] },
  Female: { role: 'modifier', zh: ['女'], en: ['female'] },
  // Past events (issue 20): a competition placing `获奖 本职业 市级一类竞赛 前10名` / `前30%`, and a
  // count of recorded events `记录 补贴申领 本职业 本级 本自然年 < 3次`.
  Placed: { role: 'atom', zh: ['获奖'], en: ['placed'] },
  Top: { role: 'modifier', zh: ['前'], en: ['top'] },
  Events: { role: 'atom', zh: ['记录'], en: ['events'] },
  ThisLevel: { role: 'modifier', zh: ['本级'], en: ['this-level'] },
  CalendarYear: { role: 'modifier', zh: ['本自然年'], en: ['this-calendar-year'] },
  TwelveMonths: { role: 'modifier', zh: ['近十二个月'], en: ['past-twelve-months'] },
  // Time beyond "from when" (issue 20): a window that closes after a certificate's date
  // (`取得 本职业 五级 后 不超过 12个月`), a certificate dated in a range (`取得 本职业 五级 于 2022-01-01
  // 至 2022-12-31`), age on a fixed date (`年龄 于 2023-09-30 >= 16岁`), and insured months counted as
  // of a certificate's date (`参保 失业保险 截至 本职业 五级 >= 36个月`).
  Within: { role: 'modifier', zh: ['不超过'], en: ['within'] },
  On: { role: 'modifier', zh: ['于'], en: ['on'] },
  To: { role: 'modifier', zh: ['至'], en: ['to'] },
  Insured: { role: 'atom', zh: ['参保'], en: ['insured'] },
  Until: { role: 'modifier', zh: ['截至'], en: ['until'] },
  // `level 4`: the same in both languages, so it tells nothing about a text's language.
  Level: { role: 'level', zh: [], en: ['level'] },
  And: { role: 'connective', zh: ['且', '并且'], en: ['and'] },
  Or: { role: 'connective', zh: ['或'], en: ['or'] },
  Not: { role: 'connective', zh: ['非'], en: ['not'] },
} as const satisfies Record<string, Word>;

export type WordName = keyof typeof TABLE;

export const WORDS: Readonly<Record<WordName, Word>> = TABLE;

type ScopeOf<W> = W extends { scope: { value: infer V } } ? V : never;

/** What a scope means in the AST: same, related, same-or-related, same-major, … */
export type ScopeValue = ScopeOf<(typeof TABLE)[WordName]>;

/** The printed spelling of a word in `lang`; '' when that language writes nothing. */
export function spelling(name: WordName, lang: MessageLang): string {
  return WORDS[name][lang][0] ?? '';
}

/** `level 4` in every language: how expressions and English texts name a level by number. */
export function levelNumberText(level: number | string): string {
  return `${spelling('Level', 'en')} ${level}`;
}

/** The words for each scope value (same, related-major, …), in table order. */
export function scopeWords(): { name: WordName; scope: ScopeMeaning }[] {
  const out: { name: WordName; scope: ScopeMeaning }[] = [];
  for (const [name, word] of Object.entries(WORDS) as [WordName, Word][]) if (word.scope) out.push({ name, scope: word.scope });
  return out;
}

/** The printed spelling of a scope, by family and mask (explanations index scopes by mask). */
export function scopeText(family: ScopeMeaning['family'], mask: number, lang: MessageLang): string {
  const found = scopeWords().find((s) => s.scope.family === family && s.scope.mask === mask);
  return found ? spelling(found.name, lang) : '';
}

/** Units of durations and ages: Chinese spellings (the first printed), English singular and plural. */
export interface UnitWords {
  readonly zh: readonly string[];
  readonly one: string;
  readonly many: string;
}

export const UNITS = {
  years: { zh: ['年'], one: 'year', many: 'years' },
  days: { zh: ['天', '日'], one: 'day', many: 'days' },
  age: { zh: ['岁', '周岁'], one: 'year', many: 'years' },
  /** Counts of events (`< 3次`) and placings (`前10名`). */
  times: { zh: ['次'], one: 'time', many: 'times' },
  places: { zh: ['名'], one: 'place', many: 'places' },
  // Windows and insured months (issue 20): calendar months.
  // A month of experience is a twelfth of a year (365/12 days), as explanations already count months.
  months: { zh: ['个月'], one: 'month', many: 'months' },
} as const satisfies Record<string, UnitWords>;

/**
 * Numbers as printed (docs/language.md, "Numbers as printed"), a closed grammar: digits, optionally
 * grouped by threes with ONE of these separators throughout (`100 000`, `100,000`), an optional
 * decimal part with `.`, and an optional scale attached at the end (`10万`, `1.5万`, `0.1万`).
 * Nothing else is a number: no Chinese numerals (十, 两), no full-width digits, no exponent.
 */
export const NUMERAL_SCALES: Readonly<Record<string, number>> = { 万: 4, 亿: 8 };
export const NUMERAL_GROUP_SEPARATORS = [' ', ',', '\u2009', '\u202f'] as const;

/** Names the language knows without the vocabulary. */
export const BUILT_IN_NAMES = {
  age: { zh: '年龄', en: 'age' },
  prepTechnician: { zh: '预备技师证书', en: 'prep-technician' },
  /** The education requirement, as a clause's `waives` names it (the other names are preconditions' ids). */
  education: { zh: '学历要求', en: 'education' },
} as const;

/**
 * What a rule's result is at a level, besides the status (issue 20): a fixed level (`level`), or
 * the level above the highest one the applicant holds in the occupation (`next-level`, 上一级: 五级
 * when none is held). A rule file's conditions entry says `outcome: next-level` for the latter.
 */
export const OUTCOME_KINDS = { level: { zh: '固定等级', en: 'level' }, nextLevel: { zh: '上一级', en: 'next-level' } } as const;
export type OutcomeKind = 'level' | 'next-level';

/**
 * The social insurance schemes a profile's `insurance` periods name (社会保险: the five national
 * schemes), and how `参保 失业保险` names them in each language.
 */
export const INSURANCE_SCHEMES = {
  unemployment: { zh: '失业保险', en: 'unemployment-insurance' },
  pension: { zh: '养老保险', en: 'pension-insurance' },
  medical: { zh: '医疗保险', en: 'medical-insurance' },
  injury: { zh: '工伤保险', en: 'injury-insurance' },
  maternity: { zh: '生育保险', en: 'maternity-insurance' },
} as const;

export type InsuranceScheme = keyof typeof INSURANCE_SCHEMES;

/** The scheme named (Chinese or English), or undefined. */
export function insuranceScheme(name: string): InsuranceScheme | undefined {
  for (const [k, v] of Object.entries(INSURANCE_SCHEMES) as [InsuranceScheme, { zh: string; en: string }][]) if (v.zh === name || v.en === name) return k;
  return undefined;
}

/**
 * How a rule file counts years and months of experience (`counting:`): `days` (the default: a
 * year is 365 days, a month a twelfth of it), `anniversary` (calendar years and months: a period
 * reaches N years the day before its N-th anniversary; whole months are 365/12 days, periods'
 * leftover days add up as days), `months` (工龄 as staff count it: each calendar month with a day of work is one month).
 */
export const COUNTING_MODES = ['days', 'anniversary', 'months'] as const;
export type CountingMode = (typeof COUNTING_MODES)[number];

/** The Chinese spelling of each counting mode a rule file may write instead (`counting: 周年`). */
export const COUNTING_ZH: Readonly<Record<CountingMode, string>> = { days: '按天', anniversary: '周年', months: '按月' };

/** The mode a rule file's `counting:` names (English or Chinese; the schema allows only these), `days` when absent. */
export function countingMode(value: string | undefined): CountingMode {
  for (const m of COUNTING_MODES) if (value === m || value === COUNTING_ZH[m]) return m;
  return 'days';
}

/** A numeric fact's explicit "none" in a profile (no placing, no distance): not unknown. */
export const NONE_VALUES = ['无', 'none'] as const;

/** The applicant's sex as a profile gives it (`sex`), and as an 18-digit identity number encodes it. */
export const SEXES = { male: { zh: '男', en: 'male' }, female: { zh: '女', en: 'female' } } as const;
