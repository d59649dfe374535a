// `zige serve`'s rules versions (in process): each version's generated code runs in a vm context
// of its own and is collected once replaced; the version in every body is the header's and the
// CLI's; batch slots encoded as bytes are exactly JSON.stringify of the single answers.
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { population } from '../bench/population.js';
import { ROOT, RULES } from './helpers.js';
import { zige } from './in-process.js';
import { loadServer, type Service } from './serve-helpers.js';

let service: Service;
let dir: string;

beforeAll(async () => {
  // a copy of the bundled rules, changed and reloaded below
  dir = mkdtempSync(join(tmpdir(), 'zige-serve-versions-'));
  cpSync(RULES, dir, { recursive: true });
  const made = await (await loadServer()).createService({ dir, log: false });
  if (!('app' in made)) throw new Error('bundled rules do not check');
  service = made;
});

afterAll(async () => {
  await service?.close();
});

const post = (url: string, body: string) => service.app.inject({ method: 'POST', url, payload: body, headers: { 'content-type': 'application/json' } });

describe('rules versions', () => {
  it('gives /v1/evaluate the CLI version in body and header, and the same bytes as zige eval --json', async () => {
    const file = join(ROOT, 'examples', 'applicant-no-education.json');
    const r = await post('/v1/evaluate?occupation=ai-trainer&asOf=2026-11-28', readFileSync(file, 'utf8'));
    expect(r.statusCode).toBe(200);
    // the bundled rules as compiled at build time: the same content as the copy served, so the same version
    const cli = await zige(['eval', file, '--occupation', 'ai-trainer', '--as-of', '2026-11-28', '--json']);
    expect(r.body).toBe(cli.stdout);
    expect(JSON.parse(r.body).rulesVersion).toBe(r.headers['zige-rules-version']);
  });

  it('answers a batch slot for slot as the single endpoint, both as JSON.stringify writes them', async () => {
    const profiles = population(7, 40).map((p) => JSON.stringify(p));
    // a warning (an unknown fact, the applicant's own text) and two invalid profiles
    profiles.push('{"facts":{"没有这个\\"事实\\u2028":true}}', '{"birthDate":"1990-02-30"}', '{"work":[{"occupation":"互联网营销师","from":"2020-01-01","to":"2019-01-01"}]}');
    const query = `occupation=${encodeURIComponent('互联网营销师')}&asOf=2026-11-28&explain=false`;
    const batch = await post(`/v1/evaluate/batch?${query}`, `[${profiles.join(',')}]`);
    expect(batch.statusCode).toBe(200);
    const body = JSON.parse(batch.body) as { rulesVersion: string; results: { index: number; status: number; result?: unknown; problem?: unknown }[] };
    expect(batch.body).toBe(`${JSON.stringify(body)}\n`);
    expect(body.rulesVersion).toBe(batch.headers['zige-rules-version']);
    for (const [i, text] of profiles.entries()) {
      const one = await post(`/v1/evaluate?${query}`, text);
      const slot = body.results[i];
      expect(slot.index).toBe(i);
      expect(slot.status).toBe(one.statusCode);
      if (one.statusCode !== 200) continue;
      // the single answer's text, made once per kind of level result, is JSON.stringify's
      expect(one.body).toBe(`${JSON.stringify(JSON.parse(one.body), null, 2)}\n`);
      expect(JSON.stringify(slot.result)).toBe(JSON.stringify(JSON.parse(one.body)));
    }
    expect(body.results.filter((s) => s.status !== 200).length).toBeGreaterThanOrEqual(2);
    expect(body.results.some((s) => (s.result as { warnings: unknown[] } | undefined)?.warnings.length)).toBe(true);
  });

  it('runs each version in a vm context of its own, and lets the replaced one go', async () => {
    // a gc function from a context made while the flag is on; the flag off again for other tests
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    setFlagsFromString('--no-expose-gc');
    // held only weakly here, so that nothing of this test keeps the first version alive
    const first = ((): { version: string; meta: WeakRef<object>; proto: object } => {
      const meta = service.host.rules.occupations[0].compiled().meta;
      return { version: service.host.rules.version, meta: new WeakRef(meta), proto: Object.getPrototypeOf(meta) as object };
    })();
    // an object literal of the generated code: made in the version's context, not this one's
    expect(first.proto).not.toBe(Object.prototype);
    const file = join(dir, 'ai-trainer.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('No certificate is required', 'No certificate at all is required'));
    const outcome = await service.reload();
    expect(outcome.ok).toBe(true);
    expect(outcome.version).not.toBe(first.version);
    const r = await post('/v1/evaluate?occupation=ai-trainer&asOf=2026-11-28', '{}');
    expect(JSON.parse(r.body).rulesVersion).toBe(outcome.version);
    expect(r.headers['zige-rules-version']).toBe(outcome.version);
    expect(Object.getPrototypeOf(service.host.rules.occupations[0].compiled().meta)).not.toBe(first.proto);
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
    expect(first.meta.deref()).toBeUndefined();
  });
});
