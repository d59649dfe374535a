import { describe, expect, it } from 'vitest';
import { type Scalar, isScalar } from 'yaml';
import { type Diagnostic, DiagnosticSink, type Position } from '../compiler/diagnostics/diagnostics.js';
import { en, zh } from '../compiler/diagnostics/messages.js';
import { loadProfile, MAX_PROFILE_BYTES } from '../compiler/profile/load-profile.js';
import { getValidators } from '../compiler/profile/validators.js';
import { loadRuleFile, valueRange } from '../compiler/load/load-rule-file.js';
import { charWidth, displayWidth, renderDiagnostic } from '../compiler/diagnostics/render.js';
import {
  findPath,
  mapScalarOffset,
  nodeAtPath,
  parseYaml,
  positionOfOffset,
  rangeOfOffsets,
  scalarSpanRange,
} from '../compiler/load/yaml-positions.js';

// ---------------------------------------------------------------------------------------------
// helpers

const VALID = `# yaml-language-server: $schema=../schema/rule-file.schema.json
id: internet-marketer
name: 互联网营销师
source:
  document: 汇总
  file: sources/x.txt
  section: 一、互联网营销师
workTypes:
  - {name: 直播销售员}
levels: [5, 4]
conditions:
  - level: 4
    source: 四级/中级工
    clauses:
      - id: "1"
        source: 累计从事本职业或相关职业工作 4 年（含）以上。
        when: 从业 本职业或相关职业 >= 4年
tests:
  - name: 四级
    asOf: 2026-11-28
    profile:
      work: [{occupation: 互联网营销师, from: 2019-03-01, relation: 本职业}]
    expect: {4: eligible, 5: eligible}
`;

function ruleDiagnostics(text: string): Diagnostic[] {
  const sink = new DiagnosticSink();
  loadRuleFile('rules/x.yaml', text, sink);
  return sink.sorted();
}

function profileDiagnostics(text: string): Diagnostic[] {
  const sink = new DiagnosticSink();
  const result = loadProfile('p', text, sink);
  if (sink.hasErrors) expect(result).toBeUndefined();
  return sink.sorted();
}

const codes = (ds: Diagnostic[]): string[] => ds.map((d) => d.code);
const start = (d: Diagnostic | undefined): Position | undefined => d?.range?.start;

/** Position of the value index of `needle` (nth occurrence) in the scalar at `path`. */
function scalarPos(text: string, path: (string | number)[], needle: string, nth = 0): Position {
  const { doc, lineCounter, problems } = parseYaml(text);
  expect(problems).toEqual([]);
  const node = nodeAtPath(doc, path);
  if (!isScalar(node)) throw new Error('not a scalar');
  const value = String(node.value);
  let index = -1;
  for (let i = 0; i <= nth; i++) index = value.indexOf(needle, index + 1);
  expect(index).toBeGreaterThanOrEqual(0);
  return positionOfOffset(lineCounter, text, mapScalarOffset(node as Scalar, text, index));
}

// ---------------------------------------------------------------------------------------------

