// `zige eval --batch`, per line: parse and validate one profile, evaluate it, format the output
// line(s). Runs in the main thread for small inputs, and as the body of each worker thread for
// large ones (then the occupations arrive as generated code and are instantiated here once).
// Imports only the runtime and the light parts of the compiler: never the rule-file checker.
import { isAscii, isUtf8, transcode } from 'node:buffer';
import { readSync, write } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { DiagnosticSink, errorCode, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { encodingDiagnostic, encodingProblem, type EncodingProblem } from '../compiler/load/encoding.js';
import type { RecordFailure } from './csv-input.js';
import { neutralised } from './spreadsheet-text.js';
import { instantiateBody } from '../compiler/generate/instantiate.js';
import { loadProfile } from '../compiler/profile/load-profile.js';
import { singleRelations } from '../compiler/profile/single-relations.js';
import { formatMessage } from '../compiler/diagnostics/messages.js';
import { renderDiagnostic } from '../compiler/diagnostics/render.js';
import { factTypeProblems } from '../compiler/profile/fact-types.js';
import { pushResultsLine, Utf8Lines } from '../compiler/result-json.js';
import * as runtime from '../runtime/index.js';
import { addWarnings, EvaluationError, ProfileError, type CompiledOccupation, type ExplainedLevelResult, type Level, type LevelResult, type NotOfferedLevel, type Profile, type Warning } from '../runtime/index.js';
import type { OutputLang } from '../runtime/words.js';

export interface LineOptions {
  /** The input as shown in messages. */
  input: string;
  /** CSV input: the texts are the `profile` fields of records read by cli/csv-input.ts. */
  csv: boolean;
  csvOutput: boolean;
  /** Results with explanations (JSON lines output only). */
  explain: boolean;
  asOf: string;
  level?: Level;
  workType?: string;
  /** One occupation judged: `relation: 本职业` (one value) is allowed. */
  single: boolean;
  lang: OutputLang;
  color: boolean;
  /** Detailed stderr reports for at most this many invalid lines per chunk processor. */
  maxReports: number;
  /** Levels not judged (not offered at the sitting, no condition in the source), listed with every profile's results. */
  notOffered?: readonly NotOfferedLevel[];
}

/** What one chunk of lines produced. */
export interface ChunkResult {
  /** Output as UTF-8: JSON lines or CSV rows, each ending in a newline (a view of an ArrayBuffer of its own, transferable). */
  out: Uint8Array<ArrayBuffer>;
  evaluated: number;
  skipped: number;
  /** Input lines of the skipped records. */
  skippedLines: number;
  /** Level results by status. */
  eligible: number;
  ineligible: number;
  unknown: number;
  /** Rendered reports of invalid lines, for stderr. */
  reports: string[];
}

export const CSV_COLUMNS = ['line', 'occupation', 'occupation_id', 'level', 'status', 'education', 'matched', 'error', 'warnings', 'outcome', 'amount', 'amount_unit'];

/** With `--explain`, a CSV output adds the stretch of days on which a level is eligible: `earliest` and `latest` (empty for null). */
export const CSV_EXPLAIN_COLUMNS = ['earliest', 'latest'];

/** The CSV header's columns, with or without the explanation columns. */
export function csvColumns(explain: boolean): string[] {
  return explain ? [...CSV_COLUMNS, ...CSV_EXPLAIN_COLUMNS] : CSV_COLUMNS;
}

/**
 * A cell of the CSV output. A text that a spreadsheet would take for a formula (starting with
 * = + - @, also after spaces, or with a tab or CR) gets a leading apostrophe: shown as text,
 * never run.
 */
export function csvField(v: string | number): string {
  const s = typeof v === 'string' ? neutralised(v) : String(v);
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Records to judge, each numbered by the line it starts on: its text (the profile), or why it
 * could not be read; `lastLines`: the line each ends on (CSV; a JSON line is one line).
 */
export interface Records {
  lines: number[];
  texts: (string | RecordFailure)[];
  lastLines?: number[];
}

/**
 * Judges a chunk of lines (with the file lines that are not UTF-8, from `linesNotUtf8`: their
 * records are skipped); `recycle` gives back a chunk's `out` once written, for the next chunk to
 * write into.
 */
export type ChunkProcessor = ((records: Records, notUtf8?: ReadonlyMap<number, EncodingProblem> | null) => ChunkResult) & {
  recycle(out: Uint8Array<ArrayBuffer>): void;
};

/**
 * The lines of a chunk (numbered from `firstLine`) that are not UTF-8, each with its first bad
 * byte; null when the chunk is UTF-8, as it nearly always is (one native check). Decoded, such a
 * line would hold replacement characters that match no name: its results would be wrong.
 */
export function linesNotUtf8(bytes: Uint8Array, firstLine: number): Map<number, EncodingProblem> | null {
  if (isUtf8(bytes)) return null;
  const bad = new Map<number, EncodingProblem>();
  for (let start = 0, line = firstLine; start < bytes.length; line++) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length;
    const problem = encodingProblem(bytes.subarray(start, end));
    if (problem) bad.set(line, problem);
    start = end + 1;
  }
  return bad;
}

/**
 * Judges a chunk of JSON lines (whole lines, the first on line `firstLine`): decoded, cut into
 * lines, and judged; lines that are not UTF-8 are skipped. The bytes are checked once, natively,
 * for both the decoding and the check.
 */
export function judgeBytes(processChunk: ChunkProcessor, bytes: Uint8Array, firstLine: number): ChunkResult {
  const valid = isUtf8(bytes);
  return processChunk(splitRecords(decodeUtf8(bytes, valid), firstLine), valid ? null : linesNotUtf8(bytes, firstLine));
}

/** A processor of chunks of lines, for the given occupations (already selected and in report order). */
export function createProcessor(occupations: CompiledOccupation[], o: LineOptions): ChunkProcessor {
  // Counted across chunks: the detailed reports stop after maxReports, whichever chunks hold them.
  let reported = 0;
  const out = new Utf8Lines(); // each chunk's buffer is handed over; the next is one given back by recycle, or new
  const processChunk = (records: Records, notUtf8: ReadonlyMap<number, EncodingProblem> | null = null): ChunkResult => {
    const { lines, lastLines } = records;
    const r: Omit<ChunkResult, 'out'> = { evaluated: 0, skipped: 0, skippedLines: 0, eligible: 0, ineligible: 0, unknown: 0, reports: [] };
    for (let k = 0; k < lines.length; k++) {
      const line = lines[k];
      const sink = new DiagnosticSink();
      const profile = readProfile(records, k, notUtf8, sink, o);
      const judged = profile === undefined ? undefined : evaluateAll(occupations, profile, sink, o);
      const errors = sink.items.filter((d) => d.severity === 'error');
      if (judged === undefined || errors.length > 0) {
        r.skipped++;
        r.skippedLines += lastLines ? lastLines[k] - line + 1 : 1;
        writeError(out, line, errors, o);
        if (reported < o.maxReports) {
          reported++;
          for (const d of errors) r.reports.push(renderDiagnostic(locate(d, o.input, line, o.csv), { lang: o.lang, color: o.color }));
        }
        continue;
      }
      r.evaluated++;
      for (const x of judged.results) {
        if (x.status === 'eligible') r.eligible++;
        else if (x.status === 'ineligible') r.ineligible++;
        else r.unknown++;
      }
      writeResults(out, line, judged.results, judged.warnings, o);
    }
    return { ...r, out: out.take() };
  };
  return Object.assign(processChunk, { recycle: (bytes: Uint8Array<ArrayBuffer>) => out.recycle(bytes) });
}

/**
 * Record `k` of a chunk as a profile to evaluate, or undefined when it cannot be (its errors are
 * in `sink`): a record the CSV reader could not read, one with a line that is not UTF-8, an empty
 * profile field, a line that is not one JSON object, an invalid profile, or (several occupations
 * judged) a `relation: 本职业`, whose one value would name no occupation.
 */
export function readProfile({ lines, texts }: Records, k: number, notUtf8: ReadonlyMap<number, EncodingProblem> | null, sink: DiagnosticSink, o: LineOptions): Profile | undefined {
  const line = lines[k];
  const record = texts[k];
  const text = typeof record === 'string' ? record : '';
  // a record the CSV reader could not read: placed by its line alone (no field, no column)
  if (typeof record !== 'string') sink.report({ code: record.code, args: record.args });
  if (notUtf8 !== null) {
    // A record (CSV: over several lines) with a line that is not UTF-8.
    const next = k + 1 < lines.length ? lines[k + 1] : Infinity;
    for (const [bad, problem] of notUtf8) {
      if (bad < line || bad >= next) continue;
      sink.report({ ...encodingDiagnostic('', { ...problem, line: 1 + bad - line }), path: '' });
      break;
    }
  }
  if (!sink.hasErrors && o.csv && text.trim() === '') sink.report({ code: 'E_PROFILE_PARSE', path: '', args: { detail: 'the profile column is empty' } });
  if (sink.hasErrors) return undefined;
  if (!/^\s*\{/.test(text)) {
    sink.report({ code: 'E_PROFILE_PARSE', path: '', args: { detail: 'a batch line must hold one JSON object' } });
    return undefined;
  }
  const profile = loadProfile(o.input, text, sink);
  if (!profile || sink.hasErrors) return undefined;
  if (!o.single) for (const path of singleRelations(profile)) sink.report({ code: 'E_PROFILE_RELATION', path, args: { path } });
  return sink.hasErrors ? undefined : profile;
}

/**
 * One profile's level results for every occupation, and its warnings; undefined when the profile
 * cannot be evaluated (reported in `sink`: a schema error the evaluation found).
 */
function evaluateAll(occupations: CompiledOccupation[], profile: Profile, sink: DiagnosticSink, o: LineOptions): { results: LevelResult[]; warnings: Warning[] } | undefined {
  const results: LevelResult[] = [];
  let warnings: Warning[] = [];
  try {
    for (const occ of occupations) {
      const wrongTypes = factTypeProblems(profile, occ.meta);
      if (wrongTypes.length > 0) {
        for (const d of wrongTypes) sink.report(d);
        return undefined;
      }
      const judged = runtime.evaluateProfile(occ, profile, { asOf: o.asOf, level: o.level, workType: o.workType, single: o.single, explain: o.explain });
      results.push(...judged.results);
      // Said once per profile: each level of each occupation shared them.
      warnings = occupations.length === 1 ? judged.warnings : addWarnings(warnings, judged.warnings);
    }
  } catch (e) {
    if (e instanceof ProfileError) sink.report({ code: 'E_PROFILE_SCHEMA', path: e.path, args: { path: e.path, detail: e.message } });
    else if (e instanceof EvaluationError) sink.report({ code: 'E_PROFILE_SCHEMA', path: '', args: { path: '', detail: e.message } });
    else throw e;
    return undefined;
  }
  return { results, warnings };
}

/** The error record of a skipped line, in the output: its first error, so that no line goes missing. */
export function writeError(out: Utf8Lines, line: number, errors: Diagnostic[], o: LineOptions): void {
  const first = errors[0] ?? { code: 'E_PROFILE_PARSE', severity: 'error', args: { detail: 'invalid' } };
  const message = o.lang === 'both' ? `${formatMessage(first, 'zh')} / ${formatMessage(first, 'en')}` : formatMessage(first, o.lang);
  const error = { code: first.code, ...(first.path !== undefined ? { path: first.path } : {}), message };
  if (o.csvOutput) out.push([line, '', '', '', 'error', '', '', `${first.code}: ${error.message}`, '', '', '', '', ...(o.explain ? ['', ''] : [])].map(csvField).join(',') + '\n');
  else out.push(JSON.stringify({ line, error }) + '\n');
}

/** CSV rows of the levels not judged: the reason in the status column (not-offered, no-condition), never ineligible; `said` on the first. */
export function writeNotOffered(out: Utf8Lines, line: number, o: LineOptions, said: string): void {
  (o.notOffered ?? []).forEach((n, i) => out.push([line, n.occupation, n.id, n.level, n.reason, '', '', '', i === 0 ? said : '', '', '', '', ...(o.explain ? ['', ''] : [])].map(csvField).join(',') + '\n'));
}

/** A judged profile's results in the output: a CSV row per level, or one JSON line. */
export function writeResults(out: Utf8Lines, line: number, results: LevelResult[], warnings: Warning[], o: LineOptions): void {
  if (o.csvOutput) {
    // The profile's warnings on its first row only, as data (codes and paths).
    const said = csvWarnings(warnings);
    results.forEach((x, i) => {
      const cells = [line, x.occupation, x.id, x.level, x.status, x.education, x.matched.join(' '), '', i === 0 ? said : '', x.outcome?.kind ?? '', x.amount?.value ?? '', x.amount?.unit ?? ''];
      if (o.explain) {
        const e = x as ExplainedLevelResult;
        cells.push(e.earliest ?? '', e.latest ?? '');
      }
      out.push(cells.map(csvField).join(',') + '\n');
    });
    // A level not judged: its reason in the status column (not-offered, no-condition), never ineligible.
    writeNotOffered(out, line, o, results.length === 0 ? said : '');
  } else if (o.explain) out.push(JSON.stringify({ line, warnings, results, ...notOfferedField(o) }) + '\n');
  // Without explanations the results have a fixed shape: their JSON reuses encoded texts.
  else pushResultsLine(out, line, results, warnings, o.notOffered);
}

/** `notOffered` of a JSON line: present only when some level is not judged. */
function notOfferedField(o: LineOptions): { notOffered?: readonly NotOfferedLevel[] } {
  return o.notOffered && o.notOffered.length > 0 ? { notOffered: o.notOffered } : {};
}

/** The `warnings` cell of a CSV row: a JSON array of `{code, path, occupation?}`, empty when there are none. */
export function csvWarnings(warnings: readonly Warning[]): string {
  return warnings.length === 0 ? '' : JSON.stringify(warnings.map(({ code, path, occupation }) => ({ code, path, occupation })));
}

const decoder = new TextDecoder();

/**
 * A chunk of input as text, exactly as TextDecoder decodes it (a leading BOM dropped, invalid
 * bytes replaced). Valid non-ASCII UTF-8 (Chinese text) is transcoded to UTF-16 instead: about
 * 40% faster than the decoder, and valid UTF-8 has one decoding. `valid`: whether the bytes are
 * UTF-8, when the caller has checked already.
 */
export function decodeUtf8(bytes: Uint8Array, valid = isUtf8(bytes)): string {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!valid || isAscii(b)) return decoder.decode(b);
  const s = transcode(b, 'utf8', 'ucs2').toString('ucs2');
  return s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
}

/**
 * The JSON lines of a chunk of input text whose first line is number `firstLine`, each numbered
 * by its line; blank lines are skipped.
 */
export function splitRecords(text: string, firstLine: number): { lines: number[]; texts: string[] } {
  const lines: number[] = [];
  const texts: string[] = [];
  for (let pos = 0, line = firstLine; pos < text.length; line++) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const record = text.slice(pos, end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end);
    if (record.trim() !== '') {
      lines.push(line);
      texts.push(record);
    }
    pos = end + 1;
  }
  return { lines, texts };
}

