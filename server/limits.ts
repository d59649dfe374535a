// The service's limits: every one configurable (`zige serve --max-…`), every default documented
// in docs/serve.md, each refused with its own problem type (server/problems.ts).
import type { Issue } from './problems.js';

export interface Limits {
  /** Request body, in bytes (413 body-too-large). */
  bodyBytes: number;
  /** Profiles per batch request (413 batch-too-large). */
  batchSize: number;
  /** Nesting depth of a request body, objects and arrays (400 too-deep). */
  depth: number;
  /** Entries of one profile: education, work, certificates, training, apprenticeships together (413 too-many-entries). */
  entries: number;
  /** Milliseconds from the first byte of a request to its answer (408 timeout while the body arrives, 503 timeout after). */
  timeoutMs: number;
  /** Requests in progress at once (503 busy beyond). */
  concurrency: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  bodyBytes: 1024 * 1024,
  batchSize: 100,
  depth: 32,
  entries: 500,
  timeoutMs: 10_000,
  concurrency: 64,
};

/** The profile lists whose entries count against `entries`. */
export const ENTRY_LISTS = ['education', 'work', 'certificates', 'training', 'apprenticeships'] as const;

/** The problem of a profile with more list entries than `max`, if it has. */
export function entriesIssue(profile: object, max: number, base: string): Issue | undefined {
  let count = 0;
  for (const key of ENTRY_LISTS) {
    const list = (profile as Record<string, unknown>)[key];
    if (Array.isArray(list)) count += list.length;
  }
  return count > max ? { code: 'E_SERVE_ENTRIES', args: { path: base, count, max }, pointer: base } : undefined;
}
