// Helpers over the `yaml` package: parsing with positions, offset → line/column (columns in Unicode
// code points), finding the node at a data path, and mapping an index into a scalar's parsed string
// value back to the exact source offset (for pointing at characters inside `when:` expressions).
import {
  Alias,
  type Document,
  LineCounter,
  type Node,
  Pair,
  parseDocument,
  Scalar,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  visit,
} from 'yaml';
import type { Position, Range } from '../diagnostics/diagnostics.js';

export type YamlDocument = Document.Parsed;

/** A problem found while parsing YAML: UTF-16 offsets into the text and an English detail. */
export interface YamlProblem {
  start: number;
  end: number;
  detail: string;
  /** yaml's error code (MULTIPLE_DOCS, DUPLICATE_KEY …), for callers that word some problems themselves. */
  code?: string;
}

export interface ParsedYaml {
  doc: YamlDocument;
  lineCounter: LineCounter;
  /** The data as plain JS values; undefined when `problems` is not empty. */
  data: unknown;
  problems: YamlProblem[];
}

/** Tags of the YAML 1.2 core schema; any other tag is refused. */
const CORE_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
]);

/** Limit on alias expansion (yaml's `maxAliasCount`): refuses "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 100;
/** Deepest nesting of collections accepted in data files. */
export const MAX_DEPTH = 64;
const MAX_PROBLEMS = 20;

/** Parses YAML 1.2 (core schema: dates stay strings) with a LineCounter; never throws. */
export function parseYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const problems: YamlProblem[] = [];
  let doc: YamlDocument;
  try {
    doc = parseDocument(text, {
      version: '1.2',
      schema: 'core',
      prettyErrors: false,
      uniqueKeys: true,
      keepSourceTokens: false,
      stringKeys: true,
      merge: false,
      resolveKnownTags: false,
      logLevel: 'error',
      lineCounter,
    });
  } catch (e) {
    // The parser reports stack exhaustion as RESOURCE_EXHAUSTION errors; this is a safety net.
    const detail = e instanceof RangeError ? 'nesting too deep' : e instanceof Error ? e.message : String(e);
    const fallback = parseDocument('', { lineCounter: new LineCounter() });
    return { doc: fallback, lineCounter: lineCountFor(text), data: undefined, problems: [{ start: 0, end: 0, detail, code: 'NESTING' }] };
  }
  // yaml's LineCounter misses line breaks inside some broken documents (a plain scalar running
  // over a line in an error state), which put diagnostics on the wrong line: count them here.
  const starts = lineCountFor(text).lineStarts;
  lineCounter.lineStarts.length = 0;
  for (const s of starts) lineCounter.lineStarts.push(s);

  const seen = new Set<string>();
  const add = (p: YamlProblem, key = p.detail): void => {
    // Deeply nested input yields the same error many times; report each message once.
    if (seen.has(key) || problems.length >= MAX_PROBLEMS) return;
    seen.add(key);
    problems.push(p);
  };
  for (const e of doc.errors) {
    const detail = e.code === 'RESOURCE_EXHAUSTION' ? `nesting too deep (${e.message})` : e.message;
    add({ start: e.pos[0], end: e.pos[1], detail, code: e.code });
  }
  for (const w of doc.warnings) {
    // Unresolved tags are reported below, once per node, with a clearer message.
    if (w.code === 'TAG_RESOLVE_FAILED') continue;
    add({ start: w.pos[0], end: w.pos[1], detail: w.message, code: w.code });
  }
  if (problems.length > 0) return { doc, lineCounter, data: undefined, problems };

  let data: unknown;
  try {
    checkTags(doc, add);
    if (problems.length > 0) return { doc, lineCounter, data: undefined, problems };
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError) {
      add({ start: 0, end: 0, detail: 'nesting too deep', code: 'NESTING' });
    } else {
      const alias = firstAlias(doc);
      const [start, end] = alias?.range ? [alias.range[0], alias.range[1]] : [0, 0];
      const detail = /resource exhaustion/i.test(message)
        ? `aliases expand too much (limit ${MAX_ALIAS_COUNT} aliased nodes); write the data out instead of using anchors and aliases`
        : message;
      add({ start, end, detail, code: /resource exhaustion/i.test(message) ? 'ALIASES' : 'OTHER' });
    }
    return { doc, lineCounter, data: undefined, problems };
  }
  if (nestingDepth(data) > MAX_DEPTH) {
    add({ start: 0, end: 0, detail: `nesting too deep (limit ${MAX_DEPTH} levels)`, code: 'NESTING' });
    return { doc, lineCounter, data: undefined, problems };
  }
  return { doc, lineCounter, data, problems };
}

