// mergedPeriods (runtime/facts.ts) on many work entries: O(n log n) by the number of times it reads
// a period's start or end (not wall time), and the same periods as a day-by-day reference.
import { describe, expect, it } from 'vitest';
import { mergedPeriods, type Facts } from '../runtime/index.js';
import type { Period } from '../runtime/facts.js';
import { prng as random } from '../bench/population.js';

/** Facts holding only the given dated work periods (本职业, the default kind). */
function factsOf(periods: Period[]): Facts {
  return {
    asOf: 1_000_000,
    work: periods.map((period, index) => ({ period, rel: 1, kind: 1, ongoing: false, until: period.end, index })),
    undatedWork: [],
    certificates: [],
    training: [],
    apprenticeships: [],
    events: [],
    education: null,
    birth: null,
    sex: 0,
    categories: null,
    facts: new Map(),
    counting: 0,
    insurance: null,
    undatedInsurance: [],
    warnings: [],
    merged: null,
    measures: null,
  };
}

/** `n` disjoint periods of 1–3 days with gaps of 2 days or more, in shuffled order. */
function shuffledPeriods(n: number, seed: number): Period[] {
  const next = random(seed);
  const out: Period[] = [];
  let day = 0;
  for (let i = 0; i < n; i++) {
    const length = 1 + Math.floor(next() * 3);
    out.push({ start: day, end: day + length - 1 });
    day += length + 2;
  }
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** Periods whose `start` and `end` count their reads in `counter.reads`. */
function counted(periods: Period[], counter: { reads: number }): Period[] {
  return periods.map(({ start, end }) => ({
    get start() {
      counter.reads++;
      return start;
    },
    get end() {
      counter.reads++;
      return end;
    },
  }));
}

function readsToMerge(n: number): number {
  const counter = { reads: 0 };
  const merged = mergedPeriods(factsOf(counted(shuffledPeriods(n, n), counter)), 1, 1);
  expect(merged).toHaveLength(n); // disjoint, never touching: nothing merges
  return counter.reads;
}

/** The merged periods by marking every covered day: inclusive, overlapping or touching periods once. */
function reference(periods: Period[]): Period[] {
  const days = new Set<number>();
  for (const p of periods) for (let d = p.start; d <= p.end; d++) days.add(d);
  const sorted = [...days].sort((a, b) => a - b);
  const out: Period[] = [];
  for (const d of sorted) {
    const last = out[out.length - 1];
    if (last && d === last.end + 1) last.end = d;
    else out.push({ start: d, end: d });
  }
  return out;
}

describe('mergedPeriods', () => {
  it('reads periods O(n log n) times, not O(n²), from 1,000 to 10,000 shuffled entries', () => {
    const small = readsToMerge(1_000);
    const large = readsToMerge(10_000);
    // n log n grows 13.3× from 1,000 to 10,000 entries, n² 100×; an insertion sort of shuffled
    // periods reads about n²/2 times.
    expect(large / small).toBeLessThan(20);
    expect(large).toBeLessThan(10 * 10_000 * Math.log2(10_000));
  });

  it('gives the periods of a day-by-day reference, for few and for many entries, overlapping or not', () => {
    for (const [n, seed] of [
      [0, 1],
      [1, 2],
      [5, 3],
      [16, 4],
      [17, 5],
      [300, 6],
      [3_000, 7],
    ]) {
      const next = random(seed);
      const periods: Period[] = Array.from({ length: n }, () => {
        const start = Math.floor(next() * 5 * n);
        return { start, end: start + Math.floor(next() * 8) };
      });
      const before = structuredClone(periods);
      expect(mergedPeriods(factsOf(periods), 1, 1)).toEqual(reference(periods));
      expect(periods).toEqual(before); // the entries' own periods are never written to
    }
  });
});
