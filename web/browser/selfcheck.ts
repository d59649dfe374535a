// The self-check page: the applicant's facts → every level of the chosen occupation judged by its
// compiled evaluator and the runtime (never the checker), updated on every change of the form.
// What `zige eval --json --occupation ID` prints for the same profile and date is exactly what
// "download results" saves.
import { evaluateProfile, EvaluationError, notOfferedLevels, ProfileError, todayInShanghai, versionInForce, type Evaluation, type ExplainedLevelResult, type Profile } from '../../runtime/index.js';
import type { SiteOccupation } from '../site-data.js';
import { UI } from '../ui-text.js';
import { download, h } from './dom.js';
import { fillProfile } from './fill-profile.js';
import { incompleteEntries } from './incomplete.js';
import { currentLang, initLang, onLangChange } from './lang.js';
import { addEntry, buildFacts, LISTS, readProfile, selectOptions } from './profile-form.js';
import { load } from './registry.js';
import { renderResults } from './render-results.js';

const index = window.zigeIndex;
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const occupationSelect = $<HTMLSelectElement>('occupation');
const workTypeSelect = $<HTMLSelectElement>('work-type');
const asOfInput = $<HTMLInputElement>('as-of');
const resultsBody = $<HTMLElement>('results-body');

/** The last evaluation shown, as `zige eval --json` prints it. */
let last: { json: string; judged: Evaluation<ExplainedLevelResult> } | null = null;
let run = 0;

function versionsOf(id: string): SiteOccupation[] {
  return index.occupations.filter((o) => o.id === id);
}

function chosenName(): string {
  return versionsOf(occupationSelect.value)[0]?.name ?? '';
}

function fillOccupations(): void {
  const ids = [...new Set(index.occupations.map((o) => o.id))];
  selectOptions(occupationSelect, ids.map((id) => {
    const o = versionsOf(id)[0];
    return { value: id, label: { zh: o.name, en: `${o.id} (${o.name})` } };
  }), false);
  const wanted = decodeURIComponent(location.hash.slice(1));
  occupationSelect.value = ids.includes(wanted) ? wanted : index.defaultOccupation;
  fillWorkTypes();
}

function fillWorkTypes(): void {
  const names = [...new Set(versionsOf(occupationSelect.value).flatMap((o) => o.workTypes.map((w) => w.name)))];
  selectOptions(workTypeSelect, names.map((n) => ({ value: n, label: { zh: n, en: n } })), false);
  workTypeSelect.prepend(h('option', { value: '' }, UI.anyWorkType[currentLang()]));
  workTypeSelect.value = '';
  workTypeSelect.disabled = names.length === 0;
}

function showError(text: string): void {
  last = null;
  resultsBody.replaceChildren(h('p', { class: 'error', role: 'alert' }, text));
}

/** Judges the form's profile: all levels of the version in force on the as-of date. */
async function evaluate(): Promise<void> {
  const mine = ++run;
  const asOf = asOfInput.value;
  const choice = asOf ? versionInForce(versionsOf(occupationSelect.value), asOf, (o) => o) : null;
  if (!choice?.ok) return showError(UI.noVersion[currentLang()]);
  const compiled = await load(choice.value);
  if (mine !== run) return; // a later change has started its own evaluation
  const profile: Profile = readProfile(index);
  const incomplete = incompleteEntries(profile, currentLang());
  if (incomplete.length > 0) return showError(incomplete.join('；'));
  const workType = workTypeSelect.value || undefined;
  performance.mark('zige-evaluate-start');
  try {
    const evaluated = evaluateProfile(compiled, profile, { asOf, workType, single: true });
    const notOffered = notOfferedLevels(compiled.meta);
    const judged = { ...evaluated, notOffered };
    last = { json: JSON.stringify({ asOf, rulesVersion: index.rulesVersion, warnings: judged.warnings, results: judged.results, ...(notOffered.length > 0 ? { notOffered } : {}) }, null, 2), judged };
    rememberProfile(profile);
    renderResults(resultsBody, judged, currentLang());
  } catch (e) {
    if (e instanceof ProfileError) return showError(`${UI.errorTitle[currentLang()]}: ${e.path} ${e.message}`);
    if (e instanceof EvaluationError) return showError(e.message);
    throw e;
  } finally {
    performance.measure('zige-evaluate', 'zige-evaluate-start');
  }
}

/** The profile, for the playground to try against edited rules: this tab only, never sent anywhere. */
function rememberProfile(profile: Profile): void {
  try {
    sessionStorage.setItem('zige-profile', JSON.stringify(profile, null, 2));
  } catch {
    /* storage refused: the playground starts empty */
  }
}

function refresh(): void {
  void evaluate().catch((e: unknown) => showError(String(e)));
}

function wire(): void {
  for (const list of LISTS) {
    document.querySelector(`#${list} > .add`)!.addEventListener('click', () => {
      const entry = addEntry(list, index, chosenName());
      entry.querySelector<HTMLElement>('input, select')?.focus();
      refresh();
    });
  }
  const form = $<HTMLFormElement>('profile-form');
  form.addEventListener('input', refresh);
  form.addEventListener('change', (e) => {
    if (e.target === occupationSelect) {
      fillWorkTypes();
      history.replaceState(null, '', `#${encodeURIComponent(occupationSelect.value)}`);
    }
    refresh();
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  $('download-profile').addEventListener('click', () => download('profile.json', `${JSON.stringify(readProfile(index), null, 2)}\n`));
  $('download-results').addEventListener('click', () => {
    if (last) download('results.json', `${last.json}\n`);
  });
  $<HTMLInputElement>('upload-profile').addEventListener('change', async (e) => {
    const file = (e.target as HTMLInputElement).files?.[0];
    if (!file) return;
    const error = $('upload-error');
    try {
      fillProfile(JSON.parse(await file.text()) as Profile, index, occupationSelect.value, chosenName());
      error.textContent = '';
    } catch (err) {
      error.textContent = `${UI.uploadError[currentLang()]}: ${String(err)}`;
    }
    refresh();
  });
  onLangChange((lang) => {
    if (last) renderResults(resultsBody, last.judged, lang);
  });
}

initLang();
fillOccupations();
buildFacts(index);
asOfInput.value = todayInShanghai();
wire();
refresh();
