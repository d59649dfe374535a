// POST /v1/evaluate and POST /v1/evaluate/batch: the body is the profile (the batch: a JSON array
// of profiles), the rest are query parameters; each request is answered wholly by one rules version.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseDay, todayInShanghai, type Level } from '../runtime/index.js';
import type { Answer, Query } from './decide.js';
import type { Limits } from './limits.js';
import { arrayElements } from './json-scan.js';
import { langOf, ProblemError, sendProblem } from './reply.js';
import { BATCH_QUERY, EVALUATE_QUERY, type JudgingQuery } from './request-schema.js';
import type { RulesHost } from './rules-host.js';

export const JSON_TYPE = 'application/json; charset=utf-8';

/** The validated query as the decider takes it; an impossible date is a problem. */
export function queryOf(q: JudgingQuery, explainDefault: boolean, limits: Limits): Query {
  const asOf = q.asOf ?? todayInShanghai();
  if (parseDay(asOf) === undefined) throw new ProblemError('invalid-request', [{ code: 'E_SERVE_REQUEST', args: { path: '/query/asOf', detail: `not a calendar date: ${asOf}` }, pointer: '/query/asOf' }]);
  const out: Query = { asOf, explain: q.explain ?? explainDefault, maxEntries: limits.entries };
  if (q.occupation !== undefined) out.occupation = typeof q.occupation === 'string' ? [q.occupation] : q.occupation;
  if (q.workType !== undefined) out.workType = q.workType;
  if (q.level !== undefined) out.level = q.level as Level;
  return out;
}

/** Sends an answer: its JSON (UTF-8, with the final newline `zige eval --json` prints), or its problem. */
function send(req: FastifyRequest, reply: FastifyReply, a: Answer): FastifyReply {
  if (!a.ok) return sendProblem(req, reply, a.kind, a.issues);
  return reply.type(JSON_TYPE).send(Buffer.isBuffer(a.body) ? a.body : Buffer.from(a.body.buffer, a.body.byteOffset, a.body.byteLength));
}

export function evaluateRoutes(app: FastifyInstance, host: RulesHost, limits: Limits): void {
  // Synchronous: the version read here answers the whole request, in this thread.
  app.post('/v1/evaluate', { schema: { querystring: EVALUATE_QUERY } }, (req, reply) => {
    const q = queryOf(req.query as JudgingQuery, true, limits);
    const rules = host.rules;
    req.zige.version = rules.version;
    return send(req, reply, rules.evaluate(req.body as string, q));
  });

  app.post('/v1/evaluate/batch', { schema: { querystring: BATCH_QUERY } }, (req, reply) => {
    const q = queryOf(req.query as JudgingQuery, false, limits);
    const texts = batchTexts(req.body as string, limits);
    const rules = host.rules;
    req.zige.version = rules.version;
    return send(req, reply, rules.batch(texts, q, langOf(req)));
  });
}

/** The profiles of a batch body, each its own text; a body that is not an array of at most `batchSize` is a problem. */
function batchTexts(body: string, limits: Limits): string[] {
  const texts = arrayElements(body);
  if (texts === undefined) {
    let detail = 'a batch body is a JSON array of profiles';
    try {
      JSON.parse(body);
    } catch (e) {
      throw new ProblemError('malformed-json', [{ code: 'E_SERVE_MALFORMED_JSON', args: { detail: (e as Error).message }, pointer: '' }]);
    }
    detail += ` (${body.trimStart().slice(0, 1) || 'empty'})`;
    throw new ProblemError('invalid-request', [{ code: 'E_SERVE_REQUEST', args: { path: '/', detail }, pointer: '' }]);
  }
  if (texts.length > limits.batchSize) throw new ProblemError('batch-too-large', [{ code: 'E_SERVE_BATCH_TOO_LARGE', args: { max: limits.batchSize, count: texts.length }, pointer: '' }]);
  return texts;
}
