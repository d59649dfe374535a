// `zige check` with a content-addressed cache of its results, on by default (docs/editing.md).
//
// A check stores its outcome as data (the diagnostics and the counts of the summary line, not the
// printed text) together with a manifest of everything it read from the file system: each file's
// SHA-256 (rule files, the vocabulary, cited source documents, the schema files the validators
// come from, the package.json of each dependency) or why it could not be read, each existence
// test, the rule-file names of the directory. An entry belongs to one key: zige's version and
// build (dist/build-id, a hash of the built code written by `npm run build`), the Node.js version,
// the package root, the working directory (paths in messages are relative to it) and the
// directory argument. The next run with
// that key makes the same reads again (compiler/check-inputs.ts); when every one agrees it prints
// the stored outcome in the current --format and --lang, with the same exit code, without loading
// yaml, chevrotain, the validators or the compiler. Anything else — no entry, a changed input, an
// entry that is corrupt, unreadable or not the user's own — is a real check, and a cache that
// cannot be written changes nothing but the next start-up. `ZIGE_DEBUG=1` says which on stderr.
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exists, isFile, listRuleFiles, readText, realPath, type InputRecorder } from '../compiler/load/check-inputs.js';
import { makeDirectory } from '../compiler/generate/make-directory.js';
import { errorCode, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { bundledRulesDir, packageRoot, packageVersion } from '../compiler/load/package-root.js';
import { printCheck, type CheckOutcome, type Io, type OutputOptions } from './output.js';

/** Written by scripts/build-id.mjs into dist/: a hash of the built code, and each file's size and modification time. */
export const BUILD_ID_FILE = 'build-id';

/** Entries kept per cache directory; the least recently written beyond this are removed. */
export const MAX_ENTRIES = 100;

/** The layout of an entry; entries of another layout are misses. */
const ENTRY_FORMAT = 1;

export interface CacheOptions {
  /** false: `--no-cache`, nothing read or written. */
  enabled: boolean;
  /** `--cache-dir` or `ZIGE_CACHE_DIR`; default: see cacheDirectory. */
  dir?: string;
}

type InputKind = 'read' | 'isFile' | 'exists' | 'list' | 'realpath';

/** One input of a check: what it did, to which path (absolute), and what it saw. */
type Input = [kind: InputKind, path: string, seen: string];

interface Entry {
  format: number;
  /** The key, spelled out (the file name is its hash). */
  key: string;
  inputs: Input[];
  outcome: CheckOutcome;
}

function sha256(s: string): string {
  return createHash('sha256').update(s).digest('hex');
}

/** Collects the inputs of a check; a path seen twice with different results spoils it. */
class Manifest implements InputRecorder {
  private readonly seen = new Map<string, Input>();
  consistent = true;

  private note(kind: InputKind, path: string, seen: string): void {
    const abs = resolve(path);
    const id = `${kind}\0${abs}`;
    const before = this.seen.get(id);
    if (before && before[2] !== seen) this.consistent = false;
    this.seen.set(id, [kind, abs, seen]);
  }

  read(path: string, result: { text: string } | { error: string }): void {
    this.note('read', path, 'text' in result ? sha256(result.text) : `!${result.error}`);
  }

  probe(path: string, test: 'isFile' | 'exists', result: boolean): void {
    this.note(test, path, String(result));
  }

  list(dir: string, result: { files: string[] } | { error: string }): void {
    this.note('list', dir, 'files' in result ? JSON.stringify(result.files) : `!${result.error}`);
  }

  resolve(path: string, result: { path: string } | { error: string }): void {
    this.note('realpath', path, 'path' in result ? result.path : `!${result.error}`);
  }

  inputs(): Input[] {
    return [...this.seen.values()];
  }
}

/** What the same read sees now. */
function seenNow(kind: InputKind, path: string): string | undefined {
  const now = new Manifest();
  try {
    if (kind === 'read') readText(path, now);
    else if (kind === 'isFile') isFile(path, now);
    else if (kind === 'exists') exists(path, now);
    else if (kind === 'list') listRuleFiles(path, now);
    else if (kind === 'realpath') realPath(path, now);
    else return undefined;
  } catch {
    /* recorded */
  }
  return now.inputs()[0]?.[2];
}

/**
 * Where entries go: `--cache-dir`/`ZIGE_CACHE_DIR` when given, else `node_modules/.cache/zige` in
 * the nearest directory holding a package.json from the rules directory upward (the convention of
 * find-cache-dir: babel-loader, Prettier, ESLint), else `zige-cache` in the temporary directory.
 */
export function cacheDirectory(rulesDir: string, explicit?: string): string {
  if (explicit) return resolve(explicit);
  for (let d = resolve(rulesDir); ; d = dirname(d)) {
    if (existsSync(join(d, 'package.json'))) return join(d, 'node_modules', '.cache', 'zige');
    if (dirname(d) === d) return join(tmpdir(), 'zige-cache');
  }
}

/** A built file: path relative to dist/ (with `/`), size and modification time. */
export type BuiltFile = [path: string, size: number, mtimeMs: number];

/** The built code behind a check: every .js and .cjs under dist/ but the compiled rules (dist/evaluators). */
export function builtFiles(dist: string): BuiltFile[] {
  const out: BuiltFile[] = [];
  const walk = (dir: string, rel: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name.startsWith('.')) continue;
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) {
        if (r !== 'evaluators') walk(join(dir, e.name), r);
      } else if (/\.c?js$/.test(e.name)) {
        const st = statSync(join(dir, e.name));
        out.push([r, st.size, st.mtimeMs]);
      }
    }
  };
  walk(dist, '');
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** The build id: a SHA-256 over the built files' paths and contents (scripts/build-id.mjs). */
export function computeBuildId(dist: string, files: BuiltFile[]): string {
  const hash = createHash('sha256');
  for (const [rel] of files) hash.update(`${rel}\0`).update(readFileSync(join(dist, rel))).update('\0');
  return hash.digest('hex');
}

