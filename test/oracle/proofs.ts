// Proof statuses (告知承诺制) as the reference interpreter reads them, written apart from
// runtime/proof.ts and runtime/verify.ts: the oracle does not omit facts while preparing them; it
// rewrites a copy of the raw profile, marking the facts to leave out `not-found`, and judges that.
type Raw = Record<string, unknown>;

const VOID = new Set(['not-found', 'revoked']);

/** A proof status that makes its fact count as absent. */
export const voidProof = (proof: unknown): boolean => typeof proof === 'string' && VOID.has(proof);

/** The status a proofs map gives a name: its key written exactly as the name. */
export function proofByName(map: unknown, name: string): unknown {
  if (map === null || typeof map !== 'object') return undefined;
  const found = Object.entries(map as Raw).find(([k]) => k === name);
  return found?.[1];
}

const escape = (key: string): string => key.split('~').join('~0').split('/').join('~1');

/** JSON Pointers of the declared facts, in the documented order (docs/profile.md "Proof status"). */
export function declaredPaths(raw: Raw): string[] {
  const out: string[] = [];
  for (const key of ['education', 'certificates', 'work', 'training', 'apprenticeships', 'events', 'insurance']) {
    const list = raw[key];
    if (Array.isArray(list)) list.forEach((e: Raw, i) => e.proof === 'declared' && out.push(`/${key}/${i}`));
  }
  const proofs = (raw.proofs ?? {}) as Raw;
  for (const key of ['birthDate', 'sex', 'idNumber']) if (proofs[key] === 'declared' && raw[key] !== undefined) out.push(`/${key}`);
  if (Array.isArray(raw.categories)) raw.categories.forEach((c: string, i) => proofByName(proofs.categories, c) === 'declared' && out.push(`/categories/${i}`));
  for (const name of Object.keys((raw.facts ?? {}) as Raw)) if (proofByName(proofs.facts, name) === 'declared') out.push(`/facts/${escape(name)}`);
  return out;
}

/** A copy of the profile in which the facts at `paths` are marked not found (and so count as absent). */
export function markedAbsent(raw: Raw, paths: readonly string[]): Raw {
  const copy = structuredClone(raw);
  const proofs = ((copy.proofs ??= {}) as Raw);
  for (const path of paths) {
    const [, key, rest] = /^\/([^/]+)(?:\/(.*))?$/.exec(path)!;
    if (rest === undefined) proofs[key] = 'not-found';
    else if (key === 'categories') {
      const name = (copy.categories as string[])[Number(rest)];
      ((proofs.categories ??= {}) as Raw)[name] = 'not-found';
    } else if (key === 'facts') {
      const name = rest.split('~1').join('/').split('~0').join('~');
      ((proofs.facts ??= {}) as Raw)[name] = 'not-found';
    } else ((copy[key] as Raw[])[Number(rest)]).proof = 'not-found';
  }
  return copy;
}
