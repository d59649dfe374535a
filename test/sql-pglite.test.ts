// The postgres dialect on PGlite (PostgreSQL compiled to WebAssembly, one instance for the file):
// a differential against the TypeScript evaluators on random profiles from the reference
// generator (every bundled occupation, profiles with 100 overlapping work periods), rule versions
// and hostile names, `zige compile --target sql` output run as written, and refusal by name.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OccupationMeta, Profile } from '../runtime/index.js';
import { AtomSet, SqlRefusal } from '../sql/atoms.js';
import { compileStatements } from '../sql/statements.js';
import { TABLES } from '../sql/schema.js';
import { ROOT, scratch } from './helpers.js';
import { zige } from './in-process.js';
import { coverageReport, differential, sampleProfiles } from './sql/differential.js';
import { loadPostgres, occupationsOf, sqlAnswers, sqlRulesDir, typescriptAnswer, type Run } from './sql/harness.js';
import { hostileRules, withoutSingleRelations } from './sql/inputs.js';

let db: PGlite;
const run: Run = async (sql, params) => (await db.query(sql, params)).rows as Record<string, unknown>[];

/**
 * A new PGlite on a fresh cluster. Making the cluster (PGlite's initdb) takes seconds of CPU; it is
 * the same every time for a PGlite version, so it is kept in node_modules/.cache (gone with `npm ci`)
 * and each run starts from a copy of it, untouched by any earlier run.
 */
async function freshDatabase(): Promise<PGlite> {
  const pglite = join(ROOT, 'node_modules', '@electric-sql', 'pglite');
  const { version } = JSON.parse(readFileSync(join(pglite, 'package.json'), 'utf8')) as { version: string };
  const cache = join(ROOT, 'node_modules', '.cache', 'zige-test');
  const cluster = join(cache, `pglite-${version}-cluster.tar.gz`);
  if (existsSync(cluster)) return PGlite.create({ loadDataDir: new Blob([readFileSync(cluster)]) });
  const fresh = await PGlite.create();
  const dump = Buffer.from(await (await fresh.dumpDataDir('gzip')).arrayBuffer());
  mkdirSync(cache, { recursive: true });
  const temporary = `${cluster}.tmp-${process.pid}`;
  writeFileSync(temporary, dump);
  renameSync(temporary, cluster);
  return fresh;
}

beforeAll(async () => {
  db = await freshDatabase();
}, 180_000);

afterAll(async () => {
  await db.close();
});

// Generous timeouts: PGlite starts a WebAssembly PostgreSQL, slow on a loaded machine.
describe('postgres dialect on PGlite', { timeout: 180_000 }, () => {
  it('agrees with the TypeScript evaluators on random profiles, every occupation at once', async () => {
    // every occupation the SQL backend compiles (the Tianjin rules are refused by name, docs/sql.md)
    const occupations = occupationsOf(sqlRulesDir());
    const groups = sampleProfiles(occupations, 150, 2026);
    // Every occupation judged at once: one-value relations are the batch's error, not a case here.
    const asOf = '2026-11-28';
    const profiles = [...groups.values()].flat().map(withoutSingleRelations);
    await loadPostgres(run, profiles);
    const got = await sqlAnswers(run, occupations, asOf);
    let disagreements = 0;
    profiles.forEach((p, i) => {
      if (JSON.stringify(typescriptAnswer(occupations, p, asOf)) !== JSON.stringify(got[i])) disagreements++;
    });
    expect(profiles.filter((p) => p.work?.length === 100).length).toBeGreaterThanOrEqual(3);
    expect(disagreements).toBe(0);
  });

  it('agrees per occupation with one-value relations, on each generated as-of date, with coverage', async () => {
    const occupations = occupationsOf().filter((o) => o.meta.id === 'internet-marketer');
    const groups = new Map([...sampleProfiles(occupations, 300, 7)].slice(0, 2));
    const c = await differential({ run, load: (p) => loadPostgres(run, p) }, occupations, groups);
    console.log(coverageReport(c));
    expect(c.disagreements, c.examples.join('\n')).toBe(0);
    expect(c.comparisons).toBeGreaterThan(30);
    expect(Object.keys(c.levels).sort()).toEqual(['eligible', 'ineligible', 'unknown']);
  });

  it('picks the version in force and quotes hostile names', async () => {
    const occupations = occupationsOf(hostileRules());
    const groups = sampleProfiles(occupations, 80, 3);
    for (const asOf of ['2024-12-31', '2025-01-01']) {
      const profiles = [...groups.values()].flat().map(withoutSingleRelations) as Profile[];
      await loadPostgres(run, profiles);
      const got = await sqlAnswers(run, occupations, asOf);
      const wrong = profiles.map((p, i) => ({ p, want: typescriptAnswer(occupations, p, asOf), have: got[i] })).filter((x) => JSON.stringify(x.want) !== JSON.stringify(x.have));
      expect(wrong.slice(0, 1).map((x) => JSON.stringify(x).slice(0, 6000))).toEqual([]);
      expect(got[0].results[0].version).toBe(asOf.slice(0, 4));
    }
    expect((await run('SELECT count(*) AS n FROM applicants'))[0].n).toBe(80);
  });

  it('runs the files of zige compile --target sql --dialect postgres as written', async () => {
    const out = join(scratch('sql-compile'), 'sql');
    const rules = hostileRules();
    const r = await zige(['compile', rules, '--target', 'sql', '--dialect', 'postgres', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    for (const table of TABLES.map((t) => t.name)) await run(`DROP TABLE IF EXISTS ${table}`);
    await db.exec(readFileSync(join(out, 'schema.sql'), 'utf8'));
    await run(`INSERT INTO applicants VALUES (1, 1, '2000-01-01', true)`);
    const rows = await run(readFileSync(join(out, 'screening.sql'), 'utf8'), ['2025-06-01']);
    expect(rows.map((x) => x.version)).toEqual(['2025', '2025', '2025']);
    const expected = typescriptAnswer(occupationsOf(rules), { birthDate: '2000-01-01', education: [] }, '2025-06-01');
    expect(rows.map((x) => x.status)).toEqual(expected.results.map((x) => x.status));
    expect(rows.map((x) => x.matched)).toEqual(expected.results.map((x) => x.matched.join(' ')));
  });

  it('refuses a construct it does not compile by name, at compile time', () => {
    expect(() => new AtomSet('o0').plan({ op: 'rainfall', mm: 3 } as never)).toThrow(SqlRefusal);
    const meta = occupationsOf()[0].meta;
    const bogus: OccupationMeta = { ...meta, clauses: [{ ...meta.clauses[0], plan: { op: 'rainfall' } as never }] };
    expect(compileStatements([bogus])).toEqual({ ok: false, refused: [{ occupation: meta.id, construct: 'rainfall' }] });
  });
});
