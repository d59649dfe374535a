// A worker holding one version of the rules: ES modules and generated code never unload, so each
// version lives in a worker of its own and goes with it (docs/serve.md, "Hot reload").
import { parentPort, workerData } from 'node:worker_threads';
import { decide, selectOccupations, type Query } from './decide.js';
import { loadRules, type LoadedRules } from './rules-version.js';
import { problem, type ProblemLang } from './problems.js';
import type { WorkerHello, WorkerInput, WorkerReply, WorkerRequest } from './worker-protocol.js';

const port = parentPort!;
const loaded = loadRules((workerData as WorkerInput).dir);

if (!('version' in loaded)) {
  port.postMessage({ type: 'failed', diagnostics: loaded.diagnostics } satisfies WorkerHello);
} else {
  port.on('message', (m: WorkerRequest) => port.postMessage(answer(loaded, m)));
  port.postMessage({ type: 'ready', version: loaded.version, handbook: loaded.handbook, diagnostics: loaded.diagnostics } satisfies WorkerHello);
}

function answer(rules: LoadedRules, m: WorkerRequest): WorkerReply {
  try {
    const chosen = selectOccupations(rules.occupations, m.q);
    if (!chosen.ok) return { id: m.id, answer: chosen };
    if (m.op === 'evaluate') return { id: m.id, answer: decide(chosen.selected, m.text, m.q, '/profile') };
    return { id: m.id, batch: batchBody(rules, chosen.selected, m.texts, m.q, m.lang) };
  } catch (e) {
    return { id: m.id, error: e instanceof Error ? e.message : String(e) };
  }
}

/** `{"rulesVersion":…,"results":[…]}`: each slot its result or its problem, in order. */
function batchBody(rules: LoadedRules, selected: LoadedRules['occupations'], texts: string[], q: Query, lang: ProblemLang): string {
  const slots = texts.map((text, index) => {
    const a = decide(selected, text, q, `/profiles/${index}`, 0);
    if (a.ok) return `{"index":${index},"status":200,"result":${a.json}}`;
    const p = problem(a.kind, a.issues, lang);
    return JSON.stringify({ index, status: p.status, problem: p });
  });
  return `{"rulesVersion":${JSON.stringify(rules.version)},"results":[${slots.join(',')}]}`;
}
