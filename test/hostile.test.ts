// Hostile applicant profiles through the CLI (`zige eval`): every one is refused with exit 1 and a
// message naming the field (JSON Pointer), "(root)" or the line:column, never a stack trace, and
// quickly. Every case runs through the CLI's `main` in process, and one of each kind through the
// built binary (dist/cli/bin.js) too. In-process: profile keys never reach prototypes.
// (test/loaders.test.ts covers the loader's own diagnostics; this file covers what a user of the
// CLI sees.)
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { loadProfile } from '../compiler/profile/load-profile.js';
import { evaluateProfile, type Profile } from '../runtime/index.js';
import { runAll, runCli as run, STACK, type Run } from './async-cli.js';
import { check, RULES, scratch } from './helpers.js';
import { zige } from './in-process.js';

interface Case {
  name: string;
  file: string;
  content: string | Buffer;
  /** What the message must name: a JSON Pointer, "(root)", or `file:line:col`. */
  where: string;
  code: string;
  /** Judge every bundled occupation (no --occupation). */
  all?: boolean;
  /** Run through the built binary as well. */
  bin?: boolean;
}

/** The CLI's entry point in this process, with the same Io as dist/cli/bin.js. */
async function inProcess(args: string[]): Promise<Run> {
  const t0 = Date.now();
  return { ...(await zige(args)), ms: Date.now() - t0 };
}

const deepArrays = '{"work": ' + '['.repeat(20000) + ']'.repeat(20000) + '}';
const deepObjects = '{"a":'.repeat(20000) + '1' + '}'.repeat(20000);
const tenMegabytes = '{"work": [' + Array(250000).fill('{"occupation": "互联网营销师", "years": 1}').join(',') + ']}';

