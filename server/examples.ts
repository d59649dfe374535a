// The examples of the OpenAPI document that the rules answering give: each example request is
// sent to the current version, and its answer is the documented one.
import type { Limits } from './limits.js';
import type { ExampleRequest, LiveExamples } from './openapi.js';
import { occupationDetail, occupationList } from './handbook.js';
import type { RulesHost, RulesVersion } from './rules-host.js';

/** An applicant with four years as an AI trainer and a level-4 certificate (examples/applicant-no-education.json). */
export const SAMPLE_PROFILE = {
  work: [{ occupation: '人工智能训练师', from: '2020-01-01', to: '2025-12-31' }],
  certificates: [{ occupation: '人工智能训练师', level: 4, kind: '技能等级证书', date: '2021-03-15' }],
};
const INVALID_PROFILE = { birthDate: '1990-02-30' };
const AS_OF = '2026-11-28';

function sampleOccupation(rules: RulesVersion): string {
  return rules.handbook.some((o) => o.name === '人工智能训练师') ? '人工智能训练师' : (rules.handbook[0]?.id ?? '人工智能训练师');
}

const cache = new WeakMap<RulesVersion, Promise<LiveExamples>>();

export function liveExamples(host: RulesHost, limits: Limits): Promise<LiveExamples> {
  const rules = host.rules;
  let hit = cache.get(rules);
  if (!hit) {
    hit = make(rules, limits);
    cache.set(rules, hit);
  }
  return hit;
}

function make(rules: RulesVersion, limits: Limits): Promise<LiveExamples> {
  const occupation = sampleOccupation(rules);
  const query = { occupation, asOf: AS_OF };
  const q = { occupation: [occupation], asOf: AS_OF, explain: true, maxEntries: limits.entries };
  const one = rules.evaluate(JSON.stringify(SAMPLE_PROFILE), q);
  const evaluateAnswer = one.ok ? (JSON.parse(Buffer.from(one.body).toString('utf8')) as unknown) : null;
  const batchReply = rules.batch([SAMPLE_PROFILE, INVALID_PROFILE].map((p) => JSON.stringify(p)), { ...q, explain: false }, 'both');
  const batchAnswer = batchReply.ok ? (JSON.parse(Buffer.from(batchReply.body).toString('utf8')) as unknown) : null;
  const example = (summary: string, value: unknown, status: number): ExampleRequest => ({ summary, value, 'x-zige-query': query, 'x-zige-status': status });
  const detail = occupationDetail(rules.version, rules.handbook, occupation, AS_OF);
  return Promise.resolve({
    evaluate: {
      certified: example('持四级证书、从业六年 / a level-4 certificate, six years of work', SAMPLE_PROFILE, evaluateAnswer ? 200 : 422),
      impossibleDate: example('不存在的日期 / an impossible birth date', INVALID_PROFILE, 422),
    },
    evaluateAnswer,
    batch: { twoProfiles: example('一份可判定，一份无效 / one judged, one invalid in its slot', [SAMPLE_PROFILE, INVALID_PROFILE], 200) },
    batchAnswer,
    occupations: occupationList(rules.version, rules.handbook, AS_OF),
    occupation: detail,
    occupationId: detail?.id ?? occupation,
  });
}
