// Batch output of level results without explanations: UTF-8 bytes, exactly what JSON.stringify
// of the results would encode to. A batch repeats the same occupations, levels and clause texts
// for every profile, so their JSON is encoded once per process and copied as bytes; only what
// varies (statuses, line numbers, warnings with the applicant's own text) is encoded per line.
// Used by `zige eval --batch` (cli/batch-worker.ts) and `zige serve`'s batch (server/), so it lives
// below both; test/batch.test.ts checks it byte for byte against JSON.stringify.
import { keep } from '../runtime/memo.js';
import type { ClauseResult, LevelResult, NotOfferedLevel, Warning } from '../runtime/index.js';

/** Output lines encoded to UTF-8 as they are made, into one growing buffer (per chunk of input). */
export class Utf8Lines {
  private buf = Buffer.allocUnsafeSlow(1 << 16);
  private length = 0;
  /** A buffer handed out by `take` and given back: the next one to write into. */
  private spare: Buffer<ArrayBuffer> | null = null;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.length + n, this.buf.length * 2));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }

  /** Appends a string as UTF-8. */
  push(s: string): void {
    this.reserve(s.length * 3); // UTF-8 bytes per UTF-16 unit, at most
    this.length += this.buf.write(s, this.length, 'utf8');
  }

  /** Appends a short string known to be ASCII (JSON punctuation, numbers, status words): byte by byte, cheaper than an encoder call. */
  ascii(s: string): void {
    this.reserve(s.length);
    const buf = this.buf;
    let n = this.length;
    for (let i = 0; i < s.length; i++) buf[n++] = s.charCodeAt(i);
    this.length = n;
  }

  /** Bytes so far. */
  get size(): number {
    return this.length;
  }

  /** A copy of the bytes from `start` on. */
  copy(start: number): Buffer {
    return Buffer.from(this.buf.subarray(start, this.length));
  }

  /** Appends again the bytes from `start` to `end`, already written. */
  again(start: number, end: number): void {
    this.reserve(end - start);
    this.buf.copyWithin(this.length, start, end);
    this.length += end - start;
  }

  /** Appends bytes already encoded. */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /**
   * The bytes so far, in an ArrayBuffer of their own (transferable); then empty, writing into a
   * buffer given back by `recycle`, or a new one of the same capacity: the bytes are handed over,
   * not copied.
   */
  take(): Uint8Array<ArrayBuffer> {
    const full = this.buf;
    const out = new Uint8Array(full.buffer as ArrayBuffer, full.byteOffset, this.length);
    this.buf = this.spare ?? Buffer.allocUnsafeSlow(full.length);
    this.spare = null;
    this.length = 0;
    return out;
  }

  /** Gives back bytes returned by `take` once they are written: the next `take` reuses their buffer instead of allocating one. */
  recycle(bytes: Uint8Array<ArrayBuffer>): void {
    this.spare = Buffer.from(bytes.buffer, 0, bytes.buffer.byteLength);
  }
}

// Caches keyed by strings that come from the rules' metadata (the same string objects each time,
// so lookups reuse their hashes), each entry checked against the other fields it depends on;
// bounded by the runtime's cache policy (`keep`).

interface Head {
  id: string;
  version: string | null;
  workTypes: readonly string[];
  bytes: Buffer;
  /** Part of the keys of `levels`: a new one whenever the clauses below change. */
  serial: number;
  /** The clauses (ids, texts) the level's cached bytes were encoded with. */
  clauseIds: string[];
  clauseTexts: string[];
}
const heads = new Map<string, Map<number, Head>>();

