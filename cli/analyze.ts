// `zige analyze [DIR] [--format human|json|github] [--emit-tests]`: drafting faults of the rule
// files (analysis/). Exit 1 on any unaccepted finding of warning or above, 0 otherwise.
import { join } from 'node:path';
import { checkRules } from '../compiler/check-rules.js';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import type { OutputFormat } from '../compiler/diagnostics/diagnostic-formats.js';
import { bundledRulesDir } from '../compiler/load/package-root.js';
import { analyzeRules, RefusedConstruct, type Analysis } from '../analysis/index.js';
import type { OutputLang } from '../runtime/words.js';
import { emitWitnessTests } from './analyze-emit.js';
import { formatGithub, formatHuman, formatJson, say, summarize } from './analyze-format.js';
import { display, printDiagnostics, type Io } from './output.js';

export interface AnalyzeOptions {
  dir?: string;
  format: OutputFormat;
  lang: OutputLang;
  emitTests: boolean;
}

export function runAnalyze(opts: AnalyzeOptions, io: Io): number {
  const dir = opts.dir ?? bundledRulesDir();
  const sink = new DiagnosticSink();
  const rules = checkRules(dir, sink, display);
  if (!rules || sink.hasErrors) {
    printDiagnostics(sink.items, io, opts.lang, opts.format);
    return 1;
  }
  let analysis: Analysis;
  try {
    analysis = analyzeRules(rules, (p) => io.readFile(p));
  } catch (e) {
    if (!(e instanceof RefusedConstruct)) throw e;
    io.err(say('E_ANALYSIS_REFUSED', { clause: e.clause, construct: e.construct }, opts.lang));
    return 1;
  }
  if (opts.emitTests) {
    const problems = emitWitnessTests(rules, analysis);
    for (const p of problems) io.err(say('E_EMIT_TESTS', { file: display(join(dir, p.file)), detail: p.detail }, opts.lang));
    if (problems.length > 0) return 1;
  }
  if (opts.format === 'json') io.out(formatJson(analysis, opts.lang));
  else if (opts.format === 'github') {
    const text = formatGithub(analysis, dir, opts.lang);
    if (text) io.out(text);
  } else io.out(formatHuman(analysis, dir, opts.lang));
  const n = summarize(analysis);
  return n.errors + n.warnings > 0 ? 1 : 0;
}
