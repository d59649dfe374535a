// Units with a scale and numbers as printed (issue 20, item 7), through a rule file written in the
// documented language only (test/fixtures/units/odometer-checker.yaml): its own cases hold the
// boundaries (exactly N, one less, a leap day, a missing fact); this file runs them and checks what
// they cannot — the explanation in the unit the rule wrote, the round trip through English, and the
// errors with their line:col.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, RULES, scratch } from './helpers.js';
import { zige } from './in-process.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'units', 'odometer-checker.yaml');

/** The bundled vocabulary with the fixture's two facts (a class-hours fact, a months fact compared in years). */
function vocabulary(edit: (text: string) => string = (t) => t): string {
  const facts = [
    '  - {name: 培训学时, en: training-hours, type: number, units: [学时]}',
    '  - {name: 失业保险缴费, en: unemployment-insurance-months, type: number, units: [个月]}',
  ].join('\n');
  return edit(readFileSync(join(RULES, 'vocabulary.yaml'), 'utf8').replace('\nfacts:\n', `\nfacts:\n${facts}\n`));
}

/** The fixture in a folder of its own with that vocabulary, its schema line fixed; `edit` changes the rule file. */
function alone(edit: (text: string) => string = (t) => t, editVocabulary?: (text: string) => string): { dir: string; file: string } {
  const dir = scratch('units');
  const file = join(dir, 'odometer-checker.yaml');
  copyFileSync(FIXTURE, file);
  const schema = relative(dir, join(ROOT, 'schema', 'rule-file.schema.json'));
  writeFileSync(file, edit(readFileSync(file, 'utf8').replace(/^# yaml-language-server: \$schema=\S+/m, `# yaml-language-server: $schema=${schema}`)));
  writeFileSync(join(dir, 'vocabulary.yaml'), vocabulary(editVocabulary));
  return { dir, file };
}

interface Problem {
  code: string;
  severity: string;
  file: string;
  line: number;
  col: number;
  message: { zh: string; en: string };
}

/** The errors of `zige check --format json`. */
function errors(stdout: string): Problem[] {
  return (JSON.parse(stdout) as { diagnostics: Problem[] }).diagnostics.filter((d) => d.severity === 'error');
}

describe('units with a scale and numbers as printed', () => {
  it('checks clean and passes its own boundary cases, covering every clause', async () => {
    const { dir } = alone();
    // 失业保险缴费 >= 3年: the warning that a typed-in number is compared (converted to 36 months), and nothing else
    const check = await zige(['check', dir, '--format', 'json']);
    expect((JSON.parse(check.stdout) as { diagnostics: { code: string }[] }).diagnostics.map((d) => d.code)).toEqual(['W_FACT_YEARS']);
    const r = await zige(['test', dir]);
    expect(r.stdout).not.toContain('uncovered');
    expect(r.stdout.trim().split('\n').pop()).toBe('12 passed, 0 failed');
    expect(r.code).toBe(0);
  });

  it('says a shortfall in the unit the rule wrote, with the exact value in the profile unit', async () => {
    const { dir } = alone();
    const profile = join(dir, 'applicant.json');
    writeFileSync(profile, JSON.stringify({ facts: { 安全行车里程: 99999, 失业保险缴费: 0 } }));
    const r = await zige(['eval', profile, '--rules', dir, '--occupation', '虚构里程核验员', '--as-of', '2025-09-10', '--level', '5', '--json']);
    expect(r.code).toBe(0);
    const [five] = JSON.parse(r.stdout).results as { missing: { clause: string; conditions: { text: { zh: string }; detail?: { zh: string; en: string } }[] }[] }[];
    const distance = five.missing.find((m) => m.clause.endsWith('/5/1'))!.conditions[0];
    expect(distance.text.zh).toBe('安全行车里程 ≥ 10万公里');
    expect(distance.detail).toEqual({ zh: '需 ≥ 10万公里（100000公里），现为 99999公里', en: 'needs >= 10万公里 (100000公里), is 99999公里' });
  });

  it('keeps numbers as printed through fmt --lang en and back, converting the units that have English', async () => {
    const { dir, file } = alone();
    const zh = readFileSync(file, 'utf8');
    expect((await zige(['fmt', '--lang', 'en', dir])).code).toBe(0);
    const en = readFileSync(file, 'utf8');
    expect(en).toContain('when: safe-driving-distance >= 10万公里');
    expect(en).toContain('when: continuous experience internship same >= 18 months');
    expect(en).toContain('when: unemployment-insurance-months >= 3年');
    expect(en).toContain('safe-driving-distance >= 100 000 km and training-hours >= 1,200 class-hours');
    expect((await zige(['fmt', '--lang', 'zh', dir])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(zh);
  });

  it('refuses a number outside the closed grammar, at its line and column', async () => {
    const { dir } = alone((t) => t.replace('when: 安全行车里程 >= 10万公里', 'when: 安全行车里程 >= 1,00,000公里'));
    const r = await zige(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const [d] = errors(r.stdout);
    expect(d).toMatchObject({ code: 'E_NUMBER', line: 26, col: 25 });
    expect(d.message.zh).toContain('“1,00,000”');
    // in Chinese with English, naming the grammar
    const text = await zige(['check', dir]);
    expect(text.stderr).toContain('odometer-checker.yaml:26:25: error[E_NUMBER]');
    expect(text.stderr).toContain('一种分隔符');
    expect(text.stderr).toContain('one separator throughout');
  });

  it('refuses a unit of another quantity and an unknown unit', async () => {
    const { dir } = alone((t) => t.replace('when: 安全行车里程 >= 10万公里', 'when: 安全行车里程 >= 5学时 或 安全行车里程 >= 5斤'));
    const r = await zige(['check', dir, '--format', 'json']);
    const ds = errors(r.stdout);
    expect(ds.map((d) => [d.code, d.line, d.col])).toEqual([
      ['E_UNIT_INCOMPATIBLE', 26, 25],
      ['E_UNIT', 26, 41],
    ]);
    expect(ds[0].message.zh).toBe('单位“学时”计量的是“课时”，不能用于“安全行车里程”（其单位计量“距离”，可用：km 公里 千米 米）');
    expect(ds[1].message.en).toBe('unknown unit "斤" (allowed: km 公里 千米 米)');
  });

  it('refuses a fact whose units measure two quantities, in the vocabulary', async () => {
    const { dir } = alone(undefined, (v) => v.replace('units: [学时]}', 'units: [学时, 公里]}'));
    const r = await zige(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const [d] = errors(r.stdout);
    expect(d.code).toBe('E_VOCABULARY_UNIT_QUANTITY');
    expect(d.file).toMatch(/vocabulary\.yaml$/);
    expect(d.message.zh).toBe('事实“培训学时”的单位“公里”计量“距离”，而它的其他单位计量“课时”：一个事实的单位须计量同一种量');
  });

  it('reads 1.5万 exactly and 100 000 with a thin space, converting 米 to the km of the profile', async () => {
    const { dir } = alone((t) => t.replace('when: 安全行车里程 >= 10万公里', 'when: 安全行车里程 >= 1.5万米 且 安全行车里程 < 100\u2009000米'));
    const profile = join(dir, 'applicant.json');
    const status = async (km: number): Promise<string> => {
      writeFileSync(profile, JSON.stringify({ facts: { 安全行车里程: km, 失业保险缴费: 0 } }));
      const r = await zige(['eval', profile, '--rules', dir, '--occupation', '虚构里程核验员', '--as-of', '2025-09-10', '--level', '5', '--json']);
      return (JSON.parse(r.stdout).results as { clauses: { status: string }[] }[])[0].clauses[0].status;
    };
    // 1.5万米 = 15 km, 100 000米 = 100 km: 15 <= km < 100
    expect(await status(15)).toBe('met');
    expect(await status(14.999)).toBe('unmet');
    expect(await status(99.999)).toBe('met');
    expect(await status(100)).toBe('unmet');
  });
});
