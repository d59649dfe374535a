// The check stage of one rule file from text, without the file system: the file's text, the
// vocabulary's text and the texts of the source documents it may cite are arguments. The same
// loading and passes as `zige check` (checkRuleFile); used by the site's playground in a browser.
import type { CheckedOccupation } from './checked.js';
import { checkRuleFile } from './check-rules.js';
import { compareDiagnostics, DiagnosticSink, type Diagnostic } from './diagnostics/diagnostics.js';
import { parseVocabulary, VocabularyError, type VocabularyIndex } from './load/vocabulary.js';
import type { SourceContent } from './passes/rule-file-check.js';

export interface RuleTextInput {
  /** The rule file's name, as diagnostics show it. */
  file: string;
  text: string;
  vocabulary: string;
  /** Source documents by their path relative to the rules directory (`sources/…txt`). */
  sources?: Readonly<Record<string, string>>;
}

/** A virtual rules directory: source paths are joined to it and read from `sources`. */
const DIR = 'rules';

/**
 * The last vocabulary parsed, by its text: an editor checks the same rule file on every keystroke
 * with the same vocabulary, whose parsing would otherwise cost as much as the check itself.
 */
let lastVocabulary: { text: string; index: VocabularyIndex } | undefined;

function vocabularyOf(text: string): VocabularyIndex {
  if (lastVocabulary?.text !== text) lastVocabulary = { text, index: parseVocabulary(text) };
  return lastVocabulary.index;
}

/** The diagnostics of one rule file (sorted as `zige check` prints them), and its occupation when it has no error. */
export function checkRuleText(input: RuleTextInput): { occupation?: CheckedOccupation; diagnostics: Diagnostic[] } {
  const sink = new DiagnosticSink();
  let vocabulary;
  try {
    vocabulary = vocabularyOf(input.vocabulary);
  } catch (e) {
    const own = e instanceof VocabularyError ? e.diagnostic : undefined;
    sink.report({ code: own?.code ?? 'E_VOCABULARY', file: 'vocabulary.yaml', args: own?.args ?? { detail: (e as Error).message } });
    return { diagnostics: sink.items };
  }
  const sources = new Map<string, SourceContent>();
  for (const [path, text] of Object.entries(input.sources ?? {})) sources.set(`${DIR}/${path}`, text);
  const occupation = checkRuleFile({ dir: DIR, file: input.file, display: input.file, text: input.text, vocabulary, sources, sink });
  return { ...(occupation ? { occupation } : {}), diagnostics: [...sink.items].sort(compareDiagnostics) };
}
