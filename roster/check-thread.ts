// Where `zige roster check` runs: in this thread for a small roster; for a large one, in a worker
// thread whose old generation is capped. The detail sheets are held in memory (about 105 MB for
// 300,000 rows), and exceljs's reader makes much short-lived garbage; uncapped, V8 let the heap
// grow to 750 MB on 100,000 applicants, capped it collects sooner and the process stays near
// 400 MB (bench/RESULTS.md). A roster whose live data outgrow the cap fails with E_ROSTER_MEMORY.
import { readFileSync, statSync } from 'node:fs';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { display, printDiagnostics, type Io } from '../cli/output.js';
import { UsageError } from '../cli/usage-error.js';
import { runRosterCheck, type RosterCheckOptions } from './check.js';
import { atomicTarget } from './review-writer.js';

/** Rosters at least this large are checked in a worker thread with a capped heap. */
export const WORKER_BYTES = 4 * 1024 * 1024;
/** The worker's old generation, in MB. */
export const OLD_GENERATION_MB = 256;

interface Init {
  kind: 'zige-roster';
  opts: RosterCheckOptions;
  errIsTTY: boolean;
}

type Message = { err: string } | { usage: string } | { code: number };

function size(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0; // reported by the check itself
  }
}

/** Runs the check here, or in a worker thread with a capped heap for a large roster. */
export async function runRosterCheckBounded(opts: RosterCheckOptions, io: Io): Promise<number> {
  if (size(opts.input) < WORKER_BYTES) return runRosterCheck(opts, io);
  const init: Init = { kind: 'zige-roster', opts, errIsTTY: io.errIsTTY ?? false };
  const worker = new Worker(new URL(import.meta.url), { workerData: init, resourceLimits: { maxOldGenerationSizeMb: OLD_GENERATION_MB } });
  return new Promise<number>((resolve, reject) => {
    let done = false;
    worker.on('message', (m: Message) => {
      if ('err' in m) io.err(m.err);
      else if ('usage' in m) reject(new UsageError(m.usage));
      else {
        done = true;
        resolve(m.code);
      }
    });
    worker.on('error', (e: Error & { code?: string }) => {
      if (e.code !== 'ERR_WORKER_OUT_OF_MEMORY') return reject(e);
      atomicTarget(opts.out).abort();
      const sink = new DiagnosticSink();
      sink.report({ code: 'E_ROSTER_MEMORY', file: display(opts.input), args: { file: display(opts.input), max: OLD_GENERATION_MB } });
      printDiagnostics(sink.items, io, opts.lang);
      resolve(1);
    });
    worker.on('exit', (code) => {
      if (!done) resolve(code === 0 ? 1 : code);
    });
  });
}

async function inWorker(init: Init): Promise<void> {
  const post = (m: Message): void => parentPort!.postMessage(m);
  const io: Io = { out: (s) => post({ err: s }), err: (s) => post({ err: s }), readFile: (p) => readFileSync(p, 'utf8'), isTTY: false, errIsTTY: init.errIsTTY };
  try {
    post({ code: await runRosterCheck(init.opts, io) });
  } catch (e) {
    if (e instanceof UsageError) post({ usage: e.message });
    else throw e;
  }
}

if (!isMainThread && parentPort && (workerData as Init | undefined)?.kind === 'zige-roster') await inWorker(workerData as Init);
