// The check-preconditions pass (compiler/passes/check-preconditions.ts): preconditions cited and
// checked, a clause's waiver (破格) naming the education requirement or a precondition of the
// file, and a registration window that does not end before it starts.
import { describe, expect, it } from 'vitest';
import { check, levelFiveClause, ruleFile, rulesDir } from '../helpers.js';
import { summaries } from './helpers.js';

/** A rule file with an education requirement, one precondition and a level-5 clause waiving `waives`. */
function withGates(options: { waives: string; registration?: string; precondition?: string; source?: string }): string {
  const clause = `${levelFiveClause('学徒期满 本职业或相关职业')}\n        waives: ${options.waives}`;
  const extra = [
    'education: {source: "学历要求：初中毕业", when: 学历 初中 及以上}',
    `preconditions: [{id: 转正定级, source: ${options.source ?? '互联网营销师'}, when: ${options.precondition ?? '已转正定级'}}]`,
    ...(options.registration ? [`registration: ${options.registration}`] : []),
  ].join('\n');
  return rulesDir({ 'sample.yaml': ruleFile({ conditions: clause, extra }) });
}

describe('check-preconditions', () => {
  it('accepts a waiver of the education requirement (in either language) and of a precondition', () => {
    expect(summaries(withGates({ waives: '[学历要求, 转正定级]', registration: '{from: 2025-09-01, to: 2025-09-01}' }))).toEqual([]);
    const occ = check(withGates({ waives: '[education]' })).rules!.occupations[0];
    expect(occ.clauses[0].waives).toEqual(['education']);
    expect(occ.preconditions.map((p) => [p.id, p.when])).toEqual([['转正定级', '已转正定级']]);
  });

  it('E_WAIVES_UNKNOWN at the waived name that is no requirement of the file', () => {
    expect(summaries(withGates({ waives: '[单位考核合格]' }))).toEqual(['error E_WAIVES_UNKNOWN 17:18']);
  });

  it('E_REGISTRATION_PERIOD at the end of a window that closes before it opens', () => {
    expect(summaries(withGates({ waives: '[转正定级]', registration: '{from: 2025-09-02, to: 2025-09-01}' }))).toEqual(['error E_REGISTRATION_PERIOD 10:38']);
  });

  it('checks a precondition like a clause: its sentence cited, its expression resolved', () => {
    const codes = check(withGates({ waives: '[转正定级]', source: '没有这句话', precondition: '类别 退伍士兵' })).sink.sorted().map((d) => d.code);
    expect(codes).toEqual(['E_SOURCE_MISSING', 'E_UNKNOWN_CATEGORY']);
  });
});
