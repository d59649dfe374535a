// The service's own response schemas in the OpenAPI document (the profile and the result are the
// CLI's, schema/*.schema.json), and the summaries of the informational paths.
import { PROBLEM_BASE, PROBLEMS } from './problems.js';

const text = { type: 'string' };
const version = { type: 'string', pattern: '^[0-9a-f]{16}$', description: '规则版本：检查后规则的内容散列 / the rules version: a content hash of the checked rules' };
const period = { type: ['object', 'null'], required: ['from', 'to'], properties: { from: text, to: { type: ['string', 'null'] } } };
const level = { type: 'integer', minimum: 1, maximum: 5 };
const workTypes = { type: 'array', items: { type: 'object', required: ['name', 'levels'], properties: { name: text, levels: { type: 'array', items: level } } } };

const issue = {
  type: 'object',
  required: ['code', 'zh', 'en'],
  properties: { code: text, pointer: { type: 'string', description: 'JSON Pointer into the request (/profile/…, /query/…)' }, zh: text, en: text },
};

const problemSchema = {
  type: 'object',
  description: 'RFC 9457 problem details, with zige diagnostic codes in Chinese and English',
  required: ['type', 'title', 'status', 'detail', 'code', 'zh', 'en', 'errors'],
  properties: {
    type: { type: 'string', enum: Object.keys(PROBLEMS).map((k) => PROBLEM_BASE + k) },
    title: text,
    status: { type: 'integer', minimum: 400, maximum: 599 },
    detail: text,
    instance: text,
    requestId: text,
    code: text,
    zh: text,
    en: text,
    errors: { type: 'array', items: issue, minItems: 1 },
  },
};

const clause = {
  type: 'object',
  required: ['id', 'text', 'when', 'file', 'line'],
  properties: { id: text, text: { type: 'string', description: '来源原文 / the source sentence, verbatim' }, when: text, note: text, file: text, line: { type: 'integer' } },
};

const occupationVersion = {
  type: 'object',
  required: ['id', 'name', 'aliases', 'version', 'inForce', 'file', 'workTypes', 'education', 'levels'],
  properties: {
    id: text,
    name: text,
    aliases: { type: 'array', items: text },
    version: { type: ['string', 'null'] },
    inForce: period,
    file: text,
    workTypes,
    education: { type: ['object', 'null'], required: ['text', 'when'], properties: { text, when: text } },
    levels: { type: 'array', items: { type: 'object', required: ['level', 'clauses'], properties: { level, clauses: { type: 'array', items: clause } } } },
  },
};

const versionSummary = { type: 'object', required: ['version', 'inForce', 'file', 'levels'], properties: { version: { type: ['string', 'null'] }, inForce: period, file: text, levels: { type: 'array', items: level } } };

export const SCHEMAS = {
  Problem: problemSchema,
  BatchResult: {
    type: 'object',
    required: ['rulesVersion', 'results'],
    properties: {
      rulesVersion: version,
      results: {
        type: 'array',
        items: {
          type: 'object',
          required: ['index', 'status'],
          properties: { index: { type: 'integer', minimum: 0 }, status: { type: 'integer' }, result: { anyOf: [{ $ref: '#/components/schemas/Result' }, { $ref: '#/components/schemas/ResultWithoutExplanations' }] }, problem: { $ref: '#/components/schemas/Problem' } },
        },
      },
    },
  },
  OccupationList: {
    type: 'object',
    required: ['rulesVersion', 'asOf', 'occupations'],
    properties: {
      rulesVersion: version,
      asOf: text,
      occupations: {
        type: 'array',
        items: { type: 'object', required: ['id', 'name', 'aliases', 'inForce', 'versions'], properties: { id: text, name: text, aliases: { type: 'array', items: text }, inForce: { type: ['string', 'null'], description: 'the version in force on asOf' }, versions: { type: 'array', items: versionSummary } } },
      },
    },
  },
  Occupation: {
    type: 'object',
    required: ['rulesVersion', 'asOf', 'id', 'name', 'inForce', 'versions'],
    properties: { rulesVersion: version, asOf: text, id: text, name: text, inForce: { type: ['string', 'null'] }, versions: { type: 'array', items: occupationVersion } },
  },
  Health: { type: 'object', required: ['status'], properties: { status: { const: 'ok' } } },
  Ready: { type: 'object', required: ['status', 'rulesVersion'], properties: { status: { const: 'ready' }, rulesVersion: version } },
  Index: {
    type: 'object',
    required: ['name', 'version', 'rulesVersion', 'endpoints'],
    properties: { name: text, version: text, rulesVersion: version, endpoints: { type: 'array', items: { type: 'object', required: ['method', 'path', 'summary'], properties: { method: text, path: text, summary: text } } } },
  },
};

export const PATHS_INFO = {
  occupations: '职业及其版本 / the occupations and their versions',
  occupation: '一个职业：各版本、各等级的条款及来源原文 / one occupation: its versions, and per level the clauses with their source sentences',
  openapi: '本文档 / this OpenAPI 3.1 document',
  healthz: '进程存活 / the process is up',
  readyz: '规则已载入、未在关闭 / rules loaded and not shutting down',
  metrics: 'Prometheus 指标 / metrics in Prometheus text format',
  index: '端点列表（给出 --site 时为网站）/ the endpoints (the web site with --site)',
};
