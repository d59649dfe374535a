// `zige serve` as a real process on a loopback port: the static site, a slow client cut off at the
// timeout, the concurrency limit, rules replaced by a broken file and then a fixed one while
// requests run (SIGHUP and --watch), SIGTERM during load, and the Python client of docs/serve.md.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, RULES, scratch } from './helpers.js';

const TIMEOUT_MS = 700;
/** Upper bound of a wait (reached only on a loaded machine: a reload takes well under a second on an idle one). */
const WAIT_MS = 30_000;
let child: ChildProcess;
let base = '';
let stdout = '';
const dir = scratch('serve-rules');
const site = scratch('serve-site');
const profile = readFileSync(join(ROOT, 'examples', 'applicant-no-education.json'), 'utf8');

/** Starts `zige serve` and resolves with its address once it listens. */
function start(args: string[]): Promise<{ child: ChildProcess; base: string }> {
  const c = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  c.stdout!.on('data', (b: Buffer) => (stdout += b.toString('utf8')));
  return new Promise((resolve, reject) => {
    let err = '';
    c.stderr!.on('data', (b: Buffer) => {
      err += b.toString('utf8');
      const m = /zige serve: (http:\/\/[\d.:]+)/.exec(err);
      if (m) resolve({ child: c, base: m[1] });
    });
    c.on('exit', (code) => reject(new Error(`zige serve exited (${code}): ${err}`)));
  });
}

async function until(what: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!what()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Sends a request by hand: headers, then the body byte by byte every `gapMs`; resolves with what came back. */
function dribble(body: string, gapMs: number): Promise<{ response: string; ms: number }> {
  const url = new URL(base);
  const t0 = Date.now();
  return new Promise((resolve) => {
    const socket = connect(Number(url.port), url.hostname);
    let response = '';
    let i = 0;
    socket.on('data', (b) => (response += b.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ response, ms: Date.now() - t0 }));
    socket.write(`POST /v1/evaluate?asOf=2026-11-28 HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`);
    const timer = setInterval(() => {
      if (i >= body.length || socket.destroyed) return clearInterval(timer);
      socket.write(body[i++]);
    }, gapMs);
  });
}

beforeAll(async () => {
  cpSync(RULES, dir, { recursive: true });
  mkdirSync(site, { recursive: true });
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>zige</title><h1>报名条件</h1>\n');
  ({ child, base } = await start([dir, '--port', '0', '--watch', '--site', site, '--timeout', String(TIMEOUT_MS), '--max-concurrency', '3', '--shutdown-deadline', '3000', '--cors', 'https://platform.example']));
});

afterAll(() => {
  if (child.exitCode === null) child.kill('SIGKILL');
});

