// Timing helpers: interleaved rounds, medians with min–max, child-process cold starts.
import { spawnSync } from 'node:child_process';

export interface Stats {
  median: number;
  min: number;
  max: number;
  samples: number[];
}

export function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
  return { median, min: s[0], max: s[s.length - 1], samples };
}

/** A contender: evaluates item `i` and returns something derived from the answer (kept, so it is not optimised away). */
export interface Contender<T> {
  name: string;
  /** Synchronous evaluation of one item. */
  run?: (item: T) => unknown;
  /** Asynchronous evaluation of one item (json-rules-engine). */
  runAsync?: (item: T) => Promise<unknown>;
}

let sink = 0;
/** Keeps results observable. */
export function consume(v: unknown): void {
  if (v === true) sink++;
  else if (typeof v === 'number') sink += v;
  else if (Array.isArray(v)) sink += v.length;
  else if (v) sink ^= 1;
}
export function sinkValue(): number {
  return sink;
}

async function pass<T>(c: Contender<T>, items: readonly T[], repeat: number): Promise<number> {
  const t0 = process.hrtime.bigint();
  if (c.run) {
    const run = c.run;
    for (let k = 0; k < repeat; k++) for (let i = 0; i < items.length; i++) consume(run(items[i]));
  } else {
    const run = c.runAsync!;
    for (let k = 0; k < repeat; k++) for (let i = 0; i < items.length; i++) consume(await run(items[i]));
  }
  return Number(process.hrtime.bigint() - t0);
}

/**
 * Nanoseconds per item of each contender: a warm-up pass, then `rounds` rounds in which every
 * contender runs in turn (interleaved, so a noisy neighbour hits all of them alike), each for at
 * least `minMs` (whole passes over the items).
 */
export async function race<T>(contenders: Contender<T>[], items: readonly T[], options: { rounds: number; minMs: number }): Promise<Map<string, Stats>> {
  const repeat = new Map<string, number>();
  for (const c of contenders) {
    await pass(c, items, 1); // warm-up: JIT, inline caches
    const ns = await pass(c, items, 1);
    repeat.set(c.name, Math.max(1, Math.ceil((options.minMs * 1e6) / Math.max(ns, 1))));
  }
  const samples = new Map<string, number[]>(contenders.map((c) => [c.name, []]));
  for (let r = 0; r < options.rounds; r++) {
    for (const c of contenders) {
      const k = repeat.get(c.name)!;
      const ns = await pass(c, items, k);
      samples.get(c.name)!.push(ns / (k * items.length));
    }
  }
  return new Map([...samples].map(([name, s]) => [name, stats(s)]));
}

/** Milliseconds of wall time of a child process, `runs` times, interleaved across commands. */
export function spawnTimes(commands: { name: string; args: string[]; cwd: string }[], runs: number): Map<string, Stats> {
  const samples = new Map<string, number[]>(commands.map((c) => [c.name, []]));
  for (let r = 0; r < runs + 1; r++) {
    for (const c of commands) {
      const t0 = process.hrtime.bigint();
      const res = spawnSync(process.execPath, c.args, { cwd: c.cwd, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (res.status !== 0) {
        throw new Error(`bench: \`node ${c.args.join(' ')}\` exited ${res.status}: ${String(res.stderr).slice(0, 2000)}`);
      }
      if (r > 0) samples.get(c.name)!.push(ms); // the first run warms the file-system cache
    }
  }
  return new Map([...samples].map(([name, s]) => [name, stats(s)]));
}

/** Milliseconds of `fn`, `runs` times; the first (cold, in this process) reported apart. */
export function timeRuns(fn: () => void, runs: number): { first: number; rest: Stats } {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { first: times[0], rest: stats(times.length > 1 ? times.slice(1) : times) };
}

// ---------------------------------------------------------------------------------------------
// Formatting

export function fmtNs(ns: number): string {
  if (ns >= 1e6) return `${(ns / 1e6).toFixed(2)} ms`;
  if (ns >= 1e4) return `${(ns / 1e3).toFixed(1)} µs`;
  if (ns >= 1e3) return `${(ns / 1e3).toFixed(2)} µs`;
  return `${ns.toFixed(0)} ns`;
}

export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(ms >= 100 ? 0 : 1)} ms`;
}

export function fmtRate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(2)} M/s`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(1)} k/s`;
  return `${perSecond.toFixed(0)} /s`;
}

export function fmtRatio(x: number): string {
  return x >= 100 ? `${x.toFixed(0)}×` : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`;
}

export function table(header: string[], rows: string[][]): string {
  const align = header.map((_, i) => (i === 0 ? '---' : '---:'));
  return [header, align, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}
