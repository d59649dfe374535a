// Findings along the ladder of levels and against the education requirement: clauses dead under
// the requirement, levels not reached from the level below, certificate routes and work types
// naming levels the occupation does not offer, thresholds that run backwards. (Work types limited
// to levels not offered are refused by the check stage, E_WORKTYPE_LEVEL.)
import type { CheckedOccupation } from '../compiler/checked.js';
import type { Plan, PlanLeaf } from '../runtime/plan.js';
import { LEVEL_NAMES, type Level } from '../runtime/words.js';
import type { Finding } from './finding.js';
import { contradiction, implies } from './implication.js';
import { dnf, type Conjunct } from './normal-form.js';
import { clauseWitness, findingClause, makeFinding, refOf, satisfiableConjunct, type ClauseForm } from './clause-findings.js';
import { judge } from './judge.js';
import { isoDay, WITNESS_AS_OF, witnessOf } from './witness.js';

const leaves = (form: Conjunct[]): PlanLeaf[] => form.flatMap((c) => c.filter((l) => l.positive).map((l) => l.leaf));

/** Clauses whose every alternative contradicts every alternative of the requirement: dead, or (with a school atom of their own) holding only when the requirement fails. */
export function requirementFindings(occ: CheckedOccupation, forms: ClauseForm[]): Finding[] {
  if (!occ.education) return [];
  const requirement = dnf(occ.education.cond as Plan);
  const out: Finding[] = [];
  for (const f of forms) {
    if (f.contradicting) continue;
    const dead = f.form.every((c) => requirement.every((r) => contradiction([...c, ...r]) !== null));
    // A school atom of the clause is itself a credential that meets the requirement (runtime/gate.ts).
    // With one, the clause can hold only when the requirement fails: eligible through its own credential.
    const credential = leaves(f.form).some((l) => l.op === 'school');
    if (!dead) continue;
    out.push(makeFinding(occ, credential ? 'requirement-only' : 'requirement-dead', { line: f.clause.line, level: f.clause.level }, {
      clauses: [findingClause(f.clause)],
      args: { clause: refOf(f.clause), requirement: occ.education.when },
      witness: clauseWitness(occ, f, [f.clause]),
    }));
  }
  return out;
}

const certificateLevels = (form: Conjunct[]): number[] =>
  leaves(form).flatMap((l) => (l.op === 'holds' || l.op === 'experienceAfter' || l.op === 'training' ? [l.level] : []));

/** Each offered level with a certificate route, judged on a profile with the next lower level's certificate and forty years of work. */
export function ladderFindings(occ: CheckedOccupation, forms: ClauseForm[]): Finding[] {
  const offered = [...occ.levels].sort((a, b) => b - a);
  const requirement = occ.education ? satisfiableConjunct(dnf(occ.education.cond as Plan)) : undefined;
  const out: Finding[] = [];
  for (let i = 1; i < offered.length; i++) {
    const [below, level] = [offered[i - 1], offered[i]];
    const mine = forms.filter((f) => f.clause.level === level);
    if (!mine.some((f) => certificateLevels(f.form).length > 0)) continue; // no certificate route: by design
    const profile = witnessOf(occ, requirement ?? []);
    const start = isoDay(Date.UTC(1986, 10, 28) / 86_400_000);
    profile.certificates = [{ occupation: occ.name, level: below, kind: '技能等级证书', date: start, relation: '本职业' }];
    profile.work = [{ occupation: occ.name, from: start, to: WITNESS_AS_OF, relation: '本职业' }];
    const status = judge(occ, profile).levels.get(level);
    if (status === 'eligible') continue;
    out.push(makeFinding(occ, 'ladder-gap', { line: mine[0]?.clause.line ?? 1, level }, {
      args: { level: LEVEL_NAMES[level].zh, below: LEVEL_NAMES[below].zh },
      clauses: mine.map((f) => findingClause(f.clause)),
      witness: { asOf: WITNESS_AS_OF, profile, shows: [`${level} ${status}`] },
    }));
  }
  return out;
}

/** Certificate routes naming a lower level this occupation does not offer (only a related occupation's certificate can meet them). */
export function unofferedRouteFindings(occ: CheckedOccupation, forms: ClauseForm[]): Finding[] {
  const out: Finding[] = [];
  for (const f of forms) {
    const missing = [...new Set(certificateLevels(f.form))].filter((l) => l > f.clause.level && !occ.levels.includes(l as Level));
    if (missing.length === 0 || f.contradicting) continue;
    out.push(makeFinding(occ, 'unoffered-route', { line: f.clause.line, level: f.clause.level }, {
      clauses: [findingClause(f.clause)],
      args: { clause: refOf(f.clause), named: missing.map((l) => LEVEL_NAMES[l as Level].zh).join('、'), offered: occ.levels.map((l) => LEVEL_NAMES[l].zh).join('、') },
      witness: clauseWitness(occ, f, [f.clause]),
    }));
  }
  return out;
}

/** The shape of a condition with its amounts blanked: two routes of the same kind differ only in amounts. */
function shape(p: Plan): string {
  return JSON.stringify(p, (k, v: unknown) => (k === 'range' || k === 'days' || k === 'years' || k === 'value' ? undefined : v));
}

/** A higher level asking less than a lower level on a route of the same shape (the lower route implies the higher). */
export function backwardsFindings(occ: CheckedOccupation, forms: ClauseForm[]): Finding[] {
  const out: Finding[] = [];
  const shapes = new Map(forms.map((f) => [f, shape(f.clause.cond as Plan)]));
  for (const high of forms) {
    for (const low of forms) {
      if (high.clause.level >= low.clause.level || high.contradicting || low.contradicting) continue;
      if (shapes.get(high) !== shapes.get(low)) continue;
      const axioms = implies(low.form, high.form);
      if (!axioms || implies(high.form, low.form)) continue;
      out.push(makeFinding(occ, 'backwards', { line: high.clause.line, level: high.clause.level }, {
        clauses: [findingClause(high.clause), findingClause(low.clause)],
        args: { high: refOf(high.clause), low: refOf(low.clause) },
        axioms,
        witness: clauseWitness(occ, low, [low.clause, high.clause]),
      }));
    }
  }
  return out;
}
