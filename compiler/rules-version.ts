// The rules version: a content hash of the checked rules, the same whoever computes it — `zige
// eval --json` from the modules compiled at build time or from rules checked now, and `zige serve`
// from each version it loads — so a service's answer and the CLI's agree byte for byte.
import { createHash } from 'node:crypto';

/**
 * SHA-256 (16 hex digits) of the occupations' metadata (`CompiledOccupation.meta`: names,
 * versions, levels, clauses with their texts and plans, vocabulary) — the checked rules as data,
 * whatever the order of the files or their times. The generated code is derived from it.
 */
export function rulesVersion(metas: readonly unknown[]): string {
  const texts = metas.map((m) => JSON.stringify(m)).sort();
  const hash = createHash('sha256');
  for (const t of texts) hash.update(t).update('\0');
  return hash.digest('hex').slice(0, 16);
}
