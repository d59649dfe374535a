// A level declared in `levels` with no conditions can never be met: a warning (a level may be
// declared before its conditions are written), at the level in `levels`. Not a fault: a level the
// rule file leaves out on purpose (`notEncoded` naming it), or one declared so that a certificate
// route of another level can name it (取得 五级 后 …).
import type { Cond } from '../ir.js';
import type { RuleFileCheck } from './rule-file-check.js';

/** The levels a condition names as a certificate held. */
function namedLevels(c: Cond, out: Set<number>): Set<number> {
  if (c.op === 'and' || c.op === 'or') for (const i of c.items) namedLevels(i, out);
  else if (c.op === 'not') namedLevels(c.item, out);
  else if (c.op === 'holds' || c.op === 'experienceAfter') out.add(c.level);
  return out;
}

export function checkLevelsHaveConditions(f: RuleFileCheck): void {
  const accounted = new Set<number>(f.data.conditions.map((c) => c.level));
  for (const n of f.data.notEncoded ?? []) if (n.level !== undefined) accounted.add(n.level);
  // A level the sitting offers without conditions is reported as having none in the source, not as unmet.
  for (const level of f.data.offered?.levels ?? []) accounted.add(level);
  for (const clause of f.clauses) namedLevels(clause.cond, accounted);
  f.data.levels.forEach((level, i) => {
    if (!accounted.has(level)) f.report('W_LEVEL_NO_CONDITIONS', ['levels', i], { level }, 'warning');
  });
}
