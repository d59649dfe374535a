// The conditions of each level: a declared level, given once; clause ids unique within it; every
// sentence cited; every `when:` checked. Builds the checked clauses.
import type { Level } from '../../runtime/words.js';
import type { RuleFileCheck } from './rule-file-check.js';
import { waivedName } from './check-preconditions.js';

export function checkConditions(f: RuleFileCheck): void {
  const seenLevels = new Set<number>();
  f.data.conditions.forEach((group, gi) => {
    if (!f.declared.has(group.level)) f.report('E_LEVEL_NOT_DECLARED', ['conditions', gi, 'level'], { level: group.level });
    if (seenLevels.has(group.level)) f.report('E_DUPLICATE_LEVEL', ['conditions', gi, 'level'], { level: group.level });
    seenLevels.add(group.level);
    f.cite(group.source, ['conditions', gi, 'source']);
    const ids = new Set<string>();
    group.clauses.forEach((c, ci) => {
      const path = ['conditions', gi, 'clauses', ci];
      if (ids.has(c.id)) f.report('E_DUPLICATE_ID', [...path, 'id'], { what: '条款编号', id: c.id });
      ids.add(c.id);
      f.cite(c.source, [...path, 'source']);
      const e = f.expression([...path, 'when'], false);
      if (!e) return;
      f.clauses.push({
        id: `${f.data.id}/${group.level}/${c.id}`,
        level: group.level as Level,
        localId: c.id,
        text: c.source,
        when: e.when,
        ...(c.note !== undefined ? { note: c.note } : {}),
        line: f.lineOf(path),
        sourceRange: f.at([...path, 'source']),
        cond: e.cond,
        ...(c.waives !== undefined ? { waives: [...new Set(c.waives.map(waivedName))] } : {}),
      });
    });
  });
}
