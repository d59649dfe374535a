// The compiled occupations a page has: each version's script (written by `zige site`) pushes its
// generated evaluator onto `self.zigeOccupations`; an occupation not loaded yet is loaded on demand
// by an injected classic <script> (from file://, module scripts, import() and fetch are blocked).
import * as runtime from '../../runtime/index.js';
import type { CompiledOccupation } from '../../runtime/index.js';
import type { RegisteredOccupation, SiteIndex, SiteOccupation } from '../site-data.js';

declare global {
  interface Window {
    zigeIndex: SiteIndex;
    zigeOccupations?: RegisteredOccupation[];
  }
}

const compiled = new Map<string, CompiledOccupation>();
const loading = new Map<string, Promise<void>>();

function drain(): void {
  for (const r of window.zigeOccupations ?? []) {
    if (!compiled.has(r.key)) compiled.set(r.key, r.make(runtime).occupation as CompiledOccupation);
  }
  window.zigeOccupations = [];
}

/** The compiled occupation of a version, when its script has run. */
export function loaded(o: SiteOccupation): CompiledOccupation | undefined {
  drain();
  return compiled.get(o.key);
}

/** Loads a version's script (once) and gives its compiled occupation. */
export async function load(o: SiteOccupation): Promise<CompiledOccupation> {
  const hit = loaded(o);
  if (hit) return hit;
  let pending = loading.get(o.key);
  if (!pending) {
    pending = new Promise<void>((resolve, reject) => {
      const script = document.createElement('script');
      script.src = o.script;
      script.onload = () => resolve();
      script.onerror = () => reject(new Error(`cannot load ${o.script}`));
      document.head.append(script);
    });
    loading.set(o.key, pending);
  }
  await pending;
  const got = loaded(o);
  if (!got) throw new Error(`${o.script} registered no occupation ${o.key}`);
  return got;
}
