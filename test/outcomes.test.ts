// Issue 20, part A: outcomes that are not a fixed level (next-level), amounts by level, past events
// and caps over them (获奖 … 前N名/前N%, 记录 … 本自然年/近十二个月/本级 < N次), and the bundled Tianjin
// competition-promotion rules. Every rule here is a rule file in the documented language.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, RULES, scratch } from './helpers.js';
import { zige } from './in-process.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'outcomes');

/** The fixtures (and `extra` files) in a folder of their own with the bundled vocabulary. */
function folder(extra: Record<string, string> = {}): string {
  const dir = scratch('outcomes');
  copyFileSync(join(RULES, 'vocabulary.yaml'), join(dir, 'vocabulary.yaml'));
  const schema = relative(dir, join(ROOT, 'schema', 'rule-file.schema.json'));
  for (const name of ['subsidy.yaml', 'promotion.yaml']) {
    const text = readFileSync(join(FIXTURES, name), 'utf8').replace(/^# yaml-language-server: \$schema=\S+/, `# yaml-language-server: $schema=${schema}`);
    writeFileSync(join(dir, name), text);
  }
  for (const [name, text] of Object.entries(extra)) writeFileSync(join(dir, name), text);
  return dir;
}

const DIR = folder();

interface Level {
  level: number;
  status: string;
  matched: string[];
  outcome?: { kind: string; level: number } | null;
  amount?: { value: number; unit: string } | null;
  ask?: { field: string }[];
  clauses: { id: string; status: string }[];
}

async function judge(occupation: string, profile: object, asOf: string, dir = DIR): Promise<Level[]> {
  const file = join(scratch('profile'), 'p.json');
  writeFileSync(file, JSON.stringify(profile));
  const r = await zige(['eval', file, '--rules', dir, '--occupation', occupation, '--as-of', asOf, '--json']);
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { results: Level[] }).results;
}

const at = (results: Level[], level: number): Level => results.find((r) => r.level === level)!;
const cert = (level: number): object => ({ occupation: '车工', level, kind: '技能等级证书', date: '2020-01-01', relation: '本职业' });
const claim = (date: string | undefined, level = 5, relation = '本职业'): object => ({ kind: '补贴申领', ...(date ? { date } : {}), level, occupation: '车工', relation });
const placing = (rank: number, field: number): object => ({ kind: '竞赛', tier: '企业和院校级竞赛', rank, field, date: '2024-05-01', relation: '本职业' });

describe('outcomes: the next level above the one held', () => {
  it('grants 五级 when nothing is held, and the level above the highest held otherwise', async () => {
    const none = await judge('invented-promotion', { events: [placing(3, 10)] }, '2024-06-30');
    expect(none.map((r) => r.status)).toEqual(['eligible', 'ineligible', 'ineligible', 'ineligible', 'ineligible']);
    expect(at(none, 5).outcome).toEqual({ kind: 'next-level', level: 5 });
    expect(at(none, 4).outcome).toBeNull();
    const three = await judge('invented-promotion', { certificates: [cert(5), cert(3)], events: [placing(3, 10)] }, '2024-06-30');
    expect(three.filter((r) => r.status === 'eligible').map((r) => r.level)).toEqual([2]);
    expect(at(three, 2).outcome).toEqual({ kind: 'next-level', level: 2 });
  });

  it('has no level above 一级, and a certificate dated after the as-of date is not held yet', async () => {
    const top = await judge('invented-promotion', { certificates: [cert(1)], events: [placing(1, 10)] }, '2024-06-30');
    expect(top.every((r) => r.status === 'ineligible')).toBe(true);
    const later = await judge('invented-promotion', { certificates: [{ ...cert(4), date: '2024-07-01' }], events: [placing(1, 10)] }, '2024-06-30');
    expect(at(later, 5).status).toBe('eligible');
  });

  it('30% exactly places, one more does not; without the field size it is unknown', async () => {
    expect(at(await judge('invented-promotion', { events: [placing(6, 20)] }, '2024-06-30'), 5).status).toBe('eligible');
    expect(at(await judge('invented-promotion', { events: [placing(7, 20)] }, '2024-06-30'), 5).status).toBe('ineligible');
    const open = at(await judge('invented-promotion', { events: [{ kind: '竞赛', tier: '企业和院校级竞赛', rank: 2, relation: '本职业' }] }, '2024-06-30'), 5);
    expect(open.status).toBe('unknown');
    expect(open.ask?.map((a) => a.field)).toEqual(['/events/0/field']);
  });

  it('a fixed-level route says `level`, a next-level route `next-level` (Tianjin)', async () => {
    const profile = { categories: ['企业职工'], events: [{ kind: '竞赛', tier: '市级一类竞赛', rank: 2, date: '2025-03-01', relation: '本职业' }] };
    const fixed = await judge('天津市竞赛获奖晋升', profile, '2025-06-30', RULES);
    expect(at(fixed, 2).outcome).toEqual({ kind: 'level', level: 2 });
    const next = await judge('天津市竞赛获奖晋升', { ...profile, certificates: [cert(2)] }, '2025-06-30', RULES);
    expect(at(next, 1).outcome).toEqual({ kind: 'next-level', level: 1 });
    expect(at(next, 2).status).toBe('ineligible');
  });
});

