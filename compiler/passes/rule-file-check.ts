// What the passes over one rule file share: the loaded file, positions by YAML path, the cited
// source document, expression checking, and the checked parts the passes build up.
import { isScalar, type LineCounter, type Node } from 'yaml';
import { parseExpression, printExpression } from '../../grammar/index.js';
import type { CheckedClause, CheckedOccupation, CheckedTest } from '../checked.js';
import type { DiagnosticSink, Range } from '../diagnostics/diagnostics.js';
import type { InputRecorder } from '../load/check-inputs.js';
import type { EncodingProblem } from '../load/encoding.js';
import type { FileTooLargeError } from '../load/read-bounded.js';
import type { Cond } from '../ir.js';
import type { LoadedRuleFile, RuleFileData } from '../load/load-rule-file.js';
import type { VocabularyIndex } from '../load/vocabulary.js';
import { nodeAtPath, rangeOfOffsets, scalarSpanRange } from '../load/yaml-positions.js';
import type { Level } from '../../runtime/words.js';
import { resolveExpression, type ExprDiagnostic } from './resolve-expression.js';
import type { DiagnosticCode } from '../diagnostics/messages.js';
import { indexInPolicyText, metadataSpans } from '../source/read-document.js';

/** A source document as read: its text, why it is not UTF-8 or too large, or null when it cannot be read. */
export type SourceContent = string | EncodingProblem | FileTooLargeError | null;

/** A path into a rule file's YAML (keys and indexes). */
export type YamlPath = (string | number)[];

export interface FileContext {
  dir: string;
  /** Path relative to the rules directory. */
  file: string;
  /** Path as shown in diagnostics. */
  display: string;
  text: string;
  vocabulary: VocabularyIndex;
  /** Source documents by path, read once per run: the text, why it was refused, or null when it cannot be read. */
  sources: Map<string, SourceContent>;
  sink: DiagnosticSink;
  /** Receives the reads of source documents. */
  inputs?: InputRecorder;
}

export class RuleFileCheck {
  readonly data: RuleFileData;
  readonly levels: Level[];
  /** The levels the file declares, for membership tests. */
  readonly declared: Set<number>;
  /** The cited source document's path (as the checked occupation records it) and text, null when unreadable. */
  source: { name: string; path: string; text: string | null } = { name: '', path: '', text: null };
  education: CheckedOccupation['education'] = null;
  readonly preconditions: CheckedOccupation['preconditions'] = [];
  readonly clauses: CheckedClause[] = [];
  readonly tests: CheckedTest[] = [];

  constructor(
    readonly ctx: FileContext,
    private readonly loaded: LoadedRuleFile,
  ) {
    this.data = loaded.data;
    this.levels = loaded.data.levels as Level[];
    this.declared = new Set<number>(this.levels);
  }

  /** The range of the YAML node at `path`. */
  at(path: YamlPath): Range | undefined {
    const n = nodeAtPath(this.loaded.doc, path);
    return n?.range ? rangeOfOffsets(this.loaded.lineCounter, this.ctx.text, n.range[0], n.range[1]) : undefined;
  }

  lineOf(path: YamlPath): number {
    return this.at(path)?.start.line ?? 0;
  }

  report(code: DiagnosticCode, path: YamlPath, args: Record<string, string | number>, severity?: 'warning'): void {
    this.ctx.sink.report({ code, file: this.ctx.display, range: this.at(path), args, ...(severity ? { severity } : {}) });
  }

  /**
   * A sentence the rule file quotes must be in its source document, word for word: in the policy
   * text, not only in the stored copy's notes (metadata header, separators, `[…]` notes), and not
   * across a cut page (U+FFFD).
   */
  cite(sentence: string, path: YamlPath): void {
    const text = this.source.text;
    if (text === null) return;
    if (sentence.includes('\uFFFD')) this.report('E_SOURCE_CUT', path, {});
    else if (!text.includes(sentence)) {
      // （） for (), ： for :, a full-width digit: say which character differs.
      const width = widthDifference(text, sentence);
      if (width) this.report('E_SOURCE_WIDTH', path, { file: this.source.name, ...width });
      else this.report('E_SOURCE_MISSING', path, { file: this.source.name });
    }
    else if (!this.inPolicyText(text, sentence)) this.report('E_SOURCE_METADATA', path, { file: this.source.name });
  }

  private spans: { text: string; spans: [number, number][] } | undefined;

  /** Whether some occurrence of `sentence` lies outside the document's metadata spans. */
  private inPolicyText(text: string, sentence: string): boolean {
    if (this.spans?.text !== text) this.spans = { text, spans: metadataSpans(text) };
    return indexInPolicyText(text, sentence, this.spans.spans) >= 0;
  }

  /** The `when:` expression at `path`, parsed and resolved (its problems positioned in the file). */
  expression(path: YamlPath, gate: boolean, clauseLevel?: number): { cond: Cond; when: string } | undefined {
    const node = nodeAtPath(this.loaded.doc, path);
    const parsed = parseExpression(String(getIn(this.data, path)));
    const problems: ExprDiagnostic[] = [...parsed.diagnostics];
    let cond: Cond | undefined;
    if (parsed.ast) cond = resolveExpression(parsed.ast, { vocabulary: this.ctx.vocabulary, levels: this.levels, gate, ...(clauseLevel !== undefined ? { clauseLevel } : {}) }, problems);
    for (const p of problems) {
      this.ctx.sink.report({
        code: p.code,
        file: this.ctx.display,
        range: expressionRange(node, this.ctx.text, this.loaded.lineCounter, p.range),
        args: p.args,
        ...(p.suggestions ? { suggestions: p.suggestions } : {}),
        ...(p.warning ? { severity: 'warning' as const } : {}),
      });
    }
    if (!parsed.ast || !cond) return undefined;
    return { cond, when: printExpression(parsed.ast) };
  }
}

/** Each character folded to its half-width form where that is one character (（ → (, ： → :, ３ → 3). */
function foldWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFKC');
    out += [...folded].length === 1 && folded.length === ch.length ? folded : ch;
  }
  return out;
}

/**
 * Where a sentence not in the document differs from it only in full-width/half-width forms: the
 * first such character (1-based, in code points), as written and as printed.
 */
function widthDifference(document: string, sentence: string): { column: number; written: string; printed: string } | undefined {
  const at = foldWidth(document).indexOf(foldWidth(sentence));
  if (at < 0) return undefined;
  const printed = [...document.slice(at, at + sentence.length)];
  const written = [...sentence];
  const i = written.findIndex((ch, k) => ch !== printed[k]);
  return i < 0 ? undefined : { column: i + 1, written: written[i], printed: printed[i] };
}

function getIn(data: unknown, path: YamlPath): unknown {
  let cur: unknown = data;
  for (const key of path) cur = (cur as Record<string | number, unknown>)?.[key];
  return cur;
}

/** Maps offsets inside an expression string to a range in the YAML file. */
function expressionRange(node: Node | null | undefined, text: string, lc: LineCounter, r: { start: number; end: number }): Range | undefined {
  if (!node || !isScalar(node) || !node.range) return undefined;
  return scalarSpanRange(lc, text, node, r.start, r.end);
}
