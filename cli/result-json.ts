// Batch output of level results without explanations: UTF-8 bytes, exactly what JSON.stringify
// of the results would encode to. A batch repeats the same occupations, levels and clause texts
// for every profile, so their JSON is encoded once per process and copied as bytes; only what
// varies (statuses, line numbers, warnings with the applicant's own text) is encoded per line.
import { keep } from '../runtime/memo.js';
import type { ClauseResult, LevelResult, Warning } from '../runtime/index.js';

/** Output lines encoded to UTF-8 as they are made, into one growing buffer (per chunk of input). */
export class Utf8Lines {
  private buf = Buffer.allocUnsafe(1 << 16);
  private length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.length + n, this.buf.length * 2));
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

  /** Appends bytes already encoded. */
  bytes(b: Uint8Array): void {
    this.reserve(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }

  /** The bytes so far, in an ArrayBuffer of exactly their size (transferable); then empty. */
  take(): Uint8Array<ArrayBuffer> {
    const out = new Uint8Array(this.length);
    out.set(this.buf.subarray(0, this.length));
    this.length = 0;
    return out;
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
}
const heads = new Map<string, Map<number, Head>>();

function head(r: LevelResult): Buffer {
  const byLevel = heads.get(r.occupation) ?? keep(heads, r.occupation, new Map<number, Head>());
  const h = byLevel.get(r.level);
  if (h !== undefined && h.id === r.id && h.version === r.version && sameStrings(h.workTypes, r.workTypes)) return h.bytes;
  const json = `{"occupation":${JSON.stringify(r.occupation)},"id":${JSON.stringify(r.id)},"version":${JSON.stringify(r.version)},"level":${JSON.stringify(r.level)},"workTypes":${JSON.stringify(r.workTypes)},"status":`;
  const bytes = Buffer.from(json, 'utf8');
  byLevel.set(r.level, { id: r.id, version: r.version, workTypes: [...r.workTypes], bytes });
  return bytes;
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

function warningJson(w: Warning): string {
  return `{"code":${JSON.stringify(w.code)},"path":${JSON.stringify(w.path)},"message":${JSON.stringify(w.message)}}`;
}

/** Appends `{"line":…,"results":[…]}` and a newline: exactly JSON.stringify of it, as UTF-8. */
export function pushResultsLine(out: Utf8Lines, line: number, results: readonly LevelResult[]): void {
  out.ascii(`{"line":${line},"results":[`);
  for (let i = 0; i < results.length; i++) {
    const r = results[i];
    if (i > 0) out.ascii(',');
    out.bytes(head(r));
    out.ascii(`"${r.status}","education":"${r.education}","clauses":[`);
    for (let k = 0; k < r.clauses.length; k++) {
      const c = r.clauses[k];
      if (k > 0) out.ascii(',');
      out.bytes(clause(c));
    }
    out.ascii('],"matched":[');
    for (let k = 0; k < r.matched.length; k++) {
      if (k > 0) out.ascii(',');
      out.bytes(id(r.matched[k]));
    }
    out.ascii('],"warnings":[');
    // Warnings hold the applicant's own text: encoded each time.
    for (let k = 0; k < r.warnings.length; k++) out.push((k > 0 ? ',' : '') + warningJson(r.warnings[k]));
    out.ascii(']}');
  }
  out.ascii(']}\n');
}