const cases: Case[] = [
  { name: 'a list where a list of entries is expected', file: 'a.json', content: '{"work": {"occupation": "x", "years": 1}}', where: 'at /work:', code: 'E_PROFILE_TYPE', bin: true },
  { name: 'a number where a date is expected', file: 'b.json', content: '{"birthDate": 19980402}', where: 'at /birthDate:', code: 'E_PROFILE_TYPE' },
  { name: 'a string where a level is expected', file: 'c.json', content: '{"training": [{"occupation": "x", "level": "四级"}]}', where: 'at /training/0/level:', code: 'E_PROFILE_TYPE' },
  { name: 'a boolean flag given as text', file: 'd.json', content: '{"training": [{"occupation": "x", "level": 4, "certificate": "yes"}]}', where: 'at /training/0/certificate:', code: 'E_PROFILE_TYPE' },
  { name: 'an unknown top-level field', file: 'e.json', content: '{"salary": 10000}', where: 'at /salary:', code: 'E_PROFILE_ADDITIONAL', bin: true },
  { name: 'an unknown nested field', file: 'f.yaml', content: 'work:\n  - {occupation: x, years: 1, employer: ACME}\n', where: 'at /work/0/employer:', code: 'E_PROFILE_ADDITIONAL' },
  { name: '2023-02-30', file: 'g.json', content: '{"certificates": [{"occupation": "x", "kind": "技能等级证书", "level": 4, "date": "2023-02-30"}]}', where: 'at /certificates/0/date:', code: 'E_PROFILE_DATE', bin: true },
  { name: 'a date in another format', file: 'h.json', content: '{"work": [{"occupation": "x", "from": "2023/01/01"}]}', where: 'at /work/0/from:', code: 'E_PROFILE_PATTERN' },
  { name: 'a period ending before it starts', file: 'i.json', content: '{"work": [{"occupation": "x", "from": "2023-05-01", "to": "2023-04-30"}]}', where: 'at /work/0/to:', code: 'E_PROFILE_PERIOD', bin: true },
  { name: 'negative years', file: 'j.json', content: '{"work": [{"occupation": "x", "years": -1}]}', where: 'at /work/0/years:', code: 'E_PROFILE_MINIMUM', bin: true },
  { name: 'non-numeric years', file: 'k.json', content: '{"work": [{"occupation": "x", "years": "two"}]}', where: 'at /work/0/years:', code: 'E_PROFILE_TYPE' },
  { name: 'infinite years (YAML .inf)', file: 'l.yaml', content: 'work: [{occupation: x, years: .inf}]\n', where: 'at /work/0/years:', code: 'E_PROFILE_TYPE' },
  { name: 'level 0', file: 'm.json', content: '{"certificates": [{"occupation": "x", "kind": "职业资格证书", "level": 0}]}', where: 'at /certificates/0/level:', code: 'E_PROFILE_MINIMUM' },
  { name: 'level 6', file: 'n.json', content: '{"training": [{"occupation": "x", "level": 6}]}', where: 'at /training/0/level:', code: 'E_PROFILE_MAXIMUM', bin: true },
  { name: 'an unknown relation value', file: 'o.json', content: '{"work": [{"occupation": "x", "years": 1, "relation": "同行"}]}', where: 'at /work/0/relation:', code: 'E_PROFILE_' },
  { name: 'an array root', file: 'p.json', content: '[{"work": []}]', where: 'at (root):', code: 'E_PROFILE_TYPE', bin: true },
  { name: 'a string root', file: 'q.json', content: '"互联网营销师"', where: 'at (root):', code: 'E_PROFILE_TYPE' },
  { name: 'a string root in YAML', file: 'r.yaml', content: 'just some text\n', where: 'at (root):', code: 'E_PROFILE_TYPE', all: true },
  { name: 'an empty file', file: 's.json', content: '', where: 'at (root):', code: 'E_PROFILE_TYPE' },
  { name: 'binary garbage', file: 't.json', content: Buffer.from([0, 1, 2, 0xff, 0xfe, 0x80, 0x0a]), where: 't.json:1:4:', code: 'E_ENCODING' },
  { name: 'truncated JSON', file: 'u.json', content: '{"work": [{"occupation": "互联网营销师", "from": "2020-01-01"', where: 'u.json:1:', code: 'E_PROFILE_PARSE', all: true, bin: true },
  { name: 'truncated YAML', file: 'v.yaml', content: 'work:\n  - {occupation: x, years: 1\n', where: 'v.yaml:', code: 'E_PROFILE_PARSE' },
  { name: 'a __proto__ key', file: 'w.json', content: '{"__proto__": {"polluted": true}}', where: 'at /__proto__:', code: 'E_PROFILE_RESERVED_KEY', bin: true },
  { name: 'a constructor.prototype key', file: 'x.json', content: '{"constructor": {"prototype": {"polluted": true}}}', where: 'at /constructor', code: 'E_PROFILE_RESERVED_KEY' },
  { name: 'a __proto__ key in a relation map', file: 'y.yaml', content: 'work: [{occupation: x, years: 1, relation: {__proto__: 本职业}}]\n', where: 'at /work/0/relation/__proto__:', code: 'E_PROFILE_RESERVED_KEY' },
  { name: 'a __proto__ key among the facts', file: 'z.json', content: '{"facts": {"__proto__": 1}}', where: 'at /facts/__proto__:', code: 'E_PROFILE_RESERVED_KEY' },
  { name: 'a YAML merge key', file: 'aa.yaml', content: 'base: &b {occupation: x, years: 1}\nwork: [{<<: *b}]\n', where: 'at /base:', code: 'E_PROFILE_ADDITIONAL' },
  { name: 'a custom YAML tag', file: 'ab.yaml', content: 'work: !!js/function "function () { process.exit(9) }"\n', where: 'ab.yaml:1:', code: 'E_PROFILE_PARSE' },
  { name: 'a YAML alias bomb', file: 'ac.yaml', content: 'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\nwork: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n', where: 'ac.yaml:', code: 'E_PROFILE_PARSE' },
  { name: '20,000-deep arrays', file: 'ad.json', content: deepArrays, where: 'at (root):', code: 'E_PROFILE_PARSE' },
  { name: '20,000-deep objects', file: 'ae.json', content: deepObjects, where: 'at (root):', code: 'E_PROFILE_PARSE', all: true, bin: true },
  { name: '20,000-deep YAML flow sequences', file: 'af.yaml', content: 'work: ' + '['.repeat(20000) + ']'.repeat(20000) + '\n', where: 'af.yaml:', code: 'E_PROFILE_PARSE' },
  { name: 'a 10 MB file', file: 'ag.json', content: tenMegabytes, where: 'at (root):', code: 'E_PROFILE_TOO_LARGE', all: true, bin: true },
];

