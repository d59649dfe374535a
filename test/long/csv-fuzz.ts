// Long CSV fuzz of `zige eval --batch FILE.csv` (see test/oracle/csv-fuzzing.ts for the invariants;
// test/csv-fuzz.test.ts is the CI-sized run).
//
//   npx tsx test/long/csv-fuzz.ts [files] [--seed N]
//
// files: random CSV files (default 3,000, of up to 40 records each; about a minute), judged in
// process and read by Python's csv module; one in 300 also through the built CLI with one thread
// and with two worker threads, which must write the same bytes and count every record. Prints the
// counts; exits non-zero on any problem.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { crossCheck, generate, judge, problems, type FuzzCase, type Judged } from '../oracle/csv-fuzzing.js';
import { BIN, ROOT } from '../helpers.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { seed: { type: 'string' } } });
const files = Number(positionals[0] ?? 3000);
const seed = Number(values.seed ?? Math.floor(Math.random() * 2 ** 31));
const BATCH = 500;
const dir = mkdtempSync(join(tmpdir(), 'zige-csv-fuzz-'));
const found: string[] = [];
const counts = { files: 0, records: 0, judged: 0, skipped: 0, damaged: 0, utf16: 0, cli: 0 };

/** The file through the built CLI with `jobs` threads: its output, and the summary's counts. */
function viaCli(file: string, jobs: string): { out: string; evaluated: number; skipped: number } {
  const out = join(dir, `out-${jobs}.jsonl`);
  rmSync(out, { force: true });
  const r = spawnSync(process.execPath, [BIN, 'eval', '--batch', file, '--occupation', '互联网营销师', '--as-of', '2026-11-28', '--jobs', jobs, '--out', out, '--lang', 'en'], { cwd: ROOT, encoding: 'utf8' });
  const m = /batch: \d+ profiles, (\d+) evaluated, (\d+) skipped/.exec(r.stderr);
  if (!m) throw new Error(`${file}, --jobs ${jobs}: exit ${r.status}: ${r.stderr}`);
  return { out: readFileSync(out, 'utf8'), evaluated: Number(m[1]), skipped: Number(m[2]) };
}

const started = Date.now();
/** The next file that is not UTF-16 goes through the CLI too. */
let cliDue = false;
try {
  for (let first = 0; first < files; first += BATCH) {
    const cases: FuzzCase[] = [];
    const judged: Judged[] = [];
    for (let k = first; k < Math.min(files, first + BATCH); k++) {
      const c = generate(seed + k, 1 + (k % 40));
      c.name = `--seed ${seed + k}`;
      const file = join(dir, `in-${k}.csv`);
      writeFileSync(file, c.bytes);
      const j = judge(file);
      found.push(...problems(c, j).map((p) => `${c.name}: ${p}`));
      cliDue ||= k % 300 === 0;
      if (cliDue && !c.utf16) {
        cliDue = false;
        const one = viaCli(file, '1');
        const two = viaCli(file, '2');
        if (one.out !== two.out) found.push(`${c.name}: --jobs 2 wrote other output than --jobs 1`);
        if (one.evaluated !== j.evaluated || one.skipped !== j.skipped) found.push(`${c.name}: the CLI counted ${one.evaluated} + ${one.skipped}, in process ${j.evaluated} + ${j.skipped}`);
        counts.cli++;
      }
      cases.push(c);
      judged.push(j);
      counts.files++;
      counts.records += c.records.length;
      counts.judged += j.evaluated;
      counts.skipped += j.skipped;
      if (c.damaged) counts.damaged++;
      if (c.utf16) counts.utf16++;
    }
    found.push(...crossCheck(dir, cases, judged));
    process.stderr.write(`\r${counts.files} files, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stderr.write('\n');
console.log(
  `csv fuzz (seed ${seed}): ${counts.files} files (${counts.damaged} damaged, ${counts.utf16} UTF-16), ${counts.records} records: ` +
    `${counts.judged} judged, ${counts.skipped} reported; ${counts.cli} also through the CLI (one thread and two workers); ${found.length} problems`,
);
for (const p of found.slice(0, 50)) console.log(`  ${p}`);
process.exit(found.length > 0 ? 1 : 0);
