// The check of every implication and contradiction the analysis claims against the reference
// interpreter (test/oracle), on random profiles (test/oracle/arbitraries.ts) and on boundary
// profiles (each clause's witness, and the same with the work a day shorter and longer): no
// profile may meet A without meeting B, and none may meet a clause claimed unsatisfiable. Used by
// test/analysis-oracle.test.ts (small) and test/long/analysis-oracle.ts (large).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { implies, unsatisfiable } from '../analysis/implication.js';
import { dnf } from '../analysis/normal-form.js';
import { witnessOf } from '../analysis/witness.js';
import type { CheckedOccupation } from '../compiler/checked.js';
import type { Plan } from '../runtime/plan.js';
import { expressionArb, profileArb, worldOf } from './oracle/arbitraries.js';
import { whenExpressions } from './oracle/fuzzing.js';
import { REQUIREMENTS, SYNTHETIC_RELATED, SYNTHETIC_SOURCE, syntheticRuleFile } from './oracle/harness.js';
import { loadOracleVocabulary, Oracle } from './oracle/interpreter.js';
export { REQUIREMENTS };
import { check, RULES } from './helpers.js';
import { lightRulesDir } from './analysis-fixtures.js';

const vocabulary = loadOracleVocabulary();

/** Expressions rich in implications: thresholds, scopes, windows, continuity, kinds, schools, 非. */
const HAND = [
  '从业 本职业 >= 3年', '从业 本职业或相关职业 >= 3年', '从业 本职业 >= 2年', '从业 本职业 > 730天', '从业 相关职业 >= 1年',
  '连续从业 本职业 >= 2年', '连续从业 本职业或相关职业 >= 3年', '从业 见习 本职业 >= 1年', '从业 本职业 < 1年', '从业 本职业或相关职业 <= 365天',
  '连续从业 本职业 < 2年', '取得 本职业 四级 后 从业 本职业 >= 2年', '取得 本职业或相关职业 五级 后 从业 本职业或相关职业 >= 1年',
  '取得 本职业 三级 后 连续从业 本职业 >= 2年', '持有 本职业 四级', '持有 本职业或相关职业 五级', '持有 本职业 预备技师证书',
  '培训 本职业 四级 结业', '培训 本职业或相关职业 四级 结业', '学徒期满 本职业', '学徒期满 本职业或相关职业',
  '学历 大专', '学历 大专 及以上', '学历 本科 及以上 本专业', '学历 大专 及以上 本专业或相关专业', '毕业 技工学校 含应届', '毕业 技工学校',
  '毕业 中等职业学校 及以上 目标 中级 本专业或相关专业 含应届', '毕业 高等职业学校 目标 中级 本专业 含应届', '在校 高等院校', '在校 高等院校 本专业',
  '年龄 >= 18岁', '年龄 > 20岁', '年龄 < 16岁', '安全行车里程 >= 100000km', '安全行车里程 > 200000km', '拟从事本职业或相关职业工作',
  '从业 本职业 >= 5年 且 从业 本职业或相关职业 < 3年', '非 持有 本职业或相关职业 五级 且 持有 本职业 四级', '从业 本职业 >= 4年 且 非 从业 本职业 >= 1年',
  '持有 本职业 四级 且 (毕业 技工学校 或 学历 本科)', '从业 本职业 >= 3年 或 持有 本职业 三级', '非 (从业 本职业 >= 1年 或 学徒期满 本职业)',
];

/** Drops the expressions the checker refuses (random ones may be ill-typed), and checks the rest. */
function occupationOf(expressions: string[], requirement: string | null): { occ: CheckedOccupation; kept: string[] } {
  let kept = expressions;
  for (let round = 0; round < 4; round++) {
    const text = syntheticRuleFile(kept, requirement);
    const dir = lightRulesDir({ 'sample.yaml': text }, SYNTHETIC_SOURCE);
    const { rules, sink } = check(dir);
    const bad = new Set(sink.items.filter((d) => d.severity === 'error').map((d) => d.range?.start.line));
    if (rules && bad.size === 0) return { occ: rules.occupations[0], kept };
    const lines = readFileSync(join(dir, 'sample.yaml'), 'utf8').split('\n');
    const badWhen = new Set(lines.flatMap((l, i) => (bad.has(i + 1) && l.trim().startsWith('when:') ? [JSON.parse(l.trim().slice(5)) as string] : [])));
    if (badWhen.size === 0) throw new Error(JSON.stringify(sink.items.slice(0, 3)));
    kept = kept.filter((e) => !badWhen.has(e));
  }
  throw new Error('synthetic rules do not check');
}

export interface OracleCheck {
  expressions: number;
  claims: number;
  impossible: number;
  profiles: number;
}

/** Checks every claim on the pool (hand-made, bundled unless `bundled: false`, and `random` random expressions); throws on a counterexample. */
export function checkClaims(o: { requirement: string | null; random: number; profiles: number; seed: number; bundled?: boolean }): OracleCheck {
  const random = o.random > 0 ? fc.sample(expressionArb({ vocabulary, depth: 1, events: false }), { numRuns: o.random, seed: o.seed }) : [];
  const pool = [...new Set([...HAND, ...(o.bundled === false ? [] : whenExpressions(RULES)), ...random])];
  const { occ } = occupationOf(pool, o.requirement);
  const forms = occ.clauses.map((c) => dnf(c.cond as Plan));
  const claims: [number, number][] = [];
  forms.forEach((a, i) => forms.forEach((b, j) => i !== j && implies(a, b) && claims.push([i, j])));
  const impossible = forms.flatMap((f, i) => (unsatisfiable(f) ? [i] : []));
  const profiles = [...fc.sample(profileArb(worldOf([{ id: 'sample', name: '样例职业', aliases: [], related: SYNTHETIC_RELATED }], vocabulary)), { numRuns: o.profiles, seed: o.seed }), ...boundaryProfiles(occ, forms)];
  const oracle = new Oracle(occ, vocabulary);
  const ids = occ.clauses.map((c) => c.id);
  for (const { asOf, profile } of profiles) {
    const met = new Set(oracle.evaluate(profile, asOf).flatMap((l) => l.clauses.filter((c) => c.status === 'met').map((c) => c.id)));
    for (const [i, j] of claims) {
      if (met.has(ids[i]) && !met.has(ids[j])) throw new Error(`claimed ${occ.clauses[i].when} ⇒ ${occ.clauses[j].when}; counterexample ${JSON.stringify(profile)} as of ${asOf}`);
    }
    for (const i of impossible) if (met.has(ids[i])) throw new Error(`${occ.clauses[i].when} claimed unsatisfiable, met by ${JSON.stringify(profile)} as of ${asOf}`);
  }
  return { expressions: occ.clauses.length, claims: claims.length, impossible: impossible.length, profiles: profiles.length };
}

/** Each clause's witness, and the same with its work starting a day later and earlier. */
function boundaryProfiles(occ: CheckedOccupation, forms: ReturnType<typeof dnf>[]): { asOf: string; profile: Record<string, unknown> }[] {
  const out: { asOf: string; profile: Record<string, unknown> }[] = [];
  for (const f of forms) {
    const c = f.find((x) => x.length > 0);
    if (!c) continue;
    const w = witnessOf(occ, c);
    out.push({ asOf: '2026-11-28', profile: w as Record<string, unknown> });
    for (const delta of [-1, 1]) {
      const work = (w.work ?? []).map((e) => ({ ...e, from: new Date(Date.parse(e.from!) - delta * 86_400_000).toISOString().slice(0, 10) }));
      out.push({ asOf: '2026-11-28', profile: { ...w, work } });
    }
  }
  return out;
}
