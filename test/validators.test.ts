// The prebuilt validators (Ajv standalone code, written into dist/ by `npm run build`) must say
// exactly what the validators compiled at start-up say: same verdicts, same error objects.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { createAjv, schemaDigest, standaloneValidators } from '../compiler/profile/validators.js';
import { parseYaml } from '../compiler/load/yaml-positions.js';
import { ROOT, RULES, scratch } from './helpers.js';

const require = createRequire(import.meta.url);

function prebuilt(): Record<string, ValidateFunction> & { digest: string } {
  const file = join(scratch('validators'), 'schema-validators.cjs');
  writeFileSync(file, standaloneValidators());
  return require(file) as Record<string, ValidateFunction> & { digest: string };
}

function verdict(v: ValidateFunction, data: unknown): unknown {
  const ok = v(data);
  return { ok, errors: JSON.parse(JSON.stringify(v.errors ?? null)) as unknown };
}

const profiles: unknown[] = [
  { education: [{ level: '高中', status: '毕业', date: '2016-07-01' }], work: [{ occupation: '互联网营销师', from: '2019-03-01' }] },
  { work: [{ occupation: 1 }] },
  { work: [{ occupation: '互联网营销师', from: '2019-02-30' }] },
  { work: [{ occupation: '互联网营销师', from: '2019-3-1' }] },
  { certificates: [{ occupation: 'x', kind: '技能等级证书', level: 7 }] },
  { certificates: [{ occupation: 'x', kind: '预备技师证书', relation: { x: '亲戚' } }] },
  { education: [{ level: '幼儿园', status: '毕业', extra: true }] },
  { training: [{ occupation: 'x', level: 3, certificate: 'yes' }], unknown: 1 },
  { work: [{ occupation: 'x', years: -1 }, { occupation: 'x' }] },
  [],
  'text',
  null,
];

describe('prebuilt validators (Ajv standalone)', () => {
  const built = prebuilt();
  const ajv = createAjv();
  const compiled = (name: string): ValidateFunction => ajv.getSchema(`${name}.schema.json`)!;

  it('carry the digest of the schema files they were built from', () => {
    expect(built.digest).toBe(schemaDigest());
  });

  it('agree with compiled validators on valid and invalid profiles', () => {
    for (const p of profiles) expect(verdict(built.profile, p)).toEqual(verdict(compiled('profile'), p));
  });

  it('agree on every bundled rule file, and on broken copies of one', () => {
    const files = readdirSync(RULES).filter((f) => f.endsWith('.yaml') && f !== 'vocabulary.yaml');
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const data = parseYaml(readFileSync(join(RULES, f), 'utf8')).data as Record<string, unknown>;
      expect(verdict(built['rule-file'], data)).toEqual(verdict(compiled('rule-file'), data));
      const broken = { ...data, levels: [0, 'x'], extra: 1, conditions: [{ level: 3, clauses: [{ id: 1 }] }] };
      const b = verdict(built['rule-file'], broken) as { ok: boolean };
      expect(b.ok).toBe(false);
      expect(b).toEqual(verdict(compiled('rule-file'), broken));
    }
  });

  it('agree on eval results', () => {
    const expected = JSON.parse(readFileSync(join(ROOT, 'examples', 'applicant-live-streamer.expected.json'), 'utf8')) as unknown;
    expect(verdict(built.result, expected)).toEqual(verdict(compiled('result'), expected));
    expect(verdict(built.result, { results: [{}] })).toEqual(verdict(compiled('result'), { results: [{}] }));
  });
});
