// `zige eval --batch FILE.jsonl|FILE.csv [--out FILE] [--jobs N]`: many applicants, one per line,
// streamed in constant memory. The rules are checked once; large inputs are spread over worker
// threads, each instantiating the generated code once; output keeps the input order. An invalid
// line is reported (stderr, and as an error record in the output) and skipped; the run goes on.
import { closeSync, openSync, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { followLinks } from '../compiler/generate/atomic-write.js';
import { OutputError } from '../compiler/generate/compile.js';
import { DiagnosticSink, errorCode, fileError, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { functionBody } from '../compiler/generate/instantiate.js';
import { MAX_PROFILE_BYTES } from '../compiler/profile/load-profile.js';
import { notOfferedLevels, type Level, type NotOfferedLevel } from '../runtime/index.js';
import { createProcessor, csvColumns, judgeBytes, readRange, type ChunkProcessor, type ChunkResult, type LineOptions } from './batch-worker.js';
import { removeStaleTemporaries } from './batch-temporary.js';
import { csvPieces, profileColumn } from './batch-csv.js';
import { chunks, countLines, ranges, type Chunk, type Piece, type Range } from './batch-input.js';
import { Output, WriteFailed } from './batch-output.js';
import { inWorkers } from './batch-pool.js';
import type { Candidate } from './bundled.js';
import { pathEncoding, readCsv } from './csv-input.js';
import { asOfOption, levelOption, printedErrors, selectCandidates, versionsInForce, type Candidates } from './eval.js';
import { display, printDiagnostics, useColor, type Io } from './output.js';
import { Progress } from './progress.js';
import type { OutputLang } from '../runtime/words.js';
import { UsageError } from './usage-error.js';

export interface BatchOptions {
  /** Input file (.jsonl, or .csv with a `profile` column); `-` reads stdin (JSON lines). */
  input: string;
  /** Output file (.csv: one row per profile and level; otherwise JSON lines); default stdout. */
  out?: string;
  occupation?: string;
  workType?: string;
  level?: string;
  asOf?: string;
  rules?: string;
  /** Worker threads; default: one per core for inputs of 2 MB or more, else none. */
  jobs?: string;
  /** Add the explanation fields (missing, earliest, ask, evidence) to JSON lines results. */
  explain?: boolean;
  /** Start a CSV output with a UTF-8 byte-order mark: Excel then reads it as UTF-8, not as the system code page. */
  bom?: boolean;
  /** `duckdb`: judge with the rules compiled to SQL, in embedded DuckDB (cli/batch-duckdb.ts); default the TypeScript evaluators. */
  engine?: string;
  /** DuckDB's memory_limit (--engine duckdb). */
  memoryLimit?: string;
  lang: OutputLang;
}

/** Inputs at least this large use worker threads unless --jobs says otherwise. */
const PARALLEL_BYTES = 2 * 1024 * 1024;
/** Invalid lines reported in detail on stderr; the rest are counted (and recorded in the output). */
const MAX_REPORTS = 100;

export async function runBatch(opts: BatchOptions, io: Io): Promise<number> {
  try {
    return await judgeBatch(opts, io);
  } catch (e) {
    if (!(e instanceof WriteFailed)) throw e;
    // The output file is removed (never half-written); stdout got what was written before.
    const file = opts.out ?? '-';
    return fail({ code: 'E_WRITE', file, args: { file, detail: e.message } }, io, opts.lang);
  }
}

/** Prints one diagnostic that ends the run: its exit code. */
function fail(d: Omit<Diagnostic, 'severity'>, io: Io, lang: OutputLang): 1 {
  const sink = new DiagnosticSink();
  sink.report(d);
  printDiagnostics(sink.items, io, lang);
  return 1;
}

/**
 * Checks everything it can before judging the first line (options, input, rules, output), so that
 * a mistake costs nothing; then judges the input, and sums up. Exit code 1 when a line was skipped.
 */
async function judgeBatch(opts: BatchOptions, io: Io): Promise<number> {
  const settings = checkOptions(opts);
  const inputStat = checkInput(opts, settings, io);
  if (inputStat === 1) return 1;
  const chosen = await chooseOccupations(opts, settings, io);
  if (chosen === 1) return 1;

  const workers = settings.duckdb ? 1 : Math.min(settings.jobs ?? ((inputStat?.size ?? 0) >= PARALLEL_BYTES ? availableParallelism() : 1), 256);
  const total = !settings.stdin && !settings.parquet && (io.errIsTTY ?? false) ? countLines(opts.input) - (settings.csvInput ? 1 : 0) : null;
  const progress = new Progress(io.errIsTTY ?? false, total);
  const output = openOutput(opts, inputStat, io);
  if (output === 1) return 1;

  const tally = new Tally(io, progress);
  const say = sayer(io, opts.lang);
  // The temporaries of earlier runs killed before they could remove them (kill -9): removed, and named.
  if (output.file !== null) {
    for (const { file, pid } of removeStaleTemporaries(followLinks(opts.out!))) {
      say(`已删除先前被中断的运行（进程 ${pid}，已不存在）留下的临时文件 ${display(file)}`, `removed ${display(file)}, left by an interrupted run (process ${pid}, gone)`);
    }
  }
  const interrupted = interruption(output, progress, tally, opts.out, say);
  process.on('SIGINT', interrupted).on('SIGTERM', interrupted);
  const started = performance.now();
  let ok = false;
  try {
    const run: Run = { opts, settings, io, chosen, workers, output, tally };
    const failed = settings.duckdb ? await (await import('./batch-duckdb.js')).judgeWithDuckdb({ ...run, maxReports: MAX_REPORTS }) : await judgeInput(run);
    if (failed !== undefined) return failed;
    await output.flush();
    ok = true;
  } finally {
    progress.clear();
    await output.close(ok);
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }
  return summarize(tally, (performance.now() - started) / 1000, workers, say);
}

/** The command line's options, checked. */
interface Settings {
  asOf: string;
  level: Level | undefined;
  jobs: number | undefined;
  csvInput: boolean;
  csvOutput: boolean;
  /** The input is stdin (`-`). */
  stdin: boolean;
  /** The input as shown in messages. */
  shown: string;
  /** Judged by the SQL in DuckDB (--engine duckdb). */
  duckdb: boolean;
  /** A Parquet input (a `profile` column; --engine duckdb reads it). */
  parquet: boolean;
}

/** The options, checked before anything is read: a usage error names the first one wrong. */
function checkOptions(opts: BatchOptions): Settings {
  const asOf = asOfOption(opts.asOf);
  const level = levelOption(opts.level);
  let jobs: number | undefined;
  if (opts.jobs !== undefined) {
    jobs = Number(opts.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new UsageError(`--jobs 须为 1 到 256 / --jobs must be 1..256: ${opts.jobs}`);
  }
  const csvInput = /\.csv$/i.test(opts.input);
  const csvOutput = opts.out !== undefined && /\.csv$/i.test(opts.out);
  if (opts.bom && !csvOutput) throw new UsageError('--bom 只用于 CSV 输出（--out FILE.csv）/ --bom applies to a CSV output only (--out FILE.csv)');
  const stdin = opts.input === '-';
  const duckdb = engineOption(opts);
  const parquet = /\.parquet$/i.test(opts.input);
  if (parquet && !duckdb) throw new UsageError('Parquet 输入须用 --engine duckdb / a Parquet input needs --engine duckdb');
  return { asOf, level, jobs, csvInput, csvOutput, stdin, shown: stdin ? '<stdin>' : display(opts.input), duckdb, parquet };
}

/** --engine: js (default) or duckdb; DuckDB computes no explanations, so --explain with it is refused, never dropped. */
function engineOption(opts: BatchOptions): boolean {
  if (opts.engine === undefined || opts.engine === 'js') {
    if (opts.memoryLimit !== undefined) throw new UsageError('--memory-limit 只用于 --engine duckdb / --memory-limit applies to --engine duckdb only');
    return false;
  }
  if (opts.engine !== 'duckdb') throw new UsageError(`--engine 须为 js 或 duckdb / --engine must be js or duckdb: ${opts.engine}`);
  if (opts.explain) throw new UsageError('--engine duckdb 不给出说明（缺什么、最早日期），不能与 --explain 同用 / --engine duckdb gives no explanations (missing, earliest): --explain cannot be used with it');
  if (opts.jobs !== undefined) throw new UsageError('--jobs 只用于 JS 引擎；DuckDB 自行使用各核 / --jobs applies to the JS engine; DuckDB uses the cores itself');
  return true;
}

/** The input file's status (null: stdin), or 1 once reported: a file that cannot be read, or one in UTF-16. */
function checkInput(opts: BatchOptions, settings: Settings, io: Io): Stats | null | 1 {
  if (settings.stdin) return null;
  let stat: Stats;
  let utf16: boolean;
  try {
    stat = statSync(opts.input);
    if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    utf16 = pathEncoding(opts.input).utf16;
  } catch (e) {
    return fail(fileError('E_READ', opts.input, e), io, opts.lang);
  }
  // A UTF-16 file (Excel's "Unicode text") has no line that is UTF-8: one error, not one per line.
  if (utf16) return fail({ code: 'E_ENCODING_UTF16', file: settings.shown, args: {} }, io, opts.lang);
  return stat;
}

/** The rules, and the occupations to judge (in report order). */
interface Chosen {
  candidates: Candidates;
  occupations: Candidate[];
  /** Levels of the selected occupations not judged, listed with every profile's results. */
  notOffered: NotOfferedLevel[];
}

/**
 * The rules, checked once (or the bundled ones as compiled at build time), and the occupations
 * to judge, selected as `zige eval` selects them; 1 once the rules' errors are printed.
 */
async function chooseOccupations(opts: BatchOptions, settings: Settings, io: Io): Promise<Chosen | 1> {
  const chosen = await selectCandidates(opts, io);
  if (!chosen) return 1;
  const { selected, dir, candidates } = chosen;
  const sink = new DiagnosticSink();
  const inForce = versionsInForce(selected, settings.asOf, sink, (f) => display(join(dir, f)));
  if (printedErrors(sink, io, opts.lang)) return 1;
  const level = settings.level;
  const withWorkType = [...inForce]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((o) => opts.workType === undefined || o.workTypes.some((w) => w.name === opts.workType));
  const occupations = withWorkType.filter((o) => level === undefined || o.levels.includes(level));
  // Levels not judged (not offered at the sitting, no condition in the source): the same for every profile.
  const notOffered = withWorkType.flatMap((o) => notOfferedLevels(o, level));
  if (level !== undefined && occupations.length === 0 && notOffered.length === 0) {
    throw new UsageError(`所选职业不设 ${level} 级 / the selected occupations do not offer level ${level}`);
  }
  return { candidates, occupations, notOffered };
}

/** What the path names, or null: missing (to be made) or unreadable, which opening it reports. */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

/** The output, opened (a file under its temporary name); 1 once the reason it cannot be is printed. */
function openOutput(opts: BatchOptions, inputStat: Stats | null, io: Io): Output | 1 {
  try {
    // Checked first: the results would otherwise be renamed onto it only at the end, and fail.
    const outStat = opts.out === undefined ? null : statOrNull(opts.out);
    if (outStat?.isDirectory()) throw new OutputError('E_OUT_IS_DIR', opts.out!, { file: opts.out! });
    // The same file by any spelling or link: results must not replace their own input.
    if (outStat && inputStat && outStat.dev === inputStat.dev && outStat.ino === inputStat.ino) throw new OutputError('E_OUT_IS_INPUT', opts.out!, { file: opts.out! });
    return new Output(opts.out, outStat !== null && !outStat.isFile(), io.stdout ?? process.stdout);
  } catch (e) {
    const failed = e instanceof OutputError ? e : new OutputError('E_WRITE', opts.out!, { file: opts.out!, detail: errorCode(e) });
    return fail({ code: failed.code, file: failed.file, args: failed.args }, io, opts.lang);
  }
}

/** A message on stderr in the languages asked for (both: the English indented under the Chinese). */
type Say = (zh: string, en: string) => void;

function sayer(io: Io, lang: OutputLang): Say {
  return (zh, en) => {
    if (lang !== 'en') io.err(zh);
    if (lang !== 'zh') io.err(lang === 'both' ? `    ${en}` : en);
  };
}

/** What the run has judged so far, as chunks are handed on in input order: for the summary, and for an interruption. */
class Tally {
  evaluated = 0;
  skipped = 0;
  skippedLines = 0;
  eligible = 0;
  ineligible = 0;
  unknown = 0;
  /** Invalid lines reported in detail on stderr (at most MAX_REPORTS over the run). */
  shownReports = 0;

  constructor(
    private readonly io: Io,
    private readonly progress: Progress,
  ) {}

  /** Counts one chunk's results, shows its reports, and redraws the progress line. */
  add(r: Omit<ChunkResult, 'out'>): void {
    this.evaluated += r.evaluated;
    this.skipped += r.skipped;
    this.skippedLines += r.skippedLines;
    this.eligible += r.eligible;
    this.ineligible += r.ineligible;
    this.unknown += r.unknown;
    for (const report of r.reports) {
      if (this.shownReports >= MAX_REPORTS) break;
      this.shownReports++;
      this.progress.clear();
      this.io.err(report);
    }
    this.progress.update(this.evaluated + this.skipped);
  }
}

/**
 * Ctrl-C or a kill ends the run at once: the partial output is never renamed into place, and
 * its temporary file is removed (left, it would be a hidden file as large as the output).
 */
function interruption(output: Output, progress: Progress, tally: Tally, out: string | undefined, say: Say): (signal: NodeJS.Signals) => void {
  return (signal) => {
    output.discard();
    progress.clear();
    const done = (tally.evaluated + tally.skipped).toLocaleString('en-US');
    if (out !== undefined) say(`已中断：${out} 未写入（已处理 ${done} 份资料）`, `interrupted: ${out} not written (${done} profiles done)`);
    else say(`已中断（已处理 ${done} 份资料）`, `interrupted (${done} profiles done)`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
}

/** A run with everything checked and opened: what judging the input needs. */
interface Run {
  opts: BatchOptions;
  settings: Settings;
  io: Io;
  chosen: Chosen;
  workers: number;
  output: Output;
  tally: Tally;
}

/** One chunk's results, in input order, with its output (null: a worker thread writes it into the file itself). */
type Take = (r: Omit<ChunkResult, 'out'>, out: Uint8Array | null, written?: () => void) => Promise<void>;

/**
 * Judges the whole input into the output; 1 once reported that a CSV input has no `profile`
 * column. JSON lines with worker threads and an input file: the workers read their chunks
 * themselves, the main thread only finds where chunks end (see `ranges`). CSV: the main thread
 * reads the records (cli/csv-input.ts) and hands over their profiles.
 */
async function judgeInput(run: Run): Promise<1 | undefined> {
  const { opts, settings, io, output, tally } = run;
  const byRange = run.workers > 1 && !settings.stdin && !settings.csvInput;
  const inputFd = byRange || settings.csvInput ? openSync(opts.input, 'r') : null;
  try {
    const base = { input: settings.shown, csvOutput: settings.csvOutput, explain: opts.explain ?? false, asOf: settings.asOf, level: settings.level, workType: opts.workType, single: opts.occupation !== undefined, lang: opts.lang, color: useColor(io), maxReports: MAX_REPORTS, notOffered: run.chosen.notOffered };
    let input: AsyncGenerator<Piece> | Generator<Piece>;
    let options: LineOptions = { ...base, csv: false };
    if (settings.csvInput) {
      const records = readCsv(inputFd!, { maxRecordBytes: MAX_PROFILE_BYTES });
      const column = profileColumn(records.next(), settings.shown);
      if (typeof column !== 'number') return fail(column, io, opts.lang);
      input = csvPieces(records, column);
      options = { ...base, csv: true };
    } else input = byRange ? ranges(inputFd!) : chunks(opts.input, io.stdin ?? process.stdin);
    if (settings.csvOutput) await output.write((opts.bom ? '\uFEFF' : '') + csvColumns(opts.explain ?? false).join(',') + '\n');
    const pieces = async function* (): AsyncGenerator<Piece> {
      yield* input;
    };
    const take: Take = async (r, out, written) => {
      if (out) await output.write(out, written);
      tally.add(r);
    };
    if (run.workers <= 1) await judgeHere(pieces(), createProcessor(run.chosen.occupations.map((o) => o.compiled()), options), inputFd, take);
    else await judgeInWorkers(run, pieces(), options, byRange ? inputFd : null, take);
  } finally {
    if (inputFd !== null) closeSync(inputFd);
  }
  return undefined;
}

/** Judges every piece on this thread, each output written while the next piece is judged. */
async function judgeHere(pieces: AsyncGenerator<Piece>, processChunk: ChunkProcessor, inputFd: number | null, take: Take): Promise<void> {
  const bytesOf = (piece: Chunk | Range): Uint8Array => {
    if ('bytes' in piece) return piece.bytes;
    const buf = Buffer.allocUnsafe(piece.length);
    readRange(inputFd!, buf, piece.length, piece.position);
    return buf;
  };
  for await (const piece of pieces) {
    const { out, ...r } = 'records' in piece ? processChunk(piece.records) : judgeBytes(processChunk, bytesOf(piece), piece.firstLine);
    await take(r, out, () => processChunk.recycle(out));
  }
}

/** Judges the pieces on worker threads; `inputFd`: the input file, when they read their ranges themselves. */
async function judgeInWorkers(run: Run, pieces: AsyncGenerator<Piece>, options: LineOptions, inputFd: number | null, take: Take): Promise<void> {
  const { candidates, occupations } = run.chosen;
  const { precompiled, checked, all } = candidates;
  const output = run.output;
  // Workers load the same evaluators: the precompiled modules, or the generated code.
  const source = precompiled
    ? { evaluators: precompiled.url, indices: occupations.map((o) => all.indexOf(o)) }
    : { code: occupations.map((o) => functionBody(checked!.get(o)!)) };
  const fds = { ...(inputFd !== null ? { inputFd } : {}), ...(output.file !== null ? { outputFd: output.file } : {}) };
  await inWorkers(pieces, run.workers, { kind: 'zige-batch', ...source, options, ...fds }, take, output.file !== null ? (size) => output.reserve(size) : null);
}

/** The summary on stderr; the exit code: 1 when any line was skipped. */
function summarize(tally: Tally, seconds: number, workers: number, say: Say): number {
  const done = tally.evaluated + tally.skipped;
  const rate = seconds > 0 ? Math.round(done / seconds) : done;
  const more = tally.skipped - tally.shownReports;
  if (more > 0) say(`…… 另有 ${more} 行无效，见输出中的 error 记录`, `… and ${more} more invalid line(s): see the error records in the output`);
  // Every input line not judged is counted: a skipped CSV record may span several lines.
  const lost = tally.skippedLines > 0 ? [`（输入中 ${tally.skippedLines} 行未判定）`, ` (${tally.skippedLines} input line${tally.skippedLines === 1 ? '' : 's'} not judged)`] : ['', ''];
  const threads = workers > 1 ? [`${workers} 个工作线程`, `${workers} worker threads`] : ['单线程', 'one thread'];
  say(
    `批量判定：共 ${done} 份资料，已判定 ${tally.evaluated}，跳过 ${tally.skipped}${lost[0]}；用时 ${seconds.toFixed(2)} 秒，每秒 ${rate} 份（${threads[0]}）`,
    `batch: ${done} profiles, ${tally.evaluated} evaluated, ${tally.skipped} skipped${lost[1]}; ${seconds.toFixed(2)} s, ${rate}/s (${threads[1]})`,
  );
  say(
    `各级结果：符合 ${tally.eligible}，不符合 ${tally.ineligible}，无法判定 ${tally.unknown}`,
    `level results: eligible ${tally.eligible}, ineligible ${tally.ineligible}, unknown ${tally.unknown}`,
  );
  return tally.skipped > 0 ? 1 : 0;
}
