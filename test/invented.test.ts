// A new occupation is data: the invented rule file, alone in an empty folder, checks, tests,
// compiles and evaluates with the bundled vocabulary, and no code mentions it.
import { copyFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, scratch } from './helpers.js';
import { zige } from './in-process.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'invented', 'driving-coach.yaml');

function alone(): string {
  const dir = scratch('invented');
  copyFileSync(FIXTURE, join(dir, 'driving-coach.yaml'));
  // moved: its editor schema line now points from the new folder (else `zige check` warns)
  const text = readFileSync(join(dir, 'driving-coach.yaml'), 'utf8');
  const schema = relative(dir, join(ROOT, 'schema', 'rule-file.schema.json'));
  writeFileSync(join(dir, 'driving-coach.yaml'), text.replace(/^# yaml-language-server: \$schema=\S+/, `# yaml-language-server: $schema=${schema}`));
  return dir;
}

describe('an invented occupation, as data only', () => {
  it('checks clean alone in an empty folder', async () => {
    const r = await zige(['check', alone()]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('passes its own test cases, covering every clause', async () => {
    const r = await zige(['test', alone()]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('uncovered');
    expect(r.stdout.trim().split('\n').pop()).toBe('15 passed, 0 failed');
  });

  it('compiles to a module and an index', async () => {
    const out = join(scratch('invented-out'), 'gen');
    expect((await zige(['compile', alone(), '--out', out])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.ts', 'invented-coach.ts']);
  });

  it('evaluates a profile through every new construct', async () => {
    const dir = alone();
    const profile = join(dir, 'applicant.json');
    writeFileSync(
      profile,
      JSON.stringify({
        birthDate: '2000-02-29',
        education: [{ level: '技工学校', track: '高级工班', major: '汽车驾驶', status: '毕业', date: '2019-07-01' }],
        certificates: [{ occupation: '虚构驾驶教练员', level: 4, kind: '职业资格证书', date: '2021-03-01' }],
        work: [
          { occupation: '虚构驾驶教练员', kind: '见习', from: '2019-07-01', to: '2020-06-30' },
          { occupation: '虚构驾驶员', from: '2021-03-01' },
        ],
        facts: { 拟从事本职业或相关职业工作: true, 安全行车里程: 150000, 项目数: 6 },
      }),
    );
    const r = await zige(['eval', profile, '--rules', dir, '--occupation', '虚构驾驶教练员', '--as-of', '2026-11-28', '--json']);
    expect(r.stderr).toBe('');
    const results = JSON.parse(r.stdout).results as { level: number; status: string; matched: string[] }[];
    expect(results.map((x) => [x.level, x.status, x.matched])).toEqual([
      [5, 'eligible', ['invented-coach/5/1', 'invented-coach/5/2']],
      [4, 'eligible', ['invented-coach/4/1b', 'invented-coach/4/2']],
      // 3/1 needs 本职业 work; 虚构驾驶员 is only related.
      [3, 'ineligible', []],
    ]);
  });

  it('is mentioned by no code (comments aside)', async () => {
    const names = ['invented-coach', '虚构驾驶教练员', '安全行车里程', '项目数', '拟从事本职业或相关职业工作', '见习'];
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        else if (/\.ts$/.test(f)) files.push(p);
      }
    };
    for (const d of ['grammar', 'compiler', 'runtime', 'cli']) walk(join(ROOT, d));
    for (const f of files) {
      const text = readFileSync(f, 'utf8')
        .replace(/\/\*[\s\S]*?\*\//g, '')
        .replace(/^\s*\/\/.*$/gm, '');
      for (const n of names) expect(text.includes(n), `${f} mentions ${n}`).toBe(false);
    }
  });
});
