// POST /v1/evaluate and POST /v1/evaluate/batch: the body is the profile (the batch: a JSON array
// of profiles), the rest are query parameters; each request is sent whole to one rules version.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { parseDay, todayInShanghai, type Level } from '../runtime/index.js';
import type { Query } from './decide.js';
import type { Limits } from './limits.js';
import { arrayElements } from './json-scan.js';
import { langOf, ProblemError, sendProblem } from './reply.js';
import { BATCH_QUERY, EVALUATE_QUERY, type JudgingQuery } from './request-schema.js';
import type { RulesHost } from './rules-host.js';
import type { WorkerReply } from './worker-protocol.js';

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

/** Answers a worker reply: the JSON, or the problem it found (an unreadable profile is malformed JSON). */
async function answer(req: FastifyRequest, reply: FastifyReply, pending: Promise<WorkerReply>, json: (r: WorkerReply) => string | undefined): Promise<FastifyReply | undefined> {
  let r: WorkerReply;
  try {
    r = await pending;
  } catch (e) {
    req.log.error({ err: String(e) }, 'rules worker failed');
    r = { id: -1, error: String(e) };
  }
  if (reply.sent) return undefined; // timed out meanwhile
  if ('error' in r) {
    req.log.error({ error: r.error }, 'evaluation failed');
    return sendProblem(req, reply, 'internal', [{ code: 'E_SERVE_INTERNAL', args: { requestId: req.id } }]);
  }
  if ('answer' in r && !r.answer.ok) return sendProblem(req, reply, r.answer.kind, r.answer.issues);
  return reply.type(JSON_TYPE).send(json(r));
}

export function evaluateRoutes(app: FastifyInstance, host: RulesHost, limits: Limits): void {
  app.post('/v1/evaluate', { schema: { querystring: EVALUATE_QUERY } }, async (req, reply) => {
    const q = queryOf(req.query as JudgingQuery, true, limits);
    const { rules, reply: pending } = host.evaluate(req.body as string, q);
    req.zige.version = rules.version;
    // the same bytes as `zige eval --json` prints, its final newline included
    return answer(req, reply, pending, (r) => ('answer' in r && r.answer.ok ? r.answer.json + '\n' : undefined));
  });

  app.post('/v1/evaluate/batch', { schema: { querystring: BATCH_QUERY } }, async (req, reply) => {
    const q = queryOf(req.query as JudgingQuery, false, limits);
    const texts = batchTexts(req.body as string, limits);
    const { rules, reply: pending } = host.batch(texts, q, langOf(req));
    req.zige.version = rules.version;
    return answer(req, reply, pending, (r) => ('batch' in r ? r.batch + '\n' : undefined));
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
