// Hostile rule files. Text that tries to break out of a string or comment (quotes, backticks,
// `${}`, `*/`, U+2028, `"); process.exit(1); ("` …) in every free-text field never changes what the
// generated code does: an evil rule file and its clean twin (same structure, plain text) judge
// every random profile alike, in process and as compiled modules run by Node. File names built
// from version labels stay inside --out. YAML custom tags and alias bombs are refused by
// `zige check` with a positioned error. (test/compiler.test.ts checks that strings survive
// verbatim; this file checks behaviour and the fields it does not cover.)
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CheckedOccupation } from '../compiler/checked.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateProfile, type Profile } from '../runtime/index.js';
import { runAll, runCli, STACK, type Run } from './async-cli.js';
import { profileArb, type ProfileWorld } from './oracle/arbitraries.js';
import { loadOracleVocabulary } from './oracle/interpreter.js';
import { APPRENTICESHIP_LEVEL_5, check, ruleFile, rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';

const EVIL = [
  '"); process.exit(1); ("',
  "'); process.exit(1); ('",
  '`; process.exit(1); `',
  '${process.exit(1)}',
  '*/ process.exit(1); /*',
  'line\u2028separator\u2029paragraph',
  '\\',
  'x\n}); process.exit(1); ({\n',
  '\r\nprocess.exit(1) //',
  '</script><script>process.exit(1)</script>',
  '\u0000 nul',
  '\\u0022); process.exit(1); (\\u0022',
  '#!/usr/bin/env node',
  '// @ts-nocheck\nprocess.exit(1)',
];

/** The i-th free text of a twin: evil or plain, distinct within a file. */
const evil = (i: number): string => `${i}${EVIL[i % EVIL.length]}`;
const plain = (i: number): string => `clean${i}`;

/** A rule file using `t(i)` for every free-text field; both twins have the same structure. */
function twin(t: (i: number) => string): { file: string; source: string } {
  const q = (i: number): string => JSON.stringify(t(i));
  const cited = [7, 10, 17, 18, 20, 21, 23, 24, 25, 26];
  const file = `id: twin
name: ${q(0)}
aliases: [${q(1)}, ${q(2)}]
version: ${q(3)}
inForce: {from: 2020-01-01}
source:
  document: ${q(4)}
  issuer: ${q(5)}
  file: sources/twin.txt
  section: ${JSON.stringify(`一、${t(6)}`)}
education:
  source: ${q(7)}
  when: 学历 初中 及以上
  note: ${q(8)}
workTypes:
  - name: ${q(9)}
    source: ${q(10)}
    note: ${q(11)}
  - name: ${q(12)}
    levels: [5, 4]
levels: [5, 4, 3]
related:
  occupations: [${q(13)}]
  sameMajors: [${q(14)}]
  majors: [${q(15)}]
notes: [${q(16)}]
conditions:
  - level: 5
    source: ${q(17)}
    clauses:
      - id: "1"
        source: ${q(18)}
        note: ${q(19)}
        when: 从业 本职业或相关职业 >= 1年
      - id: "2"
        source: ${q(20)}
        when: 持有 相关职业 五级 或 学徒期满 本职业
      - id: "3"
        source: ${q(21)}
        when: 在校 高等院校 本专业 或 培训 本职业 五级 结业
  - level: 4
    source: ${q(23)}
    clauses:
      - id: "1"
        source: ${q(24)}
        when: 取得 本职业或相关职业 五级 后 从业 本职业或相关职业 >= 2年
      - id: "2"
        source: ${q(25)}
        when: 毕业 技工学校 本专业或相关专业 含应届
  - level: 3
    source: ${q(26)}
    clauses:
      - id: "1"
        source: ${q(24)}
        when: 持有 四级 且 从业 相关职业 >= 3年 或 学历 大专 及以上 相关专业
tests:
  - name: ${q(22)}
    asOf: 2026-11-28
    profile:
      education: [{level: 初中, status: 毕业}]
      work: [{occupation: twin, from: 2020-01-01, to: 2020-12-31}]
    expect: {5: eligible}
`;
  // the section heading first, as a document prints it (zige check looks for source.section)
  return { file, source: [`一、${t(6)}`, ...cited.map(t)].join('\n§\n') + '\n' };
}

/** Replaces strings (values and map keys) by `f`. */
function mapStrings(v: unknown, f: (s: string) => string): unknown {
  if (typeof v === 'string') return f(v);
  if (Array.isArray(v)) return v.map((x) => mapStrings(x, f));
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [f(k), mapStrings(x, f)]));
  return v;
}

