// Messages where new users stumbled (issue 24, item 3): each mistake written in a rule file, a
// vocabulary or a profile, as a new user wrote it, and what `zige` says about it (in process).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, RULES, scratch } from './helpers.js';
import { zige } from './in-process.js';

const VOCABULARY = readFileSync(join(RULES, 'vocabulary.yaml'), 'utf8');

interface Sample {
  when?: string;
  /** The clause's source sentence (default: the source text's clause). */
  quote?: string;
  /** Lines of the inline source text after the heading. */
  text?: string;
  extra?: string;
  vocabulary?: string;
  section?: string;
  date?: string;
}

/** A self-contained rule file (source text inline) in a folder of its own, with its vocabulary. */
function folder(s: Sample): string {
  const dir = scratch('messages');
  const sentence = '连续从事本职业工作3年(含)以上。';
  const schema = relative(dir, join(ROOT, 'schema', 'rule-file.schema.json'));
  const file = `# yaml-language-server: $schema=${schema}
id: sample
name: 样例职业
source:
  document: 样例
  section: ${s.section ?? '一、样例职业'}${s.date === undefined ? '' : `\n  date: ${s.date}`}
  text: |
    一、样例职业
    五级/初级工
    ${s.text ?? `1. ${sentence}`}
levels: [5]
conditions:
  - level: 5
    source: 五级/初级工
    clauses:
      - id: "1"
        source: ${s.quote ?? sentence}
        when: ${s.when ?? '连续从业 本职业 >= 3年'}
${s.extra ?? ''}`;
  writeFileSync(join(dir, 'sample.yaml'), file);
  writeFileSync(join(dir, 'vocabulary.yaml'), s.vocabulary ?? VOCABULARY);
  return dir;
}

interface Shown {
  code: string;
  severity: string;
  line: number | null;
  col: number | null;
  zh: string;
  en: string;
  suggestions?: string[];
}

/** `zige check --format json`: each diagnostic's code, position and both messages. */
async function checkJson(dir: string): Promise<{ exit: number; shown: Shown[] }> {
  const r = await zige(['check', dir, '--format', 'json']);
  const doc = JSON.parse(r.stdout) as {
    diagnostics: { code: string; severity: string; line: number | null; col: number | null; message: { zh: string; en: string }; suggestions?: string[] }[];
  };
  const shown = doc.diagnostics.map((d) => ({
    code: d.code,
    severity: d.severity,
    line: d.line,
    col: d.col,
    zh: d.message.zh,
    en: d.message.en,
    ...(d.suggestions ? { suggestions: d.suggestions } : {}),
  }));
  return { exit: r.code, shown };
}

const one = async (s: Sample): Promise<Shown> => {
  const { shown } = await checkJson(folder(s));
  expect(shown).toHaveLength(1);
  return shown[0];
};

