// Work types (工种): each offers only levels the occupation declares; their sentences cited.
import type { RuleFileCheck } from './rule-file-check.js';

export function checkWorkTypes(f: RuleFileCheck): void {
  f.data.workTypes?.forEach((w, i) => {
    for (const [j, level] of (w.levels ?? []).entries()) {
      if (!f.declared.has(level)) f.report('E_WORKTYPE_LEVEL', ['workTypes', i, 'levels', j], { workType: w.name, level });
    }
    if (w.source) f.cite(w.source, ['workTypes', i, 'source']);
  });
}
