// Entries whose relation to the occupation is one value, which needs one judged occupation.
import type { Profile } from '../../runtime/profile.js';

/** JSON Pointers of entries whose relation is one value, which needs one judged occupation. */
export function singleRelations(profile: Profile): string[] {
  const out: string[] = [];
  for (const key of ['work', 'certificates', 'training', 'apprenticeships'] as const) {
    (profile[key] ?? []).forEach((e, i) => {
      if (typeof e.relation === 'string') out.push(`/${key}/${i}/relation`);
    });
  }
  (profile.education ?? []).forEach((e, i) => {
    if (typeof e.majorRelation === 'string') out.push(`/education/${i}/majorRelation`);
  });
  return out;
}
