// CSV input fuzzed, CI-sized (the long run: test/long/csv-fuzz.ts; the generator and the checks:
// test/oracle/csv-fuzzing.ts): every generated record judged or reported at its line, nothing
// else, and the same records as Python's csv module on every undamaged file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { crossCheck, generate, judge, problems, type FuzzCase, type Judged } from './oracle/csv-fuzzing.js';
import { scratch, sized } from './helpers.js';

const FILES = sized(80, 200);

it(`judges or reports every record of ${FILES} random CSV files at its line, and reads them as Python does`, () => {
  const dir = scratch('csv-fuzz');
  const cases: FuzzCase[] = [];
  const judged: Judged[] = [];
  const found: string[] = [];
  for (let seed = 1; seed <= FILES; seed++) {
    const c = generate(seed, 1 + (seed % 12));
    const file = join(dir, `judged-${seed}.csv`);
    writeFileSync(file, c.bytes);
    const j = judge(file);
    cases.push(c);
    judged.push(j);
    found.push(...problems(c, j).map((p) => `${c.name}: ${p}`));
  }
  found.push(...crossCheck(dir, cases, judged));
  expect(found).toEqual([]);
  // the generator makes every kind of record and file
  expect(cases.some((c) => c.utf16) && cases.some((c) => c.damaged) && cases.some((c) => !c.damaged && !c.utf16)).toBe(true);
  for (const kind of ['good', 'notJson', 'gbk', 'unclosed', 'stray']) expect(cases.some((c) => c.records.some((r) => r.kind === kind))).toBe(true);
});
