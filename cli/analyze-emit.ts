// `zige analyze --emit-tests`: each unaccepted finding's witness appended to its rule file's
// `tests` as a case marked `reviewed: false`, the file re-parsed and compared with the intended
// data, then written atomically. A case of the same name is not written twice.
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { RuleSet } from '../compiler/check-rules.js';
import { writeFileAtomic } from '../compiler/generate/atomic-write.js';
import type { Analysis, Finding } from '../analysis/index.js';

type Raw = Record<string, unknown>;

function testCase(f: Finding): Raw | undefined {
  if (!f.witness || f.accepted !== undefined) return undefined;
  const clauses: Raw = {};
  const expect: Raw = {};
  for (const s of f.witness.shows) {
    const [ref, status] = s.split(' ');
    if (ref.includes('/')) clauses[ref] = status;
    else expect[ref] = status;
  }
  return {
    name: `analysis ${f.kind}: ${f.clauses.map((c) => c.ref).join(' ') || String(f.level)}`,
    asOf: f.witness.asOf,
    profile: f.witness.profile,
    ...(Object.keys(expect).length > 0 ? { expect } : {}),
    ...(Object.keys(clauses).length > 0 ? { clauses } : {}),
    reviewed: false,
  };
}

/** The text with `cases` appended to its top-level `tests` (which must be the last key, or absent). */
export function appendTests(text: string, cases: Raw[]): string {
  const data = parse(text) as Raw;
  const keys = Object.keys(data);
  if (keys.includes('tests') && keys[keys.length - 1] !== 'tests') throw new Error('`tests` is not the last key of the file');
  const existing = Array.isArray(data.tests) ? (data.tests as Raw[]) : [];
  const fresh = cases.filter((c) => !existing.some((t) => t.name === c.name));
  if (fresh.length === 0) return text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  let out = text.endsWith('\n') ? text : text + eol;
  if (!keys.includes('tests') || data.tests === null) out = out.replace(/^tests:.*\r?\n?$/m, '') + `tests:${eol}`;
  // JSON is YAML: each case on one line, nothing pasted unescaped.
  for (const c of fresh) out += `  - ${JSON.stringify(c)}${eol}`;
  const check = parse(out) as Raw;
  if (JSON.stringify(check.tests) !== JSON.stringify([...existing, ...fresh])) throw new Error('the appended cases do not read back as written');
  return out;
}

export function emitWitnessTests(rules: RuleSet, analysis: Analysis): { file: string; detail: string }[] {
  const problems: { file: string; detail: string }[] = [];
  const byFile = new Map<string, Raw[]>();
  for (const f of analysis.findings) {
    const c = testCase(f);
    if (c) byFile.set(f.file, [...(byFile.get(f.file) ?? []), c]);
  }
  for (const [file, cases] of byFile) {
    const path = join(rules.dir, file);
    try {
      const text = readFileSync(path, 'utf8');
      const next = appendTests(text, cases);
      if (next !== text) writeFileAtomic(path, next);
    } catch (e) {
      problems.push({ file, detail: (e as Error).message });
    }
  }
  return problems;
}
