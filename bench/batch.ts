// Batch: `zige eval --batch` through the built CLI (one thread, then one worker per core) against
// in-process evaluation of the same profiles on one core.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CheckedOccupation } from '../compiler/checked.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { createProcessor, splitRecords } from '../cli/batch-worker.js';
import { evaluateOccupation, type Profile } from '../runtime/index.js';
import { stats, type Stats } from './measure.js';
import { AS_OF, population } from './population.js';

export interface BatchRun {
  name: string;
  jobs: number;
  /** Profiles per second as the CLI reports it (after the rules are loaded). */
  rate: Stats;
  /** Wall time of the whole command, start-up included. */
  wallMs: Stats;
  /** Peak resident memory of the process (all threads), MiB. */
  maxRssMiB: number;
  /** CPU time (user + system, all threads) per 1,000 profiles, start-up included, ms. */
  cpuMsPer1000: Stats;
}

export interface BatchResult {
  profiles: number;
  inputMiB: number;
  /** In-process, one core: profiles/s of evaluation only, and of the CLI's own per-line code (parse + validate + evaluate + serialise). */
  inProcess: { evaluate: Stats; pipeline: Stats };
  runs: BatchRun[];
  identical: boolean;
}

// Peak memory and CPU time (all threads) of the child, printed on stderr as it exits.
const EXIT_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\nmaxrss "+process.resourceUsage().maxRSS+" cpu "+(u.user+u.system)+"\\n")})`;

export async function batchBench(o: { root: string; bin: string; checked: CheckedOccupation; profiles: number; rounds: number }): Promise<BatchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'zige-bench-batch-'));
  try {
    const profiles = population(3, o.profiles);
    const lines = profiles.map((p) => JSON.stringify(p));
    const input = join(dir, 'profiles.jsonl');
    writeFileSync(input, lines.join('\n') + '\n');

    // In process, one core.
    const occ = instantiate(o.checked);
    const evaluate: number[] = [];
    const pipeline: number[] = [];
    const parsed: Profile[] = lines.map((l) => JSON.parse(l) as Profile);
    // The batch command's per-line code itself, on the whole input as one chunk (no I/O, no threads).
    const processChunk = createProcessor([occ], { input: 'bench', csv: false, csvOutput: false, explain: false, asOf: AS_OF, single: true, lang: 'zh', color: false, maxReports: 100 });
    // In chunks of about the CLI's read size (256 KiB), as the command processes them.
    const chunkTexts: [number, string][] = [];
    for (let i = 0, size = 0, start = 0; i <= lines.length; i++) {
      if (i === lines.length || size >= 256 * 1024) {
        if (i > start) chunkTexts.push([start + 1, lines.slice(start, i).join('\n') + '\n']);
        start = i;
        size = 0;
      }
      if (i < lines.length) size += lines[i].length + 1;
    }
    for (let r = 0; r < o.rounds + 1; r++) {
      let t0 = process.hrtime.bigint();
      let n = 0;
      for (const p of parsed) n += evaluateOccupation(occ, p, { asOf: AS_OF, single: true, explain: false }).length;
      const a = Number(process.hrtime.bigint() - t0) / 1e9;
      t0 = process.hrtime.bigint();
      let bytes = 0;
      let evaluated = 0;
      for (const [first, chunk] of chunkTexts) {
        const out = processChunk(splitRecords(chunk, first));
        evaluated += out.evaluated;
        bytes += out.out.byteLength;
      }
      if (evaluated !== lines.length) throw new Error(`bench: the batch line code evaluated ${evaluated} of ${lines.length} bench profiles`);
      const b = Number(process.hrtime.bigint() - t0) / 1e9;
      if (r > 0 && n > 0 && bytes > 0) {
        evaluate.push(lines.length / a);
        pipeline.push(lines.length / b);
      }
    }

    const cores = availableParallelism();
    const configs = [
      { name: 'one thread (--jobs 1)', jobs: 1, out: 'out-1.jsonl' },
      { name: `worker threads (--jobs ${cores})`, jobs: cores, out: `out-${cores}.jsonl` },
      { name: `worker threads, CSV output (--jobs ${cores})`, jobs: cores, out: `out-${cores}.csv` },
    ];
    const samples = new Map(configs.map((c) => [c.name, { rate: [] as number[], wall: [] as number[], cpu: [] as number[], rss: 0 }]));
    for (let r = 0; r < o.rounds; r++) {
      for (const c of configs) {
        // A fresh output path each run, as a user writes a new file: replacing the previous run's
        // tens of MiB would add deleting them (in the final rename) to the timed work.
        rmSync(join(dir, c.out), { force: true });
        const args = ['--import', EXIT_HOOK, o.bin, 'eval', '--batch', input, '--occupation', '互联网营销师', '--as-of', AS_OF, '--out', join(dir, c.out), '--jobs', String(c.jobs)];
        const t0 = process.hrtime.bigint();
        const res = spawnSync(process.execPath, args, { cwd: o.root, encoding: 'utf8', maxBuffer: 1 << 26 });
        const wall = Number(process.hrtime.bigint() - t0) / 1e6;
        if (res.status !== 0) throw new Error(`bench: zige eval --batch exited ${res.status}: ${res.stderr.slice(-2000)}`);
        const rate = /([\d,]+)\/s/.exec(res.stderr);
        const rss = /maxrss (\d+) cpu (\d+)/.exec(res.stderr);
        if (!rate) throw new Error(`bench: no rate in the batch summary: ${res.stderr.slice(-500)}`);
        const s = samples.get(c.name)!;
        s.rate.push(Number(rate[1].replace(/,/g, '')));
        s.wall.push(wall);
        s.rss = Math.max(s.rss, rss ? Number(rss[1]) / 1024 : 0);
        if (rss) s.cpu.push(Number(rss[2]) / 1000 / (lines.length / 1000));
      }
    }
    const digest = (f: string): string => createHash('sha256').update(readFileSync(join(dir, f))).digest('hex');
    const identical = digest(configs[0].out) === digest(configs[1].out);
    if (!identical) throw new Error('bench: batch output with worker threads differs from one thread');
    return {
      profiles: lines.length,
      inputMiB: statSync(input).size / 2 ** 20,
      inProcess: { evaluate: stats(evaluate), pipeline: stats(pipeline) },
      runs: configs.map((c) => {
        const s = samples.get(c.name)!;
        return { name: c.name, jobs: c.jobs, rate: stats(s.rate), wallMs: stats(s.wall), maxRssMiB: s.rss, cpuMsPer1000: stats(s.cpu.length ? s.cpu : [NaN]) };
      }),
      identical,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
