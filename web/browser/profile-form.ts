// The self-check form: entries added and removed by the applicant, read into a profile (the
// shape of schema/profile.schema.json, relations as one value: the chosen occupation is the one
// judged), and filled from a loaded profile.
import type { Profile } from '../../runtime/profile.js';
import type { MessageLang } from '../../runtime/words.js';
import type { SiteIndex } from '../site-data.js';
import { UI, type Bi } from '../ui-text.js';
import { bi, h } from './dom.js';
import { ENTRY_FIELDS, YES_NO, type Choice, type Field, type ListName, type Period } from './entry-fields.js';
import { currentLang, onLangChange } from './lang.js';

const LISTS: readonly ListName[] = ['education', 'certificates', 'work', 'training', 'apprenticeships'];
const optionTexts = new WeakMap<HTMLOptionElement, Bi>();
let serial = 0;

function option(value: string, label: Bi): HTMLOptionElement {
  const o = h('option', { value }, label[currentLang()]);
  optionTexts.set(o, label);
  return o;
}

/** Options show one language: rewritten when it changes. */
onLangChange((lang: MessageLang) => {
  for (const o of document.querySelectorAll('option')) {
    const label = optionTexts.get(o);
    if (label) o.textContent = label[lang];
  }
});

export function selectOptions(select: HTMLSelectElement, choices: readonly Choice[], unset: boolean): void {
  select.replaceChildren(...(unset ? [option('', UI.unset)] : []), ...choices.map((c) => option(c.value, c.label)));
}

function control(field: Field, id: string, index: SiteIndex): HTMLInputElement | HTMLSelectElement {
  if (field.kind === 'select' || field.kind === 'boolean') {
    const s = h('select', { id, 'data-key': field.key });
    const choices = field.kind === 'boolean' ? YES_NO : (field.choices?.(index) ?? []);
    selectOptions(s, choices, field.kind === 'boolean' || !field.required);
    return s;
  }
  const input = h('input', { id, 'data-key': field.key, type: field.kind, ...(field.kind === 'number' ? { min: '0', step: 'any', inputmode: 'decimal' } : {}) });
  return input;
}

/** Shows the date or years fields that a work entry's period asks for. */
function showPeriod(entry: HTMLElement): void {
  const period = (entry.querySelector('[data-key="period"]') as HTMLSelectElement | null)?.value as Period | undefined;
  for (const p of entry.querySelectorAll<HTMLElement>('[data-periods]')) p.hidden = !period || !p.dataset.periods!.split(' ').includes(period);
}

/** Adds an entry to a list; `occupationName` fills its occupation field. */
export function addEntry(list: ListName, index: SiteIndex, occupationName: string): HTMLFieldSetElement {
  const container = document.querySelector(`#${list} .list`)!;
  const spec = ENTRY_FIELDS[list];
  const number = container.children.length + 1;
  const entry = h('fieldset', { class: 'entry', 'data-list': list });
  const legend = h('legend', {}, bi(spec.legend), ` ${number}`);
  entry.append(legend);
  for (const field of spec.fields) {
    const id = `f${++serial}`;
    const c = control(field, id, index);
    if (field.occupation) (c as HTMLInputElement).value = occupationName;
    entry.append(h('p', { class: 'field', ...(field.periods ? { 'data-periods': field.periods.join(' ') } : {}) }, h('label', { for: id }, bi(field.label)), c));
  }
  const remove = h('button', { type: 'button', class: 'remove' }, bi(UI.remove), h('span', { class: 'sr-only' }, ` ${number}`));
  remove.addEventListener('click', () => {
    entry.remove();
    renumber(list);
    document.getElementById('profile-form')!.dispatchEvent(new Event('input', { bubbles: true }));
  });
  entry.append(remove);
  entry.addEventListener('change', () => showPeriod(entry));
  container.append(entry);
  showPeriod(entry);
  return entry;
}

function renumber(list: ListName): void {
  const entries = document.querySelectorAll<HTMLFieldSetElement>(`#${list} .list > fieldset`);
  entries.forEach((e, i) => {
    e.querySelector('legend')!.lastChild!.textContent = ` ${i + 1}`;
  });
}

/** A field's value in the profile: undefined when empty (or hidden, for a work period's fields). */
function fieldValue(field: Field, el: HTMLInputElement | HTMLSelectElement): unknown {
  if ((el.parentElement as HTMLElement).hidden || el.value === '') return undefined;
  if (field.kind === 'boolean') return el.value === 'true';
  if (field.kind === 'number' || field.integer) return Number(el.value);
  return el.value;
}

function readEntry(list: ListName, entry: HTMLElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS[list].fields) {
    if (field.key === 'period') continue;
    const el = entry.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-key="${field.key}"]`)!;
    const value = fieldValue(field, el);
    if (value !== undefined) out[field.key] = value;
  }
  return out;
}

/** The profile the form holds. An empty list is left out (unknown), except education when "no education" is ticked. */
export function readProfile(index: SiteIndex): Profile {
  const profile: Record<string, unknown> = {};
  const birth = (document.getElementById('birth-date') as HTMLInputElement).value;
  if (birth) profile.birthDate = birth;
  for (const list of LISTS) {
    const entries = [...document.querySelectorAll<HTMLElement>(`#${list} .list > fieldset`)].map((e) => readEntry(list, e));
    if (entries.length > 0) profile[list] = entries;
  }
  if (!profile.education && (document.getElementById('no-education') as HTMLInputElement).checked) profile.education = [];
  const facts: Record<string, number | boolean> = {};
  for (const fact of index.facts) {
    const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-fact="${CSS.escape(fact.name)}"]`);
    if (!el || el.value === '') continue;
    facts[fact.name] = fact.type === 'boolean' ? el.value === 'true' : Number(el.value);
  }
  if (Object.keys(facts).length > 0) profile.facts = facts;
  return profile as Profile;
}

/** The declared facts, one control each. */
export function buildFacts(index: SiteIndex): void {
  const list = document.querySelector('#facts .list')!;
  for (const fact of index.facts) {
    const id = `f${++serial}`;
    const label: Bi = { zh: fact.units.length > 0 ? `${fact.name}（${fact.units[0]}）` : fact.name, en: fact.units.length > 0 ? `${fact.en} (${fact.units[0]})` : fact.en };
    const c = fact.type === 'boolean' ? h('select', { id, 'data-fact': fact.name }) : h('input', { id, 'data-fact': fact.name, type: 'number', step: 'any' });
    if (c instanceof HTMLSelectElement) selectOptions(c, YES_NO, true);
    list.append(h('p', { class: 'field' }, h('label', { for: id }, bi(label)), c));
  }
}

export { LISTS };
