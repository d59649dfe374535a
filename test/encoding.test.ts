// Files that are not UTF-8 (GBK or UTF-16, as Windows tools save Chinese text) are errors that
// point at the first byte that is not UTF-8: read as UTF-8 they would turn into replacement
// characters that match no name, and give wrong results without a word.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodingProblem } from '../compiler/load/encoding.js';
import { cli, RULES, rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';

/** 互联网营销师 in GBK: BB A5 C1 AA CD F8 D3 AA CF FA CA A6 (0xBB cannot start a UTF-8 character). */
const GBK_MARKETER = Buffer.from([0xbb, 0xa5, 0xc1, 0xaa, 0xcd, 0xf8, 0xd3, 0xaa, 0xcf, 0xfa, 0xca, 0xa6]);
const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');
const OCC = ['--occupation', '互联网营销师', '--as-of', '2026-11-28'];

describe('encodingProblem', () => {
  it('accepts UTF-8, with a byte order mark or a real U+FFFD', async () => {
    expect(encodingProblem(utf8('name: 互联网营销师\n'))).toBeNull();
    expect(encodingProblem(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('a: 1\n')]))).toBeNull();
    expect(encodingProblem(utf8('a: \uFFFD\n'))).toBeNull();
    expect(encodingProblem(Buffer.alloc(0))).toBeNull();
  });

  it('names the line, the column in code points and the byte of the first byte that is not UTF-8', async () => {
    const text = Buffer.concat([utf8('id: x\nname: 职业'), GBK_MARKETER, utf8('\n')]);
    expect(encodingProblem(text)).toEqual({ code: 'E_ENCODING', line: 2, col: 9, byte: '0xBB' });
    // After a byte order mark, and a real U+FFFD before the bad byte.
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8('\uFFFD'), Buffer.from([0xff])]);
    expect(encodingProblem(bom)).toEqual({ code: 'E_ENCODING', line: 1, col: 2, byte: '0xFF' });
    // A character cut off at the end.
    expect(encodingProblem(Buffer.concat([utf8('ab'), utf8('职').subarray(0, 2)]))).toEqual({ code: 'E_ENCODING', line: 1, col: 3, byte: '0xE8' });
  });

  it('recognises UTF-16 by its byte order mark', async () => {
    expect(encodingProblem(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"work": []}', 'utf16le')]))?.code).toBe('E_ENCODING_UTF16');
    expect(encodingProblem(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('{}', 'utf16le').swap16()]))?.code).toBe('E_ENCODING_UTF16');
  });
});

