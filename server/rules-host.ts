// The rules the service answers with. Loading a version: a worker checks the rule directory and
// generates the code (server/rules-worker.ts), then ends; this thread runs that code in a `vm`
// context of the version's own (server/rules-version.ts). A reload swaps the current version
// atomically: a request reads the current version once and is answered wholly by it
// (evaluation is synchronous), and the old one is collected once no request holds it. When the
// new rules do not check, the old version stays.
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { RulesVersion } from './rules-version.js';
import type { WorkerHello, WorkerInput } from './worker-protocol.js';

export { RulesVersion } from './rules-version.js';

export type LoadOutcome = { ok: true; rules: RulesVersion; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Checks the rules of `dir` in a worker, and makes a version of them here when they check. */
export function startVersion(dir: string): Promise<LoadOutcome> {
  const worker = new Worker(new URL('./rules-worker.js', import.meta.url), { workerData: { dir } satisfies WorkerInput });
  return new Promise((resolve, reject) => {
    let answered = false;
    worker.once('error', (e) => {
      answered = true;
      reject(e);
    });
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`rules worker exited (${code}) before answering`));
    });
    worker.once('message', (hello: WorkerHello) => {
      answered = true;
      void worker.terminate();
      try {
        if (hello.type === 'failed') resolve({ ok: false, diagnostics: hello.diagnostics });
        else resolve({ ok: true, rules: new RulesVersion(hello.version, hello.occupations, hello.diagnostics), diagnostics: hello.diagnostics });
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  });
}

export type ReloadOutcome = { ok: true; version: string; previous: string } | { ok: false; version: string; diagnostics: Diagnostic[] };

/** The current version, swapped atomically by `reload`. */
export class RulesHost {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    readonly dir: string,
    private current: RulesVersion,
  ) {}

  get rules(): RulesVersion {
    return this.current;
  }

  /** Checks the directory again and swaps in its rules when they check; reloads run one at a time. */
  reload(): Promise<ReloadOutcome> {
    const next = this.chain.then(() => this.swap());
    this.chain = next.catch(() => undefined);
    return next;
  }

  private async swap(): Promise<ReloadOutcome> {
    const outcome = await startVersion(this.dir);
    const previous = this.current;
    if (!outcome.ok) return { ok: false, version: previous.version, diagnostics: outcome.diagnostics };
    this.current = outcome.rules;
    return { ok: true, version: outcome.rules.version, previous: previous.version };
  }

  /** Waits for a reload in progress (after the server has stopped answering). */
  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
  }
}
