// Fills the self-check form from a profile (a file the applicant loads): every entry and fact.
// A relation given as a map by occupation keeps the value for the chosen occupation, the one judged.
import type { Profile } from '../../runtime/profile.js';
import type { SiteIndex } from '../site-data.js';
import { ENTRY_FIELDS, type ListName } from './entry-fields.js';
import { addEntry, LISTS } from './profile-form.js';

function relationFor(value: unknown, id: string, name: string): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object') {
    const map = value as Record<string, string>;
    return map[id] ?? map[name] ?? '';
  }
  return '';
}

function set(entry: HTMLElement, key: string, value: string): void {
  const el = entry.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-key="${key}"]`);
  if (el) el.value = value;
}

function fillEntry(list: ListName, entry: HTMLElement, data: Record<string, unknown>, id: string, name: string): void {
  for (const field of ENTRY_FIELDS[list].fields) {
    const v = data[field.key];
    if (field.key === 'relation' || field.key === 'majorRelation') set(entry, field.key, relationFor(v, id, name));
    else if (v !== undefined && field.key !== 'period') set(entry, field.key, String(v));
  }
  if (list === 'work') set(entry, 'period', data.from === undefined ? 'undated' : data.to === undefined ? 'ongoing' : 'ended');
  entry.dispatchEvent(new Event('change', { bubbles: false }));
}

export function fillProfile(profile: Profile, index: SiteIndex, id: string, name: string): void {
  (document.getElementById('birth-date') as HTMLInputElement).value = profile.birthDate ?? '';
  const p = profile as Record<string, unknown>;
  for (const list of LISTS) {
    document.querySelector(`#${list} .list`)!.replaceChildren();
    const entries = Array.isArray(p[list]) ? (p[list] as Record<string, unknown>[]) : [];
    for (const data of entries) fillEntry(list, addEntry(list, index, ''), data, id, name);
  }
  (document.getElementById('no-education') as HTMLInputElement).checked = Array.isArray(profile.education) && profile.education.length === 0;
  const facts = (profile.facts ?? {}) as Record<string, number | boolean>;
  for (const fact of index.facts) {
    const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-fact="${CSS.escape(fact.name)}"]`);
    const v = facts[fact.name] ?? facts[fact.en];
    if (el) el.value = v === undefined ? '' : String(v);
  }
}
