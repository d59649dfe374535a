// Tokens of the rule language, built from the word table (runtime/words.ts): Chinese and English
// spellings of a keyword are one token type.
// Every keyword names `Name`/`Identifier` as longer_alt, so a keyword inside a longer word
// (非 in 非织造, 技师 in 技师学院, or in order) never splits it: words are separated by spaces.
import { createToken, Lexer, type TokenType } from 'chevrotain';
import { WORDS, type Word, type WordName } from '../runtime/words.js';
import { NUMERAL_PATTERN } from './numeral.js';

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u3000]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** A run of Chinese characters. It never contains OrHigher (及以上), so `大专及以上` lexes as `大专` `及以上`. */
export const Name = createToken({
  name: 'Name',
  label: '名称 name',
  pattern: new RegExp(`(?:(?!${WORDS.OrHigher.zh.map(escape).join('|')})[${CJK}])+`),
});

export const Identifier = createToken({
  name: 'Identifier',
  label: '名称 name',
  pattern: /[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/,
});

const alt = [Name, Identifier];

const longestFirst = (spellings: readonly string[]): string[] => [...spellings].sort((a, b) => b.length - a.length);

/** Labels name every spelling (`并且/且/and`), so syntax errors read the same in both languages. */
function keyword(name: string, word: Word): TokenType {
  // Longest first, so a spelling that begins another (且 in 并且) does not cut it short.
  const pattern = new RegExp(longestFirst([...word.zh, ...word.en]).map(escape).join('|'));
  const label = [...longestFirst(word.zh), ...longestFirst(word.en)].join('/');
  return createToken({ name, label, pattern, longer_alt: alt });
}

/**
 * Keyword tokens in table order, except that a token is tried before any token with a spelling
 * that begins one of its own (本职业或相关职业 before 本职业, 累计从业 before 累计): the lexer
 * takes the first token that matches.
 */
function orderedKeywords(): Record<WordName, TokenType> & { list: TokenType[] } {
  const entries = Object.entries(WORDS) as [WordName, Word][];
  const spellings = (w: Word): string[] => [...w.zh, ...w.en];
  const mustPrecede = (a: Word, b: Word): boolean =>
    spellings(a).some((x) => spellings(b).some((y) => x.length > y.length && x.startsWith(y)));
  const left = [...entries];
  const list: TokenType[] = [];
  const byName = {} as Record<WordName, TokenType>;
  while (left.length > 0) {
    const i = left.findIndex(([, w]) => !left.some(([, other]) => other !== w && mustPrecede(other, w)));
    if (i < 0) throw new Error(`keyword spellings begin each other in a cycle: ${left.map(([n]) => n).join(', ')}`);
    const [[name, word]] = left.splice(i, 1);
    byName[name] = keyword(name, word);
    list.push(byName[name]);
  }
  return Object.assign(byName, { list });
}

/** One token per keyword of runtime/words.ts, by the keyword's name there. */
export const K = orderedKeywords();

export const LParen = createToken({ name: 'LParen', label: '(', pattern: /[(（]/ });
export const RParen = createToken({ name: 'RParen', label: ')', pattern: /[)）]/ });
export const Slash = createToken({ name: 'Slash', label: '/', pattern: /[/／]/ });
export const GreaterEq = createToken({ name: 'GreaterEq', label: '>=', pattern: />=|≥/ });
export const LessEq = createToken({ name: 'LessEq', label: '<=', pattern: /<=|≤/ });
export const Greater = createToken({ name: 'Greater', label: '>', pattern: />/ });
export const Less = createToken({ name: 'Less', label: '<', pattern: /</ });
export const Equal = createToken({ name: 'Equal', label: '=', pattern: /=/ });
export const Percent = createToken({ name: 'Percent', label: '%', pattern: /[%％]/ });
/** A calendar date `2022-01-01` (a notice's cut-off, a date range): before numbers, which it begins with. */
export const DateLit = createToken({ name: 'Date', label: '日期 date', pattern: /\d{4}-\d{2}-\d{2}/ });
// Numbers as printed (100 000, 10万): grammar/numeral.ts.
export const NumberLit = createToken({ name: 'Number', label: '数字 number', pattern: NUMERAL_PATTERN });

export const allTokens: TokenType[] = [
  WhiteSpace,
  ...K.list,
  LParen,
  RParen,
  Slash,
  GreaterEq,
  LessEq,
  Greater,
  Less,
  Equal,
  Percent,
  DateLit,
  NumberLit,
  Name,
  Identifier,
];

// One lexer for the process: building it validates every pattern, which is not free.
export const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
