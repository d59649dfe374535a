// Levels a rule file does not judge: not offered at the sitting its notice describes, or offered
// with no condition in the source (cut off, or never printed). They are reported as such, in both
// languages, and never as ineligible (docs/language.md, "Levels offered at a sitting").
import type { OccupationMeta } from './meta.js';
import { LEVEL_NAMES, type Level } from './words.js';

export type NotOfferedReason = 'not-offered' | 'no-condition';

/** One level not judged, as `zige eval --json` lists it under `notOffered`. */
export interface NotOfferedLevel {
  occupation: string;
  id: string;
  version: string | null;
  level: Level;
  reason: NotOfferedReason;
  text: { zh: string; en: string };
}

export const NOT_OFFERED_TEXT: Readonly<Record<NotOfferedReason, { zh: string; en: string }>> = {
  'not-offered': { zh: '本期未开考该等级（不作判定）', en: 'not offered at this sitting (not judged)' },
  'no-condition': { zh: '来源中没有该等级的报名条件（不作判定）', en: 'no condition in the source (not judged)' },
};

/** The levels of an occupation not judged, in report order (五级 first); only `level` when one is asked for. */
export function notOfferedLevels(meta: Pick<OccupationMeta, 'name' | 'id' | 'version' | 'notOffered'>, level?: Level): NotOfferedLevel[] {
  const out: NotOfferedLevel[] = [];
  for (const n of meta.notOffered ?? []) {
    if (level !== undefined && n.level !== level) continue;
    out.push({ occupation: meta.name, id: meta.id, version: meta.version, level: n.level, reason: n.reason, text: NOT_OFFERED_TEXT[n.reason] });
  }
  return out.sort((a, b) => b.level - a.level);
}

/** 三级/高级工: the level's names, as reports print them. */
export function levelLabel(level: Level): string {
  return `${LEVEL_NAMES[level].zh}/${LEVEL_NAMES[level].title}`;
}