/**
 * The build of zige running: the id `npm run build` wrote, while every built file has the size and
 * modification time it had then; else (dist/ rebuilt by tsc alone, or by a build that failed
 * later) the hash of the built files as they are now. Undefined — no cache — when there is no
 * dist/build-id: running from sources.
 */
function buildId(debug: (s: string) => void): string | undefined {
  const dist = fileURLToPath(new URL('..', import.meta.url));
  let recorded: { id?: unknown; files?: unknown };
  try {
    recorded = JSON.parse(readFileSync(join(dist, BUILD_ID_FILE), 'utf8')) as typeof recorded;
  } catch {
    debug(`关闭 off: 无 no dist/${BUILD_ID_FILE} (not built by npm run build)`);
    return undefined;
  }
  try {
    const files = builtFiles(dist);
    if (typeof recorded.id === 'string' && /^[0-9a-f]{64}$/.test(recorded.id) && JSON.stringify(files) === JSON.stringify(recorded.files)) return recorded.id;
    debug(`dist/ 在 dist/${BUILD_ID_FILE} 之后有变 changed since dist/${BUILD_ID_FILE}: 重新计算 hashing the built files`);
    return computeBuildId(dist, files);
  } catch (e) {
    debug(`关闭 off: ${(e as Error).message}`); // dist/ being rebuilt right now
    return undefined;
  }
}

function isRange(r: unknown): boolean {
  const pos = (p: unknown): boolean =>
    typeof p === 'object' && p !== null && Number.isInteger((p as { line: unknown }).line) && Number.isInteger((p as { col: unknown }).col);
  return typeof r === 'object' && r !== null && pos((r as { start: unknown }).start) && pos((r as { end: unknown }).end);
}

/**
 * Whether a diagnostic survives JSON unchanged in everything printing uses: strings, integers and
 * finite numbers only. Checked before writing (else nothing is stored) and after reading.
 */
