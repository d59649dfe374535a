// `zige serve` as a Fastify application: the rules host, the hooks (server/guards.ts), the routes,
// body parsing with the depth limit, problems for every error, CORS and the static site.
import { randomUUID } from 'node:crypto';
import { getHeapStatistics } from 'node:v8';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { addGuards, type ServiceState } from './guards.js';
import { infoRoutes } from './info-routes.js';
import { DEFAULT_LIMITS, type Limits } from './limits.js';
import { ServeMetrics } from './metrics.js';
import { nestsDeeperThan } from './json-scan.js';
import { ProblemError, sendProblem } from './reply.js';
import { RulesHost, startVersion, type ReloadOutcome } from './rules-host.js';
import { evaluateRoutes } from './routes-evaluate.js';

export interface ServeOptions {
  /** The rules directory. */
  dir: string;
  limits?: Partial<Limits>;
  /** Where the JSON log lines go; false: nowhere. */
  log: false | { write(line: string): unknown };
  /** A folder served at `/` (the web site). */
  site?: string;
  /** Origins allowed by CORS; none: CORS off. */
  cors?: string[];
}

export interface Service {
  app: FastifyInstance;
  host: RulesHost;
  metrics: ServeMetrics;
  limits: Limits;
  state: ServiceState;
  /** Checks the rules again; swaps them in when they check. */
  reload(): Promise<ReloadOutcome>;
  /** Stops accepting, answers what is in progress, then waits for a reload in progress. */
  close(): Promise<void>;
}

/** Quiet time after the last arrival before the listener closes on shutdown. */
const DRAIN_QUIET_MS = 250;

/**
 * Resolves once no request is in progress and nothing arrived for DRAIN_QUIET_MS. Until then the
 * listener stays open and answers 503 `closing`: a connection the kernel accepted just before the
 * shutdown gets that answer instead of a reset (the caller's deadline bounds the wait).
 */
async function drained(state: ServiceState): Promise<void> {
  while (!state.forced && (state.inFlight > 0 || Date.now() - state.lastArrival < DRAIN_QUIET_MS)) await new Promise((r) => setTimeout(r, 25));
}

/** A request id: the client's X-Request-Id when it is a plain token, else a new UUID. */
function requestId(req: { headers: Record<string, string | string[] | undefined> }): string {
  const given = req.headers['x-request-id'];
  return typeof given === 'string' && /^[\w.:-]{1,64}$/.test(given) ? given : randomUUID();
}

/** The service on the rules of `dir`, not yet listening; the rules' diagnostics when they do not check. */
export async function createService(o: ServeOptions): Promise<Service | { diagnostics: Diagnostic[] }> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...o.limits };
  const first = await startVersion(o.dir);
  if (!first.ok) return { diagnostics: first.diagnostics };
  const host = new RulesHost(o.dir, first.rules);
  const state: ServiceState = { closing: false, inFlight: 0, lastArrival: 0, forced: false };
  const metrics = new ServeMetrics(() => state.inFlight);
  metrics.setVersion(first.rules.version);
  const app = Fastify({
    logger: o.log === false ? false : { stream: o.log, level: 'info' },
    // one line per request, written by server/guards.ts
    logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
    genReqId: requestId,
    bodyLimit: limits.bodyBytes,
    return503OnClosing: false,
    // a backstop behind the timeout of server/guards.ts, which answers with a problem
    requestTimeout: limits.timeoutMs + 5_000,
    ajv: { customOptions: { removeAdditional: false, allErrors: true } },
  });
  addGuards(app, limits, host, metrics, state);
  await plugins(app, o, limits);
  bodyParser(app, limits);
  app.setErrorHandler(errorHandler(limits));
  app.setNotFoundHandler((req, reply) => sendProblem(req, reply, 'not-found', [{ code: 'E_SERVE_NOT_FOUND', args: { method: req.method, url: req.url.split('?')[0] } }]));
  evaluateRoutes(app, host, limits);
  infoRoutes(app, { host, limits, metrics, state }, o.site !== undefined);
  const reload = async (): Promise<ReloadOutcome> => {
    const outcome = await host.reload();
    metrics.reloads.inc({ outcome: outcome.ok ? 'swapped' : 'kept' });
    metrics.setVersion(outcome.version);
    return outcome;
  };
  const close = async (): Promise<void> => {
    state.closing = true;
    await drained(state);
    await app.close();
    await host.close();
  };
  return { app, host, metrics, limits, state, reload, close };
}

