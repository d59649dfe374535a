// The rule file's own test cases: they name clauses and levels that exist, and expect something.
import type { RuleFileCheck } from './rule-file-check.js';

export function checkTests(f: RuleFileCheck): void {
  const allClauseIds = new Set(f.data.conditions.flatMap((g) => g.clauses.map((c) => `${g.level}/${c.id}`)));
  (f.data.tests ?? []).forEach((t, ti) => {
    const path = ['tests', ti];
    for (const [j, ref] of (t.only ?? []).entries()) {
      if (!allClauseIds.has(ref)) f.report('E_TEST_CLAUSE', [...path, 'only', j], { test: t.name, clause: ref });
    }
    for (const ref of Object.keys(t.clauses ?? {})) {
      if (!allClauseIds.has(ref)) f.report('E_TEST_CLAUSE', [...path, 'clauses', ref], { test: t.name, clause: ref });
    }
    for (const l of Object.keys(t.expect ?? {})) {
      if (!f.declared.has(Number(l))) f.report('E_TEST_LEVEL', [...path, 'expect', l], { test: t.name, level: l });
    }
    if (t.expect === undefined && t.only === undefined && t.clauses === undefined) {
      f.report('W_TEST_NO_EXPECTATION', [...path, 'name'], { test: t.name }, 'warning');
    }
    f.tests.push({
      name: t.name,
      line: f.lineOf(path),
      asOf: t.asOf,
      ...(t.workType !== undefined ? { workType: t.workType } : {}),
      profile: t.profile,
      expect: t.expect ?? {},
      only: t.only ?? [],
      clauses: t.clauses ?? {},
      ...(t.reviewed === false ? { reviewed: false } : {}),
    });
  });
}
