// A worker that checks the rule directory once, off the thread that answers requests: the
// checker (YAML, the grammar, the passes) runs and stays here, and the worker ends after its one
// message — the rules' version, each occupation's generated code, or the diagnostics.
import { parentPort, workerData } from 'node:worker_threads';
import { checkRules } from '../compiler/check-rules.js';
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { functionBody } from '../compiler/generate/instantiate.js';
import { metaOf } from '../compiler/generate/generate-module.js';
import { rulesVersion } from '../compiler/rules-version.js';
import type { WorkerHello, WorkerInput } from './worker-protocol.js';

const sink = new DiagnosticSink();
const rules = checkRules((workerData as WorkerInput).dir, sink);
let hello: WorkerHello;
if (!rules || sink.hasErrors) hello = { type: 'failed', diagnostics: sink.items };
else {
  const sorted = [...rules.occupations].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  hello = {
    type: 'ready',
    version: rulesVersion(sorted.map(metaOf)),
    occupations: sorted.map((o) => ({
      info: { id: o.id, name: o.name, aliases: o.aliases, version: o.version, inForce: o.inForce, file: o.file, levels: o.levels, workTypes: o.workTypes, notOffered: o.notOffered },
      body: functionBody(o),
    })),
    diagnostics: sink.items,
  };
}
parentPort!.postMessage(hello);
