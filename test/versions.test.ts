// Versions in force: several rule files of one occupation, selected by the as-of date. What check
// says of them is tested with its passes: test/passes/check-versions.test.ts, check-in-force.test.ts.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluateOccupation, type EvaluateOptions, type Profile } from '../runtime/index.js';
import { rulesDir, scratch } from './helpers.js';
import { ruleVersion as version } from './passes/helpers.js';
import { zige } from './in-process.js';

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