/** A diagnostic of line `line` placed in the input file: the line number in its position. */
export function locate(d: Diagnostic, input: string, line: number, csv: boolean): Diagnostic {
  if (d.range && !csv) {
    const shift = line - d.range.start.line;
    return { ...d, file: input, range: { start: { ...d.range.start, line: line }, end: { ...d.range.end, line: d.range.end.line + shift } } };
  }
  const { range: _range, ...rest } = d;
  return { ...rest, file: `${input}:${line}`, ...(d.path !== undefined || d.range ? { path: d.path ?? '' } : {}) };
}

/** Generated code (a function body of the runtime `R`) → the compiled occupation. */
export function instantiateCode(body: string): CompiledOccupation {
  return instantiateBody(body, runtime);
}

/** Writes all of `data` to the file at `position` (null: where the last write ended, for a device or a pipe). */
export function writeAll(fd: number, data: Uint8Array, position: number | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const from = (offset: number): void => {
      if (offset >= data.length) resolve();
      else write(fd, data, offset, data.length - offset, position === null ? null : position + offset, (e, n) => (e ? reject(e) : from(offset + n)));
    };
    from(0);
  });
}

/** Reads `length` bytes of the file at `position` into the start of `buf`. */
export function readRange(fd: number, buf: Uint8Array, length: number, position: number): void {
  for (let done = 0; done < length; ) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new Error(`the input ended early: ${length - done} bytes short at ${position + done}`);
    done += n;
  }
}