function results(occ: CheckedOccupation, profile: unknown, asOf: string): unknown {
  const { results, warnings } = evaluateProfile(instantiate(occ), profile as Profile, { asOf, single: true, explain: false });
  return {
    levels: results.map((r) => ({
      level: r.level,
      status: r.status,
      education: r.education,
      clauses: r.clauses.map((c) => [c.id, c.status]),
      matched: r.matched,
    })),
    warnings: warnings.map((w) => [w.code, w.path]),
  };
}

describe('hostile text in every free-text field of a rule file', () => {
  const dirs = { evil: '', clean: '' };
  const occ: Record<'evil' | 'clean', CheckedOccupation> = {} as never;
  beforeAll(() => {
    for (const [kind, t] of [['evil', evil], ['clean', plain]] as const) {
      const { file, source } = twin(t);
      dirs[kind] = rulesDir({ 'twin.yaml': file }, { sources: { 'twin.txt': source } });
      const { rules, sink } = check(dirs[kind]);
      expect(sink.items, kind).toEqual([]);
      occ[kind] = rules!.occupations[0];
    }
  });

  it('reaches the generated module verbatim, in every field', async () => {
    const meta = instantiate(occ.evil).meta;
    expect([meta.name, ...meta.aliases, meta.version]).toEqual([evil(0), evil(1), evil(2), evil(3)]);
    expect(meta.workTypes.map((w) => w.name)).toEqual([evil(9), evil(12)]);
    expect(meta.related).toEqual({ occupations: [evil(13)], sameMajors: [evil(14)], majors: [evil(15)] });
    expect(meta.education?.text).toBe(evil(7));
    expect(meta.clauses.map((c) => c.text)).toEqual([18, 20, 21, 24, 25, 24].map(evil));
    expect(meta.clauses[0].note).toBe(evil(19));
  });

  it('judges every random profile exactly like its clean twin', async () => {
    // Profiles are generated with the clean names and given to the evil twin with evil names.
    const spell = [0, 1, 2, 13, 14, 15];
    const toEvil = new Map(spell.map((i) => [plain(i), evil(i)]));
    const world: ProfileWorld = {
      occupationSpellings: [[plain(0), 'twin', plain(1), plain(2)]],
      otherOccupations: [plain(13), '厨师'],
      majors: [plain(14), plain(15), '会计'],
      vocabulary: loadOracleVocabulary(),
    };
    let eligible = 0;
    fc.assert(
      fc.property(profileArb(world), ({ asOf, profile }) => {
        const expected = results(occ.clean, profile, asOf);
        const actual = results(occ.evil, mapStrings(profile, (s) => toEvil.get(s) ?? s), asOf);
        expect(actual).toEqual(expected);
        if (JSON.stringify(expected).includes('"eligible"')) eligible++;
      }),
      { numRuns: 300 },
    );
    expect(eligible).toBeGreaterThan(10);
  }, 30_000);

  it('compiles to modules that Node imports and runs without executing any of it', async () => {
    const outputs: string[] = [];
    for (const kind of ['clean', 'evil'] as const) {
      const out = join(scratch(`twin-${kind}`), 'gen');
      const r = await zige(['compile', dirs[kind], '--out', out, '--js']);
      expect(r.code, r.stderr).toBe(0);
      const t = kind === 'evil' ? evil : plain;
      const profiles = [
        { education: [{ level: '初中', status: '毕业' }], work: [{ occupation: t(0), from: '2020-01-01' }] },
        { education: [{ level: '技工学校', status: '应届', major: t(15) }], certificates: [{ occupation: t(13), kind: '技能等级证书', level: 4 }] },
        { work: [{ occupation: t(1), years: 3 }], apprenticeships: [{ occupation: 'twin', completed: '2020-01-01' }] },
      ];
      const script = `const { occupations, evaluate } = await import(${JSON.stringify(pathToFileURL(join(out, 'index.js')).href)});
        const profiles = ${JSON.stringify(profiles)};
        const rows = profiles.map((p) => evaluate('twin', p, { asOf: '2026-11-28', explain: false }).map((r) => [r.level, r.status, r.education, r.matched]));
        console.log(JSON.stringify({ n: occupations.length, rows }));`;
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: out, encoding: 'utf8' });
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      outputs.push(run.stdout);
    }
    expect(JSON.parse(outputs[1])).toEqual(JSON.parse(outputs[0]));
    expect(JSON.parse(outputs[0]).rows[0][0]).toEqual([5, 'eligible', 'met', ['twin/5/1']]);
  }, 30_000);

  it('`zige test` runs a test case with a hostile name as data', async () => {
    const r = await zige(['test', dirs.evil]);
    // (exit 1 only because the twin's other clauses have no test making them true)
    expect(r.stdout.trim().split('\n').pop()).toBe('1 passed, 0 failed, 5 uncovered（5 个条款未覆盖，见上）');
    expect(r.stdout + r.stderr).not.toMatch(STACK);
  });
});