function head(r: LevelResult): Head {
  const byLevel = heads.get(r.occupation) ?? keep(heads, r.occupation, new Map<number, Head>());
  const h = byLevel.get(r.level);
  if (h !== undefined && h.id === r.id && h.version === r.version && sameStrings(h.workTypes, r.workTypes)) return h;
  const json = `{"occupation":${JSON.stringify(r.occupation)},"id":${JSON.stringify(r.id)},"version":${JSON.stringify(r.version)},"level":${JSON.stringify(r.level)},"workTypes":${JSON.stringify(r.workTypes)},"status":`;
  const entry: Head = { id: r.id, version: r.version, workTypes: [...r.workTypes], bytes: Buffer.from(json, 'utf8'), serial: nextSerial(), clauseIds: [], clauseTexts: [] };
  byLevel.set(r.level, entry);
  return entry;
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const STATUSES = ['met', 'unmet', 'unknown'] as const;
interface Clause {
  id: string;
  /** `{"id":…,"text":…,"status":"met"}` etc., by STATUSES index. */
  bytes: Buffer[];
}
const clauses = new Map<string, Clause>();

function clause(c: ClauseResult): Buffer {
  let e = clauses.get(c.text);
  if (e === undefined || e.id !== c.id) {
    e = keep(clauses, c.text, { id: c.id, bytes: STATUSES.map((status) => Buffer.from(JSON.stringify({ id: c.id, text: c.text, status }), 'utf8')) });
  }
  return e.bytes[c.status === 'met' ? 0 : c.status === 'unmet' ? 1 : 2];
}

const ids = new Map<string, Buffer>();

function id(s: string): Buffer {
  return ids.get(s) ?? keep(ids, s, Buffer.from(JSON.stringify(s), 'utf8'));
}

/** A warning as JSON.stringify encodes it: its fields in their order, `occupation` when it has one. */
function warningJson(w: Warning): string {
  const occupation = w.occupation === undefined ? '' : `,"occupation":${JSON.stringify(w.occupation)}`;
  return `{"code":${JSON.stringify(w.code)},"path":${JSON.stringify(w.path)}${occupation},"message":${JSON.stringify(w.message)}}`;
}

// Whole level results, encoded once per combination of what varies in
// them (status, education, clause statuses, matched ids): a batch sees few combinations, and one
// copy per level is cheaper than encoding it piece by piece. Keyed by a number: the head's serial
// and the combination's code (2 bits per status, 1 bit per clause for `matched`).
const levels = new Map<number, Buffer>();
/** Clauses per level that still fit the code (2 + 2 + 3 × 10 bits). */
const MAX_KEYED_CLAUSES = 10;
const CODE_SPAN = 2 ** 34;
/** Serials stay below this, so keys stay exact integers (2^18 × 2^34 = 2^52). */
const SERIALS = 2 ** 18;
let serials = 0;

function nextSerial(): number {
  if (serials >= SERIALS) {
    // every serial used: forget the heads (made again on demand) and the bytes keyed by them
    heads.clear();
    levels.clear();
    serials = 0;
  }
  return serials++;
}

const levelCode = (s: string): number => (s === 'eligible' ? 0 : s === 'ineligible' ? 1 : s === 'unknown' ? 2 : -1);
const conditionCode = (s: string): number => (s === 'met' ? 0 : s === 'unmet' ? 1 : s === 'unknown' ? 2 : -1);

/** The key of the level's bytes in `levels`, or -1 when it has none (an unusual shape or value). */
function levelKey(h: Head, r: LevelResult): number {
  const cs = r.clauses;
  const n = cs.length;
  if (n > MAX_KEYED_CLAUSES) return -1;
  const status = levelCode(r.status);
  const education = conditionCode(r.education);
  if (status < 0 || education < 0) return -1;
  if (h.clauseIds.length !== n || !sameClauses(h, cs)) {
    h.clauseIds = cs.map((c) => c.id);
    h.clauseTexts = cs.map((c) => c.text);
    h.serial = nextSerial();
  }
  let code = status * 4 + education;
  const matched = r.matched;
  let j = 0;
  for (let k = 0; k < n; k++) {
    const c = cs[k];
    const st = conditionCode(c.status);
    if (st < 0) return -1;
    // matched ids, in clause order, as one bit per clause (the bits give back the same list)
    const m = j < matched.length && matched[j] === c.id ? 1 : 0;
    j += m;
    code = code * 8 + st * 2 + m;
  }
  if (j !== matched.length) return -1;
  return h.serial * CODE_SPAN + code;
}

function sameClauses(h: Head, cs: readonly ClauseResult[]): boolean {
  for (let k = 0; k < cs.length; k++) if (cs[k].id !== h.clauseIds[k] || cs[k].text !== h.clauseTexts[k]) return false;
  return true;
}

/** Appends a level result, piece by piece. */
function pushLevel(out: Utf8Lines, h: Head, r: LevelResult): void {
  out.bytes(h.bytes);
  out.ascii(`"${r.status}","education":"${r.education}","clauses":[`);
  for (let k = 0; k < r.clauses.length; k++) {
    if (k > 0) out.ascii(',');
    out.bytes(clause(r.clauses[k]));
  }
  out.ascii('],"matched":[');
  for (let k = 0; k < r.matched.length; k++) {
    if (k > 0) out.ascii(',');
    out.bytes(id(r.matched[k]));
  }
  out.ascii(']');
  // What the level grants, only for occupations declaring it (status and matched decide it: the cache key holds)
  if (r.outcome !== undefined) out.ascii(`,"outcome":${JSON.stringify(r.outcome)}`);
  if (r.amount !== undefined) out.push(`,"amount":${JSON.stringify(r.amount)}`);
  out.ascii('}');
}

/**
 * Appends `{"line":…,"warnings":[…],"results":[…]}` and a newline: exactly JSON.stringify of it,
 * as UTF-8. The profile's warnings are said once, not per level.
 */
export function pushResultsLine(out: Utf8Lines, line: number, results: readonly LevelResult[], warnings: readonly Warning[], notOffered?: readonly NotOfferedLevel[]): void {
  out.ascii(`{"line":${line},`);
  pushWarningsAndResults(out, results, warnings);
  // Levels not judged (the same for every line): after the results, only when there are some.
  if (notOffered && notOffered.length > 0) out.push(`,"notOffered":${JSON.stringify(notOffered)}`);
  out.ascii('}\n');
}

/**
 * Appends `"warnings":[…],"results":[…]` (the members, no braces): exactly JSON.stringify's, as
 * UTF-8 — for `zige eval --batch` lines and the slots of `zige serve`'s batch answers.
 */
export function pushWarningsAndResults(out: Utf8Lines, results: readonly LevelResult[], warnings: readonly Warning[]): void {
  out.ascii('"warnings":[');
  // Warnings hold the applicant's own text: not cached across lines.
  for (let k = 0; k < warnings.length; k++) out.push((k > 0 ? ',' : '') + warningJson(warnings[k]));
  out.ascii('],"results":[');
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (i > 0) out.ascii(',');
    const h = head(r);
    const key = levelKey(h, r);
    const cached = key < 0 ? undefined : levels.get(key);
    if (cached !== undefined) out.bytes(cached);
    else {
      const start = out.size;
      pushLevel(out, h, r);
      if (key >= 0) keep(levels, key, out.copy(start));
    }
  }
  out.ascii(']');
}