describe('amounts by level', () => {
  it('each level result carries its amount, eligible or not', async () => {
    const r = await judge('invented-subsidy', { certificates: [cert(4)], events: [] }, '2024-06-30');
    expect(r.map((x) => [x.level, x.status, x.amount])).toEqual([
      [5, 'eligible', { value: 1000, unit: '元' }],
      [4, 'eligible', { value: 1500, unit: '元' }],
      [3, 'ineligible', { value: 2000, unit: '元' }],
    ]);
    expect(r[0].outcome).toBeUndefined(); // no outcomes declared: no field
  });

  it('the bundled Chaoyang subsidy: 1000/1500/2000元 by level, granted only where eligible', async () => {
    const profile = { categories: ['企业职工'], certificates: [{ occupation: '电工', level: 4, kind: '技能等级证书', date: '2023-03-15' }], insurance: [{ scheme: '失业保险', from: '2019-01-01' }] };
    const r = await judge('chaoyang-skill-upgrade-subsidy', profile, '2023-09-01', RULES);
    expect(r.map((x) => [x.level, x.status, x.amount])).toEqual([
      [5, 'ineligible', { value: 1000, unit: '元' }],
      [4, 'eligible', { value: 1500, unit: '元' }],
      [3, 'ineligible', { value: 2000, unit: '元' }],
    ]);
  });

  it('a level with another unit is an error at that unit', async () => {
    const text = readFileSync(join(FIXTURES, 'subsidy.yaml'), 'utf8').replace('{value: 1500, unit: 元', '{value: 1500, unit: 美元');
    const r = await zige(['check', folder({ 'subsidy.yaml': text })]);
    expect(r.code).toBe(1);
    expect(r.stdout + r.stderr).toMatch(/subsidy\.yaml:\d+:\d+: error\[E_AMOUNT_LEVEL\]/);
  });

  it('the report says the amount and the outcome; the CSV batch has their columns', async () => {
    const file = join(scratch('profile'), 'p.json');
    writeFileSync(file, JSON.stringify({ certificates: [cert(5)] }));
    const report = await zige(['eval', file, '--rules', DIR, '--occupation', 'invented-subsidy', '--as-of', '2024-06-30']);
    expect(report.stdout).toContain('    数额: 1000元');
    const english = await zige(['eval', file, '--rules', DIR, '--occupation', 'invented-subsidy', '--as-of', '2024-06-30', '--lang', 'en']);
    expect(english.stdout).toContain('    amount: 1000元');
    const input = join(scratch('batch'), 'in.jsonl');
    writeFileSync(input, `${JSON.stringify({ certificates: [cert(5)] })}\n`);
    const out = join(scratch('batch'), 'out.csv');
    expect((await zige(['eval', '--batch', input, '--out', out, '--rules', DIR, '--occupation', 'invented-subsidy', '--as-of', '2024-06-30'])).code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0].endsWith(',outcome,amount,amount_unit')).toBe(true);
    expect(rows[1]).toMatch(/,5,eligible,.*,,1000,元$/);
    const lines = await zige(['eval', '--batch', input, '--rules', DIR, '--occupation', 'invented-promotion', '--as-of', '2024-06-30']);
    expect(JSON.parse(lines.stdout.trim()).results[0]).toMatchObject({ level: 5, status: 'ineligible', outcome: null });
  });
});