describe('file names from rule files stay inside --out', () => {
  const version = (label: string, inForce: string): string =>
    ruleFile({
      levels: '[5]',
      extra: `version: ${JSON.stringify(label)}\ninForce: ${inForce}`,
      conditions: APPRENTICESHIP_LEVEL_5,
    });

  it('a version label with ../ or / names a file in --out, not outside it', async () => {
    const dir = rulesDir({
      'a.yaml': version('../../../../pwned', '{from: 2020-01-01, to: 2022-12-31}'),
      'b.yaml': version('x/../../y\\z', '{from: 2023-01-01}'),
    });
    const base = scratch('labels');
    const out = join(base, 'one', 'two', 'gen');
    const r = await zige(['compile', dir, '--out', out, '--js']);
    expect(r.code, r.stderr).toBe(0);
    expect(readdirSync(base)).toEqual(['one']);
    expect(readdirSync(join(base, 'one'))).toEqual(['two']);
    expect(readdirSync(join(base, 'one', 'two'))).toEqual(['gen']);
    expect(readdirSync(out).sort()).toEqual(['index.js', 'sample@.._.._.._.._pwned.js', 'sample@x_.._.._y_z.js']);
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(out, 'index.js')).href)});
      console.log(JSON.stringify([m.occupations.map((o) => o.meta.version), m.occupationInForce('sample', '2021-06-01').meta.version]));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: out, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([['../../../../pwned', 'x/../../y\\z'], '../../../../pwned']);
  });

  it('an occupation with id `index` does not overwrite the generated index', async () => {
    const dir = rulesDir({ 'index.yaml': version('1', '{from: 2020-01-01}').replace('id: sample', 'id: index') });
    const out = join(scratch('index-id'), 'gen');
    expect((await zige(['compile', dir, '--out', out, '--js'])).code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['index.js', 'index~2.js']);
    const script = `const m = await import(${JSON.stringify(pathToFileURL(join(out, 'index.js')).href)});
      console.log(JSON.stringify(m.occupations.map((o) => o.meta.id)));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: out, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual(['index']);
  });
});

describe('YAML that is not plain data is refused by `zige check`', () => {
  const base = ruleFile({
    conditions: APPRENTICESHIP_LEVEL_5,
  });
  const laughs = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'];
  for (const x of 'bcdefghi') laughs.push(`${x}: &${x} [${Array(9).fill(`*${String.fromCharCode(x.charCodeAt(0) - 1)}`).join(', ')}]`);
  const cases: { name: string; text: string; line: number; code: string }[] = [
    { name: '!!js/function', text: base.replace('name: 样例职业', 'name: !!js/function "function () { process.exit(7) }"'), line: 2, code: 'E_YAML' },
    { name: 'a custom tag !foo', text: base.replace('name: 样例职业', 'name: !foo 样例职业'), line: 2, code: 'E_YAML' },
    { name: '!!binary', text: base.replace('name: 样例职业', 'name: !!binary 5qC35L6L'), line: 2, code: 'E_YAML' },
    { name: 'a local tag on a when:', text: base.replace('when: 学徒期满', 'when: !<tag:evil.example,2026:code> 学徒期满'), line: 15, code: 'E_YAML' },
    { name: 'a billion-laughs alias bomb', text: `${base}${laughs.join('\n')}\n`, line: base.split('\n').length + 1, code: 'E_YAML' },
    { name: 'a merge key', text: base.replace('source:\n  document', 'base: &b {document: 样例}\nsource:\n  <<: *b\n  document'), line: 5, code: 'E_SCHEMA_ADDITIONAL' },
  ];
  let results: Run[] = [];
  beforeAll(async () => {
    results = await runAll(cases, 3, (c) => runCli(['check', rulesDir({ 'sample.yaml': c.text })]));
  }, 60_000);

  cases.forEach((c, i) => {
    it(`${c.name}: exit 1, ${c.code} at sample.yaml:${c.line}, with a code frame, no stack trace`, async () => {
      const r = results[i];
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(new RegExp(`sample\\.yaml:${c.line}:\\d+: error\\[${c.code}`));
      expect(r.stderr).toMatch(new RegExp(`^\\s*${c.line} \\| `, 'm'));
      expect(r.stdout + r.stderr).not.toMatch(STACK);
      expect(r.ms).toBeLessThan(10_000);
    });
  });
});