describe('rule files: structure', () => {
  it('loads a valid file', () => {
    const sink = new DiagnosticSink();
    const loaded = loadRuleFile('rules/x.yaml', VALID, sink);
    expect(sink.items).toEqual([]);
    expect(loaded?.data.id).toBe('internet-marketer');
    expect(loaded?.data.tests?.[0].asOf).toBe('2026-11-28'); // YAML 1.2 core: dates stay strings
    expect(loaded?.data.tests?.[0].expect).toEqual({ '4': 'eligible', '5': 'eligible' });
    expect(loaded?.data.levels).toEqual([5, 4]);
  });

  it('reports an unknown key at the key, columns in code points', () => {
    const text = VALID.replace('  - {name: 直播销售员}', '  - {name: 直播销售员, colour: 红}');
    const ds = ruleDiagnostics(text);
    expect(codes(ds)).toEqual(['E_SCHEMA_ADDITIONAL']);
    // "  - {name: 直播销售员, colour" : colour starts at code point 19
    expect(ds[0].range).toEqual({ start: { line: 9, col: 19 }, end: { line: 9, col: 25 } });
    expect(ds[0].args?.path).toBe('/workTypes/0/colour');
    expect(ds[0].args?.property).toBe('colour');
  });

  it('reports an unknown top-level key at the key', () => {
    const ds = ruleDiagnostics(VALID.replace('levels: [5, 4]', 'levels: [5, 4]\nlevel: 4'));
    expect(codes(ds)).toEqual(['E_SCHEMA_ADDITIONAL']);
    expect(ds[0].range).toEqual({ start: { line: 11, col: 1 }, end: { line: 11, col: 6 } });
  });

  it('reports a wrong type at the value', () => {
    const ds = ruleDiagnostics(VALID.replace('- id: "1"', '- id: 1'));
    expect(codes(ds)).toEqual(['E_SCHEMA_TYPE']);
    expect(ds[0].range).toEqual({ start: { line: 15, col: 13 }, end: { line: 15, col: 14 } });
    expect(ds[0].args).toMatchObject({ path: '/conditions/0/clauses/0/id', expected: 'string', actual: 'integer' });
  });

  it('reports a missing required field at the parent map', () => {
    const ds = ruleDiagnostics(VALID.replace(/  section: .*\n/, ''));
    expect(codes(ds)).toEqual(['E_SCHEMA_REQUIRED']);
    expect(start(ds[0])).toEqual({ line: 4, col: 1 }); // the `source:` key
    expect(ds[0].args).toMatchObject({ property: 'section', path: '/source/section' });

    // The source document is a file or inline text: one of them is required.
    const noDocument = ruleDiagnostics(VALID.replace('  file: sources/x.txt\n', ''));
    expect(codes(noDocument)).toEqual(['E_SCHEMA_REQUIRED_ANY']);
    expect(start(noDocument[0])).toEqual({ line: 4, col: 1 });

    const clause = ruleDiagnostics(VALID.replace('        when: 从业 本职业或相关职业 >= 4年\n', ''));
    expect(codes(clause)).toEqual(['E_SCHEMA_REQUIRED']);
    expect(start(clause[0])).toEqual({ line: 15, col: 9 }); // the clause map (`id: "1"`)

    const root = ruleDiagnostics(VALID.replace('name: 互联网营销师\n', ''));
    expect(codes(root)).toEqual(['E_SCHEMA_REQUIRED']);
    expect(start(root[0])).toEqual({ line: 2, col: 1 });
  });

  it('reports bad enum, pattern, impossible date, level range and duplicates', () => {
    const text = VALID.replace('id: internet-marketer', 'id: Internet_Marketer')
      .replace('levels: [5, 4]', 'levels: [5, 4, 4, 6]')
      .replace('asOf: 2026-11-28', 'asOf: 2026-02-30')
      .replace('expect: {4: eligible, 5: eligible}', 'expect: {4: maybe, 6: eligible}');
    const ds = ruleDiagnostics(text);
    expect(codes(ds)).toEqual([
      'E_SCHEMA_PATTERN',
      'E_SCHEMA_UNIQUE',
      'E_SCHEMA_MAXIMUM',
      'E_SCHEMA_FORMAT',
      'E_SCHEMA_ENUM',
      'E_SCHEMA_ADDITIONAL',
    ]);
    expect(start(ds[0])).toEqual({ line: 2, col: 5 });
    expect(start(ds[1])).toEqual({ line: 10, col: 16 }); // the repeated 4
    expect(start(ds[2])).toEqual({ line: 10, col: 19 });
    expect(start(ds[3])).toEqual({ line: 20, col: 11 });
    expect(ds[4].args).toMatchObject({ path: '/tests/0/expect/4', allowed: 'eligible、ineligible、unknown' });
    expect(ds[5].args).toMatchObject({ path: '/tests/0/expect/6' });
  });

  it('reduces anyOf noise to the applicable branch', () => {
    const bad = VALID.replace('relation: 本职业}', 'relation: 本专业}');
    const ds = ruleDiagnostics(bad);
    expect(codes(ds)).toEqual(['E_SCHEMA_ENUM']);
    expect(ds[0].args?.path).toBe('/tests/0/profile/work/0/relation');

    const neither = ruleDiagnostics(VALID.replace('from: 2019-03-01, ', ''));
    expect(codes(neither)).toEqual(['E_SCHEMA_REQUIRED_ANY']);
    expect(neither[0].args?.properties).toBe('from、years');

    // A case without expectations loads (`zige test --update` fills it in); `zige check` warns
    // (W_TEST_NO_EXPECTATION) and `zige test` fails it.
    const noExpect = ruleDiagnostics(VALID.replace('    expect: {4: eligible, 5: eligible}\n', ''));
    expect(codes(noExpect)).toEqual([]);
    expect(codes(ruleDiagnostics(VALID.replace('    expect: {4: eligible, 5: eligible}\n', '    reviewed: maybe\n')))).toEqual(['E_SCHEMA_TYPE']);
  });

  it('checks test profiles: a period ending before it starts', () => {
    const ds = ruleDiagnostics(VALID.replace('from: 2019-03-01,', 'from: 2019-03-01, to: 2018-01-01,'));
    expect(codes(ds)).toEqual(['E_PROFILE_PERIOD']);
    expect(ds[0].args?.path).toBe('/tests/0/profile/work/0/to');
    expect(start(ds[0])).toEqual({ line: 22, col: 57 });
  });

  it('gives the range of a token inside a when: expression', () => {
    const sink = new DiagnosticSink();
    const loaded = loadRuleFile('rules/x.yaml', VALID, sink)!;
    const when = loaded.data.conditions[0].clauses[0].when;
    const i = when.indexOf('>=');
    const r = valueRange(loaded, ['conditions', 0, 'clauses', 0, 'when'], { start: i, end: i + 2 });
    // "        when: 从业 本职业或相关职业 >= 4年": ">=" at code point 27
    expect(r).toEqual({ start: { line: 17, col: 27 }, end: { line: 17, col: 29 } });
    expect(valueRange(loaded, '/conditions/0/clauses/0/when').start).toEqual({ line: 17, col: 15 });
  });
});

