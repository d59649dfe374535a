// The check-result cache of `zige check` (cli/check-cache.ts): a hit prints exactly what a real
// check prints, any changed input is a miss, and a broken or unwritable cache changes nothing.
// Hits are recognised by the entry file not being rewritten and by the ZIGE_DEBUG line, never by time.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cacheDirectory, MAX_ENTRIES, openCache } from '../cli/check-cache.js';
import { schemaComment } from '../compiler/load/schema-comment.js';
import { APPRENTICESHIP_LEVEL_5, levelFiveClause, ROOT, ruleFile, rulesDir, scratch, type CliResult } from './helpers.js';
import { zige } from './in-process.js';

const FORMATS = ['human', 'json', 'github'] as const;

/** A rule file with its schema line (no warning), given the file's path. */
function withSchemaLine(path: string, text: string): string {
  return `${schemaComment(path)}\n${text}`;
}

function cleanDir(): string {
  const dir = rulesDir({});
  writeFileSync(join(dir, 'sample.yaml'), withSchemaLine(join(dir, 'sample.yaml'), ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 })));
  return dir;
}

/** Warnings only: no schema line, and a test case without expectations. */
function warningsDir(): string {
  return rulesDir({
    'sample.yaml': ruleFile({
      conditions: APPRENTICESHIP_LEVEL_5,
      extra: 'tests:\n  - name: no expectation\n    asOf: 2026-11-28\n    profile: {education: []}',
    }),
  });
}

/** Errors and warnings in two files. */
function errorsDir(): string {
  return rulesDir({
    'a.yaml': ruleFile({ id: 'a', conditions: levelFiveClause('学徒期满 本职业或相关职业 且 持有 五纪') }),
    'b.yaml': ruleFile({ id: 'b', conditions: levelFiveClause('学徒期满 且') }),
  });
}

interface Run extends CliResult {
  /** Whether the run used a stored entry (from its ZIGE_DEBUG line). */
  hit?: boolean;
}