describe('files that are not UTF-8', () => {
  it('zige check: a GBK rule file is E_ENCODING at its first such byte; a GBK source file is E_SOURCE_ENCODING where it is cited', async () => {
    const text = readFileSync(join(RULES, 'internet-marketer.yaml'), 'utf8');
    const line = text.split('\n').findIndex((l) => l.startsWith('name: ')) + 1;
    const gbk = Buffer.from(text.replace(/^name: .*$/m, 'name: @@'), 'utf8');
    const at = gbk.indexOf('@@');
    const dir = rulesDir({});
    writeFileSync(join(dir, 'internet-marketer.yaml'), Buffer.concat([gbk.subarray(0, at), GBK_MARKETER, gbk.subarray(at + 2)]));
    const r = await zige(['check', dir, '--format', 'json', '--no-cache']);
    expect(r.code).toBe(1);
    const errors = (JSON.parse(r.stdout) as { diagnostics: { code: string; severity: string; line: number; col: number }[] }).diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => [d.code, d.line, d.col])).toEqual([['E_ENCODING', line, 7]]);

    const sources = rulesDir({ 'internet-marketer.yaml': text });
    const source = join(sources, 'sources', 'guizhou-2023-09-registration-conditions.txt');
    writeFileSync(source, Buffer.concat([utf8('第一行\n'), GBK_MARKETER, readFileSync(source)]));
    const s = await zige(['check', sources, '--format', 'json', '--no-cache']);
    expect(s.code).toBe(1);
    const codes = (JSON.parse(s.stdout) as { diagnostics: { code: string; severity: string }[] }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code);
    expect(codes).toEqual(['E_SOURCE_ENCODING']); // not one E_SOURCE_MISSING per citation
  });

  it('zige fmt reports a GBK rule file and leaves every byte of it', async () => {
    const dir = scratch('fmt-gbk');
    const file = join(dir, 'sample.yaml');
    const bytes = Buffer.concat([utf8('id: x\nname: '), GBK_MARKETER, utf8('\nwhen: 从业>=1年\n')]);
    writeFileSync(file, bytes);
    const r = await zige(['fmt', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('sample.yaml:2:7: error[E_ENCODING]');
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('zige eval: a GBK or UTF-16 profile, from a file or stdin', async () => {
    const dir = scratch('eval-gbk');
    const gbk = join(dir, 'gbk.yaml');
    writeFileSync(gbk, Buffer.concat([utf8('work:\n  - occupation: '), GBK_MARKETER, utf8('\n    from: 2020-01-01\n')]));
    const r = await zige(['eval', gbk, ...OCC]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('gbk.yaml:2:17: error[E_ENCODING]');
    expect(cli(['eval', '-', ...OCC], { stdin: readFileSync(gbk) }).stderr).toContain('<stdin>:2:17: error[E_ENCODING]');
    const utf16 = join(dir, 'utf16.json');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"work": []}', 'utf16le')]));
    const u = await zige(['eval', utf16, ...OCC]);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('utf16.json: error[E_ENCODING_UTF16]');
  });

  it('zige eval --batch skips only the records that are not UTF-8, with their line numbers, with or without worker threads', async () => {
    const dir = scratch('batch-gbk');
    const profile = (occupation: Buffer): Buffer => Buffer.concat([utf8('{"work": [{"occupation": "'), occupation, utf8('", "from": "2020-01-01"}]}')]);
    const jsonl = join(dir, 'in.jsonl');
    writeFileSync(jsonl, Buffer.concat([profile(utf8('互联网营销师')), utf8('\n'), profile(GBK_MARKETER), utf8('\n'), profile(utf8('互联网营销师')), utf8('\n')]));
    const one = await zige(['eval', '--batch', jsonl, ...OCC, '--jobs', '1']);
    const two = await zige(['eval', '--batch', jsonl, ...OCC, '--jobs', '2']);
    for (const r of [one, two]) {
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('in.jsonl:2:27: error[E_ENCODING]');
      expect(r.stderr).toContain('batch: 3 profiles, 2 evaluated, 1 skipped');
    }
    expect(two.stdout).toBe(one.stdout);
    const lines = one.stdout.trim().split('\n').map((l) => JSON.parse(l) as { line: number; error?: { code: string }; results?: unknown[] });
    expect(lines.map((l) => [l.line, l.error?.code ?? 'results'])).toEqual([[1, 'results'], [2, 'E_ENCODING'], [3, 'results']]);

    // CSV: a record over two lines whose second line is not UTF-8.
    const csv = join(dir, 'in.csv');
    const quoted = (b: Buffer): Buffer => Buffer.from(b.toString('latin1').replace(/"/g, '""'), 'latin1');
    writeFileSync(
      csv,
      Buffer.concat([utf8('id,profile\n'), utf8('a,"'), quoted(profile(utf8('互联网营销师'))), utf8('"\n'), utf8('b,"{\n'), quoted(profile(GBK_MARKETER)).subarray(1), utf8('"\n'), utf8('c,"'), quoted(profile(utf8('互联网营销师'))), utf8('"\n')]),
    );
    const c = await zige(['eval', '--batch', csv, ...OCC]);
    expect(c.code).toBe(1);
    expect(c.stderr).toContain('in.csv:3: error[E_ENCODING]');
    expect(c.stderr).toContain('batch: 3 profiles, 2 evaluated, 1 skipped');

    // A UTF-16 file has no line that is UTF-8: one error for the file, nothing judged.
    const utf16 = join(dir, 'utf16.jsonl');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"work": []}\n{"work": []}\n', 'utf16le')]));
    const u = await zige(['eval', '--batch', utf16, ...OCC, '--out', join(dir, 'out.jsonl')]);
    expect(u.code).toBe(1);
    expect(u.stderr).toContain('utf16.jsonl: error[E_ENCODING_UTF16]');
    expect(u.stderr).not.toContain('batch:');
  });
});