describe('caps over past events', () => {
  const held = { certificates: [cert(5)] };
  it('at most 3 claims in the calendar year: 2 before allow a third, 3 do not', async () => {
    const two = [claim('2024-01-01', 4, '无关'), claim('2024-03-01', 3, '无关')];
    expect(at(await judge('invented-subsidy', { ...held, events: two }, '2024-06-30'), 5).status).toBe('eligible');
    const three = [...two, claim('2024-06-30', 2, '无关')];
    expect(at(await judge('invented-subsidy', { ...held, events: three }, '2024-06-30'), 5).status).toBe('ineligible');
    // 31 December of the year before is another year
    const lastYear = [...two, claim('2023-12-31', 2, '无关')];
    expect(at(await judge('invented-subsidy', { ...held, events: lastYear }, '2024-06-30'), 5).status).toBe('eligible');
  });

  it('a cap over the calendar year lifts on 1 January: earliest', async () => {
    const three = [claim('2024-01-01', 4, '无关'), claim('2024-03-01', 3, '无关'), claim('2024-06-30', 2, '无关')];
    const r = at(await judge('invented-subsidy', { ...held, events: three }, '2024-06-30'), 5) as Level & { earliest: string | null };
    expect(r.earliest).toBe('2025-01-01');
  });

  it('once per occupation and level: a claim at another level or in another occupation does not count', async () => {
    expect(at(await judge('invented-subsidy', { ...held, events: [claim('2019-05-01', 5)] }, '2024-06-30'), 5).status).toBe('ineligible');
    expect(at(await judge('invented-subsidy', { ...held, events: [claim('2019-05-01', 4)] }, '2024-06-30'), 5).status).toBe('eligible');
    expect(at(await judge('invented-subsidy', { ...held, events: [claim('2019-05-01', 5, '无关')] }, '2024-06-30'), 5).status).toBe('eligible');
  });

  it('a claim without a date or level is unknown, and the report asks for it', async () => {
    const r = at(await judge('invented-subsidy', { ...held, events: [{ kind: '补贴申领', date: '2024-02-01', occupation: '车工', relation: '本职业' }] }, '2024-06-30'), 5);
    expect(r.status).toBe('unknown');
    expect(r.ask?.map((a) => a.field)).toEqual(['/events/0/level']);
    const undated = at(await judge('invented-subsidy', { ...held, events: [claim(undefined, 4), claim('2024-01-02', 4), claim('2024-01-03', 4)] }, '2024-06-30'), 5);
    expect(undated.status).toBe('unknown');
  });

  it('twelve months up to the as-of date: from the day after the same day a year earlier, 29 February → 28 February', async () => {
    const three = (first: string): object => ({ certificates: [cert(3)], events: [claim(first, 5, '无关'), claim('2024-01-02', 4, '无关'), claim('2024-01-03', 4, '无关')] });
    // as of 2024-02-29 the window starts on 2023-03-01
    expect(at(await judge('invented-subsidy', three('2023-02-28'), '2024-02-29'), 3).status).toBe('eligible');
    expect(at(await judge('invented-subsidy', three('2023-03-01'), '2024-02-29'), 3).status).toBe('ineligible');
    // as of 2025-02-28 the window starts on 2024-02-29 (a year earlier is 2024-02-28)
    const leap = (first: string): object => ({ certificates: [cert(3)], events: [claim(first, 5, '无关'), claim('2025-01-02', 4, '无关'), claim('2025-01-03', 4, '无关')] });
    expect(at(await judge('invented-subsidy', leap('2024-02-28'), '2025-02-28'), 3).status).toBe('eligible');
    expect(at(await judge('invented-subsidy', leap('2024-02-29'), '2025-02-28'), 3).status).toBe('ineligible');
  });
});