describe('hostile profiles through `zige eval`', () => {
  const dir = scratch('hostile');
  const args = (c: Case): string[] => ['eval', join(dir, c.file), ...(c.all ? [] : ['--occupation', '互联网营销师']), '--as-of', '2026-11-28'];
  const binary = cases.filter((c) => c.bin);
  const results = new Map<Case, Run[]>();

  beforeAll(async () => {
    for (const c of cases) writeFileSync(join(dir, c.file), c.content);
    for (const c of cases) results.set(c, [await inProcess(args(c))]);
    const runs = await runAll(binary, 3, (c) => run(args(c)));
    binary.forEach((c, i) => results.get(c)!.push(runs[i]));
  }, 120_000);

  it('runs one case of each kind through the built binary', () => {
    expect(binary.length).toBeGreaterThanOrEqual(10);
  });

  it('the 10 MB case really is 10 MB', () => {
    expect(Buffer.byteLength(tenMegabytes)).toBeGreaterThan(10_000_000);
  });

  cases.forEach((c) => {
    it(`${c.name}: exit 1, ${c.code} naming ${c.where.replace(/:$/, '')}, no stack trace, fast${c.bin ? ' (also the binary)' : ''}`, () => {
      for (const r of results.get(c)!) {
        const output = r.stdout + r.stderr;
        expect(r.code, output).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toContain(`error[${c.code}`);
        expect(r.stderr).toContain(c.where);
        expect(output).not.toMatch(STACK);
        expect(output).not.toMatch(/内部错误|internal error/);
        expect(r.ms).toBeLessThan(10_000);
      }
    });
  });
});

