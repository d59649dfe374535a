// The OpenAPI 3.1 document of the service, served at /openapi.json: the profile and result
// schemas are the CLI's own (schema/*.schema.json, embedded with their $id), the query
// parameters those Fastify validates with (server/request-schema.ts), and every example is made
// by the service itself — problems by the code that sends them, the evaluation by the rules.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot, packageVersion } from '../compiler/load/package-root.js';
import type { Limits } from './limits.js';
import { problem, PROBLEM_BASE, PROBLEMS, type Issue, type ProblemKind } from './problems.js';
import { BATCH_QUERY, EVALUATE_QUERY, OCCUPATION_QUERY } from './request-schema.js';
import { PATHS_INFO, SCHEMAS } from './openapi-schemas.js';

/** A request the document gives as an example, with the status it is answered with. */
export interface ExampleRequest {
  summary: string;
  value: unknown;
  'x-zige-query': Record<string, string>;
  'x-zige-status': number;
}

/** What the document shows that comes from the rules answering now. */
export interface LiveExamples {
  evaluate: Record<string, ExampleRequest>;
  evaluateAnswer: unknown;
  batch: Record<string, ExampleRequest>;
  batchAnswer: unknown;
  occupations: unknown;
  occupation: unknown;
  occupationId: string;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function schemaFile(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(packageRoot(), 'schema', name), 'utf8')) as Record<string, unknown>;
}

/** The fields of a level result that only explanations add (`explain=false` leaves them out). */
const EXPLANATION_FIELDS = ['missing', 'earliest', 'latest', 'ask', 'evidence', 'verify'];

/** schema/result.schema.json without the explanation fields required: the answer with `explain=false`. */
function bareResultSchema(): Record<string, unknown> {
  const schema = schemaFile('result.schema.json') as { $id: string; definitions: { result: { required: string[] } } };
  schema.$id = 'result-without-explanations.schema.json';
  schema.definitions.result.required = schema.definitions.result.required.filter((f) => !EXPLANATION_FIELDS.includes(f));
  return schema;
}

/** A problem response with its example, made by problem() itself. */
function problemResponse(kind: ProblemKind, issues: Issue[], status: number = PROBLEMS[kind]) {
  const example = { ...problem(kind, issues, 'both', status), instance: '/v1/evaluate', requestId: 'req-1' };
  return { description: `${PROBLEM_BASE}${kind}`, content: { 'application/problem+json': { schema: ref('Problem'), example } } };
}

function parameters(query: { properties: Record<string, unknown> }) {
  return Object.entries(query.properties).map(([name, schema]) => ({
    name,
    in: 'query',
    required: false,
    schema: schema as Record<string, unknown>,
    ...(name === 'occupation' ? { style: 'form', explode: true } : {}),
  }));
}

/** The responses every route may give besides its own: too busy, shutting down, timed out, internal error. */
function commonErrors(limits: Limits) {
  return {
    408: problemResponse('timeout', [{ code: 'E_SERVE_TIMEOUT', args: { ms: limits.timeoutMs } }]),
    500: problemResponse('internal', [{ code: 'E_SERVE_INTERNAL', args: { requestId: 'req-1' } }]),
    503: problemResponse('busy', [{ code: 'E_SERVE_BUSY', args: { max: limits.concurrency } }]),
  };
}

function bodyErrors(limits: Limits) {
  return {
    400: problemResponse('malformed-json', [{ code: 'E_PROFILE_PARSE', args: { detail: "Expected ',' or '}' after property value in JSON at position 12" }, pointer: '/profile' }]),
    413: problemResponse('body-too-large', [{ code: 'E_SERVE_BODY_TOO_LARGE', args: { max: limits.bodyBytes } }]),
    415: problemResponse('unsupported-media-type', [{ code: 'E_SERVE_MEDIA_TYPE', args: { type: 'text/plain' } }]),
  };
}

