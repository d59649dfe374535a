// The messages between the service (server/rules-host.ts) and a rules version's worker
// (server/rules-worker.ts). Types only.
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import type { Answer, Query } from './decide.js';
import type { ProblemLang } from './problems.js';
import type { OccupationVersion } from './rules-version.js';

export interface WorkerInput {
  dir: string;
}

/** The worker's first message: its rules checked, or why not. */
export type WorkerHello =
  | { type: 'ready'; version: string; handbook: OccupationVersion[]; diagnostics: Diagnostic[] }
  | { type: 'failed'; diagnostics: Diagnostic[] };

export type WorkerRequest =
  | { id: number; op: 'evaluate'; text: string; q: Query }
  | { id: number; op: 'batch'; texts: string[]; q: Query; lang: ProblemLang };

export type WorkerReply =
  | { id: number; answer: Answer }
  /** A batch: its body (every slot answered), or the problem of the whole request. */
  | { id: number; batch: string }
  | { id: number; error: string };