/**
 * The occupations, as generated code (function bodies) or as precompiled modules (index.js URL +
 * indices into `occupations`). With `inputFd` the worker reads its chunks itself (requests name a
 * range of the input file); with `outputFd` it writes their output itself, where the main thread
 * places it (file descriptors are shared by the threads of a process). Either way the main thread
 * touches no bulk data: it cuts the input at record boundaries and keeps the output in order.
 */
export type WorkerInit = { kind: 'zige-batch'; options: LineOptions; inputFd?: number; outputFd?: number } & ({ code: string[] } | { evaluators: string; indices: number[] });

/**
 * A chunk of the input to judge: JSON lines as UTF-8 bytes cut at a line boundary (or, with
 * `inputFd`, their range in the input file) and the number of its first line, or records read
 * from a CSV input; or where in the output file to write a judged chunk's output (with `outputFd`).
 */
export type WorkerRequest =
  | { seq: number; records: Records }
  | { seq: number; firstLine: number; bytes: Uint8Array }
  | { seq: number; firstLine: number; position: number; length: number }
  | { seq: number; writeAt: number };

/**
 * A judged chunk's counts, with its output as UTF-8 bytes (transferred, not copied) or, with
 * `outputFd`, only its size (the worker keeps the bytes until told where to write them); a chunk
 * written; or a failure.
 */
