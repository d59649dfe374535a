// `zige fmt`: canonical expressions through the one printer, every other byte of the file kept;
// lossless conversion between Chinese and English keywords and names.
import { cpSync, lstatSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listRuleFiles } from '../compiler/check-rules.js';
import { stripRanges } from '../compiler/expression-lang.js';
import { formatRuleText } from '../compiler/format.js';
import { parseVocabulary } from '../compiler/load/vocabulary.js';
import { lexer } from '../grammar/tokens.js';
import { check, ROOT, RULES, ruleFile, rulesDir } from './helpers.js';
import { zige } from './in-process.js';

const vocabulary = parseVocabulary(readFileSync(join(RULES, 'vocabulary.yaml'), 'utf8'));
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** The `when:` lines of a file. */
const whens = (text: string): string[] => text.split('\n').filter((l) => /\bwhen:/.test(l));

/** Every line except those holding an expression. */
const rest = (text: string): string[] => text.split('\n').filter((l) => !/\bwhen:/.test(l));

/** A rules directory holding copies of the bundled rule files (and the fixture's). */
function copyOfBundled(): { dir: string; files: string[] } {
  const dir = rulesDir({});
  const files = listRuleFiles(RULES);
  for (const f of files) cpSync(join(RULES, f), join(dir, f));
  return { dir, files };
}

/** The meaning of every clause of a checked directory: condition trees without offsets. */
function meaning(dir: string): unknown {
  const { rules, sink } = check(dir);
  expect(sink.sorted().filter((d) => d.severity === 'error')).toEqual([]);
  return rules!.occupations.map((o) => ({
    id: o.id,
    education: o.education ? stripRanges(o.education.cond) : null,
    clauses: o.clauses.map((c) => [c.id, stripRanges(c.cond)]),
  }));
}

const MESSY = `# yaml-language-server: $schema=../schema/rule-file.schema.json
# A file written by hand: spacing, full-width parentheses, 并且, quoted and block scalars.
id: sample   # the id
name: 样例职业
source:
  document: 样例
  file: sources/guizhou-2023-09-registration-conditions.txt
  section: 一、互联网营销师
education: {source: 学历要求：初中毕业(或相当文化程度), when: 学历  初中及以上}
levels: [5, 4, 3]
conditions:
  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 累计从事本职业或相关职业1年(含)以上。
        when:   从业 本职业或相关职业>=1 年    # one year
      - id: "2"
        source: 经本职业或相关职业五级/初级工正规培训达规定标准学时，并取得结业证书。
        when: "培训  本职业或相关职业  五级   结业"
      - id: "3"
        source: 本职业或相关职业学徒期满。
        when: '（学徒期满 本职业或相关职业）'
  - level: 4
    source: 四级/中级工
    clauses:
      - id: "1"
        source: 取得本职业或相关职业五级/初级工职业资格证书（技能等级证书）后，累计从事本职业或相关职业工作 3 年（含）以上。
        when: >-
          取得 本职业或相关职业 五级/初级工 后
          累计 从业 本职业或相关职业 ≥ 3年
      - {id: "2", source: 累计从事本职业或相关职业工作 4 年（含）以上。, when: 从业 本职业或相关职业 >= 4年 并且 (非 持有 本职业 四级)}
`;

const CANONICAL = `# yaml-language-server: $schema=../schema/rule-file.schema.json
# A file written by hand: spacing, full-width parentheses, 并且, quoted and block scalars.
id: sample   # the id
name: 样例职业
source:
  document: 样例
  file: sources/guizhou-2023-09-registration-conditions.txt
  section: 一、互联网营销师
education: {source: 学历要求：初中毕业(或相当文化程度), when: 学历 初中 及以上}
levels: [5, 4, 3]
conditions:
  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 累计从事本职业或相关职业1年(含)以上。
        when:   从业 本职业或相关职业 >= 1年    # one year
      - id: "2"
        source: 经本职业或相关职业五级/初级工正规培训达规定标准学时，并取得结业证书。
        when: "培训 本职业或相关职业 五级 结业"
      - id: "3"
        source: 本职业或相关职业学徒期满。
        when: '学徒期满 本职业或相关职业'
  - level: 4
    source: 四级/中级工
    clauses:
      - id: "1"
        source: 取得本职业或相关职业五级/初级工职业资格证书（技能等级证书）后，累计从事本职业或相关职业工作 3 年（含）以上。
        when: >-
          取得 本职业或相关职业 五级/初级工 后 累计从业 本职业或相关职业 >= 3年
      - {id: "2", source: 累计从事本职业或相关职业工作 4 年（含）以上。, when: 从业 本职业或相关职业 >= 4年 且 非 持有 本职业 四级}
`;

