// (c) Check + compile time, in process and as cold-started commands against a bare `node -e 0`.
// (d, second half) Growth: check + compile time as the number of rule files grows.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkRules, listRuleFiles } from '../compiler/check-rules.js';
import { compileToStrings } from '../compiler/generate/compile.js';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { spawnTimes, stats, timeRuns, type Stats } from './measure.js';

export interface CompileResult {
  files: number;
  clauses: number;
  /** First check + compile in this process (cold code), then the median of the rest. */
  first: number;
  warm: Stats;
}

/** checkRules + compileToStrings over a directory; throws on errors. */
function checkAndCompile(dir: string): { files: number; clauses: number } {
  const sink = new DiagnosticSink();
  const rules = checkRules(dir, sink);
  if (!rules || sink.hasErrors) {
    const first = sink.items.find((d) => d.severity === 'error');
    throw new Error(`bench: rules in ${dir} do not check: ${first?.code} ${first?.file ?? ''} ${JSON.stringify(first?.args ?? {})}`);
  }
  compileToStrings(rules.occupations);
  return { files: rules.occupations.length, clauses: rules.occupations.reduce((n, o) => n + o.clauses.length, 0) };
}

export function compileInProcess(dir: string, runs: number): CompileResult {
  let info = { files: 0, clauses: 0 };
  const t = timeRuns(() => (info = checkAndCompile(dir)), runs);
  return { ...info, first: t.first, warm: t.rest };
}

export interface ColdStart {
  name: string;
  command: string;
  stats: Stats;
}

export function coldStarts(root: string, bin: string, runs: number): ColdStart[] {
  const commands = [
    { name: 'node -e 0', command: 'node -e 0', args: ['-e', '0'] },
    { name: 'zige --version', command: 'zige --version', args: [bin, '--version'] },
    // The check-result cache is on by default: the warm-up run of spawnTimes stores the result, so
    // every timed run of this row is a cache hit (verified below); --no-cache checks every time.
    { name: 'zige check rules', command: 'zige check rules  # cache hit: the result stored by the warm-up run', args: [bin, 'check', 'rules'] },
    { name: 'zige check rules --no-cache', command: 'zige check rules --no-cache', args: [bin, 'check', 'rules', '--no-cache'] },
    {
      name: 'zige eval (one occupation)',
      command: 'zige eval examples/applicant-live-streamer.yaml --occupation 互联网营销师 --as-of 2026-11-28',
      args: [bin, 'eval', 'examples/applicant-live-streamer.yaml', '--occupation', '互联网营销师', '--as-of', '2026-11-28'],
    },
    {
      name: 'zige eval --rules rules',
      command: 'zige eval … --rules rules  # checks the rules at start-up instead of loading dist/evaluators',
      args: [bin, 'eval', 'examples/applicant-live-streamer.yaml', '--occupation', '互联网营销师', '--as-of', '2026-11-28', '--rules', 'rules'],
    },
  ];
  const times = spawnTimes(
    commands.map((c) => ({ name: c.name, args: c.args, cwd: root })),
    runs,
  );
  const out = commands.map((c) => ({ name: c.name, command: c.command, stats: times.get(c.name)! }));
  // Say so when the cached row did not hit (no dist/build-id, an unwritable cache …).
  const probe = spawnSync(process.execPath, [bin, 'check', 'rules'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ZIGE_DEBUG: '1' } });
  if (!/zige: 缓存 cache: 命中 hit: /.test(probe.stderr)) {
    const row = out.find((c) => c.name === 'zige check rules')!;
    row.command = `zige check rules  # NOT a cache hit: ${probe.stderr.split('\n').find((l) => l.includes('缓存 cache')) ?? 'no cache line'}`;
  }
  // Before the prebuilt validators: the same commands when Ajv compiles the schemas at start-up
  // (the prebuilt file moved aside for a moment; getValidators falls back to compiling).
  const prebuilt = join(root, 'dist', 'compiler', 'profile', 'schema-validators.cjs');
  if (existsSync(prebuilt)) {
    const aside = `${prebuilt}.bench-aside`;
    renameSync(prebuilt, aside);
    try {
      // as before this work: validators compiled at start-up, and eval checking the rules
      const again = commands.filter((c) => c.name === 'zige check rules --no-cache' || c.name === 'zige eval --rules rules');
      const before = spawnTimes(
        again.map((c) => ({ name: c.name, args: c.args, cwd: root })),
        runs,
      );
      for (const c of again) {
        out.push({ name: `${c.name} (before)`, command: `${c.command.replace(/  #.*/, '')}  # before: schemas compiled by Ajv at start-up`, stats: before.get(c.name)! });
      }
    } finally {
      renameSync(aside, prebuilt);
    }
  }
  return out;
}

/** A rules directory with `copies` copies of every bundled rule file, each with its own id. */
export function syntheticRules(rulesDir: string, copies: number): string {
  const dir = mkdtempSync(join(tmpdir(), `zige-bench-rules-${copies}-`));
  for (const entry of readdirSync(rulesDir)) {
    if (!/\.ya?ml$/.test(entry) || entry === 'vocabulary.yaml') cpSync(join(rulesDir, entry), join(dir, entry), { recursive: true });
  }
  for (const file of listRuleFiles(rulesDir)) {
    const text = readFileSync(join(rulesDir, file), 'utf8');
    if (!/^id: /m.test(text)) throw new Error(`bench: no top-level id in ${file}`);
    for (let i = 0; i < copies; i++) {
      writeFileSync(join(dir, file.replace(/\.ya?ml$/, `-${String(i).padStart(3, '0')}.yaml`)), text.replace(/^id: (.*)$/m, `id: $1-copy${i}`));
    }
  }
  return dir;
}

export interface RuleGrowthPoint {
  files: number;
  runs: number;
  ms: Stats;
}

export function ruleGrowth(rulesDir: string, plan: { copies: number; runs: number }[]): RuleGrowthPoint[] {
  const out: RuleGrowthPoint[] = [];
  checkAndCompile(rulesDir); // warm the code once, so every size is measured warm
  for (const { copies, runs } of plan) {
    const dir = syntheticRules(rulesDir, copies);
    try {
      const times: number[] = [];
      let files = 0;
      for (let r = 0; r < runs; r++) {
        const t0 = process.hrtime.bigint();
        files = checkAndCompile(dir).files;
        times.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
      out.push({ files, runs, ms: stats(times) });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return out;
}

/** Whether precompiled evaluators of the bundled rules exist in dist/ (built by someone else). */
export function precompiledEvaluators(root: string): string | null {
  for (const candidate of ['dist/evaluators', 'dist/generated']) if (existsSync(join(root, candidate))) return candidate;
  return null;
}

export function ensureDir(d: string): void {
  mkdirSync(d, { recursive: true });
}
