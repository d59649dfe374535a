// A validated profile (compiler/profile) as rows of the normalized tables (schema.ts): the
// loader of `zige eval --batch --engine duckdb` and of the tests. Names get their `*_key`,
// normalised as runtime/facts.ts compares them; dates stay YYYY-MM-DD text (checked already).
import { normalizeName } from '../runtime/facts.js';
import { NONE_VALUES } from '../runtime/words.js';
import { isVoid, proofOfKey } from '../runtime/proof.js';
import type { Profile } from '../runtime/profile.js';
import { TABLES } from './schema.js';

export type Cell = string | number | boolean | null;

/** Rows waiting to be loaded, by table name, each in the table's column order. */
export type Rows = Record<string, Cell[][]>;

export function emptyRows(): Rows {
  return Object.fromEntries(TABLES.map((t) => [t.name, []]));
}

type Relational = { occupation: string; relation?: string | Record<string, string> };

/** The entry's relation given as one value (column `relation`), or per occupation (rows of `relations`). */
function relation(rows: Rows, id: number, list: string, idx: number, given: Relational['relation']): string | null {
  if (given === undefined) return null;
  if (typeof given === 'string') return given;
  let ord = 0;
  for (const key of Object.keys(given)) rows.relations.push([id, list, idx, ord++, normalizeName(key), given[key]]);
  return null;
}

function entry(rows: Rows, id: number, list: string, idx: number, e: Relational): Cell[] {
  return [id, idx, e.occupation, normalizeName(e.occupation), relation(rows, id, list, idx, e.relation)];
}

/**
 * Appends one profile's rows (applicant `id`, input line `line`). A fact not found or revoked
 * (its proof status) is absent: no row, as runtime/facts.ts leaves it out; indices stay the
 * profile's, for the paths of warnings.
 */
export function addProfile(rows: Rows, id: number, line: number | null, profile: Profile): void {
  const proofs = profile.proofs;
  rows.applicants.push([id, line, isVoid(proofs?.birthDate) ? null : (profile.birthDate ?? null), profile.education !== undefined]);
  profile.work?.forEach((w, i) => isVoid(w.proof) || rows.work.push([...entry(rows, id, 'work', i, w), w.kind ?? null, w.from ?? null, w.to ?? null, w.years ?? null]));
  profile.certificates?.forEach((c, i) => isVoid(c.proof) || rows.certificates.push([...entry(rows, id, 'certificates', i, c), c.kind, c.level ?? null, c.date ?? null]));
  profile.training?.forEach((t, i) => isVoid(t.proof) || rows.training.push([...entry(rows, id, 'training', i, t), t.level, t.date ?? null, t.certificate ?? null, t.examPassed ?? null]));
  profile.apprenticeships?.forEach((a, i) => isVoid(a.proof) || rows.apprenticeships.push([...entry(rows, id, 'apprenticeships', i, a), a.completed ?? null]));
  profile.education?.forEach((e, i) => {
    if (isVoid(e.proof)) return;
    const major = e.major === undefined ? null : e.major;
    const given = relation(rows, id, 'education', i, e.majorRelation);
    rows.education.push([id, i, e.level, e.track ?? null, e.assessedTarget ?? null, major, major === null ? null : normalizeName(major), given, e.status, e.date ?? null]);
  });
  profile.categories?.forEach((c, i) => isVoid(proofOfKey(proofs?.categories, c)) || rows.categories.push([id, i, c, normalizeName(c)]));
  let ord = 0;
  for (const [name, value] of Object.entries(profile.facts ?? {})) {
    if (isVoid(proofOfKey(proofs?.facts, name))) {
      ord++;
      continue;
    }
    const none = typeof value === 'string' && (NONE_VALUES as readonly string[]).includes(value);
    rows.facts.push([id, ord++, name, normalizeName(name), typeof value === 'number' ? value : null, typeof value === 'boolean' ? value : null, none]);
  }
}
