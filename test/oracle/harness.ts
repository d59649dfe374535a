// Differential harness: the generated evaluator (compiler → generated code → runtime) against the
// reference interpreter, on one occupation and one profile. Also builds synthetic rule files
// from random expressions.
import type { CheckedOccupation } from '../../compiler/checked.js';
import { instantiate } from '../../compiler/generate/instantiate.js';
import { evaluateProfile, verifyLists, type ExplainedLevelResult, type Profile } from '../../runtime/index.js';
import type { Oracle, OracleLevel, OracleWarning } from './interpreter.js';

export interface Disagreement {
  occupation: string;
  asOf: string;
  profile: unknown;
  generated: OracleAnswer;
  oracle: OracleAnswer;
}

/** The level results and the profile's warnings (said once, not per level). */
export interface OracleAnswer {
  levels: OracleLevel[];
  warnings: OracleWarning[];
}

/**
 * The generated code's answer, reduced to what the oracle computes. With `explain` (the runtime's
 * default) the explanations are computed too, so a crash in them shows up here.
 */
export function generatedLevels(occ: CheckedOccupation, profile: unknown, asOf: string, explain = false): OracleLevel[] {
  return generatedAnswer(occ, profile, asOf, explain).levels;
}

/** The generated code's levels and warnings, reduced to what the oracle computes. */
export function generatedAnswer(occ: CheckedOccupation, profile: unknown, asOf: string, explain = false): OracleAnswer {
  const compiled = instantiate(occ);
  const { results, warnings } = evaluateProfile(compiled, profile as Profile, { asOf, single: true, explain });
  // explained results carry `verify`; fast ones do not: then it is computed as they would have it
  const verify = explain ? results.map((r) => (r as ExplainedLevelResult).verify) : verifyLists(compiled, profile as Profile, results, { asOf, single: true });
  return {
    levels: results.map((r, i) => ({
      level: r.level,
      status: r.status,
      education: r.education,
      clauses: r.clauses.map((c) => ({ id: c.id, status: c.status })),
      verify: verify[i].map((v) => v.path),
    })),
    warnings: warnings.map(({ code, path, occupation }) => (occupation === undefined ? { code, path } : { code, path, occupation })),
  };
}

/** Compares both implementations; returns the two answers when they differ. */
export function differ(oracle: Oracle, profile: unknown, asOf: string, explain = false): Disagreement | null {
  const generated = generatedAnswer(oracle.occ, profile, asOf, explain);
  const expected: OracleAnswer = { levels: oracle.evaluate(profile, asOf), warnings: oracle.warnings(profile) };
  if (JSON.stringify(generated) === JSON.stringify(expected)) return null;
  return { occupation: oracle.occ.id, asOf, profile, generated, oracle: expected };
}

/** Only the levels and clauses where the two answers differ, for a readable report. */
export function explain(d: Disagreement): string {
  const lines = [`occupation ${d.occupation}, asOf ${d.asOf}`, `profile ${JSON.stringify(d.profile)}`];
  const warnings = (a: OracleAnswer): string => JSON.stringify(a.warnings);
  if (warnings(d.generated) !== warnings(d.oracle)) lines.push(`warnings: generated ${warnings(d.generated)}, oracle ${warnings(d.oracle)}`);
  d.oracle.levels.forEach((o, i) => {
    const g = d.generated.levels[i];
    if (!g) return void lines.push(`level ${o.level}: missing in generated`);
    if (g.status !== o.status || g.education !== o.education) {
      lines.push(`level ${o.level}: generated ${g.status}/${g.education}, oracle ${o.status}/${o.education}`);
    }
    if (JSON.stringify(g.verify) !== JSON.stringify(o.verify)) lines.push(`level ${o.level} verify: generated ${JSON.stringify(g.verify)}, oracle ${JSON.stringify(o.verify)}`);
    o.clauses.forEach((c, j) => {
      if (g.clauses[j]?.status !== c.status) lines.push(`  clause ${c.id}: generated ${g.clauses[j]?.status}, oracle ${c.status}`);
    });
  });
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Synthetic rule files

export const SYNTHETIC_SOURCE = '样例标题\n样例条款。\n样例学历要求\n';

export const SYNTHETIC_RELATED = { occupations: ['电子商务师'], sameMajors: ['计算机应用'], majors: ['电子商务'] };

/** Preconditions (`p1`, `p2` …) gating every clause, and per clause the requirements it waives (破格). */
export interface SyntheticGates {
  preconditions: string[];
  /** By clause index (as `expressions`): `education` and/or precondition ids. */
  waives: string[][];
  /** By clause index: the clause says `outcome: next-level` (issue 20). */
  nextLevel?: boolean[];
  /** The file's `counting:` (how years and months of experience are counted); absent: the default. */
  counting?: string;
  /** The levels the sitting offers (`offered`); absent: no such field. */
  offered?: number[];
}

/** A rule file for occupation `sample` whose clauses are `expressions`, spread over levels 5..1. */
export function syntheticRuleFile(expressions: string[], requirement: string | null, id = 'sample', gates?: SyntheticGates): string {
  const q = (s: string): string => JSON.stringify(s);
  const waives = (i: number): string => {
    const list = (gates?.waives[i] ?? []).filter((w) => w !== 'education' || requirement !== null);
    return list.length > 0 ? `\n        waives: [${list.map(q).join(', ')}]` : '';
  };
  const preconditions =
    gates && gates.preconditions.length > 0
      ? `preconditions:\n${gates.preconditions.map((e, i) => `  - id: p${i + 1}\n    source: 样例条款。\n    when: ${q(e)}`).join('\n')}\n`
      : '';
  const byLevel = new Map<number, { e: string; i: number }[]>();
  expressions.forEach((e, i) => {
    const level = 5 - (i % 5);
    byLevel.set(level, [...(byLevel.get(level) ?? []), { e, i }]);
  });
  const conditions = [...byLevel]
    .map(
      ([level, list]) => `  - level: ${level}
    source: 样例标题
    clauses:
${list.map(({ e, i }, k) => `      - id: "${k + 1}"\n        source: 样例条款。\n        when: ${q(e)}${waives(i)}${gates?.nextLevel?.[i] ? '\n        outcome: next-level' : ''}`).join('\n')}`,
    )
    .join('\n');
  return `id: ${id}
name: 样例职业
aliases: [样例工, ＳＡＭＰＬＥ]
source:
  document: 样例
  file: sources/sample.txt
  section: 样例标题
${gates?.counting ? `counting: ${gates.counting}\n` : ''}${requirement === null ? '' : `education:\n  source: 样例学历要求\n  when: ${q(requirement)}\n`}${preconditions}${gates?.offered ? `offered:\n  levels: [${gates.offered.join(', ')}]\n` : ''}levels: [5, 4, 3, 2, 1]
related:
  occupations: [${SYNTHETIC_RELATED.occupations.map(q).join(', ')}]
  sameMajors: [${SYNTHETIC_RELATED.sameMajors.map(q).join(', ')}]
  majors: [${SYNTHETIC_RELATED.majors.map(q).join(', ')}]
conditions:
${conditions}
`;
}

/** Education requirements as rule files write them (gate semantics), and a few unusual ones. */
export const REQUIREMENTS: (string | null)[] = [
  null,
  '学历 初中 及以上',
  '学历 高中 及以上',
  '学历 大专 及以上',
  '学历 本科 及以上',
  '学历 高中',
  '学历 大专 及以上 本专业或相关专业',
  '学历 高中 及以上 或 毕业 技工学校 含应届',
  'education senior-middle or-higher and not 在校 高等院校',
];
