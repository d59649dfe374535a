// The DuckDB fast path's conservative check (sql/accept.ts): every line SQL accepts is one the JS
// batch accepts (read, schema, dates, declared fact types), over valid profiles, the batch's
// hostile lines and a corpus of near-misses (each a rule of the schema or of JSON broken once);
// and what SQL loads from an accepted line (sql/normalize.ts) equals, row for row, what Node
// loads from the same profile (sql/load.ts), the path of every line SQL refuses.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { checkProfile } from '../cli/batch-duckdb.js';
import { readProfile, type LineOptions } from '../cli/batch-worker.js';
import { population } from '../bench/population.js';
import type { OccupationMeta, Profile } from '../runtime/index.js';
import { acceptStatement, DOCS_TABLE } from '../sql/accept.js';
import { appendRows, openDuckdb } from '../sql/duckdb.js';
import { addProfile, emptyRows } from '../sql/load.js';
import { normalizeStatements } from '../sql/normalize.js';
import { TABLES } from '../sql/schema.js';
import { HOSTILE_LINES, withoutSingleRelations } from './sql/inputs.js';
import { occupationsOf } from './sql/harness.js';

const OPTIONS: LineOptions = { input: 'in.jsonl', csv: false, csvOutput: false, explain: false, asOf: '2026-11-28', single: false, lang: 'both', color: false, maxReports: 0 };

/** Numbers read to the same double by both parsers (15 digits on each side of the point): taken by the fast path. */
const PRECISE = '{"work":[{"occupation":"a","years":0.333333333333333}],"facts":{"项目数":123456789012345.123456789012345,"竞赛名次":-0.123456789012345}}';

