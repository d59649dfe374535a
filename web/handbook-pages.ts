// The handbook: an index of the occupations and a page per occupation, generated from the checked
// rules (never hand-written). Each clause is shown as the plain sentence the runtime words from its
// plan, beside the policy's own sentence, its note and the documents that prove it.
import type { CheckedOccupation } from '../compiler/checked.js';
import { Explainer } from '../runtime/explain.js';
import type { CompiledOccupation } from '../runtime/compiled.js';
import type { Plan } from '../runtime/plan.js';
import { LEVEL_NAMES, type Level } from '../runtime/words.js';
import { NOT_OFFERED_TEXT } from '../runtime/offered.js';
import { bi, esc, page, zh } from './html.js';
import { evidenceKinds } from './plan-documents.js';
import { UI, type Bi } from './ui-text.js';

export interface HandbookVersion {
  checked: CheckedOccupation;
  compiled: CompiledOccupation;
}

/** The file name of an occupation's page: its id, with anything but letters, digits, `.`, `_`, `-` as `_`. */
export function occupationPage(id: string): string {
  return `occupation-${id.replace(/[^A-Za-z0-9._-]/g, '_')}.html`;
}

const levelName = (level: Level): Bi => ({ zh: `${LEVEL_NAMES[level].zh}/${LEVEL_NAMES[level].title}`, en: `Level ${level} (${LEVEL_NAMES[level].en})` });

/** The index: every occupation by name, aliases and id, with a search box (handbook.js filters it). */
export function handbookIndex(byId: ReadonlyMap<string, HandbookVersion[]>, generator: string): string {
  const items = [...byId.values()].map((versions) => {
    const o = versions[0].checked;
    const words = [o.name, o.id, ...o.aliases].join(' ');
    const aliases = o.aliases.length > 0 ? ` <span class="aliases">${zh(o.aliases.join('、'))}</span>` : '';
    return `<li data-search="${esc(words)}"><a href="${esc(occupationPage(o.id))}">${zh(o.name)}</a>${aliases} <code>${esc(o.id)}</code></li>`;
  });
  const body = `<h1>${bi(UI.handbook)}</h1>
<p><label for="search">${bi(UI.search)}</label>
<input id="search" type="search" autocomplete="off"></p>
<ul id="occupations" class="occupations">
${items.join('\n')}
</ul>
<p id="no-match" hidden>${bi(UI.noMatch)}</p>`;
  return page({ title: UI.handbook, current: 'handbook', body, scripts: ['handbook.js'], generator });
}

/** An occupation's page: its versions (newest first), each with education, work types and levels. */
export function occupationHandbook(versions: HandbookVersion[], generator: string): string {
  const sorted = [...versions].sort((a, b) => ((b.checked.inForce?.from ?? '') < (a.checked.inForce?.from ?? '') ? -1 : 1));
  const o = sorted[0].checked;
  const history = sorted.map((v) => versionRow(v.checked)).join('\n');
  const body = `<h1>${zh(o.name)} <code>${esc(o.id)}</code></h1>
${o.aliases.length > 0 ? `<p>${zh(o.aliases.join('、'))}</p>` : ''}
<p class="actions no-print"><a href="selfcheck.html#${esc(encodeURIComponent(o.id))}">${bi(UI.checkThis)}</a>
<button type="button" id="print">${bi(UI.print)}</button></p>
<h2>${bi(UI.versions)}</h2>
<table class="versions"><thead><tr><th scope="col">${bi(UI.version)}</th><th scope="col">${bi(UI.inForceFrom)}</th><th scope="col">${bi(UI.inForceTo)}</th><th scope="col"><span class="sr-only">${bi(UI.inForceNow)}</span></th></tr></thead>
<tbody>
${history}
</tbody></table>
${sorted.map(versionSection).join('\n')}`;
  return page({ title: { zh: o.name, en: o.id }, current: 'handbook', body, scripts: ['handbook.js'], generator });
}

