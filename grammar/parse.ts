// parseExpression: text → typed AST or positioned diagnostics. Never throws on any input.
import type { IRecognitionException } from 'chevrotain';
import type { Expr, OffsetRange } from './ast.js';
import { lexer } from './tokens.js';
import { parser } from './parser.js';
import { buildAst } from './visitor.js';
import { WORDS } from '../runtime/words.js';

/** A problem found by the grammar, located by offsets into the expression text. */
export interface GrammarDiagnostic {
  code: 'E_LEX' | 'E_SYNTAX' | 'E_SYNTAX_EOF' | 'E_JOINED_WORDS' | 'E_TOO_LONG' | 'E_TOO_DEEP' | 'E_EMPTY';
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
    const failed = parser.errors[0].token;
    const stop = failed.tokenType.name === 'EOF' ? Infinity : failed.startOffset;
    const joined = lexed.tokens.find((t) => t.tokenType.name === 'Name' && !(t.startOffset > stop) && splitKeyword(t.image));
    if (joined) {
      return {
        diagnostics: [
          {
            code: 'E_JOINED_WORDS',
            range: { start: joined.startOffset, end: joined.startOffset + joined.image.length },
            args: { word: joined.image, split: splitKeyword(joined.image)! },
          },
        ],
      };
    }
    return { diagnostics: parser.errors.map((e) => syntaxDiagnostic(e, text)) };
  }
  return { ast: buildAst(cst), diagnostics: [] };
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
