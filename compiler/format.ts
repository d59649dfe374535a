// `zige fmt`: the canonical text of every expression of a rule file (`education.when`, each precondition's
// and each clause's `when`), printed by the one printer, spliced into the original text in place of the
// scalar's source. Comments, key order, quoting style and every other byte of the file stay as
// they were: only expression scalars change, in their own style (plain, quoted or block), and a
// plain scalar is quoted only when the new text could not be plain there. The result is re-parsed
// and compared with the original data before it is returned, so a formatting never changes what a
// file means.
import { isScalar, type Scalar } from 'yaml';
import { parseExpression, printExpression, type Expr } from '../grammar/index.js';
import type { Diagnostic } from './diagnostics/diagnostics.js';
import { convertExpression, keywordLanguage, langTables, stripRanges } from './expression-lang.js';
import type { VocabularyIndex } from './load/vocabulary.js';
import { findPath, parseYaml, rangeOfOffsets, scalarSpanRange, type PathSegment } from './load/yaml-positions.js';
import type { MessageLang } from '../runtime/words.js';
import { yamlDiagnostic } from './load/yaml-problem.js';

export interface FormatOptions {
  /** Spell keywords, names and units in this language; default: keep each file's keyword language. */
  lang?: MessageLang;
  /** Needed to convert names (`--lang`); without it only keywords and spacing change. */
  vocabulary?: VocabularyIndex;
  /** The file name put into diagnostics. */
  file?: string;
}

export interface FormatResult {
  /** The formatted text (the input itself when it cannot be formatted). */
  text: string;
  changed: boolean;
  /** Keyword language the expressions were printed in. */
  lang: MessageLang;
  /** YAML or expression syntax errors; when there are any the text is returned unchanged. */
  diagnostics: Diagnostic[];
}

/** Data paths of the expressions of a rule file (as far as its structure allows finding them). */
export function expressionPaths(data: unknown): PathSegment[][] {
  const paths: PathSegment[][] = [];
  const obj = (v: unknown): Record<string, unknown> | undefined =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  const root = obj(data);
  if (!root) return paths;
  if (typeof obj(root.education)?.when === 'string') paths.push(['education', 'when']);
  if (Array.isArray(root.preconditions)) {
    root.preconditions.forEach((p, pi) => {
      if (typeof obj(p)?.when === 'string') paths.push(['preconditions', pi, 'when']);
    });
  }
  if (Array.isArray(root.conditions)) {
    root.conditions.forEach((g, gi) => {
      const clauses = obj(g)?.clauses;
      if (!Array.isArray(clauses)) return;
      clauses.forEach((c, ci) => {
        if (typeof obj(c)?.when === 'string') paths.push(['conditions', gi, 'clauses', ci, 'when']);
      });
    });
  }
  return paths;
}

interface Edit {
  path: PathSegment[];
  node: Scalar;
  printed: string;
  quote: boolean;
}

function isBlock(node: Scalar): boolean {
  return node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL';
}

/** The scalar's value compared with an expression: a block scalar's final line break aside. */
function valueText(node: Scalar): string {
  const v = String(node.value);
  return isBlock(node) ? v.replace(/\n+$/, '') : v;
}

/** Source text for `printed` in the style of the scalar it replaces. */
function scalarSource(text: string, node: Scalar, printed: string, forceQuote: boolean): string {
  const [start, end] = node.range!;
  switch (node.type) {
    case 'QUOTE_SINGLE':
      return `'${printed.replace(/'/g, "''")}'`;
    case 'BLOCK_FOLDED':
    case 'BLOCK_LITERAL': {
      const source = text.slice(start, end);
      const nl = source.indexOf('\n');
      if (nl < 0) return JSON.stringify(printed);
      const eol = source[nl - 1] === '\r' ? '\r\n' : '\n';
      const header = source.slice(0, eol === '\r\n' ? nl - 1 : nl);
      const lines = source.slice(nl + 1).split('\n');
      const first = lines.find((l) => l.trim() !== '');
      const indent = first ? /^[ ]*/.exec(first)![0] : '  ';
      // blank lines after the content (kept chomping) stay as they were
      let last = lines.length - 1;
      while (last >= 0 && lines[last].trim() === '') last--;
      const trailing = lines.slice(last + 1).join('\n');
      return `${header}${eol}${indent}${printed}${eol}${trailing}`;
    }
    case 'QUOTE_DOUBLE':
      return JSON.stringify(printed);
    default:
      return forceQuote ? JSON.stringify(printed) : printed;
  }
}