function evaluatePaths(limits: Limits, live: LiveExamples) {
  const invalid = problemResponse('invalid-profile', [{ code: 'E_PROFILE_DATE', args: { path: '/birthDate', value: '1990-02-30' }, pointer: '/profile/birthDate' }]);
  return {
    '/v1/evaluate': {
      post: {
        operationId: 'evaluate',
        summary: '判定一份申请人资料 / judge one applicant profile (the JSON of zige eval --json)',
        parameters: parameters(EVALUATE_QUERY),
        requestBody: { required: true, content: { 'application/json': { schema: ref('Profile'), examples: live.evaluate } } },
        responses: { 200: { description: 'zige eval --json', content: { 'application/json': { schema: { anyOf: [ref('Result'), ref('ResultWithoutExplanations')] }, example: live.evaluateAnswer } } }, ...bodyErrors(limits), 422: invalid, ...commonErrors(limits) },
      },
    },
    '/v1/evaluate/batch': {
      post: {
        operationId: 'evaluateBatch',
        summary: `批量判定，每次至多 ${limits.batchSize} 份 / judge up to ${limits.batchSize} profiles, answered in order`,
        parameters: parameters(BATCH_QUERY),
        requestBody: { required: true, content: { 'application/json': { schema: { type: 'array', items: ref('Profile') }, examples: live.batch } } },
        responses: {
          200: { description: 'one slot per profile, in order', content: { 'application/json': { schema: ref('BatchResult'), example: live.batchAnswer } } },
          ...bodyErrors(limits),
          413: problemResponse('batch-too-large', [{ code: 'E_SERVE_BATCH_TOO_LARGE', args: { max: limits.batchSize, count: limits.batchSize + 1 } }]),
          422: problemResponse('unknown-occupation', [{ code: 'E_SERVE_UNKNOWN_OCCUPATION', args: { occupation: '宇航员', known: '…' }, pointer: '/occupation/0' }]),
          ...commonErrors(limits),
        },
      },
    },
  };
}

function json(schema: string, example: unknown, description = 'OK') {
  return { description, content: { 'application/json': { schema: ref(schema), example } } };
}

function infoPaths(limits: Limits, live: LiveExamples) {
  const common = commonErrors(limits);
  const get = (operationId: string, summary: string, responses: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ get: { operationId, summary, ...extra, responses: { ...responses, ...common } } });
  const notFound = problemResponse('unknown-occupation', [{ code: 'E_SERVE_UNKNOWN_OCCUPATION', args: { occupation: 'astronaut', known: '…' }, pointer: '/id' }], 404);
  return {
    '/v1/occupations': get('listOccupations', PATHS_INFO.occupations, { 200: json('OccupationList', live.occupations) }),
    '/v1/occupations/{id}': get(
      'getOccupation',
      PATHS_INFO.occupation,
      { 200: json('Occupation', live.occupation), 400: problemResponse('invalid-request', [{ code: 'E_SERVE_REQUEST', args: { path: '/query/asOf', detail: 'must match pattern' }, pointer: '/query/asOf' }]), 404: notFound },
      { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' }, example: live.occupationId }, ...parameters(OCCUPATION_QUERY)] },
    ),
    '/openapi.json': get('openapi', PATHS_INFO.openapi, { 200: { description: 'this document', content: { 'application/json': { schema: { type: 'object' } } } } }),
    '/healthz': get('healthz', PATHS_INFO.healthz, { 200: json('Health', { status: 'ok' }) }),
    '/readyz': get('readyz', PATHS_INFO.readyz, { 200: json('Ready', { status: 'ready', rulesVersion: '0123456789abcdef' }) }),
    '/metrics': get('metrics', PATHS_INFO.metrics, { 200: { description: 'Prometheus text format 0.0.4', content: { 'text/plain': { schema: { type: 'string' } } } } }),
    '/': get('index', PATHS_INFO.index, { 200: json('Index', { name: 'zige', version: packageVersion(), rulesVersion: '0123456789abcdef', endpoints: [{ method: 'GET', path: '/healthz', summary: PATHS_INFO.healthz }] }) }),
  };
}

/** The whole document (`live`: the examples the current rules give). */
export function openApiDocument(limits: Limits, live: LiveExamples): Record<string, unknown> {
  const notFound = problemResponse('not-found', [{ code: 'E_SERVE_NOT_FOUND', args: { method: 'GET', url: '/v2' } }]);
  return {
    openapi: '3.1.0',
    info: { title: 'zige decision service', version: packageVersion(), description: '职业技能等级认定报名资格判定服务 / exam-registration eligibility as a service (docs/serve.md)' },
    paths: { ...evaluatePaths(limits, live), ...infoPaths(limits, live) },
    components: {
      schemas: { Profile: schemaFile('profile.schema.json'), Result: schemaFile('result.schema.json'), ResultWithoutExplanations: bareResultSchema(), ...SCHEMAS },
      responses: { NotFound: notFound },
    },
  };
}

/** The endpoints of a document, for the index at `/`. */
export function endpointsOf(doc: Record<string, unknown>): { method: string; path: string; summary: string }[] {
  const out: { method: string; path: string; summary: string }[] = [];
  for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { summary: string }>>)) {
    for (const [method, op] of Object.entries(ops)) out.push({ method: method.toUpperCase(), path, summary: op.summary });
  }
  return out;
}
