// Versions in force: several rule files of one occupation, selected by the as-of date.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateOccupation, type EvaluateOptions, type Profile } from '../runtime/index.js';
import { check, ruleFile, rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';

const version = (label: string, inForce: string, years: number) =>
  ruleFile({
    levels: '[5]',
    extra: `version: "${label}"\ninForce: ${inForce}`,
    conditions: `  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 累计从事本职业或相关职业1年(含)以上。
        when: 从业 本职业或相关职业 >= ${years}年`,
  });

const profile = { education: [{ level: '初中', status: '毕业' }], work: [{ occupation: '样例职业', from: '2024-06-01', to: '2025-09-30' }] };

async function evalAt(dir: string, asOf: string) {
  const file = join(scratch('profile'), 'p.json');
  writeFileSync(file, JSON.stringify(profile));
  return await zige(['eval', file, '--rules', dir, '--occupation', 'sample', '--as-of', asOf, '--json']);
}

describe('versions in force', () => {
  const dir = rulesDir({
    'sample-2023.yaml': version('2023', '{from: 2023-09-01, to: 2025-12-31}', 1),
    'sample-2026.yaml': version('2026', '{from: 2026-01-01}', 2),
  });

  it('check accepts two versions with adjacent periods', async () => {
    expect(check(dir).sink.sorted()).toEqual([]);
  });

  it('evaluates with the version in force on the as-of date and names it', async () => {
    const old = JSON.parse((await evalAt(dir, '2025-12-31')).stdout).results[0];
    expect(old).toMatchObject({ version: '2023', status: 'eligible' });
    const next = JSON.parse((await evalAt(dir, '2026-01-01')).stdout).results[0];
    expect(next).toMatchObject({ version: '2026', status: 'ineligible' });
  });

  it('reports a date no version covers, naming the nearest versions', async () => {
    const r = await evalAt(dir, '2023-08-31');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_NO_VERSION');
    expect(r.stderr).toContain('2023-09-01');
    const gap = rulesDir({
      'sample-2023.yaml': version('2023', '{from: 2023-09-01, to: 2024-12-31}', 1),
      'sample-2026.yaml': version('2026', '{from: 2026-01-01}', 2),
    });
    const between = await evalAt(gap, '2025-06-01');
    expect(between.code).toBe(1);
    expect(between.stderr).toMatch(/2024-12-31/);
    expect(between.stderr).toMatch(/2026-01-01/);
  });

  it('rejects overlapping versions at the later file’s period', async () => {
    const overlap = rulesDir({
      'sample-2023.yaml': version('2023', '{from: 2023-09-01, to: 2025-12-31}', 1),
      'sample-2025.yaml': version('2025', '{from: 2025-06-01}', 2),
    });
    const codes = check(overlap).sink.sorted().map((d) => [d.code, d.file?.endsWith('sample-2025.yaml'), d.range?.start.line]);
    expect(codes).toEqual([['E_VERSION_OVERLAP', true, 9]]);
  });

  it('rejects a second file of one occupation without a period, and a period that ends before it starts', async () => {
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
    const backwards = rulesDir({ 'sample.yaml': version('x', '{from: 2025-01-01, to: 2024-01-01}', 1) });
    expect(check(backwards).sink.sorted().map((d) => d.code)).toEqual(['E_VERSION_PERIOD']);
  });

  it('compiles one module per version and an index that selects by date', async () => {
    const out = join(scratch('versions'), 'gen');
    expect((await zige(['compile', dir, '--out', out, '--js'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.js', 'sample@2023.js', 'sample@2026.js']);
    const index = await import(pathToFileURL(join(out, 'index.js')).href);
    expect(index.occupationInForce('sample', '2025-01-01').meta.version).toBe('2023');
    expect(index.evaluate('样例职业', profile, { asOf: '2026-02-01' })[0]).toMatchObject({ version: '2026', status: 'ineligible' });
    expect(() => index.evaluate('sample', profile, { asOf: '2020-01-01' })).toThrow(/no version/);
    // asOf is required and must be a date: a ProfileError naming it, from any caller.
    for (const options of [{ asOf: '2026-02-30' }, {}, { asOf: 20260201 }]) {
      expect(() => index.evaluate('sample', profile, options)).toThrow(expect.objectContaining({ name: 'ProfileError', path: 'asOf' }));
      expect(() => evaluateOccupation(index.occupations[0], profile as Profile, options as EvaluateOptions)).toThrow(expect.objectContaining({ name: 'ProfileError', path: 'asOf' }));
    }
  });
});