function splice(text: string, edits: Edit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.node.range![0] - a.node.range![0])) {
    const [start, end] = e.node.range!;
    out = out.slice(0, start) + scalarSource(text, e.node, e.printed, e.quote) + out.slice(end);
  }
  return out;
}

/** The data with the expressions taken out, for checking that nothing else changed. */
function withoutExpressions(data: unknown, paths: PathSegment[][]): string {
  const copy = JSON.parse(JSON.stringify(data ?? null)) as unknown;
  for (const p of paths) {
    let cur = copy as Record<string | number, unknown>;
    for (const seg of p.slice(0, -1)) cur = cur[seg] as Record<string | number, unknown>;
    delete cur[p[p.length - 1]];
  }
  return JSON.stringify(copy);
}

/**
 * Formats the expressions of one rule file. Never throws on bad input: YAML and expression syntax
 * errors come back as diagnostics, with the text unchanged.
 */
export function formatRuleText(text: string, options: FormatOptions = {}): FormatResult {
  const file = options.file;
  const parsed = parseYaml(text);
  const diagnostics: Diagnostic[] = [];
  if (parsed.problems.length > 0) {
    for (const p of parsed.problems) {
      diagnostics.push({ ...yamlDiagnostic(file, text, parsed.lineCounter, p), severity: 'error' });
    }
    return { text, changed: false, lang: options.lang ?? 'zh', diagnostics };
  }
  const paths = expressionPaths(parsed.data);
  const found: { path: PathSegment[]; node: Scalar }[] = [];
  for (const path of paths) {
    const m = findPath(parsed.doc, path);
    if (m.complete && isScalar(m.node) && m.node.range && typeof m.node.value === 'string') found.push({ path, node: m.node as Scalar });
  }
  const lang = options.lang ?? keywordLanguage(found.map((f) => String(f.node.value)));
  const tables = options.lang && options.vocabulary ? langTables(options.vocabulary) : undefined;

  const edits: Edit[] = [];
  for (const { path, node } of found) {
    const source = String(node.value);
    const result = parseExpression(source);
    if (!result.ast) {
      for (const d of result.diagnostics) {
        diagnostics.push({ code: d.code, severity: 'error', file, range: scalarSpanRange(parsed.lineCounter, text, node, d.range.start, d.range.end), args: d.args });
      }
      continue;
    }
    const tree: Expr = tables ? convertExpression(result.ast, lang, tables) : result.ast;
    const printed = printExpression(tree, { lang });
    // The printed text must read back as the same tree, or formatting would change the rule.
    const again = parseExpression(printed);
    if (!again.ast || JSON.stringify(stripRanges(again.ast)) !== JSON.stringify(stripRanges(tree))) {
      diagnostics.push({ code: 'E_FMT_UNSTABLE', severity: 'error', file, range: scalarSpanRange(parsed.lineCounter, text, node, 0, source.length), args: { text: printed } });
      continue;
    }
    if (printed !== valueText(node)) edits.push({ path, node, printed, quote: false });
  }
  if (diagnostics.length > 0) return { text, changed: false, lang, diagnostics };
  if (edits.length === 0) return { text, changed: false, lang, diagnostics };

  // Splice, re-parse, and quote any plain scalar whose new text did not read back as itself.
  const before = withoutExpressions(parsed.data, paths);
  for (let attempt = 0; attempt < 2; attempt++) {
    const out = splice(text, edits);
    const check = parseYaml(out);
    const wrong = check.problems.length > 0 ? edits : edits.filter((e) => {
      const m = findPath(check.doc, e.path);
      return !(m.complete && isScalar(m.node) && typeof m.node.value === 'string' && valueText(m.node as Scalar) === e.printed);
    });
    if (wrong.length === 0 && withoutExpressions(check.data, paths) === before) {
      return { text: out, changed: out !== text, lang, diagnostics };
    }
    if (attempt === 0) for (const e of wrong) e.quote = true;
  }
  throw new Error(`formatting ${file ?? 'a rule file'} would change its data; left unchanged`);
}
