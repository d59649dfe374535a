// Witness profiles: a small applicant profile that meets the given atoms (one alternative of a
// condition), built from the atoms' parameters. Every witness is re-evaluated by the runtime
// before it is reported (findings.ts), so a construction that falls short is never shown as proof.
import { RefusedConstruct } from './normal-form.js';
import type { CheckedOccupation } from '../compiler/checked.js';
import type { PlanLeaf, SchoolSpec } from '../runtime/plan.js';
import type { Comparator } from '../runtime/tri.js';
import { INSURANCE_SCHEMES, type InsuranceScheme } from '../runtime/words.js';
import type { Profile } from '../runtime/index.js';
import type { Conjunct } from './normal-form.js';

/** The as-of date every witness is judged on. */
export const WITNESS_AS_OF = '2026-11-28';
const AS_OF_DAY = Date.UTC(2026, 10, 28) / 86_400_000;

export function isoDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** The smallest whole amount meeting "x cmp n" (for upper bounds: 0). */
function amount(cmp: Comparator, n: number): number {
  return cmp === '>=' || cmp === '=' ? Math.ceil(n) : cmp === '>' ? Math.floor(n) + 1 : 0;
}

const relation = (mask: number): '本职业' | '相关职业' => ((mask & 1) !== 0 ? '本职业' : '相关职业');
const majorRelation = (mask: number): '本专业' | '相关专业' => ((mask & 2) !== 0 && (mask & 1) === 0 ? '相关专业' : '本专业');

interface Draft {
  days: number;
  scope: number;
  kinds: number;
  certificates: { level: number | null; scope: number }[];
  profile: Profile;
}

/** A profile meeting every positive atom of `c` (atoms under 非 are left unmet by omission). */
export function witnessOf(occ: CheckedOccupation, c: Conjunct, extra: Conjunct = []): Profile {
  const d: Draft = { days: 0, scope: 1, kinds: 1, certificates: [], profile: {} };
  for (const lit of [...c, ...extra]) if (lit.positive) addLeaf(occ, d, lit.leaf);
  const start = AS_OF_DAY - Math.max(d.days, 1) + 1;
  if (d.days > 0) {
    const kind = kindName(occ, d.kinds);
    d.profile.work = [{ occupation: occ.name, from: isoDay(start), to: WITNESS_AS_OF, relation: relation(d.scope), ...(kind ? { kind } : {}) }];
  }
  if (d.certificates.length > 0) {
    d.profile.certificates = d.certificates.map((x) =>
      x.level === null
        ? { occupation: occ.name, kind: '预备技师证书', date: isoDay(start), relation: relation(x.scope) }
        : { occupation: occ.name, level: x.level as 1, kind: '技能等级证书', date: isoDay(start), relation: relation(x.scope) },
    ) as Profile['certificates'];
  }
  return d.profile;
}

/** The kind to name on the work entry: none for the default kind (bit 0). */
function kindName(occ: CheckedOccupation, kinds: number): string | undefined {
  if ((kinds & 1) !== 0) return undefined;
  const i = Math.max(0, Math.log2(kinds & -kinds));
  return occ.workKinds[i];
}

function addLeaf(occ: CheckedOccupation, d: Draft, leaf: PlanLeaf): void {
  const p = d.profile;
  switch (leaf.op) {
    case 'experience':
    case 'experienceAfter':
      d.days = Math.max(d.days, amount(leaf.cmp, leaf.days));
      d.scope = leaf.scope;
      d.kinds = leaf.kinds;
      if (leaf.op === 'experienceAfter') d.certificates.push({ level: leaf.level, scope: leaf.certScope });
      return;
    case 'holds':
      d.certificates.push({ level: leaf.level, scope: leaf.scope });
      return;
    case 'holdsPrepTechnician':
      d.certificates.push({ level: null, scope: leaf.scope });
      return;
    case 'training':
      (p.training ??= []).push({ occupation: occ.name, level: leaf.level as 1, relation: relation(leaf.scope), ...(leaf.exam ? { examPassed: true } : { certificate: true }) });
      return;
    case 'apprenticeship':
      (p.apprenticeships ??= []).push({ occupation: occ.name, completed: isoDay(AS_OF_DAY - 30), relation: relation(leaf.scope) });
      return;
    case 'school':
      (p.education ??= []).push(schoolEntry(occ, leaf.spec));
      return;
    case 'age':
      p.birthDate = isoDay(AS_OF_DAY - Math.ceil((amount(leaf.cmp, leaf.years) + 0.5) * 365.25));
      return;
    case 'flag':
      (p.facts ??= {})[leaf.name] = true;
      return;
    case 'fact':
      (p.facts ??= {})[leaf.name] = amount(leaf.cmp, leaf.value);
      return;
    case 'category':
      (p.categories ??= []).push(leaf.name);
      return;
    case 'events':
      // as many events as the count needs, each meeting every part of the condition (rank 1 of 100)
      for (let i = 0; i < amount(leaf.cmp, leaf.count); i++) {
        (p.events ??= []).push({
          kind: leaf.kind ?? Object.keys(occ.eventNames)[0] ?? '',
          date: WITNESS_AS_OF,
          occupation: occ.name,
          relation: relation(leaf.scope),
          ...(leaf.level !== 0 ? { level: leaf.level as 1 } : {}),
          ...(leaf.tier !== null ? { tier: leaf.tier, rank: 1, field: 100 } : {}),
        });
      }
      return;
    case 'certWindow':
      d.certificates.push({ level: leaf.level, scope: leaf.scope });
      return;
    case 'certDated':
      // Dated on the range's first day; the runtime's re-evaluation drops a witness it does not meet.
      (p.certificates ??= []).push({ occupation: occ.name, level: leaf.level as 1, kind: '技能等级证书', date: leaf.from, relation: relation(leaf.scope) });
      return;
    case 'ageOn': {
      const on = Date.parse(`${leaf.date}T00:00:00Z`) / 86_400_000;
      p.birthDate = isoDay(on - Math.ceil((amount(leaf.cmp, leaf.years) + 0.5) * 365.25));
      return;
    }
    case 'insured':
      p.insurance ??= [];
      if (amount(leaf.cmp, leaf.months) > 0) p.insurance.push({ scheme: INSURANCE_SCHEMES[leaf.scheme as InsuranceScheme].zh, from: isoDay(AS_OF_DAY - 40 * 365) });
      return;
    case 'ageBySex':
    case 'working':
      throw new RefusedConstruct(leaf.op);
    default: {
      const unknown: never = leaf;
      throw new Error(`analysis: no witness for ${(unknown as PlanLeaf).op}`);
    }
  }
}

/** An education entry the school condition accepts. */
export function schoolEntry(occ: CheckedOccupation, s: SchoolSpec): NonNullable<Profile['education']>[number] {
  const technical = new Set(occ.trackFamily);
  const byRank = Object.keys(occ.ranks).filter((n) => occ.ranks[n] === s.rank && !technical.has(n));
  const name = s.names?.[0] ?? byRank[0] ?? Object.keys(occ.ranks)[0];
  const enrolled = s.mode === 2;
  return {
    level: name,
    status: enrolled ? '在读' : '毕业',
    date: enrolled ? isoDay(AS_OF_DAY + 365) : isoDay(AS_OF_DAY - 400),
    ...(s.tracks !== null ? { track: s.tracks[0] } : {}),
    ...(s.target !== null ? { assessedTarget: s.target } : {}),
    ...(s.major !== 0 ? { major: '（见证专业）', majorRelation: majorRelation(s.major) } : {}),
  } as NonNullable<Profile['education']>[number];
}