describe('zige fmt', { timeout: 60_000 }, () => {
  it('finds the bundled rules canonical: zige fmt --check rules', async () => {
    const r = await zige(['fmt', '--check', 'rules']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`✓ ${listRuleFiles(RULES).length} 个文件格式规范`);
  });

  it('reformats a hand-written file, changing only the expressions, in their own scalar style', async () => {
    const dir = rulesDir({ 'sample.yaml': MESSY });
    const file = join(dir, 'sample.yaml');
    const shown = relative(ROOT, file);

    const checked = await zige(['fmt', '--check', dir]);
    expect(checked.code).toBe(1);
    expect(checked.stdout.split('\n')).toContain(shown);
    expect(checked.stderr).toContain('1 file(s) not formatted');
    expect(readFileSync(file, 'utf8')).toBe(MESSY); // --check writes nothing

    const before = meaning(dir);
    const r = await zige(['fmt', dir]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`formatted: ${shown}`);
    const after = readFileSync(file, 'utf8');
    expect(after).toBe(CANONICAL);
    // every line that holds no expression is intact (the block scalar's two lines became one)
    const block = (l: string) => l.startsWith('          ');
    expect(rest(after).filter((l) => !block(l))).toEqual(rest(MESSY).filter((l) => !block(l)));
    expect(meaning(dir)).toEqual(before);
    // atomically: no temporary file left beside it
    expect(readdirSync(dir).filter((f) => f.includes('.tmp'))).toEqual([]);

    expect((await zige(['fmt', '--check', dir])).code).toBe(0);
    expect((await zige(['fmt', dir])).stdout).not.toContain('formatted: ');
  }, 60_000);

  it('writes through a symbolic link: the file it points to is reformatted, the link stays a link', async () => {
    const dir = rulesDir({});
    const real = join(rulesDir({}), 'shared.yaml');
    writeFileSync(real, MESSY);
    symlinkSync(real, join(dir, 'sample.yaml'));
    const r = await zige(['fmt', join(dir, 'sample.yaml')]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'sample.yaml')).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, 'utf8')).toBe(CANONICAL);
    expect(readdirSync(join(real, '..')).filter((f) => f.includes('.tmp'))).toEqual([]);
  }, 60_000);

  it('quotes a plain scalar only when its new text would not read back as a string', async () => {
    const text = 'conditions:\n  - clauses:\n      - when: (true)\n      - when: "(false)"\n      - when: (从业 >= 1年)\n';
    const out = formatRuleText(text).text;
    expect(out).toBe('conditions:\n  - clauses:\n      - when: "true"\n      - when: "false"\n      - when: 从业 >= 1年\n');
  });

  it('leaves a file with an expression syntax error unchanged and points at the error', async () => {
    const text = ruleFile({
      conditions: `  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: 本职业或相关职业学徒期满。
        when: 学徒期满  且`,
    });
    const dir = rulesDir({ 'sample.yaml': text });
    const r = await zige(['fmt', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${relative(ROOT, join(dir, 'sample.yaml'))}:15:22: error[E_SYNTAX_EOF]`);
    expect(readFileSync(join(dir, 'sample.yaml'), 'utf8')).toBe(text);
  });

  it('rejects --lang both and unknown paths', async () => {
    expect((await zige(['fmt', '--lang', 'both', 'rules'])).code).toBe(2);
    const r = await zige(['fmt', '--check', 'no-such-dir']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_READ');
  }, 30_000);
});

describe('zige fmt --lang', { timeout: 60_000 }, () => {
  it('zh → en → zh gives back every bundled rule file byte for byte; English has no Chinese keyword', async () => {
    const { dir, files } = copyOfBundled();
    const zhMeaning = meaning(dir);

    expect((await zige(['fmt', '--lang', 'en', dir])).code).toBe(0);
    for (const f of files) {
      const en = readFileSync(join(dir, f), 'utf8');
      const zh = readFileSync(join(RULES, f), 'utf8');
      expect(en, f).not.toBe(zh);
      expect(rest(en), f).toEqual(rest(zh)); // only expressions converted
      for (const line of whens(en)) {
        const expr = line.replace(/^.*?when:\s*/, '');
        // not a single Chinese keyword (every keyword token is spelled in English) …
        for (const t of lexer.tokenize(expr).tokens) {
          if (!['Name', 'Identifier', 'Number'].includes(t.tokenType.name)) expect(t.image, `${f}: ${line}`).not.toMatch(CJK);
        }
        // … and for the bundled rules not even a Chinese name or unit
        expect(expr, `${f}: ${line}`).not.toMatch(CJK);
      }
    }
    // the English files check clean and mean exactly what the Chinese ones mean
    expect(meaning(dir)).toEqual(zhMeaning);
    expect((await zige(['fmt', '--check', '--lang', 'en', dir])).code).toBe(0);

    expect((await zige(['fmt', '--lang', 'zh', dir])).code).toBe(0);
    for (const f of files) expect(readFileSync(join(dir, f), 'utf8'), f).toBe(readFileSync(join(RULES, f), 'utf8'));
  }, 60_000);

  it('converts losslessly what has one spelling each way, and keeps as written what has not', async () => {
    const lines = [
      // canonical names convert
      '取得 本职业或相关职业 四级 后 从业 本职业或相关职业 >= 3年',
      '持有 本职业或相关职业 预备技师证书 且 毕业 技师学院 且 从业 本职业或相关职业 >= 30天',
      '毕业 中等职业学校 及以上 目标 中级 本专业或相关专业 含应届',
      '毕业 技工院校 高级工班 及以上 本专业 且 在校 高等院校',
      '年龄 >= 16岁 且 从业 见习 本职业 >= 1年 且 安全行车里程 >= 100000公里 且 拟从事本职业或相关职业工作',
      // other spellings stay as written: combined form, older titles, aliases, 周岁, 日
      '取得 本职业或相关职业 四级/中级工 后 从业 本职业或相关职业 >= 3年',
      '持有 本职业 初级工 或 培训 本职业 初级 结业',
      '学历 中专 及以上 且 年龄 >= 18周岁 且 从业 >= 90日',
    ];
    const zh = `conditions:\n  - clauses:\n${lines.map((l) => `      - when: ${l}\n`).join('')}`;
    expect(formatRuleText(zh, { lang: 'zh', vocabulary }).text).toBe(zh); // canonical in Chinese
    const en = formatRuleText(zh, { lang: 'en', vocabulary });
    expect(en.diagnostics).toEqual([]);
    expect(whens(en.text).map((l) => l.replace(/^.*?when: /, ''))).toEqual([
      'after same-or-related level 4 experience same-or-related >= 3 years',
      'holds same-or-related prep-technician and graduated technician-college and experience same-or-related >= 30 days',
      'graduated secondary-vocational or-higher target intermediate same-or-related-major incl-final-year',
      'graduated technical-schools advanced-class or-higher same-major and enrolled higher-education',
      'age >= 16 years and experience internship same >= 1 year and safe-driving-distance >= 100000公里 and intends-to-work',
      'after same-or-related 四级/中级工 experience same-or-related >= 3 years',
      'holds same 初级工 or training same 初级 completed',
      'education 中专 or-higher and age >= 18周岁 and experience >= 90日',
    ]);
    expect(formatRuleText(en.text, { lang: 'zh', vocabulary }).text).toBe(zh);
    // and English is a fixed point of English
    expect(formatRuleText(en.text, { lang: 'en', vocabulary }).text).toBe(en.text);
  });

  it('round-trips the invented occupation that uses every vocabulary construct', async () => {
    const fixture = join(ROOT, 'test', 'fixtures', 'invented');
    for (const f of readdirSync(fixture).filter((f) => f.endsWith('.yaml') && statSync(join(fixture, f)).isFile())) {
      const zh = formatRuleText(readFileSync(join(fixture, f), 'utf8'), { lang: 'zh', vocabulary }).text;
      const en = formatRuleText(zh, { lang: 'en', vocabulary }).text;
      expect(en).not.toBe(zh);
      expect(formatRuleText(en, { lang: 'zh', vocabulary }).text).toBe(zh);
    }
  });

  it('keeps each file’s keyword language without --lang', async () => {
    const en = 'conditions:\n  - clauses:\n      - when: experience   same >= 3 years and holds same 四级\n';
    const out = formatRuleText(en);
    expect(out.lang).toBe('en');
    expect(out.text).toBe('conditions:\n  - clauses:\n      - when: experience same >= 3 years and holds same 四级\n');
  });

  it('writes English in place of a scratch copy, then `zige check` accepts it', async () => {
    const dir = rulesDir({ 'sample.yaml': MESSY });
    writeFileSync(join(dir, 'sample.yaml'), CANONICAL);
    expect((await zige(['fmt', '--lang', 'en', dir])).code).toBe(0);
    const r = await zige(['check', dir]);
    expect(r.code).toBe(0);
    expect(whens(readFileSync(join(dir, 'sample.yaml'), 'utf8'))[1]).toBe('        when:   experience same-or-related >= 1 year    # one year');
  }, 30_000);
});