describe('rule files: YAML', () => {
  it('positions a syntax error', () => {
    const ds = ruleDiagnostics('id: x\nname: "unterminated\n');
    expect(codes(ds)).toEqual(['E_YAML']);
    expect(ds[0].range?.start.line).toBe(3);
    const indent = ruleDiagnostics('id: x\n  name: y\n');
    expect(indent.length).toBeGreaterThan(0);
    expect(new Set(codes(indent))).toEqual(new Set(['E_YAML']));
    expect(start(indent[0])).toEqual({ line: 1, col: 5 });
  });

  it('refuses duplicate keys and multiple documents', () => {
    const dup = ruleDiagnostics('id: x\nname: 甲\nid: y\n');
    expect(codes(dup)).toEqual(['E_YAML']);
    expect(start(dup[0])).toEqual({ line: 3, col: 1 });
    expect(codes(ruleDiagnostics('id: x\n---\nid: y\n'))).toEqual(['E_YAML']);
  });

  it('refuses an alias bomb', () => {
    let text = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    let prev = 'a';
    for (let i = 0; i < 9; i++) {
      const name = `b${i}`;
      text += `${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]\n`;
      prev = name;
    }
    const ds = ruleDiagnostics(text);
    expect(codes(ds)).toEqual(['E_YAML']);
    expect(start(ds[0])).toEqual({ line: 2, col: 10 }); // the first alias
    expect(String(ds[0].args?.detail)).toMatch(/alias/);
  });

  it('accepts a modest alias', () => {
    const text = VALID.replace('relation: 本职业}]', 'relation: 本职业}]\n      training: &t []\n      apprenticeships: *t');
    expect(ruleDiagnostics(text)).toEqual([]);
  });

  it('refuses custom and non-core tags, accepts core tags', () => {
    const ds = ruleDiagnostics('id: !foo x\nname: !!binary aGk=\nversion: !!set {a}\n');
    expect(codes(ds)).toEqual(['E_YAML', 'E_YAML', 'E_YAML']);
    expect(start(ds[0])).toEqual({ line: 1, col: 10 });
    expect(start(ds[1])).toEqual({ line: 2, col: 16 });
    expect(String(ds[0].args?.detail)).toMatch(/!foo/);
    expect(String(ds[1].args?.detail)).toMatch(/!!binary/);
    expect(codes(ruleDiagnostics('id: !foo x\nname: !foo y\n'))).toEqual(['E_YAML', 'E_YAML']);
    const core = VALID.replace('name: 互联网营销师', 'name: !!str 互联网营销师');
    expect(ruleDiagnostics(core)).toEqual([]);
  });

  it('survives deep nesting', () => {
    const deep = 'id: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
    const ds = ruleDiagnostics(deep);
    expect(ds.length).toBeGreaterThan(0);
    expect(new Set(codes(ds))).toEqual(new Set(['E_YAML']));
  });
});

