// `zige eval --batch`, through the built CLI: order kept with worker threads, invalid lines
// reported with their line numbers and skipped, the summary, exit codes, CSV in and out.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../cli/batch-worker.js';
import { pushResultsLine, Utf8Lines } from '../compiler/result-json.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateProfile, type ClauseResult, type LevelResult, type Profile, type Warning } from '../runtime/index.js';
import { profileArb, worldOf } from './oracle/arbitraries.js';
import { runCli, STACK } from './async-cli.js';
import { BIN, check, cli, ROOT, RULES, scratch } from './helpers.js';
import { zige } from './in-process.js';

const OCC = ['--occupation', '互联网营销师', '--as-of', '2026-11-28'];

/** A varied, valid profile (deterministic in i). */
function profile(i: number): object {
  const year = 2010 + (i % 15);
  return {
    education: i % 7 === 0 ? [] : [{ level: ['初中', '高中', '技工学校', '大专'][i % 4], status: '毕业', date: `${year - 2}-07-01` }],
    certificates: i % 3 === 0 ? [] : [{ occupation: '互联网营销师', level: 5 - (i % 3), kind: '技能等级证书', date: `${year}-06-30` }],
    work: [{ occupation: '互联网营销师', from: `${year}-0${1 + (i % 9)}-01`, ...(i % 2 ? { to: '2025-12-31' } : {}) }],
    ...(i % 5 === 0 ? { training: [{ occupation: '互联网营销师', level: 3, certificate: true }] } : {}),
  };
}

interface Line {
  line: number;
  results?: { level: number; status: string }[];
  error?: { code: string; path?: string; message: string };
}

