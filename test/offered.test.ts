// Levels offered at a sitting (issue 20, item 6), through rule files written in the documented
// language only: an invented notice (test/fixtures/offered/sitting-clerk.yaml) whose standard has
// 二级 that the sitting does not offer and whose 三级 is offered with no condition in the source,
// and the bundled 制图员, whose 三级 the stored copy cuts off. Such a level is reported as not
// offered / no condition in the source — in JSON, the report, the batch's JSON lines and CSV —
// and never judged ineligible.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { ROOT, scratch } from './helpers.js';
import { zige } from './in-process.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'offered', 'sitting-clerk.yaml');
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', 'result.schema.json'), 'utf8')));

/** The fixture alone in a folder (the bundled vocabulary applies), its schema line fixed; `edit` changes it. */
function alone(edit: (text: string) => string = (t) => t): string {
  const dir = scratch('offered');
  const file = join(dir, 'sitting-clerk.yaml');
  copyFileSync(FIXTURE, file);
  const schema = relative(dir, join(ROOT, 'schema', 'rule-file.schema.json'));
  writeFileSync(file, edit(readFileSync(file, 'utf8').replace(/^# yaml-language-server: \$schema=\S+/m, `# yaml-language-server: $schema=${schema}`)));
  return dir;
}

interface NotOffered {
  id: string;
  level: number;
  reason: string;
  text: { zh: string; en: string };
}

const WORKER = { education: [], work: [{ occupation: '虚构考务员', from: '2015-01-01' }] };

describe('levels offered at a sitting', () => {
  it('checks, tests and traces clean: no clause of a level not offered is asked to be covered', async () => {
    const dir = alone();
    expect((await zige(['check', dir])).stderr).toBe('');
    const r = await zige(['test', dir]);
    expect(r.stdout.trim().split('\n').pop()).toBe('2 passed, 0 failed');
    expect((await zige(['trace', dir])).code).toBe(0);
  });

  it('judges the levels offered with conditions and lists the others, never as ineligible', async () => {
    const dir = alone();
    const file = join(dir, 'applicant.json');
    writeFileSync(file, JSON.stringify(WORKER));
    const r = await zige(['eval', file, '--rules', dir, '--occupation', '虚构考务员', '--as-of', '2025-09-10', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { results: { level: number; status: string }[]; notOffered: NotOffered[] };
    expect(validate(out), JSON.stringify(validate.errors)).toBe(true);
    expect(out.results.map((x) => [x.level, x.status])).toEqual([
      [5, 'eligible'],
      [4, 'eligible'],
    ]);
    expect(out.notOffered.map((n) => [n.level, n.reason, n.text.en])).toEqual([
      [3, 'no-condition', 'no condition in the source (not judged)'],
      [2, 'not-offered', 'not offered at this sitting (not judged)'],
    ]);
    // one level asked for: not offered is an answer, not a usage error
    const two = await zige(['eval', file, '--rules', dir, '--occupation', '虚构考务员', '--as-of', '2025-09-10', '--json', '--level', '2']);
    expect(two.code).toBe(0);
    expect(JSON.parse(two.stdout)).toMatchObject({ results: [], notOffered: [{ level: 2, reason: 'not-offered' }] });
    // the report, in both languages
    const zh = await zige(['eval', file, '--rules', dir, '--occupation', '虚构考务员', '--as-of', '2025-09-10']);
    expect(zh.stdout).toContain('  三级/高级工  — 来源中没有该等级的报名条件（不作判定）\n  二级/技师  — 本期未开考该等级（不作判定）');
    const en = await zige(['eval', file, '--rules', dir, '--occupation', '虚构考务员', '--as-of', '2025-09-10', '--lang', 'en']);
    expect(en.stdout).toContain('  Level 2 (technician)  — not offered at this sitting (not judged)');
  });

  it('lists them in the batch: JSON lines and CSV rows with the reason as status', async () => {
    const dir = alone();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${JSON.stringify(WORKER)}\n${JSON.stringify({ work: [] })}\n`);
    const lines = await zige(['eval', '--batch', input, '--rules', dir, '--occupation', '虚构考务员', '--as-of', '2025-09-10']);
    expect(lines.code).toBe(0);
    const [first] = lines.stdout.trim().split('\n').map((l) => JSON.parse(l) as { results: unknown[]; notOffered: NotOffered[] });
    expect(first.notOffered.map((n) => n.reason)).toEqual(['no-condition', 'not-offered']);
    const csv = join(dir, 'out.csv');
    expect((await zige(['eval', '--batch', input, '--rules', dir, '--occupation', '虚构考务员', '--as-of', '2025-09-10', '--out', csv])).code).toBe(0);
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    expect(rows.filter((l) => l.startsWith('1,'))).toEqual([
      '1,虚构考务员,invented-sitting-clerk,5,eligible,met,invented-sitting-clerk/5/1,,,,,',
      '1,虚构考务员,invented-sitting-clerk,4,eligible,met,invented-sitting-clerk/4/1,,,,,',
      '1,虚构考务员,invented-sitting-clerk,3,no-condition,,,,,,,',
      '1,虚构考务员,invented-sitting-clerk,2,not-offered,,,,,,,',
    ]);
    expect(rows.filter((l) => l.startsWith('2,')).map((l) => l.split(',')[4])).toEqual(['ineligible', 'ineligible', 'no-condition', 'not-offered']);
  });

  it('refuses a sitting that offers a level the file does not have, at its line and column', async () => {
    const dir = alone((t) => t.replace('  levels: [5, 4, 3]\n', '  levels: [5, 4, 1]\n'));
    const r = await zige(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const [d] = (JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; col: number; message: { zh: string } }[] }).diagnostics;
    expect(d).toMatchObject({ code: 'E_OFFERED_LEVEL', line: 22, col: 18 });
    expect(d.message.zh).toBe('本期开考的等级“一级”不在本文件的 levels 中（levels：五级、四级、三级、二级）');
  });

  it('reports the bundled 制图员 三级, cut off in the stored copy, as having no condition in the source', async () => {
    const dir = scratch('offered-draftsman');
    const file = join(dir, 'applicant.json');
    writeFileSync(file, JSON.stringify({ education: [], work: [{ occupation: '制图员', from: '2010-01-01' }] }));
    const r = await zige(['eval', file, '--occupation', '制图员', '--as-of', '2024-09-01', '--json']);
    const out = JSON.parse(r.stdout) as { results: { level: number; status: string }[]; notOffered: NotOffered[] };
    expect(out.results.map((x) => [x.level, x.status])).toEqual([
      [5, 'ineligible'], // the old 五级 asks for 见习, training or an apprenticeship, not plain work
      [4, 'eligible'],
    ]);
    expect(out.notOffered).toEqual([
      { occupation: '制图员', id: 'draftsman', version: '2022-09', level: 3, reason: 'no-condition', text: { zh: '来源中没有该等级的报名条件（不作判定）', en: 'no condition in the source (not judged)' } },
    ]);
  });
});