describe('expressions', () => {
  it('连续从事 (the policy text’s word) gets a respelling that parses: 连续从业', async () => {
    const d = await one({ when: '连续从事 本职业 >= 3年' });
    expect(d).toMatchObject({ code: 'E_NEAR_KEYWORD', severity: 'error', line: 18, col: 15 });
    expect(d.zh).toContain('是否应为“连续从业”');
    // the suggestion, written in, checks clean
    expect((await checkJson(folder({ when: '连续从业 本职业 >= 3年' }))).shown).toEqual([]);
  });

  it('从事 alone gets 从业; a keyword run into a name still gets its split', async () => {
    expect((await one({ when: '从事 本职业 >= 3年' })).zh).toContain('是否应为“从业”');
    const joined = await one({ when: '非学徒期满' });
    expect(joined).toMatchObject({ code: 'E_JOINED_WORDS' });
    expect(joined.zh).toContain('“非 学徒期满”');
  });

  it('an unknown fact gets "did you mean" when a word is left out (安全行车 for 安全行车里程)', async () => {
    const d = await one({ when: '安全行车 >= 100000km' });
    expect(d).toMatchObject({ code: 'E_UNKNOWN_FACT', suggestions: ['安全行车里程'] });
  });

  it('an unknown school track gets "did you mean"', async () => {
    const d = await one({ when: '毕业 技工学校 高级班' });
    expect(d).toMatchObject({ code: 'E_UNKNOWN_TRACK', suggestions: ['高级工班'] });
  });

  it('毕业 高级工班 hints at 毕业 技工院校 高级工班, which checks', async () => {
    const d = await one({ when: '毕业 高级工班 本专业' });
    expect(d).toMatchObject({ code: 'E_TRACK_AS_SCHOOL', line: 18, col: 18 });
    expect(d.zh).toContain('应为“毕业 技工院校 高级工班”');
    expect((await checkJson(folder({ when: '毕业 技工院校 高级工班 本专业' }))).shown).toEqual([]);
  });

  it('a track after a school kind that has none is an error (毕业 大专 高级工班)', async () => {
    const d = await one({ when: '毕业 大专 高级工班' });
    expect(d).toMatchObject({ code: 'E_TRACK_SCHOOL', severity: 'error', col: 21 });
    expect(d.zh).toBe('“大专”没有班别，不能写“高级工班”（班别只用于：技工学校、高级技工学校、技师学院）');
    // a group holding kinds with tracks, or 技工学校 及以上, may take one
    expect((await checkJson(folder({ when: '毕业 技工学校 及以上 高级工班' }))).shown).toEqual([]);
  });

  it('a numeric fact in 年 warns that it reads a typed-in number, unlike 从业 >= N年', async () => {
    const vocabulary = VOCABULARY.replace('facts:\n', 'facts:\n  - {name: 工龄, en: years-worked, type: number, units: [年]}\n');
    const { exit, shown } = await checkJson(folder({ when: '工龄 >= 3年', vocabulary }));
    expect(exit).toBe(0);
    expect(shown).toMatchObject([{ code: 'W_FACT_YEARS', severity: 'warning', line: 18, col: 21 }]);
    expect(shown[0].zh).toContain('不会像“从业 >= N年”那样由工作经历计算年限');
  });
});

describe('the vocabulary', () => {
  it('a fact declared twice is an error at the second, naming the first’s line', async () => {
    const vocabulary = VOCABULARY.replace('facts:\n', 'facts:\n  - {name: 项目数, en: project-count, type: number}\n');
    const line = vocabulary.split('\n').indexOf('  - {name: 项目数, en: project-count, type: number}') + 1;
    const d = await one({ vocabulary });
    expect(d.code).toBe('E_VOCABULARY_DUPLICATE');
    // the later declaration is the duplicate
    const second = vocabulary.split('\n').findIndex((l, i) => i + 1 > line && l.includes('{name: 项目数')) + 1;
    expect([d.line, d.col]).toEqual([second, 12]);
    expect(d.zh).toContain(`另一处在第 ${line} 行`);
  });

  it('a YAML error is positioned and its Chinese line carries no English of the YAML library', async () => {
    const d = await one({ vocabulary: VOCABULARY.replace('  - {name: 见习, en: internship}', '  - {name: 见习, en: internship\n') });
    expect(d.code).toBe('E_YAML');
    expect(d.line).not.toBeNull();
    expect(d.col).not.toBeNull();
    expect(d.zh.replace('YAML', '')).not.toMatch(/[A-Za-z]{3,}/);
    expect(d.en).toMatch(/[A-Za-z]{3,}/);
  });

  it('an entry missing its name is positioned and worded in Chinese', async () => {
    const d = await one({ vocabulary: VOCABULARY.replace('  - {name: 见习, en: internship}', '  - {en: internship}') });
    const line = VOCABULARY.split('\n').indexOf('  - {name: 见习, en: internship}') + 1;
    expect(d).toMatchObject({ code: 'E_VOCABULARY_WORK_KIND', line, col: 5, zh: '词表 workKinds 的每一项须有 name（名称）' });
  });
});

