// Explanations: matched routes, shortfalls, the earliest date, what to ask, documents, reports.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../compiler/generate/instantiate.js';
import { formatReport } from '../cli/report.js';
import { evaluateOccupation, type ExplainedLevelResult, type Profile } from '../runtime/index.js';
import { check, RULES, scratch } from './helpers.js';
import { zige } from './in-process.js';

const { rules } = check(RULES);
const occ = (id: string) => instantiate(rules!.occupations.find((o) => o.id === id)!);

function level(id: string, profile: Profile, asOf: string, n: number): ExplainedLevelResult {
  return evaluateOccupation(occ(id), profile, { asOf }).find((r) => r.level === n)!;
}

// 人工智能训练师 三级/1: 取得四级后累计从业 3 年 — with a level-4 certificate of a leap day.
const leapDay: Profile = {
  education: [{ level: '初中', status: '毕业' }],
  certificates: [{ occupation: '人工智能训练师', level: 4, kind: '技能等级证书', date: '2024-02-29' }],
  work: [{ occupation: '人工智能训练师', from: '2024-02-29' }],
};

describe('shortfall and earliest date', () => {
  it('names the closest route, what it lacks and by how much', async () => {
    const r = level('ai-trainer', leapDay, '2026-11-28', 3);
    expect(r.status).toBe('ineligible');
    const [closest] = r.missing;
    expect(closest.clause).toBe('ai-trainer/3/1');
    expect(closest.conditions).toMatchObject([
      { code: 'experienceAfter', status: 'unmet', need: 1095, have: 1004, short: 91, unit: 'days' },
    ]);
    expect(closest.conditions[0].detail).toEqual({
      zh: '需 3 年，现有 2 年 9 个月 1 天，还差 3 个月',
      en: 'needs 3 years, has 2 years 9 months 1 day, 3 months short',
    });
  });

  it('gives the exact earliest date, counting from a leap-day certificate (2024-02-29 + 3 years → 2027-02-27)', async () => {
    expect(level('ai-trainer', leapDay, '2026-11-28', 3).earliest).toBe('2027-02-27');
    expect(level('ai-trainer', leapDay, '2027-02-26', 3)).toMatchObject({ status: 'ineligible', earliest: '2027-02-27' });
    expect(level('ai-trainer', leapDay, '2027-02-27', 3)).toMatchObject({ status: 'eligible', earliest: '2027-02-27' });
  });

  it('gives null when the job has ended: waiting alone cannot make any clause true', async () => {
    const ended: Profile = { ...leapDay, work: [{ occupation: '人工智能训练师', from: '2024-02-29', to: '2026-06-30' }] };
    expect(level('ai-trainer', ended, '2026-11-28', 3)).toMatchObject({ status: 'ineligible', earliest: null });
  });

  it('gives null when a certificate, not time, is missing', async () => {
    const noCertificate: Profile = { ...leapDay, certificates: [] };
    const r = level('internet-marketer', { ...noCertificate, work: [{ occupation: '互联网营销师', from: '2020-01-01' }] }, '2026-11-28', 2);
    expect(r).toMatchObject({ status: 'ineligible', earliest: null });
  });

  it('respects a planned end date: work that stops before the threshold gives null', async () => {
    const planned: Profile = { ...leapDay, work: [{ occupation: '人工智能训练师', from: '2024-02-29', to: '2027-02-26' }] };
    expect(level('ai-trainer', planned, '2026-11-28', 3).earliest).toBeNull();
    const longer: Profile = { ...leapDay, work: [{ occupation: '人工智能训练师', from: '2024-02-29', to: '2027-12-31' }] };
    expect(level('ai-trainer', longer, '2026-11-28', 3).earliest).toBe('2027-02-27');
  });
});

describe('matched routes', () => {
  it('lists every route that holds, not just the first', async () => {
    const profile: Profile = {
      education: [{ level: '高中', status: '毕业' }],
      certificates: [{ occupation: '互联网营销师', level: 4, kind: '技能等级证书', date: '2020-01-01' }],
      work: [{ occupation: '互联网营销师', from: '2018-01-01' }],
      training: [{ occupation: '互联网营销师', level: 3, date: '2022-01-01', certificate: true }],
    };
    const r = level('internet-marketer', profile, '2026-11-28', 3);
    expect(r.matched).toEqual(['internet-marketer/3/1', 'internet-marketer/3/2']);
    expect(r.evidence.map((e) => e.zh)).toEqual([
      '职业资格证书或职业技能等级证书',
      '劳动合同或社会保险缴费记录（工作年限证明）',
      '培训结业证书',
      '毕业证书（学历证书）',
    ]);
  });
});

