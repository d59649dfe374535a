// One version of the rules in the thread that answers: the generated code of every occupation
// (checked by server/rules-worker.ts) run inside a `vm` context of its own. Functions made from
// source never unload while anything can reach them; a version's context, its code and its data
// are reachable only from its RulesVersion, so when a reload replaces it and its last request is
// answered, the garbage collector takes them all (docs/serve.md, "Hot reload").
import { createContext, Script } from 'node:vm';
import { evalJson, judgeableFromCompiled, type Judgeable } from '../compiler/judge.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import * as runtime from '../runtime/index.js';
import type { CompiledOccupation, Level, LevelResult } from '../runtime/index.js';
import { pushWarningsAndResults, Utf8Lines } from '../compiler/result-json.js';
import { decide, judgeText, selectOccupations, type Answer, type Query } from './decide.js';
import { problem, type ProblemLang } from './problems.js';
import type { CheckedCode } from './worker-protocol.js';

/** An occupation's version as `GET /v1/occupations/{id}` shows it: the handbook's data. */
export interface OccupationVersion extends Pick<Judgeable, 'id' | 'name' | 'aliases' | 'version' | 'inForce' | 'file' | 'workTypes'> {
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

  /** One profile judged: the text of `zige eval --json`, or the problem. */
  evaluate(text: string, q: Query): Answer {
    const chosen = selectOccupations(this.occupations, q);
    if (!chosen.ok) return chosen;
    return decide(chosen.selected, text, q, '/profile', this.version);
  }

  /**
   * `{"rulesVersion":…,"results":[…]}` as UTF-8: each profile's slot its result (`zige eval
   * --json`'s object, on one line) or its problem, in order; or the problem of the whole request.
   */
  batch(texts: readonly string[], q: Query, lang: ProblemLang): { ok: true; body: Uint8Array } | (Answer & { ok: false }) {
    const chosen = selectOccupations(this.occupations, q);
    if (!chosen.ok) return chosen;
    const out = new Utf8Lines();
    const version = JSON.stringify(this.version);
    const head = `"result":{"asOf":${JSON.stringify(q.asOf)},"rulesVersion":${version},`;
    out.ascii(`{"rulesVersion":${version},"results":[`);
    for (let index = 0; index < texts.length; index++) {
      if (index > 0) out.ascii(',');
      const a = judgeText(chosen.selected, texts[index], q, `/profiles/${index}`);
      if (!a.ok) {
        const p = problem(a.kind, a.issues, lang);
        out.push(JSON.stringify({ index, status: p.status, problem: p }));
      } else if (q.explain) out.push(`{"index":${index},"status":200,"result":${evalJson(q.asOf, this.version, a.judged, 0)}}`);
      else {
        // without explanations: the encoder `zige eval --batch` writes with (byte for byte JSON.stringify's)
        out.ascii(`{"index":${index},"status":200,`);
        out.push(head);
        pushWarningsAndResults(out, a.judged.results as LevelResult[], a.judged.warnings);
        out.ascii('}}');
      }
    }
    out.ascii(']}\n');
    return { ok: true, body: out.take() };
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
