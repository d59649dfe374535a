// `zige test`: runs the test cases written in rule files against the generated evaluators and
// reports like a test runner: each case passed or failed by name, clauses that no case makes true,
// and a last line `N passed, N failed`. Filters select cases by occupation and level; `--update`
// records the actual results of cases that have no `expect` yet (compiler/update-tests.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { sanitize } from '../compiler/diagnostics/sanitize.js';
import type { RuleSet } from '../compiler/check-rules.js';
import type { CheckedOccupation, CheckedTest } from '../compiler/checked.js';
import { writeFileAtomic } from '../compiler/generate/atomic-write.js';
import { diagnosticsDocument, escapeGithubData, escapeGithubProperty, type OutputFormat } from '../compiler/diagnostics/diagnostic-formats.js';
import { errorCode, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { casesWithoutExpect, insertExpectations, type TestUpdate } from '../compiler/update-tests.js';
import { evaluateOccupation, normalizeName, ProfileError, type ExplainedLevelResult, type LevelResult, type Profile } from '../runtime/index.js';
import { display, type Io } from './output.js';

export interface CaseOutcome {
  occupation: string;
  test: CheckedTest;
  failures: string[];
  results?: LevelResult[];
}

/** Whether a case states any expectation at all. */
export function hasExpectations(test: CheckedTest): boolean {
  return Object.keys(test.expect).length > 0 || test.only.length > 0 || Object.keys(test.clauses).length > 0 || Object.keys(test.verify ?? {}).length > 0;
}

/** Runs one case; `compiled` is the occupation's generated evaluator (the site's playground brings its own). */
export async function runCase(occ: CheckedOccupation, test: CheckedTest, compiled = instantiate(occ)): Promise<CaseOutcome> {
  const failures: string[] = [];
  let results: LevelResult[];
  try {
    results = evaluateOccupation(compiled, test.profile as Profile, { asOf: test.asOf, workType: test.workType, single: true });
  } catch (e) {
    const where = e instanceof ProfileError ? `profile${e.path}: ` : '';
    return { occupation: occ.id, test, failures: [`${where}${(e as Error).message}`] };
  }
  if (!hasExpectations(test)) {
    failures.push('no expectation (expect, only or clauses): run `zige test --update` to record the actual results');
  }
  const byLevel = new Map(results.map((r) => [String(r.level), r]));
  for (const [level, want] of Object.entries(test.expect)) {
    const got = byLevel.get(level)?.status ?? '(not evaluated)';
    if (got !== want) failures.push(`level ${level}: expected ${want}, got ${got}`);
  }
  const clauseStatus = (ref: string): string | undefined => {
    const [level] = ref.split('/');
    return byLevel.get(level)?.clauses.find((c) => c.id === `${occ.id}/${ref}`)?.status;
  };
  for (const ref of test.only) {
    const level = ref.split('/')[0];
    for (const c of byLevel.get(level)?.clauses ?? []) {
      const local = c.id.slice(occ.id.length + 1);
      const want = test.only.includes(local) ? 'met' : 'unmet';
      if (c.status !== want) failures.push(`clause ${local}: expected ${want}, got ${c.status}`);
    }
  }
  for (const [ref, want] of Object.entries(test.clauses)) {
    const got = clauseStatus(ref) ?? '(no such clause)';
    if (got !== want) failures.push(`clause ${ref}: expected ${want}, got ${got}`);
  }
  // 告知承诺制: the declared facts the level rests on, by JSON Pointer, in order
  for (const [level, want] of Object.entries(test.verify ?? {})) {
    const r = byLevel.get(level) as ExplainedLevelResult | undefined;
    const got = r === undefined ? '(not evaluated)' : JSON.stringify(r.verify.map((v) => v.path));
    if (got !== JSON.stringify(want)) failures.push(`level ${level} verify: expected ${JSON.stringify(want)}, got ${got}`);
  }
  return { occupation: occ.id, test, failures: [...new Set(failures)], results };
}

export interface TestFilters {
  /** Name, id or alias of an occupation. */
  occupation?: string;
  /** Only cases whose expectations involve this level (`expect`, `only` or `clauses`). */
  level?: number;
}

/** Whether a case's expectations name the level. */
export function involvesLevel(test: CheckedTest, level: number): boolean {
  const l = String(level);
  return l in test.expect || l in (test.verify ?? {}) || test.only.some((r) => r.split('/')[0] === l) || Object.keys(test.clauses).some((r) => r.split('/')[0] === l);
}

/** The occupations a filter selects; undefined when it names none. */
export function selectOccupations(rules: RuleSet, query: string | undefined): CheckedOccupation[] | undefined {
  if (query === undefined) return rules.occupations;
  const q = normalizeName(query);
  const found = rules.occupations.filter((o) => [o.id, o.name, ...o.aliases].some((n) => normalizeName(n) === q));
  return found.length > 0 ? found : undefined;
}

function byFile(a: CheckedOccupation, b: CheckedOccupation): number {
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

export interface UpdateReport {
  /** Rule files written, with how many cases each got. */
  files: { file: string; cases: number }[];
  /** Cases that could not be evaluated, so got nothing. */
  skipped: { occupation: string; test: string; reason: string }[];
  /** Rule files that could not be written (a read-only file system, a permission): the errno code. */
  failed: { file: string; detail: string }[];
}

/**
 * Fills in `expect` (every evaluated level) and `reviewed: false` for the cases of the given
 * occupations that have no `expect` key, writing each rule file atomically. Existing expectations
 * are never changed.
 */
export async function updateExpectations(rules: RuleSet, occupations: CheckedOccupation[]): Promise<UpdateReport> {
  const report: UpdateReport = { files: [], skipped: [], failed: [] };
  for (const occ of [...occupations].sort(byFile)) {
    const path = join(rules.dir, occ.file);
    const text = readFileSync(path, 'utf8');
    const missing = new Set(casesWithoutExpect(text));
    if (missing.size === 0) continue;
    const updates: TestUpdate[] = [];
    for (const [index, test] of occ.tests.entries()) {
      if (!missing.has(index)) continue;
      const outcome = await runCase(occ, { ...test, expect: {}, only: [], clauses: {}, verify: {} });
      if (!outcome.results) {
        report.skipped.push({ occupation: occ.id, test: test.name, reason: outcome.failures.join('; ') });
        continue;
      }
      updates.push({ index, expect: outcome.results.map((r) => [r.level, r.status] as const) });
    }
    if (updates.length === 0) continue;
    const out = insertExpectations(text, updates);
    if (out !== text) {
      try {
        writeFileAtomic(path, out);
      } catch (e) {
        report.failed.push({ file: display(path), detail: errorCode(e) });
        continue;
      }
      report.files.push({ file: display(path), cases: updates.length });
    }
  }
  return report;
}

export interface RuleTestOptions extends TestFilters {
  format?: OutputFormat;
  /** Diagnostics of loading the rules (warnings), reported with the results. */
  diagnostics?: Diagnostic[];
  printDiagnostics?: (d: Diagnostic[]) => void;
}

interface CaseRecord {
  occupation: string;
  name: string;
  file: string;
  line: number;
  status: 'passed' | 'failed';
  reviewed: boolean;
  failures: string[];
}

export async function runRuleTests(rules: RuleSet, io: Io, options: RuleTestOptions = {}): Promise<number> {
  const format = options.format ?? 'human';
  const human = format !== 'json';
  const selected = selectOccupations(rules, options.occupation) ?? [];
  const filtered = options.occupation !== undefined || options.level !== undefined;
  let passed = 0;
  let failed = 0;
  const records: CaseRecord[] = [];
  const uncovered: { id: string; file: string; line: number }[] = [];
  if (human && options.diagnostics && options.diagnostics.length > 0) options.printDiagnostics?.(options.diagnostics);
  for (const occ of [...selected].sort(byFile)) {
    const covered = new Set<string>();
    const file = display(join(rules.dir, occ.file));
    for (const test of occ.tests) {
      if (options.level !== undefined && !involvesLevel(test, options.level)) continue;
      const outcome = await runCase(occ, test);
      for (const r of outcome.results ?? []) for (const c of r.clauses) if (c.status === 'met') covered.add(c.id);
      const reviewed = test.reviewed !== false;
      const ok = outcome.failures.length === 0;
      records.push({ occupation: occ.id, name: test.name, file, line: test.line, status: ok ? 'passed' : 'failed', reviewed, failures: outcome.failures });
      if (ok) {
        passed++;
        if (human) io.out(sanitize(`✓ ${occ.id} › ${test.name}${reviewed ? '' : '  （待复核 unreviewed）'}`));
        continue;
      }
      failed++;
      if (!human) continue;
      if (format === 'github') {
        const props = [`file=${escapeGithubProperty(file)}`, `line=${test.line}`, `title=${escapeGithubProperty(`zige test: ${occ.id} › ${test.name}`)}`];
        io.out(`::error ${props.join(',')}::${escapeGithubData(outcome.failures.join('\n'))}`);
      }
      io.out(sanitize(`✗ ${occ.id} › ${test.name}  (${file}:${test.line})`));
      for (const f of outcome.failures) io.out(`    ${sanitize(f)}`);
      io.out('    profile:');
      io.out(indent(stringify(test.profile), '      '));
      io.out(`    asOf: ${test.asOf}`);
      if (outcome.results) {
        io.out('    actual:');
        for (const r of outcome.results) {
          io.out(sanitize(`      level ${r.level}: ${r.status} (education ${r.education}) ${r.clauses.map((c) => `${c.id.split('/').slice(1).join('/')}=${c.status}`).join(' ')}`));
        }
      }
    }
    // Coverage is a property of the whole suite: a filtered run does not judge it.
    // A clause of a level not judged (not offered at the sitting) can hold in no case: not asked for.
    if (!filtered) for (const c of occ.clauses) if (!covered.has(c.id) && occ.levels.includes(c.level)) uncovered.push({ id: c.id, file, line: c.line });
  }
  const unreviewed = records.filter((r) => !r.reviewed).length;
  if (format === 'json') {
    const doc = { ...diagnosticsDocument(options.diagnostics ?? []), tests: records, uncovered, passed, failed };
    io.out(JSON.stringify(doc, null, 2));
    return failed > 0 || uncovered.length > 0 ? 1 : 0;
  }
  if (uncovered.length > 0) {
    io.out('');
    io.out(`未覆盖的条款（没有测试使其成立）/ uncovered clauses (no test makes them true): ${uncovered.length}`);
    for (const u of uncovered) io.out(sanitize(`  - ${u.id}  (${u.file}:${u.line})`));
  }
  if (filtered && selected.length > 0) {
    io.out('');
    io.out('（已筛选：不检查条款覆盖 / filtered run: clause coverage not checked）');
  }
  if (unreviewed > 0) {
    io.out('');
    io.out(`${unreviewed} 个用例的预期由 --update 记录、尚待复核（reviewed: false）/ ${unreviewed} case(s) recorded by --update await review (reviewed: false)`);
  }
  io.out('');
  // The last line says all that decides the exit code: uncovered clauses fail the run too.
  const gaps = uncovered.length > 0 ? `, ${uncovered.length} uncovered（${uncovered.length} 个条款未覆盖，见上）` : '';
  io.out(`${passed} passed, ${failed} failed${gaps}`);
  return failed > 0 || uncovered.length > 0 ? 1 : 0;
}

function indent(text: string, pad: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => pad + sanitize(l))
    .join('\n');
}
