// `zige compile`: checks the rules and writes one evaluator module per occupation, atomically.
import { compileToStrings, OutputError, writeOutput } from '../compiler/generate/compile.js';
import { diagnosticsDocument } from '../compiler/diagnostics/diagnostic-formats.js';
import { collectRules } from './collect.js';
import { printDiagnostics, type Io, type OutputOptions } from './output.js';

export function runCompile(opts: { dir?: string; out: string; js: boolean; runtime?: string } & OutputOptions, io: Io): number {
  const { rules, diagnostics } = collectRules(opts.dir);
  if (!rules) {
    printDiagnostics(diagnostics, io, opts.lang, opts.format);
    return 1;
  }
  const files = compileToStrings(rules.occupations, { lang: opts.js ? 'js' : 'ts', runtime: opts.runtime });
  try {
    writeOutput(opts.out, files);
  } catch (e) {
    if (!(e instanceof OutputError)) throw e;
    const failed = [...diagnostics, { code: e.code, severity: 'error' as const, file: e.file, args: e.args }];
    printDiagnostics(failed, io, opts.lang, opts.format);
    return 1;
  }
  if (opts.format === 'json') {
    io.out(JSON.stringify({ ...diagnosticsDocument(diagnostics), out: opts.out, files: files.map((f) => f.path) }, null, 2));
    return 0;
  }
  printDiagnostics(diagnostics, io, opts.lang, opts.format);
  io.out(`✓ 已生成 ${files.length} 个文件到 ${opts.out} / wrote ${files.length} files to ${opts.out}`);
  return 0;
}
