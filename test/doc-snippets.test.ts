// Every runnable snippet of docs/**/*.md (the English reference and the Chinese guide docs/zh/)
// runs here, in process, so that no guide can go stale. The convention (docs/zh/README.md, "文档中的
// 示例如何检验"; shared by every docs helper):
// - a fenced block whose first line is `# file: NAME` is a file (a rule file, `vocabulary.yaml`, a
//   profile `.json`/`.yaml`); that line names it and is not part of it. Files are written, in document
//   order, into one temporary folder per document (subfolders allowed: `# file: 错误示例/x.yaml`);
//   the folder starts with the bundled rules/vocabulary.yaml unless the document gives one. A
//   `vocabulary.yaml` that lacks the four lists (education, tracks, groups, levels) is an addition:
//   its list entries go at the end of the bundled vocabulary's lists of the same name;
// - a block with info string `console` holds commands: each line starting `$ zige ` runs in that
//   folder as the files stand at that point; the lines after it, up to the next `$ `, are what it
//   prints (standard error, then standard output), compared exactly after trimming trailing spaces
//   and blank lines at the end;
// - every `yaml` block is a file (a fragment that is not a whole file takes another info string,
//   such as `text`), and every file is followed by a console block that runs.
// The temporary folder sits beside a copy of schema/, so a rule file whose first line is
// `# yaml-language-server: $schema=../schema/rule-file.schema.json` (as under rules/) checks clean.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { ROOT, RULES, scratch } from './helpers.js';
import { zige } from './in-process.js';

const DOCS = join(ROOT, 'docs');
const BUNDLED_VOCABULARY = readFileSync(join(RULES, 'vocabulary.yaml'), 'utf8');
const FULL_VOCABULARY_LISTS = ['education', 'tracks', 'groups', 'levels'];

interface Block {
  info: string;
  indent: string;
  /** 1-based line of the opening fence in the document. */
  line: number;
  lines: string[];
}

type Step =
  | { kind: 'file'; name: string; text: string; line: number }
  // outputLines: how many document lines the shown output takes (for ZIGE_UPDATE_DOCS)
  | { kind: 'command'; args: string[]; expected: string; line: number; command: string; indent: string; outputLines: number };

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownFiles(join(dir, e.name)) : e.name.endsWith('.md') ? [join(dir, e.name)] : [],
  );
}

/** The fenced blocks of a Markdown text (``` fences, not nested). */
function blocks(text: string): Block[] {
  const out: Block[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].startsWith(`${indent}${fence}`); j++) body.push(lines[j].slice(indent.length));
    out.push({ info: info.trim(), indent, line: i + 1, lines: body });
    i = j;
  }
  return out;
}

/** `zige check "a b" 'c'` → [check, a b, c]. */
function splitArgs(command: string): string[] {
  const out: string[] = [];
  for (const m of command.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)) out.push(m[1] ?? m[2] ?? m[3]);
  return out;
}

/** The runnable steps of a document, in order; problems of the convention as messages. */
function steps(doc: string, text: string): { steps: Step[]; problems: string[] } {
  const out: Step[] = [];
  const problems: string[] = [];
  const where = (line: number): string => `${relative(ROOT, doc)}:${line}`;
  for (const b of blocks(text)) {
    const marker = /^#\s*file:\s*(\S+)\s*$/.exec(b.lines[0] ?? '');
    if (marker) {
      out.push({ kind: 'file', name: marker[1], text: b.lines.slice(1).join('\n') + '\n', line: b.line });
      continue;
    }
    if (b.info === 'yaml') problems.push(`${where(b.line)}: a yaml block is a file and starts with "# file: NAME.yaml" (a fragment takes another info string, such as text)`);
    if (b.info !== 'console') continue;
    let current: { command: string; line: number; output: string[] } | undefined;
    const flush = (): void => {
      if (!current) return;
      const expected = current.output.map((l) => l.trimEnd()).join('\n').replace(/\n+$/, '');
      out.push({ kind: 'command', args: splitArgs(current.command).slice(1), expected, line: current.line, command: current.command, indent: b.indent, outputLines: current.output.length });
    };
    b.lines.forEach((l, k) => {
      if (!l.startsWith('$ ')) {
        current?.output.push(l);
        return;
      }
      flush();
      current = undefined;
      const command = l.slice(2).trim();
      if (!command.startsWith('zige ')) problems.push(`${where(b.line + 1 + k)}: a console command starts "$ zige ": ${command}`);
      else current = { command, line: b.line + 1 + k, output: [] };
    });
    flush();
  }
  const lastCommand = out.reduce((last, s, i) => (s.kind === 'command' ? i : last), -1);
  out.forEach((s, i) => {
    if (s.kind === 'file' && i > lastCommand) problems.push(`${where(s.line)}: the file ${s.name} is run by no console block after it`);
  });
  return { steps: out, problems };
}

