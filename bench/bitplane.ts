// (a, context) The bit-plane path: the generated module's documented `atoms(facts)` and `levels`
// exports (docs/api.md). Kept apart from the comparison on purpose — its own race, its own table —
// so that the bench runs the same without it: deleting this file, its import and its one use in bench/main.ts
// removes it. `levels[3]` over masks computed before timing does no threshold comparison per call
// (`atoms` did them all), so it is not comparable work; `atoms` + `levels[3]` per call is.
import type { CheckedOccupation } from '../compiler/checked.js';
import { functionBody } from '../compiler/instantiate.js';
import * as runtime from '../runtime/index.js';
import type { Facts } from '../runtime/index.js';
import { level3Handwritten } from './handwritten.js';
import { race, type Contender } from './measure.js';
import type { ContextBench } from './predicate.js';
import type { PreparedFacts } from './prepared.js';

interface Item {
  p: PreparedFacts;
  masks: number[];
}

export function bitPlaneContext(checked: CheckedOccupation): ContextBench {
  const generated = new Function('R', functionBody(checked))(runtime) as {
    atoms: (f: Facts) => number[];
    levels: Record<number, (m: readonly number[]) => number>;
  };
  const { atoms } = generated;
  const level3 = generated.levels[3];
  return async (prepared, options) => {
    const items: Item[] = prepared.map((p) => ({ p, masks: atoms(p.facts) }));
    const cs: (Contender<Item> & { note: string })[] = [
      { name: 'hand-written TS', note: 'the same predicate as in the table above, on the same objects (x.p)', run: (x) => level3Handwritten(x.p) },
      {
        name: '`atoms(facts)` + `levels[3]` per call',
        note: 'all 30 conditions of the occupation decided per call (every threshold compared), then the mask tests of 三级',
        run: (x) => level3(atoms(x.p.facts)) === 1,
      },
      {
        name: '`levels[3]` over `atoms(facts)` computed before timing',
        note: 'NOT comparable work: every threshold was compared by `atoms` before timing; only the mask tests are timed',
        run: (x) => level3(x.masks) === 1,
      },
    ];
    for (const [i, x] of items.entries()) {
      const want = level3Handwritten(x.p);
      for (const c of cs) if (c.run!(x) !== want) throw new Error(`bench: ${c.name} disagrees with the hand-written predicate on profile #${i}`);
    }
    const results = await race(cs, items, options);
    return {
      title: '(context) The bit-plane path: `atoms` and `levels`',
      note:
        'The generated module also exports `atoms(facts)` (every distinct condition of the occupation, three-valued, packed into a "may be true" and a "may be false" mask word) ' +
        'and `levels` (one function per level over those masks, the education requirement included). Raced apart from the table above (same objects, same rounds), so ratios across the two tables carry more noise.',
      rows: cs.map((c) => ({ name: c.name, note: c.note, stats: results.get(c.name)! })),
    };
  };
}
