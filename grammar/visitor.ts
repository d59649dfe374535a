// Turns the CST into the typed AST of ast.ts. Each node's range covers the tokens it was built from.
import type { CstNode, IToken } from 'chevrotain';
import { parser } from './parser.js';
import type * as A from './ast.js';
import { scopeWords } from '../runtime/words.js';
import { exactNumeral, isPlainNumeral, toNumber } from './numeral.js';

type Children = Record<string, (CstNode | IToken)[] | undefined>;

const BaseVisitor = parser.getBaseCstVisitorConstructor();

function tok(children: Children, name: string, i = 0): IToken | undefined {
  return children[name]?.[i] as IToken | undefined;
}

function node(children: Children, name: string, i = 0): CstNode | undefined {
  return children[name]?.[i] as CstNode | undefined;
}

function tokenRange(t: IToken): A.OffsetRange {
  return { start: t.startOffset, end: (t.endOffset ?? t.startOffset) + 1 };
}

/**
 * The offsets spanned by every token below a CST node, as recorded by the parser
 * (`nodeLocationTracking`): walking the subtree here instead made deep nesting quadratic.
 */
function cstRange(n: CstNode): A.OffsetRange {
  const { startOffset, endOffset } = n.location!;
  return { start: startOffset, end: (endOffset ?? startOffset) + 1 };
}

function dateText(t: IToken): A.DateText {
  return { kind: 'Date', text: t.image, range: tokenRange(t) };
}

const scopeByToken = new Map<string, A.ScopeValue>(scopeWords().map((s) => [s.name, s.scope.value as A.ScopeValue]));

const comparatorByToken: Record<string, A.Comparator> = {
  GreaterEq: '>=',
  Greater: '>',
  LessEq: '<=',
  Less: '<',
  Equal: '=',
};

class AstBuilder extends BaseVisitor {
  constructor() {
    super();
    this.validateVisitor();
  }

  expression(c: Children): A.Expr {
    return this.at(node(c, 'orExpr')!);
  }

  orExpr(c: Children, range: A.OffsetRange): A.Expr {
    const items = (c.andExpr as CstNode[]).map((n) => this.at(n) as A.Expr);
    return items.length === 1 ? items[0] : { kind: 'Or', items, range };
  }

  andExpr(c: Children, range: A.OffsetRange): A.Expr {
    const items = (c.notExpr as CstNode[]).map((n) => this.at(n) as A.Expr);
    return items.length === 1 ? items[0] : { kind: 'And', items, range };
  }

  notExpr(c: Children, range: A.OffsetRange): A.Expr {
    const inner = node(c, 'notExpr');
    if (inner) return { kind: 'Not', expr: this.at(inner), range };
    return this.at(node(c, 'primary')!);
  }

  primary(c: Children): A.Expr {
    const inner = node(c, 'expression');
    return inner ? this.at(inner) : this.at(node(c, 'atom')!);
  }

  atom(c: Children): A.Atom {
    const [child] = Object.values(c).flat() as CstNode[];
    return this.at(child);
  }

  experienceAfter(c: Children, range: A.OffsetRange): A.ExperienceAfter | A.CertWindow | A.CertDated {
    const dates = node(c, 'dateRange');
    if (dates) {
      const d = dates.children as Children;
      return { kind: 'CertDated', certScope: this.optionalScope(c), level: this.at(node(c, 'ref')!), from: dateText(tok(d, 'from')!), to: dateText(tok(d, 'to')!), range };
    }
    if (!node(c, 'experience')) return { kind: 'CertWindow', certScope: this.optionalScope(c), level: this.at(node(c, 'ref')!), value: this.at(node(c, 'value')!), range };
    return {
      kind: 'ExperienceAfter',
      certScope: this.optionalScope(c),
      level: this.at(node(c, 'ref')!),
      experience: this.at(node(c, 'experience')!),
      range,
    };
  }

  experience(c: Children, range: A.OffsetRange): A.Experience {
    const continuous = Boolean(tok(c, 'ContinuousExperience') ?? tok(c, 'Continuous'));
    const explicitMode = Boolean(
      tok(c, 'ContinuousExperience') ?? tok(c, 'Continuous') ?? tok(c, 'CumulativeExperience') ?? tok(c, 'Cumulative'),
    );
    return {
      kind: 'Experience',
      mode: continuous ? 'continuous' : 'cumulative',
      explicitMode,
      workKind: node(c, 'kind') ? this.at(node(c, 'kind')!) : null,
      scope: this.optionalScope(c),
      cmp: this.at(node(c, 'comparator')!),
      value: this.at(node(c, 'value')!),
      range,
    };
  }

  holds(c: Children, range: A.OffsetRange): A.Holds {
    return { kind: 'Holds', scope: this.optionalScope(c), what: this.at(node(c, 'ref')!), range };
  }

  training(c: Children, range: A.OffsetRange): A.Training {
    return {
      kind: 'Training',
      scope: this.optionalScope(c),
      level: this.at(node(c, 'ref')!),
      proof: tok(c, 'ExamPassed') ? 'exam' : 'certificate',
      range,
    };
  }

  apprenticeship(c: Children, range: A.OffsetRange): A.Apprenticeship {
    return { kind: 'Apprenticeship', scope: this.optionalScope(c), range };
  }

