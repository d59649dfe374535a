// CSV fuzzing of `zige eval --batch FILE.csv` (test/csv-fuzz.test.ts, CI-sized; test/long/csv-fuzz.ts):
// random CSV files of records that each carry a known id, with random quoting, separators inside
// fields, line breaks (LF, CRLF, inside quoted fields), blank lines, a BOM or UTF-16, and damage
// (a quote never closed, a stray quote, a GBK byte, a profile that is not JSON). The CSV part of
// the batch command (cli/csv-input.ts, cli/batch-csv.ts, the per-record processor) judges each
// file in process; every generated record must come out judged at its line, or reported at its
// line, and nothing else may come out. Python's `csv` module reads the same files independently:
// on undamaged files it must find exactly the records (lines and field bytes) the reader found.
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { occupation } from 'zige/evaluators/internet-marketer';
import { csvPieces, profileColumn } from '../../cli/batch-csv.js';
import { createProcessor } from '../../cli/batch-worker.js';
import { fileEncoding, readCsv, type CsvRecord } from '../../cli/csv-input.js';
import { MAX_PROFILE_BYTES } from '../../compiler/profile/load-profile.js';

type Kind = 'good' | 'notJson' | 'gbk' | 'unclosed' | 'stray';

interface Expected {
  id: number;
  kind: Kind;
  /** Lines of the file it starts and ends on. */
  line: number;
  lastLine: number;
}

export interface FuzzCase {
  name: string;
  bytes: Buffer;
  utf16: boolean;
  records: Expected[];
  /** A record Python's reader reads otherwise (a quote never closed, a stray quote). */
  damaged: boolean;
}

const PROFILES: object[] = [
  { education: [] },
  { education: [{ level: '高中', status: '毕业', date: '2020-07-01' }] },
  { work: [{ occupation: '互联网营销师', years: 2 }] },
  { certificates: [{ occupation: '互联网营销师', level: 5, kind: '技能等级证书', date: '2022-06-30' }], work: [{ occupation: '互联网营销师', from: '2019-03-01' }] },
];
const GBK = Buffer.from([0xbb, 0xa5, 0xc1, 0xaa]); // 互联 in GBK: not UTF-8
const quote = (s: string): string => `"${s.replace(/"/g, '""')}"`;