async function run(args: string[], options: { cacheDir?: string; cwd?: string; debug?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  const env: Record<string, string> = { ...options.env };
  if (options.cacheDir) env.ZIGE_CACHE_DIR = options.cacheDir;
  if (options.debug) env.ZIGE_DEBUG = '1';
  const r = await zige(args, { cwd: options.cwd, env });
  if (!options.debug) return r;
  return { ...r, hit: /zige: 缓存 cache: 命中 hit: /.test(r.stderr) };
}

function entries(cacheDir: string): string[] {
  return existsSync(cacheDir) ? readdirSync(cacheDir).filter((f) => /^check-[0-9a-f]+\.json$/.test(f)) : [];
}

/** The one entry of a cache directory, with what identifies a written file. */
function entry(cacheDir: string): { path: string; ino: number; mtimeMs: number } {
  const list = entries(cacheDir);
  expect(list).toHaveLength(1);
  const path = join(cacheDir, list[0]);
  const st = statSync(path);
  return { path, ino: st.ino, mtimeMs: st.mtimeMs };
}

const same = (r: CliResult) => ({ code: r.code, stdout: r.stdout, stderr: r.stderr });

describe('zige check: a cache hit prints what a check prints', { timeout: 120_000 }, () => {
  for (const [name, make, code] of [
    ['a clean directory', cleanDir, 0],
    ['a directory with warnings', warningsDir, 0],
    ['a directory with errors', errorsDir, 1],
  ] as const) {
    it(`${name}, in every format`, async () => {
      const dir = make();
      const cacheDir = join(scratch('cache'), 'c');
      const fill = await run(['check', dir], { cacheDir });
      expect(fill.code).toBe(code);
      const written = entry(cacheDir);
      for (const format of FORMATS) {
        const reference = await run(['check', dir, '--format', format, '--no-cache']);
        const cached = await run(['check', dir, '--format', format], { cacheDir });
        expect(same(cached)).toEqual(same(reference));
        expect(reference.code).toBe(code);
      }
      for (const lang of ['zh', 'en']) {
        expect(same(await run(['check', dir, '--lang', lang], { cacheDir }))).toEqual(same(await run(['check', dir, '--lang', lang, '--no-cache'])));
      }
      // Served from the entry: it was not written again.
      const after = entry(cacheDir);
      expect(after).toEqual(written);
      expect((await run(['check', dir], { cacheDir, debug: true })).hit).toBe(true);
    });
  }

  it('from another working directory (paths in messages depend on it), and the bundled rules', async () => {
    const dir = errorsDir();
    const cacheDir = join(scratch('cache'), 'c');
    for (const cwd of [ROOT, dir]) {
      const reference = await run(['check', dir, '--no-cache'], { cwd });
      expect(same(await run(['check', dir], { cacheDir, cwd }))).toEqual(same(reference));
      expect(same(await run(['check', dir], { cacheDir, cwd }))).toEqual(same(reference));
    }
    expect(entries(cacheDir)).toHaveLength(2);
    const bundled = await run(['check'], { cacheDir });
    expect(bundled.code).toBe(0);
    expect((await run(['check'], { cacheDir, debug: true })).hit).toBe(true);
  });
});

describe('zige check: any changed input is a miss', { timeout: 120_000 }, () => {
  /** Fills the cache, applies a change, and expects a miss whose result is a real check's. */
  async function missAfter(dir: string, change: () => void, expectAfter: (r: CliResult) => void): Promise<void> {
    const cacheDir = join(scratch('cache'), 'c');
    await run(['check', dir], { cacheDir });
    expect((await run(['check', dir], { cacheDir, debug: true })).hit).toBe(true);
    change();
    const reference = await run(['check', dir, '--no-cache']);
    const debugged = await run(['check', dir], { cacheDir, debug: true });
    expect(debugged.hit).toBe(false);
    expectAfter(reference);
    // The miss stored the new result: now a hit, printing the new result.
    expect(same(await run(['check', dir], { cacheDir }))).toEqual(same(reference));
    expect((await run(['check', dir], { cacheDir, debug: true })).hit).toBe(true);
  }

  it('editing a rule file', async () => {
    const dir = cleanDir();
    const file = join(dir, 'sample.yaml');
    await missAfter(
      dir,
      () => writeFileSync(file, readFileSync(file, 'utf8').replace('when: 学徒期满 本职业或相关职业', 'when: 学徒期满 且')),
      (r) => {
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('E_SYNTAX_EOF');
      },
    );
  });

  it('editing the vocabulary', async () => {
    const dir = cleanDir();
    const vocabulary = join(dir, 'vocabulary.yaml');
    await missAfter(
      dir,
      () => writeFileSync(vocabulary, readFileSync(vocabulary, 'utf8').replace(/^tracks:/m, 'tracks: 3\nold-tracks:')),
      (r) => {
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('E_VOCABULARY');
      },
    );
  });

  it('adding a vocabulary where the bundled one was used', async () => {
    const dir = cleanDir();
    const vocabulary = join(dir, 'vocabulary.yaml');
    const text = readFileSync(vocabulary, 'utf8');
    rmSync(vocabulary);
    await missAfter(
      dir,
      () => writeFileSync(vocabulary, text.replace(/^tracks:/m, 'tracks: 3\nold-tracks:')),
      (r) => expect(r.stderr).toContain('E_VOCABULARY'),
    );
  });

  it('editing the cited source document', async () => {
    const dir = cleanDir();
    const source = join(dir, 'sources', 'guizhou-2023-09-registration-conditions.txt');
    await missAfter(
      dir,
      () => {
        chmodSync(source, 0o644);
        writeFileSync(source, readFileSync(source, 'utf8').replaceAll('本职业或相关职业学徒期满', '本职业学徒期满'));
      },
      (r) => {
        expect(r.code).toBe(1);
        expect(r.stderr).toContain('E_SOURCE_MISSING');
      },
    );
  });

  it('adding a rule file', async () => {
    const dir = cleanDir();
    await missAfter(
      dir,
      () => writeFileSync(join(dir, 'other.yml'), withSchemaLine(join(dir, 'other.yml'), ruleFile({ id: 'other', conditions: APPRENTICESHIP_LEVEL_5 }))),
      (r) => {
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('2 rule files');
      },
    );
  });

  it('removing a rule file', async () => {
    const dir = errorsDir();
    await missAfter(
      dir,
      () => rmSync(join(dir, 'b.yaml')),
      (r) => {
        expect(r.stderr).not.toContain('b.yaml');
        expect(r.stderr).toContain('1 error(s)');
      },
    );
  });

  it('creating the schema a schema line points to', async () => {
    const dir = rulesDir({});
    const file = join(dir, 'sample.yaml');
    writeFileSync(file, `# yaml-language-server: $schema=./schema/rule-file.schema.json\n${ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 })}`);
    expect((await run(['check', dir, '--no-cache'])).stderr).toContain('W_SCHEMA_COMMENT_PATH');
    await missAfter(
      dir,
      () => {
        mkdirSync(join(dir, 'schema'));
        writeFileSync(join(dir, 'schema', 'rule-file.schema.json'), '{}');
      },
      (r) => expect(r.stderr).toBe(''),
    );
  });

  it('a rules directory that appears', async () => {
    const dir = join(scratch('later'), 'rules');
    await missAfter(
      dir,
      () => {
        mkdirSync(dir);
        writeFileSync(join(dir, 'sample.yaml'), withSchemaLine(join(dir, 'sample.yaml'), ruleFile({ conditions: APPRENTICESHIP_LEVEL_5 })));
        mkdirSync(join(dir, 'sources'));
        writeFileSync(join(dir, 'sources', 'guizhou-2023-09-registration-conditions.txt'), readFileSync(join(ROOT, 'rules', 'sources', 'guizhou-2023-09-registration-conditions.txt')));
      },
      (r) => expect(r.code).toBe(0),
    );
  });
});

describe('zige check: a broken cache is harmless', { timeout: 120_000 }, () => {
  it('a corrupt, truncated or tampered entry is a miss, then replaced', async () => {
    const dir = errorsDir();
    const cacheDir = join(scratch('cache'), 'c');
    const reference = await run(['check', dir, '--no-cache']);
    await run(['check', dir], { cacheDir });
    const { path } = entry(cacheDir);
    const good = readFileSync(path, 'utf8');
    const corruptions = [
      '',
      'not a cache entry',
      good.slice(0, good.length >> 1),
      // valid JSON, wrong content: the checksum line no longer matches
      good.replace('"ok":false', '"ok":true'),
      good.replace(/E_SYNTAX_EOF/g, 'E_OTHER'),
      // a sound checksum, but not an entry
      `${createHash('sha256').update('{}').digest('hex')}\n{}`,
    ];
    for (const bad of corruptions) {
      writeFileSync(path, bad);
      const r = await run(['check', dir], { cacheDir, debug: true });
      expect(r.hit).toBe(false);
      expect(r.code).toBe(reference.code);
      expect(same(await run(['check', dir], { cacheDir }))).toEqual(same(reference));
      expect(readFileSync(path, 'utf8')).toBe(good);
    }
  });

  it('an entry that is a directory, or a cache directory that cannot be created', async () => {
    const dir = warningsDir();
    const reference = await run(['check', dir, '--no-cache']);
    const cacheDir = join(scratch('cache'), 'c');
    await run(['check', dir], { cacheDir });
    const { path } = entry(cacheDir);
    rmSync(path);
    mkdirSync(path);
    expect(same(await run(['check', dir], { cacheDir }))).toEqual(same(reference));
    expect(same(await run(['check', dir], { cacheDir }))).toEqual(same(reference));

    const file = join(scratch('cache'), 'a-file');
    writeFileSync(file, '');
    const under = join(file, 'cache');
    expect(same(await run(['check', dir], { cacheDir: under }))).toEqual(same(reference));
    const debugged = await run(['check', dir], { cacheDir: under, debug: true });
    expect(debugged.stderr).toMatch(/zige: 缓存 cache: 未写入 not stored: /);
    expect(debugged.code).toBe(reference.code);
  });

  it.runIf(process.getuid?.() === 0)('an entry written by another user is not trusted', async () => {
    const dir = cleanDir();
    const cacheDir = join(scratch('cache'), 'c');
    await run(['check', dir], { cacheDir });
    const { path } = entry(cacheDir);
    chownSync(path, 12345, 12345);
    expect((await run(['check', dir], { cacheDir, debug: true })).hit).toBe(false);
  });
});

describe('zige check: options and location', { timeout: 60_000 }, () => {
  it('--no-cache reads and writes nothing', async () => {
    const dir = cleanDir();
    const cacheDir = join(scratch('cache'), 'c');
    const r = await run(['check', dir, '--no-cache'], { cacheDir, debug: true });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('缓存 cache');
    expect(existsSync(cacheDir)).toBe(false);
    // … and ignores an entry that exists.
    await run(['check', dir], { cacheDir });
    const { path } = entry(cacheDir);
    writeFileSync(path, 'not a cache entry');
    await run(['check', dir, '--no-cache'], { cacheDir });
    expect(readFileSync(path, 'utf8')).toBe('not a cache entry');
  });

  it('--cache-dir wins over ZIGE_CACHE_DIR', async () => {
    const dir = cleanDir();
    const fromEnv = join(scratch('cache'), 'env');
    const fromFlag = join(scratch('cache'), 'flag');
    await run(['check', dir, '--cache-dir', fromFlag], { cacheDir: fromEnv });
    expect(entries(fromFlag)).toHaveLength(1);
    expect(existsSync(fromEnv)).toBe(false);
  });

  it('--watch checks in its own process, without the cache', async () => {
    const { runCheckWatch } = await import('../cli/watch.js');
    const dir = cleanDir();
    const cacheDir = join(scratch('cache'), 'c');
    const out: string[] = [];
    const controller = new AbortController();
    const io = { out: (s: string) => out.push(s), err: () => undefined, readFile: (p: string) => readFileSync(p, 'utf8'), isTTY: false };
    const before = process.env.ZIGE_CACHE_DIR;
    process.env.ZIGE_CACHE_DIR = cacheDir;
    try {
      const done = runCheckWatch({ dir, lang: 'both' }, io, { signal: controller.signal });
      controller.abort();
      expect(await done).toBe(0);
    } finally {
      if (before === undefined) delete process.env.ZIGE_CACHE_DIR;
      else process.env.ZIGE_CACHE_DIR = before;
    }
    expect(out.join('\n')).toContain('1 rule files');
    expect(existsSync(cacheDir)).toBe(false);
  });

  it('the entry is keyed by the build (dist/build-id) and lists what the check read', async () => {
    const dir = cleanDir();
    const cacheDir = join(scratch('cache'), 'c');
    await run(['check', dir], { cacheDir });
    const text = readFileSync(entry(cacheDir).path, 'utf8');
    const body = JSON.parse(text.slice(text.indexOf('\n') + 1));
    // (dist/build-id itself is compared in the next test, on a copy no one else rebuilds)
    expect(JSON.parse(body.key)).toMatchObject({ build: expect.stringMatching(/^[0-9a-f]{64}$/), cwd: ROOT, dir, root: ROOT });
    const read = body.inputs.filter((i: string[]) => i[0] === 'read').map((i: string[]) => i[1]);
    expect(read).toEqual(
      expect.arrayContaining([
        join(dir, 'sample.yaml'),
        join(dir, 'vocabulary.yaml'),
        join(dir, 'sources', 'guizhou-2023-09-registration-conditions.txt'),
        join(ROOT, 'schema', 'rule-file.schema.json'),
        join(ROOT, 'node_modules', 'yaml', 'package.json'),
      ]),
    );
    expect(body.inputs).toContainEqual(['list', dir, JSON.stringify(['sample.yaml'])]);
  });

  it('a rebuilt compiler uses none of the old entries, with or without the build-id step', async () => {
    // A copy of the built package (without the compiled rules), with its own dist/build-id.
    const root = scratch('built');
    cpSync(join(ROOT, 'dist'), join(root, 'dist'), { recursive: true, filter: (src) => !src.startsWith(join(ROOT, 'dist', 'evaluators')) });
    cpSync(join(ROOT, 'package.json'), join(root, 'package.json'));
    cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
    cpSync(join(ROOT, 'scripts', 'build-id.mjs'), join(root, 'scripts', 'build-id.mjs'));
    const buildId = (): void => {
      expect(spawnSync(process.execPath, [join(root, 'scripts', 'build-id.mjs')]).status).toBe(0);
    };
    const dir = errorsDir();
    const cacheDir = join(scratch('cache'), 'c');
    const id = (): string => (JSON.parse(readFileSync(join(root, 'dist', 'build-id'), 'utf8')) as { id: string }).id;
    const key = (): { build: string } => {
      const text = readFileSync(join(cacheDir, entries(cacheDir)[0]), 'utf8');
      return JSON.parse((JSON.parse(text.slice(text.indexOf('\n') + 1)) as { key: string }).key) as { build: string };
    };
    // The copy's own modules, in this process: they find dist/build-id beside themselves, as its CLI would.
    const copy = async (...flags: string[]): Promise<Run> => {
      const r = await zige(['check', dir, ...flags], { build: root, env: { ZIGE_CACHE_DIR: cacheDir, ZIGE_DEBUG: '1' } });
      return { ...r, hit: /zige: 缓存 cache: 命中 hit: /.test(r.stderr) };
    };
    buildId();
    const reference = await copy('--no-cache');
    expect(reference.stderr).not.toContain('缓存 cache');
    expect((await copy()).hit).toBe(false);
    const hit = await copy();
    expect(hit.hit).toBe(true);
    expect(hit.stderr).not.toContain('之后有变');
    expect(hit.stderr).toContain(reference.stderr);
    expect(entries(cacheDir)).toHaveLength(1);
    expect(key().build).toBe(id());

    // tsc alone (or a build that failed after it): the built code is not what dist/build-id
    // describes, so it is hashed again: a new id, a new entry.
    const checker = join(root, 'dist', 'compiler', 'check-rules.js');
    writeFileSync(checker, `${readFileSync(checker, 'utf8')}\n// rebuilt\n`);
    const stale = await copy();
    expect(stale.hit).toBe(false);
    expect(stale.stderr).toContain('zige: 缓存 cache: dist/ 在 dist/build-id 之后有变');
    expect(stale.code).toBe(reference.code);
    expect(stale.stderr).toContain(reference.stderr);
    expect((await copy()).hit).toBe(true);
    expect(entries(cacheDir)).toHaveLength(2);

    // The build step records the same id for the same code.
    buildId();
    const rebuilt = await copy();
    expect(rebuilt.hit).toBe(true);
    expect(rebuilt.stderr).not.toContain('之后有变');
    expect(entries(cacheDir)).toHaveLength(2);
  });

  it('the default location: node_modules/.cache/zige of the nearest package, else the temporary directory', async () => {
    expect(cacheDirectory(join(ROOT, 'rules'))).toBe(join(ROOT, 'node_modules', '.cache', 'zige'));
    expect(cacheDirectory(join(ROOT, '.tmp', 'no', 'such', 'dir'))).toBe(join(ROOT, 'node_modules', '.cache', 'zige'));
    const outside = mkdtempSync(join(tmpdir(), 'zige-no-package-'));
    try {
      let expected = join(tmpdir(), 'zige-cache');
      for (let d = resolve(outside); ; d = resolve(d, '..')) {
        if (existsSync(join(d, 'package.json'))) {
          expected = join(d, 'node_modules', '.cache', 'zige');
          break;
        }
        if (resolve(d, '..') === d) break;
      }
      expect(cacheDirectory(outside)).toBe(expected);
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
    expect(cacheDirectory(join(ROOT, 'rules'), 'x/y')).toBe(resolve('x/y'));
  });

  it('the default location is used by the CLI', async () => {
    const dir = cleanDir();
    const r = await run(['check', dir], { debug: true, env: { ZIGE_CACHE_DIR: '' } });
    expect(r.stderr).toContain(`已写入 stored: ${join(ROOT, 'node_modules', '.cache', 'zige', 'check-')}`);
  });

  it('running from sources (no dist/build-id beside the code) caches nothing', async () => {
    expect(openCache(undefined, { enabled: true }, () => undefined)).toBeUndefined();
  });

  it(`keeps at most ${MAX_ENTRIES} entries`, async () => {
    const cacheDir = join(scratch('cache'), 'c');
    mkdirSync(cacheDir);
    const old = Array.from({ length: MAX_ENTRIES + 5 }, (_, i) => `check-${i.toString(16).padStart(32, '0')}.json`);
    old.forEach((f, i) => {
      writeFileSync(join(cacheDir, f), 'old');
      utimesSync(join(cacheDir, f), 1_000_000 + i, 1_000_000 + i);
    });
    await run(['check', cleanDir()], { cacheDir });
    const kept = entries(cacheDir);
    expect(kept).toHaveLength(MAX_ENTRIES);
    // the new entry and the most recent old ones stay
    expect(kept.filter((f) => !old.includes(f))).toHaveLength(1);
    expect(kept).not.toContain(old[5]);
    expect(kept).toContain(old[6]);
  });
});
