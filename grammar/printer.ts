// The one printer: AST → canonical text, in Chinese or English keywords. parse(print(ast)) gives
// the same AST (ranges aside). Names (levels, schools) are printed as written unless `renameRef`
// translates them, which is how `zige fmt --lang` converts between keyword sets.
import type * as A from './ast.js';
import { MAX_NESTING } from './parse.js';

export interface PrintOptions {
  lang?: 'zh' | 'en';
  /** Rewrites a level or vocabulary name for the target language; default keeps it. */
  renameRef?: (ref: A.Ref, lang: 'zh' | 'en') => A.Ref;
  /** Rewrites a unit (年 ⇄ years); default keeps it. */
  renameUnit?: (unit: string, value: number, lang: 'zh' | 'en') => string;
}

const words = {
  zh: {
    or: '或', and: '且', not: '非', after: '取得', afterEnd: '后', experience: '从业',
    cumulative: '累计从业', continuous: '连续从业', holds: '持有', training: '培训',
    completed: '结业', exam: '考试合格', apprenticeship: '学徒期满', graduated: '毕业',
    degree: '学历', enrolled: '在校', orHigher: '及以上', target: '目标', finalYear: '含应届',
  },
  en: {
    or: 'or', and: 'and', not: 'not', after: 'after', afterEnd: '', experience: 'experience',
    cumulative: 'cumulative experience', continuous: 'continuous experience', holds: 'holds',
    training: 'training', completed: 'completed', exam: 'exam-passed', apprenticeship: 'apprenticeship',
    graduated: 'graduated', degree: 'education', enrolled: 'enrolled', orHigher: 'or-higher',
    target: 'target', finalYear: 'incl-final-year',
  },
} as const;

const scopes: Record<A.ScopeValue, { zh: string; en: string }> = {
  same: { zh: '本职业', en: 'same' },
  related: { zh: '相关职业', en: 'related' },
  'same-or-related': { zh: '本职业或相关职业', en: 'same-or-related' },
  'same-major': { zh: '本专业', en: 'same-major' },
  'related-major': { zh: '相关专业', en: 'related-major' },
  'same-or-related-major': { zh: '本专业或相关专业', en: 'same-or-related-major' },
};

export function printExpression(expr: A.Expr, options: PrintOptions = {}): string {
  const lang = options.lang ?? 'zh';
  const w = words[lang];
  const rename = options.renameRef ?? ((r: A.Ref) => r);
  const renameUnit = options.renameUnit ?? ((u: string) => u);

  const ref = (r: A.Ref): string => {
    const out = rename(r, lang);
    if (out.kind === 'LevelNumber') return `level ${plainNumber(out.level)}`;
    return out.alt ? `${out.text}/${out.alt}` : out.text;
  };
  const scope = (s: A.Scope | null): string[] => (s ? [scopes[s.value][lang]] : []);
  const value = (v: A.Value): string => {
    if (v.kind !== 'Quantity') return ref(v);
    if (v.unit === null) return plainNumber(v.value);
    const unit = renameUnit(v.unit, v.value, lang);
    // Chinese units attach (3年); Latin ones take a space (3 years).
    return /^[A-Za-z]/.test(unit) ? `${plainNumber(v.value)} ${unit}` : `${plainNumber(v.value)}${unit}`;
  };
  const join = (parts: string[]): string => parts.filter((p) => p !== '').join(' ');

  const experience = (e: A.Experience): string =>
    join([
      e.explicitMode ? (e.mode === 'continuous' ? w.continuous : w.cumulative) : w.experience,
      e.workKind ? ref(e.workKind) : '',
      ...scope(e.scope),
      e.cmp,
      value(e.value),
    ]);

  const atom = (e: A.Atom): string => {
    switch (e.kind) {
      case 'Experience':
        return experience(e);
      case 'ExperienceAfter':
        return join([w.after, ...scope(e.certScope), ref(e.level), w.afterEnd, experience(e.experience)]);
      case 'Holds':
        return join([w.holds, ...scope(e.scope), ref(e.what)]);
      case 'Training':
        return join([w.training, ...scope(e.scope), ref(e.level), e.proof === 'exam' ? w.exam : w.completed]);
      case 'Apprenticeship':
        return join([w.apprenticeship, ...scope(e.scope)]);
      case 'School':
        return join([
          e.mode === 'graduated' ? w.graduated : e.mode === 'degree' ? w.degree : w.enrolled,
          ref(e.name),
          e.orHigher ? w.orHigher : '',
          ...(e.track ? [ref(e.track.name), e.track.orHigher ? w.orHigher : ''] : []),
          ...(e.target ? [w.target, ref(e.target)] : []),
          ...scope(e.scope),
          e.includeFinalYear ? w.finalYear : '',
        ]);
      case 'Compare':
        return e.cmp !== null && e.value !== null ? join([ref(e.subject), e.cmp, value(e.value)]) : ref(e.subject);
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
          return e.items.map((i) => print(i, 2)).join(` ${w.or} `);
        case 'And':
          return e.items.map((i) => print(i, 3)).join(` ${w.and} `);
        case 'Not':
          return `${w.not} ${chain + 1 >= MAX_NESTING ? `(${print(e.expr, 0)})` : print(e.expr, 3, chain + 1)}`;
        default:
          return atom(e);
      }
    })();
    return prec(e) < min ? `(${text})` : text;
  };
  return print(expr, 0);
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