function versionRow(o: CheckedOccupation): string {
  const from = o.inForce?.from ?? '';
  const to = o.inForce?.to ?? '';
  return `<tr class="version-row" data-from="${esc(from)}" data-to="${esc(to)}"><td>${esc(o.version ?? '—')}</td><td>${esc(from || '—')}</td><td>${to ? esc(to) : bi(UI.noEnd)}</td><td class="now"></td></tr>`;
}

function versionSection(v: HandbookVersion): string {
  const o = v.checked;
  const meta = v.compiled.meta;
  const words = new Explainer(meta);
  const label = o.version ?? o.inForce?.from ?? '';
  const education = meta.education
    ? `<p>${zh(meta.education.text)}</p><p class="plain">${bi(words.describe(meta.education.plan))}</p>`
    : `<p>${bi(UI.noEducation)}</p>`;
  const workTypes = o.workTypes.length === 0
    ? `<p>${bi(UI.noWorkTypes)} · ${bi(UI.levels)}: ${o.levels.map((l) => bi(levelName(l))).join('、')}</p>`
    : `<ul>${o.workTypes.map((w) => `<li>${zh(w.name)}: ${w.levels.map((l) => bi(levelName(l))).join('、')}</li>`).join('')}</ul>`;
  const levels = o.levels.map((level) => levelSection(v, level, words)).join('\n');
  // Levels not judged: not offered at this sitting, or no condition in the source (never ineligible).
  const notOffered = o.notOffered.map((n) => `<h3>${bi(levelName(n.level))}</h3>\n<p class="not-offered">${bi(NOT_OFFERED_TEXT[n.reason])}</p>`).join('\n');
  return `<section class="version" aria-labelledby="v-${esc(label)}">
<h2 id="v-${esc(label)}">${bi(UI.version)} ${esc(label || '—')}</h2>
${o.source ? `<p class="source">${bi(UI.source)}: ${zh(o.source.section)}</p>` : ''}
<h3>${bi(UI.education)}</h3>
${education}
<h3>${bi(UI.workTypes)}</h3>
${workTypes}
${levels}${notOffered ? `\n${notOffered}` : ''}
</section>`;
}

function levelSection(v: HandbookVersion, level: Level, words: Explainer): string {
  const clauses = v.compiled.meta.clauses.filter((c) => c.level === level);
  const rows = clauses.map((c) => {
    const checked = v.checked.clauses.find((k) => k.id === c.id);
    const note = checked?.note ? `<p class="note"><strong>${bi(UI.notes)}:</strong> <span lang="en">${esc(checked.note)}</span></p>` : '';
    return `<li class="clause" id="${esc(c.id)}">
<p class="clause-id"><code>${esc(c.id.split('/').slice(1).join('/'))}</code></p>
<p class="plain"><strong>${bi(UI.plain)}:</strong> ${bi(plainSentence(words, c.plan))}</p>
<p class="policy"><strong>${bi(UI.policy)}:</strong> ${zh(c.text)}</p>
${note}<p class="documents"><strong>${bi(UI.documents)}:</strong> ${documents(v.compiled, c.plan)}</p>
</li>`;
  });
  return `<h3>${bi(levelName(level))}</h3>
<ol class="clauses">
${rows.join('\n')}
</ol>`;
}

/** The runtime's description of a clause, without the parentheses of a top-level 且/或 (as cli/report.ts does). */
function plainSentence(words: Explainer, plan: Plan): Bi {
  const text = words.describe(plan);
  if (plan.op !== 'and' && plan.op !== 'or') return text;
  return { zh: text.zh.replace(/^（(.*)）$/s, '$1').replace(/^\((.*)\)$/s, '$1'), en: text.en.replace(/^\((.*)\)$/s, '$1') };
}

function documents(compiled: CompiledOccupation, plan: Plan): string {
  const texts = [...evidenceKinds(plan)].flatMap((k) => (compiled.meta.evidence[k] ? [compiled.meta.evidence[k]] : []));
  return texts.length === 0 ? '—' : texts.map((t) => bi(t)).join('；');
}
