// Findings between the clauses of one occupation: implied and equivalent clauses of a level, a
// clause no profile meets, a clause dead under the education requirement, and thresholds that run
// backwards along the ladder. Each decided over the normal forms (implication.ts).
import type { CheckedClause, CheckedOccupation } from '../compiler/checked.js';
import type { Plan } from '../runtime/plan.js';
import { FINDING_KINDS, type Finding, type FindingClause, type FindingKind, type Witness } from './finding.js';
import { contradiction, implies, unsatisfiable } from './implication.js';
import { dnf, RefusedConstruct, type Conjunct, type Literal } from './normal-form.js';
import { judge } from './judge.js';
import { WITNESS_AS_OF, witnessOf } from './witness.js';

export interface ClauseForm {
  clause: CheckedClause;
  form: Conjunct[];
  /** Null when some alternative is satisfiable. */
  contradicting: Literal[][] | null;
}

export function clauseForms(occ: CheckedOccupation): ClauseForm[] {
  return occ.clauses.map((clause) => {
    let form: Conjunct[];
    try {
      // A waiver changes what a clause needs outside its condition: not analysed yet. Preconditions
      // gate every (unwaiving) clause: analysed as part of its condition.
      if ((clause.waives?.length ?? 0) > 0) throw new RefusedConstruct('waives');
      const gates = occ.preconditions.map((p) => p.cond as Plan);
      form = dnf(gates.length > 0 ? { op: 'and', items: [clause.cond as Plan, ...gates] } : (clause.cond as Plan));
    } catch (e) {
      if (e instanceof RefusedConstruct) e.clause = `${occ.id} ${refOf(clause)}`;
      throw e;
    }
    return { clause, form, contradicting: unsatisfiable(form) };
  });
}

export const refOf = (c: CheckedClause): string => `${c.level}/${c.localId}`;

export function findingClause(c: CheckedClause): FindingClause {
  return { ref: refOf(c), source: c.text, when: c.when, line: c.line };
}

export function makeFinding(occ: CheckedOccupation, kind: FindingKind, at: { line: number; level?: number }, rest: Partial<Finding>): Finding {
  return {
    kind,
    severity: FINDING_KINDS[kind],
    occupation: occ.id,
    version: occ.version,
    file: occ.file,
    line: at.line,
    ...(at.level !== undefined ? { level: at.level as Finding['level'] } : {}),
    clauses: [],
    args: {},
    ...rest,
  };
}

/** The first alternative some profile may meet. */
export function satisfiableConjunct(form: Conjunct[]): Conjunct | undefined {
  return form.find((c) => !contradiction(c));
}

/** A profile meeting `a`, re-evaluated: kept only when every clause in `met` is met on it. */
export function clauseWitness(occ: CheckedOccupation, a: ClauseForm, met: CheckedClause[]): Witness | undefined {
  const conjunct = satisfiableConjunct(a.form);
  if (!conjunct) return undefined;
  const profile = witnessOf(occ, conjunct);
  const judged = judge(occ, profile);
  const shows = met.map((c) => `${refOf(c)} ${judged.clauses.get(refOf(c))}`);
  return met.every((c) => judged.clauses.get(refOf(c)) === 'met') ? { asOf: WITNESS_AS_OF, profile, shows } : undefined;
}

/** The text of an atom as written in the clause (its range in `when`). */
export function atomText(when: string, lit: Literal): string {
  const r = (lit.leaf as { range?: { start: number; end: number } }).range;
  const text = r ? when.slice(r.start, r.end) : lit.leaf.op;
  return lit.positive ? text : `非 ${text}`;
}

export function unsatisfiableFindings(occ: CheckedOccupation, forms: ClauseForm[]): Finding[] {
  return forms
    .filter((f) => f.contradicting)
    .map((f) =>
      makeFinding(occ, 'unsatisfiable', { line: f.clause.line, level: f.clause.level }, {
        clauses: [findingClause(f.clause)],
        args: { clause: refOf(f.clause) },
        atoms: f.contradicting!.map((lits) => lits.map((l) => atomText(f.clause.when, l))),
      }),
    );
}

/** Implied and equivalent clauses of the same level. */
export function impliedFindings(occ: CheckedOccupation, forms: ClauseForm[]): Finding[] {
  const out: Finding[] = [];
  const live = forms.filter((f) => !f.contradicting);
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length; j++) {
      const [a, b] = [live[i], live[j]];
      if (a.clause.level !== b.clause.level) continue;
      const ab = implies(a.form, b.form);
      const ba = implies(b.form, a.form);
      if (!ab && !ba) continue;
      const [narrow, wide] = ab ? [a, b] : [b, a];
      const kind: FindingKind = ab && ba ? 'equivalent' : 'implied';
      const axioms = [...new Set([...(ab ?? []), ...(ba ?? [])])].sort();
      out.push(
        makeFinding(occ, kind, { line: narrow.clause.line, level: a.clause.level }, {
          clauses: [findingClause(narrow.clause), findingClause(wide.clause)],
          args: { a: refOf(narrow.clause), b: refOf(wide.clause) },
          axioms,
          witness: clauseWitness(occ, narrow, [narrow.clause, wide.clause]),
        }),
      );
    }
  }
  return out;
}
