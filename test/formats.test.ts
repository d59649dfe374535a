// Diagnostics for machines (`--format json|github`) and for people (sorted, capped, coloured only
// on a terminal), and the editor schema line every rule file starts with.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listRuleFiles } from '../compiler/check-rules.js';
import { escapeGithubData, escapeGithubProperty, githubAnnotation } from '../compiler/diagnostics/diagnostic-formats.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { schemaCommentDiagnostic } from '../compiler/load/schema-comment.js';
import { printDiagnostics, type Io } from '../cli/output.js';
import { APPRENTICESHIP_LEVEL_5, FAILING_TEST_CASE, levelFiveClause, ROOT, ruleFile, RULES, rulesDir } from './helpers.js';
import { zige } from './in-process.js';

const SCHEMA_LINE = '# yaml-language-server: $schema=../schema/rule-file.schema.json';

/** A rule file with an unknown level at line 15 col 34 (and no schema line). */
function broken(): { dir: string; file: string } {
  const dir = rulesDir({
    'sample.yaml': ruleFile({
      conditions: levelFiveClause('学徒期满 本职业或相关职业 且 持有 五纪'),
    }),
  });
  return { dir, file: relative(ROOT, join(dir, 'sample.yaml')) };
}

describe('--format json', { timeout: 60_000 }, () => {
  it('check prints one JSON document with positions and both languages', async () => {
    const { dir, file } = broken();
    const r = await zige(['check', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const doc = JSON.parse(r.stdout);
    expect(doc).toEqual({
      diagnostics: [
        {
          code: 'W_SCHEMA_COMMENT',
          severity: 'warning',
          file,
          line: 1,
          col: 1,
          endLine: 1,
          endCol: 11,
          path: null,
          message: { zh: expect.stringContaining('# yaml-language-server: $schema='), en: expect.stringContaining('schema') },
        },
        {
          code: 'E_UNKNOWN_LEVEL',
          severity: 'error',
          file,
          line: 15,
          col: 34,
          endLine: 15,
          endCol: 36,
          path: null,
          message: { zh: '未知的等级“五纪”', en: 'unknown level "五纪"' },
          suggestions: ['五级'],
        },
      ],
      errors: 1,
      warnings: 1,
    });
  });

  it('check is an empty document on the bundled rules; compile and test print one document too', async () => {
    const check = await zige(['check', 'rules', '--format', 'json']);
    expect(check.code).toBe(0);
    expect(JSON.parse(check.stdout)).toEqual({ diagnostics: [], errors: 0, warnings: 0 });

    const { dir } = broken();
    const compile = await zige(['compile', dir, '--out', join(dir, 'out'), '--format', 'json']);
    expect(compile.code).toBe(1);
    expect(JSON.parse(compile.stdout).errors).toBe(1);

    const test = await zige(['test', 'rules', '--occupation', 'tech-consultant', '--format', 'json']);
    expect(test.code).toBe(0);
    const doc = JSON.parse(test.stdout);
    expect(doc.failed).toBe(0);
    expect(doc.passed).toBe(doc.tests.length);
    expect(doc.tests[0]).toMatchObject({ occupation: 'tech-consultant', status: 'passed', file: 'rules/tech-consultant.yaml' });
  }, 30_000);
});

describe('--format github', { timeout: 60_000 }, () => {
  it('check prints workflow-command annotations on a broken file', async () => {
    const { dir, file } = broken();
    const r = await zige(['check', dir, '--format', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines[1]).toBe(
      `::error file=${file},line=15,col=34,endLine=15,endColumn=36,title=E_UNKNOWN_LEVEL::未知的等级“五纪”%0Aunknown level "五纪"%0Adid you mean: 五级?`,
    );
    expect(lines[0]).toMatch(new RegExp(`^::warning file=${file.replace(/[.]/g, '\\.')},line=1,col=1,endLine=1,endColumn=11,title=W_SCHEMA_COMMENT::`));
    expect(r.stderr).toContain('1 error(s), 1 warning(s)');
  });

  it('escapes % CR LF in data and also : , in properties', async () => {
    expect(escapeGithubData('100% a\r\nb: c, d')).toBe('100%25 a%0D%0Ab: c, d');
    expect(escapeGithubProperty('a:b,c%\n')).toBe('a%3Ab%2Cc%25%0A');
    const d: Diagnostic = {
      code: 'E_READ',
      severity: 'error',
      file: 'dir,with:odd%name.yaml',
      range: { start: { line: 2, col: 3 }, end: { line: 2, col: 5 } },
      args: { file: 'x', detail: '50%\nmore' },
    };
    expect(githubAnnotation(d, 'en')).toBe('::error file=dir%2Cwith%3Aodd%25name.yaml,line=2,col=3,endLine=2,endColumn=5,title=E_READ::cannot read x: 50%25%0Amore');
    expect(githubAnnotation({ code: 'W_UNRELATED', severity: 'warning', path: '/work/0', args: { entry: 'x' } }, 'en')).toBe(
      '::warning title=W_UNRELATED::/work/0: relation of "x" to this occupation is unknown; treated as unrelated',
    );
  });

  it('annotates a failing test case at its line', async () => {
    const dir = rulesDir({
      'sample.yaml': ruleFile({
        conditions: APPRENTICESHIP_LEVEL_5,
        extra: FAILING_TEST_CASE,
      }),
    });
    const r = await zige(['test', dir, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      `::error file=${relative(ROOT, join(dir, 'sample.yaml'))},line=9,title=zige test%3A sample › wrong on purpose::level 5: expected eligible, got ineligible`,
    );
    // its one clause is made true by no test: the last line says so too
    expect(r.stdout.trim().split('\n').pop()).toBe('0 passed, 1 failed, 1 uncovered（1 个条款未覆盖，见上）');
  });
});

describe('human output', { timeout: 60_000 }, () => {
  const io = (tty: boolean): Io & { lines: string[] } => {
    const lines: string[] = [];
    return { lines, out: (s) => lines.push(s), err: (s) => lines.push(s), readFile: (p) => readFileSync(p, 'utf8'), isTTY: false, errIsTTY: tty };
  };
  const d: Diagnostic = { code: 'E_EMPTY', severity: 'error', file: 'x.yaml', range: { start: { line: 1, col: 1 }, end: { line: 1, col: 2 } } };
  let saved: string | undefined;
  beforeEach(() => {
    saved = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env.NO_COLOR;
    else process.env.NO_COLOR = saved;
  });

  it('is coloured only when stderr is a terminal, and never with NO_COLOR', async () => {
    const tty = io(true);
    printDiagnostics([d], tty, 'both');
    expect(tty.lines.join('\n')).toContain('\x1b[');
    const pipe = io(false);
    printDiagnostics([d], pipe, 'both');
    expect(pipe.lines.join('\n')).not.toContain('\x1b[');
    process.env.NO_COLOR = '1';
    const noColor = io(true);
    printDiagnostics([d], noColor, 'both');
    expect(noColor.lines.join('\n')).not.toContain('\x1b[');
  });

  it('sorts by position, shows the first 50 and counts the rest', async () => {
    const clauses = Array.from(
      { length: 60 },
      (_, i) => `      - id: "${i + 1}"
        source: 本职业或相关职业学徒期满。
        when: 持有 五纪`,
    ).join('\n');
    const dir = rulesDir({ 'sample.yaml': ruleFile({ conditions: `  - level: 5\n    source: 五级/初级工\n    clauses:\n${clauses}` }) });
    const schema = relative(dir, join(ROOT, 'schema', 'rule-file.schema.json'));
    writeFileSync(join(dir, 'sample.yaml'), `# yaml-language-server: $schema=${schema}\n${readFileSync(join(dir, 'sample.yaml'), 'utf8')}`);
    const r = await zige(['check', dir, '--lang', 'en']);
    expect(r.code).toBe(1);
    const heads = r.stderr.split('\n').filter((l) => /error\[E_UNKNOWN_LEVEL\]/.test(l));
    expect(heads).toHaveLength(50);
    const lines = heads.map((l) => Number(/\.yaml:(\d+):/.exec(l)![1]));
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
    expect(r.stderr).toContain('and 10 more');
    expect(r.stderr).toContain('60 error(s)');
  });
});

describe('editor schema line', { timeout: 60_000 }, () => {
  it('starts every bundled rule file', async () => {
    for (const f of listRuleFiles(RULES)) expect(readFileSync(join(RULES, f), 'utf8').split('\n')[0], f).toBe(SCHEMA_LINE);
  });

  it('is checked: missing, pointing nowhere, or fine', async () => {
    const file = join(RULES, 'sample.yaml');
    expect(schemaCommentDiagnostic(file, 'id: x\n')).toMatchObject({ code: 'W_SCHEMA_COMMENT', severity: 'warning', args: { expected: SCHEMA_LINE } });
    expect(schemaCommentDiagnostic(file, '# yaml-language-server: $schema=../schemas/rule.json\nid: x\n')).toMatchObject({
      code: 'W_SCHEMA_COMMENT_PATH',
      args: { schema: '../schemas/rule.json', expected: SCHEMA_LINE },
    });
    expect(schemaCommentDiagnostic(file, `${SCHEMA_LINE}\nid: x\n`)).toBeUndefined();
    expect(schemaCommentDiagnostic(file, `# yaml-language-server: $schema=https://example.org/zige/schema/rule-file.schema.json\n`)).toBeUndefined();
  });

  it('is a warning of zige check: the exit code stays 0', async () => {
    const dir = rulesDir({
      'sample.yaml': ruleFile({
        conditions: APPRENTICESHIP_LEVEL_5,
      }),
    });
    const r = await zige(['check', dir]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('warning[W_SCHEMA_COMMENT]');
    writeFileSync(join(dir, 'sample.yaml'), `# yaml-language-server: $schema=${relative(dir, join(ROOT, 'schema', 'rule-file.schema.json'))}\n${readFileSync(join(dir, 'sample.yaml'), 'utf8')}`);
    expect((await zige(['check', dir])).stderr).toBe('');
  });
});
