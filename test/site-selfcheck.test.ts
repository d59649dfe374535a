// The self-check page in headless Chromium, from file:// and from a loopback HTTP server: every
// example profile (and one with three work periods, one ongoing) typed into the form shows, per
// level, what `zige eval --json` says (status, routes, shortfalls, earliest date, asks, documents,
// warnings); the downloaded profile run through `zige eval --json` gives byte-identical output to
// the results the page computed; no request leaves the origin; axe finds no serious violation;
// no sideways scroll at 375 px; the keyboard reaches every control.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, test, type ExpectStatic, type TestContext } from 'vitest';
import { scratch, sized } from './helpers.js';
import { zige } from './in-process.js';
import { ARTIFACTS, axeViolations, foreignRequests, recordedPage, screenshots, startSite, type SiteHarness } from './site-browser.js';

const EXAMPLES = join(import.meta.dirname, '..', 'examples');
type Entry = Record<string, unknown>;
interface Case { name: string; file: string; occupation: string; asOf: string }

const THREE_PERIODS = {
  birthDate: '1990-05-01',
  education: [{ level: '高中', status: '毕业', date: '2008-07-01' }],
  certificates: [{ occupation: '企业人力资源管理师', level: 4, kind: '技能等级证书', date: '2016-03-01', relation: '本职业' }],
  work: [
    { occupation: '企业人力资源管理师', from: '2010-03-01', to: '2014-06-30', relation: '本职业' },
    { occupation: '行政文员', from: '2014-09-01', to: '2018-12-31', relation: '相关职业' },
    { occupation: '企业人力资源管理师', from: '2019-02-01', relation: '本职业' },
  ],
};

function cases(): Case[] {
  const list = JSON.parse(readFileSync(join(EXAMPLES, 'examples.json'), 'utf8')) as { profile: string; args: string[] }[];
  const out = list.map((e) => ({ name: e.profile, file: join(EXAMPLES, e.profile), occupation: e.args[e.args.indexOf('--occupation') + 1], asOf: e.args[e.args.indexOf('--as-of') + 1] }));
  const file = join(scratch('site-profile'), 'three-periods.json');
  writeFileSync(file, JSON.stringify(THREE_PERIODS));
  return [...out, { name: 'three work periods, one ongoing', file, occupation: 'hr-manager', asOf: '2026-11-28' }];
}