/** `tag:yaml.org,2002:binary` → `!!binary`. */
function showTag(tag: string): string {
  return tag.startsWith('tag:yaml.org,2002:') ? `!!${tag.slice('tag:yaml.org,2002:'.length)}` : tag;
}

function checkTags(doc: YamlDocument, add: (p: YamlProblem, key?: string) => void): void {
  const check = (node: Node | Pair): void => {
    if (isPair(node)) return;
    const tag = node.tag;
    if (tag !== undefined && !CORE_TAGS.has(tag)) {
      const [start, end] = node.range ? [node.range[0], node.range[1]] : [0, 0];
      const detail = `unsupported tag ${showTag(tag)}: only the YAML 1.2 core tags (!!str !!int !!float !!bool !!null !!map !!seq) are allowed`;
      add({ start, end, detail, code: 'TAG' }, `${start}:${detail}`);
    }
  };
  visit(doc, {
    Scalar: (_k, n) => check(n),
    Map: (_k, n) => check(n),
    Seq: (_k, n) => check(n),
    Alias: (_k, n) => check(n),
  });
}

function firstAlias(doc: YamlDocument): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias: (_k, n) => {
      found = n;
      return visit.BREAK;
    },
  });
  return found;
}

/** Depth of nested arrays/objects, computed without recursion (hostile input may be deep). */
export function nestingDepth(value: unknown, limit = MAX_DEPTH + 1): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    const depth = d + 1;
    if (depth > max) max = depth;
    if (max >= limit) return max;
    const children = Array.isArray(v) ? v : Object.values(v as Record<string, unknown>);
    for (const c of children) if (c !== null && typeof c === 'object') stack.push([c, depth]);
  }
  return max;
}

/** A LineCounter filled from the text itself (for JSON or text not parsed by `yaml`). */
export function lineCountFor(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) lc.addNewLine(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) lc.addNewLine(i + 1);
  }
  return lc;
}

// ---------------------------------------------------------------------------------------------
// Offsets → positions

/** Number of code points in text[from, to). */
function codePointsBetween(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    // a high surrogate followed by a low surrogate is one code point
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** 1-based line and 1-based column (in code points) of a UTF-16 offset. */
export function positionOfOffset(lineCounter: LineCounter, text: string, offset: number): Position {
  const o = Math.max(0, Math.min(offset, text.length));
  const starts = lineCounter.lineStarts.length > 0 ? lineCounter.lineStarts : lineCountFor(text).lineStarts;
  // last line start <= o
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= o) lo = mid;
    else hi = mid - 1;
  }
  const lineStart = Math.min(starts[lo] ?? 0, o);
  return { line: lo + 1, col: 1 + codePointsBetween(text, lineStart, o) };
}

/** The Range of text[start, end) (end exclusive), columns in code points. */
export function rangeOfOffsets(lineCounter: LineCounter, text: string, start: number, end: number): Range {
  const s = positionOfOffset(lineCounter, text, start);
  const e = positionOfOffset(lineCounter, text, Math.max(start, end));
  return { start: s, end: e };
}

/**
 * The Range of a node's value (`range[0]`..`range[1]`). With `firstLine`, a node spanning several
 * lines (a block map, say) is cut at the end of its first line, trailing blanks excluded.
 */
