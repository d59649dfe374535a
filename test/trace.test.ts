// `zige trace`: the source document split into sections, levels and numbered clauses, each
// matched to the rule clauses citing it. Unencoded, twice-encoded, misplaced and invented clauses
// are errors; notEncoded suppresses with its reason; uncited parts of a clause are warnings.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceSources, type TraceResult } from '../compiler/trace.js';
import { check, ROOT, RULES, rulesDir } from './helpers.js';
import { zige } from './in-process.js';

const SOURCE = 'sources/guizhou-2023-09-registration-conditions.txt';
const DOC = readFileSync(join(RULES, SOURCE), 'utf8');

/** Line (1-based) of the first line of the document starting with `prefix`, after `after`. */
function docLine(prefix: string, after = 0): number {
  const lines = DOC.split('\n');
  const i = lines.findIndex((l, n) => n >= after && l.startsWith(prefix));
  expect(i, prefix).toBeGreaterThanOrEqual(0);
  return i + 1;
}

/** Checks and traces a rules directory in process. */
function traceDir(dir: string): TraceResult {
  const { rules, sink } = check(dir);
  expect(sink.items.filter((d) => d.severity === 'error')).toEqual([]);
  const sources = new Map<string, string>();
  for (const o of rules!.occupations) if (o.source) sources.set(o.source.file, o.source.text ?? readFileSync(join(dir, o.source.file), 'utf8'));
  return traceSources({ sources, occupations: rules!.occupations });
}

/** The bundled rule files of the Guizhou summary (the document these tests read; other documents have their own tests). */
const bundledFiles = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(RULES)
      .filter((f) => f.endsWith('.yaml') && f !== 'vocabulary.yaml')
      .map((f) => [f, readFileSync(join(RULES, f), 'utf8')])
      .filter(([, text]) => text.includes(SOURCE)),
  );

/** The bundled rule files with some replaced; `noTests` strips the test cases of a file. */
function bundledWith(changes: Record<string, (text: string) => string>, options: { noTests?: string[]; only?: string[] } = {}): string {
  const files = bundledFiles();
  const out: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) {
    if (options.only && !options.only.includes(name)) continue;
    let t = changes[name] ? changes[name](text) : text;
    if (options.noTests?.includes(name)) t = t.slice(0, t.indexOf('\ntests:') + 1);
    out[name] = t;
  }
  return rulesDir(out);
}

function replaceOnce(text: string, from: string, to: string): string {
  expect(text.split(from).length - 1, from).toBe(1);
  return text.replace(from, to);
}

/** Tests that run the built CLI (a child process each) get more time than the default 5 s. */
const CLI_TIMEOUT = 60_000;

const codes = (r: TraceResult): string[] => r.diagnostics.map((d) => d.code);

// Counted by reading the document: numbered clauses per section and level.
const EXPECTED: Record<string, Record<number, number>> = {
  '一、互联网营销师': { 5: 3, 4: 4, 3: 4, 2: 3, 1: 2 },
  '二、企业人力资源管理师': { 4: 3, 3: 5, 2: 5, 1: 1 },
  '三、企业人力资源管理师(劳务派遣管理员)': { 4: 2, 3: 3 },
  '四、劳动关系协调员': { 4: 3, 3: 5, 2: 5, 1: 1 },
  '五、职业培训师': { 3: 3 },
  '六、科技咨询师': { 3: 3 },
  '七、网络与信息安全管理员': { 4: 3, 3: 3 },
  '八、人工智能训练师': { 5: 2, 4: 3, 3: 3 },
};

const IM_4_2 = `      - id: "2"
        source: 累计从事本职业或相关职业工作 4 年（含）以上。
        when: 从业 本职业或相关职业 >= 4年
`;

/** Rows of the Guizhou summary alone (the other bundled sources have tests of their own). */
const GUIZHOU = 'guizhou-2023-09-registration-conditions.txt';
const guizhouRows = (rows: TraceResult['rows']): TraceResult['rows'] => rows.filter((r) => r.sourceFile.endsWith(GUIZHOU));

