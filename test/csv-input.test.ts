// CSV input (cli/csv-input.ts and `zige eval --batch FILE.csv`): records with the lines they start
// and end on; a record the parser cannot read is skipped at its line and reading resumes at the
// next line, so that no record vanishes; reading is linear in the input; two `profile` columns
// are an error; formula-like cells of a CSV output are neutralised.
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField } from '../cli/batch-worker.js';
import { findColumn, readCsv, type CsvReadStats } from '../cli/csv-input.js';
import { main } from '../cli/main.js';
import { levelFiveClause, ruleFile, rulesDir, scratch } from './helpers.js';
// the built CLI in process (its worker threads run dist/cli/batch-worker.js)
import { zige as built } from './in-process.js';

const OCC = ['--occupation', '互联网营销师', '--as-of', '2026-11-28'];

/** The records of a CSV text as [first line, last line, fields or failure code]. */
function records(content: string | Buffer, o: { maxRecordBytes?: number; blockBytes?: number; stats?: CsvReadStats } = {}): [number, number, string][] {
  const file = join(scratch('csv'), 'in.csv');
  writeFileSync(file, content);
  const fd = openSync(file, 'r');
  try {
    return [...readCsv(fd, { maxRecordBytes: o.maxRecordBytes ?? 1 << 20, blockBytes: o.blockBytes, stats: o.stats })].map((r) => [
      r.line,
      r.lastLine,
      r.failure?.code ?? r.encoding?.code ?? r.fields.map((f) => new TextDecoder().decode(f)).join('|'),
    ]);
  } finally {
    closeSync(fd);
  }
}

/** `zige` in this process (one thread: the worker threads need the built files). */
async function zige(args: string[]): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await main(args, { out: () => {}, err: (x) => void (stderr += `${x}\n`), readFile: (p) => readFileSync(p, 'utf8'), isTTY: false, errIsTTY: false });
  return { code, stderr };
}

const PROFILE = '"{""education"":[]}"';

describe('readCsv', () => {
  it('numbers records by the lines they start and end on: LF or CRLF, blank lines, a BOM, quoted line breaks, any block size', () => {
    for (const blockBytes of [1, 2, 7, 1 << 16]) {
      expect(records('\ufeffa,b\r\n1,"x\r\ny"\r\n\r\n\r\n3,4\r\n', { blockBytes })).toEqual([
        [1, 1, 'a|b'],
        [2, 3, '1|x\r\ny'],
        [6, 6, '3|4'],
      ]);
      expect(records('a,b\n\n1,"x\n\ny"\n  \n3,"4', { blockBytes }).slice(0, 3)).toEqual([
        [1, 1, 'a|b'],
        [3, 5, '1|x\n\ny'],
        [7, 7, 'E_CSV_QUOTE_NOT_CLOSED'],
      ]);
    }
  });

  it('skips a record it cannot read at the line it starts on and reads on from the next line', () => {
    // a quote never closed: the next lines are read again as records of their own
    expect(records('h\n"never closed\nb\nc\n')).toEqual([
      [1, 1, 'h'],
      [2, 2, 'E_CSV_QUOTE_NOT_CLOSED'],
      [3, 3, 'b'],
      [4, 4, 'c'],
    ]);
    // a quote followed by something else than a comma or a line break, on a later line
    expect(records('h,p\n1,"{""a"":1} ,3\n2,"{""a"":2}"\n')).toEqual([
      [1, 1, 'h|p'],
      [2, 2, 'E_CSV_QUOTE_CLOSING'],
      [3, 3, '2|{"a":2}'],
    ]);
    // a quote inside an unquoted field; a record over the size limit
    expect(records('h\nO"Brien\nok\n"' + 'x'.repeat(50) + '"\nlast', { maxRecordBytes: 40 })).toEqual([
      [1, 1, 'h'],
      [2, 2, 'E_CSV_QUOTE_STRAY'],
      [3, 3, 'ok'],
      [4, 4, 'E_CSV_RECORD_TOO_LARGE'],
      [5, 5, 'last'],
    ]);
  });

  it('reports a record with a field that is not UTF-8, and reads the rest', () => {
    const gbk = Buffer.from([0xbb, 0xa5, 0xc1, 0xaa]); // 互联 in GBK
    expect(records(Buffer.concat([Buffer.from('h,p\n1,"a\n'), gbk, Buffer.from('"\n2,b\n')]))).toEqual([
      [1, 1, 'h|p'],
      [2, 3, 'E_ENCODING'],
      [4, 4, '2|b'],
    ]);
  });

  it('is linear: input 10× as large, 10× the bytes read, parsed and scanned (a quoted field with many line breaks)', () => {
    const measure = (lines: number): CsvReadStats & { size: number } => {
      const text = `profile,notes\n${PROFILE},"${'a line of notes, with a comma\n'.repeat(lines)}"\n`;
      const stats: CsvReadStats = { blocks: 0, bytesParsed: 0, bytesScanned: 0 };
      const got = records(text, { stats, maxRecordBytes: 64 << 20 });
      expect(got.map((r) => r[0])).toEqual([1, 2]);
      expect(got[1][1]).toBe(lines + 2);
      return { ...stats, size: Buffer.byteLength(text) };
    };
    const small = measure(5_000);
    const large = measure(50_000);
    for (const s of [small, large]) {
      expect(s.bytesParsed).toBe(s.size); // every byte handed to the parser once
      expect(s.bytesScanned).toBeLessThanOrEqual(s.size); // and looked at once more, for line numbers
      expect(s.blocks).toBe(Math.ceil(s.size / (256 * 1024)));
    }
    expect(large.bytesParsed + large.bytesScanned).toBeLessThanOrEqual(10.1 * (small.bytesParsed + small.bytesScanned));
  });

  it('finds a column by name; two of them are an error naming both', () => {
    expect(findColumn(['id', ' Profile '], 'profile')).toBe(1);
    expect(findColumn(['id'], 'profile')).toBe(-1);
    expect(findColumn(['profile', 'id', 'x', 'y', 'z', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 'u', 'v', 'PROFILE'], 'profile')).toEqual({
      code: 'E_CSV_DUPLICATE_COLUMN',
      args: { name: 'profile', first: '1 (A)', second: '27 (AA)' },
    });
  });
});