describe('unknown: what to ask', () => {
  it('asks for the dates of an undated work entry', async () => {
    const profile: Profile = {
      education: [{ level: '初中', status: '毕业' }],
      certificates: [{ occupation: '人工智能训练师', level: 4, kind: '技能等级证书', date: '2022-01-01' }],
      work: [{ occupation: '人工智能训练师', years: 5 }],
    };
    const r = level('ai-trainer', profile, '2026-11-28', 3);
    expect(r.status).toBe('unknown');
    expect(r.ask).toEqual([{ field: '/work/0/from', reason: { zh: '需要工作起止日期', en: 'the start and end dates of this work' } }]);
    expect(r.earliest).toBeNull();
  });

  it('asks for education when the key is absent, and for a missing training flag', async () => {
    const profile: Profile = {
      work: [{ occupation: '互联网营销师', from: '2020-01-01' }],
      training: [{ occupation: '互联网营销师', level: 4, date: '2021-01-01' }],
    };
    const r = level('internet-marketer', profile, '2026-11-28', 4);
    expect(r.status).toBe('unknown');
    expect(r.ask.map((a) => a.field)).toEqual(expect.arrayContaining(['/education']));
    const five = level('internet-marketer', { education: [{ level: '初中', status: '毕业' }], training: [{ occupation: '互联网营销师', level: 5 }] }, '2026-11-28', 5);
    expect(five.status).toBe('unknown');
    expect(five.ask.map((a) => a.field)).toEqual(['/training/0/certificate']);
  });
});

describe('reports', () => {
  const profile = {
    education: [{ level: '初中', status: '毕业' }],
    certificates: [{ occupation: '人工智能训练师', level: 4, kind: '技能等级证书', date: '2024-02-29' }],
    work: [{ occupation: '人工智能训练师', from: '2024-02-29' }, { occupation: '人工智能训练师', years: 1 }],
  };
  const run = async (lang: 'zh' | 'en') => {
    const file = join(scratch('report'), 'p.json');
    writeFileSync(file, JSON.stringify(profile));
    return await zige(['eval', file, '--occupation', 'ai-trainer', '--as-of', '2026-11-28', '--lang', lang]);
  };

  it('prints the Chinese report: status, route, shortfall, earliest date, asks', async () => {
    const r = await run('zh');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
    expect(r.stdout).toContain('三级/高级工');
    expect(r.stdout).toContain('最接近的条款: 3/1');
    expect(r.stdout).toContain('需要补充');
    expect(r.stdout).toContain('/work/1/from');
  });

  it('prints the English report with no Chinese keyword', async () => {
    const r = await run('en');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
    expect(r.stdout).toContain('Level 3 (advanced)');
    expect(r.stdout).toContain('to decide, provide');
    for (const keyword of ['符合', '不符合', '学历', '从业', '持有', '取得', '培训', '毕业', '本职业', '相关职业', '年', '个月', '条款', '需要', '级']) {
      expect(r.stdout, keyword).not.toContain(keyword);
    }
  });

  it('formats the same results in memory', async () => {
    const results = evaluateOccupation(occ('ai-trainer'), leapDay, { asOf: '2026-11-28' });
    const zh = formatReport({ asOf: '2026-11-28', results }, 'zh');
    expect(zh).toContain('还差 3 个月');
    expect(zh).toContain('2027-02-27');
    const en = formatReport({ asOf: '2026-11-28', results }, 'en');
    expect(en).toContain('3 months short');
  });
});

describe('the fast path', () => {
  it('explain: false returns the v1 fields only, with the same statuses', async () => {
    const full = evaluateOccupation(occ('ai-trainer'), leapDay, { asOf: '2026-11-28' });
    const fast = evaluateOccupation(occ('ai-trainer'), leapDay, { asOf: '2026-11-28', explain: false });
    expect(fast.map((r) => r.status)).toEqual(full.map((r) => r.status));
    expect(fast[0]).not.toHaveProperty('missing');
  });
});
