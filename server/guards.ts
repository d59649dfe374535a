// The hooks every request passes: a request id, the concurrency limit, refusal while shutting
// down, the request timeout, and at the end one log line and the metrics.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Limits } from './limits.js';
import type { ServeMetrics } from './metrics.js';
import { problemBody, sendProblem } from './reply.js';
import { PROBLEM_MEDIA_TYPE } from './problems.js';
import type { RulesHost } from './rules-host.js';

export const VERSION_HEADER = 'zige-rules-version';

export interface ServiceState {
  closing: boolean;
  inFlight: number;
  /** When the last connection or request arrived (ms since the epoch). */
  lastArrival: number;
  /** The shutdown deadline passed: stop waiting for requests to finish. */
  forced: boolean;
}

export function addGuards(app: FastifyInstance, limits: Limits, host: RulesHost, metrics: ServeMetrics, state: ServiceState): void {
  app.decorateRequest('zige');
  app.server.on('connection', () => (state.lastArrival = Date.now()));
  app.addHook('onRequest', (req, reply, done) => {
    state.lastArrival = Date.now();
    req.zige = { start: process.hrtime.bigint(), version: host.rules.version, counted: false, bodyRead: false, timer: undefined, done: false };
    reply.header('x-request-id', req.id);
    if (state.closing) {
      reply.header('connection', 'close');
      sendProblem(req, reply, 'closing', [{ code: 'E_SERVE_CLOSING' }]);
      return;
    }
    if (state.inFlight >= limits.concurrency) {
      reply.header('retry-after', '1');
      sendProblem(req, reply, 'busy', [{ code: 'E_SERVE_BUSY', args: { max: limits.concurrency } }]);
      return;
    }
    state.inFlight++;
    req.zige.counted = true;
    req.zige.timer = setTimeout(() => timedOut(req, reply, limits, () => finish(req, reply, state, metrics)), limits.timeoutMs);
    done();
  });
  app.addHook('preHandler', (req, _reply, done) => {
    req.zige.bodyRead = true;
    done();
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    reply.header(VERSION_HEADER, req.zige?.version ?? host.rules.version);
    done(null, payload);
  });
  app.addHook('onResponse', (req, reply, done) => {
    finish(req, reply, state, metrics);
    done();
  });
  app.addHook('onRequestAbort', (req, done) => {
    if (req.zige) finish(req, null, state, metrics);
    done();
  });
}

/** The timeout: while the body still arrives, 408 and the connection closed; after, 503. */
function timedOut(req: FastifyRequest, reply: FastifyReply, limits: Limits, finished: () => void): void {
  if (reply.sent || req.zige.done) return;
  const issues = [{ code: 'E_SERVE_TIMEOUT' as const, args: { ms: limits.timeoutMs } }];
  if (req.zige.bodyRead) {
    sendProblem(req, reply, 'timeout', issues, 503);
    return;
  }
  // The body parser still waits for bytes: answer on the raw socket and close it.
  req.zige.problem = 'timeout';
  reply.hijack();
  const body = problemBody(req, 'timeout', issues, 408);
  reply.raw.writeHead(408, { 'content-type': PROBLEM_MEDIA_TYPE, 'content-length': Buffer.byteLength(body), connection: 'close', 'x-request-id': req.id, [VERSION_HEADER]: req.zige.version });
  reply.raw.end(body, () => req.raw.socket?.destroy());
  finished();
}

/** Once per request: the concurrency slot given back, the metrics, one log line (no body, no query). */
function finish(req: FastifyRequest, reply: FastifyReply | null, state: ServiceState, metrics: ServeMetrics): void {
  const z = req.zige;
  if (!z || z.done) return;
  z.done = true;
  clearTimeout(z.timer);
  if (z.counted) {
    state.inFlight--;
  }
  const status = reply ? reply.raw.statusCode : 499;
  const seconds = Number(process.hrtime.bigint() - z.start) / 1e9;
  const route = req.routeOptions.url ?? 'unknown';
  metrics.requests.inc({ method: req.method, route, status });
  metrics.latency.observe({ route }, seconds);
  if (z.problem) metrics.errors.inc({ type: z.problem });
  req.log.info({ method: req.method, route, path: req.url.split('?')[0], status, ms: Math.round(seconds * 1e6) / 1e3, rulesVersion: z.version, problem: z.problem }, 'request');
}
