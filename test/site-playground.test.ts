// The playground and the handbook in headless Chromium, from file:// and from a loopback HTTP
// server. Playground: a typo in a `when:` typed into the editor shows `zige check --format json`'s
// diagnostics for the same text (code, zh and en message, line:col); fixing it clears them; a
// failing test case shows as failed, each case as `zige test --format json` reports it. Handbook:
// search by name, alias or id; every clause in plain words beside the policy's sentence; printed
// to PDF without clipped text. Every page: no request leaves its origin; axe WCAG 2 A/AA.
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, test } from 'vitest';
import * as runtime from '../runtime/index.js';
import { scratch, sized } from './helpers.js';
import { zige } from './in-process.js';
import { axeViolations, foreignRequests, recordedPage, screenshots, startSite, type SiteHarness } from './site-browser.js';

const ROOT = join(import.meta.dirname, '..');
const FILE = 'tech-consultant.yaml';
const ORIGINAL = readFileSync(join(ROOT, 'rules', FILE), 'utf8');

/** A rules folder holding `text` as the file, beside a `schema` folder as in the repository (so its schema line is right). */
function rulesWith(text: string): string {
  const base = scratch('site-pg');
  const dir = join(base, 'rules');
  mkdirSync(dir);
  cpSync(join(ROOT, 'rules', 'sources'), join(dir, 'sources'), { recursive: true });
  symlinkSync(join(ROOT, 'schema'), join(base, 'schema'));
  writeFileSync(join(dir, FILE), text);
  return dir;
}

interface Shown { code: string; line: number; col: number; zh: string; en: string }

async function checkJson(text: string): Promise<Shown[]> {
  const r = await zige(['check', rulesWith(text), '--format', 'json']);
  const doc = JSON.parse(r.stdout) as { diagnostics: { code: string; line: number; col: number; message: { zh: string; en: string } }[] };
  return doc.diagnostics.map((d) => ({ code: d.code, line: d.line, col: d.col, zh: d.message.zh, en: d.message.en }));
}

async function shownDiagnostics(page: Page): Promise<Shown[]> {
  return page.locator('#diagnostics > li[data-code]').evaluateAll((lis) =>
    lis.map((li) => {
      const t = li.querySelector('.t') as HTMLElement;
      return { code: li.getAttribute('data-code') ?? '', line: Number(li.getAttribute('data-line')), col: Number(li.getAttribute('data-col')), zh: t.dataset.zh ?? '', en: t.dataset.en ?? '' };
    }),
  );
}

/** Puts the cursor at the end of a line with the editor's go-to-line (Ctrl-Alt-G). */
async function toLineEnd(page: Page, line: number): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('Control+Alt+g');
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.keyboard.press('End');
}

const replaceLine = (text: string, line: number, from: string, to: string): string =>
  text.split('\n').map((l, i) => (i === line - 1 ? l.replace(from, to) : l)).join('\n');

let site: SiteHarness;
// building the site and starting Chromium: seconds, more on a busy machine
beforeAll(async () => {
  site = await startSite();
}, 180_000);
afterAll(async () => {
  await site?.close();
});

// Both pages from both origins in test:long (test/long/full-size.ts); in npm test the playground
// from file:// and the handbook from http:// (the same files and code: each origin once).
const BOTH_ORIGINS = sized(0, 1) === 1;

