// The output templates of `eval --batch --engine duckdb` (sql/output.ts): the batch's own writer
// (batch-worker.ts writeResults, sql/results.ts ResultBuilder) run once per occupation, level and
// warning kind on results whose varying values are markers, then cut at the markers. The SQL
// fills the slots with columns, so its output is the writer's, byte for byte.
import type { OccupationMeta } from '../runtime/meta.js';
import type { RuntimeMessageCode } from '../runtime/messages.js';
import type { LevelResult, NotOfferedLevel } from '../runtime/index.js';
import { ResultBuilder } from '../sql/results.js';
import type { OutputTemplates, Piece, Slot } from '../sql/output.js';
import { csvField, writeResults, type LineOptions } from './batch-worker.js';
import { Utf8Lines } from '../compiler/result-json.js';

/** A marker: a private-use character the writer copies as it is, then the slot's number. */
const MARK = '\uE000';
const SLOTS: Slot[] = [{ kind: 'line' }, { kind: 'status' }, { kind: 'education' }, { kind: 'matched' }, { kind: 'warnings' }, { kind: 'path' }, { kind: 'arg' }];
const mark = (n: number): string => MARK + String.fromCharCode(0xe100 + n);
const CLAUSE = SLOTS.length;

/** Text cut at the markers into pieces. */
function cut(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (let i = text.indexOf(MARK); i >= 0; i = text.indexOf(MARK, last)) {
    pieces.push(text.slice(last, i));
    const n = text.charCodeAt(i + 1) - 0xe100;
    pieces.push(n < CLAUSE ? SLOTS[n] : { kind: 'clause', index: n - CLAUSE });
    last = i + 2;
  }
  pieces.push(text.slice(last));
  return pieces;
}

/** Text of the writer, as a string. */
function written(write: (out: Utf8Lines) => void): string {
  const out = new Utf8Lines();
  write(out);
  return Buffer.from(out.take()).toString('utf8');
}

/** The warnings the runtime says: code → the argument's name in the message. */
const WARNINGS: RuntimeMessageCode[] = ['W_UNRELATED', 'W_UNKNOWN_KIND', 'W_NO_MAJOR', 'W_UNKNOWN_FACT', 'W_UNKNOWN_CATEGORY'];

/** A clause id the CSV writer leaves as it is, also when joined with others by spaces. */
function plainCsv(id: string): boolean {
  return csvField(id) === id && !/\s/.test(id) && !/^[=+\-@]/.test(id);
}

/**
 * A level's CSV row as the batch writes it, with the warnings cell (empty here) as slot 4: the
 * cells after it (outcome, amount, amount_unit) are the same for every applicant, since CSV output
 * of an occupation with next-level outcomes is refused.
 */
function csvTemplate(result: LevelResult, o: LineOptions): string {
  const row = written((out) => writeResults(out, 0, [result], [], { ...o, notOffered: [] })).replace(/^0,/, `${mark(0)},`).replace(/\n$/, '');
  const after = [result.outcome?.kind ?? '', result.amount?.value ?? '', result.amount?.unit ?? ''].map(csvField).join(',');
  if (!row.endsWith(`,${after}`)) throw new Error('the CSV writer no longer ends a row with outcome, amount, amount_unit');
  return `${row.slice(0, row.length - after.length - 1)}${mark(4)},${after}`;
}

/** The templates for the judged occupations (`metas` in report order) and levels, or the clause id the CSV output cannot hold as it is. */
export function outputTemplates(metas: readonly OccupationMeta[], levelsOf: (m: OccupationMeta) => readonly number[], o: LineOptions): OutputTemplates | { unplain: string } {
  const builder = new ResultBuilder(metas);
  const csv = o.csvOutput;
  const t: OutputTemplates = { format: csv ? 'csv' : 'json', levels: [], warnings: [] };
  // JSON lines: levels are encoded by JsonLevels from their compact form; CSV: by these templates
  for (const [order, meta] of csv ? metas.entries() : []) {
    if (meta.outcomes) return { unplain: `${meta.id} (outcome: next-level)` };
    for (const level of levelsOf(meta)) {
      const base = builder.level({ applicant_id: 0, occupation_order: order, level, status: mark(1), education: mark(2), clauses: '' });
      const ids = meta.clauses.filter((c) => c.level === level).map((c) => c.id);
      const unplain = ids.find((id) => !plainCsv(id));
      if (csv && unplain !== undefined) return { unplain };
      const result = { ...base, clauses: base.clauses.map((c, i) => ({ ...c, status: mark(CLAUSE + i) })), matched: [mark(3)] } as unknown as LevelResult;
      const text = csv ? csvTemplate(result, o) : JSON.stringify(result).replace(`"${mark(3)}"`, mark(3));
      t.levels.push({ order, level, pieces: cut(text), clauseIds: csv ? ids : ids.map((id) => JSON.stringify(id)) });
    }
  }
  for (const code of WARNINGS) {
    for (let order = -1; order < metas.length; order++) {
      const row = { applicant_id: 0, code, path: mark(5), occupation_id: order < 0 ? null : metas[order].id, arg: mark(6), occupation_order: Math.max(order, 0) };
      const w = builder.warning(row);
      const text = csv ? JSON.stringify({ code: w.code, path: w.path, occupation: w.occupation }) : JSON.stringify(w);
      t.warnings.push({ code, order, pieces: cut(text) });
    }
  }
  return t;
}

/** Level results of JSON lines output from their compact form (sql/output.ts), each encoded once. */
export class JsonLevels {
  private readonly builder: ResultBuilder;
  private readonly encoded = new Map<string, string>();

  /** `,"notOffered":[…]` as the JS batch ends each line with it (levels not judged), or ''. */
  private readonly notOffered: string;

  constructor(metas: readonly OccupationMeta[], notOffered: readonly NotOfferedLevel[] = []) {
    this.builder = new ResultBuilder(metas);
    this.notOffered = notOffered.length > 0 ? `,"notOffered":${JSON.stringify(notOffered)}` : '';
  }

  /** The JSON line of a judged profile: its line number, warnings' JSON and compact levels. */
  line(line: number, warnings: string, levels: string): string {
    const results = levels === '' ? [] : levels.split(';').map((x) => this.level(x));
    return `{"line":${line},"warnings":[${warnings}],"results":[${results.join(',')}]${this.notOffered}}\n`;
  }

  private level(compact: string): string {
    const known = this.encoded.get(compact);
    if (known !== undefined) return known;
    const [order, level, status, education, clauses] = compact.split(':');
    const json = JSON.stringify(this.builder.level({ applicant_id: 0, occupation_order: Number(order), level: Number(level), status, education, clauses }));
    // bounded: clause letters combine in many ways over a large input
    if (this.encoded.size >= 100_000) this.encoded.clear();
    this.encoded.set(compact, json);
    return json;
  }
}