  school(c: Children, range: A.OffsetRange): A.School {
    const mode: A.SchoolMode = tok(c, 'Graduated') ? 'graduated' : tok(c, 'Degree') ? 'degree' : 'enrolled';
    const track = node(c, 'track');
    const target = node(c, 'target');
    return {
      kind: 'School',
      mode,
      name: this.at(node(c, 'ref')!),
      orHigher: Boolean(tok(c, 'OrHigher')),
      track: track ? { name: this.at(track), orHigher: Boolean(tok(c, 'trackOrHigher')) } : null,
      target: target ? this.at(target) : null,
      scope: this.optionalScope(c),
      includeFinalYear: Boolean(tok(c, 'InclFinalYear')),
      range,
    };
  }

  dateRange(): never {
    throw new Error('dateRange is read by experienceAfter');
  }

  insured(c: Children, range: A.OffsetRange): A.Insured {
    const level = node(c, 'level');
    return {
      kind: 'Insured',
      scheme: this.at(node(c, 'scheme')!),
      until: level ? { scope: this.optionalScope(c), level: this.at(level) } : null,
      cmp: this.at(node(c, 'comparator')!),
      value: this.at(node(c, 'value')!),
      range,
    };
  }

  compare(c: Children, range: A.OffsetRange): A.Compare {
    const value = node(c, 'value') ?? node(c, 'bySex');
    const on = tok(c, 'Date');
    return {
      kind: 'Compare',
      subject: this.at(node(c, 'ref')!),
      on: on ? dateText(on) : null,
      cmp: node(c, 'comparator') ? this.at(node(c, 'comparator')!) : null,
      value: value ? this.at(value) : null,
      range,
    };
  }

  bySex(c: Children, range: A.OffsetRange): A.BySex {
    return { kind: 'BySex', male: this.at(node(c, 'male')!), female: this.at(node(c, 'female')!), range };
  }

  category(c: Children, range: A.OffsetRange): A.Category {
    return { kind: 'Category', name: this.at(node(c, 'ref')!), range };
  }

  working(c: Children, range: A.OffsetRange): A.Working {
    return { kind: 'Working', workKind: node(c, 'kind') ? this.at(node(c, 'kind')!) : null, scope: this.optionalScope(c), range };
  }

  placed(c: Children, range: A.OffsetRange): A.Placed {
    const number = tok(c, 'Number')!;
    const unit = tok(c, 'Percent') ?? tok(c, 'Name') ?? tok(c, 'Identifier');
    const end = tokenRange(unit ?? number).end;
    const top: A.Quantity = { kind: 'Quantity', value: Number(number.image), unit: unit ? (unit.tokenType.name === 'Percent' ? '%' : unit.image) : null, range: { start: number.startOffset, end } };
    return { kind: 'Placed', scope: this.optionalScope(c), tier: this.at(node(c, 'ref')!), top, range };
  }

  events(c: Children, range: A.OffsetRange): A.Events {
    const window: A.EventWindowName = tok(c, 'CalendarYear') ? 'calendar-year' : tok(c, 'TwelveMonths') ? 'twelve-months' : 'ever';
    return {
      kind: 'Events',
      eventKind: this.at(node(c, 'ref')!),
      scope: this.optionalScope(c),
      thisLevel: Boolean(tok(c, 'ThisLevel')),
      window,
      cmp: this.at(node(c, 'comparator')!),
      value: this.at(node(c, 'value')!),
      range,
    };
  }

  scope(c: Children, range: A.OffsetRange): A.Scope {
    const [t] = Object.values(c).flat() as IToken[];
    return { kind: 'Scope', value: scopeByToken.get(t.tokenType.name)!, range };
  }

  ref(c: Children, range: A.OffsetRange): A.Ref {
    const number = tok(c, 'Number');
    if (number) return { kind: 'LevelNumber', level: Number(number.image), range };
    const name = tok(c, 'Name') ?? tok(c, 'Identifier')!;
    const second = tok(c, 'Name', 1);
    return second ? { kind: 'Name', text: name.image, alt: second.image, range } : { kind: 'Name', text: name.image, range };
  }

  value(c: Children, range: A.OffsetRange): A.Value {
    const number = tok(c, 'Number');
    if (!number) return this.at(node(c, 'ref')!);
    const unit = tok(c, 'Name') ?? tok(c, 'Identifier');
    const text = number.image;
    if (isPlainNumeral(text)) return { kind: 'Quantity', value: Number(text), unit: unit ? unit.image : null, range };
    // As printed (100 000, 10万): exact; NaN when misgrouped, which the checker refuses (E_NUMBER).
    const exact = exactNumeral(text);
    return { kind: 'Quantity', value: exact ? toNumber(exact) : NaN, unit: unit ? unit.image : null, text, range };
  }

  comparator(c: Children): A.Comparator {
    const [t] = Object.values(c).flat() as IToken[];
    return comparatorByToken[t.tokenType.name];
  }

  private optionalScope(c: Children): A.Scope | null {
    const s = node(c, 'scope');
    return s ? this.at(s) : null;
  }

  /** Visits a child, handing the rule method the range its tokens span as the visit param. */
  at<T>(n: CstNode): T {
    return this.visit(n, cstRange(n)) as T;
  }
}

const builder = new AstBuilder();

export function buildAst(cst: CstNode): A.Expr {
  return builder.at<A.Expr>(cst);
}
