// The documents that prove a clause, for the handbook: the vocabulary's `evidence` kinds of every
// condition in its plan, as the runtime's explanations list them for a matched route
// (runtime/explain.ts `proof`). Every construct of the condition language is named here: one added
// later breaks the build (the `never` below) instead of being left out of the handbook.
import type { Plan } from '../runtime/plan.js';
import { SchoolMode } from '../runtime/plan.js';

/** The evidence kinds (vocabulary `evidence` keys) a plan's conditions are proven by, in order of first use. */
export function evidenceKinds(p: Plan, out: Set<string> = new Set()): Set<string> {
  switch (p.op) {
    case 'and':
    case 'or':
      for (const item of p.items) evidenceKinds(item, out);
      return out;
    case 'not':
      return out; // something one must not have: nothing proves its absence
    case 'experience':
      return out.add('experience');
    case 'experienceAfter':
      return out.add('certificate').add('experience');
    case 'holds':
      return out.add('certificate');
    case 'holdsPrepTechnician':
      return out.add('prepTechnician');
    case 'training':
      return out.add(p.exam ? 'trainingExam' : 'trainingCertificate');
    case 'apprenticeship':
      return out.add('apprenticeship');
    case 'school':
      if (p.spec.mode === SchoolMode.Enrolled) return out.add('enrolled');
      return p.spec.finalYear ? out.add('diploma').add('finalYear') : out.add('diploma');
    case 'age':
    case 'ageBySex':
    case 'ageOn':
      return out.add('age');
    case 'certWindow':
    case 'certDated':
      return out.add('certificate');
    case 'insured':
      return out.add('insurance');
    case 'working':
      return out.add('experience');
    case 'flag':
    case 'fact':
    case 'category':
      return out.add('fact');
    case 'events':
      return out.add('events');
    default: {
      const unknown: never = p;
      throw new Error(`zige site: condition ${JSON.stringify((unknown as { op: string }).op)} has no documents / 条件无证明材料`);
    }
  }
}
