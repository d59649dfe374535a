// `zige site` as a command (no browser): the folder it writes, replacing a previous site and
// refusing a folder holding anything else, invalid rules refused, and a rule set using every
// construct of the language — two versions of one occupation — turned into pages and evaluator
// scripts that judge as `zige eval` does.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import * as runtime from '../runtime/index.js';
import { rulesDir, scratch } from './helpers.js';
import { zige } from './in-process.js';

const EVERY = join(import.meta.dirname, 'fixtures', 'every-construct');

describe('zige site', () => {
  test('writes the pages, the scripts and one evaluator script per occupation version; replaces a previous site', async () => {
    const out = join(scratch('site-cmd'), 'site');
    const r = await zige(['site', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out);
    for (const f of ['index.html', 'selfcheck.html', 'playground.html', 'site.css', 'selfcheck.js', 'handbook.js', 'playground.js', 'data-index.js', 'playground-data.js', 'occupation-hr-manager.html', 'occupation-hr-manager@2023-09.js']) expect(files).toContain(f);
    // the self-check page loads no checker: only the index, the default occupation and its bundle
    const scripts = [...readFileSync(join(out, 'selfcheck.html'), 'utf8').matchAll(/<script src="([^"]+)"/g)].map((m) => m[1]);
    expect(scripts.filter((s) => !s.startsWith('occupation-'))).toEqual(['data-index.js', 'selfcheck.js']);
    expect(readFileSync(join(out, 'selfcheck.js'), 'utf8')).not.toMatch(/chevrotain|yaml-language-server|ajv/i);
    const again = await zige(['site', '--out', out]);
    expect(again.code, again.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(files.sort());
  });

  test('refuses an output folder holding anything else, and invalid rules', async () => {
    const out = join(scratch('site-cmd'), 'mine');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = await zige(['site', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/E_OUT_FOREIGN[\s\S]*notes\.txt/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
    const bad = rulesDir({ 'x.yaml': 'id: x\nname: 某\n' });
    const b = await zige(['site', bad, '--out', join(scratch('site-cmd'), 'bad')]);
    expect(b.code).toBe(1);
    expect(b.stderr).toMatch(/error\[E_/);
    expect((await zige(['site'])).code).toBe(2);
  });

  test('every construct of the language: handbook pages name every clause; the evaluator scripts judge as zige eval', async () => {
    const out = join(scratch('site-cmd'), 'every');
    const r = await zige(['site', EVERY, '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const index = runInNewContext(`${readFileSync(join(out, 'data-index.js'), 'utf8')}; self.zigeIndex`, { self: {} }) as { rulesVersion: string; occupations: { key: string; id: string; script: string; inForce: { from: string } }[] };
    expect(index.occupations.length).toBe(2);
    const profile: runtime.Profile = { birthDate: '1990-01-01', education: [{ level: '高中', status: '毕业', date: '2008-07-01' }], work: [{ occupation: '全部构造', from: '2010-01-01' }], facts: { 安全行车里程: 1000 } };
    const file = join(scratch('site-cmd'), 'p.json');
    writeFileSync(file, JSON.stringify(profile));
    for (const o of index.occupations) {
      const pushed = runInNewContext(`${readFileSync(join(out, o.script), 'utf8')}; self.zigeOccupations`, { self: {} }) as { key: string; make: (r: unknown) => { occupation: runtime.CompiledOccupation } }[];
      const compiled = pushed[0].make(runtime).occupation;
      const asOf = o.inForce.from;
      const judged = runtime.evaluateProfile(compiled, profile, { asOf, single: true });
      const cli = await zige(['eval', file, '--rules', EVERY, '--occupation', o.id, '--as-of', asOf, '--json']);
      expect(cli.code, cli.stderr).toBe(0);
      expect(`${JSON.stringify({ asOf, rulesVersion: index.rulesVersion, warnings: judged.warnings, results: judged.results }, null, 2)}\n`).toBe(cli.stdout);
      const page = readFileSync(join(out, `occupation-${o.id}.html`), 'utf8');
      for (const c of compiled.meta.clauses) expect(page).toContain(`id="${c.id}"`);
    }
    expect(existsSync(join(out, 'playground.html'))).toBe(true);
  });
});
