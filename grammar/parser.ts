// CstParser for the rule language. One instance is reused for every parse (Chevrotain's advice:
// building a parser runs its self-analysis). Recovery is off: a rule is one short expression and
// the first error, exactly placed, is what policy staff need.
import { CstParser, type IParserErrorMessageProvider, type IToken, type TokenType } from 'chevrotain';
import * as T from './tokens.js';

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

const scopeTokens = [
  T.ScopeSameOrRelatedMajor,
  T.ScopeSameOrRelated,
  T.ScopeSameMajor,
  T.ScopeRelatedMajor,
  T.ScopeSame,
  T.ScopeRelated,
];

export class RuleParser extends CstParser {
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

  // orExpr = andExpr { ("或" | "or") andExpr }
  public orExpr = this.RULE('orExpr', () => {
    this.SUBRULE(this.andExpr);
    this.MANY(() => {
      this.CONSUME(T.Or);
      this.SUBRULE2(this.andExpr);
    });
  });

  // andExpr = notExpr { ("且" | "并且" | "and") notExpr }
  public andExpr = this.RULE('andExpr', () => {
    this.SUBRULE(this.notExpr);
    this.MANY(() => {
      this.CONSUME(T.And);
      this.SUBRULE2(this.notExpr);
    });
  });

  // notExpr = ("非" | "not") notExpr | primary
  public notExpr = this.RULE('notExpr', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.Not);
          this.SUBRULE(this.notExpr);
        },
      },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  // primary = "(" expression ")" | atom
  public primary = this.RULE('primary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LParen);
          this.SUBRULE(this.expression);
          this.CONSUME(T.RParen);
        },
      },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  // atom = experienceAfter | experience | holds | training | apprenticeship | school | compare
  public atom = this.RULE('atom', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.experienceAfter) },
      { ALT: () => this.SUBRULE(this.experience) },
      { ALT: () => this.SUBRULE(this.holds) },
      { ALT: () => this.SUBRULE(this.training) },
      { ALT: () => this.SUBRULE(this.apprenticeship) },
      { ALT: () => this.SUBRULE(this.school) },
      { ALT: () => this.SUBRULE(this.compare) },
    ]);
  });

  // experienceAfter = ("取得" | "after") [scope] levelRef ["后"] experience
  public experienceAfter = this.RULE('experienceAfter', () => {
    this.CONSUME(T.After);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.SUBRULE(this.ref);
    this.OPTION2(() => this.CONSUME(T.AfterEnd));
    this.SUBRULE(this.experience);
  });

  // experience = (["累计" | "连续"] "从业" | "累计从业" | "连续从业") [kind] [scope] comparator value
  // kind = ref (a kind of work from the vocabulary, e.g. 见习)
  public experience = this.RULE('experience', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.CumulativeExperience) },
      { ALT: () => this.CONSUME(T.ContinuousExperience) },
      {
        ALT: () => {
          this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME(T.Cumulative) }, { ALT: () => this.CONSUME(T.Continuous) }]));
          this.CONSUME(T.ExperienceKw);
        },
      },
    ]);
    this.OPTION3(() => this.SUBRULE(this.ref, { LABEL: 'kind' }));
    this.OPTION2(() => this.SUBRULE(this.scope));
    this.SUBRULE(this.comparator);
    this.SUBRULE(this.value);
  });

  // holds = ("持有" | "holds") [scope] ref
  public holds = this.RULE('holds', () => {
    this.CONSUME(T.HoldsKw);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.SUBRULE(this.ref);
  });

  // training = ("培训" | "training") [scope] ref ("结业" | "考试合格")
  public training = this.RULE('training', () => {
    this.CONSUME(T.TrainingKw);
    this.OPTION(() => this.SUBRULE(this.scope));
    this.SUBRULE(this.ref);
    this.OR([{ ALT: () => this.CONSUME(T.Completed) }, { ALT: () => this.CONSUME(T.ExamPassed) }]);
  });

  // apprenticeship = ("学徒期满" | "apprenticeship") [scope]
  public apprenticeship = this.RULE('apprenticeship', () => {
    this.CONSUME(T.ApprenticeshipKw);
    this.OPTION(() => this.SUBRULE(this.scope));
  });

  // school = ("毕业" | "学历" | "在校") ref ["及以上"] [ref ["及以上"]] ["目标" ref] [scope] ["含应届"]
  public school = this.RULE('school', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.Graduated) },
      { ALT: () => this.CONSUME(T.Degree) },
      { ALT: () => this.CONSUME(T.Enrolled) },
    ]);
    this.SUBRULE(this.ref);
    this.OPTION(() => this.CONSUME(T.OrHigher));
    this.OPTION2(() => {
      this.SUBRULE2(this.ref, { LABEL: 'track' });
      this.OPTION3(() => this.CONSUME2(T.OrHigher, { LABEL: 'trackOrHigher' }));
    });
    this.OPTION4(() => {
      this.CONSUME(T.Target);
      this.SUBRULE3(this.ref, { LABEL: 'target' });
    });
    this.OPTION5(() => this.SUBRULE(this.scope));
    this.OPTION6(() => this.CONSUME(T.InclFinalYear));
  });

  // fact = ref [comparator value]   (a declared fact: boolean alone, numeric compared)
  public compare = this.RULE('compare', () => {
    this.SUBRULE(this.ref);
    this.OPTION(() => {
      this.SUBRULE(this.comparator);
      this.SUBRULE(this.value);
    });
  });

  // scope = "本职业" | "相关职业" | "本职业或相关职业" | "本专业" | "相关专业" | "本专业或相关专业"
  public scope = this.RULE('scope', () => {
    this.OR(scopeTokens.map((t) => ({ ALT: () => this.CONSUME(t) })));
  });

  // ref = "level" number | name ["/" name] | identifier
  public ref = this.RULE('ref', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(T.LevelKw);
          this.CONSUME(T.NumberLit);
        },
      },
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
      {
        ALT: () => {
          this.CONSUME(T.NumberLit);
          this.OPTION(() => this.OR2([{ ALT: () => this.CONSUME(T.Name) }, { ALT: () => this.CONSUME(T.Identifier) }]));
        },
      },
      { ALT: () => this.SUBRULE(this.ref) },
    ]);
  });

  // comparator = ">=" | "≥" | ">" | "<=" | "≤" | "<" | "="
  public comparator = this.RULE('comparator', () => {
    this.OR([
      { ALT: () => this.CONSUME(T.GreaterEq) },
      { ALT: () => this.CONSUME(T.Greater) },
      { ALT: () => this.CONSUME(T.LessEq) },
      { ALT: () => this.CONSUME(T.Less) },
      { ALT: () => this.CONSUME(T.Equal) },
    ]);
  });
}

export const parser = new RuleParser();

export type { IToken };
