// The table of passes (compiler/passes/index.ts): its order, that every pass file is in it, and
// that one run reports the problems of every pass.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_FILE_PASSES, RULE_SET_PASSES } from '../../compiler/passes/index.js';
import { check, levelFiveClause, ROOT, ruleFile, rulesDir } from '../helpers.js';
import { BUNDLED, summaries } from './helpers.js';

const PASSES_DIR = join(ROOT, 'compiler', 'passes');

describe('the table of passes', () => {
  it('runs the rule-file passes in order, the source document first, then the passes across files', () => {
    expect(RULE_FILE_PASSES.map((p) => p.name)).toEqual([
      'read-source-document',
      'check-source-section',
      'check-education',
      'check-work-types',
      'check-conditions',
      'check-preconditions',
      'check-offered',
      'check-source-map',
      'check-levels-have-conditions',
      'check-tests',
      'check-in-force',
    ]);
    expect(RULE_SET_PASSES.map((p) => p.name)).toEqual(['check-versions']);
  });

  it('lists every check-*.ts and read-*.ts file of compiler/passes/, running the function that file exports', async () => {
    const files = readdirSync(PASSES_DIR).filter((f) => /^(check|read)-.*\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const table = [...RULE_FILE_PASSES, ...RULE_SET_PASSES];
    for (const file of files) {
      const entry = table.find((p) => p.name === file.replace(/\.ts$/, ''));
      expect(entry, `${file} is not in compiler/passes/index.ts`).toBeDefined();
      const exported = Object.values((await import(join(PASSES_DIR, file))) as Record<string, unknown>);
      expect(exported).toContain(entry!.run);
    }
  });

  it('reports the problems of every rule-file pass in one run, and builds no occupation', () => {
    const extra = `inForce: {from: 2025-01-01, to: 2024-12-31}
education:
  source: 学历要求：初中毕业(或相当文化程度)
  when: 学历 技工学院 及以上
workTypes:
  - {name: 直播销售员, levels: [2]}
tests:
  - name: 样例
    asOf: 2026-11-28
    profile: {education: []}
    only: [5/9]`;
    const conditions = `${levelFiveClause('学徒期满')}\n${levelFiveClause('学徒期满')}`;
    const dir = rulesDir({ 'sample.yaml': ruleFile({ extra, conditions }).replace(BUNDLED, 'sources/none.txt') });
    expect(summaries(dir)).toEqual([
      'error E_SOURCE_FILE 5:9', // read-source-document
      'error E_VERSION_PERIOD 8:33', // check-in-force
      'error E_UNKNOWN_DEGREE 11:12', // check-education
      'error E_WORKTYPE_LEVEL 13:28', // check-work-types
      'error E_TEST_CLAUSE 18:12', // check-tests
      'error E_DUPLICATE_LEVEL 26:12', // check-conditions
    ]);
    expect(check(dir).rules?.occupations).toEqual([]);
  });
});
