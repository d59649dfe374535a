// The one printer: AST → canonical text, in Chinese or English keywords. parse(print(ast)) gives
// the same AST (ranges aside). Names (levels, schools) are printed as written unless `renameRef`
// translates them, which is how `zige fmt --lang` converts between keyword sets.
import type * as A from './ast.js';
import { MAX_NESTING } from './parse.js';
import { levelNumberText, scopeWords, spelling, type MessageLang, type WordName } from '../runtime/words.js';

export interface PrintOptions {
  lang?: MessageLang;
  /** Rewrites a level or vocabulary name for the target language; default keeps it. */
  renameRef?: (ref: A.Ref, lang: MessageLang) => A.Ref;
  /** Rewrites a unit (年 ⇄ years); default keeps it. */
  renameUnit?: (unit: string, value: number, lang: MessageLang) => string;
}

/** The word of an event window (none for every event). */
const WINDOW_WORDS = { 'calendar-year': 'CalendarYear', 'twelve-months': 'TwelveMonths' } as const satisfies Record<Exclude<A.EventWindowName, 'ever'>, WordName>;

const scopeNames = new Map<A.ScopeValue, WordName>(scopeWords().map((s) => [s.scope.value as A.ScopeValue, s.name]));

/** The mode written out: 累计从业, or where a language has no one word for it, `cumulative experience`. */
function explicitMode(mode: A.ExperienceMode, lang: MessageLang): string {
  const [joined, modifier]: [WordName, WordName] = mode === 'continuous' ? ['ContinuousExperience', 'Continuous'] : ['CumulativeExperience', 'Cumulative'];
  return spelling(joined, lang) || `${spelling(modifier, lang)} ${spelling('Experience', lang)}`;
}

export function printExpression(expr: A.Expr, options: PrintOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const w = (name: WordName): string => spelling(name, lang);
  const rename = options.renameRef ?? ((r: A.Ref) => r);
  const renameUnit = options.renameUnit ?? ((u: string) => u);

  const ref = (r: A.Ref): string => {
    const out = rename(r, lang);
    if (out.kind === 'LevelNumber') return levelNumberText(plainNumber(out.level));
    return out.alt ? `${out.text}/${out.alt}` : out.text;
  };
  const scope = (s: A.Scope | null): string[] => (s ? [w(scopeNames.get(s.value)!)] : []);
  const value = (v: A.Value | A.BySex): string => {
    if (v.kind === 'BySex') return join([w('Male'), value(v.male), w('Female'), value(v.female)]);
    if (v.kind !== 'Quantity') return ref(v);
    // A number as printed (100 000, 10万) is kept as written, in both languages.
    const n = v.text ?? plainNumber(v.value);
    if (v.unit === null) return n;
    const unit = renameUnit(v.unit, v.value, lang);
    // Chinese units attach (3年); Latin ones take a space (3 years).
    return /^[A-Za-z]/.test(unit) ? `${n} ${unit}` : `${n}${unit}`;
  };
  const join = (parts: string[]): string => parts.filter((p) => p !== '').join(' ');

  const experience = (e: A.Experience): string =>
    join([e.explicitMode ? explicitMode(e.mode, lang) : w('Experience'), e.workKind ? ref(e.workKind) : '', ...scope(e.scope), e.cmp, value(e.value)]);

  const atom = (e: A.Atom): string => {
    switch (e.kind) {
      case 'Experience':
        return experience(e);
      case 'ExperienceAfter':
        return join([w('After'), ...scope(e.certScope), ref(e.level), w('AfterEnd'), experience(e.experience)]);
      case 'Holds':
        return join([w('Holds'), ...scope(e.scope), ref(e.what)]);
      case 'Training':
        return join([w('Training'), ...scope(e.scope), ref(e.level), w(e.proof === 'exam' ? 'ExamPassed' : 'Completed')]);
      case 'Apprenticeship':
        return join([w('Apprenticeship'), ...scope(e.scope)]);
      case 'School':
        return join([
          w(e.mode === 'graduated' ? 'Graduated' : e.mode === 'degree' ? 'Degree' : 'Enrolled'),
          ref(e.name),
          e.orHigher ? w('OrHigher') : '',
          ...(e.track ? [ref(e.track.name), e.track.orHigher ? w('OrHigher') : ''] : []),
          ...(e.target ? [w('Target'), ref(e.target)] : []),
          ...scope(e.scope),
          e.includeFinalYear ? w('InclFinalYear') : '',
        ]);
      case 'Compare': // `年龄 于 2023-09-30 >= 16岁`: the fixed date after the subject
        return join([ref(e.subject), ...(e.on ? [w('On'), e.on.text] : []), ...(e.cmp !== null && e.value !== null ? [e.cmp, value(e.value)] : [])]);
      case 'CertWindow':
      case 'CertDated':
      case 'Insured':
      case 'Placed':
      case 'Events':
        return join(issue20Words(e, { w, scope, ref, value, lang }));
      case 'Category':
        return join([w('Category'), ref(e.name)]);
      case 'Working':
        return join([w('Working'), e.workKind ? ref(e.workKind) : '', ...scope(e.scope)]);
    }
  };

  // Precedence: Or 1 < And 2 < Not 3 < atom 4.
  const prec = (e: A.Expr): number => (e.kind === 'Or' ? 1 : e.kind === 'And' ? 2 : e.kind === 'Not' ? 3 : 4);
  // `chain` counts the 非 just printed in a row: the parser refuses more than MAX_NESTING, so a
  // longer chain (written with parentheses in between) keeps one pair of them every MAX_NESTING.
  const print = (e: A.Expr, min: number, chain = 0): string => {
    const text = (() => {
      switch (e.kind) {
        case 'Or':
          return e.items.map((i) => print(i, 2)).join(` ${w('Or')} `);
        case 'And':
          return e.items.map((i) => print(i, 3)).join(` ${w('And')} `);
        case 'Not':
          return `${w('Not')} ${chain + 1 >= MAX_NESTING ? `(${print(e.expr, 0)})` : print(e.expr, 3, chain + 1)}`;
        default:
          return atom(e);
      }
    })();
    return prec(e) < min ? `(${text})` : text;
  };
  return print(expr, 0);
}