describe('zige serve on a loopback port', () => {
  it('serves the site at / and answers as the CLI', async () => {
    const page = await fetch(base + '/');
    expect(await page.text()).toContain('<h1>报名条件</h1>');
    const r = await fetch(`${base}/v1/evaluate?occupation=ai-trainer&asOf=2026-11-28`, { method: 'POST', body: profile, headers: { 'content-type': 'application/json' } });
    expect(r.status).toBe(200);
    expect(await r.text()).toBe(readFileSync(join(ROOT, 'examples', 'applicant-no-education.expected.json'), 'utf8'));
    const allowed = await fetch(`${base}/healthz`, { headers: { origin: 'https://platform.example' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://platform.example');
    const other = await fetch(`${base}/healthz`, { headers: { origin: 'https://elsewhere.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('cuts off a slow client at the timeout; a body sent within it is answered', async () => {
    const [slow, inTime] = await Promise.all([dribble(profile, 40), dribble('{"work":[]}', 30)]);
    expect(slow.response).toMatch(/^HTTP\/1\.1 408/);
    expect(slow.response).toContain('urn:zige:problem:timeout');
    expect(slow.ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(slow.ms).toBeLessThan(TIMEOUT_MS + 1500);
    expect(inTime.response).toMatch(/^HTTP\/1\.1 200/);
  });

  it('answers 503 over the concurrency limit, and again 200 below it', async () => {
    const held = [0, 1, 2].map(() => dribble(profile, 200));
    await new Promise((r) => setTimeout(r, 150));
    const over = await fetch(`${base}/v1/evaluate`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
    expect(over.status).toBe(503);
    expect(((await over.json()) as { type: string }).type).toBe('urn:zige:problem:busy');
    await Promise.all(held);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });

  it('keeps answering with the old rules when the new ones do not check, then swaps in the fixed ones', async () => {
    const file = join(dir, 'ai-trainer.yaml');
    const original = readFileSync(file, 'utf8');
    // every version a response names: its header, its body's, and (a batch) each slot's result's
    const seen: { status: number; header: string | null; body: string[] }[] = [];
    let running = true;
    const loop = async (batch: boolean): Promise<void> => {
      while (running) {
        const path = batch ? '/v1/evaluate/batch' : '/v1/evaluate';
        const r = await fetch(`${base}${path}?occupation=ai-trainer&asOf=2026-11-28`, { method: 'POST', body: batch ? `[${profile},${profile}]` : profile, headers: { 'content-type': 'application/json' } });
        const body = (await r.json()) as { rulesVersion: string; results: { result?: { rulesVersion: string } }[] };
        seen.push({ status: r.status, header: r.headers.get('zige-rules-version'), body: [body.rulesVersion, ...(batch ? body.results.map((s) => s.result?.rulesVersion ?? '') : [])] });
      }
    };
    const clients = [loop(true), loop(false)];
    try {
      await until(() => seen.length > 3, WAIT_MS);
      const v1 = seen[0].header;
      writeFileSync(file, original.replace('levels:', 'levels: [[[\n'));
      child.kill('SIGHUP');
      await until(() => stdout.includes('rules reload refused'), WAIT_MS);
      const afterBroken = seen.length;
      await until(() => seen.length > afterBroken + 3, WAIT_MS);
      writeFileSync(file, original.replace('No certificate is required', 'No certificate at all is required'));
      await until(() => seen.some((s) => s.header !== v1), WAIT_MS);
    } finally {
      running = false;
      await Promise.all(clients);
    }
    expect(seen.every((s) => s.status === 200)).toBe(true);
    expect(seen.filter((s) => s.body.some((v) => v !== s.header))).toEqual([]);
    expect(seen.filter((s) => s.body.length === 1).length).toBeGreaterThan(0); // single evaluations were among them
    const versions = [...new Set(seen.map((s) => s.header))];
    expect(versions).toHaveLength(2); // the old one throughout the broken file, then the fixed one
    expect(stdout).toContain('E_SERVE_RELOAD_FAILED');
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/zige_rules_reloads_total\{outcome="kept"\} [1-9]/);
    expect(metrics).toContain(`zige_rules_info{version="${versions[1]}"} 1`);
  });

  it('runs the Python client of docs/serve.md', async (ctx) => {
    if (spawnSync('python3', ['--version']).status !== 0) {
      console.warn('python3 not found: the Python client of docs/serve.md is run by npm run test:long only');
      ctx.skip();
    }
    const code = /```python\n([\s\S]*?)```/.exec(readFileSync(join(ROOT, 'docs', 'serve.md'), 'utf8'))![1];
    const run = spawnSync('python3', ['-', join(ROOT, 'examples', 'applicant-no-education.json')], { input: code, env: { ...process.env, ZIGE_URL: base }, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^rules [0-9a-f]{16}/);
    const expected = JSON.parse(readFileSync(join(ROOT, 'examples', 'applicant-no-education.expected.json'), 'utf8')) as { results: { occupation: string; level: number; status: string }[] };
    expect(run.stdout.trim().split('\n').slice(1)).toEqual(expected.results.map((r) => `${r.occupation} level ${r.level}: ${r.status}`));
  });

  it('on SIGTERM answers every accepted request (2xx or 503) and exits 0', async () => {
    const outcomes: string[] = [];
    const requests = Array.from({ length: 24 }, () =>
      fetch(`${base}/v1/evaluate?asOf=2026-11-28`, { method: 'POST', body: profile, headers: { 'content-type': 'application/json', connection: 'close' } }).then(
        (r) => outcomes.push(String(r.status)),
        (e: { cause?: { code?: string } }) => outcomes.push(e.cause?.code ?? 'error'),
      ),
    );
    // SIGTERM once the first request has been answered: the others are under way
    await until(() => outcomes.length > 0, WAIT_MS);
    child.kill('SIGTERM');
    await Promise.all(requests);
    const exit = await new Promise<number | null>((r) => (child.exitCode !== null ? r(child.exitCode) : child.on('exit', r)));
    expect(exit).toBe(0);
    // refused connections were never accepted; every accepted one got an answer
    expect(outcomes.filter((o) => !['200', '503', 'ECONNREFUSED'].includes(o))).toEqual([]);
    expect(outcomes.filter((o) => o === '200').length).toBeGreaterThan(0);
  });
});
