// The level-3 predicate of 互联网营销师 in every engine of the comparison, each built once from
// the checked rule (zige's IR), so all of them encode exactly the clauses zige checked. Atoms map to
// precomputed facts (bench/handwritten.ts `Level3Facts`); and/or/not map to each engine's own.
import { parse as parseCel } from '@marcbachmann/cel-js';
import { compileExpression } from 'filtrex';
import jsonLogic from 'json-logic-js';
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import type { Cond } from '../compiler/ir.js';
import type { Level3Facts } from './handwritten.js';

type Atom = { fact: keyof Level3Facts; cmp?: '>=' | '>' | '<=' | '<' | '='; value?: number };

/** The precomputed fact an atom reads. Throws on an atom the facts do not cover. */
export function atomFact(c: Cond): Atom {
  const all = (scope: number): boolean => scope === 3;
  switch (c.op) {
    case 'experienceAfter':
      if (all(c.certScope) && c.level === 4 && all(c.scope) && !c.continuous) return { fact: 'daysAfterL4', cmp: c.cmp, value: c.days };
      break;
    case 'holds':
      if (all(c.scope) && c.level === 4) return { fact: 'holdsL4' };
      break;
    case 'training':
      if (c.scope === 1 && c.level === 3 && !c.exam) return { fact: 'trainedL3' };
      break;
    case 'school': {
      const s = c.spec;
      const one = (name: string): boolean => s.mode === 0 && s.names?.length === 1 && s.names[0] === name && s.finalYear && s.tracks === null;
      if (one('高级技工学校') && s.target === null && s.major === 0) return { fact: 'seniorTechSchool' };
      if (one('技师学院') && s.target === null && s.major === 0) return { fact: 'technicianCollege' };
      if (one('高等职业学校') && s.target === '高级' && s.major === 3) return { fact: 'higherVocationalAdvanced' };
      if (s.mode === 1 && s.rank === 4 && s.orHigher && s.major === 3 && !s.finalYear && s.target === null && s.tracks === null) return { fact: 'associatePlus' };
      break;
    }
  }
  throw new Error(`bench: no precomputed fact for atom ${JSON.stringify({ ...c, range: undefined })}`);
}

const JS_CMP = { '>=': '>=', '>': '>', '<=': '<=', '<': '<', '=': '===' } as const;

/** A JavaScript boolean expression over `f` (also the CEL and filtrex surface, see `dialect`). */
function expression(c: Cond, d: { and: string; or: string; not: string; eq: string; fact: (n: string) => string }): string {
  switch (c.op) {
    case 'and':
    case 'or':
      return `(${c.items.map((i) => expression(i, d)).join(` ${c.op === 'and' ? d.and : d.or} `)})`;
    case 'not':
      return `${d.not}(${expression(c.item, d)})`;
    default: {
      const a = atomFact(c);
      if (a.cmp === undefined) return d.fact(a.fact);
      return `${d.fact(a.fact)} ${a.cmp === '=' ? d.eq : JS_CMP[a.cmp]} ${a.value}`;
    }
  }
}

const JS = { and: '&&', or: '||', not: '!', eq: '===', fact: (n: string) => `f.${n}` };
const CEL = { and: '&&', or: '||', not: '!', eq: '==', fact: (n: string) => n };
const FILTREX = { and: 'and', or: 'or', not: 'not ', eq: '==', fact: (n: string) => n };

export function orOf(clauses: Cond[]): Cond {
  return { op: 'or', items: clauses, range: { start: 0, end: 0 } } as Cond;
}

/** Source text of the predicate in each textual dialect, for the report. */
export function predicateSources(cond: Cond): { js: string; cel: string; filtrex: string } {
  return { js: expression(cond, JS), cel: expression(cond, CEL), filtrex: expression(cond, FILTREX) };
}

/** zige's IR compiled to a two-valued JavaScript function over the precomputed facts. */
export function jsPredicate(cond: Cond): (f: Level3Facts) => boolean {
  return new Function('f', `return ${expression(cond, JS)};`) as (f: Level3Facts) => boolean;
}

export function celPredicate(cond: Cond): (f: Level3Facts) => boolean {
  const program = parseCel(expression(cond, CEL));
  return (f) => program(f as unknown as Record<string, unknown>) === true;
}

export function filtrexPredicate(cond: Cond): (f: Level3Facts) => boolean {
  const program = compileExpression(expression(cond, FILTREX));
  return (f) => program(f) === true;
}

type Logic = Record<string, unknown>;

export function jsonLogicRule(c: Cond): Logic {
  switch (c.op) {
    case 'and':
    case 'or':
      return { [c.op]: c.items.map(jsonLogicRule) };
    case 'not':
      return { '!': jsonLogicRule(c.item) };
    default: {
      const a = atomFact(c);
      if (a.cmp === undefined) return { var: a.fact };
      return { [a.cmp === '=' ? '===' : a.cmp]: [{ var: a.fact }, a.value] };
    }
  }
}

export function jsonLogicPredicate(cond: Cond): (f: Level3Facts) => boolean {
  const rule = jsonLogicRule(cond);
  return (f) => jsonLogic.apply(rule, f) === true;
}

const JRE_CMP = { '>=': 'greaterThanInclusive', '>': 'greaterThan', '<=': 'lessThanInclusive', '<': 'lessThan', '=': 'equal' } as const;

export function rulesEngineConditions(c: Cond): NestedCondition {
  switch (c.op) {
    case 'and':
      return { all: c.items.map(rulesEngineConditions) };
    case 'or':
      return { any: c.items.map(rulesEngineConditions) };
    case 'not':
      return { not: rulesEngineConditions(c.item) };
    default: {
      const a = atomFact(c);
      if (a.cmp === undefined) return { fact: a.fact, operator: 'equal', value: true };
      return { fact: a.fact, operator: JRE_CMP[a.cmp], value: a.value };
    }
  }
}

/** json-rules-engine is asynchronous: one engine with one rule, run per profile. */
export function rulesEnginePredicate(cond: Cond): (f: Level3Facts) => Promise<boolean> {
  let top = rulesEngineConditions(cond) as TopLevelCondition;
  if (!('all' in top) && !('any' in top) && !('not' in top)) top = { all: [top] };
  const engine = new Engine([{ conditions: top, event: { type: 'eligible' } }]);
  return async (f) => (await engine.run(f as unknown as Record<string, unknown>)).events.length > 0;
}
