// Reading source documents as printed (compiler/source/read-document.ts, what `zige trace` and the
// citation check run): each stored text, and documents of the largest size a source may have
// (1 MiB): the Guizhou summary repeated, and one clause running on over every line (a clause's
// text is re-sliced at each continuation line: this shows that stays linear).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_RULES_INPUT_BYTES } from '../compiler/load/read-bounded.js';
import { readDocument } from '../compiler/source/read-document.js';
import { consume, stats, type Stats } from './measure.js';

export interface TraceReadSize {
  name: string;
  /** UTF-8 bytes and lines of the document. */
  bytes: number;
  lines: number;
  clauses: number;
  ms: Stats;
}

const SOURCES = ['guizhou-2023-09-registration-conditions.txt', 'tianjin-2024-competition-promotion.txt', 'beijing-chaoyang-2023-skill-upgrade-subsidy.txt', 'evaluation-org-2022-09-notice.txt'];

/** `text` repeated up to `bytes` UTF-8 bytes, cut at a line end. */
function upTo(text: string, bytes: number): string {
  let out = text.repeat(Math.ceil(bytes / Buffer.byteLength(text)));
  while (Buffer.byteLength(out) > bytes) out = out.slice(0, out.lastIndexOf('\n', out.length - 2) + 1);
  return out;
}

export function traceReadBench(rulesDir: string, rounds: number): TraceReadSize[] {
  const docs: [string, string][] = SOURCES.map((f) => [f, readFileSync(join(rulesDir, 'sources', f), 'utf8')]);
  docs.push(['the Guizhou summary repeated to 1 MiB', upTo(docs[0][1], MAX_RULES_INPUT_BYTES)]);
  docs.push(['one clause over every line of 1 MiB', `一、样例\n五级\n1. ${upTo('累计从事本职业或相关职业工作1年(含)以上，\n', MAX_RULES_INPUT_BYTES - 64)}`]);
  return docs.map(([name, text]) => {
    const count = (): number => {
      const doc = readDocument(name, text);
      return doc.sections.reduce((n, s) => n + s.loose.length + [...s.levels.values()].reduce((m, l) => m + l.clauses.length, 0), 0);
    };
    const clauses = count(); // warm-up
    const samples: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const t0 = performance.now();
      consume(count());
      samples.push(performance.now() - t0);
    }
    return { name, bytes: Buffer.byteLength(text), lines: text.split('\n').length, clauses, ms: stats(samples) };
  });
}