/** Near-misses of a valid profile: each breaks one rule (or is an oddity that is valid after all). */
function nearMisses(base: Profile): string[] {
  const b = JSON.stringify(base);
  const edit = (f: (p: Record<string, any>) => void): string => {
    const p = structuredClone(base) as Record<string, any>;
    f(p);
    return JSON.stringify(p);
  };
  const w = { occupation: '互联网营销师', from: '2020-01-01', to: '2021-01-01' };
  return [
    edit((p) => (p.foo = 1)),
    edit((p) => (p.sex = '男')),
    ...['2023-02-30', '2023-2-3', '0099-12-31', '2024-02-29', '9999-12-31', 19900101, null].map((d) => edit((p) => (p.birthDate = d))),
    edit((p) => (p.work = [{ ...w, from: '2022-01-01' }])),
    edit((p) => (p.work = [{ occupation: 'x' }])),
    edit((p) => (p.work = [{ occupation: 'x', years: -1 }])),
    edit((p) => (p.work = [{ occupation: 'x', years: 0.5, to: '2020-01-01' }])),
    edit((p) => (p.work = [{ ...w, kind: '' }])),
    edit((p) => (p.work = [{ ...w, relation: '本职业' }])),
    edit((p) => (p.work = [{ ...w, relation: {} }])),
    edit((p) => (p.work = [{ ...w, relation: { 互联网营销师: '本职业', ai: '无关' } }])),
    edit((p) => (p.work = [{ ...w, relation: { __proto__x: '本职业' } }])),
    edit((p) => (p.work = [{ ...w, relation: JSON.parse('{"constructor": "本职业"}') }])),
    edit((p) => (p.work = [{ ...w, relation: { 1: '本职业' } }])),
    edit((p) => (p.work = [{ ...w, relation: { a: '本专业' } }])),
    edit((p) => (p.work = [w, w, { ...w, occupation: ' 互联网营销师' }])),
    edit((p) => (p.work = [{ ...w, occupation: '互联网营销师\u3000' }])),
    edit((p) => (p.work = [{ ...w, occupation: 'Ａ' }])),
    edit((p) => (p.work = [{ ...w, occupation: 'a/b~c' }])),
    edit((p) => (p.work = [{ ...w, occupation: '' }])),
    edit((p) => (p.work = {})),
    ...[0, 6, 3.5, '3', null].map((level) => edit((p) => (p.certificates = [{ occupation: 'x', kind: '技能等级证书', level }]))),
    edit((p) => (p.certificates = [{ occupation: 'x', kind: '技能等级证书' }])),
    edit((p) => (p.certificates = [{ occupation: 'x', kind: '预备技师证书' }])),
    edit((p) => (p.certificates = [{ occupation: 'x', kind: '证书', level: 3 }])),
    edit((p) => (p.training = [{ occupation: 'x', level: 3, certificate: 'yes' }])),
    edit((p) => (p.training = [{ occupation: 'x' }])),
    edit((p) => (p.apprenticeships = [{ occupation: 'x', completed: '2020-13-01' }])),
    edit((p) => (p.education = [{ level: '大专' }])),
    edit((p) => (p.education = [{ level: '大学', status: '毕业' }])),
    edit((p) => (p.education = [{ level: '大专', status: '毕业', major: '' }])),
    edit((p) => (p.education = [{ level: '大专', status: '毕业', majorRelation: '本专业' }])),
    edit((p) => (p.education = [{ level: '大专', status: '毕业', majorRelation: { x: '本职业' } }])),
    edit((p) => (p.education = [{ level: '技工学校', status: '在读', track: '高级工班', assessedTarget: '高级', major: '电子商务', date: '2027-07-01' }])),
    edit((p) => (p.categories = ['退役士兵', '退役士兵'])),
    edit((p) => (p.categories = [''])),
    edit((p) => (p.categories = [1])),
    edit((p) => (p.categories = ['退役士兵', '新调入'])),
    ...[true, 3, '无', 'none', 'abc', -2.5, 1e21].map((v) => edit((p) => (p.facts = { 项目数: v }))),
    ...[true, 3, '无'].map((v) => edit((p) => (p.facts = { 已转正定级: v }))),
    edit((p) => (p.facts = { 2: 1, b: 2 })),
    edit((p) => (p.facts = JSON.parse('{"__proto__": 1}'))),
    edit((p) => (p.facts = { 未声明: 1, '  项目数': 2 })),
    // text-level oddities: JSON that DuckDB would read but JSON.parse refuses, or spellings the fast path leaves to Node
    b.replace(/^\{/, '{"birthDate":"1990-01-01",'),
    '{"work":[{"occupation":"a","occupation":"b","years":1}]}',
    '{"facts":{"项目数":1,"项目数":2}}',
    '{"work":[{"occupation":"a","years":1,"relation":{"a":"本职业","a":"无关"}}]}',
    '{"work":[],}',
    '{"work":[{"occupation":"a","years":1},]}',
    '{"work":[] /* c */}',
    '{"facts":{"项目数":NaN}}',
    '{"facts":{"项目数":Infinity}}',
    '{"facts":{"项目数":1e3}}',
    '{"facts":{"项目数":1234567890123456}}',
    '{"facts":{"项目数":-0}}',
    '{"work":[{"occupation":"a","years":01}]}',
    '\uFEFF' + b,
    ' ' + b,
    b + ' ',
    '{ "work" : [ { "occupation" : "a" , "years" : 1 } ] }',
    '{"work":[{"occupation":"\\u4e92","years":1}]}',
    '{"work":[{"occupation":"a\tb","years":1}]}',
    '{"work":\t[]}',
    '{}',
    '[]',
    '{"work":null}',
    '{"work":[{"occupation":"a","years":1}]}}',
    '{"work":[{"occupation":"a","years":1}]',
    "{'work':[]}",
    '{"work":[{"occupation":"a","years":1e2}]}',
    PRECISE,
  ];
}

function jsAccepts(text: string, metas: readonly OccupationMeta[]): Profile | undefined {
  const sink = new DiagnosticSink();
  const profile = readProfile({ lines: [1], texts: [text] }, 0, null, sink, OPTIONS);
  if (profile !== undefined) checkProfile(profile, metas, sink, OPTIONS);
  return profile !== undefined && !sink.hasErrors ? profile : undefined;
}

let db: Awaited<ReturnType<typeof openDuckdb>>;
let metas: OccupationMeta[];
let lines: string[];
let accepted: number[];

beforeAll(async () => {
  metas = occupationsOf().map((o) => o.meta);
  const bases = [...population(7, 30), ...population(8, 10, { decided: true })].map(withoutSingleRelations);
  bases.push({ facts: { 项目数: 3, 已转正定级: true, 竞赛名次: '无', 安全行车里程: 'none' as never }, categories: ['退役士兵'] } as Profile);
  lines = [...bases.map((p) => JSON.stringify(p)), ...bases.slice(0, 3).flatMap(nearMisses), ...HOSTILE_LINES.filter((l): l is string => typeof l === 'string')];
  db = await openDuckdb({ memoryLimit: '512MB' });
  await db.connection.run('CREATE TABLE raw (applicant_id BIGINT NOT NULL, t VARCHAR NOT NULL)');
  const appender = await db.connection.createAppender('raw');
  lines.forEach((t, i) => {
    appender.appendBigInt(BigInt(i + 1));
    appender.appendVarchar(t);
    appender.endRow();
  });
  appender.closeSync();
  await db.connection.run(DOCS_TABLE);
  await db.connection.run(acceptStatement(metas));
  accepted = (await db.connection.runAndReadAll('SELECT applicant_id FROM docs ORDER BY 1')).getRows().map((r) => Number(r[0]));
}, 60_000);

afterAll(() => db?.close());

describe('the DuckDB fast path accepts only what the JS batch accepts', () => {
  it('accepted ⇒ valid, over valid profiles, near-misses and the hostile lines', () => {
    const wrong = accepted.filter((id) => jsAccepts(lines[id - 1], metas) === undefined).map((id) => lines[id - 1]);
    expect(wrong).toEqual([]);
    // the fast path is taken: every generated valid profile, and the valid near-misses it can read
    expect(accepted.length).toBeGreaterThan(45);
    expect(accepted.map((id) => lines[id - 1])).toContain(PRECISE);
    const refusedValid = lines.filter((t, i) => !accepted.includes(i + 1) && jsAccepts(t, metas) !== undefined);
    expect(refusedValid.length).toBeGreaterThan(5); // spellings left to Node on purpose (BOM, escapes, spaces at either end)
  });

  it('loads an accepted line into the same rows as Node does', async () => {
    const c = db.connection;
    for (const s of normalizeStatements()) await c.run(s);
    for (const t of TABLES) await c.run(`CREATE TABLE ${t.name}_sql AS SELECT * FROM ${t.name}; DELETE FROM ${t.name}`);
    const rows = emptyRows();
    for (const id of accepted) addProfile(rows, id, id, jsAccepts(lines[id - 1], metas)!);
    await appendRows(c, rows);
    for (const t of TABLES) {
      const differ = (await c.runAndReadAll(`SELECT count(*) FROM ((SELECT * FROM ${t.name} EXCEPT ALL SELECT * FROM ${t.name}_sql) UNION ALL (SELECT * FROM ${t.name}_sql EXCEPT ALL SELECT * FROM ${t.name}))`)).getRows()[0][0];
      expect([t.name, Number(differ)]).toEqual([t.name, 0]);
    }
    const loaded = (await c.runAndReadAll('SELECT (SELECT count(*) FROM work_sql), (SELECT count(*) FROM facts_sql), (SELECT count(*) FROM relations_sql), (SELECT count(*) FROM categories_sql)')).getRows()[0].map(Number);
    expect(loaded.every((n) => n > 0)).toBe(true);
  });
});
