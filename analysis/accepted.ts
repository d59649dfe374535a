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
  /** Whether the reason cites the source sentence (a quoted part of it, “…”) or the clause's `note:`. */
  cites: boolean;
  used: boolean;
}

/** A quotation “…” in the reason whose parts (split at …) all occur in the source, or a mention of the note. */
export function citesSource(reason: string, source: string, note: string | undefined): boolean {
  if (note !== undefined && /note/i.test(reason)) return true;
  const squash = (x: string): string => x.replace(/\s+/g, '');
  for (const m of reason.matchAll(/“([^”]+)”/g)) {
    const parts = m[1].split(/…+|\.\.\./).map(squash).filter((x) => x.length > 0);
    if (parts.length > 0 && parts.every((x) => squash(source).includes(x))) return true;
  }
  return false;
}

type Raw = Record<string, unknown>;

function acceptance(ref: string, owner: Raw): Acceptance | undefined {
  const raw = owner.analysis;
  if (raw === null || typeof raw !== 'object') return undefined;
  const a = raw as Raw;
  const kinds = Array.isArray(a.accepted) ? a.accepted.map(String) : [String(a.accepted)];
  const reason = String(a.reason ?? '');
  const note = typeof owner.note === 'string' ? owner.note : undefined;
  return { ref, kinds, reason, cites: citesSource(reason, String(owner.source ?? ''), note), used: false };
}

/** Every acceptance of a rule file's text. */
export function readAcceptances(text: string): Acceptance[] {
  if (!/^\s*analysis\s*:/m.test(text)) return []; // most files accept nothing: no second YAML parse
  const doc = parse(text) as Raw | null;
  const out: Acceptance[] = [];
  const conditions = Array.isArray(doc?.conditions) ? (doc.conditions as Raw[]) : [];
  for (const level of conditions) {
    const l = acceptance(String(level.level), level);
    if (l) out.push(l);
    for (const clause of Array.isArray(level.clauses) ? (level.clauses as Raw[]) : []) {
      const c = acceptance(`${String(level.level)}/${String(clause.id)}`, clause);
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
