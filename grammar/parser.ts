// CstParser for the rule language. One instance is reused for every parse (Chevrotain's advice:
// building a parser runs its self-analysis). Recovery is off: a rule is one short expression and
// the first error, exactly placed, is what policy staff need.
import { CstParser, type CstNode, type IParserErrorMessageProvider, type IToken, type ParserMethod, type TokenType } from 'chevrotain';
import * as T from './tokens.js';
import { scopeWords } from '../runtime/words.js';

const K = T.K;

/** Error details travel as JSON so the caller can render them from its message tables. */
const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual }) {
    return JSON.stringify({ expected: [labelOf(expected)], found: actual.image });
  },
  buildNotAllInputParsedMessage({ firstRedundant }) {
    return JSON.stringify({ expected: ['结束 end'], found: firstRedundant.image });
  },
  buildNoViableAltMessage({ expectedPathsPerAlt, actual }) {
    const labels = new Set<string>();
    for (const paths of expectedPathsPerAlt) for (const path of paths) if (path[0]) labels.add(labelOf(path[0]));
    return JSON.stringify({ expected: [...labels], found: actual[0]?.image ?? '' });
  },
  buildEarlyExitMessage({ expectedIterationPaths, actual }) {
    const labels = new Set<string>();
    for (const path of expectedIterationPaths) if (path[0]) labels.add(labelOf(path[0]));
    return JSON.stringify({ expected: [...labels], found: actual[0]?.image ?? '' });
  },
};

function labelOf(t: TokenType): string {
  return t.LABEL ?? t.name;
}

// Every scope of the word table is one alternative of `scope`.
const scopeTokens = scopeWords().map((s) => K[s.name]);

export class RuleParser extends CstParser {
  /** A rule `operand { operator operand }`: a chain of one operator (或, 且). */
  private infix(name: string, operand: () => ParserMethod<[], CstNode>, operator: TokenType): ParserMethod<[], CstNode> {
    return this.RULE(name, () => {
      this.SUBRULE(operand());
      this.MANY(() => {
        this.CONSUME(operator);
        this.SUBRULE2(operand());
      });
    });
  }

  /**
   * `skipValidations` defaults to true: the grammar's self-checks run once in the test suite
   * (test/grammar.test.ts), not at every CLI start (Chevrotain's advice for production).
   */
  constructor(options: { skipValidations?: boolean } = {}) {
    super(T.allTokens, {
      recoveryEnabled: false,
      // Every CST node records the offsets it spans, so building the AST is linear in the input.
      nodeLocationTracking: 'onlyOffset',
      maxLookahead: 3,
      errorMessageProvider,
      skipValidations: options.skipValidations ?? true,
    });
    this.performSelfAnalysis();
  }

  // expression = orExpr
  public expression = this.RULE('expression', () => {
    this.SUBRULE(this.orExpr);
  });

  // Grammar comments name words by their entry in runtime/words.ts (Or, And, …), not a spelling.
  // orExpr = andExpr { Or andExpr }
  public orExpr = this.infix('orExpr', () => this.andExpr, K.Or);

  // andExpr = notExpr { And notExpr }
  public andExpr = this.infix('andExpr', () => this.notExpr, K.And);