export function nodeRange(
  lineCounter: LineCounter,
  text: string,
  node: { range?: [number, number, number] | null } | null | undefined,
  firstLine = false,
): Range {
  if (!node?.range) return rangeOfOffsets(lineCounter, text, 0, 0);
  const start = node.range[0];
  let end = node.range[1];
  if (firstLine) {
    const nl = text.indexOf('\n', start);
    if (nl !== -1 && nl < end) {
      end = nl;
      while (end > start && /[ \t\r]/.test(text[end - 1])) end--;
      // a trailing comment on that line is not part of the node
      const hash = text.slice(start, end).search(/\s#/);
      if (hash > 0) end = start + hash;
    }
  }
  return rangeOfOffsets(lineCounter, text, start, end);
}

// ---------------------------------------------------------------------------------------------
// Paths

export type PathSegment = string | number;

/** Splits a JSON Pointer (`/conditions/0/when`) into segments; `''` is the root. */
export function parsePointer(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  return pointer
    .replace(/^#/, '')
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export function toPointer(path: readonly PathSegment[]): string {
  return path.map((s) => '/' + String(s).replace(/~/g, '~0').replace(/\//g, '~1')).join('');
}

export interface PathMatch {
  /** The deepest existing node along the path (the document's root node when nothing matched). */
  node: Node | null;
  /** When the last matched step was a map entry: that entry's key node. */
  key: Node | null;
  /** How many path segments were matched. */
  depth: number;
  /** Whether the whole path exists. */
  complete: boolean;
}

function deref(doc: Document, node: unknown): unknown {
  let n = node;
  for (let i = 0; i < 8 && isAlias(n); i++) n = (n as Alias).resolve(doc);
  return n;
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  return undefined;
}

/** Follows a path (segments or a JSON Pointer) through maps and sequences. */
export function findPath(doc: Document, path: readonly PathSegment[] | string): PathMatch {
  const segments = typeof path === 'string' ? parsePointer(path) : path;
  let node = (doc.contents ?? null) as Node | null;
  let key: Node | null = null;
  let depth = 0;
  for (const seg of segments) {
    const container = deref(doc, node);
    let next: Node | null | undefined;
    let nextKey: Node | null = null;
    if (isMap(container)) {
      const want = String(seg);
      // the last of duplicate keys wins, as in the data (duplicates are errors anyway)
      for (const pair of container.items) {
        if (keyText(pair.key) === want) {
          next = (pair.value ?? null) as Node | null;
          nextKey = pair.key as Node;
        }
      }
      if (nextKey === null) break;
    } else if (isSeq(container)) {
      const index = typeof seg === 'number' ? seg : /^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : NaN;
      if (!(index >= 0 && index < container.items.length)) break;
      next = container.items[index] as Node | null;
    } else {
      break;
    }
    depth++;
    key = nextKey;
    if (next === null || next === undefined) {
      // `key:` with no value: the key is the closest thing to point at
      node = nextKey;
      if (depth < segments.length) break;
      return { node, key, depth, complete: true };
    }
    node = next;
  }
  return { node, key, depth, complete: depth === segments.length };
}

/** The deepest existing YAML node along a path. */
export function nodeAtPath(doc: Document, path: readonly PathSegment[] | string): Node | null {
  return findPath(doc, path).node;
}

// ---------------------------------------------------------------------------------------------
// Scalar value index → source offset

/** For each UTF-16 index of a scalar's string value, the source span it came from. */
interface OffsetMap {
  value: string;
  starts: number[];
  ends: number[];
  /** Offset just past the source of the last character (for index === value.length). */
  end: number;
}

const offsetMaps = new WeakMap<Scalar, OffsetMap>();

class Builder {
  value = '';
  starts: number[] = [];
  ends: number[] = [];
  /** Appends chars that each map to their own source offset starting at `at`. */
  copy(chars: string, at: number): void {
    for (let i = 0; i < chars.length; i++) {
      this.starts.push(at + i);
      this.ends.push(at + i + 1);
    }
    this.value += chars;
  }
  /** Appends chars that all come from source[at, srcEnd) (escapes, folded line breaks). */
  emit(chars: string, at: number, srcEnd: number): void {
    for (let i = 0; i < chars.length; i++) {
      this.starts.push(at);
      this.ends.push(srcEnd);
    }
    this.value += chars;
  }
}

const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** yaml's line unfolding for plain and single-quoted scalars, with offsets. */
function unfoldInto(b: Builder, src: string, base: number): void {
  // split into lines, remembering where each starts and where its break is
  const lines: { text: string; off: number; brk: number }[] = [];
  const re = /\r?\n/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src))) {
    lines.push({ text: src.slice(last, m.index), off: last, brk: m.index });
    last = m.index + m[0].length;
  }
  if (lines.length === 0) {
    b.copy(src, base);
    return;
  }
  const first = lines[0];
  let firstEnd = first.text.length;
  while (firstEnd > 0 && isBlank(first.text[firstEnd - 1])) firstEnd--;
  b.copy(first.text.slice(0, firstEnd), base);
  let sep = ' ';
  let sepAt = base + first.off + firstEnd;
  for (let i = 1; i < lines.length; i++) {
    const { text, off } = lines[i];
    let s = 0;
    while (s < text.length && isBlank(text[s])) s++;
    let e = text.length;
    while (e > s && isBlank(text[e - 1])) e--;
    if (s === e) {
      if (sep === '\n') b.emit('\n', base + off, base + off);
      else {
        sep = '\n';
        sepAt = base + off;
      }
    } else {
      b.emit(sep, sepAt, sepAt + 1);
      b.copy(text.slice(s, e), base + off + s);
      sep = ' ';
      sepAt = base + off + e;
    }
  }
  let s = last;
  while (s < src.length && isBlank(src[s])) s++;
  b.emit(sep, sepAt, sepAt + 1);
  b.copy(src.slice(s), base + s);
}

function mapPlain(text: string, start: number, end: number): Builder {
  const b = new Builder();
  unfoldInto(b, text.slice(start, end), start);
  return b;
}

function mapSingleQuoted(text: string, start: number, end: number): Builder {
  const raw = text.slice(start, end);
  const inner = raw.endsWith("'") && raw.length > 1 ? raw.slice(1, -1) : raw.slice(1);
  const unfolded = new Builder();
  unfoldInto(unfolded, inner, start + 1);
  // then '' → '
  const b = new Builder();
  const v = unfolded.value;
  for (let i = 0; i < v.length; i++) {
    if (v[i] === "'" && v[i + 1] === "'") {
      b.emit("'", unfolded.starts[i], unfolded.ends[i + 1]);
      i++;
    } else {
      b.emit(v[i], unfolded.starts[i], unfolded.ends[i]);
    }
  }
  return b;
}

const DQ_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  N: '\u0085',
  _: '\u00a0',
  L: '\u2028',
  P: '\u2029',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  '\t': '\t',
};

/** yaml's double-quoted scalar decoding, with offsets. */
function mapDoubleQuoted(text: string, start: number, end: number): Builder {
  const source = text.slice(start, end);
  const b = new Builder();
  for (let i = 1; i < source.length - 1; ++i) {
    const ch = source[i];
    if (ch === '\r' && source[i + 1] === '\n') continue;
    if (ch === '\n') {
      let fold = '';
      let j = i;
      let c = source[j + 1];
      while (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
        if (c === '\r' && source[j + 2] !== '\n') break;
        if (c === '\n') fold += '\n';
        j += 1;
        c = source[j + 1];
      }
      if (!fold) fold = ' ';
      b.emit(fold, start + i, start + j + 1);
      i = j;
    } else if (ch === '\\') {
      const at = i;
      let next = source[++i];
      const cc = DQ_ESCAPES[next];
      if (cc) b.emit(cc, start + at, start + i + 1);
      else if (next === '\n') {
        next = source[i + 1];
        while (next === ' ' || next === '\t') next = source[++i + 1];
      } else if (next === '\r' && source[i + 1] === '\n') {
        next = source[++i + 1];
        while (next === ' ' || next === '\t') next = source[++i + 1];
      } else if (next === 'x' || next === 'u' || next === 'U') {
        const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
        const hex = source.substr(i + 1, length);
        const ok = hex.length === length && /^[0-9a-fA-F]+$/.test(hex);
        let decoded: string;
        try {
          decoded = String.fromCodePoint(ok ? parseInt(hex, 16) : NaN);
        } catch {
          decoded = source.substr(i - 1, length + 2);
        }
        b.emit(decoded, start + at, start + i + 1 + length);
        i += length;
      } else {
        b.emit(source.substr(i - 1, 2), start + at, start + i + 1);
      }
    } else if (ch === ' ' || ch === '\t') {
      const wsStart = i;
      let next = source[i + 1];
      while (next === ' ' || next === '\t') next = source[++i + 1];
      if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
        b.copy(i > wsStart ? source.slice(wsStart, i + 1) : ch, start + wsStart);
    } else {
      b.copy(ch, start + i);
    }
  }
  return b;
}

/** yaml's block scalar decoding (| and >), with offsets, for a given base indentation. */
function mapBlock(text: string, start: number, end: number, literal: boolean, parentIndent: number): Builder {
  const raw = text.slice(start, end);
  const nl = raw.indexOf('\n');
  const headerEnd = nl === -1 ? raw.length : nl + 1;
  const { chomp, explicit } = blockHeader(raw);
  const contentBase = start + headerEnd;
  const b = new Builder();
  const lines = blockLines(raw.slice(headerEnd), contentBase);
  const lineEnd = (i: number): number => lines[i].off + lines[i].indent.length + lines[i].content.length;
  let chompStart = lines.length;
  for (let i = lines.length - 1; i >= 0; --i) {
    const c = lines[i].content;
    if (c === '' || c === '\r') chompStart = i;
    else break;
  }
  if (chompStart === 0) {
    const value = chomp === '+' && lines.length > 0 ? '\n'.repeat(Math.max(1, lines.length - 1)) : '';
    b.emit(value, contentBase, end);
    return b;
  }
  const { trimIndent, contentStart } = blockIndent(lines, chompStart, parentIndent + explicit, explicit === 0);
  for (let i = lines.length - 1; i >= chompStart; --i) {
    if (lines[i].indent.length > trimIndent) chompStart = i + 1;
  }
  let sep = '';
  let sepAt = contentBase;
  let prevMoreIndented = false;
  for (let i = 0; i < contentStart; ++i) {
    const { indent, off } = lines[i];
    b.copy(indent.slice(trimIndent), off + trimIndent);
    b.emit('\n', lineEnd(i), lineEnd(i) + 1);
  }
  for (let i = contentStart; i < chompStart; ++i) {
    let { indent, content } = lines[i];
    const { off } = lines[i];
    const crlf = content[content.length - 1] === '\r';
    if (crlf) content = content.slice(0, -1);
    let indentOff = off;
    if (content && indent.length < trimIndent) {
      indent = '';
      indentOff = off;
    }
    const contentOff = off + lines[i].indent.length;
    const pushLine = (): void => {
      b.emit(sep, sepAt, sepAt + (sep ? 1 : 0));
      b.copy(indent.slice(trimIndent), indentOff + trimIndent);
      b.copy(content, contentOff);
    };
    if (literal) {
      pushLine();
      sep = '\n';
    } else if (indent.length > trimIndent || content[0] === '\t') {
      if (sep === ' ') sep = '\n';
      else if (!prevMoreIndented && sep === '\n') sep = '\n\n';
      pushLine();
      sep = '\n';
      prevMoreIndented = true;
    } else if (content === '') {
      if (sep === '\n') b.emit('\n', off, off);
      else sep = '\n';
    } else {
      pushLine();
      sep = ' ';
      prevMoreIndented = false;
    }
    sepAt = contentOff + content.length;
  }
  if (chomp === '+') {
    for (let i = chompStart; i < lines.length; ++i) {
      b.emit('\n', i > 0 ? lineEnd(i - 1) : contentBase, lines[i].off);
      b.copy(lines[i].indent.slice(trimIndent), lines[i].off + trimIndent);
    }
    if (b.value[b.value.length - 1] !== '\n') b.emit('\n', sepAt, sepAt + 1);
  } else if (chomp !== '-') {
    b.emit('\n', sepAt, sepAt + 1);
  }
  return b;
}

/** The indentation a block scalar's content lines lose, and its first content line (yaml's rules). */
function blockIndent(lines: { indent: string; content: string }[], chompStart: number, base: number, detect: boolean): { trimIndent: number; contentStart: number } {
  let trimIndent = base;
  for (let i = 0; i < chompStart; ++i) {
    const { indent, content } = lines[i];
    if (content !== '' && content !== '\r') return { trimIndent: detect ? indent.length : trimIndent, contentStart: i };
    if (detect && indent.length > trimIndent) trimIndent = indent.length;
  }
  return { trimIndent, contentStart: 0 };
}

/** A block scalar header's chomping indicator (-, + or none) and explicit indentation (0: none). */
function blockHeader(raw: string): { chomp: string; explicit: number } {
  const header = /^[|>]([-+0-9]*)/.exec(raw)?.[1] ?? '';
  let chomp = '';
  let explicit = 0;
  for (const ch of header) {
    if (!chomp && (ch === '-' || ch === '+')) chomp = ch;
    else if (!explicit && Number(ch)) explicit = Number(ch);
  }
  return { chomp, explicit };
}

/** A block scalar's lines as [indent, content], as yaml splits them, with absolute line offsets. */
function blockLines(src: string, contentBase: number): { indent: string; content: string; off: number }[] {
  const lines: { indent: string; content: string; off: number }[] = [];
  if (!src) return lines;
  const split = src.split(/\n( *)/);
  const first = split[0];
  const lead = /^( *)/.exec(first)?.[1] ?? '';
  lines.push({ indent: lead, content: first.slice(lead.length), off: contentBase });
  let off = contentBase + first.length + 1;
  for (let i = 1; i < split.length; i += 2) {
    const indent = split[i];
    const content = split[i + 1];
    lines.push({ indent, content, off });
    off += indent.length + content.length + 1;
  }
  return lines;
}

/** Fallback: aligns value characters with the source greedily (used only if decoding disagrees). */
function mapGreedy(text: string, start: number, end: number, value: string): Builder {
  const b = new Builder();
  let cursor = start;
  for (const ch of value) {
    const found = text.indexOf(ch, cursor);
    const at = found !== -1 && found < end ? found : Math.min(cursor, end);
    b.emit(ch, at, at + ch.length);
    if (found !== -1 && found < end) cursor = found + ch.length;
  }
  return b;
}

function buildOffsetMap(node: Scalar, text: string): OffsetMap {
  const value = typeof node.source === 'string' ? node.source : String(node.value);
  const range = node.range;
  if (!range) return { value, starts: [], ends: [], end: 0 };
  const [start, end] = range;
  let b: Builder | null = null;
  switch (node.type) {
    case Scalar.PLAIN:
      b = mapPlain(text, start, end);
      break;
    case Scalar.QUOTE_SINGLE:
      b = mapSingleQuoted(text, start, end);
      break;
    case Scalar.QUOTE_DOUBLE:
      b = mapDoubleQuoted(text, start, end);
      break;
    case Scalar.BLOCK_LITERAL:
    case Scalar.BLOCK_FOLDED: {
      const literal = node.type === Scalar.BLOCK_LITERAL;
      // With an explicit indentation indicator (`|2`) the base indentation (the parent's) matters;
      // it is not kept on the node, so try each plausible one and keep the decoding that matches.
      const explicit = /^[|>][-+]?[1-9]/.test(text.slice(start, start + 3));
      const maxIndent = explicit ? Math.min(end - start, 256) : 0;
      for (let indent = 0; indent <= maxIndent; indent++) {
        const attempt = mapBlock(text, start, end, literal, indent);
        if (attempt.value === value) {
          b = attempt;
          break;
        }
      }
      break;
    }
  }
  if (!b || b.value !== value) b = mapGreedy(text, start, end, value);
  const last = b.ends.length - 1;
  const defaultEnd = node.type === Scalar.QUOTE_DOUBLE || node.type === Scalar.QUOTE_SINGLE ? start + 1 : start;
  return { value, starts: b.starts, ends: b.ends, end: last >= 0 ? b.ends[last] : defaultEnd };
}

/**
 * Maps an index into a scalar's parsed string value (UTF-16) to the absolute source offset of that
 * character. `valueIndex === value.length` gives the offset just past the last character. Exact for
 * plain, single- and double-quoted (escapes, line folding) and block (| and >) scalars.
 */
export function mapScalarOffset(node: Scalar, text: string, valueIndex: number): number {
  let map = offsetMaps.get(node);
  if (!map) {
    map = buildOffsetMap(node, text);
    offsetMaps.set(node, map);
  }
  if (map.starts.length === 0) return node.range ? node.range[0] : 0;
  if (valueIndex >= map.starts.length) return map.end;
  return map.starts[Math.max(0, valueIndex)];
}

/**
 * The Range of value[start, end) of a scalar (end exclusive), e.g. a token of a `when:` expression.
 * An empty span gives an empty range at `start`.
 */
export function scalarSpanRange(lineCounter: LineCounter, text: string, node: Scalar, start: number, end: number): Range {
  const s = mapScalarOffset(node, text, start);
  if (end <= start) return rangeOfOffsets(lineCounter, text, s, s);
  const map = offsetMaps.get(node)!;
  const last = Math.min(end, map.ends.length) - 1;
  const e = last >= 0 ? map.ends[last] : s;
  return rangeOfOffsets(lineCounter, text, s, Math.max(s, e));
}

export { isScalar, Scalar };