describe('the bundled rules', () => {
  const { rules } = check(RULES);
  const whole = traceDir(RULES);
  const result = { ...whole, rows: guizhouRows(whole.rows) };

  it('trace clean', async () => {
    expect(whole.diagnostics).toEqual([]);
  });

  it('list every numbered clause of the source exactly once', async () => {
    const counts: Record<string, Record<number, number>> = {};
    // the Guizhou summary's rows (the Tianjin rules' own document: test/outcomes.test.ts)
    const guizhou = result.rows.filter((r) => Object.hasOwn(EXPECTED, r.section));
    for (const r of guizhou) {
      counts[r.section] ??= {};
      counts[r.section][r.level ?? 0] = (counts[r.section][r.level ?? 0] ?? 0) + 1;
    }
    expect(counts).toEqual(EXPECTED);
    expect(Object.keys(counts)).toEqual(Object.keys(EXPECTED)); // document order; the table of contents is no section
    const keys = guizhou.map((r) => `${r.section}|${r.level}|${r.clause}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(guizhou.length).toBe(69);
    // clause numbers run 1..n within each level
    for (const [section, levels] of Object.entries(EXPECTED)) {
      for (const [level, n] of Object.entries(levels)) {
        const numbers = result.rows.filter((r) => r.section === section && r.level === Number(level)).map((r) => r.clause);
        expect(numbers).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      }
    }
  });

  it('match every rule clause to exactly one source clause of its own section and level', async () => {
    const all = rules!.occupations.filter((o) => o.source?.file.endsWith(GUIZHOU)).flatMap((o) => o.clauses.map((c) => c.id)).sort();
    const traced = result.rows.flatMap((r) => r.rules.map((x) => x.id)).sort();
    expect(traced).toEqual(all);
    for (const r of result.rows) {
      expect(r.rules.length, `${r.section} ${r.level} ${r.clause}`).toBeGreaterThan(0);
      const owners = new Set(r.rules.map((x) => x.id.split('/').slice(0, 2).join('/')));
      expect(owners.size).toBe(1);
      for (const x of r.rules) expect(Number(x.id.split('/')[1])).toBe(r.level);
    }
  });

  it('read split alternatives, repeated page headers and mis-numbered sections as printed', async () => {
    const row = (section: string, level: number, clause: number) => result.rows.find((r) => r.section === section && r.level === level && r.clause === clause)!;
    expect(row('一、互联网营销师', 4, 4).rules.map((x) => x.id)).toEqual(['internet-marketer/4/4a', 'internet-marketer/4/4b']);
    expect(row('一、互联网营销师', 4, 4).rules[0]).toEqual({ id: 'internet-marketer/4/4a', file: 'internet-marketer.yaml', line: 60 });
    expect(row('一、互联网营销师', 4, 4).text).toContain('；或取得经评估论证');
    expect(row('一、互联网营销师', 4, 4).sourceLine).toBe(docLine('4. 取得技工学校'));
    // 三级 of 网络与信息安全管理员 is printed under "六、", 三级 of 人工智能训练师 under "七、"
    expect(row('七、网络与信息安全管理员', 3, 1).sourceLine).toBe(docLine('1. 取得本职业或相关职业四级', docLine('六、网络与信息安全管理员')));
    expect(row('八、人工智能训练师', 3, 3).rules.map((x) => x.id)).toEqual(['ai-trainer/3/3a', 'ai-trainer/3/3b']);
    expect(row('一、互联网营销师', 1, 2).text).toBe('取得本职业或相关职业二级/技师职业资格证书(技能等级证书)后, 累计从事本职业或相关职业工作4年(含)以。');
  });
});

describe('traceSources on a document alone', () => {
  it('joins wrapped clause lines and stops at blank lines, headings and page headers', async () => {
    const doc = [
      '目录',
      '一、甲职业.....\t01',
      '',
      '一、甲职业',
      '',
      '四级/中级工',
      '',
      '1. 第一行',
      '   接着第二行。',
      '2. 只有一行；或另一种情形。',
      '',
      '不属于任何条款的说明',
      '一、甲职业',
      '学历要求：高中毕业',
      '(一) 工种：——',
      '三级/高级工',
      '1. 三级的第一条。',
      '(二) 级别：四级、三级。',
      '二、乙职业',
      '四级/中级工',
      '1. 乙的条款。',
    ].join('\n');
    const r = traceSources({ sources: { 'd.txt': doc }, occupations: [] });
    expect(r.rows.map((x) => [x.section, x.levelHeading, x.clause, x.text, x.sourceLine])).toEqual([
      ['一、甲职业', '四级/中级工', 1, '第一行\n   接着第二行。', 8],
      ['一、甲职业', '四级/中级工', 2, '只有一行；或另一种情形。', 10],
      ['一、甲职业', '三级/高级工', 1, '三级的第一条。', 17],
      ['二、乙职业', '四级/中级工', 1, '乙的条款。', 21],
    ]);
    // nothing encodes them: one positioned error each, at the clause number
    expect(r.diagnostics.map((d) => [d.code, d.file, d.range?.start.line, d.range?.start.col])).toEqual([
      ['E_TRACE_UNENCODED', 'd.txt', 8, 1],
      ['E_TRACE_UNENCODED', 'd.txt', 10, 1],
      ['E_TRACE_UNENCODED', 'd.txt', 17, 1],
      ['E_TRACE_UNENCODED', 'd.txt', 21, 1],
    ]);
  });
});

describe('errors and warnings', () => {
  it('reports a source clause no rule clause encodes, at its line in the source', async () => {
    const dir = bundledWith({ 'internet-marketer.yaml': (t) => replaceOnce(t, IM_4_2, '') }, { noTests: ['internet-marketer.yaml'] });
    const r = traceDir(dir);
    expect(codes(r)).toEqual(['E_TRACE_UNENCODED']);
    const [d] = r.diagnostics;
    expect(d.file).toBe(SOURCE);
    expect(d.range?.start).toEqual({ line: docLine('2. 累计从事本职业或相关职业工作 4 年'), col: 1 });
    expect(d.args).toMatchObject({ section: '一、互联网营销师', level: '四级/中级工', clause: 2 });
    expect(r.rows.find((x) => x.section === '一、互联网营销师' && x.level === 4 && x.clause === 2)!.rules).toEqual([]);
    expect(guizhouRows(r.rows).length).toBe(69);
  });

  it('reports a clause whose source is a sentence of another section: encoded twice, and the own clause unencoded', async () => {
    const dir = bundledWith({
      'internet-marketer.yaml': (t) =>
        replaceOnce(t, 'source: 累计从事本职业或相关职业工作2年(含)以上，经本职业四级/中级工正规培训达规定标准学时，并取得结业证书。', 'source: 具有大学本科及以上学历。'),
    });
    const r = traceDir(dir);
    expect(codes(r).sort()).toEqual(['E_TRACE_TWICE', 'E_TRACE_UNENCODED']);
    const twice = r.diagnostics.find((d) => d.code === 'E_TRACE_TWICE')!;
    expect(twice.file).toBe('internet-marketer.yaml');
    expect(twice.range?.start.line).toBe(58); // the clause's source line
    expect(twice.args).toMatchObject({ id: 'internet-marketer/4/3', section: '六、科技咨询师', level: '三级/高级工', clause: 3 });
    expect(String(twice.args?.others)).toContain('tech-consultant/3/3');
    const unencoded = r.diagnostics.find((d) => d.code === 'E_TRACE_UNENCODED')!;
    expect(unencoded.range?.start.line).toBe(docLine('3. 累计从事本职业或相关职业工作2年(含)以上，经本职业四级'));
    const row = r.rows.find((x) => x.section === '六、科技咨询师' && x.clause === 3)!;
    expect(row.rules.map((x) => x.id)).toEqual(['internet-marketer/4/3', 'tech-consultant/3/3']);
  });

  it('reports a clause citing another section that nothing else encodes as misplaced', async () => {
    const dir = bundledWith(
      { 'internet-marketer.yaml': (t) => replaceOnce(t, 'source: 累计从事本职业或相关职业工作2年(含)以上，经本职业四级/中级工正规培训达规定标准学时，并取得结业证书。', 'source: 具有大学本科及以上学历。') },
      { only: ['internet-marketer.yaml'] },
    );
    const r = traceDir(dir);
    const own = r.diagnostics.filter((d) => d.file === 'internet-marketer.yaml');
    expect(own.map((d) => d.code)).toEqual(['E_TRACE_MISPLACED']);
    expect(own[0].args).toMatchObject({ id: 'internet-marketer/4/3', section: '六、科技咨询师', ownSection: '一、互联网营销师', ownLevel: '四级/中级工' });
    // the other sections have no rule file here: every one of their clauses is unencoded
    expect(r.diagnostics.filter((d) => d.code === 'E_TRACE_UNENCODED').length).toBe(69 - 16 + 1 - 1);
  });

  it('reports a source sentence that is no numbered clause as invented', async () => {
    const dir = bundledWith(
      { 'internet-marketer.yaml': (t) => replaceOnce(t, 'source: 本职业或相关职业学徒期满。\n        when: 学徒期满', 'source: 学历要求：初中毕业(或相当文化程度)\n        when: 学徒期满') },
      { only: ['internet-marketer.yaml'] },
    );
    const r = traceDir(dir);
    const own = r.diagnostics.filter((d) => d.file === 'internet-marketer.yaml');
    expect(own.map((d) => [d.code, d.range?.start.line])).toEqual([['E_TRACE_INVENTED', 46]]);
    expect(r.diagnostics.filter((d) => d.code === 'E_TRACE_UNENCODED').map((d) => d.args?.section)).toContain('一、互联网营销师');
  });

  it('reports a section heading the document does not have, and still traces by name', async () => {
    const dir = bundledWith({ 'internet-marketer.yaml': (t) => replaceOnce(t, 'section: 一、互联网营销师', 'section: 一、互联网营销') });
    const r = traceDir(dir);
    expect(codes(r)).toEqual(['E_TRACE_SECTION']);
    expect(r.diagnostics[0].range?.start.line).toBe(11);
  });

  it('accepts the mis-numbered heading of a repeated page as the same section', async () => {
    const dir = bundledWith({ 'ai-trainer.yaml': (t) => replaceOnce(t, 'section: 八、人工智能训练师', 'section: 七、人工智能训练师') });
    expect(traceDir(dir).diagnostics).toEqual([]);
  });

  it('warns when split alternatives leave part of the source clause uncited', async () => {
    const dir = bundledWith({
      'internet-marketer.yaml': (t) =>
        replaceOnce(
          t,
          'source: 取得经评估论证、以中级技能为培养目标的中等及以上职业学校本专业或相关专业毕业证书（含尚未取得毕业证书的在校应届毕业生）。',
          'source: 以中级技能为培养目标的中等及以上职业学校本专业或相关专业毕业证书（含尚未取得毕业证书的在校应届毕业生）。',
        ),
    });
    const r = traceDir(dir);
    expect(r.diagnostics.map((d) => [d.code, d.severity, d.file, d.range?.start.line])).toEqual([
      ['W_TRACE_UNCITED', 'warning', SOURCE, docLine('4. 取得技工学校本专业')],
    ]);
    // "；或" between the alternatives is a separator, not uncited text
    expect(r.diagnostics[0].args?.text).toBe('取得经评估论证');
  });

  it('warns when a rule clause id and the source clause number differ', async () => {
    const dir = bundledWith({ 'internet-marketer.yaml': (t) => replaceOnce(t, '      - id: "3"\n        source: 本职业或相关职业学徒期满。', '      - id: "4"\n        source: 本职业或相关职业学徒期满。') }, { noTests: ['internet-marketer.yaml'] });
    const r = traceDir(dir);
    expect(r.diagnostics.map((d) => [d.code, d.args?.id, d.args?.clause])).toEqual([['W_TRACE_NUMBER', 'internet-marketer/5/4', 3]]);
  });
});

describe('notEncoded', () => {
  const notEncoded = (clause: number) => `notEncoded:
  - section: 一、互联网营销师
    level: 4
    clause: ${clause}
    reason: 测试用：有意不编码
conditions:
`;

  it('suppresses the unencoded error and carries its reason', async () => {
    const dir = bundledWith(
      { 'internet-marketer.yaml': (t) => replaceOnce(replaceOnce(t, IM_4_2, ''), '\nconditions:\n', `\n${notEncoded(2)}`) },
      { noTests: ['internet-marketer.yaml'] },
    );
    const r = traceDir(dir);
    expect(r.diagnostics).toEqual([]);
    const row = r.rows.find((x) => x.section === '一、互联网营销师' && x.level === 4 && x.clause === 2)!;
    expect(row.rules).toEqual([]);
    expect(row.notEncoded).toMatchObject({ reason: '测试用：有意不编码', file: 'internet-marketer.yaml' });

    const c = await zige(['trace', dir]);
    expect(c.code).toBe(0);
    expect(c.stdout).toMatch(/一、互联网营销师 +四级\/中级工 +2 +累计从事.*不编码: 测试用：有意不编码 +\S*internet-marketer\.yaml:\d+/);
    expect(c.stdout).toContain('1 条有意不编码');
    const json = JSON.parse((await zige(['trace', dir, '--json'])).stdout) as { notEncoded?: { reason: string; file: string } }[];
    expect(json.filter((x) => x.notEncoded && x.notEncoded.file === 'internet-marketer.yaml').map((x) => x.notEncoded!.reason)).toEqual(['测试用：有意不编码']);
  }, CLI_TIMEOUT);

  it('is an error when it names a clause that does not exist or is encoded after all', async () => {
    const missing = traceDir(bundledWith({ 'internet-marketer.yaml': (t) => replaceOnce(t, '\nconditions:\n', `\n${notEncoded(9)}`) }));
    expect(codes(missing)).toEqual(['E_TRACE_NOT_ENCODED_UNKNOWN']);
    expect(missing.diagnostics[0].file).toBe('internet-marketer.yaml');
    const encoded = traceDir(bundledWith({ 'internet-marketer.yaml': (t) => replaceOnce(t, '\nconditions:\n', `\n${notEncoded(2)}`) }));
    expect(codes(encoded)).toEqual(['E_TRACE_NOT_ENCODED_ENCODED']);
    expect(String(encoded.diagnostics[0].args?.ids)).toContain('internet-marketer/4/2');
  });

  it('is checked by the rule-file schema', async () => {
    const dir = bundledWith({ 'internet-marketer.yaml': (t) => replaceOnce(t, '\nconditions:\n', '\nnotEncoded:\n  - section: 一、互联网营销师\n    level: 4\n    clause: 2\nconditions:\n') });
    const { sink } = check(dir);
    expect(sink.items.map((d) => [d.code, d.args?.property])).toEqual([['E_SCHEMA_REQUIRED', 'reason']]);
  });
});

describe('zige trace (CLI)', () => {
  it('prints every numbered clause once and exits 0 on the bundled rules', async () => {
    const r = await zige(['trace', 'rules']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    // the Guizhou sections (the 2022-09 notice's list of occupations is 一、认定职业及等级)
    const clauseLines = lines.filter((l) => /^[一二三四五六七八]、/.test(l) && !l.startsWith('一、认定职业及等级'));
    expect(clauseLines.length).toBe(69);
    expect(lines[1]).toMatch(/^一、互联网营销师 +五级\/初级工 +1 +累计从事本职业或相关职业1年\(含\)以上。 +internet-marketer\/5\/1 +rules\/internet-marketer\.yaml:39$/);
    // a split clause: the second alternative on its own line under the first
    const i = lines.findIndex((l) => l.includes('internet-marketer/4/4a'));
    expect(lines[i + 1]).toMatch(/^ +internet-marketer\/4\/4b +rules\/internet-marketer\.yaml:63$/);
    // the Guizhou summary's 69, the Tianjin text's 10, the Chaoyang text's 6 and the 2022-09 notice's 17
    expect(r.stdout.trimEnd().split('\n').at(-1)).toContain('102 source clauses: 92 encoded, 10 not encoded on purpose, 0 missing');
  }, CLI_TIMEOUT);

  it('writes JSON rows with --json', async () => {
    const r = await zige(['trace', 'rules', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { section: string; level: number; clause: number; text: string; sourceFile: string; rules: { id: string; file: string; line: number }[] }[];
    expect(rows.filter((x) => x.sourceFile.endsWith(GUIZHOU)).length).toBe(69);
    expect(rows[0]).toMatchObject({
      section: '一、互联网营销师',
      level: 5,
      clause: 1,
      text: '累计从事本职业或相关职业1年(含)以上。',
      rules: [{ id: 'internet-marketer/5/1', file: 'internet-marketer.yaml', line: 39 }],
    });
  }, CLI_TIMEOUT);

  it('exits 1 with positioned errors, 1 on invalid rules, 2 on bad usage', async () => {
    const dir = bundledWith({ 'internet-marketer.yaml': (t) => replaceOnce(t, IM_4_2, '') }, { noTests: ['internet-marketer.yaml'] });
    const r = await zige(['trace', dir]);
    expect(r.code).toBe(1);
    const source = relative(ROOT, join(dir, SOURCE));
    expect(r.stderr).toContain(`${source}:${docLine('2. 累计从事本职业或相关职业工作 4 年')}:1: error[E_TRACE_UNENCODED]`);
    expect(r.stderr).toContain('encoded by no rule clause');
    expect(r.stdout).toMatch(/一、互联网营销师 +四级\/中级工 +2 +.*✗ 未编码/);

    const broken = bundledWith({ 'internet-marketer.yaml': (t) => replaceOnce(t, IM_4_2, '') }); // its tests name 4/2
    const b = await zige(['trace', broken]);
    expect(b.code).toBe(1);
    expect(b.stderr).toContain('E_TEST_CLAUSE');
    expect(b.stdout).toBe('');

    expect((await zige(['trace', 'rules', 'rules'])).code).toBe(2);
  }, CLI_TIMEOUT);
});
