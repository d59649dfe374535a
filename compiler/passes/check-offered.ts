// The levels a sitting offers (`offered`, from a notice): each must be a level of the file, and
// the notice's sentence is cited. Which levels are then not judged (not offered at this sitting,
// or offered with no condition in the source) is decided once, in `judgedLevels`.
import { LEVEL_NAMES, type Level } from '../../runtime/words.js';
import type { NotOfferedReason } from '../../runtime/offered.js';
import type { RuleFileData } from '../load/load-rule-file.js';
import type { RuleFileCheck } from './rule-file-check.js';

export function checkOffered(f: RuleFileCheck): void {
  const offered = f.data.offered;
  if (!offered) return;
  offered.levels.forEach((level, i) => {
    if (!f.data.levels.includes(level)) {
      f.report('E_OFFERED_LEVEL', ['offered', 'levels', i], { level: LEVEL_NAMES[level].zh, levels: f.data.levels.map((l) => LEVEL_NAMES[l].zh).join('、') });
    }
  });
  if (offered.source !== undefined) f.cite(offered.source, ['offered', 'source']);
}

/**
 * The file's levels split into those judged and those reported as not judged: a level the sitting
 * does not offer (`not-offered`), or one with no clause that the sitting offers or that the file
 * leaves out whole (a `notEncoded` entry for the level): `no-condition`. Neither is ineligible.
 */
export function judgedLevels(data: RuleFileData, levels: readonly Level[]): { judged: Level[]; notOffered: { level: Level; reason: NotOfferedReason }[] } {
  const withClauses = new Set(data.conditions.filter((c) => c.clauses.length > 0).map((c) => c.level));
  // No condition in the source: a level offered at the sitting, or wholly left out (notEncoded), without a clause.
  const absent = new Set((data.notEncoded ?? []).filter((n) => n.level !== undefined && n.clause === undefined).map((n) => n.level!));
  for (const level of data.offered?.levels ?? []) absent.add(level);
  const judged: Level[] = [];
  const notOffered: { level: Level; reason: NotOfferedReason }[] = [];
  for (const level of levels) {
    if (data.offered && !data.offered.levels.includes(level)) notOffered.push({ level, reason: 'not-offered' });
    else if (absent.has(level) && !withClauses.has(level)) notOffered.push({ level, reason: 'no-condition' });
    else judged.push(level);
  }
  return { judged, notOffered };
}