/** Level results as `JSON.stringify(…, null, 2)` indents them inside `results`, as UTF-8, by the same keys as `levels`. */
const indentedLevels = new Map<number, Buffer>();

/** A level result as it stands in `zige eval --json`'s `results`: indented two more levels. */
function indentedLevel(r: LevelResult): Buffer {
  const h = head(r);
  const key = levelKey(h, r);
  const cached = key < 0 ? undefined : indentedLevels.get(key);
  if (cached !== undefined) return cached;
  const bytes = Buffer.from(JSON.stringify(r, null, 2).replace(/\n/g, '\n    '));
  return key < 0 ? bytes : keep(indentedLevels, key, bytes);
}

const LEVEL_SEPARATOR = Buffer.from(',\n    ');

/**
 * The UTF-8 text of `zige eval --json` (its final newline included) for results without
 * explanations: exactly `JSON.stringify({asOf, rulesVersion, warnings, results}, null, 2)`
 * (compiler/judge.ts evalJson), with each level result encoded once per combination of statuses
 * and matched ids — bytes, so the service sends them without encoding the answer again.
 */
export function evalJsonBytes(asOf: string, rulesVersion: string, results: readonly LevelResult[], warnings: readonly Warning[], notOffered?: readonly NotOfferedLevel[]): Buffer {
  const said = warnings.length === 0 ? '[]' : `[\n    ${warnings.map((w) => JSON.stringify(w, null, 2).replace(/\n/g, '\n    ')).join(',\n    ')}\n  ]`;
  const levels = notOffered && notOffered.length > 0 ? `,\n  "notOffered": ${JSON.stringify(notOffered, null, 2).replace(/\n/g, '\n  ')}` : '';
  const start = `{\n  "asOf": ${JSON.stringify(asOf)},\n  "rulesVersion": ${JSON.stringify(rulesVersion)},\n  "warnings": ${said},\n  "results": `;
  if (results.length === 0) return Buffer.from(`${start}[]${levels}\n}\n`);
  const parts: Buffer[] = [Buffer.from(`${start}[\n    `)];
  for (let i = 0; i < results.length; i++) {
    if (i > 0) parts.push(LEVEL_SEPARATOR);
    parts.push(indentedLevel(results[i]));
  }
  parts.push(Buffer.from(`\n  ]${levels}\n}\n`));
  return Buffer.concat(parts);
}
