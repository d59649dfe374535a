// Fuzzing helpers shared by test/fuzz.test.ts and the long run test/long/fuzz.ts: mutations of
// expressions and rule files, and the invariants the parser and the checker must keep on any
// input (never throw, never hang, positioned diagnostics, round trip of whatever parses).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseDocument, isScalar, visit } from 'yaml';
import { MAX_EXPRESSION_LENGTH, parseExpression, printExpression, type Expr } from '../../grammar/index.js';
import type { Diagnostic } from '../../compiler/diagnostics/diagnostics.js';
import { renderDiagnostic } from '../../compiler/diagnostics/render.js';

// ---------------------------------------------------------------------------------------------
// Corpus

/** Every `when:` expression of the rule files in `dir` (clauses and education requirements). */
export function whenExpressions(dir: string): string[] {
  const out: string[] = [];
  for (const f of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f) && f !== 'vocabulary.yaml').sort()) {
    const doc = parseDocument(readFileSync(join(dir, f), 'utf8'), { version: '1.2' });
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.value === 'when' && isScalar(pair.value)) out.push(String(pair.value.value));
      },
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Mutations

/** Words, operators and oddities spliced into expressions. */
export const TOKEN_POOL = [
  '从业', '累计从业', '连续从业', '取得', '后', '持有', '培训', '结业', '考试合格', '学徒期满', '毕业', '学历', '在校',
  '及以上', '目标', '含应届', '且', '并且', '或', '非', '本职业', '相关职业', '本职业或相关职业', '本专业', '相关专业',
  '本专业或相关专业', 'experience', 'after', 'holds', 'training', 'completed', 'exam-passed', 'apprenticeship', 'graduated',
  'education', 'enrolled', 'or-higher', 'target', 'incl-final-year', 'level', 'and', 'or', 'not', 'same', 'related',
  'same-or-related', 'same-major', '四级', '四级/中级工', '四级/高级工', '五级', '一级', '高级技师', '预备技师证书', '技工学校',
  '大专及以上', '高等院校', '高级工班', '中级', '年龄', '见习', '拟从事本职业或相关职业工作', '安全行车里程', '项目数',
  '>=', '>', '<=', '<', '=', '≥', '≤', '(', ')', '（', '）', '/', '／', '3', '3年', '3 years', '30天', '0', '3.5',
  '00012', '1000000000000000000000', '0.0000001', '9'.repeat(400), '年', 'km', '岁', '\u3000', '\t', '\n', '\r\n',
  '\u2028', '\u0000', '\uD800', '\uDFFF', '😀', 'e\u0301', '\uFEFF', '"', "'", '`', '${x}', '*/', '#', ':', '- ', '&a', '*a',
  '!!str', '!foo', '{', '}', '[', ']', ',', '|', '>-', '%', '@', '\\', 'ｌｅｖｅｌ', '４', '非织造', '技师学院',
];

type Mutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'duplicate'; at: number; length: number }
  | { op: 'swapTokens'; a: number; b: number }
  | { op: 'dupToken'; a: number }
  | { op: 'dropToken'; a: number }
  | { op: 'replaceChar'; at: number; text: string }
  | { op: 'truncate'; at: number };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...TOKEN_POOL), fc.string({ unit: 'binary', maxLength: 3 })) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 6 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ op: fc.constant('swapTokens' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('dupToken' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('dropToken' as const), a: fc.nat() }),
  fc.record({ op: fc.constant('replaceChar' as const), at: fc.nat(), text: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
);

export function applyMutation(text: string, m: Mutation): string {
  const n = text.length;
  const pos = (x: number): number => (n === 0 ? 0 : x % (n + 1));
  // Tokens: runs of non-space characters, with the spaces kept as their own items.
  const tokens = text.split(/(\s+)/).filter((t) => t !== '');
  const words = tokens.map((t, i) => [t, i] as const).filter(([t]) => !/^\s+$/.test(t));
  const word = (x: number): number | undefined => (words.length === 0 ? undefined : words[x % words.length][1]);
  switch (m.op) {
    case 'insert': {
      const at = pos(m.at);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'delete': {
      const at = pos(m.at);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'duplicate': {
      const at = pos(m.at);
      return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
    }
    case 'swapTokens': {
      const a = word(m.a);
      const b = word(m.b);
      if (a === undefined || b === undefined) return text;
      const t = [...tokens];
      [t[a], t[b]] = [t[b], t[a]];
      return t.join('');
    }
    case 'dupToken': {
      const a = word(m.a);
      if (a === undefined) return text;
      const t = [...tokens];
      t.splice(a, 0, t[a], ' ');
      return t.join('');
    }
    case 'dropToken': {
      const a = word(m.a);
      if (a === undefined) return text;
      const t = [...tokens];
      t.splice(a, 1);
      return t.join('');
    }
    case 'replaceChar': {
      const at = pos(m.at);
      return text.slice(0, at) + m.text + text.slice(at + 1);
    }
    case 'truncate':
      return text.slice(0, pos(m.at));
  }
}

/** `base` after 1–4 random mutations. */
export function mutatedArb(base: string): fc.Arbitrary<string> {
  return fc.array(mutationArb, { minLength: 1, maxLength: 4 }).map((ms) => ms.reduce(applyMutation, base));
}

/** Random text made of pool tokens and arbitrary characters. */
export const randomTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.array(fc.oneof(fc.constantFrom(...TOKEN_POOL), fc.constant(' ')), { maxLength: 30 }).map((xs) => xs.join(' ')),
  fc.array(fc.constantFrom(...TOKEN_POOL), { maxLength: 30 }).map((xs) => xs.join('')),
);

// ---------------------------------------------------------------------------------------------
// Parser invariants

/** Any node's range lies inside the text, and a parent's range covers its children's. */
function rangeProblems(e: unknown, text: string, parent: { start: number; end: number } | null, out: string[]): void {
  if (e === null || typeof e !== 'object') return;
  if (Array.isArray(e)) {
    for (const x of e) rangeProblems(x, text, parent, out);
    return;
  }
  const node = e as { range?: { start: number; end: number } };
  let here = parent;
  if (node.range) {
    const { start, end } = node.range;
    if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= text.length)) {
      out.push(`node range ${JSON.stringify(node.range)} outside text of length ${text.length}`);
    } else if (parent && (start < parent.start || end > parent.end)) {
      out.push(`node range ${JSON.stringify(node.range)} outside its parent ${JSON.stringify(parent)}`);
    }
    here = node.range;
  }
  for (const [k, v] of Object.entries(e)) if (k !== 'range') rangeProblems(v, text, here, out);
}

/** The AST without ranges, for comparing trees. */
export function stripRanges(e: unknown): unknown {
  if (Array.isArray(e)) return e.map(stripRanges);
  if (e === null || typeof e !== 'object') return e;
  return Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'range').map(([k, v]) => [k, stripRanges(v)]));
}

/**
 * parse → print (zh and en) → parse gives the same tree, ranges aside; problems otherwise. The one
 * accepted exception: canonical text is longer than terse input (omitted scopes are written out,
 * English keywords are longer), so near the length limit the printed text may exceed it — then
 * it must be refused as E_TOO_LONG (`zige fmt` reports such an expression as E_FMT_UNSTABLE).
 */
export function roundTripProblems(ast: Expr): string[] {
  const out: string[] = [];
  const want = JSON.stringify(stripRanges(ast));
  for (const lang of ['zh', 'en'] as const) {
    const printed = printExpression(ast, { lang });
    const again = parseExpression(printed);
    if (printed.length > MAX_EXPRESSION_LENGTH) {
      if (again.diagnostics[0]?.code !== 'E_TOO_LONG') out.push(`${lang} print over the length limit is not E_TOO_LONG`);
    } else if (!again.ast) out.push(`${lang} print does not parse: ${JSON.stringify(printed)} ${JSON.stringify(again.diagnostics)}`);
    else if (JSON.stringify(stripRanges(again.ast)) !== want) out.push(`${lang} print parses to another tree: ${JSON.stringify(printed)}`);
  }
  return out;
}

/** Milliseconds one parse may take on this 2-core CI machine before it counts as a hang. */
export const PARSE_BUDGET_MS = 2000;