describe('yaml positions', () => {
  it('counts columns in code points, lines from the LineCounter', () => {
    const text = 'a: 中文😀x\nb: y\r\nc: z\n';
    const { lineCounter } = parseYaml(text);
    expect(positionOfOffset(lineCounter, text, text.indexOf('x'))).toEqual({ line: 1, col: 7 });
    expect(positionOfOffset(lineCounter, text, text.indexOf('y'))).toEqual({ line: 2, col: 4 });
    expect(positionOfOffset(lineCounter, text, text.indexOf('z'))).toEqual({ line: 3, col: 4 });
    expect(rangeOfOffsets(lineCounter, text, 3, 7)).toEqual({ start: { line: 1, col: 4 }, end: { line: 1, col: 7 } });
  });

  it('finds the deepest node along a path', () => {
    const text = 'a:\n  b: [x, {c: 1}]\n';
    const { doc } = parseYaml(text);
    expect(findPath(doc, ['a', 'b', 1, 'c']).complete).toBe(true);
    expect(findPath(doc, '/a/b/1/c').node?.range?.[0]).toBe(text.indexOf('1}'));
    const partial = findPath(doc, ['a', 'b', 5]);
    expect(partial.complete).toBe(false);
    expect(partial.depth).toBe(2);
    expect(partial.node?.range?.[0]).toBe(text.indexOf('['));
  });

  it('maps plain scalars, one line and folded', () => {
    const text = 'a: 取得 五级 后 从业 >= 3年\nb: 从业 本职业或相关职业\n  >= 3年 且 持有 四级\n';
    expect(scalarPos(text, ['a'], '从业')).toEqual({ line: 1, col: 12 });
    expect(scalarPos(text, ['a'], '年')).toEqual({ line: 1, col: 19 });
    expect(scalarPos(text, ['b'], '持有')).toEqual({ line: 3, col: 11 });
    expect(scalarPos(text, ['b'], '>=')).toEqual({ line: 3, col: 3 });
  });

  it("maps single-quoted scalars with '' escapes and folding", () => {
    const text = "c: '他说''好'' 然后 持有 四级'\nd: '第一行\n    第二行 持有'\n";
    expect(scalarPos(text, ['c'], "'")).toEqual({ line: 1, col: 7 });
    expect(scalarPos(text, ['c'], '好')).toEqual({ line: 1, col: 9 });
    expect(scalarPos(text, ['c'], "'", 1)).toEqual({ line: 1, col: 10 });
    expect(scalarPos(text, ['c'], '持')).toEqual({ line: 1, col: 16 });
    expect(scalarPos(text, ['d'], '第一行')).toEqual({ line: 2, col: 5 });
    expect(scalarPos(text, ['d'], '第二行')).toEqual({ line: 3, col: 5 });
    expect(scalarPos(text, ['d'], '持')).toEqual({ line: 3, col: 9 });
  });

  it('maps double-quoted scalars with escapes and line folding', () => {
    const text = 'e: "引号\\"在这\\" \\u4e2d文 持有"\nf: "第一行\n  第二行\\\n  连接 持有"\ng: "\\U0001F600 持有"\n';
    expect(scalarPos(text, ['e'], '"')).toEqual({ line: 1, col: 7 }); // the backslash of \"
    expect(scalarPos(text, ['e'], '在')).toEqual({ line: 1, col: 9 });
    expect(scalarPos(text, ['e'], '中')).toEqual({ line: 1, col: 14 }); // the backslash of \u4e2d
    expect(scalarPos(text, ['e'], '文')).toEqual({ line: 1, col: 20 });
    expect(scalarPos(text, ['e'], '持')).toEqual({ line: 1, col: 22 });
    expect(scalarPos(text, ['f'], ' ')).toEqual({ line: 2, col: 8 }); // folded line break
    expect(scalarPos(text, ['f'], '第二行')).toEqual({ line: 3, col: 3 });
    expect(scalarPos(text, ['f'], '连接')).toEqual({ line: 4, col: 3 }); // after an escaped line break
    expect(scalarPos(text, ['f'], '持有')).toEqual({ line: 4, col: 6 });
    expect(scalarPos(text, ['g'], '持有')).toEqual({ line: 5, col: 16 });
    const { doc, lineCounter } = parseYaml(text);
    const g = nodeAtPath(doc, ['g']) as Scalar;
    expect(positionOfOffset(lineCounter, text, mapScalarOffset(g, text, 1))).toEqual({ line: 5, col: 5 }); // low surrogate
  });

  it('maps literal block scalars', () => {
    const text = 'h: |\n  第一行 x\n    缩进 持有\n  末行\n\nj:\n  - |2\n     缩进 开头\n    持有\n';
    expect(scalarPos(text, ['h'], '第一行')).toEqual({ line: 2, col: 3 });
    expect(scalarPos(text, ['h'], ' ', 1)).toEqual({ line: 3, col: 3 }); // kept extra indentation
    expect(scalarPos(text, ['h'], '缩')).toEqual({ line: 3, col: 5 });
    expect(scalarPos(text, ['h'], '持')).toEqual({ line: 3, col: 8 });
    expect(scalarPos(text, ['h'], '末')).toEqual({ line: 4, col: 3 });
    // explicit indentation indicator inside a sequence
    expect(scalarPos(text, ['j', 0], ' ')).toEqual({ line: 8, col: 5 });
    expect(scalarPos(text, ['j', 0], '开头')).toEqual({ line: 8, col: 9 });
    expect(scalarPos(text, ['j', 0], '持有')).toEqual({ line: 9, col: 5 });
  });

  it('maps folded block scalars', () => {
    const text = 'i: >-\n  折叠 第一\n  第二\n\n  第三 持有\nk: >\n  甲\n    乙 更多缩进\n  丙\n';
    expect(scalarPos(text, ['i'], '第二')).toEqual({ line: 3, col: 3 });
    expect(scalarPos(text, ['i'], '第三')).toEqual({ line: 5, col: 3 });
    expect(scalarPos(text, ['i'], '持')).toEqual({ line: 5, col: 6 });
    expect(scalarPos(text, ['k'], '乙')).toEqual({ line: 8, col: 5 });
    expect(scalarPos(text, ['k'], '丙')).toEqual({ line: 9, col: 3 });
  });

  it('maps CRLF text', () => {
    const text = 'b: 从业\r\n  持有 四级\r\nc: x\r\n';
    expect(scalarPos(text, ['b'], '持有')).toEqual({ line: 2, col: 3 });
  });

  it('gives span ranges and the end of the value', () => {
    const text = 'h: |\n  第一行 x\n    缩进 持有\n';
    const { doc, lineCounter } = parseYaml(text);
    const h = nodeAtPath(doc, ['h']) as Scalar;
    const v = String(h.value);
    const i = v.indexOf('持有');
    expect(scalarSpanRange(lineCounter, text, h, i, i + 2)).toEqual({ start: { line: 3, col: 8 }, end: { line: 3, col: 10 } });
    const q = 'w: "a \\u4e2d b"\n';
    const pq = parseYaml(q);
    const w = nodeAtPath(pq.doc, ['w']) as Scalar;
    // the span of the escaped character covers the whole escape
    expect(scalarSpanRange(pq.lineCounter, q, w, 2, 3)).toEqual({ start: { line: 1, col: 7 }, end: { line: 1, col: 13 } });
    expect(mapScalarOffset(w, q, String(w.value).length)).toBe(q.indexOf('b"') + 1);
  });
});

