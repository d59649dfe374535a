// CSV input: the time the batch command's one CSV reader (cli/csv-input.ts, csv-parse) takes to
// read a file at growing sizes, on the input that was quadratic before it (issue 23): quoted
// fields with many line breaks, most of them in a column the batch ignores.
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readCsv } from '../cli/csv-input.js';
import { MAX_PROFILE_BYTES } from '../compiler/profile/load-profile.js';
import { stats, type Stats } from './measure.js';

export interface CsvSize {
  /** Input size, MB (10^6 bytes). */
  mb: number;
  records: number;
  /** Time to read every record, ms: wall clock, and CPU time of the process (the same on an idle machine; on a busy one, what the reader itself cost). */
  ms: Stats;
  cpuMs: Stats;
}

/** A CSV of about `mb` MB: a profile column and a notes column of about 62 KB over 2,600 lines per record. */
function input(mb: number): string {
  const row = `"{""education"":[]}","${'some notes, with a comma\n'.repeat(2600)}"\n`;
  return 'profile,notes\n' + row.repeat(Math.max(1, Math.round((mb * 1e6) / row.length)));
}

export function csvBench(sizes: number[], rounds: number): CsvSize[] {
  const dir = mkdtempSync(join(tmpdir(), 'zige-bench-csv-'));
  try {
    return sizes.map((mb) => {
      const file = join(dir, `${mb}.csv`);
      const text = input(mb);
      writeFileSync(file, text);
      const samples: number[] = [];
      const cpu: number[] = [];
      let records = 0;
      for (let r = 0; r < rounds; r++) {
        const fd = openSync(file, 'r');
        const t0 = performance.now();
        const c0 = process.cpuUsage();
        records = 0;
        for (const rec of readCsv(fd, { maxRecordBytes: MAX_PROFILE_BYTES })) records += rec.failure ? 1e9 : 1;
        samples.push(performance.now() - t0);
        const c = process.cpuUsage(c0);
        cpu.push((c.user + c.system) / 1000);
        closeSync(fd);
      }
      if (records >= 1e9) throw new Error('bench: the CSV reader failed on its own input');
      return { mb: Buffer.byteLength(text) / 1e6, records, ms: stats(samples), cpuMs: stats(cpu) };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