describe('zige eval --batch FILE.csv', () => {
  it('an unterminated quote on record 3 of 1,000: that record skipped at its line, the 999 others judged, exit 1; --jobs 2 gives the same output', async () => {
    const dir = scratch('csv');
    const rows = ['profile,id', ...Array.from({ length: 1000 }, (_, k) => (k + 1 === 3 ? '"{""education"":[]} ,3' : `${PROFILE},${k + 1}`))];
    const input = join(dir, 'unterminated.csv');
    writeFileSync(input, rows.join('\n') + '\n');
    const r = await zige(['eval', '--batch', input, ...OCC, '--out', join(dir, 'one.jsonl'), '--jobs', '1', '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('unterminated.csv:4: error[E_CSV_QUOTE_CLOSING]: the quoted field opened on this line is not closed properly');
    expect(r.stderr).toContain('batch: 1000 profiles, 999 evaluated, 1 skipped (1 input line not judged)');
    const out = readFileSync(join(dir, 'one.jsonl'), 'utf8');
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { line: number; error?: { code: string } });
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: 1000 }, (_, k) => k + 2));
    expect(lines.filter((l) => l.error).map((l) => [l.line, l.error!.code])).toEqual([[4, 'E_CSV_QUOTE_CLOSING']]);
    const two = await built(['eval', '--batch', input, ...OCC, '--out', join(dir, 'two.jsonl'), '--jobs', '2', '--lang', 'en']);
    expect(two.code).toBe(1);
    expect(two.stderr).toContain('batch: 1000 profiles, 999 evaluated, 1 skipped (1 input line not judged)');
    expect(readFileSync(join(dir, 'two.jsonl'), 'utf8')).toBe(out);
  });

  it('counts every line of a skipped record that spans lines as not judged', async () => {
    const dir = scratch('csv');
    const input = join(dir, 'in.csv');
    writeFileSync(input, `id,profile\n1,"{\n""bad"":\n}"\n2,${PROFILE}\n`);
    const r = await zige(['eval', '--batch', input, ...OCC, '--out', join(dir, 'out.jsonl'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('batch: 2 profiles, 1 evaluated, 1 skipped (3 input lines not judged)');
  });

  it('refuses a header with two profile columns, naming both, before judging anything', async () => {
    const dir = scratch('csv');
    const input = join(dir, 'two.csv');
    writeFileSync(input, `profile,id,Profile\n${PROFILE},1,${PROFILE}\n`);
    const r = await zige(['eval', '--batch', input, ...OCC, '--out', join(dir, 'out.jsonl'), '--lang', 'en']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('two.csv:1: error[E_CSV_DUPLICATE_COLUMN]');
    expect(r.stderr).toContain('two `profile` columns: column 1 (A) and column 3 (C)');
    expect(r.stderr).not.toContain('batch:');
  });

  it('neutralises CSV output cells a spreadsheet would run as formulas', async () => {
    for (const [cell, shown] of [
      ['=1+1', "'=1+1"],
      ['+1', "'+1"],
      ['-1', "'-1"],
      ['@SUM(A1)', "'@SUM(A1)"],
      ['  =cmd', "'  =cmd"],
      ['\t1', "'\t1"],
      ['\r1', `"'\r1"`],
      ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
      ['互联网营销师', '互联网营销师'],
    ] as const) {
      expect(csvField(cell)).toBe(shown);
    }
    expect(csvField(-1)).toBe('-1'); // numbers are not text a user wrote
    // end to end: an occupation named like a formula
    const rules = rulesDir({ 'sample.yaml': ruleFile({ name: '=HYPERLINK("http://example.com")', levels: '[5]', conditions: levelFiveClause('学徒期满 本职业或相关职业') }) });
    const dir = scratch('csv');
    writeFileSync(join(dir, 'in.csv'), `profile\n${PROFILE}\n`);
    const r = await zige(['eval', '--batch', join(dir, 'in.csv'), '--rules', rules, '--as-of', '2026-11-28', '--out', join(dir, 'out.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const rows = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(rows[1].startsWith(`2,"'=HYPERLINK(""http://example.com"")",sample,5,`)).toBe(true);
  });
});