/** Everything wrong with `parseExpression` on `text` (empty when all invariants hold). */
export function parseProblems(text: string, options: { roundTrip?: boolean } = {}): string[] {
  const out: string[] = [];
  const t0 = performance.now();
  let r: ReturnType<typeof parseExpression>;
  try {
    r = parseExpression(text);
  } catch (e) {
    return [`threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`];
  }
  const ms = performance.now() - t0;
  if (ms > PARSE_BUDGET_MS) out.push(`took ${ms.toFixed(0)} ms`);
  if (r.ast) {
    if (r.diagnostics.length > 0) out.push(`an AST and diagnostics ${JSON.stringify(r.diagnostics)}`);
    rangeProblems(r.ast, text, null, out);
    if (options.roundTrip !== false) out.push(...roundTripProblems(r.ast));
  } else {
    if (r.diagnostics.length === 0) out.push('neither an AST nor a diagnostic');
    for (const d of r.diagnostics) {
      const { start, end } = d.range;
      if (!(typeof d.code === 'string' && /^E_[A-Z_]+$/.test(d.code))) out.push(`diagnostic without a code: ${JSON.stringify(d)}`);
      if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start <= end && end <= text.length)) {
        out.push(`diagnostic range ${JSON.stringify(d.range)} outside text of length ${text.length}`);
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Checker invariants

/** Everything wrong with the diagnostics of a check run over files whose texts are given. */
export function diagnosticProblems(items: Diagnostic[], texts: Map<string, string>): string[] {
  const out: string[] = [];
  for (const d of items) {
    const where = JSON.stringify(d);
    if (typeof d.code !== 'string' || !/^[EW]_[A-Z0-9_]+$/.test(d.code)) out.push(`no code: ${where}`);
    if (d.file === undefined && d.path === undefined) out.push(`neither file nor path: ${where}`);
    if (d.range) {
      const text = d.file !== undefined ? texts.get(d.file) : undefined;
      const { start, end } = d.range;
      const ok = (p: { line: number; col: number }): boolean => Number.isInteger(p.line) && Number.isInteger(p.col) && p.line >= 1 && p.col >= 1;
      if (!ok(start) || !ok(end)) out.push(`bad position: ${where}`);
      else if (start.line > end.line || (start.line === end.line && start.col > end.col)) out.push(`range ends before it starts: ${where}`);
      else if (text !== undefined) {
        const lines = text.split(/\r\n|\n|\r/);
        const inside = (p: { line: number; col: number }): boolean =>
          p.line <= lines.length ? p.col <= [...lines[p.line - 1]].length + 1 : p.line === lines.length + 1 && p.col === 1;
        if (!inside(start) || !inside(end)) out.push(`range outside ${d.file} (${lines.length} lines): ${where}`);
      }
    }
    try {
      renderDiagnostic(d, { lang: 'both', color: false, source: d.file !== undefined ? texts.get(d.file) : undefined });
    } catch (e) {
      out.push(`rendering threw ${String(e)}: ${where}`);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// YAML damage

const YAML_NOISE = [':', ': ', '- ', '-', '{', '}', '[', ']', ',', '&a ', '*a', '!!js/function ', '!foo ', '!!binary ', '|', '>', '#', "'", '"', '\t', '  ', '\n', '\n  ', '%YAML 1.1\n', '---\n', '...\n', '? ', '<<: *a\n', '\uFEFF', '\u0000', 'ÿ'];

type YamlMutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'deleteLine'; line: number }
  | { op: 'duplicateLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'indent'; line: number; by: number }
  | { op: 'truncate'; at: number }
  | { op: 'mutateWhen'; nth: number; mutations: string };

function applyYaml(text: string, m: YamlMutation): string {
  const lines = text.split('\n');
  const line = (x: number): number => x % lines.length;
  switch (m.op) {
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'deleteLine':
      lines.splice(line(m.line), 1);
      return lines.join('\n');
    case 'duplicateLine':
      lines.splice(line(m.line), 0, lines[line(m.line)]);
      return lines.join('\n');
    case 'swapLines': {
      const [a, b] = [line(m.a), line(m.b)];
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'indent': {
      const i = line(m.line);
      lines[i] = m.by > 0 ? ' '.repeat(m.by) + lines[i] : lines[i].replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'mutateWhen': {
      // Replace one `when:` value by a mutated expression, as a double-quoted scalar.
      const whens = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*when: /.test(l));
      if (whens.length === 0) return text;
      const [l, i] = whens[m.nth % whens.length];
      lines[i] = l.replace(/when: .*$/, `when: ${JSON.stringify(m.mutations)}`);
      return lines.join('\n');
    }
  }
}

/** `text` (a rule file) after 1–3 kinds of damage, including mutated `when:` expressions. */
export function damagedYamlArb(text: string, expressions: string[]): fc.Arbitrary<string> {
  const m: fc.Arbitrary<YamlMutation> = fc.oneof(
    fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...YAML_NOISE), fc.string({ unit: 'binary', maxLength: 3 })) }),
    fc.record({ op: fc.constant('deleteLine' as const), line: fc.nat() }),
    fc.record({ op: fc.constant('duplicateLine' as const), line: fc.nat() }),
    fc.record({ op: fc.constant('swapLines' as const), a: fc.nat(), b: fc.nat() }),
    fc.record({ op: fc.constant('indent' as const), line: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
    fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      op: fc.constant('mutateWhen' as const),
      nth: fc.nat(),
      mutations: fc.constantFrom(...expressions).chain(mutatedArb),
    }),
  );
  return fc.array(m, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce(applyYaml, text));
}