async function evalJson(expect: ExpectStatic, file: string, occupation: string, asOf: string): Promise<string> {
  const r = await zige(['eval', file, '--occupation', occupation, '--as-of', asOf, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
}

const RELATIONS = new Set(['relation', 'majorRelation']);

/** Types one entry into the group the add button made. */
async function typeEntry(page: Page, add: string, legend: string, n: number, entry: Entry, ids: string[]): Promise<void> {
  await page.getByRole('button', { name: add, exact: true }).click();
  const group = page.getByRole('group', { name: `${legend} ${n}`, exact: true });
  const field = (label: string): Locator => group.getByLabel(label, { exact: true });
  for (const [key, value] of Object.entries(entry)) {
    const label = LABELS[key];
    if (key === 'occupation') await field(label).fill(String(value));
    else if (RELATIONS.has(key)) {
      const v = typeof value === 'string' ? value : ids.map((id) => (value as Record<string, string>)[id]).find(Boolean);
      if (v) await field(LABELS[key]).selectOption(v);
    } else if (['level', 'certLevel', 'trainingLevel', 'status', 'kind', 'track', 'assessedTarget', 'certificate', 'examPassed'].includes(key)) await field(label).selectOption(String(value));
    else if (key === 'from' || key === 'to' || key === 'years') continue; // after the period
    else await field(label).fill(String(value));
  }
  if (add === '添加工作经历') {
    await field('时间').selectOption(entry.from === undefined ? 'undated' : entry.to === undefined ? 'ongoing' : 'ended');
    if (entry.from !== undefined) await field('开始日期').fill(String(entry.from));
    if (entry.to !== undefined) await field('结束日期').fill(String(entry.to));
    if (entry.years !== undefined) await field('年数').fill(String(entry.years));
  }
}

const LABELS: Record<string, string> = {
  occupation: '职业名称', level: '学历层次', status: '状态', date: '日期', track: '班级', assessedTarget: '培养目标', major: '专业', majorRelation: '专业关系',
  kind: '种类', relation: '与所选职业的关系', from: '开始日期', to: '结束日期', years: '年数', certificate: '取得结业证书', examPassed: '考试合格', completed: '期满日期',
};
const LISTS: [string, string, string, string?][] = [
  ['education', '添加学历', '学历'],
  ['certificates', '添加证书', '证书'],
  ['work', '添加工作经历', '工作经历'],
  ['training', '添加培训', '培训'],
  ['apprenticeships', '添加学徒经历', '学徒经历'],
];

async function typeProfile(page: Page, profile: Entry, occupationId: string, occupationName: string, asOf: string): Promise<void> {
  await page.getByLabel('职业', { exact: true }).selectOption(occupationId);
  await page.getByLabel('判定日期', { exact: true }).fill(asOf);
  if (profile.birthDate) await page.getByLabel('出生日期', { exact: true }).fill(String(profile.birthDate));
  for (const [key, add, legend] of LISTS) {
    const entries = (profile[key] ?? []) as Entry[];
    for (const [i, e] of entries.entries()) {
      // training levels are chosen by level (the same select as certificates)
      const fixed = key === 'certificates' || key === 'training' ? { ...e, ...(e.level !== undefined ? { level: String(e.level) } : {}) } : e;
      await typeEntryFixed(page, add, legend, i + 1, key, fixed, [occupationId, occupationName]);
    }
  }
  if (Array.isArray(profile.education) && profile.education.length === 0) await page.getByLabel('没有任何学历', { exact: true }).click();
  for (const [name, value] of Object.entries((profile.facts ?? {}) as Record<string, unknown>)) {
    const control = page.locator('#facts').getByLabel(new RegExp(`^${name}`));
    if (typeof value === 'boolean') await control.selectOption(String(value));
    else await control.fill(String(value));
  }
}

async function typeEntryFixed(page: Page, add: string, legend: string, n: number, key: string, entry: Entry, ids: string[]): Promise<void> {
  const relabelled = key === 'certificates' ? renameKey(entry, 'level', 'certLevel') : key === 'training' ? renameKey(entry, 'level', 'trainingLevel') : entry;
  await typeEntry(page, add, legend, n, relabelled, ids);
}

function renameKey(e: Entry, from: string, to: string): Entry {
  const out: Entry = {};
  for (const [k, v] of Object.entries(e)) out[k === from ? to : k] = v;
  return out;
}
LABELS.certLevel = '等级';
LABELS.trainingLevel = '培训等级';

interface Shown { level: number; status: string; routes: string[]; shortfalls: string[]; earliest: string | null; asks: string[]; documents: string[] }

/** What the page shows per level (read only). */
async function shown(page: Page): Promise<{ levels: Shown[]; warnings: string[] }> {
  return page.locator('#results-body').evaluate((root) => {
    const texts = (el: Element, sel: string): string[] => [...el.querySelectorAll(sel)].map((x) => (x.textContent ?? '').trim());
    const levels = [...root.querySelectorAll('section.level')].map((s) => ({
      level: Number(s.getAttribute('data-level')),
      status: s.getAttribute('data-status') ?? '',
      routes: [...s.querySelectorAll('.routes > li')].map((li) => li.getAttribute('data-clause') ?? ''),
      shortfalls: texts(s, '.shortfall'),
      earliest: s.querySelector('.earliest-date')?.textContent ?? null,
      asks: [...s.querySelectorAll('.asks > li')].map((li) => `${li.getAttribute('data-field')} ${(li.textContent ?? '').replace(li.getAttribute('data-field') ?? '', '').trim()}`),
      documents: texts(s, '.evidence > li'),
    }));
    return { levels, warnings: texts(root, '#warnings > li') };
  });
}

interface EvalJson {
  warnings: { message: string }[];
  results: { level: number; status: string; matched: string[]; missing: { conditions: { text: { zh: string }; detail?: { zh: string } }[] }[]; earliest: string | null; ask: { field: string; reason: { zh: string } }[]; evidence: { zh: string }[] }[];
}

function expected(json: EvalJson): { levels: Shown[]; warnings: string[] } {
  const never = '仅靠继续从业无法达到';
  return {
    levels: json.results.map((r) => ({
      level: r.level,
      status: r.status,
      routes: r.matched,
      shortfalls: r.status === 'eligible' ? [] : r.missing.flatMap((m) => m.conditions.map((c) => (c.detail ? `${c.text.zh}：${c.detail.zh}` : c.text.zh))),
      earliest: r.status === 'unknown' ? null : (r.earliest ?? never),
      asks: r.ask.map((a) => `${a.field} ${a.reason.zh}`),
      documents: r.evidence.map((e) => e.zh),
    })),
    warnings: json.warnings.map((w) => w.message.split(' / ')[0]),
  };
}

const ORIGINS: ('file' | 'http')[] = ['file', 'http'];
let site: SiteHarness;
// building the site and starting Chromium: seconds, more on a busy machine
beforeAll(async () => {
  site = await startSite();
}, 180_000);
afterAll(async () => {
  await site?.close();
});

/** One profile typed into a fresh page and compared; then its downloads run through `zige eval`. */
async function checkCase(expect: ExpectStatic, page: Page, base: string, c: Case): Promise<void> {
  const text = readFileSync(c.file, 'utf8');
  const profile = (c.file.endsWith('.json') ? JSON.parse(text) : parse(text)) as Entry;
  const want = await evalJson(expect, c.file, c.occupation, c.asOf);
  const parsed = JSON.parse(want) as EvalJson & { results: { id: string; occupation: string }[] };
  await page.goto(`${base}selfcheck.html`);
  await typeProfile(page, profile, parsed.results[0].id, parsed.results[0].occupation, c.asOf);
  await expect.poll(() => shown(page), { timeout: 10_000 }).toEqual(expected(parsed));
  if (c.name === 'applicant-live-streamer.yaml' && base.startsWith('http')) {
    await page.mouse.wheel(0, -100_000); // back to the top of the page, for the README's picture
    await page.screenshot({ path: join(ARTIFACTS, 'selfcheck-example-1280.png') });
  }
  const dir = scratch('site-download');
  const [profileDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载资料（JSON）' }).click()]);
  await profileDownload.saveAs(join(dir, 'profile.json'));
  const [resultsDownload] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载结果（JSON）' }).click()]);
  await resultsDownload.saveAs(join(dir, 'results.json'));
  const again = await evalJson(expect, join(dir, 'profile.json'), parsed.results[0].id, c.asOf);
  expect(readFileSync(join(dir, 'results.json'), 'utf8'), c.name).toBe(again);
  expect(again, c.name).toBe(want);
}

// The profiles are typed into pages of their own at once (the browser waits on frames, not on the CPU).
describe.concurrent('self-check', () => {
  test.for(ORIGINS)('from %s: typed profiles show what zige eval --json says; the downloaded profile gives byte-identical output', { timeout: 300_000 }, async (origin: 'file' | 'http', { expect }: TestContext) => {
    const base = site.origins.find((o) => o.name === origin)!.base;
    // From file:// one example profile in `npm test` (the same page and code as from http), every one in test:long (test/long/full-size.ts).
    const typed = cases().slice(0, origin === 'file' ? sized(1, Infinity) : Infinity);
    const pages = await Promise.all(typed.map(async (c) => ({ c, ...(await recordedPage(site.browser)) })));
    await Promise.all(pages.map(({ page, c }) => checkCase(expect, page, base, c)));
    for (const { page, requests } of pages) {
      expect(foreignRequests(requests, base)).toEqual([]);
      await page.context().close();
    }
  });

  test.for(ORIGINS)('from %s: accessible: axe WCAG 2 A/AA, 375 px without sideways scroll, aria-live results, keyboard reaches every control', { timeout: 300_000 }, async (origin: 'file' | 'http', { expect }: TestContext) => {
  const base = site.origins.find((o) => o.name === origin)!.base;
  const { page, requests } = await recordedPage(site.browser);
  await page.goto(`${base}selfcheck.html`);
  await page.getByRole('button', { name: '添加工作经历', exact: true }).click();
  // an entry the schema would refuse is named, not judged
  await expect.poll(() => page.locator('#results-body .error').textContent()).toBe('工作经历 1: 请填写开始日期（日期不详时填年数）');
  await page.getByRole('group', { name: '工作经历 1', exact: true }).getByLabel('开始日期', { exact: true }).fill('2020-03-01');
  await expect.poll(() => page.locator('section.level').count()).toBeGreaterThan(0);
  // the same page from either origin: axe and the screenshots once
  if (origin === 'http') expect(await axeViolations(page)).toEqual([]);
  expect(await page.locator('#results').getAttribute('aria-live')).toBe('polite');
  const { scrollWidth } = await screenshots(page, `selfcheck-${origin}`);
  expect(scrollWidth).toBeLessThanOrEqual(375);
  // Tab from the top: every visible control is reached
  const controls = await page.locator('main :is(input, select, button, a[href]):visible:enabled').evaluateAll((els) => els.map((e, i) => (e.id ||= `control-${i}`)));
  // the page's focus events, recorded as Tab moves through it (read only)
  await page.evaluate(() => {
    const w = window as unknown as { focused: string[] };
    w.focused = [];
    document.addEventListener('focusin', (e) => w.focused.push((e.target as HTMLElement).id));
  });
  // a date input has a stop per part (year, month, day)
  const missed = async (): Promise<string[]> => {
    const reached = new Set(await page.evaluate(() => (window as unknown as { focused: string[] }).focused));
    return controls.filter((id) => !reached.has(id));
  };
  for (let round = 0; round < 8 && (await missed()).length > 0; round++) for (let i = 0; i < 12; i++) await page.keyboard.press('Tab');
  expect(await missed()).toEqual([]);
  // English on request: the labels switch
  await page.getByRole('button', { name: 'English' }).click();
  expect(await page.getByLabel('As of', { exact: true }).isVisible()).toBe(true);
  expect(await page.getByRole('button', { name: 'Add work period' }).count()).toBe(1);
  expect(foreignRequests(requests, base)).toEqual([]);
  await page.context().close();
});
});
