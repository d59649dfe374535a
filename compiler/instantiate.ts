// Loads generated code into this process, for `zige eval` and `zige test`: the exact code that
// `zige compile` writes (as JavaScript), run as a function of the runtime this process already
// has loaded, so results and error classes are shared with the caller.
import * as runtime from '../runtime/index.js';
import type { CompiledOccupation } from '../runtime/index.js';
import type { CheckedOccupation } from './checked.js';
import { packageVersion } from './package-root.js';
import { generateModule } from './passes/generate-module.js';

const cache = new WeakMap<CheckedOccupation, CompiledOccupation>();

export function instantiate(occ: CheckedOccupation): CompiledOccupation {
  const hit = cache.get(occ);
  if (hit) return hit;
  const body = generateModule(occ, { runtime: 'zige/runtime', lang: 'js', format: 'function', generator: `zige ${packageVersion()}` });
  // The body is generated code: every rule-file string in it went through `literal`.
  const exports = new Function('R', body)(runtime) as { occupation: CompiledOccupation };
  cache.set(occ, exports.occupation);
  return exports.occupation;
}
