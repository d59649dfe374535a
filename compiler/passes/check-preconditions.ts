// Preconditions (前提条件: conditions every route needs besides the education requirement, each
// with its cited sentence), the waivers of clauses (破格: a clause lifting the education
// requirement or a precondition for itself alone) and the sitting's registration window.
import { BUILT_IN_NAMES } from '../../runtime/words.js';
import type { RuleFileCheck } from './rule-file-check.js';

/** What a clause's `waives` may name besides the preconditions' ids: the education requirement. */
const EDUCATION = new Set<string>(Object.values(BUILT_IN_NAMES.education));

export function checkPreconditions(f: RuleFileCheck): void {
  const ids = new Set<string>();
  (f.data.preconditions ?? []).forEach((p, i) => {
    const path = ['preconditions', i];
    if (ids.has(p.id) || EDUCATION.has(p.id)) f.report('E_DUPLICATE_ID', [...path, 'id'], { what: '前提条件', id: p.id });
    ids.add(p.id);
    f.cite(p.source, [...path, 'source']);
    const e = f.expression([...path, 'when'], false);
    if (e) f.preconditions.push({ id: p.id, text: p.source, when: e.when, cond: e.cond, line: f.lineOf(path), sourceRange: f.at([...path, 'source']) });
  });
  f.data.conditions.forEach((group, gi) => {
    group.clauses.forEach((c, ci) => {
      (c.waives ?? []).forEach((name, wi) => {
        const path = ['conditions', gi, 'clauses', ci, 'waives', wi];
        if (EDUCATION.has(name)) {
          if (!f.data.education) f.report('E_WAIVES_UNKNOWN', path, { name, known: [...ids].join('、') || '—' });
        } else if (!ids.has(name)) f.report('E_WAIVES_UNKNOWN', path, { name, known: [...(f.data.education ? [BUILT_IN_NAMES.education.zh] : []), ...ids].join('、') || '—' });
      });
    });
  });
  const window = f.data.registration;
  if (window) {
    if (window.to < window.from) f.report('E_REGISTRATION_PERIOD', ['registration', 'to'], { from: window.from, to: window.to });
    if (window.source !== undefined) f.cite(window.source, ['registration', 'source']);
  }
}

/** The canonical name of a waived requirement: `education`, or the precondition's id. */
export function waivedName(name: string): string {
  return EDUCATION.has(name) ? BUILT_IN_NAMES.education.en : name;
}