describe('rule files', () => {
  it('a quote differing from the source only in （） vs () says where', async () => {
    const d = await one({ quote: '连续从事本职业工作3年（含）以上。' });
    expect(d).toMatchObject({ code: 'E_SOURCE_WIDTH', line: 17 });
    expect(d.zh).toContain('第 12 个字符处写的是“（”，来源文件中是“(”');
  });

  it('a source sentence ending in a colon that breaks YAML gets the hint to quote it', async () => {
    const d = await one({ text: '1. 具备以下条件者:', quote: '具备以下条件者:' });
    expect(d).toMatchObject({ code: 'E_YAML_COLON', line: 17 });
    expect(d.zh).toContain('请给整句加引号：source: "具备以下条件者:"');
    // quoted as told, it checks
    expect((await checkJson(folder({ text: '1. 具备以下条件者:', quote: '"具备以下条件者:"', when: '学徒期满' }))).shown).toEqual([]);
  });

  it('source.date accepts a year alone, as text or as a number', async () => {
    expect((await checkJson(folder({ date: '2023' }))).shown).toEqual([]);
    expect((await checkJson(folder({ date: '"2023"' }))).shown).toEqual([]);
    expect((await one({ date: '2023-13' })).code).toBe('E_SCHEMA_PATTERN');
  });

  it('source.section is checked by zige check: a heading the document does not have is a warning there', async () => {
    const d = await one({ section: '一、样例' });
    expect(d).toMatchObject({ code: 'W_SOURCE_SECTION', severity: 'warning', line: 6, col: 12 });
    expect(d.zh).toContain('现有章节：一、样例职业');
  });

  it('a test profile giving a fact the other type is an error at check', async () => {
    const extra = `tests:
  - name: 数字写成了是非
    asOf: 2026-11-28
    profile: {facts: {安全行车里程: true}}
    expect: {5: ineligible}`;
    const d = await one({ extra });
    expect(d).toMatchObject({ code: 'E_PROFILE_FACT_TYPE', severity: 'error', line: 22 });
    expect(d.zh).toBe('事实“安全行车里程”在词表中声明为数值，这里是是非值（true/false）');
  });
});

describe('eval and test', () => {
  it('zige eval refuses a profile fact of the wrong type, naming the field', async () => {
    const dir = folder({ when: '安全行车里程 >= 100000km' });
    const profile = join(dir, 'p.json');
    writeFileSync(profile, JSON.stringify({ facts: { 'safe-driving-distance': true } }));
    const r = await zige(['eval', profile, '--rules', dir, '--as-of', '2026-11-28']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_PROFILE_FACT_TYPE');
    expect(r.stderr).toContain('事实“安全行车里程”在词表中声明为数值，这里是是非值（true/false）');
  });

  it('explanations keep a numeric fact’s unit (≤ 3名, not ≤ 3)', async () => {
    const vocabulary = VOCABULARY.replace('facts:\n', 'facts:\n  - {name: 名次, en: placing, type: number, units: [名]}\n');
    const dir = folder({ when: '名次 <= 3名', vocabulary });
    const profile = join(dir, 'p.json');
    writeFileSync(profile, JSON.stringify({ facts: { 名次: 5 } }));
    const r = await zige(['eval', profile, '--rules', dir, '--as-of', '2026-11-28']);
    expect(r.stdout).toContain('名次 ≤ 3名 — 需 ≤ 3名，现为 5名');
  });

  it('a shortfall of 363 days reads 11 个月 29 天, never 12 个月', async () => {
    const dir = folder({ when: '从业 本职业 >= 2年' });
    const profile = join(dir, 'p.json');
    // 367 days worked of the 730 needed: 363 days short
    writeFileSync(profile, JSON.stringify({ education: [], work: [{ occupation: '样例职业', from: '2025-11-27', to: '2026-11-28' }] }));
    const r = await zige(['eval', profile, '--rules', dir, '--as-of', '2026-11-28']);
    expect(r.stdout).toContain('还差 11 个月 29 天');
    expect(r.stdout).not.toContain('12 个月');
  });

  it('zige test with uncovered clauses but no failure says so in its last line, and fails', async () => {
    const extra = `tests:
  - name: 不满三年
    asOf: 2026-11-28
    profile: {education: [], work: [{occupation: 样例职业, from: 2025-01-01}]}
    expect: {5: ineligible}`;
    const r = await zige(['test', folder({ extra })]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split('\n').pop()).toBe('1 passed, 0 failed, 1 uncovered（1 个条款未覆盖，见上）');
  });
});

describe('levels', () => {
  it('a declared level with no conditions is a check warning, at the level in levels', async () => {
    const dir = folder({});
    const file = join(dir, 'sample.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('levels: [5]', 'levels: [5, 4]'));
    const { exit, shown } = await checkJson(dir);
    expect(exit).toBe(0);
    expect(shown).toMatchObject([{ code: 'W_LEVEL_NO_CONDITIONS', severity: 'warning', line: 11, col: 13 }]);
    expect(shown[0].zh).toContain('等级 4 已在 levels 中声明，但 conditions 中没有它的条件');
  });
});
