// The education requirement (学历要求): its sentence cited, its expression checked as a gate.
import type { RuleFileCheck } from './rule-file-check.js';

export function checkEducation(f: RuleFileCheck): void {
  const education = f.data.education;
  if (!education) return;
  f.cite(education.source, ['education', 'source']);
  const e = f.expression(['education', 'when'], true);
  if (e) f.education = { text: education.source, when: e.when, cond: e.cond };
}
