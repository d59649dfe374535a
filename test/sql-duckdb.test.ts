// `zige eval --batch --engine duckdb` against the JS batch: the same input gives byte-identical
// output (statuses, clauses, matched, warnings, error records with line numbers and codes), the
// same reports of skipped lines and the same exit code; CSV in and out; rule versions in force;
// hostile names in the rules and the profiles; --explain refused. Output of `zige sql` runs in DuckDB.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { population } from '../bench/population.js';
import { rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';
import { HOSTILE_LINES, hostileRules, jsonLines, withoutSingleRelations } from './sql/inputs.js';
import { sqlRulesDir } from './sql/harness.js';

let dir: string;

/** Both engines on the same input: exit code, output bytes and stderr reports (the timing line aside) must match. */
async function bothEngines(input: string, out: string, extra: string[] = []): Promise<{ code: number; output: string }> {
  const run = async (engine: string[]): Promise<{ code: number; bytes: Buffer; reports: string }> => {
    const file = join(dir, `${engine.length > 0 ? 'duck' : 'js'}-${out}`);
    const r = await zige(['eval', '--batch', input, '--out', file, '--jobs', '1', ...extra, ...engine].filter((a, i, all) => !(engine.length > 0 && (a === '--jobs' || all[i - 1] === '--jobs'))));
    const reports = r.stderr.split('\n').filter((l) => !/用时|; \d+\.\d+ s,/.test(l)).join('\n');
    return { code: r.code, bytes: readFileSync(file), reports };
  };
  const js = await run([]);
  const duck = await run(['--engine', 'duckdb']);
  expect(duck.reports).toBe(js.reports);
  expect(duck.code).toBe(js.code);
  expect(duck.bytes.equals(js.bytes)).toBe(true);
  return { code: duck.code, output: duck.bytes.toString('utf8') };
}

beforeAll(() => {
  dir = scratch('sql-duckdb');
});

// Generous timeouts: each run builds a large statement, slow on a loaded machine.
describe('eval --batch --engine duckdb', { timeout: 180_000 }, () => {
  it('leaves out, by name and before judging, the bundled occupations SQL does not compile; refuses one named', async () => {
    const input = jsonLines(join(dir, 'refused.jsonl'), ['{}']);
    const r = await zige(['eval', '--batch', input, '--engine', 'duckdb', '--as-of', '2026-11-28']);
    expect(r.code).toBe(0);
    const skipped = r.stderr.split('\n').filter((l) => l.includes('W_SQL_SKIPPED'));
    expect(skipped.map((l) => /（([a-z0-9-]+)）/.exec(l)?.[1])).toEqual(['chaoyang-skill-upgrade-subsidy', 'tianjin-competition-promotion']);
    const judged = new Set(r.stdout.trim().split('\n').flatMap((l) => (JSON.parse(l) as { results: { id: string }[] }).results.map((x) => x.id)));
    expect(judged.has('internet-marketer') && !judged.has('chaoyang-skill-upgrade-subsidy') && !judged.has('tianjin-competition-promotion')).toBe(true);
    const named = await zige(['eval', '--batch', input, '--engine', 'duckdb', '--occupation', 'chaoyang-skill-upgrade-subsidy', '--as-of', '2026-11-28']);
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('E_SQL_UNSUPPORTED');
    expect(named.stderr).toContain('chaoyang-skill-upgrade-subsidy');
  });

  it('gives the JS batch output byte for byte: every occupation SQL compiles, hostile lines rejected with the same line and code', async () => {
    const profiles = population(11, 50).map((p) => JSON.stringify(withoutSingleRelations(p)));
    const input = jsonLines(join(dir, 'mixed.jsonl'), [...profiles.slice(0, 25), ...HOSTILE_LINES, ...profiles.slice(25)]);
    // every occupation the SQL backend compiles (the Tianjin rules are refused by name: below)
    const { code, output } = await bothEngines(input, 'mixed.jsonl', ['--as-of', '2026-11-28', '--rules', sqlRulesDir()]);
    expect(code).toBe(1);
    const errors = output.split('\n').filter((l) => l.includes('"error"'));
    expect(errors.length).toBe(12);
    expect(output).toContain('"code":"E_PROFILE_RELATION"');
    expect(output).toContain('W_UNRELATED');
  });

  it('one occupation with one-value relations, CSV output', async () => {
    const input = jsonLines(join(dir, 'one.jsonl'), population(5, 150).map((p) => JSON.stringify(p)));
    const { code, output } = await bothEngines(input, 'one.csv', ['--occupation', '互联网营销师', '--as-of', '2026-11-28', '--bom']);
    expect(code).toBe(0);
    expect(output.split('\n').length).toBeGreaterThan(150);
  });

  it('reads CSV input with broken records the same way', async () => {
    const rows = population(3, 20).map((p) => `"${JSON.stringify(p).replace(/"/g, '""')}",x`);
    const csv = ['profile,note', ...rows.slice(0, 5), '"{""work"": 1}",bad', 'not json,y', '"unclosed', ...rows.slice(5)].join('\n') + '\n';
    writeFileSync(join(dir, 'in.csv'), csv);
    const { code } = await bothEngines(join(dir, 'in.csv'), 'in.jsonl', ['--occupation', '互联网营销师', '--as-of', '2026-11-28']);
    expect(code).toBe(1);
  });

  it('picks the rule version in force, with hostile occupation names', async () => {
    const rules = hostileRules();
    const lines = population(9, 40).map((p) => JSON.stringify(withoutSingleRelations(p)));
    const input = jsonLines(join(dir, 'hostile.jsonl'), [...lines, ...HOSTILE_LINES.slice(-3)]);
    for (const asOf of ['2024-06-30', '2025-03-01']) {
      const { output } = await bothEngines(input, `hostile-${asOf}.jsonl`, ['--rules', rules, '--as-of', asOf]);
      expect(output).toContain(asOf.startsWith('2024') ? `"version":"2024"` : `"version":"2025"`);
    }
  });

  it('refuses --explain, an unknown engine and --jobs with DuckDB (exit 2)', async () => {
    const input = jsonLines(join(dir, 'tiny.jsonl'), ['{}']);
    for (const extra of [['--engine', 'duckdb', '--explain'], ['--engine', 'sqlite'], ['--engine', 'duckdb', '--jobs', '2'], ['--memory-limit', '1GB']]) {
      const r = await zige(['eval', '--batch', input, ...extra]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/--(explain|engine|jobs|memory-limit)/);
    }
  });

  it('zige sql prints a script that loads JSON lines and screens them in DuckDB (hostile names in the rules)', async () => {
    const rules = hostileRules();
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const input = jsonLines(join(dir, 'script.jsonl'), population(2, 30).map((p) => JSON.stringify(withoutSingleRelations(p))));
    const r = await zige(['sql', input, '--dialect', 'duckdb', '--as-of', '2024-05-01', '--rules', rules]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("EXECUTE zige_screening('2024-05-01')");
    expect(r.stdout).toContain("'虚构''; DROP TABLE applicants; --职业'");
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const statements = await connection.extractStatements(r.stdout);
    let rows = 0;
    for (let i = 0; i < statements.count; i++) {
      const result = await (await statements.prepare(i)).runAndReadAll();
      if (i === statements.count - 3) rows = result.currentRowCount;
    }
    connection.closeSync();
    instance.closeSync();
    const js = await zige(['eval', '--batch', input, '--as-of', '2024-05-01', '--rules', rules]);
    expect(rows).toBe(js.stdout.split('\n').filter(Boolean).reduce((n, l) => n + (JSON.parse(l) as { results: unknown[] }).results.length, 0));
  });
});

describe('Parquet input (--engine duckdb)', { timeout: 180_000 }, () => {
  it('reads the profile column, each row numbered like a JSON line, as the JS batch reads the same JSON lines', async () => {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const lines = [...population(4, 30).map((p) => JSON.stringify(p)), 'not json', '{"salary": 1}'];
    const input = jsonLines(join(dir, 'pq.jsonl'), lines);
    const parquet = join(dir, 'pq.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run('CREATE TABLE t (n INTEGER, profile VARCHAR)');
    for (const [i, l] of lines.entries()) await connection.run('INSERT INTO t VALUES ($1, $2)', [i, l]);
    await connection.run(`COPY (SELECT profile FROM t ORDER BY n) TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`);
    connection.closeSync();
    instance.closeSync();
    const args = ['--occupation', '互联网营销师', '--as-of', '2026-11-28'];
    const js = await zige(['eval', '--batch', input, '--out', join(dir, 'pq-js.jsonl'), ...args]);
    const duck = await zige(['eval', '--batch', parquet, '--out', join(dir, 'pq-duck.jsonl'), '--engine', 'duckdb', ...args]);
    expect(duck.code).toBe(js.code);
    expect(readFileSync(join(dir, 'pq-duck.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'pq-js.jsonl'), 'utf8'));
    expect((await zige(['eval', '--batch', parquet])).code).toBe(2);
  });

  it('refuses by name an occupation it cannot compile (past events, a precondition), before any output', async () => {
    const input = jsonLines(join(dir, 'refused.jsonl'), [JSON.stringify({ categories: [] })]);
    const r = await zige(['eval', '--batch', input, '--engine', 'duckdb', '--occupation', 'tianjin-competition-promotion', '--as-of', '2026-11-28']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('error[E_SQL_UNSUPPORTED]');
    expect(r.stderr).toContain('tianjin-competition-promotion');
  });

  it('gives outcome and amount as the JS batch does (a next-level clause, amounts by level)', async () => {
    const rules = rulesDir({
      'grant.yaml': `id: grant
name: 样例补贴
source: {document: 样例, section: 一、样例, text: "一、样例\\n1. 样例条款。\\n"}
levels: [5, 4]
conditions:
  - level: 5
    source: 样例条款。
    amount: {value: 1000, unit: 元}
    clauses:
      - {id: "1", source: 样例条款。, outcome: next-level, when: 从业 本职业 >= 1年}
  - level: 4
    source: 样例条款。
    amount: {value: 1500.5, unit: 元}
    clauses:
      - {id: "1", source: 样例条款。, outcome: next-level, when: 从业 本职业 >= 1年}
`,
    });
    const work = { occupation: '样例补贴', from: '2020-01-01' };
    const input = jsonLines(join(dir, 'grant.jsonl'), [
      JSON.stringify({ work: [work] }),
      JSON.stringify({ work: [work], certificates: [{ occupation: '样例补贴', level: 5, kind: '技能等级证书', date: '2021-01-01' }] }),
    ]);
    const { output } = await bothEngines(input, 'grant.jsonl', ['--rules', rules, '--as-of', '2026-11-28']);
    expect(output).toContain('"outcome":{"kind":"next-level","level":5},"amount":{"value":1000,"unit":"元"}');
    expect(output).toContain('"outcome":{"kind":"next-level","level":4},"amount":{"value":1500.5,"unit":"元"}');
  });
});
