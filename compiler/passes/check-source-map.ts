// The escape hatch of `zige trace` (`sourceMap`): each passage is quoted verbatim from the source,
// each clause it names exists in this file (`<level>/<clause id>`), and that clause's own `source`
// lies inside the passage, so the map cannot pair a passage with a clause that cites elsewhere.
import type { RuleFileCheck } from './rule-file-check.js';

export function checkSourceMap(f: RuleFileCheck): void {
  f.data.sourceMap?.forEach((entry, i) => {
    f.cite(entry.passage, ['sourceMap', i, 'passage']);
    entry.clauses.forEach((ref, j) => {
      const [level, ...rest] = ref.split('/');
      const localId = rest.join('/');
      const group = f.data.conditions.find((g) => String(g.level) === level);
      const clause = group?.clauses.find((c) => c.id === localId);
      if (!clause) f.report('E_SOURCE_MAP_CLAUSE', ['sourceMap', i, 'clauses', j], { ref });
      else if (!entry.passage.includes(clause.source)) f.report('E_SOURCE_MAP_OUTSIDE', ['sourceMap', i, 'clauses', j], { ref });
    });
  });
}
