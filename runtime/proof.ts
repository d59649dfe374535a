// Proof statuses (告知承诺制): which profile facts count as absent (not found, revoked), and which
// rest on the applicant's declaration alone, by JSON Pointer in one fixed order (docs/profile.md
// "Proof status"). The level results' `verify` lists are built from these by runtime/verify.ts.
import type { Profile, Proof } from './profile.js';

/** The proof statuses, in the profile's spelling. */
export const PROOF_STATUSES = ['declared', 'verified', 'not-found', 'revoked'] as const;

/** A fact not found or revoked counts as absent. */
export function isVoid(proof: Proof | undefined): boolean {
  return proof === 'not-found' || proof === 'revoked';
}

/** A JSON Pointer reference token (RFC 6901): `~` as `~0`, `/` as `~1`. */
export function pointerToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** A profile fact resting on a declaration: its JSON Pointer, and what it is (for the label). */
export interface DeclaredFact {
  path: string;
  /** The list or field it is in (`certificates`, `facts`, `birthDate` …). */
  field: string;
  /** The entry, or for a scalar field, category or declared fact `{name, value}`. */
  entry: unknown;
}

const LISTS = ['education', 'certificates', 'work', 'training', 'apprenticeships', 'events', 'insurance'] as const;
const SCALARS = ['birthDate', 'sex', 'idNumber'] as const;

/**
 * The facts whose proof is `declared`, in the order `verify` lists them: the entries of
 * education, certificates, work, training, apprenticeships, events, insurance (each in profile order), then
 * birthDate, sex, idNumber, the categories and the declared facts (in profile order). A proof
 * status given for a category or fact the profile does not hold declares nothing.
 */
export function declaredFacts(profile: Profile): DeclaredFact[] {
  const out: DeclaredFact[] = [];
  for (const field of LISTS) {
    const list = profile[field] as readonly { proof?: Proof }[] | undefined;
    if (list === undefined) continue;
    for (let i = 0; i < list.length; i++) if (list[i].proof === 'declared') out.push({ path: `/${field}/${i}`, field, entry: list[i] });
  }
  const proofs = profile.proofs;
  if (proofs === undefined) return out;
  for (const field of SCALARS) {
    if (proofs[field] === 'declared' && profile[field] !== undefined) out.push({ path: `/${field}`, field, entry: { name: field, value: profile[field] } });
  }
  const categories = profile.categories ?? [];
  for (let i = 0; i < categories.length; i++) {
    if (proofOfKey(proofs.categories, categories[i]) === 'declared') out.push({ path: `/categories/${i}`, field: 'categories', entry: { name: categories[i], value: true } });
  }
  for (const [name, value] of Object.entries(profile.facts ?? {})) {
    if (proofOfKey(proofs.facts, name) === 'declared') out.push({ path: `/facts/${pointerToken(name)}`, field: 'facts', entry: { name, value } });
  }
  return out;
}

/** The proof status a map gives a key, written exactly as the profile writes the category or fact (own keys only: keys are user text). */
export function proofOfKey(map: Readonly<Record<string, Proof>> | undefined, key: string): Proof | undefined {
  return map !== undefined && Object.hasOwn(map, key) ? map[key] : undefined;
}
