// The reviewed roster as CSV (UTF-8 with a byte-order mark, so that Excel reads the Chinese
// text): the main sheet's rows with the result columns; every cell neutralised against formula
// injection and quoted as RFC 4180 says (cli/batch-worker.ts's csvField).
import { closeSync, openSync, writeSync } from 'node:fs';
import { csvField } from '../cli/batch-worker.js';
import { plainText, readCell } from './cell-value.js';
import { RESULT_COLUMNS } from './fields.js';
import { atomicTarget, type ReviewWriter } from './review-writer.js';

function originals(values: readonly unknown[], width: number): string[] {
  const out: string[] = [];
  for (let c = 1; c <= width; c++) {
    const r = readCell(values[c]);
    out.push('value' in r ? plainText(r.value) : `#${r.problem.args.value ?? r.problem.args.formula ?? ''}`);
  }
  return out;
}

export function csvWriter(out: string): ReviewWriter {
  const target = atomicTarget(out);
  const fd = openSync(target.tmp, 'w');
  let width = 0;
  let buffered: string[] = [];
  const line = (cells: string[]): void => {
    buffered.push(cells.map(csvField).join(',') + '\r\n');
    if (buffered.length >= 1000) flush();
  };
  const flush = (): void => {
    writeSync(fd, buffered.join(''));
    buffered = [];
  };
  writeSync(fd, '\uFEFF');
  return {
    copy: (values) => line(originals(values, Math.max(width, values.length - 1))),
    header(values, w) {
      width = w;
      line([...originals(values, width), ...RESULT_COLUMNS.map((c) => c.zh)]);
    },
    row: (values, results) => line([...originals(values, width), ...RESULT_COLUMNS.map((c) => results[c.key])]),
    async finish() {
      flush();
      closeSync(fd);
      target.commit();
    },
    abort() {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      target.abort();
    },
  };
}
