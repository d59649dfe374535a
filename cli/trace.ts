// `zige trace [DIR] [--json]`: every numbered clause of the source documents, once, with the rule
// clauses that encode it (compiler/trace.ts does the work). Exit 0 when every clause is encoded
// exactly once (or deliberately not encoded), 1 otherwise or when the rules do not check.
import { join } from 'node:path';
import { checkRules } from '../compiler/check-rules.js';
import { DiagnosticSink, fileError } from '../compiler/diagnostics/diagnostics.js';
import { displayWidth } from '../compiler/diagnostics/render.js';
import { sanitize } from '../compiler/diagnostics/sanitize.js';
import { traceSources, type TraceRow } from '../compiler/trace.js';
import { bundledRulesDir } from '../compiler/load/package-root.js';
import { display, printDiagnostics, type Io } from './output.js';
import type { OutputLang } from '../runtime/words.js';

/** Source text wider than this many terminal columns is cut with `…` in the table. */
const TEXT_WIDTH = 40;

export function runTrace(opts: { dir?: string; json: boolean; lang: OutputLang }, io: Io): number {
  const dir = opts.dir ?? bundledRulesDir();
  const sink = new DiagnosticSink();
  const rules = checkRules(dir, sink, display);
  if (!rules || sink.hasErrors) {
    printDiagnostics(sink.items, io, opts.lang);
    return 1;
  }
  const sources = new Map<string, string>();
  for (const occ of rules.occupations) {
    const file = occ.source?.file;
    if (file === undefined || sources.has(file)) continue; // several rule files may share one document
    if (occ.source?.text !== undefined) {
      sources.set(file, occ.source.text); // inline source text
      continue;
    }
    const path = join(dir, file);
    try {
      sources.set(file, io.readFile(path));
    } catch (e) {
      sink.report(fileError('E_READ', display(path), e));
    }
  }
  const result = traceSources({ sources, occupations: rules.occupations, display: (f) => display(join(dir, f)) });
  const diagnostics = [...sink.items, ...result.diagnostics];
  if (opts.json) {
    io.out(
      JSON.stringify(
        result.rows.map((r) => ({
          section: r.section,
          level: r.level,
          clause: r.clause,
          ...(r.layout ? { layout: r.layout } : {}),
          text: r.text,
          ...(r.cut ? { cut: true } : {}),
          rules: r.rules,
          ...(r.notEncoded ? { notEncoded: r.notEncoded } : {}),
          sourceFile: r.sourceFile,
          sourceLine: r.sourceLine,
        })),
        null,
        2,
      ),
    );
  } else {
    io.out(formatTable(result.rows, opts.lang, (f) => display(join(dir, f))));
  }
  printDiagnostics(diagnostics, io, opts.lang);
  return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

const HEADERS = {
  zh: ['章节', '等级', '条', '来源原文', '规则条款', '位置'],
  en: ['section', 'level', '#', 'source text', 'rule clause', 'file:line'],
};

/** One line per source clause (a further line per extra rule clause), columns padded by width. */
export function formatTable(rows: TraceRow[], lang: OutputLang, show: (file: string) => string): string {
  const zh = lang !== 'en';
  const table: string[][] = [HEADERS[zh ? 'zh' : 'en']];
  for (const r of rows) {
    const lead = [r.section, r.levelHeading || '—', clauseLabel(r), truncate(r.text.replace(/\s*\n\s*/g, ''), TEXT_WIDTH)];
    if (r.rules.length > 0) {
      r.rules.forEach((rule, i) => table.push([...(i === 0 ? lead : ['', '', '', '']), rule.id, `${show(rule.file)}:${rule.line}`]));
    } else if (r.notEncoded) {
      table.push([...lead, `${zh ? '不编码' : 'not encoded'}: ${r.notEncoded.reason.replace(/\s+/g, ' ')}`, `${show(r.notEncoded.file)}:${r.notEncoded.line}`]);
    } else {
      table.push([...lead, zh ? '✗ 未编码' : '✗ not encoded', '']);
    }
  }
  // Source documents and rule files are text from elsewhere: every cell sanitised, then measured.
  const cells = table.map((row) => row.map(sanitize));
  const widths = cells[0].map((_, c) => Math.max(...cells.map((row) => displayWidth(row[c]))));
  const lines = cells.map((row) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : cell + ' '.repeat(widths[c] - displayWidth(cell))))
      .join('  ')
      .trimEnd(),
  );
  const encoded = rows.filter((r) => r.rules.length > 0).length;
  const skipped = rows.filter((r) => r.rules.length === 0 && r.notEncoded).length;
  const missing = rows.length - encoded - skipped;
  const summaryZh = `${rows.length} 条来源条款：${encoded} 条已编码，${skipped} 条有意不编码，${missing} 条未编码`;
  const summaryEn = `${rows.length} source clauses: ${encoded} encoded, ${skipped} not encoded on purpose, ${missing} missing`;
  lines.push(lang === 'zh' ? summaryZh : lang === 'en' ? summaryEn : `${summaryZh} / ${summaryEn}`);
  return lines.join('\n');
}

/** The clause column: its printed number, `¶2` for the second unnumbered paragraph, `↦1` for a sourceMap passage; `✂` when cut. */
function clauseLabel(r: TraceRow): string {
  const mark = r.layout === 'paragraph' ? '¶' : r.layout === 'mapped' ? '↦' : '';
  return `${mark}${r.clause}${r.cut ? ' ✂' : ''}`;
}

function truncate(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = '';
  for (const ch of s) {
    if (displayWidth(out + ch) > width - 1) break;
    out += ch;
  }
  return `${out}…`;
}
