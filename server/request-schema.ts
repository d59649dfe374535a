// The query parameters of the evaluation endpoints, declared once: Fastify validates requests
// with them (Ajv) and the OpenAPI document (server/openapi.ts) lists them.
import { LANGS } from './lang.js';

const occupation = {
  description: '职业名称、别名或编号，可重复 / occupation name, alias or id; repeat for several (default: all)',
  anyOf: [
    { type: 'string', minLength: 1, maxLength: 200 },
    { type: 'array', items: { type: 'string', minLength: 1, maxLength: 200 }, minItems: 1, maxItems: 50 },
  ],
};

function judging(explainDefault: boolean) {
  return {
    occupation,
    workType: { type: 'string', minLength: 1, maxLength: 200, description: '只看这个工种 / only this work type' },
    level: { type: 'integer', minimum: 1, maximum: 5, description: '只判定这个等级 / only this level' },
    asOf: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '判定日期，默认北京时间今天 / the date judged, default today in Asia/Shanghai' },
    lang: { type: 'string', enum: [...LANGS], description: '问题说明的语言，默认按 Accept-Language，否则中英 / language of problem messages (default: Accept-Language, else both)' },
    explain: { type: 'boolean', default: explainDefault, description: explainDefault ? '附带说明（默认，与 zige eval --json 相同）/ with explanations (default, as zige eval --json)' : '附带说明（默认不附，与 zige eval --batch 相同）/ with explanations (default off, as zige eval --batch)' },
  };
}

export const EVALUATE_QUERY = { type: 'object', additionalProperties: false, properties: judging(true) } as const;
export const BATCH_QUERY = { type: 'object', additionalProperties: false, properties: judging(false) } as const;
export const OCCUPATION_QUERY = { type: 'object', additionalProperties: false, properties: { asOf: judging(true).asOf, lang: judging(true).lang } } as const;

/** The query of an evaluation request, as validated. */
export interface JudgingQuery {
  occupation?: string | string[];
  workType?: string;
  level?: number;
  asOf?: string;
  lang?: string;
  explain?: boolean;
}
