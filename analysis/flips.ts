// Who a rule change affects: a profile judged under the old and the new rules, level by level;
// a flip is a level whose status differs, with the clause responsible for it (the clause met on
// the better side whose counterpart is not met on the other), or the education requirement.
import type { CheckedOccupation } from '../compiler/checked.js';
import type { Plan } from '../runtime/plan.js';
import type { Level, Profile, Status } from '../runtime/index.js';
import { judge, type Judged } from './judge.js';
import { dnf } from './normal-form.js';
import { witnessOf, WITNESS_AS_OF } from './witness.js';
import type { OccupationDiff } from './diff.js';
import { contradiction } from './implication.js';

export interface Flip {
  occupation: string;
  level: Level;
  from: Status;
  to: Status;
  /** `level/id` of the responsible clause, `education` for the requirement, null when no single one. */
  clause: string | null;
}

const RANK: Record<Status, number> = { ineligible: 0, unknown: 1, eligible: 2 };

function responsible(level: Level, better: Judged, worse: Judged, requirementChanged: boolean): string | null {
  for (const [ref, status] of better.clauses) {
    if (!ref.startsWith(`${level}/`) || status !== 'met') continue;
    if (worse.clauses.get(ref) !== 'met') return ref;
  }
  if (requirementChanged || better.education.get(level) !== worse.education.get(level)) return 'education';
  return null;
}

/** The flips of one profile between the old and the new rules of one occupation. */
export function flipsOf(a: CheckedOccupation, b: CheckedOccupation, profile: Profile, asOf: string, requirementChanged: boolean): Flip[] {
  const before = judge(a, profile, asOf);
  const after = judge(b, profile, asOf);
  const out: Flip[] = [];
  const levels = [...new Set([...before.levels.keys(), ...after.levels.keys()])].sort((x, y) => y - x) as Level[];
  for (const level of levels) {
    const from = before.levels.get(level);
    const to = after.levels.get(level);
    if (from === undefined || to === undefined || from === to) continue;
    const up = RANK[to] > RANK[from];
    out.push({ occupation: b.id, level, from, to, clause: up ? responsible(level, after, before, requirementChanged) : responsible(level, before, after, requirementChanged) });
  }
  return out;
}

/** Without a population: witnesses of every changed, added and removed clause (old and new forms), kept when they flip. */
export function witnessFlips(a: CheckedOccupation, b: CheckedOccupation, d: OccupationDiff): { profile: Profile; asOf: string; flips: Flip[] }[] {
  const out: { profile: Profile; asOf: string; flips: Flip[] }[] = [];
  const seen = new Set<string>();
  for (const c of d.clauses) {
    for (const [occ, side] of [[a, c.old], [b, c.new]] as const) {
      const clause = side && occ.clauses.find((x) => `${x.level}/${x.localId}` === side.ref);
      if (!clause) continue;
      const requirement = occ.education ? dnf(occ.education.cond as Plan).find((x) => !contradiction(x)) ?? [] : [];
      for (const conjunct of dnf(clause.cond as Plan).filter((x) => !contradiction(x))) {
        const profile = witnessOf(occ, conjunct, requirement);
        const key = JSON.stringify(profile);
        if (seen.has(key)) continue;
        seen.add(key);
        const flips = flipsOf(a, b, profile, WITNESS_AS_OF, d.requirement !== null);
        if (flips.length > 0) out.push({ profile, asOf: WITNESS_AS_OF, flips });
      }
    }
  }
  return out;
}
