// The SQL differential: random profiles from the reference generator (test/oracle), judged by
// the TypeScript evaluators and by the generated SQL on an engine, compared as the batch output
// compares them (statuses, clauses, matched, education, warnings). Each occupation id is judged
// alone (its versions together: the SQL picks the one in force), one relation value allowed.
import fc from 'fast-check';
import { ProfileError, type CompiledOccupation, type Profile } from '../../runtime/index.js';
import { profileArb, worldOf, type ProfileWorld } from '../oracle/arbitraries.js';
import { prng } from '../../bench/population.js';
import { sqlAnswers, typescriptAnswer, type Answer, type Run } from './harness.js';

export interface Coverage {
  profiles: number;
  comparisons: number;
  disagreements: number;
  examples: string[];
  levels: Record<string, number>;
  education: Record<string, number>;
  /** Per clause id: how often met, unmet, unknown. */
  clauses: Map<string, Record<string, number>>;
  warnings: Record<string, number>;
  /** Profiles with 100 overlapping work periods. */
  manyPeriods: number;
}

export function emptyCoverage(): Coverage {
  return { profiles: 0, comparisons: 0, disagreements: 0, examples: [], levels: {}, education: {}, clauses: new Map(), warnings: {}, manyPeriods: 0 };
}

/** An engine under test: loads profiles (applicant ids 0..n-1) into fresh tables, and runs statements. */
export interface Engine {
  load(profiles: readonly Profile[]): Promise<void>;
  run: Run;
}

/** A profile whose work is 100 overlapping, shuffled periods of mixed occupations, kinds and relations. */
function manyPeriods(base: Profile, asOf: string, world: ProfileWorld, seed: number): Profile {
  const r = prng(seed);
  const asOfDay = Date.parse(asOf) / 86_400_000;
  const names = world.occupationSpellings.flat();
  const kinds = world.vocabulary.workKinds.map((k) => k.name);
  const work = Array.from({ length: 100 }, (_, i) => {
    const start = asOfDay - 4000 + Math.floor(r() * 4200);
    const end = start + Math.floor(r() * 400);
    const iso = (d: number): string => new Date(d * 86_400_000).toISOString().slice(0, 10);
    const entry: Record<string, unknown> = { occupation: names[Math.floor(r() * names.length)], from: iso(start) };
    if (r() < 0.8) entry.to = iso(end);
    if (r() < 0.3) entry.kind = kinds[Math.floor(r() * kinds.length)];
    if (i % 7 === 0) entry.relation = r() < 0.5 ? '本职业' : '相关职业';
    return entry;
  });
  return { ...base, work } as unknown as Profile;
}

/** Profiles from the reference generator, grouped by as-of date; every 50th with 100 overlapping periods. */
export function sampleProfiles(occupations: readonly CompiledOccupation[], count: number, seed: number): Map<string, Profile[]> {
  const world = worldOf(occupations.map((o) => ({ id: o.meta.id, name: o.meta.name, aliases: [...o.meta.aliases], related: { occupations: [...o.meta.related.occupations], sameMajors: [...o.meta.related.sameMajors], majors: [...o.meta.related.majors] } })));
  const groups = new Map<string, Profile[]>();
  const samples = fc.sample(profileArb(world), { numRuns: count, seed });
  samples.forEach(({ asOf, profile }, i) => {
    const p = i % 50 === 49 ? manyPeriods(profile as Profile, asOf, world, seed + i) : (profile as Profile);
    (groups.get(asOf) ?? groups.set(asOf, []).get(asOf)!).push(p);
  });
  return groups;
}

function count(into: Record<string, number>, key: string): void {
  into[key] = (into[key] ?? 0) + 1;
}

function tally(c: Coverage, a: Answer): void {
  for (const r of a.results) {
    count(c.levels, r.status);
    count(c.education, r.education);
    for (const clause of r.clauses) count(c.clauses.get(clause.id) ?? c.clauses.set(clause.id, {}).get(clause.id)!, clause.status);
  }
  for (const w of a.warnings) count(c.warnings, w.code);
}

/** The TypeScript answer, or null for a profile the runtime refuses (the batch skips such a line). */
function judged(occupations: readonly CompiledOccupation[], p: Profile, asOf: string): Answer | null {
  try {
    return typescriptAnswer(occupations, p, asOf, true);
  } catch (e) {
    if (e instanceof ProfileError) return null;
    throw e;
  }
}

/** Compares the engine with the TypeScript evaluators on every group of profiles, for each occupation id. */
export async function differential(engine: Engine, occupations: readonly CompiledOccupation[], groups: Map<string, Profile[]>, c = emptyCoverage()): Promise<Coverage> {
  const ids = [...new Set(occupations.map((o) => o.meta.id))];
  for (const [asOf, all] of groups) {
    for (const id of ids) {
      const versions = occupations.filter((o) => o.meta.id === id);
      const expected = all.map((p) => judged(versions, p, asOf));
      const valid = all.filter((_, i) => expected[i] !== null);
      const wanted = expected.filter((x): x is Answer => x !== null);
      await engine.load(valid);
      const got = await sqlAnswers(engine.run, versions, asOf);
      wanted.forEach((want, i) => {
        c.comparisons++;
        const have = got[i] ?? { results: [], warnings: [] };
        if (JSON.stringify(want) !== JSON.stringify(have)) {
          c.disagreements++;
          if (c.examples.length < 3) c.examples.push(`${id} as of ${asOf}: ${JSON.stringify(valid[i])}\n  typescript ${JSON.stringify(want)}\n  sql        ${JSON.stringify(have)}`);
        }
        tally(c, have);
      });
    }
    c.profiles += all.length;
    c.manyPeriods += all.filter((p) => (p.work?.length ?? 0) === 100).length;
  }
  return c;
}

/** The coverage, printed: counts, and clauses never met or never unmet. */
export function coverageReport(c: Coverage): string {
  const never = (status: string): string[] => [...c.clauses].filter(([, s]) => !s[status]).map(([id]) => id);
  return [
    `profiles ${c.profiles} (${c.manyPeriods} with 100 overlapping work periods), comparisons ${c.comparisons}, disagreements ${c.disagreements}`,
    `levels ${JSON.stringify(c.levels)}, education ${JSON.stringify(c.education)}, warnings ${JSON.stringify(c.warnings)}`,
    `clauses ${c.clauses.size}: never met ${JSON.stringify(never('met'))}, never unmet ${JSON.stringify(never('unmet'))}, never unknown ${never('unknown').length}`,
    ...c.examples,
  ].join('\n');
}
