// `zige trace` reads source documents as they are printed (docs/rule-files.md, "Source layouts"):
// numbering (1.)（1）①⑴(a), headings by level words or written as sentences, a level with one
// unnumbered sentence, unnumbered paragraphs, a metadata header, `--- … ---` separators (two dated
// versions, other places' variants), a page cut off, and `sourceMap` where no pattern fits. Every
// case goes through rule files and the CLI only; the fixtures are in test/fixtures/layouts/.
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { check, ROOT, RULES, rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'layouts');
const POLICY_TEXTS = ['tianjin-2024-competition-promotion.txt', 'beijing-chaoyang-2023-skill-upgrade-subsidy.txt', 'evaluation-org-2022-09-notice.txt'];

interface Row {
  section: string;
  level: number | null;
  clause: number;
  layout?: 'paragraph' | 'mapped';
  text: string;
  cut?: true;
  rules: { id: string; file: string; line: number }[];
  notEncoded?: { reason: string; file: string; line: number };
  sourceFile: string;
  sourceLine: number;
}

/** A copy of the layout fixtures with some files replaced or removed (null). */
function fixtureWith(changes: Record<string, string | null>): string {
  const dir = scratch('layouts');
  cpSync(FIXTURE, dir, { recursive: true });
  for (const [name, text] of Object.entries(changes)) {
    if (text === null) rmSync(join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}

async function traceJson(dir: string): Promise<{ code: number; rows: Row[]; stderr: string }> {
  const r = await zige(['trace', dir, '--json', '--lang', 'en']);
  return { code: r.code, rows: JSON.parse(r.stdout) as Row[], stderr: r.stderr };
}

/** Error and warning codes in stderr, in order. */
const codes = (stderr: string): string[] => [...stderr.matchAll(/(?:error|warning)\[(\w+)\]/g)].map((m) => m[1]);
const ids = (r: Row): string[] => r.rules.map((x) => x.id);

describe('the layout fixtures', () => {
  let rows: Row[];
  let stderr: string;
  let code: number;
  beforeAll(async () => {
    ({ rows, stderr, code } = await traceJson(FIXTURE));
  });
  const section = (s: string): Row[] => rows.filter((r) => r.section === s);

  it('hold the policy texts byte-identical to the bundled copies', () => {
    for (const f of POLICY_TEXTS) expect(readFileSync(join(FIXTURE, 'sources', f)).equals(readFileSync(join(RULES, 'sources', f))), f).toBe(true);
  });

  it('trace with no error; the one warning is the part of a Chaoyang clause left uncited on purpose', () => {
    expect(code).toBe(0);
    expect(codes(stderr)).toEqual(['W_TRACE_UNCITED']);
    expect(stderr).toContain('beijing-chaoyang-2023-skill-upgrade-subsidy.txt:11:76: warning[W_TRACE_UNCITED]');
    expect(stderr).toContain('"自证书核发之日起12个月内');
  });

  it('read a national standard: sentence headings, （1） numbering, one unnumbered sentence, an outline heading', () => {
    const std = section('2.2.4 申报条件');
    expect(std.map((r) => `${r.level}/${r.layout === 'paragraph' ? '¶' : ''}${r.clause}`)).toEqual(['5/1', '5/2', '4/1', '4/2', '4/3', '3/1', '3/2', '3/3', '2/1', '2/2', '1/¶1']);
    expect(std.every((r) => r.rules.length > 0)).toBe(true);
    expect(std[2].text).toBe('取得本职业或相关职业五级/初级工职业资格证书（技能等级证书）后，累计从事本职业或相关职业工作4年（含）以上。');
    expect(ids(std[4])).toEqual(['pest-control-standard-layout/4/3a', 'pest-control-standard-layout/4/3b']);
    expect(section('2.2.5 鉴定方式')).toMatchObject([{ level: null, layout: 'paragraph', notEncoded: { reason: expect.stringContaining('鉴定方式') } }]);
  });

  it('read Tianjin: the header skipped, two dated versions as two sections of unnumbered paragraphs', () => {
    const v2024 = section('2024-10-25 version (verbatim as stored)');
    const v2021 = section('2021-12-10 version (verbatim as stored, via reprint)');
    expect(v2024.map((r) => [r.level, r.layout, r.clause, r.sourceLine])).toEqual([1, 2, 3, 4, 5, 6].map((n) => [null, 'paragraph', n, 7 + 2 * n]));
    expect(v2021.map((r) => r.sourceLine)).toEqual([22, 23, 24, 25]);
    // one paragraph under no level encoded at the three levels it promotes to
    expect(ids(v2024[2])).toEqual(['tianjin-competition-layout/2/3', 'tianjin-competition-layout/1/3', 'tianjin-competition-layout/3/3']);
    expect(ids(v2021[0])).toEqual(['tianjin-competition-layout/2/1', 'tianjin-competition-layout/1/1', 'tianjin-competition-layout/3/1']);
    expect(rows.some((r) => /TITLE:|SOURCE:|verbatim as stored ---/.test(r.text))).toBe(false);
  });

  it('read Chaoyang: 1./2./3. with title lines and (1)(2)(3) sub-items; the variants a section of their own', () => {
    const proper = section('verbatim as stored');
    expect(proper.map((r) => [r.level, r.clause, r.layout, r.sourceLine])).toEqual([
      [null, 1, undefined, 10],
      [null, 2, undefined, 12],
      [null, 3, undefined, 14],
    ]);
    expect(proper[2].text).toBe('申请材料\n(1)申请人职业资格证书或职业技能等级证书复印件;\n(2)申请人社会保障卡复印件;\n(3)《失业保险技能提升补贴申请表》。');
    expect(ids(proper[0])).toEqual(['chaoyang-subsidy-layout/5/1', 'chaoyang-subsidy-layout/4/1', 'chaoyang-subsidy-layout/3/1']);
    const variants = section('SUPPLEMENTARY VARIANTS (same rule family, other places)');
    expect(variants.map((r) => r.text.slice(0, 6))).toEqual(['Hunan,', 'Xiamen', 'An HRS']);
    expect(variants.every((r) => r.notEncoded?.reason.startsWith("Other places' variants"))).toBe(true);
  });

  it('read the 2022-09 notice: occupations under separators, `五级 申报条件(…)` headings, the cut clause marked', () => {
    const drafter = section('verbatim as stored: (一)制图员 (OLD format)');
    expect(drafter.map((r) => `${r.level}/${r.clause}`)).toEqual(['5/1', '5/2', '5/3', '4/1', '4/2', '4/3', '4/4', '3/1']);
    expect(drafter.at(-1)).toMatchObject({ cut: true, text: '取得本职业中级职业资格证书后,连续从事本职业工作2年以上,经本职业高级正规培训达规' });
    expect(drafter.filter((r) => r.cut)).toHaveLength(1);
    const pest = section('verbatim as stored: (十八)有害生物防制员 (NEW format)');
    expect(pest.map((r) => `${r.level}/${r.clause}`)).toEqual(['5/1', '5/2', '4/1', '4/2', '4/3', '3/1', '3/2', '3/3']);
    // the list of occupations: one line (the store collapsed its breaks), one clause; the note after it is no text
    expect(section('一、认定职业及等级')).toMatchObject([{ level: null, clause: 1, text: expect.stringMatching(/^制图员 \(五级、四级、三级\) {2}2\.收银员.*电子商务师\(五级、四级\)$/) }]);
  });

  it('read a layout no pattern fits through the rule file\'s sourceMap', () => {
    const mapped = rows.filter((r) => r.layout === 'mapped');
    expect(mapped.map((r) => [r.level, r.clause, r.text, ids(r)])).toEqual([
      [4, 1, '1) 取得本职业初级工证书后，累计从事本职业工作3年以上；', ['article-style-layout/4/1']],
      [4, 2, '2) 累计从事本职业工作5年以上。', ['article-style-layout/4/2']],
    ]);
  });
});

describe('the done-when text', () => {
  it('a text printed with （1） numbering and sentence headings traces clean, the text as published', async () => {
    const dir = rulesDir(
      { 'national-standard.yaml': readFileSync(join(FIXTURE, 'national-standard.yaml'), 'utf8') },
      { sources: { 'national-standard-style.txt': readFileSync(join(FIXTURE, 'sources', 'national-standard-style.txt'), 'utf8') } },
    );
    const r = await zige(['trace', dir]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toContain('12 source clauses: 11 encoded, 1 not encoded on purpose, 0 missing');
  });
});

describe('what trace cannot read is said as such', () => {
  it('numbering no pattern fits: its own error at the source, and the citing clause points there', async () => {
    const text = readFileSync(join(FIXTURE, 'article-style.yaml'), 'utf8');
    const unmapped = text.replace(/\nsourceMap:\n(?: {2}.*\n)+/, '\n');
    expect(unmapped).not.toContain('sourceMap:');
    const r = await zige(['trace', fixtureWith({ 'article-style.yaml': unmapped }), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(codes(r.stderr).filter((c) => c.startsWith('E_'))).toEqual(['E_TRACE_UNREADABLE_CITED', 'E_TRACE_UNREADABLE_CITED', 'E_TRACE_UNKNOWN_NUMBERING', 'E_TRACE_UNKNOWN_NUMBERING']);
    expect(r.stderr).toMatch(/sources\/article-style\.txt:4:1: error\[E_TRACE_UNKNOWN_NUMBERING\]: unrecognised numbering "1\)"/);
    expect(r.stderr).toMatch(/article-style\.yaml:\d+:17: error\[E_TRACE_UNREADABLE_CITED\]: rule clause article-style-layout\/4\/2 cites text under "2\)" at line 5, column 1/);
    expect(r.stderr).not.toContain('E_TRACE_INVENTED');
  });

  it('a heading naming no level or two levels: its own error, bilingual, and its clauses are not read', async () => {
    const doc = (heading: string): string => `一、样例职业\n五级/初级工\n1. 本职业或相关职业学徒期满。\n${heading}\n1. 累计从事本职业工作5年以上。\n`;
    const file = (id: string, heading: string): string => `id: ${id}
name: ${id}
source:
  document: 样例
  section: 一、样例职业
  text: ${JSON.stringify(doc(heading))}
levels: [5]
conditions:
  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 本职业或相关职业学徒期满。
        when: 学徒期满 本职业或相关职业
`;
    const dir = rulesDir({ 'a.yaml': file('a', '六级/特级工'), 'b.yaml': file('b', '五级/中级工'), 'c.yaml': file('c', '具备以下条件之一者，可申报五级、四级：') });
    const r = await zige(['trace', dir]);
    expect(r.code).toBe(1);
    expect(codes(r.stderr)).toEqual(['E_TRACE_UNKNOWN_HEADING', 'E_TRACE_UNKNOWN_HEADING', 'E_TRACE_UNKNOWN_HEADING']);
    expect(r.stderr).toContain('a.yaml#source.text:4:1: error[E_TRACE_UNKNOWN_HEADING]: 无法识别的标题“六级/特级工”');
    expect(r.stderr).toContain('unrecognised heading "五级/中级工"');
    expect(r.stderr).toContain('unrecognised heading "具备以下条件之一者，可申报五级、四级："');
    // the clause under it is in no level: not read as clause 1 of 五级 printed twice
    expect(r.stderr).not.toContain('W_TRACE_DUPLICATE_CLAUSE');
  });
});

describe('every numbering and level heading of the tables', () => {
  it('reads 1. 1． 1、 (1) （1） ① ⑴ (a) under 初级/中级/高级/技师/高级技师, 五级（初级工）, 初级工 and a sentence heading', async () => {
    const cases: [heading: string, numbered: string, level: number][] = [
      ['初级', '1、本职业或相关职业学徒期满。', 5],
      ['中级', '（1）累计从事本职业工作5年以上。', 4],
      ['高级', '①累计从事本职业工作6年以上。', 3],
      ['技师', '⑴累计从事本职业工作7年以上。', 2],
      ['高级技师', '1．累计从事本职业工作8年以上。', 1],
    ];
    const text = cases.map(([h, n]) => `${h}\n${n}`).join('\n');
    const sentences = ['本职业或相关职业学徒期满。', '累计从事本职业工作5年以上。', '累计从事本职业工作6年以上。', '累计从事本职业工作7年以上。', '累计从事本职业工作8年以上。'];
    const whens = ['学徒期满 本职业或相关职业', '从业 本职业 >= 5年', '从业 本职业 >= 6年', '从业 本职业 >= 7年', '从业 本职业 >= 8年'];
    const conditions = cases
      .map(([h, , level], i) => `  - level: ${level}\n    source: ${h}\n    clauses:\n      - id: "1"\n        source: ${sentences[i]}\n        when: ${whens[i]}`)
      .join('\n');
    const rule = (id: string, doc: string, conds: string, levels = '[5, 4, 3, 2, 1]'): string =>
      `id: ${id}\nname: ${id}\nsource:\n  document: 样例\n  section: 一、样例\n  text: ${JSON.stringify(doc)}\nlevels: ${levels}\nconditions:\n${conds}\n`;
    const five = (source: string, id = '1'): string => `  - level: 5\n    source: ${JSON.stringify(source)}\n    clauses:\n      - id: "${id}"\n        source: 本职业或相关职业学徒期满。\n        when: 学徒期满 本职业或相关职业`;
    const dir = rulesDir({
      'words.yaml': rule('words', `一、样例\n${text}\n`, conditions),
      'paren.yaml': rule('paren', '一、样例\n五级（初级工）\n(1) 本职业或相关职业学徒期满。\n', five('五级（初级工）'), '[5]'),
      'title.yaml': rule('title', '一、样例\n初级工\n1.本职业或相关职业学徒期满。\n', five('初级工'), '[5]'),
      'letter.yaml': rule('letter', '一、样例\n——具备以下条件之一者，可申报五级/初级工：\n(a) 本职业或相关职业学徒期满。\n', five('可申报五级/初级工：'), '[5]'),
    });
    const { rows, code, stderr } = await traceJson(dir);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(rows.map((r) => `${r.rules[0].id}@${r.level}/${r.clause}`)).toEqual([
      'letter/5/1@5/1',
      'paren/5/1@5/1',
      'title/5/1@5/1',
      'words/5/1@5/1',
      'words/4/1@4/1',
      'words/3/1@3/1',
      'words/2/1@2/1',
      'words/1/1@1/1',
    ]);
  });
});

describe('citations and the stored copy', () => {
  const cite = (source: string, section = '2024-10-25 version'): string => `id: cite
name: 引用
source:
  document: 天津
  file: sources/tianjin-2024-competition-promotion.txt
  section: ${section}
levels: [2]
conditions:
  - level: 2
    source: 技师
    clauses:
      - id: "1"
        source: ${JSON.stringify(source)}
        when: 从业 本职业 >= 1年
`;
  const checkCodes = (files: Record<string, string>): string[] => check(rulesDir(files)).sink.sorted().map((d) => d.code);

  it('a sentence only in the metadata header, a separator or a [...] note is no policy text', () => {
    expect(checkCodes({ 'a.yaml': cite('天津市人力资源和社会保障局') })).toEqual(['E_SOURCE_METADATA']);
    expect(checkCodes({ 'a.yaml': cite('2024-10-25 version (verbatim as stored)') })).toEqual(['E_SOURCE_METADATA']);
    expect(checkCodes({ 'a.yaml': cite('获得市级一类竞赛前10名的,职工选手可晋升技师职业资格或技能等级') })).toEqual([]);
  });

  it('a sentence of the other dated version is misplaced', async () => {
    const r = await zige(['trace', rulesDir({ 'a.yaml': cite('获得市级一类竞赛前10名的,职工选手可晋升技师职业资格或技能等级') }), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a\.yaml:13:17: error\[E_TRACE_MISPLACED\]: rule clause cite\/2\/1 cites clause 1 of 2021-12-10 version \(verbatim as stored, via reprint\)/);
  });

  it('U+FFFD where a page was cut: a quote across it is refused, the clause is marked and its cut text not warned about', async () => {
    const doc = '一、样例职业\n五级/初级工\n1. 累计从事本职业或相关职业工作1年(含)以上，经本职业\uFFFD\uFFFD正规培训达规定标准学时。\n';
    const rule = (source: string): string => `id: cut
name: 截断
source:
  document: 样例
  section: 一、样例职业
  text: ${JSON.stringify(doc)}
levels: [5]
conditions:
  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: ${JSON.stringify(source)}
        when: 从业 本职业或相关职业 >= 1年
`;
    expect(checkCodes({ 'a.yaml': rule('经本职业\uFFFD\uFFFD正规培训') })).toEqual(['E_SOURCE_CUT']);
    const { rows, code, stderr } = await traceJson(rulesDir({ 'a.yaml': rule('累计从事本职业或相关职业工作1年(含)以上') }));
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(rows).toMatchObject([{ level: 5, clause: 1, cut: true }]);
  });
});
