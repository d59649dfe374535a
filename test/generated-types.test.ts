// The types a TypeScript user of generated evaluators gets, checked by the pinned tsc (a native
// binary without a JS API: spawned on a temporary tsconfig). Inside the repository `zige/runtime`
// and `zige/evaluators` resolve to the built package (dist/) by self-reference.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileToStrings } from '../compiler/generate/compile.js';
import { check, ROOT, RULES, scratch } from './helpers.js';

const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');
const EVERY_CONSTRUCT = join(ROOT, 'test', 'fixtures', 'every-construct');

/** Runs tsc on a tsconfig written into `dir`: its diagnostics, one per line, paths relative to `dir`. */
function tsc(dir: string, compilerOptions: Record<string, unknown>, include: string[]): { code: number; output: string } {
  const base = { noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: [], skipLibCheck: false };
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { ...base, ...compilerOptions }, include }));
  const r = spawnSync(TSC, ['-p', dir, '--pretty', 'false'], { cwd: dir, encoding: 'utf8' });
  return { code: r.status ?? -1, output: (r.stdout + r.stderr).trim() };
}

/** The generated TypeScript of a rules directory, written into `dir`. */
function generate(rules: string, dir: string): void {
  const checked = check(rules).rules;
  expect(checked, `${rules} checks clean`).toBeDefined();
  mkdirSync(dir, { recursive: true });
  for (const f of compileToStrings(checked!.occupations)) writeFileSync(join(dir, f.path), f.content);
}

/** What an application writes: the compiled bundled evaluators (shipped .d.ts), their results used. */
const USAGE = [
  "import { evaluate as evaluateMarketer, type Result } from 'zige/evaluators/internet-marketer';",
  "import { evaluate, occupationInForce } from 'zige/evaluators';",
  "import type { Profile } from 'zige/runtime';",
  'const profile: Profile = { education: [] };',
  "const r = evaluateMarketer(profile, { asOf: '2026-11-28' });",
  'const earliest: string | null = r[0].earliest;',
  'const missing: string = r[0].missing.map((m) => m.clause).join() + r[0].ask.length + r[0].evidence.length;',
  "const id: 'internet-marketer' = r[0].id;",
  "const name: '互联网营销师' = r[0].occupation;",
  'const level: 1 | 2 | 3 | 4 | 5 = r[0].level;',
  'const first: Result = r[0];',
  "if (first.status === 'eligible') { const day: string = first.earliest; void day; }",
  "if (first.status === 'unknown') { const none: null = first.earliest; void none; }",
  "const byName = evaluate('互联网营销师', profile, { asOf: '2026-11-28' });",
  "const sameId: 'internet-marketer' = byName[0].id;",
  "const other: 'hr-manager' = evaluate('hr-manager', profile, { asOf: '2026-11-28' })[0].id;",
  "occupationInForce('企业人力资源管理师', '2026-11-28');",
  "const fast = evaluateMarketer(profile, { asOf: '2026-11-28', explain: false });",
  "const explain: boolean = fast.length > 1;",
  "const either = evaluate('hr-manager', profile, { asOf: '2026-11-28', explain });",
  "const status: 'eligible' | 'ineligible' | 'unknown' = either[0].status;",
  'export { earliest, missing, id, name, level, sameId, other, fast, status };',
  // what must not compile
  "evaluate('no-such-occupation', profile, { asOf: '2026-11-28' });",
  'fast[0].earliest;',
  'either[0].earliest;',
];

/** One tsc run over everything, under the strictest settings: its diagnostics, one per line. */
let strict: { code: number; output: string } | undefined;
function strictRun(): { code: number; output: string } {
  if (strict) return strict;
  const dir = scratch('strict-types');
  generate(RULES, join(dir, 'bundled'));
  generate(EVERY_CONSTRUCT, join(dir, 'every-construct'));
  writeFileSync(join(dir, 'usage.ts'), USAGE.join('\n') + '\n');
  const runtime = relative(dir, join(ROOT, 'dist', 'runtime')).split('\\').join('/');
  const options = { strict: true, noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true };
  strict = tsc(dir, options, ['bundled/*.ts', 'every-construct/*.ts', `${runtime}/*.d.ts`, 'usage.ts']);
  return strict;
}
const at = (line: string): string => `usage.ts(${USAGE.indexOf(line) + 1},`;

describe('generated TypeScript, under tsc --strict --noUncheckedIndexedAccess --exactOptionalPropertyTypes', () => {
  it('compiles: every bundled occupation, a rule file with every construct, the runtime declarations', () => {
    const { output } = strictRun();
    expect(output.split('\n').filter((l) => l !== '' && !l.startsWith('usage.ts(') && !l.startsWith(' '))).toEqual([]);
  }, 60_000);

  it('types results for an application: explanations, narrowed on status, the occupation as literal types; a wrong occupation does not compile', () => {
    const { code, output } = strictRun();
    expect(output.split('\n')).toEqual([
      `${at("evaluate('no-such-occupation', profile, { asOf: '2026-11-28' });")}10): error TS2345: Argument of type '"no-such-occupation"' is not assignable to parameter of type 'OccupationKey'.`,
      `${at('fast[0].earliest;')}9): error TS2339: Property 'earliest' does not exist on type 'FastResult'.`,
      `${at('either[0].earliest;')}11): error TS2339: Property 'earliest' does not exist on type 'FastResult | Result'.`,
      "  Property 'earliest' does not exist on type 'FastResult'.",
    ]);
    expect(code).not.toBe(0);
  }, 60_000);
});