export type WorkerReply =
  | { seq: number; bytes: Uint8Array; result: Omit<ChunkResult, 'out'> }
  | { seq: number; size: number; result: Omit<ChunkResult, 'out'> }
  | { seq: number; written: true }
  | { seq: number; fatal: string }
  | { seq: number; writeFailed: string };

if (!isMainThread && parentPort && (workerData as WorkerInit | undefined)?.kind === 'zige-batch') {
  const init = workerData as WorkerInit;
  const port = parentPort;
  const fatal = (seq: number, e: unknown): void => port.postMessage({ seq, fatal: e instanceof Error ? (e.stack ?? e.message) : String(e) } satisfies WorkerReply);
  // Messages wait in the port's queue until the listener below is attached.
  let occupations: CompiledOccupation[];
  if ('code' in init) occupations = init.code.map(instantiateCode);
  else {
    const all = ((await import(init.evaluators)) as { occupations: CompiledOccupation[] }).occupations;
    occupations = init.indices.map((i) => all[i]);
  }
  const processChunk = createProcessor(occupations, init.options);
  /** Input read here (with inputFd), reused for every chunk. */
  let input = Buffer.allocUnsafeSlow(0);
  /** Outputs waiting for their place in the output file (with outputFd). */
  const kept = new Map<number, Uint8Array<ArrayBuffer>>();
  port.on('message', (m: WorkerRequest) => {
    try {
      if ('writeAt' in m) {
        const bytes = kept.get(m.seq)!;
        kept.delete(m.seq);
        writeAll(init.outputFd!, bytes, m.writeAt).then(
          () => {
            processChunk.recycle(bytes);
            port.postMessage({ seq: m.seq, written: true } satisfies WorkerReply);
          },
          // A disk full or a permission: reported as such, not as a crash.
          (e: unknown) => port.postMessage({ seq: m.seq, writeFailed: errorCode(e) } satisfies WorkerReply),
        );
        return;
      }
      let judged: ChunkResult;
      if ('records' in m) judged = processChunk(m.records);
      else if ('bytes' in m) judged = judgeBytes(processChunk, m.bytes, m.firstLine);
      else {
        if (input.length < m.length) input = Buffer.allocUnsafeSlow(Math.max(m.length, input.length * 2));
        readRange(init.inputFd!, input, m.length, m.position);
        judged = judgeBytes(processChunk, input.subarray(0, m.length), m.firstLine);
      }
      const { out, ...result } = judged;
      if (init.outputFd !== undefined) {
        kept.set(m.seq, out);
        port.postMessage({ seq: m.seq, size: out.length, result } satisfies WorkerReply);
      } else port.postMessage({ seq: m.seq, bytes: out, result } satisfies WorkerReply, [out.buffer]);
    } catch (e) {
      fatal(m.seq, e);
    }
  });
}
