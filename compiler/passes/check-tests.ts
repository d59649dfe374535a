// The rule file's own test cases: they name clauses and levels that exist, and expect something.
import type { RuleFileCheck } from './rule-file-check.js';
import { fitsFactType, withTypeWords } from '../profile/fact-types.js';
import { normalizeName } from '../../runtime/facts.js';

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
    for (const key of ['expect', 'verify'] as const) {
      for (const l of Object.keys(t[key] ?? {})) {
        if (!f.declared.has(Number(l))) f.report('E_TEST_LEVEL', [...path, key, l], { test: t.name, level: l });
      }
    }
    checkFactTypes(f, t.profile, [...path, 'profile', 'facts']);
    if (t.expect === undefined && t.only === undefined && t.clauses === undefined && t.verify === undefined) {
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
      ...(t.verify !== undefined ? { verify: t.verify } : {}),
      ...(t.reviewed === false ? { reviewed: false } : {}),
    });
  });
}

/** A declared fact given with the other type (a number for a yes/no fact, or the reverse) is an error, as `zige eval` says. */
function checkFactTypes(f: RuleFileCheck, profile: unknown, path: (string | number)[]): void {
  const facts = (profile as { facts?: unknown } | null)?.facts;
  if (facts === null || typeof facts !== 'object') return;
  for (const [key, value] of Object.entries(facts)) {
    const decl = f.ctx.vocabulary.facts.get(normalizeName(key)) ?? f.ctx.vocabulary.facts.get(key);
    if (decl === undefined || fitsFactType(decl.type, value)) continue;
    const pointer = `/facts/${key}`;
    f.report('E_PROFILE_FACT_TYPE', [...path, key], withTypeWords({ path: pointer, name: decl.name, expected: decl.type, actual: typeof value }));
  }
}
