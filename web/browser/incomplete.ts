// What the form lets an applicant leave out that a profile must have (schema/profile.schema.json):
// said at the entry, instead of judging an entry the schema refuses (`zige eval` would refuse the
// downloaded profile). The runtime trusts its input to match the schema, so the page checks first.
import type { Profile } from '../../runtime/profile.js';
import type { MessageLang } from '../../runtime/words.js';
import { UI } from '../ui-text.js';

/** The incomplete entries of a profile, each as `legend n: what is missing`, in one language. */
export function incompleteEntries(profile: Profile, lang: MessageLang): string[] {
  const out: string[] = [];
  (profile.certificates ?? []).forEach((c, i) => {
    if (c.kind !== '预备技师证书' && c.level === undefined) out.push(`${UI.certificate[lang]} ${i + 1}: ${UI.needLevel[lang]}`);
  });
  (profile.work ?? []).forEach((w, i) => {
    if (w.from === undefined && w.years === undefined) out.push(`${UI.workEntry[lang]} ${i + 1}: ${UI.needFrom[lang]}`);
  });
  return out;
}
