// `zige serve` in process (Fastify's inject; the sockets are tested in serve-process.test.ts):
// every endpoint, the same bytes as `zige eval --json`, problems, limits at and one over, the
// OpenAPI document (validated as 3.1; its examples answered as documented), logs and metrics.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Validator } from '@seriousme/openapi-schema-validator';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, RULES, rulesDir } from './helpers.js';
import { zige } from './in-process.js';
import { DocumentCheck, loadServer, type Service } from './serve-helpers.js';

let service: Service;
let doc: DocumentCheck;
const logLines: string[] = [];

interface Answer {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: string;
  json: () => any;
}

/** A request through Fastify's inject; its response is checked against the OpenAPI document. */
async function call(method: 'GET' | 'POST', url: string, body?: string, headers: Record<string, string> = {}): Promise<Answer> {
  const r = await service.app.inject({ method, url, payload: body, headers: body !== undefined ? { 'content-type': 'application/json', ...headers } : headers });
  doc.check(method, url, r.statusCode, String(r.headers['content-type'] ?? ''), r.body);
  expect(r.headers['zige-rules-version']).toBe(service.host.rules.version);
  return { status: r.statusCode, headers: r.headers, body: r.body, json: () => JSON.parse(r.body) };
}

beforeAll(async () => {
  const { createService } = await loadServer();
  const log = new Writable({
    write(chunk: Buffer, _e, done) {
      logLines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const made = await createService({ dir: RULES, log });
  if (!('app' in made)) throw new Error('bundled rules do not check');
  service = made;
  const r = await service.app.inject({ method: 'GET', url: '/openapi.json' });
  doc = new DocumentCheck(JSON.parse(r.body));
});

afterAll(async () => {
  await service?.close();
});

const examples = JSON.parse(readFileSync(join(ROOT, 'examples', 'examples.json'), 'utf8')) as { profile: string; args: string[] }[];

describe('POST /v1/evaluate', () => {
  it.each(examples)('answers $profile with the bytes of zige eval --json', async (e) => {
    const text = readFileSync(join(ROOT, 'examples', e.profile), 'utf8');
    const json = e.profile.endsWith('.json') ? text : JSON.stringify(parse(text));
    const query = new URLSearchParams({ occupation: e.args[1], asOf: e.args[3] });
    const served = await call('POST', `/v1/evaluate?${query}`, json);
    const cli = await zige(['eval', join('examples', e.profile), ...e.args, '--json']);
    expect(served.status).toBe(200);
    expect(served.body).toBe(cli.stdout);
  });

  it('judges every occupation when none is named, and without explanations on request', async () => {
    const profile = readFileSync(join(ROOT, 'examples', 'applicant-no-education.json'), 'utf8');
    const all = await call('POST', '/v1/evaluate?asOf=2026-11-28', profile);
    expect(all.body).toBe((await zige(['eval', 'examples/applicant-no-education.json', '--as-of', '2026-11-28', '--json'])).stdout);
    const bare = (await call('POST', '/v1/evaluate?asOf=2026-11-28&explain=false', profile)).json();
    expect(bare.results.length).toBe(all.json().results.length);
    expect(bare.results[0].explanation).toBeUndefined();
  });

  it('accepts curl -d (form-urlencoded) as the profile JSON', async () => {
    const profile = readFileSync(join(ROOT, 'examples', 'applicant-no-education.json'), 'utf8');
    const r = await call('POST', '/v1/evaluate?asOf=2026-11-28', profile, { 'content-type': 'application/x-www-form-urlencoded' });
    expect(r.status).toBe(200);
  });
});

describe('problems', () => {
  const problem = (r: Answer, type: string, code: string) => {
    expect(r.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    const p = r.json();
    expect(p.type).toBe(`urn:zige:problem:${type}`);
    expect(p.code).toBe(code);
    expect(p.status).toBe(r.status);
    expect(p.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(p.en).toMatch(/[a-z]/);
    return p;
  };

  it('malformed JSON, a wrong content type, an invalid profile, unknown names, a bad query', async () => {
    expect(problem(await call('POST', '/v1/evaluate', '{"work": ['), 'malformed-json', 'E_PROFILE_PARSE').status).toBe(400);
    expect(problem(await call('POST', '/v1/evaluate', '{}', { 'content-type': 'text/plain' }), 'unsupported-media-type', 'E_SERVE_MEDIA_TYPE').status).toBe(415);
    const invalid = problem(await call('POST', '/v1/evaluate', '{"birthDate":"1990-02-30","work":[{"occupation":"x","from":"2020-01-01","hours":1}]}'), 'invalid-profile', 'E_PROFILE_DATE');
    expect(invalid.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/profile/birthDate', '/profile/work/0/hours']);
    problem(await call('POST', '/v1/evaluate?occupation=宇航员', '{}'), 'unknown-occupation', 'E_SERVE_UNKNOWN_OCCUPATION');
    problem(await call('POST', '/v1/evaluate?occupation=ai-trainer&workType=潜水', '{}'), 'unknown-work-type', 'E_SERVE_UNKNOWN_WORK_TYPE');
    const query = problem(await call('POST', '/v1/evaluate?level=9&colour=red', '{}'), 'invalid-request', 'E_SERVE_REQUEST');
    expect(query.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/query/colour', '/query/level']);
    problem(await call('POST', '/v1/evaluate?asOf=2026-02-30', '{}'), 'invalid-request', 'E_SERVE_REQUEST');
    problem(await call('GET', '/v2/nothing'), 'not-found', 'E_SERVE_NOT_FOUND');
  });

  it('honours lang, then Accept-Language, else both languages', async () => {
    const url = '/v1/evaluate?occupation=宇航员';
    const en = (await call('POST', url, '{}', { 'accept-language': 'fr;q=1, en-GB;q=0.8, zh;q=0.5' })).json();
    expect(en.title).toBe(en.en);
    const zh = (await call('POST', `${url}&lang=zh`, '{}', { 'accept-language': 'en' })).json();
    expect(zh.title).toBe(zh.zh);
    const both = (await call('POST', url, '{}')).json();
    expect(both.title).toBe(`${both.zh} / ${both.en}`);
  });
});

describe('limits, at the limit and one over', () => {
  const L = () => service.limits;
  it('body size', async () => {
    const base = '{"work":[]}';
    const at = base + ' '.repeat(L().bodyBytes - base.length);
    expect((await call('POST', '/v1/evaluate?asOf=2026-11-28', at)).status).toBe(200);
    const over = await call('POST', '/v1/evaluate?asOf=2026-11-28', at + ' ');
    expect([over.status, over.json().type]).toEqual([413, 'urn:zige:problem:body-too-large']);
    expect((await call('POST', '/v1/evaluate', 'x'.repeat(10 * 1024 * 1024))).status).toBe(413);
  });

  it('nesting depth', async () => {
    // {"facts":{"a":[[…]]}}: the profile object and facts are two levels
    const nested = (n: number) => `{"facts":{"a":${'['.repeat(n - 2)}${']'.repeat(n - 2)}}}`;
    const at = await call('POST', '/v1/evaluate', nested(L().depth));
    expect(at.json().type).toBe('urn:zige:problem:invalid-profile');
    const over = await call('POST', '/v1/evaluate', nested(L().depth + 1));
    expect([over.status, over.json().type]).toEqual([400, 'urn:zige:problem:too-deep']);
    expect((await call('POST', '/v1/evaluate', '['.repeat(500_000))).json().code).toBe('E_SERVE_TOO_DEEP');
  });

  it('profile entries', async () => {
    const profile = (n: number) => JSON.stringify({ work: Array.from({ length: n }, () => ({ occupation: '人工智能训练师', years: 1 })) });
    expect((await call('POST', '/v1/evaluate?occupation=ai-trainer&asOf=2026-11-28&explain=false', profile(L().entries))).status).toBe(200);
    const over = await call('POST', '/v1/evaluate?occupation=ai-trainer&asOf=2026-11-28', profile(L().entries + 1));
    expect([over.status, over.json().code, over.json().errors[0].pointer]).toEqual([413, 'E_SERVE_ENTRIES', '/profile']);
  });

  it('batch size; results in order, an invalid profile answered in its slot', async () => {
    const good = readFileSync(join(ROOT, 'examples', 'applicant-no-education.json'), 'utf8');
    const slots = Array.from({ length: L().batchSize }, (_, i) => (i === 1 ? '{"birthDate":"x"}' : good));
    const r = await call('POST', '/v1/evaluate/batch?occupation=ai-trainer&asOf=2026-11-28&explain=true', `[${slots.join(',')}]`);
    expect(r.status).toBe(200);
    const body = r.json();
    expect(body.rulesVersion).toBe(r.headers['zige-rules-version']);
    expect(body.results.map((s: { index: number }) => s.index)).toEqual(slots.map((_, i) => i));
    expect([body.results[1].status, body.results[1].problem.code, body.results[1].problem.errors[0].pointer]).toEqual([422, 'E_PROFILE_PATTERN', '/profiles/1/birthDate']);
    const cli = JSON.parse((await zige(['eval', 'examples/applicant-no-education.json', '--occupation', 'ai-trainer', '--as-of', '2026-11-28', '--json'])).stdout);
    expect(body.results[0].result).toEqual(cli);
    const odd = (await call('POST', '/v1/evaluate/batch', `[ {"birthDate":"1990-01-01","birthDate":"1991-01-01"} , {"work" []} ,"a,]}"]`)).json();
    expect(odd.results.map((s: { status: number; problem: { code: string } }) => [s.status, s.problem.code])).toEqual([
      [422, 'E_PROFILE_DUPLICATE_KEY'],
      [400, 'E_PROFILE_PARSE'],
      [422, 'E_PROFILE_TYPE'],
    ]);
    expect((await call('POST', '/v1/evaluate/batch', '{"profiles":[]}')).json().code).toBe('E_SERVE_REQUEST');
    expect((await call('POST', '/v1/evaluate/batch', '[{},]')).json().code).toBe('E_SERVE_MALFORMED_JSON');
    expect((await call('POST', '/v1/evaluate/batch', '[]')).json().results).toEqual([]);
    const over = await call('POST', '/v1/evaluate/batch', `[${[...slots, good].join(',')}]`);
    expect([over.status, over.json().code]).toEqual([413, 'E_SERVE_BATCH_TOO_LARGE']);
  });
});

describe('information endpoints', () => {
  it('occupations, one occupation with its clauses and source sentences, unknown ones', async () => {
    const list = (await call('GET', '/v1/occupations?asOf=2026-11-28')).json();
    expect(list.occupations.map((o: { id: string }) => o.id)).toContain('ai-trainer');
    const one = (await call('GET', `/v1/occupations/${encodeURIComponent('人工智能训练师')}`)).json();
    expect(one.id).toBe('ai-trainer');
    const clause = one.versions[0].levels[0].clauses[0];
    const sources = readdirSync(join(RULES, 'sources')).map((f) => readFileSync(join(RULES, 'sources', f), 'utf8').replace(/\s/g, ''));
    expect(sources.some((s) => s.includes(clause.text.replace(/\s/g, '')))).toBe(true);
    expect((await call('GET', '/v1/occupations/astronaut')).status).toBe(404);
  });

  it('health, readiness, metrics, the index', async () => {
    const health = await call('GET', '/healthz', undefined, { origin: 'https://platform.example' });
    expect(health.json()).toEqual({ status: 'ok' });
    expect(health.headers['access-control-allow-origin']).toBeUndefined(); // CORS off without --cors
    expect((await call('GET', '/readyz')).json()).toEqual({ status: 'ready', rulesVersion: service.host.rules.version });
    const index = (await call('GET', '/')).json();
    expect(index.endpoints).toContainEqual(expect.objectContaining({ method: 'POST', path: '/v1/evaluate' }));
    const metrics = await service.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(/zige_http_requests_total\{method="POST",route="\/v1\/evaluate",status="200"\} \d+/);
    expect(metrics.body).toContain(`zige_rules_info{version="${service.host.rules.version}"} 1`);
    expect(metrics.body).toMatch(/zige_http_request_duration_seconds_bucket/);
    expect(metrics.body).toMatch(/zige_http_errors_total\{type="body-too-large"\} \d+/);
  });

  it('one JSON log line per request with its request id, and no profile contents', async () => {
    const before = logLines.length;
    const r = await call('POST', '/v1/evaluate?occupation=ai-trainer', '{"birthDate":"1987-06-05","idNumber":"110101198706051234"}', { 'x-request-id': 'trace-42' });
    // a valid profile (the identity number's check digit holds): the CLI's JSON, the id in the header
    expect(r.status).toBe(200);
    expect(r.headers['x-request-id']).toBe('trace-42');
    const lines = logLines.slice(before).map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.requestId === 'trace-42' && l.msg === 'request')).toHaveLength(1);
    expect(logLines.join('\n')).not.toMatch(/1987-06-05|110101198706051234/);
  });
});

describe('zige serve on the command line', () => {
  it('refuses rules that do not check (exit 1, their diagnostics) and bad options (exit 2)', async () => {
    const broken = rulesDir({ 'broken.yaml': 'occupation: [\n' });
    const r = await zige(['serve', broken, '--port', '0']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_YAML');
    const usage = await zige(['serve', '--port', 'eighty']);
    expect([usage.code, usage.stderr]).toEqual([2, expect.stringContaining('--port')]);
  });
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1, with an example per endpoint and per error status', async () => {
    const result = await new Validator().validate(structuredClone(doc.doc) as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.doc.openapi).toBe('3.1.0');
    for (const ops of Object.values(doc.doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { example?: unknown; schema?: unknown }> }> }>>)) {
      for (const op of Object.values(ops)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400) expect(Object.values(response.content!)[0].example, status).toBeDefined();
        }
      }
    }
  });

  it('answers every example request as documented', async () => {
    const paths = doc.doc.paths as Record<string, { post?: { requestBody: { content: Record<string, { examples: Record<string, { value: unknown; 'x-zige-query': Record<string, string>; 'x-zige-status': number }> }> } } }>;
    let count = 0;
    for (const [path, ops] of Object.entries(paths)) {
      for (const e of Object.values(ops.post?.requestBody.content['application/json'].examples ?? {})) {
        const r = await call('POST', `${path}?${new URLSearchParams(e['x-zige-query'])}`, JSON.stringify(e.value));
        expect(r.status).toBe(e['x-zige-status']);
        count++;
      }
    }
    expect(count).toBeGreaterThanOrEqual(3);
  });
});
