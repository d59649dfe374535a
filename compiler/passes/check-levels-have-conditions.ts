// A level declared in `levels` with no conditions can never be met: a warning (a level may be
// declared before its conditions are written), at the level in `levels`.
import type { RuleFileCheck } from './rule-file-check.js';

export function checkLevelsHaveConditions(f: RuleFileCheck): void {
  const withConditions = new Set(f.data.conditions.map((c) => c.level));
  f.data.levels.forEach((level, i) => {
    if (!withConditions.has(level)) f.report('W_LEVEL_NO_CONDITIONS', ['levels', i], { level }, 'warning');
  });
}
