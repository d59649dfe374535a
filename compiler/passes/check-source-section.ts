// `source.section` names a section of the cited document, as `zige trace` splits it: checked by
// `zige check` too, so that a wrong heading is found before anyone traces.
import { missingSection } from '../trace.js';
import type { RuleFileCheck } from './rule-file-check.js';

export function checkSourceSection(f: RuleFileCheck): void {
  const section = f.data.source.section;
  if (f.source.text === null || section === undefined) return;
  const known = missingSection(f.source.text, section);
  // A warning here (evaluation does not read it); `zige trace` refuses it (E_TRACE_SECTION).
  if (known) f.report('W_SOURCE_SECTION', ['source', 'section'], { file: f.source.name, section, known: known.join('、') || '—' }, 'warning');
}
