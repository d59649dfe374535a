// `zige test`: runs the test cases inside rule files (cli/rule-tests.ts), optionally recording the
// results of cases without `expect` first.
import { UsageError } from './usage-error.js';
import { collectRules } from './collect.js';
import { printDiagnostics, type Io, type OutputOptions } from './output.js';
import { runRuleTests, selectOccupations, updateExpectations } from './rule-tests.js';

export interface TestOptions extends OutputOptions {
  dir?: string;
  /** Only this occupation's cases (name, id or alias). */
  occupation?: string;
  /** Only cases whose expectations involve this level. */
  level?: string;
  /** Record the actual results of cases without `expect` (never overwrites). */
  update?: boolean;
}

export async function runTest(opts: TestOptions, io: Io): Promise<number> {
  let level: number | undefined;
  if (opts.level !== undefined) {
    level = Number(opts.level);
    if (!Number.isInteger(level) || level < 1 || level > 5) throw new UsageError(`--level 须为 1 到 5 / --level must be 1..5: ${opts.level}`);
  }
  let { rules, diagnostics } = collectRules(opts.dir);
  if (!rules) {
    printDiagnostics(diagnostics, io, opts.lang, opts.format);
    return 1;
  }
  const selected = selectOccupations(rules, opts.occupation);
  if (!selected) {
    const known = rules.occupations.map((o) => `${o.name} (${o.id})`).join('、');
    throw new UsageError(`没有职业“${opts.occupation}” / no occupation "${opts.occupation}". 可选 available: ${known}`);
  }
  if (opts.update) {
    const report = await updateExpectations(rules, selected);
    const log = opts.format === 'json' ? io.err : io.out;
    for (const f of report.files) log(`已记录 recorded: ${f.file}（${f.cases} 个用例 case(s)，reviewed: false）`);
    for (const s of report.skipped) log(`未记录 not recorded: ${s.occupation} › ${s.test}: ${s.reason}`);
    if (report.failed.length > 0) {
      const failed = report.failed.map((f) => ({ code: 'E_WRITE' as const, severity: 'error' as const, file: f.file, args: { file: f.file, detail: f.detail } }));
      printDiagnostics([...diagnostics, ...failed], io, opts.lang, opts.format);
      return 1;
    }
    if (report.files.length > 0) {
      // Run what is now in the files.
      ({ rules, diagnostics } = collectRules(opts.dir));
      if (!rules) {
        printDiagnostics(diagnostics, io, opts.lang, opts.format);
        return 1;
      }
    }
  }
  return runRuleTests(rules, io, {
    occupation: opts.occupation,
    level,
    format: opts.format,
    diagnostics,
    printDiagnostics: (d) => printDiagnostics(d, io, opts.lang, opts.format),
  });
}
