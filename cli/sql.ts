// `zige sql PROFILES --dialect duckdb|postgres [--as-of DATE] [--rules DIR]`: prints the
// statements to screen a JSON lines file by hand: schema, load, and the prepared statements.
import { sqlScript, compileStatements } from '../sql/statements.js';
import type { Dialect } from '../sql/dialect.js';
import { collectRules } from './collect.js';
import { metasOf, refusals } from './compile-sql.js';
import { asOfOption } from './eval.js';
import { printDiagnostics, type Io, type OutputOptions } from './output.js';

export function runSql(opts: { profiles: string; dialect: Dialect; asOf?: string; rules?: string } & OutputOptions, io: Io): number {
  const asOf = asOfOption(opts.asOf);
  const { rules, diagnostics } = collectRules(opts.rules);
  if (!rules) {
    printDiagnostics(diagnostics, io, opts.lang, opts.format);
    return 1;
  }
  const compiled = compileStatements(metasOf(rules));
  if (!compiled.ok) {
    printDiagnostics(refusals(compiled), io, opts.lang, opts.format);
    return 1;
  }
  io.out(sqlScript(opts.dialect, compiled, opts.profiles, asOf));
  return 0;
}