/** A random CSV file: `count` records after a header, each with its id and its fate. */
export function generate(seed: number, count: number): FuzzCase {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const utf16 = rnd() < 0.05;
  const bom = !utf16 && rnd() < 0.3;
  const crlf = rnd() < 0.4;
  const nl = (): string => (crlf || rnd() < 0.1 ? '\r\n' : '\n');
  const extras = Math.floor(rnd() * 3);
  const columns = ['id', 'profile', ...Array.from({ length: extras }, (_, k) => `note${k}`)].sort(() => rnd() - 0.5);
  const parts: Buffer[] = [];
  let line = 1;
  const put = (s: string | Buffer): void => {
    const b = typeof s === 'string' ? Buffer.from(s, 'utf8') : s;
    for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) line++;
    parts.push(b);
  };
  const header = columns.map((c) => (c === 'profile' ? pick(['profile', 'Profile', ' profile ', '"profile"']) : rnd() < 0.3 ? quote(c) : c));
  put(header.join(',') + nl());
  const records: Expected[] = [];
  let damaged = false;
  for (let id = 1; id <= count; id++) {
    while (rnd() < 0.1) put(pick(['', '  ', '\t']) + nl()); // blank lines
    const r = rnd();
    const kind: Kind = r < 0.06 ? 'notJson' : r < 0.1 && !utf16 ? 'gbk' : r < 0.14 ? 'unclosed' : r < 0.17 ? 'stray' : 'good';
    damaged ||= kind === 'unclosed' || kind === 'stray';
    const start = line;
    const fields: (string | Buffer[])[] = columns.map((c) => {
      if (c === 'id') return kind === 'stray' ? `${id}"x` : rnd() < 0.3 ? quote(String(id)) : String(id);
      if (c === 'profile') {
        let json = kind === 'notJson' ? pick(['not json', '{"education": [', '[1, 2]']) : JSON.stringify(pick(PROFILES), null, rnd() < 0.3 ? 1 : 0);
        if (rnd() < 0.3) json = json.replace(/\n/g, '\r\n');
        const q = quote(json);
        return kind === 'unclosed' ? q.slice(0, -1) + pick(['', ' ']) : q;
      }
      const text = Array.from({ length: Math.floor(rnd() * 8) }, () => pick(['a', '中', ',', '"', ' ', '\n', '\r\n', 'x', '=', '-'])).join('');
      if (kind === 'gbk' && rnd() < 0.5) return [Buffer.from('"' + text.replace(/"/g, '""')), GBK, Buffer.from('"')];
      return /[",\r\n]/.test(text) || rnd() < 0.3 ? quote(text) : text;
    });
    if (kind === 'gbk' && !fields.some((f) => Array.isArray(f))) fields[columns.indexOf('id')] = [Buffer.from(String(id)), GBK];
    fields.forEach((f, k) => {
      if (k > 0) put(',');
      if (Array.isArray(f)) f.forEach(put);
      else put(f);
    });
    const lastLine = line;
    if (id < count || rnd() < 0.8) put(nl());
    records.push({ id, kind, line: start, lastLine });
  }
  let bytes = Buffer.concat(parts);
  if (bom) bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
  if (utf16) bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(bytes.toString('utf8'), 'utf16le')]);
  return { name: `seed ${seed}`, bytes, utf16, records, damaged };
}

export interface Judged {
  /** The file refused as UTF-16 (nothing judged). */
  utf16: boolean;
  records: CsvRecord[];
  /** Per output record: its line and its error code (none: judged). */
  out: { line: number; code?: string }[];
  evaluated: number;
  skipped: number;
}

// CSV output: one row per level, `LINE,…,error,,,CODE: message` for a record not judged
const processor = createProcessor([occupation], { input: 'fuzz.csv', csv: true, csvOutput: true, explain: false, asOf: '2026-11-28', single: true, lang: 'en', color: false, maxReports: 0 });

/** The file judged as `zige eval --batch FILE.csv --jobs 1` judges it, in process. */
export function judge(file: string): Judged {
  const fd = openSync(file, 'r');
  try {
    if (fileEncoding(fd).utf16) return { utf16: true, records: [], out: [], evaluated: 0, skipped: 0 };
    const records: CsvRecord[] = [];
    const tee = (function* (): Generator<CsvRecord> {
      for (const r of readCsv(fd, { maxRecordBytes: MAX_PROFILE_BYTES })) {
        records.push(r);
        yield r;
      }
    })();
    const column = profileColumn(tee.next(), file);
    if (typeof column !== 'number') throw new Error(`${file}: ${column.code}`);
    const judged: Judged = { utf16: false, records, out: [], evaluated: 0, skipped: 0 };
    for (const piece of csvPieces(tee, column)) {
      const r = processor(piece.records);
      judged.evaluated += r.evaluated;
      judged.skipped += r.skipped;
      for (const row of Buffer.from(r.out).toString('latin1').split('\n')) {
        const m = /^(\d+),[^,]*,[^,]*,([^,]*),([^,]*),[^,]*,[^,]*,"?(E_[A-Z0-9_]+)?/.exec(row);
        if (!m) continue;
        const line = Number(m[1]);
        if (m[3] === 'error') judged.out.push({ line, code: m[4] });
        else if (judged.out.at(-1)?.line !== line) judged.out.push({ line });
      }
      processor.recycle(r.out);
    }
    return judged;
  } finally {
    closeSync(fd);
  }
}

/**
 * What a damaged record gives at its line. A quote not closed may close, as RFC 4180 reads it, at
 * a later quote followed by a comma or a line break: the record then runs to there, and fails as a
 * profile (or on a stray quote, or an encoding), or is judged when its profile is whole before it.
 */
const CODES: Record<Exclude<Kind, 'good'>, RegExp> = { notJson: /^E_PROFILE_PARSE$/, gbk: /^E_ENCODING$/, unclosed: /^(E_|judged$)/, stray: /^E_CSV_QUOTE_STRAY$/ };

/**
 * What is wrong with the judging of `c` (empty: nothing). Every generated record is judged at its
 * line (a good one), or reported at its line with the error of its damage, or starts inside the
 * lines of a record that starts in the damaged part of the file (a quote not closed ran on into
 * it); every other output record is an error inside the damaged part.
 */
export function problems(c: FuzzCase, j: Judged): string[] {
  const p: string[] = [];
  if (c.utf16) return j.utf16 ? [] : ['a UTF-16 file was read'];
  const byLine = new Map(j.out.map((o) => [o.line, o]));
  if (byLine.size !== j.out.length) p.push('two output records for one line');
  const lastLine = new Map(j.records.map((r) => [r.line, r.lastLine]));
  const damaged = c.records.filter((r) => r.kind === 'unclosed' || r.kind === 'stray');
  /** Whether `line` is after the start of a damaged record and before the next record judged. */
  const judged = new Set(j.out.filter((o) => !o.code).map((o) => o.line));
  const inDamage = (line: number): boolean => damaged.some((d) => d.line <= line && !c.records.some((r) => r.line > d.line && r.line <= line && judged.has(r.line)));
  for (const r of c.records) {
    const o = byLine.get(r.line);
    if (!o) {
      const inside = j.out.some((e) => e.line < r.line && r.line <= (lastLine.get(e.line) ?? 0) && inDamage(e.line));
      if (!inside) p.push(`id ${r.id} (line ${r.line}, ${r.kind}): neither judged nor reported`);
    } else if (r.kind === 'good' && o.code) p.push(`id ${r.id} (line ${r.line}): ${o.code} for a good record`);
    else if (r.kind !== 'good' && !CODES[r.kind].test(o.code ?? 'judged')) p.push(`id ${r.id} (line ${r.line}, ${r.kind}): ${o.code ?? 'judged'}`);
    byLine.delete(r.line);
  }
  for (const o of byLine.values()) if (!o.code || !inDamage(o.line)) p.push(`line ${o.line}: ${o.code ?? 'judged'}, not a generated record`);
  const good = c.records.filter((r) => r.kind === 'good' && !judged.has(r.line)).length;
  if (good > 0 && !damaged.length) p.push(`${good} good records not judged in an undamaged file`);
  if (j.evaluated + j.skipped !== j.out.length) p.push(`judged + skipped = ${j.evaluated + j.skipped}, ${j.out.length} output records`);
  return p;
}

// Python's csv module, strict: per file, its rows as [first line, fields as hex of their bytes]
// (blank rows left out, as zige skips them), or the error it stops on.
const PYTHON = String.raw`
import csv, io, json, sys
out = {}
for name in sys.argv[2:]:
    data = open(sys.argv[1] + '/' + name, 'rb').read()
    text = data[2:].decode('utf-16-le') if data[:2] == b'\xff\xfe' else data.decode('utf-8', 'surrogateescape')
    if text.startswith('\ufeff'): text = text[1:]
    reader = csv.reader(io.StringIO(text, newline=''), strict=True)
    rows = []
    try:
        start = 1
        for row in reader:
            if not (len(row) == 0 or (len(row) == 1 and row[0].strip() == '')):
                rows.append([start, [f.encode('utf-8', 'surrogateescape').hex() for f in row]])
            start = reader.line_num + 1
        out[name] = {'rows': rows}
    except csv.Error as e:
        out[name] = {'error': str(e)}
print(json.dumps(out))
`;
import { prng as random } from '../../bench/population.js';

/** Python's reading of the cases (written to `dir`): the disagreements with zige's reader. */
export function crossCheck(dir: string, cases: FuzzCase[], judged: Judged[]): string[] {
  const names = cases.map((_, k) => `${k}.csv`);
  cases.forEach((c, k) => writeFileSync(join(dir, names[k]), c.bytes));
  const r = spawnSync('python3', ['-c', PYTHON, dir, ...names], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python3: ${r.stderr}`);
  const py = JSON.parse(r.stdout) as Record<string, { rows?: [number, string[]][]; error?: string }>;
  const p: string[] = [];
  cases.forEach((c, k) => {
    const theirs = py[names[k]];
    if (c.utf16) {
      if (c.damaged) return;
      const lines = theirs.rows?.slice(1).map((row) => row[0]);
      if (JSON.stringify(lines) !== JSON.stringify(c.records.map((x) => x.line))) p.push(`${c.name}: Python read other records from the UTF-16 file`);
      return;
    }
    // Where Python's strict reader stops, zige's reader reports a record it cannot read; where
    // neither complains, they read the same records. (A quote inside an unquoted field is text to
    // Python, and a record zige skips.)
    const failed = judged[k].records.some((x) => x.failure);
    if (theirs.error && !failed) p.push(`${c.name}: Python: ${theirs.error}; zige read every record`);
    if (theirs.error || failed) return;
    const ours = judged[k].records.map((x) => [x.line, x.fields.map((f) => Buffer.from(f).toString('hex'))]);
    if (JSON.stringify(ours) !== JSON.stringify(theirs.rows)) p.push(`${c.name}: the records differ from Python's`);
    if (c.damaged && !c.records.every((x) => x.kind !== 'stray')) p.push(`${c.name}: a stray quote read without a report`);
  });
  return p;
}