describe('profile keys never reach prototypes (in process)', () => {
  const loaded = (text: string): { profile: Profile | undefined; codes: string[] } => {
    const sink = new DiagnosticSink();
    const profile = loadProfile('p', text, sink);
    return { profile, codes: sink.items.map((d) => d.code) };
  };
  const clean = (): void => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(Array.prototype).not.toHaveProperty('polluted');
  };

  it('refuses __proto__/constructor/prototype anywhere: facts, majorRelation maps, inside arrays, YAML', () => {
    for (const text of [
      '{"facts": {"__proto__": {"polluted": true}}}',
      '{"education": [{"level": "本科", "status": "毕业", "majorRelation": {"constructor": "本专业"}}]}',
      '{"work": [{"occupation": "x", "years": 1, "relation": {"prototype": "本职业"}}]}',
      '{"certificates": [[{"__proto__": {"polluted": true}}]]}',
      'facts:\n  __proto__: {polluted: true}\n',
      'work:\n  - occupation: x\n    years: 1\n    __proto__: {polluted: true}\n',
    ]) {
      const { profile, codes } = loaded(text);
      expect(profile, text).toBeUndefined();
      expect(codes.length, text).toBeGreaterThan(0);
      clean();
    }
  });

  it('names every hostile key by its path, in the order found, however it is spelled', () => {
    const reported = (text: string): string[][] => {
      const sink = new DiagnosticSink();
      expect(loadProfile('p', text, sink)).toBeUndefined();
      return sink.items.map((d) => [d.code, d.path ?? '']);
    };
    const text = '{"facts": {"__proto__": 1}, "work": [{"occupation": "x", "years": 1, "relation": {"constructor": "本职业"}}], "prototype": 1}';
    expect(reported(text)).toEqual([
      ['E_PROFILE_RESERVED_KEY', '/prototype'],
      ['E_PROFILE_RESERVED_KEY', '/work/0/relation/constructor'],
      ['E_PROFILE_RESERVED_KEY', '/facts/__proto__'],
    ]);
    // each alone, where the schema would accept any key
    for (const key of ['__proto__', 'constructor', 'prototype']) {
      const alone = `{"work": [{"occupation": "x", "years": 1, "relation": {"${key}": "本职业"}}]}`;
      expect(reported(alone)).toEqual([['E_PROFILE_RESERVED_KEY', `/work/0/relation/${key}`]]);
    }
    // escaped in the JSON text, still the same keys once parsed
    expect(reported('{"\\u005f_proto__": {}, "constructo\\u0072": 1}')).toEqual([
      ['E_PROFILE_RESERVED_KEY', '/__proto__'],
      ['E_PROFILE_RESERVED_KEY', '/constructor'],
    ]);
  });

  it('allows 64 levels of nesting, refuses 65, and a hostile key only within the limit is named', () => {
    const nested = (arrays: number, inner = '1'): string => `{"a": ${'['.repeat(arrays)}${inner}${']'.repeat(arrays)}}`;
    const first = (text: string): [string, string, unknown] => {
      const sink = new DiagnosticSink();
      expect(loadProfile('p', text, sink)).toBeUndefined();
      const d = sink.items[0];
      return [d.code, d.path ?? '', d.args?.detail];
    };
    const tooDeep = ['E_PROFILE_PARSE', '', 'nesting too deep (limit 64 levels)'];
    // the root object is level 1: 63 arrays inside it make 64 levels
    expect(first(nested(63))).toEqual(['E_PROFILE_ADDITIONAL', '/a', undefined]);
    expect(first(nested(64))).toEqual(tooDeep);
    expect(first(`{"work": [${'{"a":'.repeat(63)}1${'}'.repeat(63)}]}`)).toEqual(tooDeep);
    expect(first(nested(62, '{"__proto__": 1}'))).toEqual(['E_PROFILE_RESERVED_KEY', `/a${'/0'.repeat(62)}/__proto__`, undefined]);
    expect(first(nested(63, '{"__proto__": 1}'))).toEqual(tooDeep);
    // the depth is found before a hostile key elsewhere
    expect(first(`{"__proto__": 1, "a": ${'['.repeat(64)}${']'.repeat(64)}}`)).toEqual(tooDeep);
  });

  it('keys named like Object.prototype members are plain user text when evaluating', () => {
    const { profile, codes } = loaded(
      JSON.stringify({
        education: [{ level: '初中', status: '毕业', majorRelation: { toString: '本专业', hasOwnProperty: '相关专业' } }],
        work: [{ occupation: 'valueOf', from: '2020-01-01', relation: { toString: '本职业', valueOf: '本职业' } }],
        facts: { toString: 1, valueOf: true, hasOwnProperty: 2, isPrototypeOf: 3 },
      }),
    );
    expect(codes).toEqual([]);
    const occ = instantiate(check(RULES).rules!.occupations.find((o) => o.id === 'internet-marketer')!);
    const { results: [five], warnings } = evaluateProfile(occ, profile!, { asOf: '2026-11-28', single: true });
    // The work is unrelated (no key names the occupation), so 五级 needs something else.
    expect(five.status).toBe('ineligible');
    // Facts that the vocabulary does not declare are reported, whatever their names.
    const unknownFacts = warnings.filter((w) => w.code === 'W_UNKNOWN_FACT').map((w) => w.path);
    expect(unknownFacts).toEqual(['/facts/toString', '/facts/valueOf', '/facts/hasOwnProperty', '/facts/isPrototypeOf']);
    clean();
  });
});
