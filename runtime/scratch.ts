// The runtime's scratch state: module-level objects and lists reused by every evaluation instead
// of allocating per call (atoms, explanations and levels run in hot loops; allocation is most of
// their cost).
//
// The rule, stated once for all of them: evaluation is synchronous and not reentrant. Each part
// is written by one function and read by its caller right after the call, before the next call
// writes it again; nothing keeps a scratch list (results get copies), and nothing called while a
// part is in use writes that part. Evaluation never awaits and calls no user code, so evaluations
// in one thread never interleave; each worker thread has its own module instance.
import type { Ask, ClauseShortfall, Explained, Text } from './explanation.js';

/**
 * The last experience measure (atoms.ts): its bounds in days, and whether it found a qualifying
 * certificate (always true for experience not counted from one). So also the measure behind the
 * last experience atom answered, which the explainer reads right after calling it.
 */
export const measure = { lo: 0, hi: 0, found: true };

/**
 * The explanation of the plan explained last, but its status (which the plan's call returns):
 * set by every compiled plan (explain.ts) and read right after the call, so that explaining
 * makes no result object per plan node.
 */
export const explained: Omit<Explained, 'status'> = { failing: [], holding: [], asks: [], distance: 0, later: true };

/** The documents of one `Explainer.evidence` call, in order (a route holds a few leaves). */
export const EVIDENCE: Text[] = [];

/**
 * One explained level's lists (evaluate.ts, `explainLevel`): its missing routes in order with
 * their sort keys (distance, rank among the clause ids), the closing days of its routes, and per
 * clause whether it may hold later and its asks.
 */
export const level = {
  missing: [] as ClauseShortfall[],
  distances: [] as number[],
  ranks: [] as number[],
  hints: [] as number[],
  later: [] as boolean[],
  asks: [] as Ask[][],
};