// ---------------------------------------------------------------------------------------------

describe('profiles', () => {
  const one = (text: string): Diagnostic => {
    const ds = profileDiagnostics(text);
    expect(ds).toHaveLength(1);
    return ds[0];
  };

  it('loads JSON and YAML profiles (dates stay strings)', () => {
    const sink = new DiagnosticSink();
    const yaml = loadProfile(
      'p.yaml',
      'birthDate: 1998-04-02\neducation:\n  - {level: 技工学校, track: 高级工班, major: 电子商务, majorRelation: 相关专业, status: 毕业, date: 2024-07-01}\ncertificates:\n  - {occupation: 互联网营销师, level: 4, kind: 技能等级证书, date: 2022-06-30, relation: 本职业}\n  - {occupation: 互联网营销师, kind: 预备技师证书}\nwork:\n  - {occupation: 互联网营销师, from: 2019-03-01, to: 2022-12-31, relation: {互联网营销师: 本职业}}\n  - {occupation: 电子商务师, years: 2}\ntraining:\n  - {occupation: 互联网营销师, level: 3, date: 2024-05-20, certificate: true, examPassed: true}\napprenticeships:\n  - {occupation: 互联网营销师, completed: 2020-01-01}\n',
      sink,
    );
    expect(sink.items).toEqual([]);
    expect(yaml?.birthDate).toBe('1998-04-02');
    expect(yaml?.work?.[1].years).toBe(2);
    const json = loadProfile('p.json', '  {"work": [{"occupation": "x", "years": 1.5}]}', sink);
    expect(sink.items).toEqual([]);
    expect(json).toEqual({ work: [{ occupation: 'x', years: 1.5 }] });
  });

  it('names an unknown field by its path', () => {
    const d = one('{"work": [{"occupation": "x", "years": 1, "colour": "red"}]}');
    expect(d.code).toBe('E_PROFILE_ADDITIONAL');
    expect(d.path).toBe('/work/0/colour');
    expect(one('{"foo": 1}').path).toBe('/foo');
  });

  it('reports wrong types and bad enums', () => {
    const t = one('{"birthDate": 19980402}');
    expect(t.code).toBe('E_PROFILE_TYPE');
    expect(t.path).toBe('/birthDate');
    const e = one('{"education": [{"level": "大学", "status": "毕业"}]}');
    expect(e.code).toBe('E_PROFILE_ENUM');
    expect(e.path).toBe('/education/0/level');
    const r = one('{"work": [{"occupation": "x", "years": 1, "relation": "本专业"}]}');
    expect([r.code, r.path]).toEqual(['E_PROFILE_ENUM', '/work/0/relation']);
    const m = one('{"work": [{"occupation": "x", "years": 1, "relation": {"互联网营销师": "亲戚"}}]}');
    expect([m.code, m.path]).toEqual(['E_PROFILE_ENUM', '/work/0/relation/互联网营销师']);
    const n = one('{"work": [{"occupation": "x", "years": 1, "relation": 5}]}');
    expect([n.code, n.path]).toEqual(['E_PROFILE_TYPE', '/work/0/relation']);
  });

  it('reports impossible dates, malformed dates and reversed periods', () => {
    const d = one('{"work": [{"occupation": "x", "from": "2023-02-30"}]}');
    expect([d.code, d.path]).toEqual(['E_PROFILE_DATE', '/work/0/from']);
    expect(one('birthDate: 2023-13-01\n').code).toBe('E_PROFILE_DATE');
    expect(one('{"birthDate": "2023-2-3"}').code).toBe('E_PROFILE_PATTERN');
    const p = one('{"work": [{"occupation": "x", "from": "2020-05-01", "to": "2020-04-30"}]}');
    expect([p.code, p.path]).toEqual(['E_PROFILE_PERIOD', '/work/0/to']);
    expect(profileDiagnostics('{"work": [{"occupation": "x", "from": "2020-05-01", "to": "2020-05-01"}]}')).toEqual([]);
  });

  it('checks levels, years and required fields', () => {
    const low = one('{"certificates": [{"occupation": "x", "level": 0, "kind": "技能等级证书"}]}');
    expect([low.code, low.path]).toEqual(['E_PROFILE_MINIMUM', '/certificates/0/level']);
    const high = one('{"training": [{"occupation": "x", "level": 6}]}');
    expect([high.code, high.path]).toEqual(['E_PROFILE_MAXIMUM', '/training/0/level']);
    const frac = one('{"training": [{"occupation": "x", "level": 2.5}]}');
    expect([frac.code, frac.path]).toEqual(['E_PROFILE_TYPE', '/training/0/level']);
    const years = one('{"work": [{"occupation": "x", "years": -1}]}');
    expect([years.code, years.path]).toEqual(['E_PROFILE_MINIMUM', '/work/0/years']);
    const level = one('{"certificates": [{"occupation": "x", "kind": "职业资格证书"}]}');
    expect([level.code, level.path]).toEqual(['E_PROFILE_REQUIRED', '/certificates/0/level']);
    expect(profileDiagnostics('{"certificates": [{"occupation": "x", "kind": "预备技师证书"}]}')).toEqual([]);
    const neither = one('{"work": [{"occupation": "x"}]}');
    expect([neither.code, neither.path]).toEqual(['E_PROFILE_REQUIRED_ANY', '/work/0']);
    const status = one('{"education": [{"level": "本科"}]}');
    expect([status.code, status.path]).toEqual(['E_PROFILE_REQUIRED', '/education/0/status']);
  });

  it('refuses a root that is not an object', () => {
    for (const text of ['[]', '[{"work": []}]', '"a string"', 'just text', '42', '']) {
      const d = one(text);
      expect([d.code, d.path]).toEqual(['E_PROFILE_TYPE', '']);
    }
  });

  it('positions JSON parse errors', () => {
    const d = one('{\n  "work": [\n    {"occupation": "x", "years": 1}\n');
    expect(d.code).toBe('E_PROFILE_PARSE');
    expect(d.range?.start.line).toBe(4);
    const e = one('{"work": [}');
    expect(e.code).toBe('E_PROFILE_PARSE');
    expect(e.range?.start).toEqual({ line: 1, col: 11 });
    const f = one('{"name": "互联网营销师" "x": 1}');
    expect(f.range?.start).toEqual({ line: 1, col: 19 });
    const y = one('work:\n  - {occupation: x, years: 1\n');
    expect(y.code).toBe('E_PROFILE_PARSE');
    expect(y.range).toBeDefined();
  });

  it('does not let __proto__ or constructor keys pollute prototypes', () => {
    for (const text of [
      '{"__proto__": {"polluted": true}}',
      '__proto__: {polluted: true}\n',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '{"work": [{"occupation": "x", "years": 1, "relation": {"__proto__": "本职业"}}]}',
    ]) {
      const ds = profileDiagnostics(text);
      expect(codes(ds)).toContain('E_PROFILE_RESERVED_KEY');
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }
    expect(profileDiagnostics('{"__proto__": {"polluted": true}}')[0].path).toBe('/__proto__');
  });

  it('refuses 20,000-deep nesting without overflowing the stack', () => {
    const json = '{"work": ' + '['.repeat(20000) + ']'.repeat(20000) + '}';
    expect(codes(profileDiagnostics(json))).toEqual(['E_PROFILE_PARSE']);
    const objects = '{"a":'.repeat(20000) + '1' + '}'.repeat(20000);
    expect(codes(profileDiagnostics(objects))).toEqual(['E_PROFILE_PARSE']);
    const yaml = 'work: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n';
    const ds = profileDiagnostics(yaml);
    expect(ds.length).toBeGreaterThan(0);
    expect(new Set(codes(ds))).toEqual(new Set(['E_PROFILE_PARSE']));
  });

  it('refuses files over 5 MB', () => {
    const big = '{"work": [' + Array(200000).fill('{"occupation": "互联网营销师", "years": 1}').join(',') + ']}';
    expect(Buffer.byteLength(big)).toBeGreaterThan(MAX_PROFILE_BYTES);
    const d = one(big);
    expect([d.code, d.path]).toEqual(['E_PROFILE_TOO_LARGE', '']);
  });
});

