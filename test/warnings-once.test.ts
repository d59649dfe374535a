// A profile's warnings are said once per profile, not once per level result (issue 23, item 11):
// in the runtime's evaluation, `zige eval --json`, the report, and the batch (JSON lines, CSV).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateProfile, type Profile } from '../runtime/index.js';
import { check, ROOT, RULES } from './helpers.js';
import { zige } from './in-process.js';

/** A profile whose work (厨师) has no known relation to the judged occupation: W_UNRELATED. */
const UNRELATED: Profile = { education: [{ level: '初中', status: '毕业' }], work: [{ occupation: '厨师', from: '2015-01-01' }] };
/** The same without the warning: the work's relation is given. */
const RELATED: Profile = { education: [{ level: '初中', status: '毕业' }], work: [{ occupation: '厨师', from: '2015-01-01', relation: { 互联网营销师: '无关' } }] };
const ASOF = ['--as-of', '2026-11-28'];
const MARKETER = ['--occupation', '互联网营销师', ...ASOF];

/** The built CLI in this process. */
const run = (args: string[]): ReturnType<typeof zige> => zige(args);

function file(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'zige-warnings-')), name);
  writeFileSync(path, text);
  return path;
}

function occurrences(text: string, part: string): number {
  return text.split(part).length - 1;
}

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'result.schema.json'), 'utf8'));
const ajv = new Ajv.default({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateResult = ajv.compile(schema);

describe('a profile-level warning', () => {
  const marketer = instantiate(check(RULES).rules!.occupations.find((o) => o.id === 'internet-marketer')!);

  it('comes once with the level results of an evaluation, on none of them', () => {
    for (const explain of [true, false]) {
      const { results, warnings } = evaluateProfile(marketer, UNRELATED, { asOf: '2026-11-28', explain });
      expect(results).toHaveLength(5);
      expect(warnings).toEqual([{ code: 'W_UNRELATED', path: '/work/0', occupation: 'internet-marketer', message: expect.stringContaining('厨师') }]);
      for (const r of results) expect(r).not.toHaveProperty('warnings');
    }
  });

  it('is said once by `zige eval --json`, at the top of the document, valid against the schema', async () => {
    const r = await run(['eval', file('p.json', JSON.stringify(UNRELATED)), ...MARKETER, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(validateResult(doc), JSON.stringify(validateResult.errors)).toBe(true);
    expect(doc.warnings).toMatchObject([{ code: 'W_UNRELATED', path: '/work/0', occupation: 'internet-marketer' }]);
    expect(doc.results).toHaveLength(5);
    expect(occurrences(r.stdout, '"W_UNRELATED"')).toBe(1);
  });

  it('is said once for several occupations when it is the same for each, once per occupation when it names one', async () => {
    const profile = { ...UNRELATED, facts: { 没有这个事实: true } };
    const r = await run(['eval', file('p.json', JSON.stringify(profile)), ...ASOF, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout) as { warnings: { code: string; path: string; occupation?: string }[]; results: { id: string }[] };
    expect(validateResult(doc), JSON.stringify(validateResult.errors)).toBe(true);
    const ids = [...new Set(doc.results.map((x) => x.id))];
    expect(ids.length).toBeGreaterThan(1);
    expect(doc.warnings.filter((w) => w.code === 'W_UNKNOWN_FACT')).toMatchObject([{ path: '/facts/没有这个事实' }]);
    expect(doc.warnings.filter((w) => w.code === 'W_UNRELATED').map((w) => w.occupation)).toEqual(ids);
  });

  it('is printed once in the report, in Chinese and in English', async () => {
    const path = file('p.json', JSON.stringify(UNRELATED));
    const zh = await run(['eval', path, ...MARKETER]);
    expect(zh.code, zh.stderr).toBe(0);
    expect(occurrences(zh.stdout, '厨师')).toBe(1);
    expect(zh.stdout).toContain('按无关处理');
    const en = await run(['eval', path, ...MARKETER, '--lang', 'en']);
    expect(occurrences(en.stdout, 'treated as unrelated')).toBe(1);
  });

  it('is said once per JSON line of a batch, which grows by one warning, not by one per level', async () => {
    const input = file('in.jsonl', `${JSON.stringify(UNRELATED)}\n${JSON.stringify(RELATED)}\n`);
    const out = join(mkdtempSync(join(tmpdir(), 'zige-warnings-')), 'out.jsonl');
    const r = await run(['eval', '--batch', input, ...MARKETER, '--jobs', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const [warned, clean] = readFileSync(out, 'utf8').trim().split('\n');
    const line = JSON.parse(warned);
    expect(Object.keys(line)).toEqual(['line', 'warnings', 'results']);
    expect(line.warnings).toMatchObject([{ code: 'W_UNRELATED', path: '/work/0', occupation: 'internet-marketer' }]);
    expect(line.results).toHaveLength(5);
    const message = line.warnings[0].message as string;
    expect(occurrences(warned, JSON.stringify(message))).toBe(1);
    expect(occurrences(warned, '"W_UNRELATED"')).toBe(1);
    // Both profiles judge alike (the work counts for nothing either way): the lines differ by
    // the line number, the warning said once, and nothing else.
    expect(JSON.parse(clean).results).toEqual(line.results);
    expect(JSON.parse(clean).warnings).toEqual([]);
    expect(Buffer.byteLength(warned) - Buffer.byteLength(clean)).toBe(Buffer.byteLength(JSON.stringify(line.warnings[0])));
  });

  it('is said once per profile in a CSV output: codes and paths on its first row', async () => {
    const input = file('in.jsonl', `${JSON.stringify(UNRELATED)}\n${JSON.stringify(RELATED)}\n`);
    const out = join(mkdtempSync(join(tmpdir(), 'zige-warnings-')), 'out.csv');
    const r = await run(['eval', '--batch', input, ...MARKETER, '--jobs', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0].split(',').at(-4)).toBe('warnings'); // then outcome, amount, amount_unit
    const first = rows.filter((row) => row.startsWith('1,'));
    expect(first).toHaveLength(5);
    expect(first[0].endsWith(',"[{""code"":""W_UNRELATED"",""path"":""/work/0"",""occupation"":""internet-marketer""}]",,,')).toBe(true);
    for (const row of first.slice(1)) expect(row.endsWith(',')).toBe(true);
    expect(occurrences(rows.join('\n'), 'W_UNRELATED')).toBe(1);
    for (const row of rows.filter((row) => row.startsWith('2,'))) expect(row.endsWith(',')).toBe(true);
  });
});