/** The words of a window, a dated certificate, insured months, a placing or counted events (issue 20), in print order. */
function issue20Words(
  e: A.CertWindow | A.CertDated | A.Insured | A.Placed | A.Events,
  p: { w: (name: WordName) => string; scope: (s: A.Scope | null) => string[]; ref: (r: A.Ref) => string; value: (v: A.Value) => string; lang: 'zh' | 'en' },
): string[] {
  const { w, scope, ref, value } = p;
  // 前10名 attached in Chinese, `top 10 places` in English
  if (e.kind === 'Placed') return [w('Placed'), ...scope(e.scope), ref(e.tier), `${w('Top')}${p.lang === 'zh' ? '' : ' '}${value(e.top)}`];
  if (e.kind === 'Events') return [w('Events'), ref(e.eventKind), ...scope(e.scope), e.thisLevel ? w('ThisLevel') : '', e.window === 'ever' ? '' : w(WINDOW_WORDS[e.window]), e.cmp, value(e.value)];
  if (e.kind === 'CertWindow') return [w('After'), ...scope(e.certScope), ref(e.level), w('AfterEnd'), w('Within'), value(e.value)];
  if (e.kind === 'CertDated') return [w('After'), ...scope(e.certScope), ref(e.level), w('On'), e.from.text, w('To'), e.to.text];
  return [w('Insured'), ref(e.scheme), ...(e.until ? [w('Until'), ...scope(e.until.scope), ref(e.until.level)] : []), e.cmp, value(e.value)];
}

/**
 * A number as the lexer reads it back (digits and a point, never `1e+21` or `Infinity`), so that
 * parse(print(ast)) holds for any number the parser accepted.
 */
function plainNumber(n: number): string {
  if (n === Infinity) return '1' + '0'.repeat(309); // what an over-long literal read as
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(String(n));
  if (!m) return String(n);
  const digits = m[1] + (m[2] ?? '');
  const point = m[1].length + Number(m[3]); // position of the decimal point in `digits`
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${'0'.repeat(-point)}${digits}`;
}
