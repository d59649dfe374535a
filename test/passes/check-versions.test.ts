// The check-versions pass (compiler/passes/check-versions.ts), across rule files: several files of
// one occupation are versions; each states its period (inForce), the periods do not overlap, and
// no two share a version label. Reported in the file concerned, at its inForce.
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, levelFiveClause, ruleFile, rulesDir } from '../helpers.js';
import { ruleVersion as version, summary } from './helpers.js';

/** Each diagnostic as `file: severity CODE line:col`. */
const inFiles = (dir: string): string[] => check(dir).sink.sorted().map((d) => `${basename(d.file ?? '')}: ${summary(d)}`);

describe('check-versions', () => {
  it('check accepts two versions with adjacent periods', async () => {
    const dir = rulesDir({
      'sample-2023.yaml': version('2023', '{from: 2023-09-01, to: 2025-12-31}', 1),
      'sample-2026.yaml': version('2026', '{from: 2026-01-01}', 2),
    });
    expect(check(dir).sink.sorted()).toEqual([]);
  });

  it('one file of an occupation needs no period, nor do files of different occupations', () => {
    const dir = rulesDir({
      'a.yaml': ruleFile({ id: 'a', name: '职业甲', conditions: levelFiveClause('学徒期满 本职业或相关职业') }),
      'b.yaml': ruleFile({ id: 'b', name: '职业乙', conditions: levelFiveClause('学徒期满 本职业或相关职业') }),
    });
    expect(inFiles(dir)).toEqual([]);
  });

  it('rejects overlapping versions at the later file’s period', async () => {
    const overlap = rulesDir({
      'sample-2023.yaml': version('2023', '{from: 2023-09-01, to: 2025-12-31}', 1),
      'sample-2025.yaml': version('2025', '{from: 2025-06-01}', 2),
    });
    const codes = check(overlap).sink.sorted().map((d) => [d.code, d.file?.endsWith('sample-2025.yaml'), d.range?.start.line]);
    expect(codes).toEqual([['E_VERSION_OVERLAP', true, 9]]);
  });

  it('E_VERSION_OVERLAP at the later file’s inForce, naming the other file and its period', () => {
    const dir = rulesDir({
      'sample-2023.yaml': version('2023', '{from: 2023-09-01, to: 2025-12-31}', 1),
      'sample-2025.yaml': version('2025', '{from: 2025-06-01}', 2),
    });
    expect(inFiles(dir)).toEqual(['sample-2025.yaml: error E_VERSION_OVERLAP 9:10']);
    expect(check(dir).sink.items[0].args).toEqual({ id: 'sample', other: join(dir, 'sample-2023.yaml'), from: '2023-09-01', to: '2025-12-31' });
  });

  it('rejects a second file of one occupation without a period', async () => {
    const undated = rulesDir({
      'sample-a.yaml': version('a', '{from: 2023-09-01}', 1),
      'sample-b.yaml': ruleFile({ levels: '[5]', conditions: `  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 累计从事本职业或相关职业1年(含)以上。
        when: 从业 >= 1年` }),
    });
    expect(check(undated).sink.sorted().map((d) => d.code)).toContain('E_VERSION_NO_PERIOD');
  });

  // With no inForce node: at the file's id (it was the whole file, from 1:1, before the fix).
  it('E_VERSION_NO_PERIOD in the file without one, at its id', () => {
    const dir = rulesDir({
      'sample-a.yaml': version('a', '{from: 2023-09-01}', 1),
      'sample-b.yaml': ruleFile({ conditions: levelFiveClause('学徒期满 本职业或相关职业') }),
    });
    expect(inFiles(dir)).toEqual(['sample-b.yaml: error E_VERSION_NO_PERIOD 1:5']);
    expect(check(dir).sink.items[0].args).toEqual({ id: 'sample' });
  });

  it('E_DUPLICATE_ID: two versions with one label, at the second file’s inForce', () => {
    const dir = rulesDir({
      'sample-2023.yaml': version('x', '{from: 2023-09-01, to: 2025-12-31}', 1),
      'sample-2026.yaml': version('x', '{from: 2026-01-01}', 2),
    });
    expect(inFiles(dir)).toEqual(['sample-2026.yaml: error E_DUPLICATE_ID 9:10']);
    expect(check(dir).sink.items[0].args).toEqual({ what: '版本', id: 'sample@x' });
  });
});
