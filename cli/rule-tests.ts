// `zige test`: runs the test cases written in rule files against the generated evaluators and
// reports clauses that no case makes true.
import { stringify } from 'yaml';
import type { RuleSet } from '../compiler/check-rules.js';
import type { CheckedOccupation, CheckedTest } from '../compiler/checked.js';
import type { Diagnostic } from '../compiler/diagnostics.js';
import { instantiate } from '../compiler/instantiate.js';
import { evaluateOccupation, ProfileError, type LevelResult, type Profile } from '../runtime/index.js';
import type { Io } from './commands.js';

export interface CaseOutcome {
  occupation: string;
  test: CheckedTest;
  failures: string[];
  results?: LevelResult[];
}

export async function runCase(occ: CheckedOccupation, test: CheckedTest): Promise<CaseOutcome> {
  const compiled = instantiate(occ);
  const failures: string[] = [];
  let results: LevelResult[];
  try {
    results = evaluateOccupation(compiled, test.profile as Profile, { asOf: test.asOf, workType: test.workType, single: true });
  } catch (e) {
    const where = e instanceof ProfileError ? `profile${e.path}: ` : '';
    return { occupation: occ.id, test, failures: [`${where}${(e as Error).message}`] };
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
  return { occupation: occ.id, test, failures: [...new Set(failures)], results };
}

export async function runRuleTests(rules: RuleSet, io: Io, printDiagnostics: (d: Diagnostic[]) => void): Promise<number> {
  let passed = 0;
  let failed = 0;
  const uncovered: string[] = [];
  for (const occ of [...rules.occupations].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    const covered = new Set<string>();
    for (const test of occ.tests) {
      const outcome = await runCase(occ, test);
      for (const r of outcome.results ?? []) for (const c of r.clauses) if (c.status === 'met') covered.add(c.id);
      if (outcome.failures.length === 0) {
        passed++;
        io.out(`✓ ${occ.id} › ${test.name}`);
        continue;
      }
      failed++;
      io.out(`✗ ${occ.id} › ${test.name}  (${occ.file}:${test.line})`);
      for (const f of outcome.failures) io.out(`    ${f}`);
      io.out('    profile:');
      io.out(indent(stringify(test.profile), '      '));
      io.out(`    asOf: ${test.asOf}`);
      if (outcome.results) {
        io.out('    actual:');
        for (const r of outcome.results) {
          io.out(`      level ${r.level}: ${r.status} (education ${r.education}) ${r.clauses.map((c) => `${c.id.split('/').slice(1).join('/')}=${c.status}`).join(' ')}`);
        }
      }
    }
    for (const c of occ.clauses) if (!covered.has(c.id)) uncovered.push(`${c.id}  (${occ.file}:${c.line})`);
  }
  void printDiagnostics;
  if (uncovered.length > 0) {
    io.out('');
    io.out(`未覆盖的条款（没有测试使其成立）/ uncovered clauses (no test makes them true): ${uncovered.length}`);
    for (const u of uncovered) io.out(`  - ${u}`);
  }
  io.out('');
  io.out(`${passed} passed, ${failed} failed`);
  return failed > 0 || uncovered.length > 0 ? 1 : 0;
}

function indent(text: string, pad: string): string {
  return text
    .trimEnd()
    .split('\n')
    .map((l) => pad + l)
    .join('\n');
}
