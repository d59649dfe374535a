// One version of the rules in the thread that answers: the generated code of every occupation
// (checked by server/rules-worker.ts) run inside a `vm` context of its own. Functions made from
// source never unload while anything can reach them; a version's context, its code and its data
// are reachable only from its RulesVersion, so when a reload replaces it and its last request is
// answered, the garbage collector takes them all (docs/serve.md, "Hot reload").
import { createContext, Script } from 'node:vm';
import { judgeableFromCompiled, type Judgeable } from '../compiler/judge.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import * as runtime from '../runtime/index.js';
import type { CompiledOccupation, Level } from '../runtime/index.js';
import { decide, selectOccupations, type Answer, type Query } from './decide.js';
import { problem, type ProblemLang } from './problems.js';
import type { CheckedCode } from './worker-protocol.js';

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

type Factory = (r: typeof runtime) => { occupation: CompiledOccupation };

/**
 * Runs generated function bodies in a new context; each gets this thread's runtime as `R`, so
 * results and error classes are the caller's. The bodies are generated code: every rule-file
 * string in them went through `literal` (compiler/generate/generate-module.ts).
 */
function instantiateInContext(bodies: readonly string[]): CompiledOccupation[] {
  const source = `[${bodies.map((b) => `function (R) {\n${b}\n}`).join(',\n')}]`;
  const factories = new Script(source, { filename: 'zige-rules-version.js' }).runInContext(createContext({})) as Factory[];
  return factories.map((f) => f(runtime).occupation);
}

/** A checked version of the rules, ready to answer. */
export class RulesVersion {
  readonly occupations: Judgeable[];
  readonly handbook: OccupationVersion[];

  constructor(
    /** Content hash of the checked rules (compiler/rules-version.ts). */
    readonly version: string,
    code: readonly CheckedCode[],
    readonly diagnostics: Diagnostic[],
  ) {
    const compiled = instantiateInContext(code.map((c) => c.body));
    this.occupations = code.map((c, i): Judgeable => ({ ...c.info, compiled: () => compiled[i] }));
    this.handbook = compiled.map(handbookEntry);
  }

  /** One profile judged: the JSON of `zige eval --json` (on one line when `space` is 0), or the problem. */
  evaluate(text: string, q: Query, base = '/profile', space = 2): Answer {
    const chosen = selectOccupations(this.occupations, q);
    if (!chosen.ok) return chosen;
    return decide(chosen.selected, text, q, base, this.version, space);
  }

  /** `{"rulesVersion":…,"results":[…]}`: each profile's slot its result or its problem, in order; or the problem of the whole request. */
  batch(texts: readonly string[], q: Query, lang: ProblemLang): { ok: true; json: string } | (Answer & { ok: false }) {
    const chosen = selectOccupations(this.occupations, q);
    if (!chosen.ok) return chosen;
    const slots = texts.map((text, index) => {
      const a = decide(chosen.selected, text, q, `/profiles/${index}`, this.version, 0);
      if (a.ok) return `{"index":${index},"status":200,"result":${a.json}}`;
      const p = problem(a.kind, a.issues, lang);
      return JSON.stringify({ index, status: p.status, problem: p });
    });
    return { ok: true, json: `{"rulesVersion":${JSON.stringify(this.version)},"results":[${slots.join(',')}]}` };
  }
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
