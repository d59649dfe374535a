// Levels a rule file does not judge: not offered at the sitting its notice describes, or offered
// with no condition in the source (cut off, or never printed). They are reported as such, in both
// languages, and never as ineligible (docs/language.md, "Levels offered at a sitting").
import type { OccupationMeta } from './meta.js';
import { NOT_OFFERED_TEXT } from './explain-text.js';
import type { Level } from './words.js';

export type NotOfferedReason = 'not-offered' | 'no-condition';
export { NOT_OFFERED_TEXT };

/** One level not judged, as `zige eval --json` lists it under `notOffered`. */
export interface NotOfferedLevel {
  occupation: string;
  id: string;
  version: string | null;
  level: Level;
  reason: NotOfferedReason;
  text: { zh: string; en: string };
}

/** The levels of an occupation not judged, in report order (五级 first); only `level` when one is asked for. */
export function notOfferedLevels(occ: Pick<OccupationMeta, 'name' | 'id' | 'version' | 'notOffered'>, level?: Level): NotOfferedLevel[] {
  const out: NotOfferedLevel[] = [];
  for (const n of occ.notOffered ?? []) {
    if (level !== undefined && n.level !== level) continue;
    out.push({ occupation: occ.name, id: occ.id, version: occ.version, level: n.level, reason: n.reason, text: NOT_OFFERED_TEXT[n.reason] });
  }
  return out.sort((a, b) => b.level - a.level);
}
