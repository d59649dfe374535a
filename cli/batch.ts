// `zige eval --batch FILE.jsonl|FILE.csv [--out FILE] [--jobs N]`: many applicants, one per line,
// streamed in constant memory. The rules are checked once; large inputs are spread over worker
// threads, each instantiating the generated code once; output keeps the input order. An invalid
// line is reported (stderr, and as an error record in the output) and skipped; the run goes on.
import { once } from 'node:events';
import { closeSync, createReadStream, openSync, readSync, renameSync, rmSync, statSync, type Stats } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { followLinks } from '../compiler/generate/atomic-write.js';
import { OutputError } from '../compiler/generate/compile.js';
import { DiagnosticSink, errorCode, fileError } from '../compiler/diagnostics/diagnostics.js';
import { bomLength } from '../compiler/load/encoding.js';
import { functionBody } from '../compiler/generate/instantiate.js';
import { MAX_PROFILE_BYTES } from '../compiler/profile/load-profile.js';
import { createProcessor, CSV_COLUMNS, judgeBytes, readRange, writeAll, type ChunkResult, type LineOptions, type WorkerInit, type WorkerReply, type WorkerRequest } from './batch-worker.js';
import { removeStaleTemporaries, temporaryPath } from './batch-temporary.js';
import { csvPieces, profileColumn, type RecordsPiece } from './batch-csv.js';
import { pathEncoding, readCsv } from './csv-input.js';
import { asOfOption, levelOption, loadCandidates, requireOccupations, versionsInForce } from './eval.js';
import { display, printDiagnostics, useColor, type Io } from './output.js';
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
  lang: OutputLang;
}

/** Inputs at least this large use worker threads unless --jobs says otherwise. */
const PARALLEL_BYTES = 2 * 1024 * 1024;
/** Bytes read at a time; a chunk is what they hold up to the last record boundary. */
const BLOCK_BYTES = 256 * 1024;
/** Chunks in flight per worker thread. */
const IN_FLIGHT = 3;
/** Invalid lines reported in detail on stderr; the rest are counted (and recorded in the output). */
const MAX_REPORTS = 100;

/** Number of lines of a file (newline count, plus a last line without one), read in blocks. */
function countLines(path: string): number {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(1 << 20);
    let n = 0;
    let last = 10;
    for (;;) {
      const read = readSync(fd, buf, 0, buf.length, null);
      if (read === 0) break;
      n += countNewlines(buf.subarray(0, read));
      last = buf[read - 1];
    }
    return last === 10 ? n : n + 1;
  } finally {
    closeSync(fd);
  }
}

/** A write of the output that failed (disk full, permissions, a closed pipe): its errno code. */
class WriteFailed extends Error {}

/**
 * Where results go: stdout; a file, written under a temporary name and renamed into place at the
 * end (never half-written); or a device or pipe named by `--out` (/dev/null, a FIFO), written in
 * order like stdout — never replaced by a rename. A file is written in the background while the
 * next chunk is judged, one chunk at a time so that memory stays bounded.
 */
class Output {
  private fd: number | null = null;
  private readonly tmp: string | null;
  /** Writes go to offsets (a regular file), so worker threads may write their own parts. */
  private readonly positional: boolean;
  /** Bytes handed to the file so far: where the next chunk goes. */
  private size = 0;
  private pending: Promise<void> = Promise.resolve();
  private failure: { error: unknown } | null = null;

  /** The file renamed into place: the file a symbolic link points to (the link stays), else the path. */
  private readonly path: string | undefined;

  /** `special`: `named` exists and is neither a file nor a directory (a device, a FIFO, a socket). */
  constructor(
    named: string | undefined,
    special: boolean,
    private readonly stdout: NodeJS.WritableStream,
  ) {
    this.positional = named !== undefined && !special;
    const path = (this.path = this.positional ? followLinks(named!) : named);
    this.tmp = this.positional ? temporaryPath(path!) : null;
    if (this.tmp) this.fd = openSync(this.tmp, 'w');
    else if (special) this.fd = openSync(named!, 'w');
  }

