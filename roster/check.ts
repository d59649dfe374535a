// `zige roster check FILE.xlsx|FILE.csv --out REVIEWED.xlsx|.csv`: checks what can be checked
// before reading (options, the input's form, hostile workbooks, the mapping file, the rules), then
// reads the detail sheets (first pass), streams the main sheet judging each applicant (second
// pass), and writes the reviewed copy atomically. Exit 0 when every cell was read, 1 when a cell
// went to the errors sheet (or the input cannot be read at all), 2 for bad usage.
import { realpathSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { DiagnosticSink, fileError, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { asOfOption, loadCandidates, versionsInForce } from '../cli/eval.js';
import { display, printDiagnostics, type Io } from '../cli/output.js';
import { pathEncoding } from '../cli/csv-input.js';
import { Progress } from '../cli/progress.js';
import { UsageError } from '../cli/usage-error.js';
import type { OutputLang } from '../runtime/words.js';
import { NO_MAPPING, parseColumnMapping, type ColumnMapping } from './columns-file.js';
import { MAIN_SHEET } from './fields.js';
import { refuseWorkbook } from './hostile.js';
import type { Problem } from './read-fields.js';
import { readDetails, type DetailsRead } from './read-details.js';
import { csvEncoding, csvSheet, xlsxSheets, type CsvEncoding, type Sheet } from './read-sheets.js';
import { reviewMain, SheetError } from './review-main.js';
import { drain } from './sheet-header.js';
import type { ReviewWriter } from './review-writer.js';
import { problemText } from './result-cells.js';
import { csvWriter } from './write-csv.js';
import { xlsxWriter } from './write-xlsx.js';

export interface RosterCheckOptions {
  input: string;
  out: string;
  asOf?: string;
  columns?: string;
  encoding?: string;
  rules?: string;
  lang: OutputLang;
}

/** Problems shown on stderr in full; the rest are counted (all are in the errors sheet). */
const MAX_SHOWN = 20;

function fail(d: Omit<Diagnostic, 'severity'>, io: Io, lang: OutputLang): 1 {
  const sink = new DiagnosticSink();
  sink.report(d);
  printDiagnostics(sink.items, io, lang);
  return 1;
}

function kindOf(path: string, flag: string, allowed: readonly string[]): string {
  const ext = extname(path).toLowerCase();
  if (!allowed.includes(ext)) throw new UsageError(`${flag} 须为 ${allowed.join(' 或 ')} 文件 / ${flag} must be a ${allowed.join(' or ')} file: ${path}`);
  return ext;
}

function encodingOption(v: string | undefined): CsvEncoding | undefined {
  if (v === undefined) return undefined;
  const e = v.toLowerCase().replace('-', '');
  if (e === 'utf8') return 'utf8';
  if (e === 'gbk' || e === 'gb18030' || e === 'gb2312') return 'gbk';
  throw new UsageError(`--encoding 须为 utf-8 或 gbk / --encoding must be utf-8 or gbk: ${v}`);
}

function sameFile(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return false;
  }
}

function loadMapping(path: string | undefined, io: Io): ColumnMapping | Omit<Diagnostic, 'severity'> {
  if (path === undefined) return NO_MAPPING;
  const shown = display(path);
  try {
    return parseColumnMapping(io.readFile(path));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) return fileError('E_READ', shown, e);
    return { code: 'E_ROSTER_COLUMNS', file: shown, args: { file: shown, detail: e instanceof Error ? e.message : String(e) } };
  }
}

export async function runRosterCheck(opts: RosterCheckOptions, io: Io): Promise<number> {
  const asOf = asOfOption(opts.asOf);
  const inKind = kindOf(opts.input, 'FILE', ['.xlsx', '.xlsm', '.csv', '.xls']);
  const outKind = kindOf(opts.out, '--out', ['.xlsx', '.csv']);
  const told = encodingOption(opts.encoding);
  const shown = display(opts.input);
  try {
    if (!statSync(opts.input).isFile()) return fail({ code: 'E_READ', file: shown, args: { file: shown, detail: 'EISDIR' } }, io, opts.lang);
  } catch (e) {
    return fail(fileError('E_READ', shown, e), io, opts.lang);
  }
  if (sameFile(opts.input, opts.out)) return fail({ code: 'E_OUT_IS_INPUT', file: display(opts.out), args: { file: display(opts.out) } }, io, opts.lang);
  const mapping = loadMapping(opts.columns, io);
  if ('code' in mapping) return fail(mapping, io, opts.lang);
  const csv = inKind === '.csv';
  if (csv && pathEncoding(opts.input).utf16) return fail({ code: 'E_ENCODING_UTF16', file: shown, args: {} }, io, opts.lang);
  if (!csv) {
    const refusal = await refuseWorkbook(opts.input, shown);
    if (refusal) return fail({ code: refusal.code, file: shown, args: refusal.args }, io, opts.lang);
  }
  const candidates = await loadCandidates(opts.rules, io, opts.lang);
  if (!candidates) return 1;
  const sink = new DiagnosticSink();
  const occupations = versionsInForce(candidates.all, asOf, sink);
  if (sink.hasErrors) {
    printDiagnostics(sink.items, io, opts.lang);
    return 1;
  }
  const encoding = csv ? csvEncoding(opts.input, told) : undefined;
  return review({ ...opts, shown, csv, encoding, asOf, mapping, occupations, outKind }, io);
}

