// `zige eval --batch FILE --engine duckdb`: the same input, checks and output as the JS batch
// (cli/batch.ts), judged by the rules compiled to SQL (sql/) in embedded DuckDB. Every line is
// read and checked here exactly as the JS batch checks it (an invalid line is reported with its
// line number and code, and skipped); valid profiles go into the normalized tables, a batch of
// applicants at a time, and the screening statement's rows come back in input order.
import { closeSync, openSync } from 'node:fs';
import { DiagnosticSink, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { renderDiagnostic } from '../compiler/diagnostics/render.js';
import type { EncodingProblem } from '../compiler/load/encoding.js';
import { factTypeProblems } from '../compiler/profile/fact-types.js';
import { MAX_PROFILE_BYTES } from '../compiler/profile/load-profile.js';
import { prepareFacts, ProfileError, type OccupationMeta, type Profile } from '../runtime/index.js';
import type { Level, OutputLang } from '../runtime/words.js';
import { acceptStatement, DOCS_TABLE } from '../sql/accept.js';
import { literal } from '../sql/dialect.js';
import { appendRows, DuckdbMissing, openDuckdb, type DuckConnection } from '../sql/duckdb.js';
import { addProfile, emptyRows } from '../sql/load.js';
import { normalizeStatements } from '../sql/normalize.js';
import { outputSql, type OutputTemplates } from '../sql/output.js';
import { reportLevels, screeningSql } from '../sql/query.js';
import { TABLES } from '../sql/schema.js';
import { sqlRefusals } from '../sql/statements.js';
import { warningsSql } from '../sql/warnings.js';
import { csvPieces, profileColumn } from './batch-csv.js';
import { chunks, type Piece } from './batch-input.js';
import { CSV_COLUMNS, writeNotOffered, decodeUtf8, linesNotUtf8, locate, readProfile, splitRecords, writeError, type ChunkResult, type LineOptions, type Records } from './batch-worker.js';
import type { RecordFailure } from './csv-input.js';
import { readCsv } from './csv-input.js';
import { JsonLevels, outputTemplates } from './duckdb-templates.js';
import { Utf8Lines } from '../compiler/result-json.js';
import { printDiagnostics, useColor, type Io } from './output.js';
import type { Output } from './batch-output.js';
import type { Candidate } from './bundled.js';

/** What cli/batch.ts hands over: the run, checked and opened (declared here: batch.ts imports this file). */
export interface DuckRun {
  opts: { input: string; workType?: string; occupation?: string; memoryLimit?: string; bom?: boolean; lang: OutputLang };
  settings: { asOf: string; level: LineOptions['level']; csvInput: boolean; csvOutput: boolean; shown: string; parquet: boolean };
  io: Io;
  chosen: { occupations: Candidate[]; notOffered?: LineOptions['notOffered'] };
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

/** Lines judged per round: the tables, and the output texts of one round, are held in DuckDB's memory. */
const LINES_PER_BATCH = { csv: 20_000, json: 4_000 };

/**
 * The run on the occupations the SQL backend compiles, said before anything is judged. Named with
 * --occupation, one it refuses stops the run (E_SQL_UNSUPPORTED); chosen by default (every bundled
 * one), those it refuses are left out, each named on stderr (W_SQL_SKIPPED): the JavaScript engine
 * judges them. Undefined once refused.
 */
function compiledRun(run: DuckRun): DuckRun | undefined {
  // Each occupation alone: the statements of the run are made once, by SqlJudge.
  const refusals = sqlRefusals(run.chosen.occupations.map((c) => c.compiled().meta));
  if (refusals.length === 0) return run;
  const refused = new Map(refusals.map((r) => [r.occupation, r.construct]));
  const kept = run.chosen.occupations.filter((c) => !refused.has(c.compiled().meta.id));
  const strict = run.opts.occupation !== undefined || kept.length === 0;
  const said = [...refused].map(([occupation, construct]) => ({ code: strict ? 'E_SQL_UNSUPPORTED' : 'W_SQL_SKIPPED', severity: strict ? 'error' : 'warning', args: { construct, occupation } }) as const);
  printDiagnostics(said, run.io, run.opts.lang);
  if (strict) return undefined;
  return { ...run, chosen: { occupations: kept, notOffered: run.chosen.notOffered?.filter((n) => !refused.has(n.id)) } };
}

/** Judges the whole input in DuckDB into the run's output; 1 once reported (no DuckDB, no profile column). */
export async function judgeWithDuckdb(given: DuckRun): Promise<1 | undefined> {
  const run = compiledRun(given);
  if (run === undefined) return 1;
  const { opts, settings, io, output } = run;
  const o: LineOptions = { input: settings.shown, csv: settings.csvInput, csvOutput: settings.csvOutput, explain: false, asOf: settings.asOf, level: settings.level, workType: opts.workType, single: opts.occupation !== undefined, lang: opts.lang, color: useColor(io), maxReports: run.maxReports, notOffered: run.chosen.notOffered };
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
    const metas = run.chosen.occupations.map((c) => c.compiled().meta);
    const templates = outputTemplates(metas, levelFilter(o), o);
    if ('unplain' in templates) return fail({ code: 'E_SQL_UNSUPPORTED', args: { construct: `clause id ${templates.unplain} in CSV output`, occupation: '' } }, io, opts.lang);
    // Every statement orders what it needs: DuckDB may keep less in memory (not for Parquet, streamed in row order).
    if (!settings.parquet) await db.connection.run('SET preserve_insertion_order = false');
    const judge = new SqlJudge(run, db.connection, o, templates);
    await judge.open();
    for await (const piece of pieces) {
      if ('position' in piece) throw new Error('ranges are read by worker threads only');
      const records: Records = 'records' in piece ? piece.records : recordsOf(piece.bytes, piece.firstLine);
      const notUtf8 = 'bytes' in piece ? linesNotUtf8(piece.bytes, piece.firstLine) : null;
      await judge.add(records, notUtf8);
    }
    await judge.flush();
    if (process.env.ZIGE_SQL_PHASES) io.err(`duckdb phases: ${judge.phases}\n`);
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

/** A line Node checked and found invalid: its place in the output, its errors. */
interface Rejected {
  line: number;
  errors: Diagnostic[];
  /** Input lines it spans (a CSV record may span several). */
  spans: number;
}

/**
 * Judges rounds of lines in SQL: each line goes into `raw` as text; SQL accepts what it can read
 * (sql/accept.ts) and normalizes it (sql/normalize.ts); Node checks only the lines SQL did not
 * accept, exactly as the JS batch checks them (a line valid after all is loaded through
 * sql/load.ts); the screening and warnings rows become the output text in SQL (sql/output.ts).
 */
class SqlJudge {
  private appender: import('@duckdb/node-api').DuckDBAppender | null = null;
  /** Lines of this round that Node checks: not UTF-8, not a text (CSV), and those SQL does not accept. */
  private nodeLines: { line: number; text: string | RecordFailure; spans: number; notUtf8: [number, EncodingProblem] | undefined }[] = [];
  private count = 0;
  private reported = 0;
  /** JSON lines output: each level's encoded JSON, by its compact form. */
  private readonly levels: JsonLevels;
  /** Seconds per phase, printed on stderr when ZIGE_SQL_PHASES is set (bench/sql.ts). */
  readonly phases = new Phases();
  private readonly metas: OccupationMeta[];
  private readonly statements: ReturnType<typeof roundStatements>;

  constructor(
    private readonly run: DuckRun,
    private readonly connection: DuckConnection,
    private readonly o: LineOptions,
    templates: OutputTemplates,
  ) {
    this.metas = run.chosen.occupations.map((c) => c.compiled().meta);
    this.levels = new JsonLevels(this.metas, o.notOffered);
    const levelsOf = levelFilter(o);
    this.statements = roundStatements(this.metas, levelsOf, templates);
  }

  /** Creates the round's tables (once). */
  async open(): Promise<void> {
    for (const s of this.statements.setup) await this.connection.run(s);

  }

  /** Queues a chunk's records: texts into `raw`, the others for Node. */
  async add(records: Records, notUtf8: ReadonlyMap<number, EncodingProblem> | null): Promise<void> {
    const perBatch = this.o.csvOutput ? LINES_PER_BATCH.csv : LINES_PER_BATCH.json;
    for (let k = 0; k < records.lines.length; k++) {
      const line = records.lines[k];
      const text = records.texts[k];
      const spans = records.lastLines ? records.lastLines[k] - line + 1 : 1;
      const problem = notUtf8 === null ? undefined : firstProblem(notUtf8, line, k + 1 < records.lines.length ? records.lines[k + 1] : Infinity);
      if (typeof text !== 'string' || problem !== undefined || spans !== 1) this.nodeLines.push({ line, text, spans, notUtf8: problem });
      else {
        this.appender ??= await this.connection.createAppender('raw');
        this.appender.appendBigInt(BigInt(line));
        this.appender.appendVarchar(text);
        this.appender.endRow();
      }
      if (++this.count >= perBatch) await this.flush();
    }
  }

  /** Judges the round and writes its output, in input order. */
  async flush(): Promise<void> {
    if (this.count === 0) return;
    this.count = 0;
    this.appender?.closeSync();
    this.appender = null;
    const c = this.connection;
    const lap = this.phases.lap();
    for (const s of this.statements.accept) await c.run(s);
    lap('accept');
    // Lines SQL did not accept: checked by Node as the JS batch checks them.
    const refused = (await c.runAndReadAll(this.statements.refused)).getRows();
    for (const [line, text] of refused) this.nodeLines.push({ line: Number(line), text: text as string, spans: 1, notUtf8: undefined });
    const rejected = await this.checkInNode();
    lap('node');
    for (const s of this.statements.normalize) await c.run(s);
    lap('normalize');
    for (const [i, s] of this.statements.judge.entries()) {
      await c.run(s, [this.o.asOf]);
      lap(i === 0 ? 'screening' : 'warnings');
    }
    await this.write(rejected);
    lap('write');
    for (const s of this.statements.clear) await c.run(s);
    lap('clear');
  }

  /** The lines SQL did not take, checked; valid ones loaded into the tables, invalid ones returned by line. */
  private async checkInNode(): Promise<Rejected[]> {
    const lines = this.nodeLines.sort((a, b) => a.line - b.line);
    this.nodeLines = [];
    const rows = emptyRows();
    const rejected: Rejected[] = [];
    for (const x of lines) {
      const sink = new DiagnosticSink();
      const notUtf8 = x.notUtf8 === undefined ? null : new Map([x.notUtf8]);
      const profile = readProfile({ lines: [x.line], texts: [x.text] }, 0, notUtf8, sink, this.o);
      if (profile !== undefined) checkProfile(profile, this.metas, sink, this.o);
      const errors = sink.items.filter((d) => d.severity === 'error');
      if (profile === undefined || errors.length > 0) rejected.push({ line: x.line, errors, spans: x.spans });
      else addProfile(rows, x.line, x.line, profile);
    }
    await appendRows(this.connection, rows);
    return rejected;
  }

  /** The round's output: judged profiles' texts from SQL, rejected lines' error records, by line. */
  private async write(rejected: Rejected[]): Promise<void> {
    const counts: Omit<ChunkResult, 'out'> = { evaluated: 0, skipped: 0, skippedLines: 0, eligible: 0, ineligible: 0, unknown: 0, reports: [] };
    const out = new Utf8Lines();
    let next = 0;
    const rejectUpTo = (line: number): void => {
      for (; next < rejected.length && rejected[next].line < line; next++) this.reject(out, rejected[next], counts);
    };
    const texts = await this.connection.stream(this.statements.output);
    for await (const rows of texts.yieldRows()) {
      for (const [line, text, levels] of rows) {
        rejectUpTo(Number(line));
        if (!this.o.csvOutput) out.push(this.levels.line(Number(line), text as string, levels as string));
        else {
          out.push(text as string);
          writeNotOffered(out, Number(line), this.o, '');
        }
      }
      if (out.size > 1 << 24) await this.run.output.write(out.take());
    }
    rejectUpTo(Infinity);
    for (const [status, n] of (await this.connection.runAndReadAll(this.statements.counts)).getRows()) {
      if (status === 'applicants') counts.evaluated += Number(n);
      else counts[status as 'eligible' | 'ineligible' | 'unknown'] += Number(n);
    }
    await this.run.output.write(out.take());
    this.run.tally.add(counts);
  }

  private reject(out: Utf8Lines, r: Rejected, counts: Omit<ChunkResult, 'out'>): void {
    counts.skipped++;
    counts.skippedLines += r.spans;
    writeError(out, r.line, r.errors, this.o);
    if (this.reported < this.o.maxReports) {
      this.reported++;
      for (const d of r.errors) counts.reports.push(renderDiagnostic(locate(d, this.o.input, r.line, this.o.csv), { lang: this.o.lang, color: this.o.color }));
    }
  }
}

/** Wall time per phase of the rounds. */
class Phases {
  private readonly seconds = new Map<string, number>();
  /** A stopwatch: each call adds the time since the previous one to the phase named. */
  lap(): (phase: string) => void {
    let t = performance.now();
    return (phase) => {
      const now = performance.now();
      this.seconds.set(phase, (this.seconds.get(phase) ?? 0) + (now - t) / 1000);
      t = now;
    };
  }
  toString(): string {
    return [...this.seconds].map(([p, s]) => `${p} ${s.toFixed(2)} s`).join(', ');
  }
}

/** The encoding problem of the record starting on `line` (the next starts on `next`), if any. */
function firstProblem(notUtf8: ReadonlyMap<number, EncodingProblem>, line: number, next: number): [number, EncodingProblem] | undefined {
  for (const [bad, problem] of notUtf8) if (bad >= line && bad < next) return [bad, problem];
  return undefined;
}

/** The levels reported of an occupation: --level and --work-type applied, report order. */
function levelFilter(o: LineOptions): (m: OccupationMeta) => Level[] {
  return (m) =>
    reportLevels(m).filter((l) => (o.level === undefined || l === o.level) && (o.workType === undefined || m.workTypes.some((w) => w.name === o.workType && w.levels.includes(l))));
}

/** The statements of every round, made once. */
function roundStatements(metas: readonly OccupationMeta[], levelsOf: (m: OccupationMeta) => Level[], templates: OutputTemplates) {
  const tables = [...TABLES.map((t) => t.name), 'raw', 'docs', 'lv', 'wr'];
  return {
    setup: [
      `CREATE TABLE raw (applicant_id BIGINT NOT NULL, t VARCHAR NOT NULL)`,
      DOCS_TABLE,
      `CREATE TABLE lv AS SELECT * FROM (${screeningSql(metas.map((meta) => ({ meta, levels: levelsOf(meta) }))).replace(/;\s*$/, '')}) x WHERE FALSE`.replace(/\$1/g, "'2000-01-01'"),
      `CREATE TABLE wr AS SELECT * FROM (${warningsSql(metas, { sortColumns: true }).replace(/;\s*$/, '')}) x WHERE FALSE`.replace(/\$1/g, "'2000-01-01'"),
    ],
    accept: [
      acceptStatement(metas),
    ],
    refused: `SELECT applicant_id, t FROM raw ANTI JOIN docs USING (applicant_id) ORDER BY applicant_id`,
    normalize: normalizeStatements(),
    judge: [
      `INSERT INTO lv ${screeningSql(metas.map((meta) => ({ meta, levels: levelsOf(meta) }))).replace(/;\s*$/, '')}`,
      `INSERT INTO wr ${warningsSql(metas, { sortColumns: true }).replace(/;\s*$/, '')}`,
    ],
    output: outputSql(templates),
    counts: `SELECT status, count(*) FROM lv GROUP BY status UNION ALL SELECT 'applicants', count(*) FROM applicants`,
    clear: tables.map((t) => `DELETE FROM ${t}`),
  };
}

/**
 * What the JS batch checks after reading a line and before judging it: the declared fact types
 * of every judged occupation, and the runtime's own checks of the profile's dates.
 */
export function checkProfile(profile: Profile, metas: readonly OccupationMeta[], sink: DiagnosticSink, o: LineOptions): void {
  for (const meta of metas) {
    const wrongTypes = factTypeProblems(profile, meta);
    for (const d of wrongTypes) sink.report(d);
    if (wrongTypes.length > 0) return;
  }
  if (metas[0]) checkDates(profile, metas[0], sink, o);
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
