// Versions in force: a rule file states the period it is in force; evaluation on a date uses the
// version in force then.
import { parseDay } from './dates.js';
import { ProfileError } from './facts.js';
import type { OccupationMeta } from './meta.js';

export type VersionChoice<T> =
  | { ok: true; value: T }
  | { ok: false; asOf: string; lastEnded: T | null; nextStarts: T | null };

function bounds(meta: Pick<OccupationMeta, 'inForce'>): [number, number] {
  if (!meta.inForce) return [-Infinity, Infinity];
  const from = parseDay(meta.inForce.from) ?? -Infinity;
  const to = meta.inForce.to === null ? Infinity : (parseDay(meta.inForce.to) ?? Infinity);
  return [from, to];
}

/** The one candidate in force on `asOf` (inclusive ends), else the nearest on either side. */
export function versionInForce<T>(candidates: readonly T[], asOf: string, metaOf: (t: T) => Pick<OccupationMeta, 'inForce'>): VersionChoice<T> {
  const day = typeof asOf === 'string' ? parseDay(asOf) : undefined;
  if (day === undefined) throw new ProfileError('asOf', `not a calendar date: ${asOf}`);
  let lastEnded: T | null = null;
  let lastEnd = -Infinity;
  let nextStarts: T | null = null;
  let nextStart = Infinity;
  for (const c of candidates) {
    const [from, to] = bounds(metaOf(c));
    if (from <= day && day <= to) return { ok: true, value: c };
    if (to < day && to > lastEnd) {
      lastEnd = to;
      lastEnded = c;
    }
    if (from > day && from < nextStart) {
      nextStart = from;
      nextStarts = c;
    }
  }
  return { ok: false, asOf, lastEnded, nextStarts };
}

/** Pairs of candidates whose periods overlap. */
export function overlappingVersions<T>(candidates: readonly T[], metaOf: (t: T) => Pick<OccupationMeta, 'inForce'>): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < candidates.length; i++) {
    for (let j = i + 1; j < candidates.length; j++) {
      const [a1, a2] = bounds(metaOf(candidates[i]));
      const [b1, b2] = bounds(metaOf(candidates[j]));
      if (a1 <= b2 && b1 <= a2) out.push([candidates[i], candidates[j]]);
    }
  }
  return out;
}
