// The zige CLI as users run it: the built bin in a child process. Exit codes, messages, JSON.
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { todayInShanghai } from '../runtime/index.js';
import { APPRENTICESHIP_LEVEL_5, cli, FAILING_TEST_CASE, levelFiveClause, ROOT, ruleFile, RULES, rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';

const examples = JSON.parse(readFileSync(join(ROOT, 'examples', 'examples.json'), 'utf8')) as {
  profile: string;
  args: string[];
  expected: string;
}[];

function noStackTrace(text: string): void {
  expect(text).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
}

const resultSchema = JSON.parse(readFileSync(join(ROOT, 'schema', 'result.schema.json'), 'utf8'));
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateResult = ajv.compile(resultSchema);

describe('zige check', () => {
  it('is clean on the bundled rules', async () => {
    const r = await zige(['check', 'rules']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });

  it('points a typo at file:line:col with a code frame, exit 1', async () => {
    const dir = rulesDir({
      'sample.yaml': ruleFile({
        conditions: levelFiveClause('学徒期满 本职业或相关职业 且 持有 五纪'),
      }),
    });
    const r = await zige(['check', dir]);
    expect(r.code).toBe(1);
    const file = relative(ROOT, join(dir, 'sample.yaml'));
    expect(r.stderr).toContain(`${file}:15:34: error[E_UNKNOWN_LEVEL]`);
    expect(r.stderr).toContain('未知的等级“五纪”');
    expect(r.stderr).toContain('unknown level "五纪"');
    expect(r.stderr).toMatch(/15 \|\s+when: 学徒期满 本职业或相关职业 且 持有 五纪\n\s+\|\s+\^~~~/);
    noStackTrace(r.stderr);
  });

  it('reports a missing rules directory without a stack trace', async () => {
    const r = await zige(['check', join(scratch('none'), 'nope')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_READ');
    noStackTrace(r.stderr);
  });
});

describe('zige eval', () => {
  for (const ex of examples) {
    it(`${ex.profile} ${ex.args.join(' ')} equals ${ex.expected}`, async () => {
      const r = await zige(['eval', join('examples', ex.profile), ...ex.args, '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const actual = JSON.parse(r.stdout);
      expect(validateResult(actual), JSON.stringify(validateResult.errors)).toBe(true);
      expect(actual).toEqual(JSON.parse(readFileSync(join(ROOT, 'examples', ex.expected), 'utf8')));
    });
  }

  it('with the precompiled evaluators loads no rule checker: no chevrotain, no grammar (cold start)', () => {
    // A module loader hook that prints every module the command loads.
    const dir = scratch('eval-loads-');
    writeFileSync(join(dir, 'hook.mjs'), "export async function load(url, context, next) { process.stderr.write('LOADED ' + url + '\\n'); return next(url, context); }\n");
    writeFileSync(join(dir, 'register.mjs'), "import { register } from 'node:module';\nregister(new URL('./hook.mjs', import.meta.url));\n");
    const env = { NODE_OPTIONS: `--import=${pathToFileURL(join(dir, 'register.mjs')).href}` };
    const loaded = (args: string[]): string[] => {
      const r = cli(args, { env });
      expect(r.code, r.stderr).toBe(0);
      return r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice('LOADED '.length));
    };
    const args = ['eval', 'examples/applicant-live-streamer.yaml', '--occupation', '互联网营销师', '--as-of', '2026-11-28'];
    const checker = (url: string): boolean => /\/chevrotain\/|\/dist\/grammar\/|\/dist\/compiler\/check-rules\.js$/.test(url);
    const fast = loaded(args);
    expect(fast.some((u) => u.includes('/dist/evaluators/'))).toBe(true);
    expect(fast.filter(checker)).toEqual([]);
    // The hook sees the checker when it is needed: with --rules (one occupation: what is loaded is the point).
    const rules = rulesDir({ 'internet-marketer.yaml': readFileSync(join(RULES, 'internet-marketer.yaml'), 'utf8') });
    expect(loaded([...args, '--rules', rules]).some(checker)).toBe(true);
    const batch = join(dir, 'one.jsonl');
    writeFileSync(batch, JSON.stringify(parseYaml(readFileSync(join(ROOT, 'examples/applicant-live-streamer.yaml'), 'utf8'))) + '\n');
    expect(loaded(['eval', '--batch', batch, '--occupation', '互联网营销师', '--as-of', '2026-11-28', '--out', join(dir, 'out.jsonl')]).filter(checker)).toEqual([]);
  });

  it('reads the profile from stdin with `-`, YAML or JSON; errors name <stdin>', async () => {
    const args = ['--occupation', '互联网营销师', '--as-of', '2026-11-28', '--json'];
    const fromFile = await zige(['eval', 'examples/applicant-live-streamer.yaml', ...args]);
    const yaml = cli(['eval', '-', ...args], { stdin: readFileSync(join(ROOT, 'examples/applicant-live-streamer.yaml')) });
    expect(yaml.code, yaml.stderr).toBe(0);
    expect(yaml.stdout).toBe(fromFile.stdout);
    const json = cli(['eval', '-', ...args], { stdin: JSON.stringify(parseYaml(readFileSync(join(ROOT, 'examples/applicant-live-streamer.yaml'), 'utf8'))) });
    expect(json.stdout).toBe(fromFile.stdout);
    const bad = cli(['eval', '-', ...args], { stdin: '{"work": [{"occupation": "互联网营销师", "from": "2020-02-30"}]}' });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('<stdin>: error[E_PROFILE_DATE] at /work/0/from');
  });

  it('prints levels 5..1 with the v1 fields, in order', async () => {
    const r = await zige(['eval', 'examples/applicant-live-streamer.yaml', '--occupation', '互联网营销师', '--as-of', '2026-11-28', '--json']);
    const out = JSON.parse(r.stdout);
    expect(out.asOf).toBe('2026-11-28');
    expect(out.results.map((x: { level: number }) => x.level)).toEqual([5, 4, 3, 2, 1]);
    const [five, , , two] = out.results;
    expect(Object.keys(out)).toEqual(['asOf', 'rulesVersion', 'warnings', 'results']); // the profile's warnings once, not per level
    expect(Object.keys(five)).toEqual(expect.arrayContaining(['occupation', 'id', 'level', 'workTypes', 'status', 'education', 'clauses']));
    expect(five).not.toHaveProperty('warnings');
    expect(five).toMatchObject({ occupation: '互联网营销师', id: 'internet-marketer', status: 'eligible', education: 'met' });
    expect(five.workTypes).toEqual(['直播销售员', '视频创推员', '选品员', '平台管理员']);
    expect(two.workTypes).toEqual(['直播销售员', '视频创推员', '选品员']);
    expect(five.clauses[0]).toEqual({ id: 'internet-marketer/5/1', text: '累计从事本职业或相关职业1年(含)以上。', status: 'met' });
  });

  it('judges every bundled occupation by default, ordered by id then level 5→1', async () => {
    const r = await zige(['eval', 'examples/applicant-no-education.json', '--as-of', '2026-11-28', '--json']);
    expect(r.code).toBe(0);
    const results = JSON.parse(r.stdout).results as { id: string; level: number }[];
    const keys = results.map((x) => `${x.id}/${x.level}`);
    const sorted = [...results].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : b.level - a.level)).map((x) => `${x.id}/${x.level}`);
    expect(keys).toEqual(sorted);
    expect(new Set(results.map((x) => x.id)).size).toBe(12);
  });

  it('reports an entry of unknown relation as a warning naming it, valid against the schema', async () => {
    const file = join(scratch('warn'), 'p.json');
    writeFileSync(file, JSON.stringify({ education: [], work: [{ occupation: '厨师', from: '2020-01-01' }] }));
    const r = await zige(['eval', file, '--occupation', 'internet-marketer', '--as-of', '2026-11-28', '--json']);
    const out = JSON.parse(r.stdout);
    expect(validateResult(out), JSON.stringify(validateResult.errors)).toBe(true);
    expect(out.warnings).toMatchObject([{ code: 'W_UNRELATED', path: '/work/0', occupation: 'internet-marketer' }]);
    expect(out.results[0].clauses[0].status).toBe('unmet');
  });

  it('defaults the as-of date to today in Asia/Shanghai', async () => {
    const r = await zige(['eval', 'examples/applicant-live-streamer.yaml', '--occupation', 'internet-marketer', '--json']);
    expect(JSON.parse(r.stdout).asOf).toBe(todayInShanghai());
  });

  it('filters by level and work type', async () => {
    const byLevel = JSON.parse((await zige(['eval', 'examples/applicant-live-streamer.yaml', '--occupation', 'internet-marketer', '--level', '3', '--as-of', '2026-11-28', '--json'])).stdout);
    expect(byLevel.results.map((x: { level: number }) => x.level)).toEqual([3]);
    const byType = JSON.parse((await zige(['eval', 'examples/applicant-live-streamer.yaml', '--occupation', 'internet-marketer', '--work-type', '平台管理员', '--as-of', '2026-11-28', '--json'])).stdout);
    expect(byType.results.map((x: { level: number }) => x.level)).toEqual([5, 4, 3]);
  });

  it('prints a readable Chinese report by default', async () => {
    const r = await zige(['eval', 'examples/applicant-live-streamer.yaml', '--occupation', '互联网营销师', '--as-of', '2026-11-28']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('互联网营销师（internet-marketer）');
    expect(r.stdout).toContain('五级/初级工');
    expect(r.stdout).toContain('✓ 符合报名条件');
    expect(r.stdout).toContain('✗ 不符合');
  });

  it('names the field path of an invalid profile, exit 1', async () => {
    const file = join(scratch('bad-profile'), 'p.yaml');
    writeFileSync(file, 'work:\n  - occupation: 互联网营销师\n    from: 2023-02-30\n');
    const r = await zige(['eval', file, '--as-of', '2026-11-28']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/work/0/from');
    noStackTrace(r.stderr);
  });

  it('rejects an unknown field by its path', async () => {
    const file = join(scratch('bad-profile'), 'p.json');
    writeFileSync(file, JSON.stringify({ work: [{ occupation: 'x', from: '2020-01-01', salary: 3 }] }));
    const r = await zige(['eval', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('/work/0/salary');
  });

  it('needs a map relation when several occupations are judged', async () => {
    const file = join(scratch('rel'), 'p.yaml');
    writeFileSync(file, 'education: []\nwork:\n  - {occupation: 互联网营销师, from: 2020-01-01, relation: 本职业}\n');
    const r = await zige(['eval', file, '--as-of', '2026-11-28']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_PROFILE_RELATION');
    expect(r.stderr).toContain('/work/0/relation');
    expect((await zige(['eval', file, '--occupation', '互联网营销师', '--as-of', '2026-11-28'])).code).toBe(0);
  });

  it('exits 2 on bad usage', async () => {
    const p = 'examples/applicant-live-streamer.yaml';
    for (const args of [
      ['frobnicate'],
      ['eval'],
      ['eval', p, '--as-of', '2026-02-30'],
      ['eval', p, '--level', '7'],
      ['eval', p, '--occupation', '宇航员'],
      ['eval', p, '--no-such-flag'],
      ['compile', 'rules'],
      [],
    ]) {
      const r = await zige(args);
      expect(r.code, args.join(' ')).toBe(2);
      noStackTrace(r.stderr);
    }
  });

  it('refuses an option its command does not read, naming it (it would be ignored without a word)', async () => {
    const p = 'examples/applicant-live-streamer.yaml';
    for (const [args, stray] of [
      [['eval', p, '--out', 'results.json'], 'out'],
      [['eval', p, '--jobs', '2'], 'jobs'],
      [['eval', p, '--bom'], 'bom'],
      [['check', 'rules', '--jobs', '2'], 'jobs'],
      [['check', 'rules', '--json'], 'json'],
      [['compile', 'rules', '--out', 'x', '--occupation', '互联网营销师'], 'occupation'],
      [['fmt', '--update'], 'update'],
      [['test', 'rules', '--out', 'x'], 'out'],
      [['trace', 'rules', '--format', 'json'], 'format'],
    ] as const) {
      const r = await zige([...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.split('\n')[0], args.join(' ')).toContain(`does not take --${stray}`);
      noStackTrace(r.stderr);
    }
    // What each command does read is still accepted.
    expect((await zige(['eval', p, '--occupation', '互联网营销师', '--as-of', '2026-11-28', '--json', '--lang', 'en'])).code).toBe(0);
    expect((await zige(['trace', 'rules', '--json'])).code).toBe(0);
  });

  it('exits 1 for a missing profile file', async () => {
    const r = await zige(['eval', 'examples/nope.json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_READ');
  });
});

describe('zige test', () => {
  it('runs the bundled rules’ tests and ends with N passed, N failed', async () => {
    const r = await zige(['test', 'rules']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').pop()).toMatch(/^\d+ passed, 0 failed$/);
  });

  it('never sends control characters from a test name to the terminal', async () => {
    const dir = rulesDir({
      'sample.yaml': ruleFile({
        conditions: APPRENTICESHIP_LEVEL_5,
        extra: `tests:
  - name: "\\x1b[2J\\x1b[31mred\\r\\nfake ✓ line"
    asOf: 2026-11-28
    profile: {education: [], apprenticeships: [{occupation: 样例职业, completed: 2020-01-01}]}
    expect: {5: ineligible}`,
      }),
    });
    const r = await zige(['test', dir]);
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).toContain('✗ sample › \ufffd[2J\ufffd[31mred\ufffd\ufffdfake ✓ line');
  });

  it('prints the profile, expected and actual of a failing case, exit 1', async () => {
    const dir = rulesDir({
      'sample.yaml': ruleFile({
        conditions: APPRENTICESHIP_LEVEL_5,
        extra: FAILING_TEST_CASE,
      }),
    });
    const r = await zige(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ sample › wrong on purpose');
    expect(r.stdout).toContain('level 5: expected eligible, got ineligible');
    expect(r.stdout).toContain('profile:');
    expect(r.stdout).toContain('actual:');
    expect(r.stdout).toContain('uncovered');
    expect(r.stdout.trim().split('\n').pop()).toBe('0 passed, 1 failed, 1 uncovered（1 个条款未覆盖，见上）');
  });
});
