// What the site's browser tests share: the site written by `zige site` (in process), a loopback
// HTTP server for it, headless Chromium (Debian's `chromium`, driven by playwright-core: one browser
// per test file), the two origins every test runs from, the record of every request a page makes,
// axe-core's WCAG 2 A/AA check, and screenshots written to .tmp/site-artifacts/.
import { createReadStream, existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { scratch } from './helpers.js';
import { zige } from './in-process.js';

export const CHROMIUM = '/usr/lib/chromium/chromium';
export const ARTIFACTS = join(import.meta.dirname, '..', '.tmp', 'site-artifacts');

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.png': 'image/png' };

export interface SiteHarness {
  dir: string;
  browser: Browser;
  /** The site's base URL from each origin. */
  origins: { name: 'file' | 'http'; base: string }[];
  close(): Promise<void>;
}

function serve(dir: string): Promise<Server> {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const path = resolve(root, `.${decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)}`);
    const file = path === root ? join(root, 'index.html') : path;
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

/** Writes the site, serves it, starts the browser. Fails, naming the install command, when Chromium is missing. */
export async function startSite(): Promise<SiteHarness> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  const dir = join(scratch('site'), 'site');
  const built = await zige(['site', '--out', dir]);
  if (built.code !== 0) throw new Error(`zige site failed: ${built.stderr}`);
  const [server, browser] = await Promise.all([serve(dir), chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'] })]);
  const port = (server.address() as AddressInfo).port;
  mkdirSync(ARTIFACTS, { recursive: true });
  return {
    dir,
    browser,
    origins: [
      { name: 'file', base: pathToFileURL(dir).href + '/' },
      { name: 'http', base: `http://127.0.0.1:${port}/` },
    ],
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/** A new page whose every request URL is recorded. */
export async function recordedPage(browser: Browser, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; requests: string[] }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  // generous: on a shared machine other work may hold both cores for seconds
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => requests.push(`pageerror: ${e.message}`));
  return { page, requests };
}

/** The requests that left the origin: not under the site folder (file) or not on its host:port (http). */
export function foreignRequests(requests: string[], base: string): string[] {
  // blob: URLs are the page's own downloads, made in memory: nothing leaves the device
  return requests.filter((u) => !(u.startsWith(base) || u.startsWith('blob:')));
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's serious and critical violations of WCAG 2 A and AA on the page. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Screenshots at 375 and 1280 px wide; whether the page scrolls sideways at 375 px. */
export async function screenshots(page: Page, name: string): Promise<{ scrollWidth: number }> {
  await page.setViewportSize({ width: 375, height: 800 });
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.screenshot({ path: join(ARTIFACTS, `${name}-375.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: join(ARTIFACTS, `${name}-1280.png`) });
  return { scrollWidth };
}