interface Prepared extends RosterCheckOptions {
  shown: string;
  csv: boolean;
  encoding: CsvEncoding | undefined;
  asOf: string;
  mapping: ColumnMapping;
  occupations: ReturnType<typeof versionsInForce<import('../cli/bundled.js').Candidate>>;
  outKind: string;
}

async function mainSheet(p: Prepared, first: DetailsRead): Promise<Sheet | undefined> {
  if (p.csv) return csvSheet(p.input, p.encoding ?? 'utf8');
  for await (const sheet of xlsxSheets(p.input)) {
    if (sheet.name === first.main) return sheet;
    await drain(sheet.rows); // the streaming reader reads sheets in order
  }
  return undefined;
}

async function review(p: Prepared, io: Io): Promise<number> {
  let first: DetailsRead;
  try {
    first = p.csv ? { details: new Map(), firstRef: new Map(), sheets: [], main: MAIN_SHEET.zh, problems: [] } : await readDetails(p.input, p.mapping);
  } catch (e) {
    return fail({ code: 'E_ROSTER_LIMIT', file: p.shown, args: { file: p.shown, detail: e instanceof Error ? e.message : String(e) } }, io, p.lang);
  }
  if (first.main === undefined) {
    const synonyms = [MAIN_SHEET.en, ...MAIN_SHEET.synonyms].map((s) => `“${s}”`).join('、');
    return fail({ code: 'E_ROSTER_NO_MAIN_SHEET', file: p.shown, args: { file: p.shown, name: p.mapping.sheets[MAIN_SHEET.zh] ?? MAIN_SHEET.zh, synonyms, sheets: first.sheets.join('、') } }, io, p.lang);
  }
  const writer: ReviewWriter = p.outKind === '.csv' ? csvWriter(p.out) : xlsxWriter(p.out);
  const problems: Problem[] = [...first.problems];
  const progress = new Progress(io.errIsTTY ?? false, null);
  try {
    const sheet = await mainSheet(p, first);
    if (!sheet) throw new Error('main sheet vanished between passes');
    const ctx = { occupations: p.occupations, asOf: p.asOf, details: first.details, seen: new Map<string, number>() };
    let done = 0;
    const main = await reviewMain(sheet, ctx, p.mapping, writer, (j) => {
      problems.push(...j.problems);
      progress.update(++done);
    });
    for (const [key, ref] of first.firstRef) if (!main.keys.has(key)) problems.push({ ref, code: 'E_ROSTER_UNKNOWN_KEY', args: { key } });
    await writer.finish(main.summary, problems);
    progress.clear();
    report(p, main.rows, main.summary, problems, io);
    return problems.length > 0 ? 1 : 0;
  } catch (e) {
    writer.abort();
    progress.clear();
    if (e instanceof SheetError) return fail({ code: e.problem.code, file: p.shown, path: e.problem.ref, args: e.problem.args }, io, p.lang);
    if (e instanceof RangeError) return fail({ code: 'E_ROSTER_LIMIT', file: p.shown, args: { file: p.shown, detail: e.message } }, io, p.lang);
    if ((e as NodeJS.ErrnoException).code) return fail(fileError('E_WRITE', display(p.out), e), io, p.lang);
    throw e;
  }
}

function report(p: Prepared, rows: number, summary: readonly { status: string; count: number }[], problems: readonly Problem[], io: Io): void {
  for (const pr of problems.slice(0, MAX_SHOWN)) io.err(`${p.shown}: ${problemText(pr)}`);
  if (problems.length > MAX_SHOWN) io.err(`… 另有 ${problems.length - MAX_SHOWN} 处问题 / ${problems.length - MAX_SHOWN} more problems (错误 sheet)`);
  const count = (s: string): number => summary.filter((x) => x.status === s).reduce((a, x) => a + x.count, 0);
  io.err(`${rows} 名申请人：符合 ${count('符合')}，不符合 ${count('不符合')}，待核实 ${count('待核实')}；无法读取的单元格 ${problems.length} 处；结果写入 ${display(p.out)}`);
  io.err(`${rows} applicants: ${count('符合')} eligible, ${count('不符合')} not eligible, ${count('待核实')} to verify; ${problems.length} cells not read; written to ${display(p.out)}`);
}
