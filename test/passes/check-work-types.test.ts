// The check-work-types pass (compiler/passes/check-work-types.ts): a work type offers only levels
// the occupation declares, and its sentence is cited word for word.
import { describe, expect, it } from 'vitest';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir } from '../helpers.js';
import { BUNDLED, LEVEL_4, summaries, withCode } from './helpers.js';

/** One work type: its `levels:` on line 10 (values from col 14), its `source:` on line 11 (col 13). */
const withWorkType = (levels: string, source: string): string =>
  rulesDir({
    'sample.yaml': ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 + LEVEL_4, extra: `workTypes:\n  - name: 直播销售员\n    levels: ${levels}\n    source: ${source}` }),
  });

describe('check-work-types', () => {
  it('accepts declared levels and a cited sentence', () => {
    const { rules, sink } = check(withWorkType('[5, 4]', '(一) 工种：直播销售员、视频创推员、选品员、平台管理员'));
    expect(sink.items).toEqual([]);
    expect(rules?.occupations[0].workTypes).toEqual([{ name: '直播销售员', levels: [5, 4] }]);
  });

  it('E_WORKTYPE_LEVEL: each level the occupation does not declare, at that level', () => {
    const dir = withWorkType('[5, 2, 1]', '(一) 工种：直播销售员、视频创推员、选品员、平台管理员');
    expect(summaries(dir)).toEqual(['error E_WORKTYPE_LEVEL 10:17', 'error E_WORKTYPE_LEVEL 10:20']);
    expect(withCode(dir, 'E_WORKTYPE_LEVEL').map((d) => d.args)).toEqual([
      { workType: '直播销售员', level: 2 },
      { workType: '直播销售员', level: 1 },
    ]);
  });

  it('E_SOURCE_MISSING: a sentence not in the source document, at the source: value', () => {
    const dir = withWorkType('[5]', '工种：烘焙师');
    expect(summaries(dir)).toEqual(['error E_SOURCE_MISSING 11:13']);
    expect(withCode(dir, 'E_SOURCE_MISSING')[0].args).toEqual({ file: BUNDLED });
  });
});