  /** Writes `data` after what was written before; to a file, `written` is called once the bytes are no longer needed. */
  async write(data: string | Uint8Array, written?: () => void): Promise<void> {
    if (data.length === 0) return;
    if (this.fd !== null) {
      await this.flush();
      const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
      this.pending = writeAll(this.fd, bytes, this.positional ? this.size : null).then(written, (error: unknown) => {
        this.failure = { error };
      });
      this.size += bytes.length;
    } else if (!this.stdout.write(data)) await once(this.stdout, 'drain');
  }

  /** The file, for worker threads that write into it themselves (null: stdout). */
  get file(): number | null {
    return this.positional ? this.fd : null;
  }

  /** Places `size` bytes that a worker thread writes into the file itself, after what was written before: where they go. */
  reserve(size: number): number {
    const at = this.size;
    this.size += size;
    return at;
  }

  /** Waits for the write in progress; throws what it failed with. */
  async flush(): Promise<void> {
    await this.pending;
    if (this.failure) throw new WriteFailed(errorCode(this.failure.error));
  }

  /** On an interruption, just before the process exits: the temporary file removed now (the file named by --out is left as it was). */
  discard(): void {
    if (this.tmp) rmSync(this.tmp, { force: true });
  }

  /** Closes the file once its last write is over: renamed into place when `ok`, else removed. */
  async close(ok: boolean): Promise<void> {
    if (this.fd === null) return;
    await this.pending;
    closeSync(this.fd);
    this.fd = null;
    const tmp = this.tmp;
    if (!tmp) return;
    try {
      if (ok && !this.failure) renameSync(tmp, this.path!);
    } catch (e) {
      throw new WriteFailed(errorCode(e));
    } finally {
      rmSync(tmp, { force: true }); // gone after the rename; else what a failed run leaves
    }
  }
}

/** The progress line on stderr (only on a terminal), redrawn at most every 100 ms. */
class Progress {
  private last = 0;
  private readonly start = performance.now();
  constructor(
    private readonly enabled: boolean,
    private readonly total: number | null,
  ) {}

  update(done: number, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.last < 100) return;
    this.last = now;
    const seconds = (now - this.start) / 1000;
    const rate = seconds > 0 ? done / seconds : 0;
    let line = `  ${done.toLocaleString('en-US')}`;
    if (this.total !== null && this.total > 0) {
      const f = Math.min(1, done / this.total);
      const width = 24;
      const filled = Math.round(f * width);
      line = `  [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')}`;
      if (rate > 0) line += ` · ETA ${Math.max(0, Math.ceil((this.total - done) / rate))} s`;
    }
    line += ` · ${Math.round(rate).toLocaleString('en-US')}/s`;
    process.stderr.write(`\r${line}\x1b[K`);
  }

  clear(): void {
    if (this.enabled) process.stderr.write('\r\x1b[K');
  }
}

/** Offset just after the last newline of `buf` (JSON lines: a record boundary); 0 if none. */
function boundary(buf: Uint8Array): number {
  return Buffer.from(buf.buffer, buf.byteOffset, buf.length).lastIndexOf(10) + 1;
}

function countNewlines(bytes: Uint8Array): number {
  // Buffer's indexOf (memchr), much faster than Uint8Array's
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let n = 0;
  for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++;
  return n;
}

interface Chunk {
  /** Number of the chunk's first line in the input. */
  firstLine: number;
  /** UTF-8 bytes, a whole number of records: a view of the blocks read (copied only to go to a worker). */
  bytes: Uint8Array;
}

/** A chunk of the input file by its place in the file, for worker threads that read it themselves. */
interface Range {
  firstLine: number;
  position: number;
  length: number;
}

type Piece = Chunk | Range | RecordsPiece;

/**
 * The input file in ranges cut at record boundaries, as `chunks` cuts them. The main thread reads
 * each block only to find where its records end and to count its lines, always into the same
 * buffer (grown only for a record longer than it): it keeps no input and allocates nothing per
 * chunk, and the worker threads read their ranges themselves.
 */
function* ranges(fd: number): Generator<Range> {
  let buf = Buffer.allocUnsafeSlow(BLOCK_BYTES);
  let position = bomLength(buf.subarray(0, readSync(fd, buf, 0, 3, 0)));
  let line = 1;
  for (;;) {
    let read = 0;
    for (let n = -1; n !== 0 && read < buf.length; read += n) n = readSync(fd, buf, read, buf.length - read, position + read);
    if (read === 0) return;
    const view = buf.subarray(0, read);
    // a short read is the end of the file: the rest is the last chunk, with or without a newline
    const end = read < buf.length ? read : boundary(view);
    if (end === 0) {
      buf = Buffer.allocUnsafeSlow(buf.length * 2); // no record ends in the block: read more at once
      continue;
    }
    yield { firstLine: line, position, length: end };
    line += countNewlines(view.subarray(0, end));
    position += end;
  }
}

