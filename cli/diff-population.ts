// The population of `zige diff --population FILE`: JSON lines or CSV (a `profile` column), read
// with the batch reader of `zige eval --batch` (cli/batch-input.ts, cli/csv-input.ts): every
// record numbered by its line, a record that cannot be read skipped with its first error.
import { closeSync, openSync } from 'node:fs';
import { DiagnosticSink, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { loadProfile, MAX_PROFILE_BYTES } from '../compiler/profile/load-profile.js';
import type { Profile } from '../runtime/index.js';
import { csvPieces, profileColumn } from './batch-csv.js';
import { chunks } from './batch-input.js';
import { decodeUtf8, linesNotUtf8, splitRecords } from './batch-worker.js';
import { encodingDiagnostic } from '../compiler/load/encoding.js';
import { readCsv } from './csv-input.js';

export type PopulationRecord = { line: number; profile: Profile } | { line: number; error: Omit<Diagnostic, 'severity'> };

function read(line: number, text: string, shown: string): PopulationRecord {
  const sink = new DiagnosticSink();
  if (!/^\s*\{/.test(text)) return { line, error: { code: 'E_PROFILE_PARSE', file: `${shown}:${line}`, path: '', args: { detail: 'a population line must hold one JSON object' } } };
  const profile = loadProfile(`${shown}:${line}`, text, sink);
  const first = sink.items.find((d) => d.severity === 'error');
  return profile && !first ? { line, profile } : { line, error: first ?? { code: 'E_PROFILE_PARSE', args: { detail: 'invalid' } } };
}

async function* jsonLines(path: string, shown: string, stdin: NodeJS.ReadableStream): AsyncGenerator<PopulationRecord> {
  for await (const chunk of chunks(path, stdin)) {
    const bad = linesNotUtf8(chunk.bytes, chunk.firstLine);
    const { lines, texts } = splitRecords(decodeUtf8(chunk.bytes, false), chunk.firstLine);
    for (let k = 0; k < lines.length; k++) {
      const problem = bad?.get(lines[k]);
      if (problem) yield { line: lines[k], error: { ...encodingDiagnostic(`${shown}:${lines[k]}`, { ...problem, line: 1 }), path: '' } };
      else yield read(lines[k], texts[k], shown);
    }
  }
}

function* csvRecords(path: string, shown: string): Generator<PopulationRecord> {
  const fd = openSync(path, 'r');
  try {
    const records = readCsv(fd, { maxRecordBytes: MAX_PROFILE_BYTES });
    const column = profileColumn(records.next(), shown);
    if (typeof column !== 'number') {
      yield { line: 1, error: column };
      return;
    }
    for (const { records: r } of csvPieces(records, column)) {
      for (let k = 0; k < r.lines.length; k++) {
        const t = r.texts[k];
        if (typeof t !== 'string') yield { line: r.lines[k], error: { code: t.code, file: `${shown}:${r.lines[k]}`, args: t.args } };
        else yield read(r.lines[k], t, shown);
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** Every record of the population, in file order. */
export async function* population(path: string, shown: string, stdin: NodeJS.ReadableStream): AsyncGenerator<PopulationRecord> {
  if (/\.csv$/i.test(path)) yield* csvRecords(path, shown);
  else yield* jsonLines(path, shown, stdin);
}
