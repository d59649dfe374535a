// Shared test helpers: temporary rule directories, the built CLI, checked rule sets.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkRules, type RuleSet } from '../compiler/check-rules.js';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';

export const ROOT = resolve(import.meta.dirname, '..');
export const RULES = join(ROOT, 'rules');
export const BIN = join(ROOT, 'dist', 'cli', 'bin.js');

/**
 * The size of a test's input: `bounded` in `npm test`, `full` when test/long/full-size.ts runs the
 * same files with ZIGE_TEST_FULL=1 (part of `npm run test:long`). For sizes that are not the point
 * of the test (random runs, profile counts): the cases and assertions are the same at both sizes.
 */
export function sized(bounded: number, full: number): number {
  return process.env.ZIGE_TEST_FULL === '1' ? full : bounded;
}

/** A scratch directory inside the repo, so `zige/runtime` resolves by package self-reference. */
export function scratch(prefix: string): string {
  // Under vitest, inside this run's folder (test/global-setup.ts removes it at the end).
  const base = process.env.ZIGE_TEST_SCRATCH ?? join(ROOT, '.tmp');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

/** A rules directory holding the given files plus the bundled vocabulary and sources. */
export function rulesDir(files: Record<string, string>, options: { sources?: Record<string, string> } = {}): string {
  const dir = scratch('rules');
  cpSync(join(RULES, 'vocabulary.yaml'), join(dir, 'vocabulary.yaml'));
  mkdirSync(join(dir, 'sources'));
  cpSync(join(RULES, 'sources'), join(dir, 'sources'), { recursive: true });
  for (const [name, text] of Object.entries(options.sources ?? {})) writeFileSync(join(dir, 'sources', name), text);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

export function check(dir: string): { rules: RuleSet | undefined; sink: DiagnosticSink } {
  const sink = new DiagnosticSink();
  const rules = checkRules(dir, sink);
  return { rules, sink };
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; stdin?: string | Uint8Array } = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    ...(options.stdin !== undefined ? { input: options.stdin } : {}),
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    timeout: 60_000,
    maxBuffer: 1 << 28,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** One level-5 clause, 本职业或相关职业学徒期满, citing the bundled source: the `conditions` of most fixtures. */
export const APPRENTICESHIP_LEVEL_5 = levelFiveClause('学徒期满 本职业或相关职业');

/** The `conditions` of a rule file with one level-5 clause: `when` on line 15 (col 15) of `ruleFile`. */
export function levelFiveClause(when: string, source = '本职业或相关职业学徒期满。'): string {
  return `  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: ${source}
        when: ${when}`;
}

/** A rule-file test case that fails against APPRENTICESHIP_LEVEL_5 (no apprenticeship, yet eligible). */
export const FAILING_TEST_CASE = `tests:
  - name: wrong on purpose
    asOf: 2026-11-28
    profile: {education: []}
    expect: {5: eligible}`;

/**
 * A minimal valid rule file citing the bundled source document, with the given conditions. Its
 * levels default to those the conditions give (a declared level without conditions is a warning).
 */
export function ruleFile(body: { id?: string; name?: string; levels?: string; conditions: string; extra?: string }): string {
  const given = [...new Set([...body.conditions.matchAll(/^  - level: (\d)/gm)].map((m) => Number(m[1])))].sort((x, y) => y - x);
  const levels = body.levels ?? (given.length > 0 ? `[${given.join(', ')}]` : '[5, 4, 3]');
  return `id: ${body.id ?? 'sample'}
name: ${body.name ?? '样例职业'}
source:
  document: 样例
  file: sources/guizhou-2023-09-registration-conditions.txt
  section: 一、互联网营销师
levels: ${levels}
${body.extra ?? ''}
conditions:
${body.conditions}
`;
}
