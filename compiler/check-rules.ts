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
    return parseVocabulary(text);
  } catch (e) {
    const refused = refusedFile(file, e);
    if (refused) {
      sink.report(refused);
      return undefined;
    }
    const own = e instanceof VocabularyError ? e.diagnostic : undefined;
    // An entry's field: at its line and column (computed only now, for the error).
    const range = e instanceof VocabularyError && e.pointer !== undefined && text !== undefined ? vocabularyRange(text, e.pointer) : undefined;
    sink.report({ code: own?.code ?? 'E_VOCABULARY', file, ...(range ? { range } : {}), args: own?.args ?? { detail: (e as Error).message } });
    return undefined;
  }
}

function vocabularyRange(text: string, pointer: string): Range {
  const { doc, lineCounter } = parseYaml(text);
  return valueRange({ doc, lineCounter, text }, pointer);
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
