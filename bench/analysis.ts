// `npm run bench -- --only analysis`: `zige analyze` on the bundled rules (the CLI, cold, as a user
// runs it: target ≤ 2 s) and in process on synthetic rule sets of about 100 and 800 files (copies
// of the bundled files, bench/startup.ts `syntheticRules`: target ≤ 60 s), check and analysis
// timed apart, wall and CPU time, with the growth from the small set to the large one.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { analyzeRules } from '../analysis/index.js';
import { checkRules } from '../compiler/check-rules.js';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { stats, type Stats } from './measure.js';
import { syntheticRules } from './startup.js';

export interface AnalysisSize {
  files: number;
  clauses: number;
  findings: number;
  checkMs: Stats;
  checkCpuMs: Stats;
  analyzeMs: Stats;
  analyzeCpuMs: Stats;
}

export interface AnalysisResult {
  /** `node dist/cli/bin.js analyze rules`, wall time of the whole process. */
  cliMs: Stats;
  /** Its CPU time (user + system, from the shell's `times`): what it costs on an idle machine. */
  cliCpuMs: Stats;
  sizes: AnalysisSize[];
}

function timed<T>(f: () => T): { value: T; ms: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  const value = f();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const used = process.cpuUsage(cpu);
  return { value, ms, cpuMs: (used.user + used.system) / 1000 };
}

function measureSize(dir: string, runs: number): AnalysisSize {
  const checkMs: number[] = [];
  const checkCpuMs: number[] = [];
  const analyzeMs: number[] = [];
  const analyzeCpuMs: number[] = [];
  let files = 0;
  let clauses = 0;
  let findings = 0;
  for (let r = 0; r < runs; r++) {
    const sink = new DiagnosticSink();
    const check = timed(() => checkRules(dir, sink));
    const rules = check.value;
    if (!rules || sink.hasErrors) throw new Error(`bench: synthetic rules in ${dir} do not check`);
    const analysis = timed(() => analyzeRules(rules));
    checkMs.push(check.ms);
    checkCpuMs.push(check.cpuMs);
    analyzeMs.push(analysis.ms);
    analyzeCpuMs.push(analysis.cpuMs);
    files = rules.occupations.length;
    clauses = rules.occupations.reduce((n, o) => n + o.clauses.length, 0);
    findings = analysis.value.findings.length;
  }
  return { files, clauses, findings, checkMs: stats(checkMs), checkCpuMs: stats(checkCpuMs), analyzeMs: stats(analyzeMs), analyzeCpuMs: stats(analyzeCpuMs) };
}

export function analysisBench(o: { root: string; bin: string; rulesDir: string; copies: number[]; runs: number; spawns: number }): AnalysisResult {
  const cli: number[] = [];
  const cliCpu: number[] = [];
  for (let i = 0; i < o.spawns; i++) {
    const t0 = process.hrtime.bigint();
    // bash's `times` prints the CPU time of its children: the zige process alone.
    const script = '"$0" "$1" analyze "$2" >/dev/null || exit 1; times';
    const r = spawnSync('bash', ['-c', script, process.execPath, o.bin, o.rulesDir], { cwd: o.root, encoding: 'utf8' });
    cli.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (r.status !== 0) throw new Error(`bench: zige analyze rules failed: ${r.stderr}`);
    const [user, system] = [...r.stdout.trim().split('\n')[1].matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60_000 + Number(m[2]) * 1000);
    cliCpu.push(user + system);
  }
  measureSize(o.rulesDir, 1); // warm the code once, so every size is measured warm
  const sizes: AnalysisSize[] = [];
  for (const copies of o.copies) {
    const dir = syntheticRules(o.rulesDir, copies);
    try {
      sizes.push(measureSize(dir, o.runs));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  return { cliMs: stats(cli), cliCpuMs: stats(cliCpu), sizes };
}
