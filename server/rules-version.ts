// One version of the rules, loaded inside its own worker (server/rules-worker.ts): the rule
// directory checked, each occupation's generated code instantiated, and the version's id — a
// content hash of that generated code, so the same checked rules always have the same id.
import { createHash } from 'node:crypto';
import { checkRules } from '../compiler/check-rules.js';
import { DiagnosticSink, type Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { functionBody, instantiateBody } from '../compiler/generate/instantiate.js';
import { judgeableFromCompiled, type Judgeable } from '../compiler/judge.js';
import type { CompiledOccupation, Level } from '../runtime/index.js';

/** An occupation's version as `GET /v1/occupations/{id}` shows it: the handbook's data. */
export interface OccupationVersion {
  id: string;
  name: string;
  aliases: readonly string[];
  version: string | null;
  inForce: { from: string; to: string | null } | null;
  file: string;
  workTypes: readonly { name: string; levels: readonly Level[] }[];
  education: { text: string; when: string } | null;
  levels: { level: Level; clauses: { id: string; text: string; when: string; note?: string; file: string; line: number }[] }[];
}

export interface LoadedRules {
  version: string;
  occupations: Judgeable[];
  handbook: OccupationVersion[];
  diagnostics: Diagnostic[];
}

/** Checks the rules of `dir` and instantiates them; the diagnostics alone when they have errors. */
export function loadRules(dir: string): LoadedRules | { diagnostics: Diagnostic[] } {
  const sink = new DiagnosticSink();
  const rules = checkRules(dir, sink);
  if (!rules || sink.hasErrors) return { diagnostics: sink.items };
  const sorted = [...rules.occupations].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const bodies = sorted.map((o) => functionBody(o));
  const hash = createHash('sha256');
  for (const b of bodies) hash.update(b).update('\0');
  const occupations = sorted.map((o, i): Judgeable => {
    const compiled = instantiateBody(bodies[i]);
    return { ...o, compiled: () => compiled };
  });
  return { version: hash.digest('hex').slice(0, 16), occupations, handbook: occupations.map((o) => handbookEntry(o.compiled())), diagnostics: sink.items };
}

function handbookEntry(c: CompiledOccupation): OccupationVersion {
  const m = c.meta;
  const { id, name, aliases, version, inForce, file, workTypes } = judgeableFromCompiled(c);
  return {
    id,
    name,
    aliases,
    version,
    inForce,
    file,
    workTypes,
    education: m.education ? { text: m.education.text, when: m.education.when } : null,
    levels: m.levels.map((level) => ({
      level,
      clauses: m.clauses
        .filter((k) => k.level === level)
        .map((k) => ({ id: k.id, text: k.text, when: k.when, ...(k.note !== undefined ? { note: k.note } : {}), file: k.file, line: k.line })),
    })),
  };
}