/**
 * JSON lines input in chunks cut at newlines, read BLOCK_BYTES at a time: memory stays bounded
 * whatever the size of the input.
 */
async function* chunks(input: string, stdin: NodeJS.ReadableStream): AsyncGenerator<Chunk> {
  const stream = input === '-' ? stdin : createReadStream(input, { highWaterMark: BLOCK_BYTES });
  let carry: Uint8Array = new Uint8Array(0);
  let line = 1;
  let first = true;
  for await (const block of stream as AsyncIterable<Buffer>) {
    let buf: Uint8Array = carry.length > 0 ? Buffer.concat([carry, block]) : block;
    if (first) {
      first = false;
      buf = buf.subarray(bomLength(buf));
    }
    const end = boundary(buf);
    if (end > 0) {
      const bytes = buf.subarray(0, end);
      yield { firstLine: line, bytes };
      line += countNewlines(bytes);
    }
    carry = buf.subarray(end);
  }
  if (carry.length > 0) yield { firstLine: line, bytes: carry };
}

export async function runBatch(opts: BatchOptions, io: Io): Promise<number> {
  try {
    return await judgeBatch(opts, io);
  } catch (e) {
    if (!(e instanceof WriteFailed)) throw e;
    // The output file is removed (never half-written); stdout got what was written before.
    const file = opts.out ?? '-';
    const s = new DiagnosticSink();
    s.report({ code: 'E_WRITE', file, args: { file, detail: e.message } });
    printDiagnostics(s.items, io, opts.lang);
    return 1;
  }
}

/** What the path names, or null: missing (to be made) or unreadable, which opening it reports. */
function statOrNull(path: string): Stats | null {
  try {
    return statSync(path);
  } catch {
    return null;
  }
}

