// The two sides of `zige diff`: a rules directory, one rule file, or `git:REV[:PATH]` — a revision
// read with `git ls-tree` and `git show` into a temporary directory, without a checkout (PATH
// defaults to the other side's path).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { checkRules, type RuleSet } from '../compiler/check-rules.js';
import { DiagnosticSink, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import type { CheckedOccupation } from '../compiler/checked.js';
import { display } from './output.js';

export interface Side {
  /** As given on the command line. */
  arg: string;
  rules: RuleSet;
  occupations: CheckedOccupation[];
}

export class SideError extends Error {
  constructor(readonly diagnostics: Omit<Diagnostic, 'severity'>[]) {
    super('diff input');
  }
}

const GIT = /^git:([^:]+)(?::(.*))?$/;

/** The path a side names (for `git:REV` without PATH: the other side's). */
export function pathOf(arg: string): string | undefined {
  const m = GIT.exec(arg);
  return m ? m[2] : arg;
}

function git(args: string[], cwd: string): Buffer {
  return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** The files of `path` at revision `rev`, written under a temporary directory; the directory (or file) there. */
function readRevision(rev: string, path: string, temporaries: string[]): string {
  const cwd = process.cwd();
  try {
    const top = git(['rev-parse', '--show-toplevel'], cwd).toString().trim();
    const full = relative(top, resolve(cwd, path)).split('\\').join('/') || '.';
    const names = git(['ls-tree', '-r', '--name-only', '--full-name', `${rev}`, '--', full], top).toString().split('\n').filter(Boolean);
    if (names.length === 0) throw new Error(`${path} does not exist at ${rev}`);
    const root = mkdtempSync(join(tmpdir(), 'zige-diff-'));
    temporaries.push(root);
    for (const name of names) {
      const out = join(root, name);
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, git(['show', `${rev}:${name}`], top));
    }
    return join(root, full);
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim();
    throw new SideError([{ code: 'E_GIT_REPO', args: { rev, detail: (stderr || (e as Error).message).split('\n')[0] } }]);
  }
}

/** Checks a side: a directory whole, or one rule file (the other files of its directory may fail). */
export function loadSide(arg: string, other: string, temporaries: string[]): Side {
  const m = GIT.exec(arg);
  const path = m ? readRevision(m[1], m[2] ?? pathOf(other) ?? '.', temporaries) : arg;
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new SideError([{ code: 'E_DIFF_INPUT', args: { what: arg, path: display(path) } }]);
  }
  const dir = stat.isDirectory() ? path : dirname(path);
  const only = stat.isDirectory() ? undefined : basename(path);
  const sink = new DiagnosticSink();
  const rules = checkRules(dir, sink, m ? (f) => `${arg}/${relative(dir, f)}` : display);
  const mine = (d: Diagnostic): boolean => only === undefined || d.file === undefined || d.file.endsWith(only);
  const errors = sink.items.filter((d) => d.severity === 'error' && mine(d));
  if (!rules || errors.length > 0) throw new SideError(errors.length > 0 ? errors : sink.items);
  const occupations = rules.occupations.filter((o) => only === undefined || o.file === only);
  if (occupations.length === 0) throw new SideError([{ code: 'E_DIFF_INPUT', args: { what: arg, path: display(path) } }]);
  return { arg, rules, occupations };
}

export function removeTemporaries(temporaries: string[]): void {
  for (const t of temporaries) rmSync(t, { recursive: true, force: true });
}

/** Old and new occupations paired: by id, and by version when a side holds several versions of one. */
export function pairOccupations(a: CheckedOccupation[], b: CheckedOccupation[]): [CheckedOccupation, CheckedOccupation][] {
  const pairs: [CheckedOccupation, CheckedOccupation][] = [];
  const ids = new Set(a.map((o) => o.id));
  if (a.length === 1 && b.length === 1 && a[0].id === b[0].id) return [[a[0], b[0]]]; // two versions of one occupation
  for (const id of [...ids].sort()) {
    const olds = a.filter((o) => o.id === id);
    const news = b.filter((o) => o.id === id);
    if (olds.length === 1 && news.length === 1) pairs.push([olds[0], news[0]]);
    else for (const o of olds) for (const n of news) if (o.version === n.version) pairs.push([o, n]);
  }
  return pairs;
}
