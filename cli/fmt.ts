// `zige fmt [--check] [--lang zh|en] [PATHS]`: canonical expressions in rule files
// (compiler/format.ts does the work). A directory means its rule files (*.yaml, *.yml, the
// vocabulary excepted); default: the bundled rules. Files are replaced atomically.
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { listRuleFiles, loadVocabulary, vocabularyPath } from '../compiler/check-rules.js';
import { writeFileAtomic } from '../compiler/generate/atomic-write.js';
import { readText, refusedFile } from '../compiler/load/check-inputs.js';
import { sanitize } from '../compiler/diagnostics/sanitize.js';
import { DiagnosticSink, fileError } from '../compiler/diagnostics/diagnostics.js';
import { EncodingError, encodingDiagnostic } from '../compiler/load/encoding.js';
import { formatRuleText } from '../compiler/format.js';
import type { VocabularyIndex } from '../compiler/load/vocabulary.js';
import { bundledRulesDir } from '../compiler/load/package-root.js';
import { display, printDiagnostics, type Io } from './output.js';
import type { MessageLang, OutputLang } from '../runtime/words.js';

export interface FmtOptions {
  paths: string[];
  /** Only report files that are not formatted (exit 1 if any); write nothing. */
  check: boolean;
  /** Convert keywords, names and units to this language; default: keep each file's. */
  lang?: MessageLang;
  /** Language of diagnostics. */
  messages: OutputLang;
}

export function runFmt(opts: FmtOptions, io: Io): number {
  const sink = new DiagnosticSink();
  const files: string[] = [];
  for (const p of opts.paths.length > 0 ? opts.paths : [bundledRulesDir()]) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      sink.report(fileError('E_READ', display(p), e));
      continue;
    }
    if (isDir) files.push(...listRuleFiles(p).map((f) => join(p, f)));
    else files.push(p);
  }

  const vocabularies = new Map<string, VocabularyIndex | undefined>();
  const vocabularyFor = (file: string): VocabularyIndex | undefined => {
    const path = vocabularyPath(dirname(resolve(file)));
    if (!vocabularies.has(path)) vocabularies.set(path, loadVocabulary(path, sink));
    return vocabularies.get(path);
  };

  const unformatted: string[] = [];
  let written = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readText(file);
    } catch (e) {
      // Not UTF-8 (GBK, UTF-16) or too large: never rewritten, which would replace its characters.
      sink.report(refusedFile(display(file), e) ?? fileError('E_READ', display(file), e));
      continue;
    }
    const vocabulary = opts.lang ? vocabularyFor(file) : undefined;
    if (opts.lang && !vocabulary) continue;
    const result = formatRuleText(text, { lang: opts.lang, vocabulary, file: display(file) });
    sink.items.push(...result.diagnostics);
    if (!result.changed) continue;
    unformatted.push(display(file));
    if (opts.check) {
      io.out(sanitize(display(file)));
    } else {
      try {
        writeFileAtomic(file, result.text);
      } catch (e) {
        sink.report(fileError('E_WRITE', display(file), e));
        continue;
      }
      written++;
      io.out(sanitize(`已格式化 formatted: ${display(file)}`));
    }
  }

  printDiagnostics(sink.items, io, opts.messages);
  if (opts.check && unformatted.length > 0) {
    io.err(`${unformatted.length} 个文件未格式化（运行 zige fmt 修正）/ ${unformatted.length} file(s) not formatted (run zige fmt)`);
    return 1;
  }
  if (sink.hasErrors) return 1;
  if (opts.check) io.out(`✓ ${files.length} 个文件格式规范 / ${files.length} file(s) formatted`);
  else io.out(`✓ ${files.length} 个文件，已格式化 ${written} 个 / ${files.length} file(s), ${written} reformatted`);
  return 0;
}
