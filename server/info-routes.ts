// The informational routes: occupations, the OpenAPI document, health, readiness, metrics, and
// the index at `/` (the web site instead, with --site).
import type { FastifyInstance } from 'fastify';
import { packageVersion } from '../compiler/load/package-root.js';
import { liveExamples } from './examples.js';
import type { ServiceState } from './guards.js';
import { occupationDetail, occupationList } from './handbook.js';
import type { Limits } from './limits.js';
import type { ServeMetrics } from './metrics.js';
import { endpointsOf, openApiDocument } from './openapi.js';
import { sendProblem } from './reply.js';
import { OCCUPATION_QUERY } from './request-schema.js';
import type { RulesHost } from './rules-host.js';
import { queryOf, JSON_TYPE } from './routes-evaluate.js';

export interface InfoContext {
  host: RulesHost;
  limits: Limits;
  metrics: ServeMetrics;
  state: ServiceState;
}

async function documentOf(c: InfoContext): Promise<Record<string, unknown>> {
  return openApiDocument(c.limits, await liveExamples(c.host, c.limits));
}

export function infoRoutes(app: FastifyInstance, c: InfoContext, site: boolean): void {
  const { host } = c;
  app.get('/v1/occupations', { schema: { querystring: OCCUPATION_QUERY } }, async (req) => {
    const rules = host.rules;
    req.zige.version = rules.version;
    return occupationList(rules.version, rules.handbook, queryOf(req.query as { asOf?: string }, true, c.limits).asOf);
  });
  app.get<{ Params: { id: string } }>('/v1/occupations/:id', { schema: { querystring: OCCUPATION_QUERY } }, async (req, reply) => {
    const rules = host.rules;
    req.zige.version = rules.version;
    const found = occupationDetail(rules.version, rules.handbook, req.params.id, queryOf(req.query as { asOf?: string }, true, c.limits).asOf);
    if (found) return found;
    const known = [...new Set(rules.handbook.map((o) => `${o.name} (${o.id})`))].join('、');
    return sendProblem(req, reply, 'unknown-occupation', [{ code: 'E_SERVE_UNKNOWN_OCCUPATION', args: { occupation: req.params.id, known }, pointer: '/id' }], 404);
  });
  app.get('/openapi.json', async (_req, reply) => reply.type(JSON_TYPE).send(JSON.stringify(await documentOf(c))));
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (req, reply) => {
    if (c.state.closing) return sendProblem(req, reply, 'closing', [{ code: 'E_SERVE_CLOSING' }]);
    return { status: 'ready', rulesVersion: host.rules.version };
  });
  app.get('/metrics', async (_req, reply) => reply.type(c.metrics.registry.contentType).send(await c.metrics.registry.metrics()));
  if (!site) {
    app.get('/', async () => ({ name: 'zige', version: packageVersion(), rulesVersion: host.rules.version, endpoints: endpointsOf(await documentOf(c)) }));
  }
}