function isPlainDiagnostic(x: unknown): x is Diagnostic {
  if (typeof x !== 'object' || x === null) return false;
  const d = x as Record<string, unknown>;
  const known = new Set(['code', 'severity', 'file', 'range', 'path', 'args', 'suggestions']);
  if (Object.keys(d).some((k) => !known.has(k))) return false;
  if (typeof d.code !== 'string' || (d.severity !== 'error' && d.severity !== 'warning')) return false;
  if (d.file !== undefined && typeof d.file !== 'string') return false;
  if (d.path !== undefined && typeof d.path !== 'string') return false;
  if (d.range !== undefined && !isRange(d.range)) return false;
  if (d.suggestions !== undefined && !(Array.isArray(d.suggestions) && d.suggestions.every((s) => typeof s === 'string'))) return false;
  if (d.args !== undefined) {
    if (typeof d.args !== 'object' || d.args === null || Array.isArray(d.args)) return false;
    for (const v of Object.values(d.args)) if (typeof v !== 'string' && !(typeof v === 'number' && Number.isFinite(v))) return false;
  }
  return true;
}

function isOutcome(x: unknown): x is CheckOutcome {
  if (typeof x !== 'object' || x === null) return false;
  const o = x as Record<string, unknown>;
  return (
    typeof o.ok === 'boolean' &&
    Number.isInteger(o.files) &&
    Number.isInteger(o.clauses) &&
    Array.isArray(o.diagnostics) &&
    o.diagnostics.every(isPlainDiagnostic)
  );
}

function isInput(x: unknown): x is Input {
  return Array.isArray(x) && x.length === 3 && x.every((v) => typeof v === 'string');
}

/** The cache for one `zige check` invocation. */
export class CheckCache {
  readonly file: string;
  private readonly key: string;

  constructor(
    readonly dir: string,
    key: Record<string, string | null>,
    private readonly debug: (s: string) => void,
  ) {
    this.key = JSON.stringify(key);
    this.file = join(dir, `check-${sha256(this.key).slice(0, 32)}.json`);
  }

  /** The stored outcome, when the entry is sound and every input is as it was; else undefined. */
  lookup(): CheckOutcome | undefined {
    let text: string;
    let fd: number;
    try {
      fd = openSync(this.file, 'r');
    } catch (e) {
      this.debug(`未命中 miss: ${this.file} (${errorCode(e)})`);
      return undefined;
    }
    try {
      // Only entries this user wrote: a shared temporary directory is writable by others.
      const owner = fstatSync(fd).uid;
      if (typeof process.getuid === 'function' && owner !== process.getuid()) {
        this.debug(`未命中 miss: ${this.file} 属于他人 owned by uid ${owner}`);
        return undefined;
      }
      text = readFileSync(fd, 'utf8');
    } catch (e) {
      this.debug(`未命中 miss: ${this.file} (${(e as Error).message})`);
      return undefined;
    } finally {
      closeSync(fd);
    }
    const entry = this.parse(text);
    if (!entry) {
      this.debug(`未命中 miss: ${this.file} 已损坏 corrupt`);
      return undefined;
    }
    for (const [kind, path, seen] of entry.inputs) {
      if (seenNow(kind, path) !== seen) {
        this.debug(`未命中 miss: ${kind} ${path} 已变 changed`);
        return undefined;
      }
    }
    this.debug(`命中 hit: ${this.file}`);
    return entry.outcome;
  }

  /** An entry: a line with the SHA-256 of the rest, then the entry as JSON. */
  private parse(text: string): Entry | undefined {
    const nl = text.indexOf('\n');
    if (nl < 0) return undefined;
    const body = text.slice(nl + 1);
    if (sha256(body) !== text.slice(0, nl)) return undefined;
    let entry: unknown;
    try {
      entry = JSON.parse(body);
    } catch {
      return undefined;
    }
    if (typeof entry !== 'object' || entry === null) return undefined;
    const e = entry as Record<string, unknown>;
    if (e.format !== ENTRY_FORMAT || e.key !== this.key) return undefined;
    if (!Array.isArray(e.inputs) || !e.inputs.every(isInput) || !isOutcome(e.outcome)) return undefined;
    return e as unknown as Entry;
  }