async function judgeBatch(opts: BatchOptions, io: Io): Promise<number> {
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
  const shown = stdin ? '<stdin>' : display(opts.input);

  let inputStat: Stats | null = null;
  let utf16 = false;
  if (!stdin) {
    try {
      inputStat = statSync(opts.input);
      if (!inputStat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      utf16 = pathEncoding(opts.input).utf16;
    } catch (e) {
      const sink = new DiagnosticSink();
      sink.report(fileError('E_READ', opts.input, e));
      printDiagnostics(sink.items, io, opts.lang);
      return 1;
    }
    // A UTF-16 file (Excel's "Unicode text") has no line that is UTF-8: one error, not one per line.
    if (utf16) {
      const sink = new DiagnosticSink();
      sink.report({ code: 'E_ENCODING_UTF16', file: shown, args: {} });
      printDiagnostics(sink.items, io, opts.lang);
      return 1;
    }
  }

  // The rules, checked once (or the bundled ones as compiled at build time), and the occupations
  // to judge, selected as `zige eval` selects them.
  const candidates = await loadCandidates(opts.rules, io, opts.lang);
  if (!candidates) return 1;
  const { all, dir, precompiled, checked } = candidates;
  let selected = all;
  if (opts.occupation !== undefined) {
    selected = requireOccupations(all, opts.occupation);
  }
  if (opts.workType !== undefined && !selected.some((o) => o.workTypes.some((w) => w.name === opts.workType))) {
    throw new UsageError(`所选职业没有工种“${opts.workType}” / no selected occupation has work type "${opts.workType}"`);
  }
  const sink = new DiagnosticSink();
  const inForce = versionsInForce(selected, asOf, sink, (f) => display(join(dir, f)));
  if (sink.hasErrors) {
    printDiagnostics(sink.items, io, opts.lang);
    return 1;
  }
  const occupations = [...inForce]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .filter((o) => opts.workType === undefined || o.workTypes.some((w) => w.name === opts.workType))
    .filter((o) => level === undefined || o.levels.includes(level));
  if (level !== undefined && occupations.length === 0) {
    throw new UsageError(`所选职业不设 ${level} 级 / the selected occupations do not offer level ${level}`);
  }

  const workers = Math.min(jobs ?? ((inputStat?.size ?? 0) >= PARALLEL_BYTES ? availableParallelism() : 1), 256);
  const total = !stdin && (io.errIsTTY ?? false) ? countLines(opts.input) - (csvInput ? 1 : 0) : null;
  const progress = new Progress(io.errIsTTY ?? false, total);
  const color = useColor(io);
  let output: Output;
  try {
    // Checked first: the results would otherwise be renamed onto it only at the end, and fail.
    const outStat = opts.out === undefined ? null : statOrNull(opts.out);
    if (outStat?.isDirectory()) throw new OutputError('E_OUT_IS_DIR', opts.out!, { file: opts.out! });
    // The same file by any spelling or link: results must not replace their own input.
    if (outStat && inputStat && outStat.dev === inputStat.dev && outStat.ino === inputStat.ino) throw new OutputError('E_OUT_IS_INPUT', opts.out!, { file: opts.out! });
    output = new Output(opts.out, outStat !== null && !outStat.isFile(), io.stdout ?? process.stdout);
  } catch (e) {
    const failed = e instanceof OutputError ? e : new OutputError('E_WRITE', opts.out!, { file: opts.out!, detail: errorCode(e) });
    const s = new DiagnosticSink();
    s.report({ code: failed.code, file: failed.file, args: failed.args });
    printDiagnostics(s.items, io, opts.lang);
    return 1;
  }

  const totals = { evaluated: 0, skipped: 0, skippedLines: 0, eligible: 0, ineligible: 0, unknown: 0 };
  const say = (zh: string, en: string): void => {
    if (opts.lang !== 'en') io.err(zh);
    if (opts.lang !== 'zh') io.err(opts.lang === 'both' ? `    ${en}` : en);
  };
  // The temporaries of earlier runs killed before they could remove them (kill -9): removed, and named.
  if (output.file !== null) {
    for (const { file, pid } of removeStaleTemporaries(followLinks(opts.out!))) {
      say(`已删除先前被中断的运行（进程 ${pid}，已不存在）留下的临时文件 ${display(file)}`, `removed ${display(file)}, left by an interrupted run (process ${pid}, gone)`);
    }
  }
  // Ctrl-C or a kill ends the run at once: the partial output is never renamed into place, and
  // its temporary file is removed (left, it would be a hidden file as large as the output).
  const interrupted = (signal: NodeJS.Signals): void => {
    output.discard();
    progress.clear();
    const done = (totals.evaluated + totals.skipped).toLocaleString('en-US');
    if (opts.out !== undefined) say(`已中断：${opts.out} 未写入（已处理 ${done} 份资料）`, `interrupted: ${opts.out} not written (${done} profiles done)`);
    else say(`已中断（已处理 ${done} 份资料）`, `interrupted (${done} profiles done)`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.on('SIGINT', interrupted).on('SIGTERM', interrupted);
  let shownReports = 0;
  /** One chunk's results, in input order, with its output (null: a worker thread writes it into the file itself). */
  const take = async (r: Omit<ChunkResult, 'out'>, out: Uint8Array | null, written?: () => void): Promise<void> => {
    if (out) await output.write(out, written);
    totals.evaluated += r.evaluated;
    totals.skipped += r.skipped;
    totals.skippedLines += r.skippedLines;
    totals.eligible += r.eligible;
    totals.ineligible += r.ineligible;
    totals.unknown += r.unknown;
    for (const report of r.reports) {
      if (shownReports >= MAX_REPORTS) break;
      shownReports++;
      progress.clear();
      io.err(report);
    }
    progress.update(totals.evaluated + totals.skipped);
  };

  const started = performance.now();
  const base = { input: shown, csvOutput, explain: (opts.explain ?? false) && !csvOutput, asOf, level, workType: opts.workType, single: opts.occupation !== undefined, lang: opts.lang, color, maxReports: MAX_REPORTS };
  let ok = false;
  try {
    // JSON lines with worker threads and an input file: the workers read their chunks
    // themselves, the main thread only finds where chunks end (see `ranges`). CSV: the main thread
    // reads the records (cli/csv-input.ts) and hands over their profiles.
    const byRange = workers > 1 && !stdin && !csvInput;
    const inputFd = byRange || csvInput ? openSync(opts.input, 'r') : null;
    try {
      let input: AsyncGenerator<Piece> | Generator<Piece>;
      let options: LineOptions = { ...base, csv: false };
      if (csvInput) {
        const records = readCsv(inputFd!, { maxRecordBytes: MAX_PROFILE_BYTES });
        const column = profileColumn(records.next(), shown);
        if (typeof column !== 'number') {
          const s = new DiagnosticSink();
          s.report(column);
          printDiagnostics(s.items, io, opts.lang);
          return 1;
        }
        input = csvPieces(records, column);
        options = { ...base, csv: true };
      } else input = byRange ? ranges(inputFd!) : chunks(opts.input, io.stdin ?? process.stdin);
      const bytesOf = (piece: Chunk | Range): Uint8Array => {
        if ('bytes' in piece) return piece.bytes;
        const buf = Buffer.allocUnsafe(piece.length);
        readRange(inputFd!, buf, piece.length, piece.position);
        return buf;
      };
      if (csvOutput) await output.write((opts.bom ? '\uFEFF' : '') + CSV_COLUMNS.join(',') + '\n');
      const pieces = async function* (): AsyncGenerator<Piece> {
        yield* input;
      };

      if (workers <= 1) {
        const processChunk = createProcessor(occupations.map((o) => o.compiled()), options);
        for await (const piece of pieces()) {
          const { out, ...r } = 'records' in piece ? processChunk(piece.records) : judgeBytes(processChunk, bytesOf(piece), piece.firstLine);
          await take(r, out, () => processChunk.recycle(out));
        }
      } else {
        // Workers load the same evaluators: the precompiled modules, or the generated code.
        const source = precompiled
          ? { evaluators: precompiled.url, indices: occupations.map((o) => all.indexOf(o)) }
          : { code: occupations.map((o) => functionBody(checked!.get(o)!)) };
        const fds = { ...(byRange ? { inputFd: inputFd! } : {}), ...(output.file !== null ? { outputFd: output.file } : {}) };
        await inWorkers(pieces(), workers, { kind: 'zige-batch', ...source, options, ...fds }, take, output.file !== null ? (size) => output.reserve(size) : null);
      }
    } finally {
      if (inputFd !== null) closeSync(inputFd);
    }
    await output.flush();
    ok = true;
  } finally {
    progress.clear();
    await output.close(ok);
    process.off('SIGINT', interrupted).off('SIGTERM', interrupted);
  }

  const seconds = (performance.now() - started) / 1000;
  const done = totals.evaluated + totals.skipped;
  const rate = seconds > 0 ? Math.round(done / seconds) : done;
  const more = totals.skipped - shownReports;
  if (more > 0) say(`…… 另有 ${more} 行无效，见输出中的 error 记录`, `… and ${more} more invalid line(s): see the error records in the output`);
  // Every input line not judged is counted: a skipped CSV record may span several lines.
  const lost = totals.skippedLines > 0 ? [`（输入中 ${totals.skippedLines} 行未判定）`, ` (${totals.skippedLines} input line${totals.skippedLines === 1 ? '' : 's'} not judged)`] : ['', ''];
  const threads = workers > 1 ? [`${workers} 个工作线程`, `${workers} worker threads`] : ['单线程', 'one thread'];
  say(
    `批量判定：共 ${done} 份资料，已判定 ${totals.evaluated}，跳过 ${totals.skipped}${lost[0]}；用时 ${seconds.toFixed(2)} 秒，每秒 ${rate} 份（${threads[0]}）`,
    `batch: ${done} profiles, ${totals.evaluated} evaluated, ${totals.skipped} skipped${lost[1]}; ${seconds.toFixed(2)} s, ${rate}/s (${threads[1]})`,
  );
  say(
    `各级结果：符合 ${totals.eligible}，不符合 ${totals.ineligible}，无法判定 ${totals.unknown}`,
    `level results: eligible ${totals.eligible}, ineligible ${totals.ineligible}, unknown ${totals.unknown}`,
  );
  return totals.skipped > 0 ? 1 : 0;
}

/**
 * Spreads chunks over worker threads, at most IN_FLIGHT per worker, and hands their results to
 * `take` in input order. Chunks go as transferred bytes, or as ranges of the input file that the
 * worker reads. Output comes back as transferred bytes, or, with `place` (file output), stays in
 * the worker, which writes it where `place` puts it once the chunks before it are placed: the main
 * thread then handles no bulk data at all. A chunk counts against its worker until its output is
 * handed over or written, so memory stays bounded whatever the input size.
 */
async function inWorkers(
  input: AsyncGenerator<Piece>,
  count: number,
  init: WorkerInit,
  take: (r: Omit<ChunkResult, 'out'>, out: Uint8Array | null) => Promise<void>,
  place: ((size: number) => number) | null,
): Promise<void> {
  const url = new URL('./batch-worker.js', import.meta.url);
  const pool = Array.from({ length: count }, () => ({ worker: new Worker(url, { workerData: init }), busy: 0 }));
  type Slot = (typeof pool)[number];
  const done = new Map<number, { slot: Slot; bytes: Uint8Array | null; size: number; result: Omit<ChunkResult, 'out'> }>();
  let sent = 0;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  // A wake-up with nobody waiting is kept for the next wait: every loop below checks its state
  // before it waits, so a wake-up is never lost, and a spare one only costs a check.
  let woken = false;
  const signal = (): void => {
    const w = wake;
    wake = null;
    if (w) w();
    else woken = true;
  };
  const wait = (): Promise<void> => {
    if (woken) {
      woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => (wake = resolve));
  };
  for (const slot of pool) {
    slot.worker.on('message', (m: WorkerReply) => {
      if ('fatal' in m) failure ??= new Error(m.fatal);
      else if ('writeFailed' in m) failure ??= new WriteFailed(m.writeFailed);
      else if ('written' in m) slot.busy--;
      else if ('bytes' in m) {
        slot.busy--;
        done.set(m.seq, { slot, bytes: m.bytes, size: m.bytes.length, result: m.result });
      } else done.set(m.seq, { slot, bytes: null, size: m.size, result: m.result });
      signal();
    });
    slot.worker.on('error', (e) => {
      failure ??= e;
      signal();
    });
    slot.worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`worker thread exited with code ${code}`);
      signal();
    });
  }
  const post = (slot: Slot, m: WorkerRequest, transfer?: ArrayBuffer[]): void => slot.worker.postMessage(m, transfer);
  let next = 0;
  /** Places (or writes) the chunks that are done, in input order. */
  const drain = async (): Promise<void> => {
    while (done.has(next)) {
      const d = done.get(next)!;
      done.delete(next);
      if (d.bytes === null) post(d.slot, { seq: next, writeAt: place!(d.size) });
      next++;
      await take(d.result, d.bytes);
    }
  };
  // The next piece of input, once read. Finished chunks are written while it is awaited: input
  // that comes slowly (a pipe) still gets every result as soon as its chunk is judged.
  let arrived: IteratorResult<Piece> | null = null;
  const read = (): void => {
    input.next().then(
      (r) => {
        arrived = r;
        signal();
      },
      (e: unknown) => {
        failure ??= e instanceof Error ? e : new Error(String(e));
        signal();
      },
    );
  };
  try {
    read();
    for (;;) {
      if (failure) throw failure;
      await drain();
      const got = arrived as IteratorResult<Piece> | null;
      if (got?.done) break;
      let slot = pool[0];
      for (const s of pool) if (s.busy < slot.busy) slot = s;
      if (got && slot.busy < IN_FLIGHT) {
        const piece = got.value;
        slot.busy++;
        if ('records' in piece) post(slot, { seq: sent++, records: piece.records });
        else if ('bytes' in piece) {
          // a copy of its own, transferred: the chunk is a view of buffers still being read
          const bytes = new Uint8Array(piece.bytes);
          post(slot, { seq: sent++, firstLine: piece.firstLine, bytes }, [bytes.buffer]);
        } else post(slot, { seq: sent++, firstLine: piece.firstLine, position: piece.position, length: piece.length });
        arrived = null;
        read();
        continue;
      }
      await wait();
    }
    // every chunk placed, and every worker's writes over
    for (;;) {
      if (failure) throw failure;
      await drain();
      if (next >= sent && pool.every((s) => s.busy === 0)) break;
      await wait();
    }
  } finally {
    await Promise.all(pool.map((s) => s.worker.terminate()));
  }
}