const parseLines = (text: string): Line[] =>
  text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('zige eval --batch', () => {
  it('keeps input order with worker threads, and one thread gives the same output', async () => {
    const dir = scratch('batch');
    const input = join(dir, 'profiles.jsonl');
    const n = 400;
    writeFileSync(input, Array.from({ length: n }, (_, i) => JSON.stringify(profile(i))).join('\n') + '\n');
    const workers = await zige(['eval', '--batch', input, ...OCC, '--jobs', '3', '--out', join(dir, 'w.jsonl')]);
    const single = await zige(['eval', '--batch', input, ...OCC, '--jobs', '1', '--out', join(dir, 's.jsonl')]);
    expect(workers.code, workers.stderr).toBe(0);
    expect(single.code, single.stderr).toBe(0);
    const out = readFileSync(join(dir, 'w.jsonl'), 'utf8');
    expect(out).toBe(readFileSync(join(dir, 's.jsonl'), 'utf8'));
    const lines = parseLines(out);
    expect(lines.map((l) => l.line)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(lines.every((l) => l.results?.length === 5)).toBe(true);
    expect(workers.stderr).toMatch(/batch: 400 profiles, 400 evaluated, 0 skipped/);
    expect(workers.stderr).toMatch(/3 worker threads/);
    // the summary counts level results per status
    const counts = { eligible: 0, ineligible: 0, unknown: 0 } as Record<string, number>;
    for (const l of lines) for (const r of l.results!) counts[r.status]++;
    expect(workers.stderr).toContain(`level results: eligible ${counts.eligible}, ineligible ${counts.ineligible}, unknown ${counts.unknown}`);
  });

  it('gives with worker threads exactly what one thread gives: many chunks, file or stdin, file or stdout, JSON lines or CSV', async () => {
    const dir = scratch('batch');
    // about 0.8 MB: several 256 KiB chunks; a BOM; a line longer than a chunk (the reader must
    // grow its buffer); invalid lines; a blank line; no final newline
    const long = JSON.stringify({ ...profile(7), work: Array.from({ length: 9000 }, (_, i) => ({ occupation: '互联网营销师', years: 1 + (i % 3) })) });
    expect(long.length).toBeGreaterThan(256 * 1024);
    const rows = Array.from({ length: 1600 }, (_, i) => (i === 17 ? '{"bad": ' : i === 1200 ? long : i === 900 ? '' : JSON.stringify(profile(i))));
    const jsonl = '\ufeff' + rows.join('\n');
    const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
    const csv = '\ufeffid,profile\r\n' + rows.map((r, i) => (r === '' ? '' : `${i},${quote(i % 50 === 0 ? JSON.stringify(JSON.parse(r === '{"bad": ' ? '{}' : r), null, 1) : r)}`)).join('\r\n');
    expect(Buffer.byteLength(jsonl)).toBeGreaterThan(3 * 256 * 1024);
    writeFileSync(join(dir, 'in.jsonl'), jsonl);
    writeFileSync(join(dir, 'in.csv'), csv);
    const run = async (input: string, jobs: string, out: string | null, stdin?: string, more: string[] = []): Promise<string> => {
      const r = await zige(['eval', '--batch', stdin === undefined ? join(dir, input) : '-', ...OCC, '--jobs', jobs, ...(out ? ['--out', join(dir, out)] : []), ...more], stdin === undefined ? {} : { stdin });
      expect(r.code, r.stderr).toBe(1); // the invalid line
      expect(r.stderr).toMatch(/, 1 skipped/);
      return out ? readFileSync(join(dir, out), 'utf8') : r.stdout;
    };
    const single = await run('in.jsonl', '1', 's.jsonl');
    const lines = parseLines(single);
    expect(lines.length).toBe(1599);
    expect(lines[17]).toMatchObject({ line: 18, error: { code: 'E_PROFILE_PARSE' } });
    expect(lines.find((l) => l.line === 1201)?.results?.length).toBe(5);
    expect(await run('in.jsonl', '2', 'w.jsonl')).toBe(single); // workers read and write the files themselves
    expect(await run('in.jsonl', '3', null)).toBe(single); // output through the main thread
    expect(await run('', '2', 'i.jsonl', jsonl)).toBe(single); // stdin: chunks sent to the workers
    const singleCsv = await run('in.csv', '1', 's.csv');
    expect(singleCsv.split('\n').length).toBe(1 + 1598 * 5 + 1 + 1); // header, 5 levels per valid profile, the invalid one, final newline
    expect(await run('in.csv', '2', 'w.csv')).toBe(singleCsv);
    // --bom (for Excel): the same rows after a UTF-8 byte-order mark, from one thread or workers.
    expect(singleCsv.startsWith('line,')).toBe(true);
    expect(await run('in.csv', '1', 'b1.csv', undefined, ['--bom'])).toBe('\ufeff' + singleCsv);
    expect(await run('in.csv', '2', 'b2.csv', undefined, ['--bom'])).toBe('\ufeff' + singleCsv);
  });

  it('writes a file over many chunks (in the background): every line exactly, in order, and no temporary file left', async () => {
    const dir = scratch('batch');
    const input = join(dir, 'many.jsonl');
    const n = 3000; // about 1 MB: several 256 KiB chunks, each written while the next is judged
    const bad = 1234;
    writeFileSync(input, Array.from({ length: n }, (_, i) => (i === bad ? '{"bad": ' : JSON.stringify(profile(i)))).join('\n') + '\n');
    const r = await zige(['eval', '--batch', input, ...OCC, '--jobs', '1', '--out', join(dir, 'out.jsonl')]);
    expect(r.code).toBe(1);
    const written = readFileSync(join(dir, 'out.jsonl'), 'utf8').split('\n');
    expect(written.pop()).toBe('');
    expect(written.length).toBe(n);
    const occ = instantiate(check(RULES).rules!.occupations.find((o) => o.id === 'internet-marketer')!);
    written.forEach((text, i) => {
      if (i === bad) expect(JSON.parse(text)).toMatchObject({ line: i + 1, error: { code: 'E_PROFILE_PARSE' } });
      else expect(text).toBe(JSON.stringify({ line: i + 1, ...evaluateProfile(occ, profile(i) as Profile, { asOf: '2026-11-28', explain: false }) }));
    });
    expect(readdirSync(dir).sort()).toEqual(['many.jsonl', 'out.jsonl']);
  });

  it('agrees with `zige eval --json`; with --explain, exactly (explanations included)', async () => {
    const dir = scratch('batch');
    const input = join(dir, 'one.jsonl');
    writeFileSync(input, JSON.stringify(profile(4)) + '\n');
    writeFileSync(join(dir, 'one.json'), JSON.stringify(profile(4)));
    const lean = await zige(['eval', '--batch', input, ...OCC]);
    const explained = await zige(['eval', '--batch', input, ...OCC, '--explain']);
    const single = JSON.parse((await zige(['eval', join(dir, 'one.json'), ...OCC, '--json'])).stdout) as { results: Record<string, unknown>[] };
    const statuses = (rs: { level: number; status: string }[]): string[] => rs.map((r) => `${r.level}:${r.status}`);
    expect(statuses(parseLines(lean.stdout)[0].results!)).toEqual(statuses(single.results as unknown as { level: number; status: string }[]));
    expect(parseLines(lean.stdout)[0].results![0]).not.toHaveProperty('missing');
    expect(parseLines(explained.stdout)[0].results).toEqual(single.results);
  });

  it('reports invalid lines with their line numbers, skips them, keeps every other result, and exits 1', async () => {
    const dir = scratch('batch');
    const input = join(dir, 'mixed.jsonl');
    const rows = [
      JSON.stringify(profile(1)),
      '',
      '{"education": [oops',
      JSON.stringify({ work: [{ occupation: '互联网营销师', from: '2020-03-01', to: '2019-01-01' }] }),
      JSON.stringify({ unknownField: 1 }),
      'not json',
      JSON.stringify(profile(2)),
    ];
    writeFileSync(input, rows.join('\n') + '\n');
    for (const jobs of ['1', '2']) {
      const r = await zige(['eval', '--batch', input, ...OCC, '--jobs', jobs, '--lang', 'en']);
      expect(r.code).toBe(1);
      const lines = parseLines(r.stdout);
      expect(lines.map((l) => [l.line, l.error?.code ?? 'ok'])).toEqual([
        [1, 'ok'],
        [3, 'E_PROFILE_PARSE'],
        [4, 'E_PROFILE_PERIOD'],
        [5, 'E_PROFILE_ADDITIONAL'],
        [6, 'E_PROFILE_PARSE'],
        [7, 'ok'],
      ]);
      expect(lines[2].error?.path).toBe('/work/0/to');
      expect(r.stderr).toContain('mixed.jsonl:3:');
      expect(r.stderr).toMatch(/mixed\.jsonl:4: error\[E_PROFILE_PERIOD\] at \/work\/0\/to/);
      expect(r.stderr).toMatch(/mixed\.jsonl:5: error\[E_PROFILE_ADDITIONAL\]/);
      expect(r.stderr).toMatch(/mixed\.jsonl:6: error\[E_PROFILE_PARSE\]/);
      expect(r.stderr).toContain('batch: 6 profiles, 2 evaluated, 4 skipped');
    }
  });

  it('reads CSV with a profile column (quoted, across lines) and writes one CSV row per profile and level', async () => {
    const dir = scratch('batch');
    const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;
    const multiline = JSON.stringify(profile(3), null, 1); // line breaks inside the quoted field
    const csv = ['id,profile', `a,${quote(JSON.stringify(profile(1)))}`, `b,${quote('{"bad": ')}`, `c,${quote(multiline)}`].join('\r\n') + '\r\n';
    writeFileSync(join(dir, 'in.csv'), csv);
    const r = await zige(['eval', '--batch', join(dir, 'in.csv'), ...OCC, '--out', join(dir, 'out.csv'), '--lang', 'en']);
    expect(r.code).toBe(1);
    const rows = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(rows[0]).toBe('line,occupation,occupation_id,level,status,education,matched,error,warnings,outcome,amount,amount_unit');
    const body = rows.slice(1).map((row) => row.split(','));
    expect(body.map((f) => `${f[0]}:${f[3]}`)).toEqual(['2:5', '2:4', '2:3', '2:2', '2:1', '3:', '4:5', '4:4', '4:3', '4:2', '4:1']);
    expect(body[5][4]).toBe('error');
    expect(body[5][7]).toMatch(/^E_PROFILE_PARSE/);
    expect(body.filter((f) => f[0] !== '3').every((f) => ['eligible', 'ineligible', 'unknown'].includes(f[4]))).toBe(true);
    expect(r.stderr).toMatch(/in\.csv:3: error\[E_PROFILE_PARSE\]/);
    expect(r.stderr).toContain('batch: 3 profiles, 2 evaluated, 1 skipped');
  });

  it('exits 0 when every line is valid; usage errors exit 2; an unreadable input exits 1', async () => {
    const dir = scratch('batch');
    const input = join(dir, 'ok.jsonl');
    writeFileSync(input, `${JSON.stringify(profile(5))}\n${JSON.stringify(profile(6))}`); // no final newline
    const ok = await zige(['eval', '--batch', input, ...OCC]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(parseLines(ok.stdout).map((l) => l.line)).toEqual([1, 2]);
    expect((await zige(['eval', '--batch', input, 'other.json', ...OCC])).code).toBe(2);
    expect((await zige(['eval', '--batch', input, ...OCC, '--jobs', '0'])).code).toBe(2);
    const bomOnJsonLines = await zige(['eval', '--batch', input, ...OCC, '--bom', '--out', join(dir, 'out.jsonl')]);
    expect(bomOnJsonLines.code).toBe(2);
    expect(bomOnJsonLines.stderr).toContain('--bom applies to a CSV output only');
    expect(existsSync(join(dir, 'out.jsonl'))).toBe(false);
    const missing = await zige(['eval', '--batch', join(dir, 'missing.jsonl'), ...OCC]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('E_READ');
  });
});

/** What the batch writes for one line of results without explanations, decoded. */
function resultsLine(line: number, results: LevelResult[], warnings: Warning[] = []): string {
  const out = new Utf8Lines();
  pushResultsLine(out, line, results, warnings);
  return new TextDecoder().decode(out.take());
}

describe('zige eval --batch --out', () => {
  const many = (n: number): string => Array.from({ length: n }, (_, i) => JSON.stringify(profile(i))).join('\n') + '\n';

  it('refuses a directory or the input file itself before judging anything, and leaves no temporary file', async () => {
    const dir = scratch('batch-out');
    const input = join(dir, 'in.jsonl');
    const text = many(3);
    writeFileSync(input, text);
    symlinkSync('in.jsonl', join(dir, 'link.jsonl'));
    mkdirSync(join(dir, 'results'));
    for (const [out, code] of [
      [join(dir, 'results'), 'E_OUT_IS_DIR'],
      [input, 'E_OUT_IS_INPUT'],
      [join(dir, '.', 'link.jsonl'), 'E_OUT_IS_INPUT'],
    ]) {
      const r = await zige(['eval', '--batch', input, ...OCC, '--out', out]);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`error[${code}]`);
      expect(r.stderr).not.toContain('batch:'); // nothing judged
    }
    expect(readFileSync(input, 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'link.jsonl', 'results']);
    expect(readdirSync(join(dir, 'results'))).toEqual([]);
  });

  it('writes through a symbolic link: the file it points to gets the results, the link stays', async () => {
    const dir = scratch('batch-link');
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, many(3));
    const want = (await zige(['eval', '--batch', input, ...OCC])).stdout;
    mkdirSync(join(dir, 'results'));
    writeFileSync(join(dir, 'results', 'latest.jsonl'), 'previous\n');
    symlinkSync(join('results', 'latest.jsonl'), join(dir, 'out.jsonl'));
    const r = await zige(['eval', '--batch', input, ...OCC, '--out', join(dir, 'out.jsonl')]);
    expect(r.code, r.stderr).toBe(0);
    expect(lstatSync(join(dir, 'out.jsonl')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'results', 'latest.jsonl'), 'utf8')).toBe(want);
    expect(readdirSync(join(dir, 'results'))).toEqual(['latest.jsonl']);
  });

  it('writes into a pipe in order, with or without worker threads, and does not replace it', async () => {
    const dir = scratch('batch-fifo');
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, many(600));
    const want = (await zige(['eval', '--batch', input, ...OCC, '--jobs', '1'])).stdout;
    const fifo = join(dir, 'results.fifo');
    execFileSync('mkfifo', [fifo]);
    for (const jobs of ['1', '2']) {
      const reading = readFile(fifo, 'utf8'); // opens when the writer does, reads to its end
      const r = await runCli(['eval', '--batch', input, ...OCC, '--jobs', jobs, '--out', fifo]);
      expect(r.code, r.stderr).toBe(0);
      expect(await reading).toBe(want);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
    }
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'results.fifo']);
  });

  it('reports a write that fails (the reader of a pipe gone) as E_WRITE, exit 1, without a stack trace', async () => {
    const dir = scratch('batch-epipe');
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, many(2000)); // several MB of results: more than a pipe holds
    const fifo = join(dir, 'results.fifo');
    execFileSync('mkfifo', [fifo]);
    // A reader that takes the first bytes and goes away.
    const reader = (async () => {
      const h = await open(fifo, 'r');
      await h.read(Buffer.alloc(1024), 0, 1024);
      await h.close();
    })();
    const r = await runCli(['eval', '--batch', input, ...OCC, '--jobs', '1', '--out', fifo]);
    await reader;
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain('error[E_WRITE]');
    expect(r.stderr).toContain('EPIPE');
    expect(r.stderr).not.toMatch(STACK);
  });

  /** The CLI reading stdin, which the test writes and ends; `stderr` and `stdout` as they come. */
  const streaming = (args: string[]) => {
    const child = spawn(process.execPath, [BIN, 'eval', '--batch', '-', ...OCC, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    const seen = { stdout: '', stderr: '' };
    child.stdout.setEncoding('utf8').on('data', (d: string) => (seen.stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (seen.stderr += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // An interrupted run exits before it has read all the input: the rest cannot be written (EPIPE).
    child.stdin.on('error', () => {});
    /** Waits until `ready()`, at most 30 s. */
    const until = async (ready: () => boolean): Promise<void> => {
      for (let waited = 0; !ready(); waited += 50) {
        if (waited > 30_000) throw new Error(`still waiting after 30 s; stderr: ${seen.stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    return { child, seen, closed, until };
  };

  it('writes the results of input that is still coming (a pipe left open) as they are judged, with worker threads too', async () => {
    for (const jobs of ['1', '2']) {
      const run = streaming(['--jobs', jobs]);
      run.child.stdin.write(many(1500));
      // Every result is out while the input is still open.
      await run.until(() => run.seen.stdout.split('\n').length > 1500);
      expect(parseLines(run.seen.stdout).map((l) => l.line)).toEqual(Array.from({ length: 1500 }, (_, i) => i + 1));
      run.child.stdin.end();
      expect(await run.closed, run.seen.stderr).toBe(0);
    }
  });

  it('on Ctrl-C or a kill: exits 130 or 143, removes its temporary file, and leaves the --out file as it was', async () => {
    const dir = scratch('batch-interrupt');
    const out = join(dir, 'results.jsonl');
    const temporary = (): string[] => readdirSync(dir).filter((f) => f.startsWith('.results.jsonl.tmp-'));
    for (const [jobs, signal, code] of [['1', 'SIGINT', 130], ['2', 'SIGTERM', 143]] as const) {
      writeFileSync(out, 'the previous results\n');
      const run = streaming(['--jobs', jobs, '--out', out]);
      run.child.stdin.write(many(1500));
      // Interrupted while results are being written: their temporary file beside the output has grown.
      await run.until(() => temporary().some((f) => statSync(join(dir, f)).size > 0));
      run.child.kill(signal);
      expect(await run.closed, run.seen.stderr).toBe(code);
      expect(temporary()).toEqual([]);
      expect(readFileSync(out, 'utf8')).toBe('the previous results\n');
      expect(run.seen.stderr).toMatch(/interrupted: .*results\.jsonl not written \([\d,]+ profiles done\)/);
      expect(run.seen.stderr).not.toMatch(STACK);
    }
  });
});

describe('batch JSON of results without explanations', () => {
  const { rules } = check(RULES);
  const occupations = rules!.occupations.map((o) => instantiate(o));
  const world = worldOf(rules!.occupations);

  it('is byte for byte JSON.stringify of the line, on random profiles of every occupation', async () => {
    let warned = 0;
    fc.assert(
      fc.property(profileArb(world), ({ asOf, profile }) => {
        for (const occ of occupations) {
          let judged;
          try {
            judged = evaluateProfile(occ, profile as Profile, { asOf, explain: false });
          } catch {
            continue; // rejected profiles have no results
          }
          const { results, warnings } = judged;
          if (warnings.length > 0) warned++;
          expect(resultsLine(7, results, warnings)).toBe(JSON.stringify({ line: 7, warnings, results }) + '\n');
        }
      }),
      { numRuns: 200, seed: 20261128 },
    );
    expect(warned).toBeGreaterThan(0); // warnings (with the applicant's own text) were serialised too
  });

  // Levels are cached as bytes per combination of statuses and matched ids: every combination,
  // repeated in any order, must still give exactly JSON.stringify.
  it('is byte for byte JSON.stringify for any statuses, matched ids and warnings of real levels', async () => {
    const levels = occupations.flatMap((occ) => evaluateProfile(occ, profile(3) as Profile, { asOf: '2026-11-28', explain: false }).results);
    const status = fc.constantFrom('eligible', 'ineligible', 'unknown') as fc.Arbitrary<LevelResult['status']>;
    const condition = fc.constantFrom('met', 'unmet', 'unknown') as fc.Arbitrary<ClauseResult['status']>;
    const warning: fc.Arbitrary<Warning> = fc.oneof(
      fc.record({ code: fc.constant('W_NO_MAJOR' as const), path: fc.constantFrom('/education/0', '/work/1'), occupation: fc.string(), message: fc.string() }),
      fc.record({ code: fc.constant('W_UNKNOWN_FACT' as const), path: fc.string().map((k) => `/facts/${k}`), message: fc.string() }),
    );
    const variant = fc.nat(levels.length - 1).chain((i) => {
      const r = levels[i];
      const ids = r.clauses.map((c) => c.id);
      return fc.record({
        r: fc.constant(r),
        status,
        education: condition,
        clauseStatuses: fc.array(condition, { minLength: ids.length, maxLength: ids.length }),
        // in clause order (the usual case) or not: out of order, repeated, or an id of no clause
        matched: fc.oneof(
          fc.subarray(ids),
          fc.shuffledSubarray(ids),
          fc.array(fc.constantFrom(...ids, 'other/1'), { maxLength: 4 }),
        ),
      });
    });
    fc.assert(
      fc.property(fc.array(variant, { minLength: 1, maxLength: 6 }), fc.array(warning, { maxLength: 3 }), (vs, warnings) => {
        const results = vs.map(({ r, status, education, clauseStatuses, matched }) => ({
          ...r,
          status,
          education,
          clauses: r.clauses.map((c, j) => ({ ...c, status: clauseStatuses[j] })),
          matched,
        }));
        expect(resultsLine(3, results, warnings)).toBe(JSON.stringify({ line: 3, warnings, results }) + '\n');
      }),
      { numRuns: 2000, seed: 20261128 },
    );
  });

  it('follows a level whose clauses change, and levels of more clauses than a cache key holds', async () => {
    const occ = occupations.find((o) => o.meta.id === 'internet-marketer')!;
    const { results } = evaluateProfile(occ, profile(2) as Profile, { asOf: '2026-11-28', explain: false });
    const [first] = results;
    const renamed = { ...first, clauses: first.clauses.map((c) => ({ ...c, text: `${c.text}（改）` })) };
    const many = { ...first, clauses: Array.from({ length: 12 }, (_, k) => ({ ...first.clauses[0], id: `x/${k}`, status: k % 2 ? 'met' : 'unmet' }) as ClauseResult) };
    for (const r of [first, renamed, first, many, renamed, many, first]) expect(resultsLine(1, [r])).toBe(JSON.stringify({ line: 1, warnings: [], results: [r] }) + '\n');
  });

  it('hands over each chunk\'s bytes: they stay intact while the next chunk is written, and can be transferred', () => {
    const occ = occupations.find((o) => o.meta.id === 'internet-marketer')!;
    const expected = (from: number): string =>
      Array.from({ length: 50 }, (_, k) => JSON.stringify({ line: from + k, ...evaluateProfile(occ, profile(from + k) as Profile, { asOf: '2026-11-28', explain: false }) }) + '\n').join('');
    const out = new Utf8Lines();
    const chunk = (from: number): Uint8Array<ArrayBuffer> => {
      for (let k = 0; k < 50; k++) {
        const { results, warnings } = evaluateProfile(occ, profile(from + k) as Profile, { asOf: '2026-11-28', explain: false });
        pushResultsLine(out, from + k, results, warnings);
      }
      return out.take();
    };
    const a = chunk(1);
    const b = chunk(51);
    const c = chunk(101);
    expect(new TextDecoder().decode(a)).toBe(expected(1));
    expect(new TextDecoder().decode(b)).toBe(expected(51));
    expect(a.buffer).not.toBe(b.buffer);
    // transferred (as to the main thread), the bytes go with their buffer; writing goes on
    const moved = structuredClone(c, { transfer: [c.buffer] });
    expect(c.byteLength).toBe(0);
    expect(new TextDecoder().decode(moved)).toBe(expected(101));
    expect(new TextDecoder().decode(chunk(151))).toBe(expected(151));
    expect(new TextDecoder().decode(a)).toBe(expected(1));
  });

  it('escapes what the applicant wrote: quotes, backslashes, control and line-separator characters', async () => {
    const occ = occupations.find((o) => o.meta.id === 'internet-marketer')!;
    const odd = 'a"b\\c\n\u0000\u2028\u2029\ud800 营销';
    const { results, warnings } = evaluateProfile(occ, { work: [{ occupation: odd, from: '2020-01-01' }], facts: { [odd]: true } } as Profile, { asOf: '2026-11-28', explain: false });
    expect(warnings.length).toBeGreaterThan(1);
    expect(resultsLine(1, results, warnings)).toBe(JSON.stringify({ line: 1, warnings, results }) + '\n');
  });
});

describe('batch input decoding', () => {
  it('gives exactly what TextDecoder gives: any text, with or without a BOM, and invalid bytes', async () => {
    const decoder = new TextDecoder();
    const bom = [0xef, 0xbb, 0xbf];
    const text = fc.string({ unit: fc.oneof(fc.constantFrom('营', '销', '\ufeff', '😀', '\n'), fc.string({ unit: 'binary', maxLength: 1 })) });
    const bytes = fc.oneof(
      text.map((t) => new TextEncoder().encode(t)),
      fc.tuple(fc.boolean(), text).map(([b, t]) => new Uint8Array([...(b ? bom : []), ...new TextEncoder().encode(t)])),
      fc.uint8Array({ maxLength: 64 }),
      fc.tuple(text, fc.uint8Array({ maxLength: 3 }), text).map(([a, junk, b]) => new Uint8Array([...new TextEncoder().encode(a), ...junk, ...new TextEncoder().encode(b)])),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        expect(decodeUtf8(b)).toBe(decoder.decode(b));
      }),
      { numRuns: 3000, seed: 20261128 },
    );
    // a view into a larger buffer, as the batch's chunks are
    const big = new TextEncoder().encode('xx{"occupation":"互联网营销师"}yy');
    expect(decodeUtf8(big.subarray(2, big.length - 2))).toBe('{"occupation":"互联网营销师"}');
  });
});
