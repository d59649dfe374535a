// Checking a rules directory for the CLI: diagnostics collected, not printed. Used by `zige check`
// (through the check-result cache, cli/check-cache.ts), `compile`, `test` and `eval --rules`.
import { checkRules, type InputRecorder, type RuleSet } from '../compiler/check-rules.js';
import { DiagnosticSink, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { recordSchemaInputs } from '../compiler/profile/validators.js';
import { bundledRulesDir } from '../compiler/load/package-root.js';
import { checkSchemaComments } from '../compiler/load/schema-comment.js';
import { display, type CheckOutcome } from './output.js';

export interface CollectOptions {
  /** Also the editor schema line of every rule file (`zige check`). */
  schemaComments?: boolean;
  /** Receives every file-system read the check makes. */
  inputs?: InputRecorder;
}

/** Checks a rules directory (default: the bundled rules), collecting (not printing) its diagnostics. */
export function collectRules(dir: string | undefined, options: CollectOptions = {}): { rules?: RuleSet; diagnostics: Diagnostic[] } {
  const root = dir ?? bundledRulesDir();
  const sink = new DiagnosticSink();
  const rules = checkRules(root, sink, display, options.inputs);
  if (options.schemaComments) sink.items.push(...checkSchemaComments(root, display, options.inputs));
  // The validators that checked the files depend on the schema files (compiler/profile/validators.ts).
  if (options.inputs) recordSchemaInputs(options.inputs);
  return { rules: rules && !sink.hasErrors ? rules : undefined, diagnostics: sink.items };
}

/** `zige check` of a directory as data. */
export function checkOutcome(dir: string | undefined, inputs?: InputRecorder): CheckOutcome {
  const { rules, diagnostics } = collectRules(dir, { schemaComments: true, inputs });
  if (!rules) return { diagnostics, ok: false, files: 0, clauses: 0 };
  const clauses = rules.occupations.reduce((n, o) => n + o.clauses.length, 0);
  return { diagnostics, ok: true, files: rules.occupations.length, clauses };
}
