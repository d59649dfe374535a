// Tokens of the rule language. Chinese and English spellings of a keyword are one token type.
// Every keyword names `Name`/`Identifier` as longer_alt, so a keyword inside a longer word
// (非 in 非织造, 技师 in 技师学院, or in order) never splits it: words are separated by spaces.
import { createToken, Lexer, type TokenType } from 'chevrotain';

const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';

export const WhiteSpace = createToken({
  name: 'WhiteSpace',
  pattern: /[ \t\r\n\u3000]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});

/** A run of Chinese characters. It never contains 及以上, so `大专及以上` lexes as `大专` `及以上`. */
export const Name = createToken({
  name: 'Name',
  label: '名称 name',
  pattern: new RegExp(`(?:(?!及以上)[${CJK}])+`),
});

export const Identifier = createToken({
  name: 'Identifier',
  label: '名称 name',
  pattern: /[A-Za-z][A-Za-z0-9_]*(?:-[A-Za-z0-9_]+)*/,
});

const alt = [Name, Identifier];

/** Labels name every spelling (`并且/且/and`), so syntax errors read the same in both languages. */
function keyword(name: string, _zh: string, pattern: RegExp): TokenType {
  return createToken({ name, label: pattern.source.replace(/\|/g, '/'), pattern, longer_alt: alt });
}

// Longer spellings first where one is a prefix of another.
export const ScopeSameOrRelatedMajor = keyword('ScopeSameOrRelatedMajor', '本专业或相关专业', /本专业或相关专业|same-or-related-major/);
export const ScopeSameOrRelated = keyword('ScopeSameOrRelated', '本职业或相关职业', /本职业或相关职业|same-or-related/);
export const ScopeSameMajor = keyword('ScopeSameMajor', '本专业', /本专业|same-major/);
export const ScopeRelatedMajor = keyword('ScopeRelatedMajor', '相关专业', /相关专业|related-major/);
export const ScopeSame = keyword('ScopeSame', '本职业', /本职业|same/);
export const ScopeRelated = keyword('ScopeRelated', '相关职业', /相关职业|related/);

export const CumulativeExperience = keyword('CumulativeExperience', '累计从业', /累计从业/);
export const ContinuousExperience = keyword('ContinuousExperience', '连续从业', /连续从业/);
export const Cumulative = keyword('Cumulative', '累计', /累计|cumulative/);
export const Continuous = keyword('Continuous', '连续', /连续|continuous/);
export const ExperienceKw = keyword('Experience', '从业', /从业|experience/);
export const After = keyword('After', '取得', /取得|after/);
export const AfterEnd = keyword('AfterEnd', '后', /后/);
export const HoldsKw = keyword('Holds', '持有', /持有|holds/);
export const TrainingKw = keyword('Training', '培训', /培训|training/);
export const Completed = keyword('Completed', '结业', /结业|completed/);
export const ExamPassed = keyword('ExamPassed', '考试合格', /考试合格|exam-passed/);
export const ApprenticeshipKw = keyword('Apprenticeship', '学徒期满', /学徒期满|apprenticeship/);
export const Graduated = keyword('Graduated', '毕业', /毕业|graduated/);
export const Degree = keyword('Degree', '学历', /学历|education/);
export const Enrolled = keyword('Enrolled', '在校', /在校|enrolled/);
export const OrHigher = keyword('OrHigher', '及以上', /及以上|or-higher/);
export const Target = keyword('Target', '目标', /目标|target/);
export const InclFinalYear = keyword('InclFinalYear', '含应届', /含应届|incl-final-year/);
export const LevelKw = keyword('Level', 'level', /level/);
export const And = keyword('And', '且', /并且|且|and/);
export const Or = keyword('Or', '或', /或|or/);
export const Not = keyword('Not', '非', /非|not/);

export const LParen = createToken({ name: 'LParen', label: '(', pattern: /[(（]/ });
export const RParen = createToken({ name: 'RParen', label: ')', pattern: /[)）]/ });
export const Slash = createToken({ name: 'Slash', label: '/', pattern: /[/／]/ });
export const GreaterEq = createToken({ name: 'GreaterEq', label: '>=', pattern: />=|≥/ });
export const LessEq = createToken({ name: 'LessEq', label: '<=', pattern: /<=|≤/ });
export const Greater = createToken({ name: 'Greater', label: '>', pattern: />/ });
export const Less = createToken({ name: 'Less', label: '<', pattern: /</ });
export const Equal = createToken({ name: 'Equal', label: '=', pattern: /=/ });
export const NumberLit = createToken({ name: 'Number', label: '数字 number', pattern: /\d+(?:\.\d+)?/ });

export const allTokens: TokenType[] = [
  WhiteSpace,
  ScopeSameOrRelatedMajor,
  ScopeSameOrRelated,
  ScopeSameMajor,
  ScopeRelatedMajor,
  ScopeSame,
  ScopeRelated,
  CumulativeExperience,
  ContinuousExperience,
  Cumulative,
  Continuous,
  ExperienceKw,
  After,
  AfterEnd,
  HoldsKw,
  TrainingKw,
  Completed,
  ExamPassed,
  ApprenticeshipKw,
  Graduated,
  Degree,
  Enrolled,
  OrHigher,
  Target,
  InclFinalYear,
  LevelKw,
  And,
  Or,
  Not,
  LParen,
  RParen,
  Slash,
  GreaterEq,
  LessEq,
  Greater,
  Less,
  Equal,
  NumberLit,
  Name,
  Identifier,
];

// One lexer for the process: building it validates every pattern, which is not free.
export const lexer = new Lexer(allTokens, { positionTracking: 'full', ensureOptimizations: false });