async function plugins(app: FastifyInstance, o: ServeOptions, limits: Limits): Promise<void> {
  // Memory pressure: refuse (503 busy) before the heap runs out, whatever the other limits allow.
  const heap = getHeapStatistics().heap_size_limit;
  await app.register((await import('@fastify/under-pressure')).default, {
    maxHeapUsedBytes: Math.floor(heap * 0.7),
    pressureHandler: (req: FastifyRequest, reply: FastifyReply): void => {
      reply.header('retry-after', '1');
      sendProblem(req, reply, 'busy', [{ code: 'E_SERVE_BUSY', args: { max: limits.concurrency } }]);
    },
  });
  if (o.cors && o.cors.length > 0) await app.register((await import('@fastify/cors')).default, { origin: o.cors, exposedHeaders: ['zige-rules-version', 'x-request-id'] });
  if (o.site !== undefined) await app.register((await import('@fastify/static')).default, { root: o.site, prefix: '/', index: ['index.html'] });
}

/** Bodies are read as text (the profile loader reads it, as the CLI does), refused when nested too deep. */
function bodyParser(app: FastifyInstance, limits: Limits): void {
  app.removeContentTypeParser(['application/json']);
  // `curl -d @profile.json` sends form-urlencoded: its body is the profile's JSON all the same
  app.removeContentTypeParser(['text/plain']);
  app.addContentTypeParser(['application/json', 'application/x-www-form-urlencoded'], { parseAs: 'string' }, (_req, body, done) => {
    if (nestsDeeperThan(body as string, limits.depth)) done(new ProblemError('too-deep', [{ code: 'E_SERVE_TOO_DEEP', args: { max: limits.depth }, pointer: '' }]), undefined);
    else done(null, body);
  });
}

function errorHandler(limits: Limits) {
  return (error: FastifyError | ProblemError, req: FastifyRequest, reply: FastifyReply): FastifyReply => {
    if (error instanceof ProblemError) return sendProblem(req, reply, error.kind, error.issues, error.status);
    if (error.validation) {
      const where = error.validationContext === 'querystring' ? '/query' : error.validationContext === 'params' ? '' : '/profile';
      const issues = error.validation.map((v) => {
        const name = (v.params as { missingProperty?: string; additionalProperty?: string }).additionalProperty ?? (v.params as { missingProperty?: string }).missingProperty;
        const pointer = where + (v.instancePath || (name ? `/${name}` : ''));
        return { code: 'E_SERVE_REQUEST' as const, args: { path: pointer, detail: v.message ?? v.keyword }, pointer };
      });
      return sendProblem(req, reply, 'invalid-request', issues);
    }
    switch (error.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE':
        return sendProblem(req, reply, 'body-too-large', [{ code: 'E_SERVE_BODY_TOO_LARGE', args: { max: limits.bodyBytes } }]);
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
        return sendProblem(req, reply, 'unsupported-media-type', [{ code: 'E_SERVE_MEDIA_TYPE', args: { type: req.headers['content-type'] ?? '' } }]);
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        return sendProblem(req, reply, 'malformed-json', [{ code: 'E_SERVE_MALFORMED_JSON', args: { detail: 'empty body' } }]);
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) return sendProblem(req, reply, 'invalid-request', [{ code: 'E_SERVE_REQUEST', args: { path: '', detail: error.message } }], status);
    req.log.error({ err: { message: error.message, code: error.code } }, 'internal error');
    return sendProblem(req, reply, 'internal', [{ code: 'E_SERVE_INTERNAL', args: { requestId: req.id } }]);
  };
}
