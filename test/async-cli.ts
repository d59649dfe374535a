// The built CLI run asynchronously, so that many cases can run side by side (test/helpers.ts `cli`
// runs one at a time).
import { spawn } from 'node:child_process';
import { BIN, ROOT } from './helpers.js';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** A stack trace line, which no user-facing output may contain. */
export const STACK = /\n\s+at .*:\d+:\d+/;

export function runCli(args: string[], options: { cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env: { ...process.env, NO_COLOR: '1', ZIGE_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr, ms: Date.now() - t0 });
    });
  });
}

/** Runs `f` over `items`, at most `limit` at a time, results in order. */
export async function runAll<T>(items: T[], limit: number, f: (x: T) => Promise<Run>): Promise<Run[]> {
  const out: Run[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await f(items[i]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return out;
}
