// The conditions of each level: a declared level, given once; clause ids unique within it; every
// sentence cited; every `when:` checked. Builds the checked clauses.
import type { Level } from '../../runtime/words.js';
import type { RuleFileCheck } from './rule-file-check.js';
import type { Cond } from '../ir.js';

/** The 本职业 scope mask (runtime/plan.ts): the occupation judged. */
const SAME = 1;
import { waivedName } from './check-preconditions.js';

export function checkConditions(f: RuleFileCheck): void {
  const seenLevels = new Set<number>();
  f.data.conditions.forEach((group, gi) => {
    if (!f.declared.has(group.level)) f.report('E_LEVEL_NOT_DECLARED', ['conditions', gi, 'level'], { level: group.level });
    if (seenLevels.has(group.level)) f.report('E_DUPLICATE_LEVEL', ['conditions', gi, 'level'], { level: group.level });
    seenLevels.add(group.level);
    f.cite(group.source, ['conditions', gi, 'source']);
    if (group.amount?.source !== undefined) f.cite(group.amount.source, ['conditions', gi, 'amount', 'source']);
    const ids = new Set<string>();
    group.clauses.forEach((c, ci) => {
      const path = ['conditions', gi, 'clauses', ci];
      if (ids.has(c.id)) f.report('E_DUPLICATE_ID', [...path, 'id'], { what: '条款编号', id: c.id });
      ids.add(c.id);
      f.cite(c.source, [...path, 'source']);
      const e = f.expression([...path, 'when'], false, group.level);
      if (!e) return;
      const cond = c.outcome === 'next-level' ? nextLevelGuarded(e.cond, group.level) : e.cond;
      f.clauses.push({
        id: `${f.data.id}/${group.level}/${c.id}`,
        level: group.level as Level,
        localId: c.id,
        text: c.source,
        when: e.when,
        ...(c.note !== undefined ? { note: c.note } : {}),
        line: f.lineOf(path),
        sourceRange: f.at([...path, 'source']),
        cond,
        ...(c.outcome !== undefined ? { outcome: c.outcome } : {}),
        ...(c.waives !== undefined ? { waives: [...new Set(c.waives.map(waivedName))] } : {}),
      });
    });
  });
  checkAmountUnits(f);
}

/**
 * A clause granting the level above the one held: its condition and "the highest level held in
 * this occupation is the one below `level`" (holds level + 1, not `level`; 五级: holds none), as
 * atoms of the language, so that every backend judges it without knowing about outcomes.
 */
function nextLevelGuarded(cond: Cond, level: number): Cond {
  const range = cond.range;
  const notHeld: Cond = { op: 'not', item: { op: 'holds', scope: SAME, level, range }, range };
  const below: Cond[] = level < 5 ? [{ op: 'holds', scope: SAME, level: level + 1, range }] : [];
  return { op: 'and', items: [cond, ...below, notHeld], range };
}

/** Amounts by level share one unit (a subsidy in 元): a level with another is an error at its unit. */
function checkAmountUnits(f: RuleFileCheck): void {
  const first = f.data.conditions.find((g) => g.amount !== undefined)?.amount;
  f.data.conditions.forEach((g, gi) => {
    if (first && g.amount && g.amount.unit !== first.unit) f.report('E_AMOUNT_LEVEL', ['conditions', gi, 'amount', 'unit'], { level: g.level, unit: g.amount.unit, other: first.unit });
  });
}