/**
 * The bundled vocabulary with an addition's entries put at the end of its lists of the same name
 * (a list it lacks is added at the end), as text: the bundled lines keep their numbers, so a
 * message about the bundled part names the line a reader finds in rules/vocabulary.yaml.
 */
function withAddition(bundled: string, addition: string): string {
  const lines = bundled.replace(/\n$/, '').split('\n');
  const extra: string[] = [];
  let key: string | undefined;
  const items = new Map<string, string[]>();
  for (const l of addition.replace(/\n$/, '').split('\n')) {
    const top = /^([A-Za-z]\w*):\s*$/.exec(l);
    if (top) key = top[1];
    else if (key !== undefined && l.trim() !== '') items.set(key, [...(items.get(key) ?? []), l]);
  }
  for (const [name, added] of items) {
    const start = lines.findIndex((l) => l.startsWith(`${name}:`));
    if (start < 0) {
      extra.push(`${name}:`, ...added);
      continue;
    }
    let end = start;
    for (let i = start + 1; i < lines.length && (lines[i].startsWith(' ') || lines[i] === ''); i++) if (lines[i] !== '') end = i;
    lines.splice(end + 1, 0, ...added);
  }
  return [...lines, ...extra].join('\n') + '\n';
}

function isAddition(name: string, text: string): boolean {
  if (name.split('/').pop() !== 'vocabulary.yaml') return false;
  const doc = parseDocument(text).toJS() as Record<string, unknown> | null;
  return !FULL_VOCABULARY_LISTS.every((k) => Array.isArray(doc?.[k]));
}

/** A folder for one document's files, beside a copy of schema/ (rule files name ../schema/…). */
function workFolder(ownVocabulary: boolean): string {
  const base = scratch('docs');
  cpSync(join(ROOT, 'schema'), join(base, 'schema'), { recursive: true });
  const dir = join(base, 'work');
  mkdirSync(dir);
  if (!ownVocabulary) writeFileSync(join(dir, 'vocabulary.yaml'), BUNDLED_VOCABULARY);
  return dir;
}

const documents = markdownFiles(DOCS).sort();

describe('the docs’ snippets follow the convention', () => {
  it('every yaml block is a file, every command is zige, every file is run', () => {
    const problems = documents.flatMap((d) => steps(d, readFileSync(d, 'utf8')).problems);
    expect(problems).toEqual([]);
  });

  it('the Chinese guide has runnable snippets (the harness finds them)', () => {
    const zh = documents.filter((d) => d.startsWith(join(DOCS, 'zh')));
    expect(zh.length).toBeGreaterThan(0);
    expect(zh.flatMap((d) => steps(d, readFileSync(d, 'utf8')).steps).filter((s) => s.kind === 'command').length).toBeGreaterThan(10);
  });
});

/** `ZIGE_UPDATE_DOCS=1 npx vitest run test/doc-snippets.test.ts`: writes what each command printed into the document (review the diff). */
function rewriteOutputs(doc: string, run: Step[], seen: { printed: string }[]): void {
  const lines = readFileSync(doc, 'utf8').split('\n');
  const commands = run.filter((s) => s.kind === 'command');
  for (let k = commands.length - 1; k >= 0; k--) {
    const c = commands[k];
    const printed = seen[k].printed.split('\n').slice(1).map((l) => (l === '' ? '' : c.indent + l));
    lines.splice(c.line, c.outputLines, ...printed);
  }
  writeFileSync(doc, lines.join('\n'));
}

for (const doc of documents) {
  const { steps: run } = steps(doc, readFileSync(doc, 'utf8'));
  if (!run.some((s) => s.kind === 'command')) continue;
  describe(relative(ROOT, doc), () => {
    it('each command prints what the document shows', async () => {
      const ownVocabulary = run.some((s) => s.kind === 'file' && s.name === 'vocabulary.yaml' && !isAddition(s.name, s.text));
      const dir = workFolder(ownVocabulary);
      const seen: { shown: string; printed: string }[] = [];
      for (const s of run) {
        if (s.kind === 'file') {
          const path = join(dir, s.name);
          mkdirSync(dirname(path), { recursive: true });
          writeFileSync(path, isAddition(s.name, s.text) ? withAddition(BUNDLED_VOCABULARY, s.text) : s.text);
          continue;
        }
        const r = await zige(s.args, { cwd: dir });
        const printed = (r.stderr + r.stdout)
          .split('\n')
          .map((l) => l.trimEnd())
          .join('\n')
          .replace(/\n+$/, '');
        const label = `${relative(ROOT, doc)}:${s.line}  $ ${s.command}`;
        seen.push({ shown: `${label}\n${s.expected}`, printed: `${label}\n${printed}` });
      }
      if (process.env.ZIGE_UPDATE_DOCS) rewriteOutputs(doc, run, seen);
      // all at once: one run shows every stale command of the document
      expect(seen.map((x) => x.printed).join('\n\n')).toBe(seen.map((x) => x.shown).join('\n\n'));
    });
  });
}
