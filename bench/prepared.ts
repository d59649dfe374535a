// (a) The one preparation every engine of the predicate benchmark receives. `prepare` turns a raw
// profile into one object that holds both representations of the same prepared facts: the derived
// quantities and flags that cel-js, filtrex, json-logic-js, json-rules-engine and the hand-written
// predicate read (bench/handwritten.ts `level3Facts`), and zige's runtime `Facts`, which zige's
// generated clause functions read. Every engine is passed the very same objects; the digests below
// let the report show that, and that no engine changed them while it was timed.
import { createHash } from 'node:crypto';
import { prepareFacts, type CompiledOccupation, type Facts, type Profile } from '../runtime/index.js';
import { level3Facts, type Level3Facts } from './handwritten.js';
import { AS_OF } from './population.js';

export interface PreparedFacts extends Level3Facts {
  /** zige's prepared facts (runtime `prepareFacts`), their experience measures already decided. */
  readonly facts: Facts;
}

/**
 * The shared preparation. Thresholds are not compared here: the other engines get `daysAfterL4`
 * and compare it with 730/1095/1460 per call; zige's `Facts` memoise the same quantity (as bounds
 * in `facts.measures`) on first use, so `decide` — one call of each level-3 clause — fills that
 * memo here, and zige then compares per call too. Without it the first timed call would measure
 * and every later one would not, and the object would change under the other engines' feet.
 */
export function preparer(occ: CompiledOccupation, decide: (f: Facts) => unknown): (p: Profile) => PreparedFacts {
  return (p) => {
    const facts = prepareFacts(p, occ.meta, { asOf: AS_OF, single: true });
    decide(facts);
    const d = level3Facts(p, AS_OF);
    // Fields copied one by one: objects made by spreading (`{ ...d, facts }`) came out about 10×
    // slower to read for every engine alike (measured), which would only have added noise.
    return {
      daysAfterL4: d.daysAfterL4,
      holdsL4: d.holdsL4,
      trainedL3: d.trainedL3,
      seniorTechSchool: d.seniorTechSchool,
      technicianCollege: d.technicianCollege,
      higherVocationalAdvanced: d.higherVocationalAdvanced,
      associatePlus: d.associatePlus,
      facts,
    };
  };
}

/** JSON with Maps as entry lists (runtime `Facts` keeps declared facts in a Map). */
function stableJson(x: unknown): string {
  return JSON.stringify(x, (_k, v: unknown) => (v instanceof Map ? [...v.entries()] : v));
}

/** sha256 (first 16 hex digits) over the JSON of every object, in order. */
export function digest(items: readonly PreparedFacts[]): string {
  const h = createHash('sha256');
  for (const x of items) h.update(stableJson(x)).update('\n');
  return h.digest('hex').slice(0, 16);
}

/**
 * Records, per engine, the digest of the objects it was actually handed (in the agreement pass):
 * wrap each engine's function with `spy(name, run)`, then read `received()`.
 */
export class InputLog {
  private readonly hashes = new Map<string, ReturnType<typeof createHash>>();

  spy<R>(name: string, run: (x: PreparedFacts) => R): (x: PreparedFacts) => R {
    const h = createHash('sha256');
    this.hashes.set(name, h);
    return (x) => {
      h.update(stableJson(x)).update('\n');
      return run(x);
    };
  }

  received(): Map<string, string> {
    return new Map([...this.hashes].map(([name, h]) => [name, h.digest('hex').slice(0, 16)]));
  }
}
