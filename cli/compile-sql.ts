// `zige compile --target sql --dialect duckdb|postgres [--out DIR]`: the rules as SQL files
// (sql/statements.ts), written atomically into DIR, or printed.
import { join } from 'node:path';
import { writeFileAtomic } from '../compiler/generate/atomic-write.js';
import { makeDirectory } from '../compiler/generate/make-directory.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { errorCode } from '../compiler/diagnostics/diagnostics.js';
import type { Dialect } from '../sql/dialect.js';
import { compileStatements, sqlFiles, type Compiled } from '../sql/statements.js';
import type { OccupationMeta } from '../runtime/meta.js';
import type { RuleSet } from '../compiler/check-rules.js';
import { collectRules } from './collect.js';
import { printDiagnostics, type Io, type OutputOptions } from './output.js';

/** The checked occupations' metadata, by id then version (the order the SQL reports them in). */
export function metasOf(rules: RuleSet): OccupationMeta[] {
  const key = (m: OccupationMeta): string => `${m.id}\u0000${m.version ?? ''}`;
  return rules.occupations.map((o) => instantiate(o).meta).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The refusals as diagnostics (E_SQL_UNSUPPORTED), each naming the construct and the occupation. */
export function refusals(c: Extract<Compiled, { ok: false }>): Diagnostic[] {
  return c.refused.map((r) => ({ code: 'E_SQL_UNSUPPORTED', severity: 'error', args: { construct: r.construct, occupation: r.occupation } }));
}

export function runCompileSql(opts: { dir?: string; out?: string; dialect: Dialect } & OutputOptions, io: Io): number {
  const { rules, diagnostics } = collectRules(opts.dir);
  if (!rules) {
    printDiagnostics(diagnostics, io, opts.lang, opts.format);
    return 1;
  }
  const compiled = compileStatements(metasOf(rules));
  if (!compiled.ok) {
    printDiagnostics([...diagnostics, ...refusals(compiled)], io, opts.lang, opts.format);
    return 1;
  }
  const files = sqlFiles(opts.dialect, compiled);
  if (opts.out === undefined) {
    for (const f of files) io.out(f.content);
    return 0;
  }
  try {
    makeDirectory(opts.out);
    for (const f of files) writeFileAtomic(join(opts.out, f.path), f.content);
  } catch (e) {
    printDiagnostics([{ code: 'E_WRITE', severity: 'error', file: opts.out, args: { file: opts.out, detail: errorCode(e) } }], io, opts.lang, opts.format);
    return 1;
  }
  printDiagnostics(diagnostics, io, opts.lang, opts.format);
  io.out(`✓ 已生成 ${files.length} 个 SQL 文件到 ${opts.out} / wrote ${files.length} SQL files to ${opts.out}`);
  return 0;
}