  /** Stores an outcome with the inputs it came from; never throws. */
  store(manifest: Manifest, outcome: CheckOutcome): void {
    if (!manifest.consistent) {
      this.debug('未写入 not stored: 检查期间文件有变 a file changed during the check');
      return;
    }
    if (!isOutcome(outcome)) {
      this.debug('未写入 not stored: 诊断无法原样保存 diagnostics not representable as JSON');
      return;
    }
    const entry: Entry = { format: ENTRY_FORMAT, key: this.key, inputs: manifest.inputs(), outcome };
    const body = JSON.stringify(entry);
    const tmp = join(this.dir, `.${randomBytes(6).toString('hex')}-${process.pid}.tmp`);
    try {
      // The fallback under the temporary directory is private; a project's cache keeps its mode.
      makeDirectory(this.dir, this.dir === join(tmpdir(), 'zige-cache') ? 0o700 : undefined);
      writeFileSync(tmp, `${sha256(body)}\n${body}`);
      renameSync(tmp, this.file);
    } catch (e) {
      try {
        rmSync(tmp, { force: true });
      } catch {
        /* nothing was created */
      }
      this.debug(`未写入 not stored: ${(e as Error).message}`);
      return;
    }
    this.debug(`已写入 stored: ${this.file}`);
    this.prune();
  }

  /** Keeps the MAX_ENTRIES most recently written entries. */
  private prune(): void {
    try {
      const entries = readdirSync(this.dir).filter((f) => /^check-[0-9a-f]+\.json$/.test(f));
      if (entries.length <= MAX_ENTRIES) return;
      const dated = entries.map((f) => ({ f, t: statSync(join(this.dir, f)).mtimeMs })).sort((a, b) => b.t - a.t);
      for (const { f } of dated.slice(MAX_ENTRIES)) rmSync(join(this.dir, f), { force: true });
    } catch {
      /* another process pruning at the same time; next time */
    }
  }

  /** A recorder for the check that will be stored. */
  static manifest(): Manifest {
    return new Manifest();
  }
}

/** The cache for checking `dir` (as given on the command line; undefined: the bundled rules), or undefined when off. */
export function openCache(dir: string | undefined, options: CacheOptions, debug: (s: string) => void): CheckCache | undefined {
  if (!options.enabled) return undefined;
  const build = buildId(debug);
  if (build === undefined) return undefined;
  const rulesDir = dir ?? bundledRulesDir();
  const key = { zige: packageVersion(), build, node: process.version, root: packageRoot(), cwd: process.cwd(), dir: dir ?? null };
  return new CheckCache(cacheDirectory(rulesDir, options.dir), key, debug);
}

/**
 * Reports the package.json of each of zige's dependencies (yaml, chevrotain, ajv …) as read: an
 * upgraded dependency may parse or word things differently.
 */
function recordDependencies(manifest: InputRecorder): void {
  let names: string[];
  try {
    names = Object.keys((JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { dependencies?: object }).dependencies ?? {});
  } catch {
    return;
  }
  for (const name of names) {
    try {
      for (let d = dirname(fileURLToPath(import.meta.resolve(name))); dirname(d) !== d; d = dirname(d)) {
        const pkg = join(d, 'package.json');
        if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === name) {
          readText(pkg, manifest);
          break;
        }
      }
    } catch {
      /* not resolvable: the check itself would have failed to load it */
    }
  }
}

/** `zige check` (without --watch): the stored outcome when nothing changed, else a check, stored. */
export async function runCheckCached(opts: { dir?: string; cache: CacheOptions } & OutputOptions, io: Io): Promise<number> {
  const debug = process.env.ZIGE_DEBUG ? (s: string): void => io.err(`zige: 缓存 cache: ${s}`) : (): void => {};
  const cache = openCache(opts.dir, opts.cache, debug);
  const stored = cache?.lookup();
  if (stored) return printCheck(stored, io, opts);
  const { checkOutcome } = await import('./collect.js');
  const manifest = cache ? CheckCache.manifest() : undefined;
  const outcome = checkOutcome(opts.dir, manifest);
  const code = printCheck(outcome, io, opts);
  if (cache && manifest) {
    recordDependencies(manifest);
    cache.store(manifest, outcome);
  }
  return code;
}
