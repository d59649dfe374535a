// The like-with-like predicate benchmark (bench/prepared.ts, bench/prototype.ts): its prototypes
// decide what zige decides, three values included, and its input digests notice any change an
// engine makes to the shared prepared objects.
import { describe, expect, it } from 'vitest';
import { instantiate } from '../compiler/generate/instantiate.js';
import { or, prepareFacts, type Facts, type Tri } from '../runtime/index.js';
import { orOf } from '../bench/engines.js';
import { level3Handwritten } from '../bench/handwritten.js';
import { AS_OF, population } from '../bench/population.js';
import { digest, InputLog, preparer, type PreparedFacts } from '../bench/prepared.js';
import { level3TwoMasks, level3TwoMasksOnFacts, TRI_BITS } from '../bench/prototype.js';
import { check, RULES } from './helpers.js';

const checked = check(RULES).rules!.occupations.find((o) => o.id === 'internet-marketer')!;
const occ = instantiate(checked);
const level3 = occ.clauses.filter((c) => c.meta.level === 3).map((c) => c.test);
/** The OR of the generated 三级 clause functions, three-valued, as 1 eligible, 2 ineligible, 3 unknown. */
const zigeBits = (f: Facts): number => TRI_BITS[level3.reduce<Tri>((s, test) => or(s, test(f)), 0)];
const prepare = preparer(occ, (f) => occ.clauses.forEach((c) => c.test(f)));

describe('bench prototypes of 三级', () => {
  it('two masks over the runtime atoms decide what the clause functions decide, unknowns included', () => {
    const twoMasks = level3TwoMasksOnFacts(orOf(checked.clauses.filter((c) => c.level === 3).map((c) => c.cond)));
    const seen = new Set<number>();
    for (const p of population(2, 1500)) {
      const f = prepareFacts(p, occ.meta, { asOf: AS_OF, single: true });
      const want = zigeBits(f);
      seen.add(want);
      expect(twoMasks(f)).toBe(want);
    }
    expect([...seen].sort()).toEqual([1, 2, 3]); // the population reaches every status
  });

  it('two masks over the derived facts agree with the clause functions on decided profiles', () => {
    for (const x of population(1, 1500, { decided: true }).map(prepare)) {
      expect(level3TwoMasks(x)).toBe(zigeBits(x.facts));
      expect(level3TwoMasks(x) === 1).toBe(level3Handwritten(x));
    }
  });

  it('two masks over the derived facts keep unknowns: an undefined flag or bounds that straddle a threshold', () => {
    const none = { daysAfterL4: 0, holdsL4: false, trainedL3: false, seniorTechSchool: false, technicianCollege: false, higherVocationalAdvanced: false, associatePlus: false };
    const x = (o: Partial<typeof none>) => ({ ...none, ...o, facts: null as unknown as Facts }) as PreparedFacts;
    expect(level3TwoMasks(x({}))).toBe(2);
    expect(level3TwoMasks(x({ daysAfterL4: 1200, trainedL3: undefined as unknown as boolean }))).toBe(3); // 3/1 unknown
    expect(level3TwoMasks(x({ daysAfterL4: 1200, trainedL3: true }))).toBe(1); // 3/1 holds
    expect(level3TwoMasks(x({ daysAfterL4: 1460 }))).toBe(1); // 3/2 holds
    expect(level3TwoMasks(x({ holdsL4: true, seniorTechSchool: undefined as unknown as boolean }))).toBe(3); // 3/3a unknown
    expect(level3TwoMasks(x({ holdsL4: undefined as unknown as boolean, higherVocationalAdvanced: true }))).toBe(3); // 3/3b unknown
    expect(level3TwoMasks(x({ associatePlus: true, daysAfterL4: 729 }))).toBe(2); // 3/4 one day short
  });
});

describe('bench prepared inputs', () => {
  it('decides every experience measure in prepare, so the clause functions change nothing afterwards', () => {
    const items = population(1, 200, { decided: true }).map(prepare);
    const before = digest(items);
    for (const x of items) for (const test of level3) test(x.facts);
    expect(digest(items)).toBe(before);
  });

  it('notices a change deep inside zige’s Facts, and logs what each engine was handed', () => {
    const items = population(1, 50, { decided: true }).map(prepare);
    const log = new InputLog();
    const a = log.spy('a', level3Handwritten);
    const b = log.spy('b', (x) => zigeBits(x.facts) === 1);
    for (const x of items) expect(b(x)).toBe(a(x));
    const received = log.received();
    expect(received.get('a')).toBe(digest(items));
    expect(received.get('b')).toBe(digest(items));
    const before = digest(items);
    items[7].facts.measures!.push(0, 0, 0, 0);
    expect(digest(items)).not.toBe(before);
  });
});