// ---------------------------------------------------------------------------------------------

describe('rendering', () => {
  it('measures display width', () => {
    expect(displayWidth('abc')).toBe(3);
    expect(displayWidth('中文')).toBe(4);
    expect(displayWidth('（）')).toBe(4);
    expect(displayWidth('ＡＢ')).toBe(4);
    expect(displayWidth('a\tb')).toBe(3);
    expect(displayWidth('é')).toBe(1); // e + combining acute
    expect(charWidth('😀'.codePointAt(0)!)).toBe(2);
    expect(charWidth('≥'.codePointAt(0)!)).toBe(1);
  });

  it('aligns the caret under Chinese text', () => {
    const source = 'conditions:\n  when: 取得 五级 后 从业 >= 3年\n';
    const d: Diagnostic = {
      code: 'E_SYNTAX',
      severity: 'error',
      file: 'rules/x.yaml',
      range: { start: { line: 2, col: 17 }, end: { line: 2, col: 19 } }, // 从业
      args: { detail: 'x' },
    };
    const out = renderDiagnostic(d, { lang: 'zh', source, color: false }).split('\n');
    expect(out[0].startsWith('rules/x.yaml:2:17: error[E_SYNTAX]: ')).toBe(true);
    expect(out[1]).toBe('2 |   when: 取得 五级 后 从业 >= 3年');
    // "  when: 取得 五级 后 " is 21 columns wide; 从业 is 4
    expect(out[2]).toBe('  | ' + ' '.repeat(21) + '^~~~');
    const caretAt = out[2].indexOf('^') - 4;
    const line = out[1].slice(4);
    expect(displayWidth([...line].slice(0, 16).join(''))).toBe(caretAt);
  });

  it('prints both languages, profile paths, and colour only on request', () => {
    const d: Diagnostic = { code: 'E_PROFILE_ADDITIONAL', severity: 'error', file: 'p.json', path: '/work/0/colour', args: { property: 'colour', allowed: 'occupation' } };
    const out = renderDiagnostic(d, { lang: 'both', color: false }).split('\n');
    expect(out[0]).toMatch(/^p\.json: error\[E_PROFILE_ADDITIONAL\] at \/work\/0\/colour: /);
    expect(out[1]).toMatch(/^ {2,}unknown field "colour"/);
    expect(renderDiagnostic(d, { lang: 'en', color: false })).not.toMatch(/\x1b/);
    expect(renderDiagnostic(d, { lang: 'en', color: true })).toMatch(/\x1b\[/);
    const root = renderDiagnostic({ ...d, path: '' }, { lang: 'en', color: false });
    expect(root).toMatch(/at \(root\):/);
  });

  it('renders real loader diagnostics with a frame', () => {
    const text = VALID.replace('relation: 本职业}', 'relation: 本专业}');
    const [d] = ruleDiagnostics(text);
    const out = renderDiagnostic(d, { lang: 'zh', source: text, color: false }).split('\n');
    const frameLine = out[1].replace(/^\d+ \| /, '');
    const caret = out[2].replace(/^ +\| /, '');
    const col = caret.indexOf('^');
    expect(displayWidth([...frameLine].slice(0, d.range!.start.col - 1).join(''))).toBe(col);
    expect(caret.trim()).toBe('^~~~~~'); // 本专业 is 6 columns
  });
});

// ---------------------------------------------------------------------------------------------

describe('messages and schemas', () => {
  it('has every code in both languages', () => {
    expect(Object.keys(zh).filter((k) => !(k in en))).toEqual([]);
    expect(Object.keys(en).filter((k) => !(k in zh))).toEqual([]);
  });

  it('compiles the result schema', () => {
    const v = getValidators().result;
    const ok = {
      asOf: '2026-11-28',
      rulesVersion: '0f6823f94f959fdf',
      warnings: [{ code: 'W_UNRELATED', path: '/work/0', occupation: 'internet-marketer', message: '…' }],
      results: [
        {
          occupation: '互联网营销师',
          id: 'internet-marketer',
          level: 4,
          workTypes: ['直播销售员'],
          status: 'eligible',
          education: 'met',
          clauses: [{ id: 'internet-marketer/4/1', text: '…', status: 'met' }],
          version: '2023-09',
          matched: ['internet-marketer/4/1'],
          missing: [],
          earliest: '2026-11-28',
          latest: null,
          ask: [],
          evidence: [{ zh: '毕业证书', en: 'diploma' }],
          verify: [],
          later: 'fields may be added',
        },
      ],
    };
    expect(v(ok)).toBe(true);
    expect(v({ ...ok, results: [{ ...ok.results[0], status: 'maybe' }] })).toBe(false);
    expect(v({ asOf: '2026-11-28', results: [{ id: 'x' }] })).toBe(false);
    // the profile's warnings are one list beside the results (since 0.2.0)
    expect(v({ asOf: ok.asOf, rulesVersion: ok.rulesVersion, results: ok.results })).toBe(false);
    expect(v({ ...ok, warnings: [{ code: 'W_UNRELATED' }] })).toBe(false);
    // the rules version that judged (since 0.2.0): required, 16 hex digits
    const { rulesVersion: _version, ...unversioned } = ok;
    expect(v(unversioned)).toBe(false);
    expect(v({ ...ok, rulesVersion: 'v1' })).toBe(false);
  });
});
