// `analysis: {accepted: KIND | [KIND…], reason: …}` on a clause or a level of a rule file: the
// findings staff have accepted. Read from the rule file's YAML; an acceptance that matches no
// finding is reported back (stale), so it is removed when the rule changes.
import { parse } from 'yaml';
import type { Finding } from './finding.js';

export interface Acceptance {
  /** `level/localId` for a clause, `level` for a level. */
  ref: string;
  kinds: string[];
  reason: string;
  used: boolean;
}

type Raw = Record<string, unknown>;

function acceptance(ref: string, raw: unknown): Acceptance | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const a = raw as Raw;
  const kinds = Array.isArray(a.accepted) ? a.accepted.map(String) : [String(a.accepted)];
  return { ref, kinds, reason: String(a.reason ?? ''), used: false };
}

/** Every acceptance of a rule file's text. */
export function readAcceptances(text: string): Acceptance[] {
  if (!/^\s*analysis\s*:/m.test(text)) return []; // most files accept nothing: no second YAML parse
  const doc = parse(text) as Raw | null;
  const out: Acceptance[] = [];
  const conditions = Array.isArray(doc?.conditions) ? (doc.conditions as Raw[]) : [];
  for (const level of conditions) {
    const l = acceptance(String(level.level), level.analysis);
    if (l) out.push(l);
    for (const clause of Array.isArray(level.clauses) ? (level.clauses as Raw[]) : []) {
      const c = acceptance(`${String(level.level)}/${String(clause.id)}`, clause.analysis);
      if (c) out.push(c);
    }
  }
  return out;
}

/** Marks the findings that an acceptance covers: on one of its clauses, or on its level. */
export function applyAcceptances(findings: Finding[], acceptances: Acceptance[]): void {
  for (const f of findings) {
    const refs = [...f.clauses.map((c) => c.ref), ...(f.level !== undefined ? [String(f.level)] : [])];
    const a = acceptances.find((x) => x.kinds.includes(f.kind) && refs.includes(x.ref));
    if (!a) continue;
    a.used = true;
    f.accepted = a.reason;
  }
}
