// The check stage over a rules directory: the vocabulary, then each rule file loaded (YAML and
// schema) and run through the rule-file passes, then the passes across files (compiler/passes/
// index.ts lists them in order). Collects every problem into the sink.
import { join } from 'node:path';
import type { Document } from 'yaml';
import type { CheckedOccupation } from './checked.js';
import { fileError, type DiagnosticSink, type Range } from './diagnostics/diagnostics.js';
import { packageRoot } from './load/package-root.js';
import { isFile, listRuleFiles, readText, refusedFile, VOCABULARY_FILE, type InputRecorder } from './load/check-inputs.js';
import { loadRuleFile, valueRange, type RuleFileData } from './load/load-rule-file.js';
import { buildOccupation } from './passes/build-occupation.js';
import { RULE_FILE_PASSES, RULE_SET_PASSES } from './passes/index.js';
import { RuleFileCheck, type FileContext } from './passes/rule-file-check.js';
import { parseVocabulary, VocabularyError, type VocabularyIndex } from './load/vocabulary.js';
import { parseYaml } from './load/yaml-positions.js';
import { yamlDiagnostic } from './load/yaml-problem.js';

export { listRuleFiles, VOCABULARY_FILE, type InputRecorder };

export interface RuleSet {
  dir: string;
  vocabulary: VocabularyIndex;
  occupations: CheckedOccupation[];
}

/** Where the vocabulary is: the rules directory's own, else the bundled one. */
export function vocabularyPath(dir: string, inputs?: InputRecorder): string {
  const own = join(dir, VOCABULARY_FILE);
  return isFile(own, inputs) ? own : bundledVocabularyPath();
}

export function bundledVocabularyPath(): string {
  return join(packageRoot(), 'rules', VOCABULARY_FILE);
}

export function loadVocabulary(file: string, sink: DiagnosticSink, inputs?: InputRecorder): VocabularyIndex | undefined {
  let text: string | undefined;
  try {
    text = readText(file, inputs);
  } catch (e) {
    sink.report(refusedFile(file, e) ?? fileError('E_READ', file, e));
    return undefined;
  }
  const parsed = parseYaml(text);
  for (const p of parsed.problems) sink.report(yamlDiagnostic(file, text, parsed.lineCounter, p));
  if (parsed.problems.length > 0) return undefined;
  try {
    return parseVocabulary(text);
  } catch (e) {
    if (!(e instanceof VocabularyError)) throw e;
    // At the entry's field (the file's start when the problem is the whole file's).
    const src = { doc: parsed.doc, lineCounter: parsed.lineCounter, text };
    const range = valueRange(src, e.pointer ?? '');
    const args: Record<string, string> = { ...(e.diagnostic?.args ?? { detail: e.message }) };
    // A duplicate names the line of the first declaration.
    if (e.diagnostic?.code === 'E_VOCABULARY_DUPLICATE' && args.line !== undefined) args.line = String(valueRange(src, args.line).start.line);
    sink.report({ code: e.diagnostic?.code ?? 'E_VOCABULARY', file, range, args });
    return undefined;
  }
}

/**
 * Checks every rule file of a directory. With `inputs`, every file-system read is reported to it
 * (the check-result cache's manifest).
 */
export function checkRules(dir: string, sink: DiagnosticSink, display: (f: string) => string = (f) => f, inputs?: InputRecorder): RuleSet | undefined {
  let files: string[];
  try {
    files = listRuleFiles(dir, inputs);
  } catch (e) {
    sink.report(fileError('E_READ', display(dir), e));
    return undefined;
  }
  const vocabulary = loadVocabulary(vocabularyPath(dir, inputs), sink, inputs);
  if (!vocabulary) return undefined;
  if (files.length === 0) {
    sink.report({ code: 'E_NO_RULES', file: display(dir), args: { dir: display(dir) } });
    return undefined;
  }
  const sources: FileContext['sources'] = new Map();
  const occupations: CheckedOccupation[] = [];
  for (const f of files) {
    const path = join(dir, f);
    let text: string;
    try {
      text = readText(path, inputs);
    } catch (e) {
      sink.report(refusedFile(display(path), e) ?? { code: 'E_READ', file: display(path), args: { file: display(path), detail: String(e) } });
      continue;
    }
    const checked = checkRuleFile({ dir, file: f, display: display(path), text, vocabulary, sources, sink, inputs });
    if (checked) occupations.push(checked);
  }
  for (const pass of RULE_SET_PASSES) pass.run(occupations, sink, (f) => display(join(dir, f)));
  return { dir, vocabulary, occupations };
}

/** Checks one rule file: loaded (YAML, schema), then every rule-file pass; the occupation when no error was found. */
export function checkRuleFile(ctx: FileContext): CheckedOccupation | undefined {
  const errors = (): number => ctx.sink.items.filter((d) => d.severity === 'error').length;
  const errorsBefore = errors();
  const loaded = loadRuleFile(ctx.display, ctx.text, ctx.sink);
  if (!loaded) return undefined;
  const f = new RuleFileCheck(ctx, loaded);
  for (const pass of RULE_FILE_PASSES) pass.run(f);
  return errors() > errorsBefore ? undefined : buildOccupation(f);
}

export type { RuleFileData, Document };
