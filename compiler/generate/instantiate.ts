// Loads generated code into this process, for `zige eval` and `zige test`: the exact code that
// `zige compile` writes (as JavaScript), run as a function of the runtime this process already
// has loaded, so results and error classes are shared with the caller.
import * as runtime from '../../runtime/index.js';
import type { CompiledOccupation } from '../../runtime/index.js';
import type { CheckedOccupation } from '../checked.js';
import { packageVersion } from '../load/package-root.js';
import { generateModule } from './generate-module.js';

const cache = new WeakMap<CheckedOccupation, CompiledOccupation>();

/** The generated JavaScript of an occupation as the body of a function of the runtime `R`. */
export function functionBody(occ: CheckedOccupation): string {
  return generateModule(occ, { runtime: 'zige/runtime', lang: 'js', format: 'function', generator: `zige ${packageVersion()}` });
}

/** Runs a function body from `functionBody` against a runtime (this process's, or a worker's). */
export function instantiateBody(body: string, r: typeof runtime = runtime): CompiledOccupation {
  // The body is generated code: every rule-file string in it went through `literal`.
  return (new Function('R', body)(r) as { occupation: CompiledOccupation }).occupation;
}

export function instantiate(occ: CheckedOccupation): CompiledOccupation {
  const hit = cache.get(occ);
  if (hit) return hit;
  const exports = { occupation: instantiateBody(functionBody(occ)) };
  cache.set(occ, exports.occupation);
  return exports.occupation;
}
