// The one message of a checking worker (server/rules-worker.ts) to the service
// (server/rules-host.ts). Types only.
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import type { Judgeable } from '../compiler/judge.js';

export interface WorkerInput {
  dir: string;
}

/** An occupation as checked: what selecting it needs, and its generated code (a function body of the runtime `R`). */
export interface CheckedCode {
  info: Omit<Judgeable, 'compiled'>;
  body: string;
}

/** The rules checked, with their version and generated code, or why they do not check. */
export type WorkerHello =
  | { type: 'ready'; version: string; occupations: CheckedCode[]; diagnostics: Diagnostic[] }
  | { type: 'failed'; diagnostics: Diagnostic[] };