describe.concurrent.each(['file', 'http'] as const)('from %s', (origin) => {
  if (BOTH_ORIGINS || origin === 'file') test('playground: live diagnostics equal zige check; fixed, they clear; test cases as zige test reports them', async ({ expect }) => {
    const base = site.origins.find((o) => o.name === origin)!.base;
    const { page, requests } = await recordedPage(site.browser);
    await page.goto(`${base}playground.html`);
    await page.getByLabel('从此文件开始', { exact: true }).selectOption(FILE);
    await expect.poll(() => page.locator('#diagnostics > li').first().textContent()).toBe('没有问题');
    // line 14: `  when: 学历 大专 及以上` → 大砖
    await toLineEnd(page, 14);
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('砖');
    const typo = replaceLine(ORIGINAL, 14, '大专', '大砖');
    const want = await checkJson(typo);
    expect(want.map((d) => d.code)).toContain('E_UNKNOWN_DEGREE');
    await expect.poll(() => shownDiagnostics(page), { timeout: 10_000 }).toEqual(want);
    await page.keyboard.press('Backspace');
    await page.keyboard.type('专');
    await expect.poll(() => page.locator('#diagnostics > li').first().textContent()).toBe('没有问题');
    // line 60: `    expect: {3: ineligible}` → eligible: that case fails
    await toLineEnd(page, 60);
    await page.keyboard.press('ArrowLeft');
    for (let i = 0; i < 'ineligible'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('eligible');
    await expect.poll(() => page.locator('#diagnostics > li').first().textContent()).toBe('没有问题');
    await page.getByRole('button', { name: '运行测试' }).click();
    const r = await zige(['test', rulesWith(replaceLine(ORIGINAL, 60, 'ineligible', 'eligible')), '--format', 'json']);
    const cases = (JSON.parse(r.stdout) as { tests: { name: string; status: string; failures: string[] }[] }).tests;
    expect(cases.filter((c) => c.status === 'failed').length).toBe(1);
    await expect.poll(() => page.locator('#tests > li').evaluateAll((lis) => lis.map((li) => ({
      name: li.querySelector('.name')?.textContent ?? '',
      status: li.getAttribute('data-status') ?? '',
      failures: [...li.querySelectorAll('ul > li')].map((f) => f.textContent ?? ''),
    })))).toEqual(cases.map((c) => ({ name: c.name, status: c.status, failures: c.failures })));
    // a profile tried against the edited rules: the statuses zige eval gives with those rules
    const profile = { education: [{ level: '大专', status: '毕业', date: '2010-07-01' }], work: [{ occupation: '科技咨询师', from: '2012-01-01' }] };
    await page.getByLabel('资料（JSON 或 YAML）').fill(JSON.stringify(profile));
    await page.getByLabel('判定日期').fill('2026-11-28');
    await page.getByRole('button', { name: '试算' }).click();
    const file = join(scratch('site-pg'), 'p.json');
    writeFileSync(file, JSON.stringify(profile));
    const evaluated = await zige(['eval', file, '--rules', rulesWith(replaceLine(ORIGINAL, 60, 'ineligible', 'eligible')), '--occupation', 'tech-consultant', '--as-of', '2026-11-28', '--json']);
    const statuses = (JSON.parse(evaluated.stdout) as { results: { level: number; status: string }[] }).results.map((r) => [String(r.level), r.status]);
    await expect.poll(() => page.locator('#pg-results section.level').evaluateAll((ss) => ss.map((x) => [x.getAttribute('data-level'), x.getAttribute('data-status')]))).toEqual(statuses);
    // the same page from either origin: axe and the screenshots once
    if (origin === 'http') {
      expect(await axeViolations(page)).toEqual([]);
      await screenshots(page, 'playground');
    }
    expect(foreignRequests(requests, base)).toEqual([]);
    await page.context().close();
  }, 300_000);

  if (BOTH_ORIGINS || origin === 'http') test('handbook: search, plain sentences beside the policy text, printed to PDF unclipped', async ({ expect }) => {
    const base = site.origins.find((o) => o.name === origin)!.base;
    const { page, requests } = await recordedPage(site.browser);
    await page.goto(`${base}index.html`);
    const visible = (): Promise<string[]> => page.locator('#occupations > li:visible code').allTextContents();
    await page.getByLabel('搜索职业（名称、别名或编号）').fill('劳务派遣');
    expect(await visible()).toEqual(['labor-dispatch-manager']);
    await page.getByLabel('搜索职业（名称、别名或编号）').fill('HR-Manager');
    expect(await visible()).toEqual(['hr-manager']);
    if (origin === 'http') expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '企业人力资源管理师' }).click();
    // each clause: the runtime's words for its plan beside the policy's sentence
    const { meta } = (await import(pathToFileURL(join(ROOT, 'dist', 'evaluators', 'hr-manager.js')).href)) as { meta: runtime.OccupationMeta };
    const words = new runtime.Explainer(meta);
    const clauses = await page.locator('li.clause').evaluateAll((lis) => lis.map((li) => ({ id: li.id, policy: li.querySelector('.policy span[lang]')?.textContent ?? '', plain: li.querySelector('.plain > .t')?.textContent ?? '' })));
    expect(clauses).toEqual(meta.clauses.map((c) => {
      const zh = words.describe(c.plan).zh;
      return { id: c.id, policy: c.text, plain: c.plan.op === 'and' || c.plan.op === 'or' ? zh.slice(1, -1) : zh };
    }));
    expect(await page.locator('tr.version-row .now').first().textContent()).toBe('现行版本');
    if (origin === 'http') expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    const clipped = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((e) => e.scrollWidth > e.clientWidth && getComputedStyle(e).display !== 'inline' && !e.closest('.sr-only')).map((e) => `${e.tagName}.${e.className}: ${e.textContent}`));
    expect(clipped).toEqual([]);
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await page.emulateMedia({ media: 'screen' });
    // English on request
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.getByRole('heading', { name: 'Versions and dates in force' }).count()).toBe(1);
    if (origin === 'http') {
      const { scrollWidth } = await screenshots(page, 'handbook');
      expect(scrollWidth).toBeLessThanOrEqual(375);
    }
    expect(foreignRequests(requests, base)).toEqual([]);
    await page.context().close();
  }, 300_000);
});
