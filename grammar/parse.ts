// parseExpression: text → typed AST or positioned diagnostics. Never throws on any input.
import type { IRecognitionException, IToken } from 'chevrotain';
import type { Expr, OffsetRange } from './ast.js';
import { lexer } from './tokens.js';
import { parser } from './parser.js';
import { buildAst } from './visitor.js';
import { WORDS } from '../runtime/words.js';

/** A problem found by the grammar, located by offsets into the expression text. */
export interface GrammarDiagnostic {
  code: 'E_LEX' | 'E_SYNTAX' | 'E_SYNTAX_EOF' | 'E_JOINED_WORDS' | 'E_NEAR_KEYWORD' | 'E_TOO_LONG' | 'E_TOO_DEEP' | 'E_EMPTY';
  range: OffsetRange;
  args: Record<string, string | number>;
}

export interface ParseResult {
  ast?: Expr;
  diagnostics: GrammarDiagnostic[];
}

/** Limits keep the recursive-descent parser far from the stack limit and hostile input cheap. */
export const MAX_EXPRESSION_LENGTH = 4000;
export const MAX_NESTING = 64;

export function parseExpression(text: string): ParseResult {
  if (text.length > MAX_EXPRESSION_LENGTH) {
    return { diagnostics: [{ code: 'E_TOO_LONG', range: { start: MAX_EXPRESSION_LENGTH, end: text.length }, args: { length: text.length, max: MAX_EXPRESSION_LENGTH } }] };
  }
  const lexed = lexer.tokenize(text);
  if (lexed.errors.length > 0) {
    return {
      diagnostics: lexed.errors.map((e) => ({
        code: 'E_LEX' as const,
        range: { start: e.offset, end: e.offset + Math.max(1, e.length) },
        args: { text: text.substr(e.offset, Math.max(1, e.length)) },
      })),
    };
  }
  if (lexed.tokens.length === 0) {
    return { diagnostics: [{ code: 'E_EMPTY', range: { start: 0, end: text.length }, args: {} }] };
  }
  const deep = tooDeep(lexed.tokens.map((t) => t.tokenType.name), lexed.tokens.map((t) => t.startOffset));
  if (deep !== undefined) {
    return { diagnostics: [{ code: 'E_TOO_DEEP', range: { start: deep, end: deep + 1 }, args: { max: MAX_NESTING } }] };
  }
  parser.input = lexed.tokens;
  const cst = parser.expression();
  if (parser.errors.length > 0) {
    const errors = parser.errors;
    const misspelt = misspeltWord(text, lexed.tokens, errors[0].token);
    return { diagnostics: misspelt ? [misspelt] : errors.map((e) => syntaxDiagnostic(e, text)) };
  }
  return { ast: buildAst(cst), diagnostics: [] };
}

/** Whether `text` parses (no diagnostics kept): a suggestion is offered only if it does. */
function parses(text: string): boolean {
  const lexed = lexer.tokenize(text);
  if (lexed.errors.length > 0 || lexed.tokens.length === 0) return false;
  parser.input = lexed.tokens;
  parser.expression();
  return parser.errors.length === 0;
}

/**
 * A name up to the failing token that is a keyword run into a name (`非学徒期满` → `非 学徒期满`) or a
 * keyword off by one character (`连续从事` → `连续从业`, as policy texts write 从事): the first whose
 * respelling makes the whole expression parse. Without one that parses, a joined word is still
 * named with its split (the expression has another error as well).
 */
function misspeltWord(text: string, tokens: IToken[], failed: IToken): GrammarDiagnostic | undefined {
  const stop = failed.tokenType.name === 'EOF' ? Infinity : failed.startOffset;
  let fallback: GrammarDiagnostic | undefined;
  for (const t of tokens) {
    if (t.tokenType.name !== 'Name' || t.startOffset > stop) continue;
    const range = { start: t.startOffset, end: t.startOffset + t.image.length };
    const split = splitKeyword(t.image);
    for (const c of respellings(t.image)) {
      if (!parses(text.slice(0, range.start) + c.text + text.slice(range.end))) continue;
      if (c.split) return { code: 'E_JOINED_WORDS', range, args: { word: t.image, split: c.text } };
      return { code: 'E_NEAR_KEYWORD', range, args: { word: t.image, suggestion: c.text } };
    }
    if (split && !fallback) fallback = { code: 'E_JOINED_WORDS', range, args: { word: t.image, split } };
  }
  return fallback;
}

/** Candidate respellings of a word, most likely first: the split, then one character changed (in the whole word or the split's parts). */
function respellings(word: string): { text: string; split: boolean }[] {
  const out: { text: string; split: boolean }[] = [];
  const split = splitKeyword(word);
  if (split) out.push({ text: split, split: true });
  for (const k of nearKeywords(word)) out.push({ text: k, split: false });
  if (split) {
    const parts = split.split(' ');
    for (const [i, part] of parts.entries()) {
      for (const k of nearKeywords(part)) out.push({ text: parts.map((p, j) => (j === i ? k : p)).join(' '), split: false });
    }
  }
  return out;
}

/** Chinese keywords of the same length as `word` (two characters or more) that differ from it in one character. */
function nearKeywords(word: string): string[] {
  const w = [...word];
  if (w.length < 2) return [];
  return KEYWORDS.filter((k) => {
    const c = [...k];
    return c.length === w.length && c.filter((ch, i) => ch !== w[i]).length === 1;
  });
}

/** Chinese keywords, longest first: a name that starts or ends with one was likely meant as two words. */
const KEYWORDS = Object.values(WORDS)
  .flatMap((w) => w.zh)
  .sort((a, b) => b.length - a.length);

/** `非学徒期满` → `非 学徒期满`; undefined when the word neither starts nor ends with a keyword. */
export function splitKeyword(word: string): string | undefined {
  for (const k of KEYWORDS) {
    if (word.length > k.length && word.startsWith(k)) return `${k} ${word.slice(k.length)}`;
    if (word.length > k.length && word.endsWith(k)) return `${word.slice(0, -k.length)} ${k}`;
  }
  return undefined;
}

/** Offset of the token where parentheses or 非 chains pass the nesting limit. */
function tooDeep(names: string[], offsets: number[]): number | undefined {
  let depth = 0;
  let nots = 0;
  for (let i = 0; i < names.length; i++) {
    if (names[i] === 'LParen') depth++;
    else if (names[i] === 'RParen') depth--;
    nots = names[i] === 'Not' ? nots + 1 : 0;
    if (depth > MAX_NESTING || nots > MAX_NESTING) return offsets[i];
  }
  return undefined;
}

function syntaxDiagnostic(e: IRecognitionException, text: string): GrammarDiagnostic {
  let detail: { expected: string[]; found: string };
  try {
    detail = JSON.parse(e.message) as { expected: string[]; found: string };
  } catch {
    detail = { expected: [], found: e.token.image };
  }
  const atEnd = e.token.tokenType.name === 'EOF' || Number.isNaN(e.token.startOffset);
  const start = atEnd ? text.length : e.token.startOffset;
  const end = atEnd ? text.length : (e.token.endOffset ?? e.token.startOffset) + 1;
  return {
    code: atEnd ? 'E_SYNTAX_EOF' : 'E_SYNTAX',
    range: { start, end },
    args: { expected: detail.expected.join('、'), found: atEnd ? '' : detail.found },
  };
}