describe('the language', () => {
  const sample = (when: string, extra = ''): string => `id: sample
name: 样例
source: {document: 样例, section: 一、样例, text: "一、样例\\n五级\\n1. 样例条款。\\n"}
levels: [5]
${extra}conditions:
  - level: 5
    source: 五级
    clauses:
      - {id: "1", source: 样例条款。, when: "${when}"}
`;
  const diagnose = async (when: string, extra = ''): Promise<string> => {
    const r = await zige(['check', folder({ 'sample.yaml': `# yaml-language-server: $schema=${relative(scratch('x'), join(ROOT, 'schema', 'rule-file.schema.json'))}\n${sample(when, extra)}` })]);
    return r.stdout + r.stderr;
  };

  it('refuses unknown kinds and tiers with suggestions, bad placings and counts, 本级 outside a level', async () => {
    expect(await diagnose('记录 补贴申请 < 1次')).toMatch(/E_UNKNOWN_EVENT_KIND.*补贴申请[\s\S]*补贴申领/);
    expect(await diagnose('获奖 市级三类竞赛 前3名')).toContain('E_UNKNOWN_COMPETITION');
    expect(await diagnose('获奖 区级竞赛 前0名')).toContain('E_PLACING');
    expect(await diagnose('获奖 区级竞赛 前150%')).toContain('E_PLACING');
    expect(await diagnose('获奖 区级竞赛 前2.5名')).toContain('E_PLACING');
    expect(await diagnose('记录 补贴申领 < 1年')).toContain('E_EVENT_COUNT');
    expect(await diagnose('记录 补贴申领 < 1.5次')).toContain('E_EVENT_COUNT');
    expect(await diagnose('学徒期满', 'preconditions:\n  - {id: p, source: 样例条款。, when: 记录 补贴申领 本级 < 1次}\n')).toContain('E_THIS_LEVEL');
  });

  it('fmt --lang en and back is lossless for the new words and units', async () => {
    const dir = folder();
    const before = readFileSync(join(dir, 'subsidy.yaml'), 'utf8');
    expect((await zige(['fmt', '--lang', 'en', dir])).code).toBe(0);
    const english = readFileSync(join(dir, 'subsidy.yaml'), 'utf8');
    expect(english).toContain('when: holds same level 5 and events subsidy-claim any-occupation this-calendar-year < 3 times and events subsidy-claim same this-level < 1 time');
    expect(english).toContain('events subsidy-claim any-occupation past-twelve-months < 3 times');
    expect(readFileSync(join(dir, 'promotion.yaml'), 'utf8')).toContain('when: placed same enterprise-or-school top 30%');
    expect((await zige(['check', dir])).code).toBe(0);
    expect((await zige(['fmt', '--lang', 'zh', dir])).code).toBe(0);
    expect(readFileSync(join(dir, 'subsidy.yaml'), 'utf8')).toBe(before);
  });
});

describe('the bundled Tianjin rules', () => {
  it('the version in force by date: 2021 until 2024-10-24, 2024 from 2024-10-25', async () => {
    const profile = { categories: ['企业职工'], events: [{ kind: '竞赛', tier: '市级综合赛', rank: 1, date: '2024-10-01', relation: '本职业' }] };
    const before = await judge('天津市竞赛获奖晋升', profile, '2024-10-24', RULES);
    expect(before[0]).toMatchObject({ level: 4 });
    expect(at(before, 2).status).toBe('ineligible'); // 市级综合赛 is not in the 2021 text
    const after = await judge('天津市竞赛获奖晋升', profile, '2024-10-25', RULES);
    expect(at(after, 2).status).toBe('eligible');
    const file = join(scratch('profile'), 'p.json');
    writeFileSync(file, JSON.stringify(profile));
    const json = JSON.parse((await zige(['eval', file, '--occupation', 'tianjin-competition-promotion', '--as-of', '2024-10-24', '--json'])).stdout) as { results: { version: string }[] };
    expect(json.results[0].version).toBe('2021-12-10');
  });

  it('trace reads both dated versions: every paragraph encoded or not encoded on purpose', async () => {
    const r = await zige(['trace', '--json']);
    const rows = (JSON.parse(r.stdout) as { section: string; clause: number; rules: { id: string }[]; notEncoded?: object }[]).filter((x) => x.section.includes(' version'));
    expect(rows.map((x) => [x.section.slice(0, 10), x.clause, x.rules.length > 0 ? 'encoded' : x.notEncoded ? 'not encoded' : 'missing'])).toEqual([
      ['2024-10-25', 1, 'not encoded'],
      ['2024-10-25', 2, 'not encoded'],
      ['2024-10-25', 3, 'encoded'],
      ['2024-10-25', 4, 'encoded'],
      ['2024-10-25', 5, 'encoded'],
      ['2024-10-25', 6, 'encoded'],
      ['2021-12-10', 1, 'encoded'],
      ['2021-12-10', 2, 'encoded'],
      ['2021-12-10', 3, 'not encoded'],
      ['2021-12-10', 4, 'encoded'],
    ]);
  });
});