  // notExpr = Not notExpr | primary
  public notExpr = this.RULE('notExpr', () => {
    this.OR([
      { ALT: () => { this.CONSUME(K.Not); this.SUBRULE(this.notExpr); } },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  // primary = "(" expression ")" | atom
  public primary = this.RULE('primary', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.LParen); this.SUBRULE(this.expression); this.CONSUME(T.RParen); } },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  // atom = experienceAfter | experience | holds | training | apprenticeship | school | category | working | placed | events | insured | compare
  public atom = this.RULE('atom', () => {
    // in this order: experienceAfter before experience (both may start with a scope)
    const atoms = [this.experienceAfter, this.experience, this.holds, this.training, this.apprenticeship, this.school, this.category, this.working, this.placed, this.events, this.insured, this.compare];
    this.OR(atoms.map((rule) => ({ ALT: () => this.SUBRULE(rule) })));
  });

  // experienceAfter = After [scope] ref ([AfterEnd] (experience | Within value) | On Date To Date)
  // (a window after a certificate, or its date in a range: issue 20)
  public experienceAfter = this.RULE('experienceAfter', () => {
    this.CONSUME(K.After);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.SUBRULE(this.ref);
    this.OR([
      {
        ALT: () => {
          this.OPTION2(() => this.CONSUME(K.AfterEnd));
          this.OR2([
            { ALT: () => this.SUBRULE(this.experience) },
            { ALT: () => { this.CONSUME(K.Within); this.SUBRULE(this.value); } },
          ]);
        },
      },
      { ALT: () => this.SUBRULE(this.dateRange) },
    ]);
  });

  // dateRange = On Date To Date
  public dateRange = this.RULE('dateRange', () => {
    this.CONSUME(K.On);
    this.CONSUME(T.DateLit, { LABEL: 'from' });
    this.CONSUME(K.To);
    this.CONSUME2(T.DateLit, { LABEL: 'to' });
  });

  // insured = Insured ref [Until [scope] ref] comparator value
  public insured = this.RULE('insured', () => {
    this.CONSUME(K.Insured);
    this.SUBRULE(this.ref, { LABEL: 'scheme' });
    this.OPTION(() => {
      this.CONSUME(K.Until);
      this.OPTION2(() => this.SUBRULE(this.scope));
      this.SUBRULE2(this.ref, { LABEL: 'level' });
    });
    this.SUBRULE(this.comparator);
    this.SUBRULE(this.value);
  });

  // experience = ([Cumulative | Continuous] Experience | CumulativeExperience | ContinuousExperience) [kind] [scope] comparator value
  // kind = ref (a kind of work from the vocabulary, e.g. 见习)
  public experience = this.RULE('experience', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.CumulativeExperience) },
      { ALT: () => this.CONSUME(K.ContinuousExperience) },
      { ALT: () => { this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME(K.Cumulative) }, { ALT: () => this.CONSUME(K.Continuous) }])); this.CONSUME(K.Experience); } },
    ]);
    this.OPTION3(() => this.SUBRULE(this.ref, { LABEL: 'kind' }));
    this.OPTION2(() => this.SUBRULE(this.scope));
    this.SUBRULE(this.comparator);
    this.SUBRULE(this.value);
  });

  // holds = Holds [scope] ref
  public holds = this.RULE('holds', () => {
    this.CONSUME(K.Holds);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.SUBRULE(this.ref);
  });

  // training = Training [scope] ref (Completed | ExamPassed)
  public training = this.RULE('training', () => {
    this.CONSUME(K.Training);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.SUBRULE(this.ref);
    this.OR([{ ALT: () => this.CONSUME(K.Completed) }, { ALT: () => this.CONSUME(K.ExamPassed) }]);
  });

  // apprenticeship = Apprenticeship [scope]
  public apprenticeship = this.RULE('apprenticeship', () => {
    this.CONSUME(K.Apprenticeship);
    this.OPTION(() => this.SUBRULE(this.scope));
  });

  // school = (Graduated | Degree | Enrolled) ref [OrHigher] [ref [OrHigher]] [Target ref] [scope] [InclFinalYear]
  public school = this.RULE('school', () => {
    this.OR([
      { ALT: () => this.CONSUME(K.Graduated) },
      { ALT: () => this.CONSUME(K.Degree) },
      { ALT: () => this.CONSUME(K.Enrolled) },
    ]);
    this.SUBRULE(this.ref);
    this.OPTION(() => this.CONSUME(K.OrHigher));
    this.OPTION2(() => {
      this.SUBRULE2(this.ref, { LABEL: 'track' });
      this.OPTION3(() => this.CONSUME2(K.OrHigher, { LABEL: 'trackOrHigher' }));
    });
    this.OPTION4(() => {
      this.CONSUME(K.Target);
      this.SUBRULE3(this.ref, { LABEL: 'target' });
    });
    this.OPTION5(() => this.SUBRULE(this.scope));
    this.OPTION6(() => this.CONSUME(K.InclFinalYear));
  });

  // category = Category ref
  public category = this.RULE('category', () => {
    this.CONSUME(K.Category);
    this.SUBRULE(this.ref);
  });

  // working = Working [kind] [scope]
  public working = this.RULE('working', () => {
    this.CONSUME(K.Working);
    this.OPTION(() => this.SUBRULE(this.ref, { LABEL: 'kind' }));
    this.OPTION2(() => this.SUBRULE(this.scope));
  });

  // placed = Placed [scope] ref Top Number [Percent | name | identifier]
  public placed = this.RULE('placed', () => {
    this.CONSUME(K.Placed);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.SUBRULE(this.ref);
    this.CONSUME(K.Top);
    this.CONSUME(T.NumberLit);
    this.OPTION2(() => this.OR([{ ALT: () => this.CONSUME(T.Percent) }, { ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.Identifier) }]));
  });

  // events = Events ref [scope] [ThisLevel] [CalendarYear | TwelveMonths] comparator value
  public events = this.RULE('events', () => {
    this.CONSUME(K.Events);
    this.SUBRULE(this.ref);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.OPTION2(() => this.CONSUME(K.ThisLevel));
    this.OPTION3(() => this.OR([{ ALT: () => this.CONSUME(K.CalendarYear) }, { ALT: () => this.CONSUME(K.TwelveMonths) }]));
    this.SUBRULE(this.comparator);
    this.SUBRULE(this.value);
  });

  // fact = ref [On Date] [comparator (value | bySex)]   (a declared fact: boolean alone, numeric
  // compared; `年龄 于 2023-09-30 >= 16岁`: the age on a fixed date)
  public compare = this.RULE('compare', () => {
    this.SUBRULE(this.ref);
    this.OPTION2(() => {
      this.CONSUME(K.On);
      this.CONSUME(T.DateLit);
    });
    this.OPTION(() => {
      this.SUBRULE(this.comparator);
      this.OR([{ ALT: () => this.SUBRULE(this.value) }, { ALT: () => this.SUBRULE(this.bySex) }]);
    });
  });

  // bySex = Male value Female value
  public bySex = this.RULE('bySex', () => {
    this.CONSUME(K.Male);
    this.SUBRULE(this.value, { LABEL: 'male' });
    this.CONSUME(K.Female);
    this.SUBRULE2(this.value, { LABEL: 'female' });
  });

  // scope = any word of role scope (ScopeSame, ScopeSameMajor, …)
  public scope = this.RULE('scope', () => {
    this.OR(scopeTokens.map((t) => ({ ALT: () => this.CONSUME(t) })));
  });

  // ref = Level number | name ["/" name] | identifier
  public ref = this.RULE('ref', () => {
    this.OR([
      { ALT: () => { this.CONSUME(K.Level); this.CONSUME(T.NumberLit); } },
      {
        ALT: () => {
          this.CONSUME(T.Name);
          this.OPTION(() => {
            this.CONSUME(T.Slash);
            this.CONSUME2(T.Name);
          });
        },
      },
      { ALT: () => this.CONSUME(T.Identifier) },
    ]);
  });

  // value = number [name | identifier] | ref
  public value = this.RULE('value', () => {
    this.OR([
      { ALT: () => { this.CONSUME(T.NumberLit); this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.Identifier) }])); } },
      { ALT: () => this.SUBRULE(this.ref) },
    ]);
  });

  // comparator = ">=" | "≥" | ">" | "<=" | "≤" | "<" | "="
  public comparator = this.RULE('comparator', () => {
    this.OR([T.GreaterEq, T.Greater, T.LessEq, T.Less, T.Equal].map((token) => ({ ALT: () => this.CONSUME(token) })));
  });
}

export const parser = new RuleParser();

export type { IToken };
