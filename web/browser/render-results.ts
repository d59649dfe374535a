// The self-check's results, per level: status, the routes that hold or the closest ones with what
// they lack, the earliest date, what to ask for, the documents; the profile's warnings once. In the
// words of `zige eval`'s report (cli/report.ts) and the texts the runtime put in the results.
import { levelHeading, REPORT_WORDS, statusText } from '../../cli/report.js';
import type { ExplainedLevelResult, NotOfferedLevel, Warning } from '../../runtime/index.js';
import type { MessageLang } from '../../runtime/words.js';
import { UI } from '../ui-text.js';
import { h } from './dom.js';

const local = (id: string): string => id.split('/').slice(1).join('/');

/** A warning in one language (warnings carry `中文 / English`). */
export function warningText(w: Warning, lang: MessageLang): string {
  const [zh, en] = w.message.split(' / ');
  return lang === 'zh' ? zh : (en ?? w.code);
}

function level(r: ExplainedLevelResult, lang: MessageLang): HTMLElement {
  const w = REPORT_WORDS[lang];
  const clauseText = new Map(r.clauses.map((c) => [c.id, c.text]));
  const section = h('section', { class: 'level', 'data-level': String(r.level), 'data-status': r.status },
    h('h3', {}, levelHeading(r.level, lang), ' ', h('span', { class: `status ${r.status}` }, r.verify.length > 0 ? w.eligibleDeclared : w[r.status])));
  const req = r.education === 'met' ? w.met : r.education === 'unmet' ? w.unmet : w.unknownCondition;
  if (r.requirement) section.append(h('p', { class: 'requirement' }, `${w.requirement}：${req}`, ' ', h('span', { lang: 'zh-CN' }, `（${r.requirement.text}）`)));
  if (r.matched.length > 0) {
    section.append(h('h4', {}, w.routes), h('ul', { class: 'routes' }, ...r.matched.map((id) => h('li', { 'data-clause': id }, h('code', {}, local(id)), ' ', h('span', { lang: 'zh-CN' }, clauseText.get(id) ?? '')))));
  }
  if (r.status !== 'eligible' && r.missing.length > 0) {
    const items = r.missing.map((m) => h('li', { 'data-clause': m.clause }, h('code', {}, local(m.clause)), ' ', h('span', { lang: 'zh-CN' }, m.text),
      h('ul', {}, ...m.conditions.map((c) => h('li', { class: 'shortfall' }, c.detail ? `${c.text[lang]}：${c.detail[lang]}` : c.text[lang])))));
    section.append(h('h4', {}, UI.closestRoutes[lang]), h('ul', { class: 'missing' }, ...items));
  }
  if (r.status !== 'unknown') section.append(h('p', { class: 'earliest' }, `${w.earliest}：`, h('span', { class: 'earliest-date' }, r.earliest ?? w.never)));
  if (r.latest !== null) section.append(h('p', { class: 'latest' }, `${w.latest}：`, h('span', { class: 'latest-date' }, r.latest)));
  if (r.ask.length > 0) section.append(h('h4', {}, w.ask), h('ul', { class: 'asks' }, ...r.ask.map((a) => h('li', { 'data-field': a.field }, h('code', {}, a.field), ' ', a.reason[lang]))));
  // 告知承诺制: the declared facts this eligible level rests on
  if (r.verify.length > 0) section.append(h('h4', {}, w.verify), h('ul', { class: 'verify', title: statusText(r, lang) }, ...r.verify.map((v) => h('li', { 'data-path': v.path }, v.label[lang]))));
  if (r.evidence.length > 0) section.append(h('h4', {}, w.evidence), h('ul', { class: 'evidence' }, ...r.evidence.map((e) => h('li', {}, e[lang]))));
  return section;
}

export function renderResults(
  target: HTMLElement,
  judged: { warnings: readonly Warning[]; results: readonly ExplainedLevelResult[]; notOffered?: readonly NotOfferedLevel[] },
  lang: MessageLang,
): void {
  const parts: HTMLElement[] = [];
  if (judged.warnings.length > 0) {
    parts.push(h('h3', {}, UI.warnings[lang]), h('ul', { id: 'warnings', class: 'warnings' }, ...judged.warnings.map((w) => h('li', { 'data-code': w.code }, warningText(w, lang)))));
  }
  const notOffered = judged.notOffered ?? [];
  if (judged.results.length === 0 && notOffered.length === 0) parts.push(h('p', {}, REPORT_WORDS[lang].none));
  for (const r of judged.results) parts.push(level(r, lang));
  // Levels not judged (not offered at the sitting, no condition in the source): never ineligible.
  for (const n of notOffered) parts.push(h('section', { class: 'level not-offered', 'data-reason': n.reason }, h('h3', {}, levelHeading(n.level, lang), ' — ', n.text[lang])));
  target.replaceChildren(...parts);
}
