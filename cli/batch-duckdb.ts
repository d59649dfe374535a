// `zige eval --batch FILE --engine duckdb`: the same input, checks and output as the JS batch
// (cli/batch.ts), judged by the rules compiled to SQL (sql/) in embedded DuckDB. Every line is
// read and checked here exactly as the JS batch checks it (an invalid line is reported with its
// line number and code, and skipped); valid profiles go into the normalized tables, a batch of
// applicants at a time, and the screening statement's rows come back in input order.
import { closeSync, openSync } from 'node:fs';
import { DiagnosticSink, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { renderDiagnostic } from '../compiler/diagnostics/render.js';
import { MAX_PROFILE_BYTES } from '../compiler/profile/load-profile.js';
import { prepareFacts, ProfileError, type LevelResult, type Profile, type Warning } from '../runtime/index.js';
import { literal } from '../sql/dialect.js';
import { appendRows, clearTables, DuckdbMissing, openDuckdb, type DuckConnection } from '../sql/duckdb.js';
import { addProfile, emptyRows, type Rows } from '../sql/load.js';
import { screeningSql } from '../sql/query.js';
import { ResultBuilder } from '../sql/results.js';
import { warningsSql } from '../sql/warnings.js';
import { csvPieces, profileColumn } from './batch-csv.js';
import { chunks, type Piece } from './batch-input.js';
import { CSV_COLUMNS, decodeUtf8, linesNotUtf8, locate, readProfile, splitRecords, writeError, writeResults, type ChunkResult, type LineOptions, type Records } from './batch-worker.js';
import { readCsv } from './csv-input.js';
import { Utf8Lines } from '../compiler/result-json.js';
import { printDiagnostics, useColor, type Io } from './output.js';
import type { Output } from './batch-output.js';
import type { Candidate } from './bundled.js';
import type { OutputLang } from '../runtime/words.js';

/** What cli/batch.ts hands over: the run, checked and opened (declared here: batch.ts imports this file). */
export interface DuckRun {
  opts: { input: string; workType?: string; occupation?: string; memoryLimit?: string; bom?: boolean; lang: OutputLang };
  settings: { asOf: string; level: LineOptions['level']; csvInput: boolean; csvOutput: boolean; shown: string; parquet: boolean };
  io: Io;
  chosen: { occupations: Candidate[] };
  output: Pick<Output, 'write'>;
  tally: { add(r: Omit<ChunkResult, 'out'>): void };
  /** Invalid lines reported in detail on stderr, at most. */
  maxReports: number;
}

/** Prints one diagnostic that ends the run: its exit code. */
function fail(d: Omit<Diagnostic, 'severity'>, io: Io, lang: OutputLang): 1 {
  const sink = new DiagnosticSink();
  sink.report(d);
  printDiagnostics(sink.items, io, lang);
  return 1;
}

/** Applicants judged per statement: the tables hold this many at a time. */
const APPLICANTS_PER_BATCH = 50_000;

/** A line of the input in order: a loaded applicant (its id), or a skipped line with its errors. */
type Placed = number | { line: number; errors: Diagnostic[] };

/** One batch of lines being gathered. */
interface Gathered {
  rows: Rows;
  placed: Placed[];
  /** Input line of each loaded applicant, by id. */
  lines: number[];
  counts: Omit<ChunkResult, 'out'>;
}

function gathering(): Gathered {
  return { rows: emptyRows(), placed: [], lines: [], counts: { evaluated: 0, skipped: 0, skippedLines: 0, eligible: 0, ineligible: 0, unknown: 0, reports: [] } };
}

/** Judges the whole input in DuckDB into the run's output; 1 once reported (no DuckDB, no profile column). */
export async function judgeWithDuckdb(run: DuckRun): Promise<1 | undefined> {
  const { opts, settings, io, output } = run;
  const o: LineOptions = { input: settings.shown, csv: settings.csvInput, csvOutput: settings.csvOutput, explain: false, asOf: settings.asOf, level: settings.level, workType: opts.workType, single: opts.occupation !== undefined, lang: opts.lang, color: useColor(io), maxReports: run.maxReports };
  let db: Awaited<ReturnType<typeof openDuckdb>>;
  try {
    db = await openDuckdb({ memoryLimit: opts.memoryLimit });
  } catch (e) {
    if (e instanceof DuckdbMissing) return fail({ code: 'E_DUCKDB_MISSING', args: { detail: e.detail } }, io, opts.lang);
    throw e;
  }
  const inputFd = settings.csvInput ? openSync(opts.input, 'r') : null;
  try {
    let pieces: AsyncGenerator<Piece> | Generator<Piece>;
    if (settings.parquet) {
      const reader = await db.connect();
      const column = await hasProfileColumn(reader, opts.input);
      if (column !== true) return fail({ code: 'E_PROFILE_PARSE', file: settings.shown, path: '', args: { detail: column } }, io, opts.lang);
      pieces = parquetPieces(reader, opts.input);
    } else if (inputFd !== null) {
      const records = readCsv(inputFd, { maxRecordBytes: MAX_PROFILE_BYTES });
      const column = profileColumn(records.next(), settings.shown);
      if (typeof column !== 'number') return fail(column, io, opts.lang);
      pieces = csvPieces(records, column);
    } else pieces = chunks(opts.input, io.stdin ?? process.stdin);
    if (settings.csvOutput) await output.write((opts.bom ? '\uFEFF' : '') + CSV_COLUMNS.join(',') + '\n');
    const judge = new SqlJudge(run, db.connection, o);
    for await (const piece of pieces) {
      if ('position' in piece) throw new Error('ranges are read by worker threads only');
      const records: Records = 'records' in piece ? piece.records : recordsOf(piece.bytes, piece.firstLine);
      const notUtf8 = 'bytes' in piece ? linesNotUtf8(piece.bytes, piece.firstLine) : null;
      await judge.add(records, notUtf8);
    }
    await judge.flush();
  } finally {
    if (inputFd !== null) closeSync(inputFd);
    db.close();
  }
  return undefined;
}

/** Whether the Parquet file has a `profile` column, else what is wrong with it. */
async function hasProfileColumn(connection: DuckConnection, file: string): Promise<true | string> {
  try {
    const rows = (await connection.runAndReadAll(`SELECT name FROM parquet_schema(${literal(file)})`)).getRows();
    return rows.some((r) => r[0] === 'profile') ? true : 'a Parquet input needs a `profile` column (docs/sql.md)';
  } catch (e) {
    return `not a Parquet file: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
  }
}

/** The `profile` column of a Parquet file, each record numbered by its row (from 1). */
async function* parquetPieces(connection: DuckConnection, file: string): AsyncGenerator<Piece> {
  const result = await connection.stream(`SELECT CAST(profile AS VARCHAR) FROM read_parquet(${literal(file)})`);
  let row = 1;
  for await (const rows of result.yieldRows()) {
    const lines: number[] = [];
    const texts: string[] = [];
    for (const r of rows) {
      lines.push(row++);
      texts.push((r[0] as string | null) ?? '');
    }
    yield { records: { lines, texts } };
  }
}

function recordsOf(bytes: Uint8Array, firstLine: number): Records {
  return splitRecords(decodeUtf8(bytes), firstLine);
}

/** Gathers checked profiles into batches and judges each batch with the SQL. */
class SqlJudge {
  private batch = gathering();
  private reported = 0;
  private readonly builder: ResultBuilder;
  private readonly screening: string;
  private readonly warnings: string;

  constructor(
    private readonly run: DuckRun,
    private readonly connection: DuckConnection,
    private readonly o: LineOptions,
  ) {
    const metas = run.chosen.occupations.map((c) => c.compiled().meta);
    this.builder = new ResultBuilder(metas);
    const levelsOf = (m: (typeof metas)[number]): number[] =>
      [...m.levels].sort((a, b) => b - a).filter((l) => (o.level === undefined || l === o.level) && (o.workType === undefined || m.workTypes.some((w) => w.name === o.workType && w.levels.includes(l))));
    this.screening = screeningSql(metas.map((meta) => ({ meta, levels: levelsOf(meta) as never })));
    this.warnings = warningsSql(metas);
  }

  /** Checks each record as the JS batch does; a valid profile becomes rows, an invalid one an error in its place. */
  async add(records: Records, notUtf8: ReadonlyMap<number, import('../compiler/load/encoding.js').EncodingProblem> | null): Promise<void> {
    const first = this.run.chosen.occupations[0]?.compiled().meta;
    for (let k = 0; k < records.lines.length; k++) {
      const line = records.lines[k];
      const sink = new DiagnosticSink();
      const profile = readProfile(records, k, notUtf8, sink, this.o);
      if (profile !== undefined && first) checkDates(profile, first, sink, this.o);
      const errors = sink.items.filter((d) => d.severity === 'error');
      const b = this.batch;
      if (profile === undefined || errors.length > 0) {
        b.counts.skipped++;
        b.counts.skippedLines += records.lastLines ? records.lastLines[k] - line + 1 : 1;
        b.placed.push({ line, errors });
        if (this.reported < this.o.maxReports) {
          this.reported++;
          for (const d of errors) b.counts.reports.push(renderDiagnostic(locate(d, this.o.input, line, this.o.csv), { lang: this.o.lang, color: this.o.color }));
        }
        continue;
      }
      const id = b.lines.length;
      addProfile(b.rows, id, line, profile);
      b.lines.push(line);
      b.placed.push(id);
      if (b.lines.length >= APPLICANTS_PER_BATCH) await this.flush();
    }
  }

  /** Judges the gathered batch and writes its output, in input order. */
  async flush(): Promise<void> {
    const b = this.batch;
    this.batch = gathering();
    if (b.placed.length === 0) return;
    const judged = b.lines.length === 0 ? new Map<number, { results: LevelResult[]; warnings: Warning[] }>() : await this.judge(b);
    const out = new Utf8Lines();
    for (const p of b.placed) {
      if (typeof p !== 'number') {
        writeError(out, p.line, p.errors, this.o);
        continue;
      }
      const x = judged.get(p) ?? { results: [], warnings: [] };
      b.counts.evaluated++;
      for (const r of x.results) b.counts[r.status]++;
      writeResults(out, b.lines[p], x.results, x.warnings, this.o);
    }
    await this.run.output.write(out.take());
    this.run.tally.add(b.counts);
  }

  /** The batch's results and warnings by applicant id, from the two statements. */
  private async judge(b: Gathered): Promise<Map<number, { results: LevelResult[]; warnings: Warning[] }>> {
    await clearTables(this.connection);
    await appendRows(this.connection, b.rows);
    const byId = new Map<number, { results: LevelResult[]; warnings: Warning[] }>();
    const entry = (id: number): { results: LevelResult[]; warnings: Warning[] } => byId.get(id) ?? byId.set(id, { results: [], warnings: [] }).get(id)!;
    const levels = await this.connection.stream(this.screening, [this.o.asOf]);
    for await (const rows of levels.yieldRows()) {
      for (const r of rows) {
        const id = Number(r[0]);
        entry(id).results.push(this.builder.level({ applicant_id: id, occupation_order: Number(r[1]), level: Number(r[4]), status: r[6] as string, education: r[7] as string, clauses: r[8] as string }));
      }
    }
    const warned = await this.connection.stream(this.warnings, [this.o.asOf]);
    for await (const rows of warned.yieldRows()) {
      for (const r of rows) {
        const id = Number(r[0]);
        entry(id).warnings.push(this.builder.warning({ applicant_id: id, code: r[1] as string, path: r[2] as string, occupation_id: r[3] as string | null, arg: r[4] as string | null, occupation_order: Number(r[5]) }));
      }
    }
    return byId;
  }
}

/**
 * The checks the runtime makes while preparing a profile (dates that are no calendar dates, a
 * period that ends before it starts): the same error for the same line as the JS batch.
 */
function checkDates(profile: Profile, meta: import('../runtime/index.js').OccupationMeta, sink: DiagnosticSink, o: LineOptions): void {
  try {
    prepareFacts(profile, meta, { asOf: o.asOf, single: o.single });
  } catch (e) {
    if (!(e instanceof ProfileError)) throw e;
    sink.report({ code: 'E_PROFILE_SCHEMA', path: e.path, args: { path: e.path, detail: e.message } });
  }
}
