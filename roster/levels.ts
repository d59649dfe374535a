// A level as a roster cell writes it: 4, 四级, 四级/中级工, 中级工, 中级 (the words of
// runtime/words.ts's LEVEL_NAMES, so no spelling is declared twice).
import { LEVEL_NAMES, LEVELS, type Level } from '../runtime/words.js';

/** The level a cell names, or undefined. */
export function levelOf(v: string | number | boolean | Date | null): Level | undefined {
  if (typeof v === 'number') return LEVELS.includes(v as Level) ? (v as Level) : undefined;
  if (typeof v !== 'string') return undefined;
  const t = v.normalize('NFKC').replace(/\s+/g, '');
  if (/^[1-5]$/.test(t)) return Number(t) as Level;
  for (const level of LEVELS) {
    const n = LEVEL_NAMES[level];
    const short = n.title.replace(/工$/, '');
    if (t === n.zh || t === n.title || t === short || t === `${n.zh}/${n.title}` || t === `${n.zh}${n.title}` || t === `${n.zh}(${n.title})`) return level;
  }
  return undefined;
}

/** A level as the template's drop-down offers it: 四级/中级工. */
export function levelLabel(level: Level): string {
  return `${LEVEL_NAMES[level].zh}/${LEVEL_NAMES[level].title}`;
}
