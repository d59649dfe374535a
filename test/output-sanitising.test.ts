// Nothing from a profile or a rule file may drive the reader's terminal or forge a CI annotation:
// the `eval` report, its warnings, `zige test` case names and failures, and `--format github`
// annotations pass every such string through the one sanitiser (compiler/sanitize.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatTable } from '../cli/trace.js';
import { escapeGithubData, escapeGithubProperty, githubAnnotation } from '../compiler/diagnostics/diagnostic-formats.js';
import { sanitize } from '../compiler/diagnostics/sanitize.js';
import { APPRENTICESHIP_LEVEL_5, ruleFile, rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';

/** Terminal escapes (ESC, C1 controls such as CSI U+009B) and bidi overrides and isolates. */
const UNSAFE = /[\u001b\u0080-\u009f\u202a-\u202e\u2066-\u2069]/;
const ERASE = '\u001b[2K\u001b[1A'; // erase the line, cursor up
const hostile = `x${ERASE}y\u009b2Jz\u202eevil\u2066a\u2067b\u2068c\u2069`;

/** The built CLI in this process. */
const run = (args: string[]): ReturnType<typeof zige> => zige(args);

describe('sanitize', () => {
  it('replaces ESC, C0 and C1 controls, bidi overrides and isolates, and line breaks', () => {
    expect(sanitize(hostile)).toBe('x\ufffd[2K\ufffd[1Ay\ufffd2Jz\ufffdevil\ufffda\ufffdb\ufffdc\ufffd');
    expect(sanitize('a\r\nb\u2028c\u0085d')).toBe('a\ufffd\ufffdb\ufffdc\ufffdd');
    expect(sanitize('互联网营销师\tok')).toBe('互联网营销师 ok');
  });
});

describe('zige eval report', () => {
  it('prints occupation and fact names from the profile sanitised, warnings on one line each', async () => {
    const dir = scratch('sanitise-eval');
    const profile = join(dir, 'p.json');
    writeFileSync(
      profile,
      JSON.stringify({
        education: [{ level: '高中', status: '毕业', date: '2016-07-01', major: `m${ERASE}` }],
        work: [{ occupation: `主播${ERASE}\n✓ 符合报名条件`, from: '2019-03-01' }],
        facts: { [`f\u202e${ERASE}`]: true },
      }),
    );
    for (const lang of ['zh', 'en']) {
      const r = await run(['eval', profile, '--occupation', '互联网营销师', '--as-of', '2026-11-28', '--lang', lang]);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(UNSAFE);
      expect(r.stdout).toContain('\ufffd[2K');
      // the newline inside the occupation name does not start a line of its own
      expect(r.stdout.split('\n').some((l) => l.startsWith('✓ 符合报名条件'))).toBe(false);
    }
  });

  it('sanitises a usage error echoing the command line', async () => {
    const r = await run(['eval', 'examples/applicant-live-streamer.yaml', '--occupation', `no${ERASE}such`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(UNSAFE);
  });
});

const NAME = `evil${ERASE}\u202e\n::error file=forged.yaml,line=1::forged`;

describe('zige test', () => {
  const file = ruleFile({
    conditions: APPRENTICESHIP_LEVEL_5,
    extra: `tests:
  - name: ${JSON.stringify(NAME)}
    asOf: 2026-11-28
    profile: {education: [], work: [{occupation: ${JSON.stringify(`x${ERASE}\u202e\u2066`)}, years: 1}]}
    expect: {5: eligible}`,
  });

  it('prints case names, failures and profiles sanitised', async () => {
    const dir = rulesDir({ 'sample.yaml': file });
    const r = await run(['test', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ sample › evil\ufffd[2K');
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(r.stdout.split('\n').some((l) => l.startsWith('::error'))).toBe(false);
  });

  it('--format github: one annotation of ours, no forged one, no escapes', async () => {
    const dir = rulesDir({ 'sample.yaml': file });
    const r = await run(['test', dir, '--format', 'github']);
    expect(r.code).toBe(1);
    const commands = r.stdout.split('\n').filter((l) => l.startsWith('::'));
    expect(commands).toHaveLength(1);
    expect(commands[0]).toMatch(/^::error file=[^:]*sample\.yaml,line=\d+,title=zige test%3A sample › evil/);
    expect(commands[0]).toContain('%0A%3A%3Aerror file=forged.yaml%2Cline=1%3A%3Aforged');
    expect(r.stdout).not.toMatch(UNSAFE);
  });
});

describe('--format github annotations', () => {
  it('percent-encodes %, CR and LF in data, and : and , in properties, and sanitises the rest', () => {
    expect(escapeGithubData('50%\r\n::error::x')).toBe('50%25%0D%0A::error::x');
    expect(escapeGithubProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    expect(escapeGithubData(hostile)).not.toMatch(UNSAFE);
  });

  it('a diagnostic naming a hostile test case stays one line', () => {
    const line = githubAnnotation({
      code: 'E_TEST_CLAUSE',
      severity: 'error',
      file: `r${ERASE}.yaml\n::error file=x::y`,
      range: { start: { line: 3, col: 5 }, end: { line: 3, col: 9 } },
      args: { test: NAME, clause: '9/9' },
    });
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toMatch(/^::error file=r\ufffd\[2K\ufffd\[1A\.yaml%0A%3A%3Aerror file=x%3A%3Ay,line=3,/);
    expect(line).not.toMatch(UNSAFE);
  });

  it('zige check --format github on a rule file with a hostile test name', async () => {
    const dir = rulesDir({
      'sample.yaml': ruleFile({
        conditions: APPRENTICESHIP_LEVEL_5,
        extra: `tests:\n  - name: ${JSON.stringify(NAME)}\n    asOf: 2026-11-28\n    profile: {education: []}\n    only: ["5/9"]`,
      }),
    });
    const r = await run(['check', dir, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l !== '');
    expect(lines.length, r.stdout).toBeGreaterThan(0);
    expect(lines.every((l) => /^::(error|warning) file=[^,:]*sample\.yaml,/.test(l))).toBe(true);
    // in message data `::` is harmless: only a line break could start a command, and it is %0A
    expect(r.stdout).toContain('%0A::error file=forged.yaml,line=1::forged');
    expect(r.stdout).not.toMatch(UNSAFE);
  });
});

describe('zige trace and zige fmt', () => {
  it('the trace table shows source text and notEncoded reasons sanitised, columns aligned', () => {
    const table = formatTable(
      [
        { section: `一、${ERASE}`, level: 5, levelHeading: '五级', clause: 1, text: `clause\u202etext`, rules: [], notEncoded: { reason: `why${ERASE}`, file: 'a.yaml', line: 3 }, sourceFile: 's.txt', sourceLine: 1 },
      ],
      'en',
      (f) => f,
    );
    expect(table).not.toMatch(UNSAFE);
    expect(table).toContain('why\ufffd[2K');
  });

  it('fmt --check lists a file whose name holds an escape sequence sanitised', async () => {
    const dir = rulesDir({ [`a${ERASE}.yaml`]: ruleFile({ conditions: APPRENTICESHIP_LEVEL_5.replace('学徒期满 本职业或相关职业', '学徒期满   本职业或相关职业') }) });
    const r = await run(['fmt', '--check', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('a\ufffd[2K\ufffd[1A.yaml');
    expect(r.stdout + r.stderr).not.toMatch(UNSAFE);
  });
});
