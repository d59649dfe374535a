// The programmatic API: the examples of docs/api.md run (and type-check) as tests, and the built
// package exports the API and the compiled bundled rules to plain Node and to TypeScript.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, scratch } from './helpers.js';

const TSX = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const TSC = join(ROOT, 'node_modules', '.bin', 'tsc');

/** The ```ts blocks of a Markdown file, each with the heading it is under. */
function tsBlocks(markdown: string): { heading: string; code: string }[] {
  const out: { heading: string; code: string }[] = [];
  let heading = '';
  for (const m of markdown.matchAll(/^## (.*)$|^```ts\n([\s\S]*?)^```$/gm)) {
    if (m[1] !== undefined) heading = m[1];
    else out.push({ heading, code: m[2] });
  }
  return out;
}

const docs = readFileSync(join(ROOT, 'docs', 'api.md'), 'utf8');
const blocks = tsBlocks(docs);

function typecheck(dir: string, include: string[]): string {
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', types: ['node'], skipLibCheck: true, typeRoots: [join(ROOT, 'node_modules', '@types')] },
      include,
    }),
  );
  const r = spawnSync(TSC, ['-p', dir], { encoding: 'utf8' });
  return r.stdout + r.stderr;
}

describe('docs/api.md', () => {
  it('has examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(6);
  });

  // Inside the repository, `zige` resolves to the built package by self-reference. All examples
  // run in one tsx process (one start instead of one per example), each imported in turn with
  // what it writes to stderr and what it throws recorded apart.
  const dir = scratch('api-docs');
  let outcomes: { stderr: string; error: string | null; exitCode: number }[] = [];
  beforeAll(() => {
    blocks.forEach(({ code }, i) => writeFileSync(join(dir, `example-${i + 1}.ts`), code));
    const runner = join(dir, 'run-examples.ts');
    writeFileSync(
      runner,
      `import { pathToFileURL } from 'node:url';
const outcomes = [];
const write = process.stderr.write.bind(process.stderr);
for (let i = 1; i <= ${blocks.length}; i++) {
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => ((stderr += String(chunk)), true)) as typeof process.stderr.write;
  let error: string | null = null;
  process.exitCode = 0;
  try {
    await import(pathToFileURL(${JSON.stringify(dir)} + '/example-' + i + '.ts').href);
  } catch (e) {
    error = String((e as Error).stack ?? e);
  } finally {
    process.stderr.write = write;
  }
  outcomes.push({ stderr, error, exitCode: Number(process.exitCode ?? 0) });
}
process.exitCode = 0;
console.log('OUTCOMES ' + JSON.stringify(outcomes));
`,
    );
    const r = spawnSync(process.execPath, [TSX, runner], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    const line = r.stdout.split('\n').find((l) => l.startsWith('OUTCOMES '));
    expect(line, r.stderr).toBeDefined();
    outcomes = JSON.parse(line!.slice('OUTCOMES '.length));
  }, 60_000);
  blocks.forEach(({ heading }, i) => {
    it(`example ${i + 1} (${heading}) runs`, () => {
      expect(outcomes[i]).toEqual({ stderr: '', error: null, exitCode: 0 });
    });
  });

  it('examples type-check under tsc --strict against the built declarations', () => {
    blocks.forEach(({ code }, i) => writeFileSync(join(dir, `example-${i + 1}.ts`), code));
    expect(typecheck(dir, ['*.ts'])).toBe('');
  }, 60_000);
});

describe('the built package, as an application uses it', () => {
  // An application folder outside the repository, with zige in its node_modules.
  const app = mkdtempSync(join(tmpdir(), 'zige-app-'));
  mkdirSync(join(app, 'node_modules'));
  symlinkSync(ROOT, join(app, 'node_modules', 'zige'), 'dir');
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', type: 'module', private: true }));

  it('imports the API, the runtime and the compiled bundled rules in plain Node', () => {
    const script = `
      import { check, evaluate, loadRules, parseExpression, printExpression } from 'zige';
      import { evaluateOccupation } from 'zige/runtime';
      import { evaluate as evaluateMarketer, meta, occupation } from 'zige/evaluators/internet-marketer';
      import { evaluate as evaluateByName, occupations } from 'zige/evaluators';
      const profile = { education: [{ level: '初中', status: '毕业' }], work: [{ occupation: '互联网营销师', from: '2020-01-01', relation: '本职业' }] };
      const statuses = (rs) => rs.map((r) => r.level + ':' + r.status).join(' ');
      console.log(JSON.stringify({
        errors: check().errors,
        printed: printExpression(parseExpression('从业  >= 3 年').ast),
        generated: statuses(evaluateMarketer(profile, { asOf: '2026-11-28' })),
        byName: statuses(evaluateByName('互联网营销师', profile, { asOf: '2026-11-28' })),
        runtime: statuses(evaluateOccupation(occupation, profile, { asOf: '2026-11-28' })),
        api: statuses(evaluate(loadRules().occupations.find((o) => o.id === 'internet-marketer'), profile, { asOf: '2026-11-28' })),
        id: meta.id,
        count: occupations.length,
      }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout);
    const want = '5:eligible 4:eligible 3:ineligible 2:ineligible 1:ineligible';
    expect(out).toEqual({ errors: 0, printed: '从业 >= 3年', generated: want, byName: want, runtime: want, api: want, id: 'internet-marketer', count: 13 });
  });

  it('compiled evaluators import only the runtime', () => {
    const dist = join(ROOT, 'dist', 'evaluators');
    const index = readFileSync(join(dist, 'index.js'), 'utf8');
    const specs = [...index.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(specs[0]).toBe('../runtime/index.js');
    for (const s of specs.slice(1)) expect(s).toMatch(/^\.\/[a-z0-9-@]+\.js$/);
    const marketer = readFileSync(join(dist, 'internet-marketer.js'), 'utf8');
    expect([...marketer.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1])).toEqual(['../runtime/index.js']);
  });

  it('types every entry point for TypeScript applications', () => {
    writeFileSync(
      join(app, 'main.ts'),
      `import { check, type CheckResult, type LevelResult } from 'zige';
import type { Profile } from 'zige/runtime';
import { evaluate } from 'zige/evaluators/internet-marketer';
import { evaluate as byName } from 'zige/evaluators';
const result: CheckResult = check();
const profile: Profile = { education: [] };
const a: LevelResult[] = evaluate(profile, { asOf: '2026-11-28' });
const b: LevelResult[] = byName('hr-manager', profile, { asOf: '2026-11-28' });
// @ts-expect-error: asOf is required
evaluate(profile, {});
export { result, a, b };
`,
    );
    expect(typecheck(app, ['main.ts'])).toBe('');
  }, 60_000);

  it('cleans up', () => {
    rmSync(app, { recursive: true, force: true });
  });
});
