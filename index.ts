// zige as a library: `import { check, compile, evaluate } from 'zige'`. The same stages as the
// CLI (docs/api.md): parse and print expressions, check a rules directory into diagnostics as
// data, compile to module text, evaluate an applicant, format rule files, render diagnostics.
// Generated evaluators of the bundled rules: `zige/evaluators` and `zige/evaluators/<id>`;
// the runtime they import: `zige/runtime`.
import { join } from 'node:path';
import { checkRules, type RuleSet } from './compiler/check-rules.js';
import type { CheckedOccupation } from './compiler/checked.js';
import { compileToStrings, type CompileOptions, type OutputFile } from './compiler/generate/compile.js';
import { DiagnosticSink, type Diagnostic } from './compiler/diagnostics/diagnostics.js';
import { instantiate } from './compiler/generate/instantiate.js';
import { packageRoot } from './compiler/load/package-root.js';
import { checkSchemaComments } from './compiler/load/schema-comment.js';
import { evaluateOccupation, normalizeName, type EvaluateOptions, type ExplainedLevelResult, type LevelResult, type Profile } from './runtime/index.js';

// Grammar: text ⇄ AST.
export { parseExpression, printExpression, type ParseResult, type GrammarDiagnostic, type PrintOptions } from './grammar/index.js';
export type * from './grammar/ast.js';

// Diagnostics: data, messages, rendering.
export { DiagnosticSink, type Diagnostic, type Position, type Range, type Severity } from './compiler/diagnostics/diagnostics.js';
export { formatMessage } from './compiler/diagnostics/messages.js';
export type { MessageLang, OutputLang } from './runtime/words.js';
export { renderDiagnostic, type RenderOptions } from './compiler/diagnostics/render.js';
export {
  diagnosticsDocument,
  githubAnnotation,
  type DiagnosticsDocument,
  type JsonDiagnostic,
  type OutputFormat,
} from './compiler/diagnostics/diagnostic-formats.js';

// Rules: checking, compiling, formatting.
export type { RuleSet } from './compiler/check-rules.js';
export type { CheckedOccupation, CheckedClause, CheckedTest } from './compiler/checked.js';
export type { Level } from './runtime/words.js';
export { writeOutput, OutputError, type CompileOptions, type OutputFile } from './compiler/generate/compile.js';
export { formatRuleText, type FormatOptions, type FormatResult } from './compiler/format.js';
export { convertExpression, langTables } from './compiler/expression-lang.js';
/** The language `convertExpression` writes; the same type as MessageLang. */
export type { MessageLang as ExprLang } from './runtime/words.js';
export { parseVocabulary, type VocabularyIndex } from './compiler/load/vocabulary.js';
export { loadProfile } from './compiler/profile/load-profile.js';
export { instantiate } from './compiler/generate/instantiate.js';

// Evaluation (the runtime generated modules import).
export {
  evaluateOccupation,
  evaluateProfile,
  addWarnings,
  ProfileError,
  EvaluationError,
  type CompiledOccupation,
  type EvaluateOptions,
  type LevelResult,
  type ExplainedLevelResult,
  type Evaluation,
  type Warning,
  type ClauseResult,
  type Status,
  type Profile,
} from './runtime/index.js';

/** The rules shipped with the package (rules/ at the package root). */
export function bundledRulesDir(): string {
  return join(packageRoot(), 'rules');
}

export interface CheckResult {
  /** Every problem found, errors and warnings, in discovery order. */
  diagnostics: Diagnostic[];
  errors: number;
  warnings: number;
  /** The checked rules; undefined when there are errors. */
  rules?: RuleSet;
}

/**
 * Checks a rules directory (default: the bundled rules) as `zige check` does: rule files, the
 * vocabulary, citations, expressions and each file's editor schema line. Never throws for bad
 * rules: problems come back as diagnostics.
 */
export function check(dir: string = bundledRulesDir()): CheckResult {
  const sink = new DiagnosticSink();
  const rules = checkRules(dir, sink);
  sink.items.push(...checkSchemaComments(dir));
  const errors = sink.items.filter((d) => d.severity === 'error').length;
  return { diagnostics: sink.items, errors, warnings: sink.items.length - errors, ...(rules && errors === 0 ? { rules } : {}) };
}

/** Thrown by `loadRules` when the rules have errors; carries them. */
export class RulesError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(`rules have ${diagnostics.filter((d) => d.severity === 'error').length} error(s); first: ${diagnostics.find((d) => d.severity === 'error')?.code ?? '?'}`);
    this.name = 'RulesError';
  }
}

/** The checked rules of a directory (default: the bundled rules); throws RulesError on errors. */
export function loadRules(dir: string = bundledRulesDir()): RuleSet {
  const sink = new DiagnosticSink();
  const rules = checkRules(dir, sink);
  if (!rules || sink.hasErrors) throw new RulesError(sink.items);
  return rules;
}

/** Generated modules as text: one per occupation (and version) plus index, TypeScript by default. */
export function compile(rules: RuleSet | string = bundledRulesDir(), options: CompileOptions = {}): OutputFile[] {
  const set = typeof rules === 'string' ? loadRules(rules) : rules;
  return compileToStrings(set.occupations, options);
}

/** Occupations of a rule set named by id, name or alias (every version of it). */
export function findOccupations(rules: RuleSet, query: string): CheckedOccupation[] {
  const q = normalizeName(query);
  return rules.occupations.filter((o) => [o.id, o.name, ...o.aliases].some((n) => normalizeName(n) === q));
}

/**
 * Evaluates one applicant for a checked occupation, level by level (五级 first), with the code
 * `zige compile` generates. `options.asOf` is required: evaluation never reads the clock.
 * A `relation` given as one value is allowed (one occupation is judged).
 */
export function evaluate(occupation: CheckedOccupation, profile: Profile, options: EvaluateOptions & { explain: false }): LevelResult[];
export function evaluate(occupation: CheckedOccupation, profile: Profile, options: EvaluateOptions & { explain?: true }): ExplainedLevelResult[];
export function evaluate(occupation: CheckedOccupation, profile: Profile, options: EvaluateOptions): LevelResult[] | ExplainedLevelResult[];
export function evaluate(occupation: CheckedOccupation, profile: Profile, options: EvaluateOptions): LevelResult[] | ExplainedLevelResult[] {
  return evaluateOccupation(instantiate(occupation), profile, { single: true, ...options });
}
