// The rules the service answers with: one worker per version (server/rules-worker.ts). A reload
// starts a new worker on the rule directory; when its rules check, it becomes the current version
// at once (a request is sent whole to the version current when it arrives), and the old worker
// ends when its last request is answered. When they do not check, the old version stays.
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import type { Query } from './decide.js';
import type { ProblemLang } from './problems.js';
import type { OccupationVersion } from './rules-version.js';
import type { WorkerHello, WorkerInput, WorkerReply, WorkerRequest } from './worker-protocol.js';

type Request = WorkerRequest extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

/** One running version of the rules. */
export class RulesVersion {
  private pending = new Map<number, { resolve: (r: WorkerReply) => void; reject: (e: Error) => void }>();
  private nextId = 0;
  private retired = false;
  private dead: Error | null = null;
  /** Called when the worker dies while it is not retired (the host starts a new one). */
  onDeath: (() => void) | undefined;

  constructor(
    private readonly worker: Worker,
    readonly version: string,
    readonly handbook: OccupationVersion[],
  ) {
    worker.on('message', (m: WorkerReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      p.resolve(m);
      if (this.retired && this.pending.size === 0) void this.worker.terminate();
    });
    const die = (e: Error): void => {
      if (!this.dead && !this.retired) this.onDeath?.();
      this.dead = e;
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`rules worker exited (${code})`)));
  }

  call(req: Request): Promise<WorkerReply> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...req, id } as WorkerRequest);
    });
  }

  /** Ends the worker once its requests are answered. */
  retire(): void {
    this.retired = true;
    if (this.pending.size === 0) void this.worker.terminate();
  }

  /** Requests sent and not yet answered. */
  get inFlight(): number {
    return this.pending.size;
  }
}

export type LoadOutcome = { ok: true; rules: RulesVersion; diagnostics: Diagnostic[] } | { ok: false; diagnostics: Diagnostic[] };

/** Starts a worker on `dir` and waits for its rules to be checked. */
export function startVersion(dir: string): Promise<LoadOutcome> {
  const worker = new Worker(new URL('./rules-worker.js', import.meta.url), { workerData: { dir } satisfies WorkerInput });
  return new Promise((resolve, reject) => {
    const fail = (e: Error): void => {
      void worker.terminate();
      reject(e);
    };
    worker.once('error', fail);
    worker.once('message', (hello: WorkerHello) => {
      worker.off('error', fail);
      if (hello.type === 'failed') {
        void worker.terminate();
        resolve({ ok: false, diagnostics: hello.diagnostics });
      } else resolve({ ok: true, rules: new RulesVersion(worker, hello.version, hello.handbook), diagnostics: hello.diagnostics });
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
  ) {
    this.watchOver(current);
  }

  /** A version that dies (its worker ran out of memory, say) is replaced by the rules checked again. */
  private watchOver(rules: RulesVersion): void {
    rules.onDeath = () => void this.reload().catch(() => undefined);
  }

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
    this.watchOver(outcome.rules);
    previous.retire();
    return { ok: true, version: outcome.rules.version, previous: previous.version };
  }

  evaluate(text: string, q: Query): { rules: RulesVersion; reply: Promise<WorkerReply> } {
    const rules = this.current;
    return { rules, reply: rules.call({ op: 'evaluate', text, q }) };
  }

  batch(texts: string[], q: Query, lang: ProblemLang): { rules: RulesVersion; reply: Promise<WorkerReply> } {
    const rules = this.current;
    return { rules, reply: rules.call({ op: 'batch', texts, q, lang }) };
  }

  /** Ends every worker (after the server has stopped answering). */
  async close(): Promise<void> {
    await this.chain.catch(() => undefined);
    this.current.onDeath = undefined;
    this.current.retire();
  }
}
