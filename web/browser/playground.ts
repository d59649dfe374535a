// The rule playground: a rule file edited in CodeMirror 6, checked on every change by zige's own
// checker (compiler/check-text.ts: the same passes, codes, messages and positions as `zige check`),
// its test cases run as `zige test` runs them, and a profile tried against the edited rules as
// `zige eval --rules` would judge it.
import { EditorView, basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { setDiagnostics, type Diagnostic as CmDiagnostic } from '@codemirror/lint';
import type { EditorState } from '@codemirror/state';
import { runCase } from '../../cli/rule-tests.js';
import type { CheckedOccupation } from '../../compiler/checked.js';
import { checkRuleText } from '../../compiler/check-text.js';
import { DiagnosticSink, type Diagnostic } from '../../compiler/diagnostics/diagnostics.js';
import { formatMessage } from '../../compiler/diagnostics/messages.js';
import { generateModule } from '../../compiler/generate/generate-module.js';
import { instantiateBody } from '../../compiler/generate/instantiate.js';
import { loadProfile } from '../../compiler/profile/load-profile.js';
import * as runtime from '../../runtime/index.js';
import type { PlaygroundData, SiteIndex } from '../site-data.js';
import { UI } from '../ui-text.js';
import { bi, download, h } from './dom.js';
import { currentLang, initLang, onLangChange } from './lang.js';
import { selectOptions } from './profile-form.js';
import { renderResults } from './render-results.js';

declare global {
  interface Window {
    zigePlayground: PlaygroundData;
  }
}

const data = window.zigePlayground;
const index: SiteIndex = window.zigeIndex;
const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const BLANK = 'blank.yaml';
const BLANK_TEXT = `# yaml-language-server: $schema=../schema/rule-file.schema.json
id: my-occupation
name: 我的职业
source:
  document: 样例
  section: 一、我的职业
  text: 五级 累计从事本职业或相关职业1年(含)以上。
levels: [5]
conditions:
  - level: 5
    source: 五级
    clauses:
      - id: "1"
        source: 累计从事本职业或相关职业1年(含)以上。
        when: 从业 本职业或相关职业 >= 1年
`;

let fileName = data.files.find((f) => f.file.includes(index.defaultOccupation))?.file ?? data.files[0]?.file ?? BLANK;
let checked: { occupation?: CheckedOccupation; diagnostics: Diagnostic[] } = { diagnostics: [] };

/** The generated evaluator of the edited occupation, as `zige eval`/`zige test` instantiate it. */
function compiledOf(occ: CheckedOccupation): runtime.CompiledOccupation {
  return instantiateBody(generateModule(occ, { runtime: 'zige/runtime', lang: 'js', format: 'function', generator: 'zige playground' }), runtime);
}

/** A 1-based line:col of the checker → an offset into the editor's document. */
function offset(state: EditorState, line: number, col: number): number {
  const l = state.doc.line(Math.min(Math.max(line, 1), state.doc.lines));
  return Math.min(l.from + Math.max(col - 1, 0), l.to);
}

function renderDiagnostics(view: EditorView): void {
  const list = $('diagnostics');
  const items = checked.diagnostics.map((d) => {
    const at = d.range ? `${d.range.start.line}:${d.range.start.col}` : '';
    return h('li', { class: d.severity, 'data-code': d.code, 'data-line': String(d.range?.start.line ?? ''), 'data-col': String(d.range?.start.col ?? '') },
      h('code', { class: 'at' }, at), ' ', h('code', {}, `${d.severity}[${d.code}]`), ' ', bi({ zh: formatMessage(d, 'zh'), en: formatMessage(d, 'en') }));
  });
  list.replaceChildren(...(items.length > 0 ? items : [h('li', { class: 'ok' }, bi(UI.noDiagnostics))]));
  const cm: CmDiagnostic[] = checked.diagnostics.filter((d) => d.range).map((d) => {
    const from = offset(view.state, d.range!.start.line, d.range!.start.col);
    const to = Math.max(from, offset(view.state, d.range!.end.line, d.range!.end.col));
    return { from, to, severity: d.severity, message: `[${d.code}] ${formatMessage(d, currentLang())}` };
  });
  view.dispatch(setDiagnostics(view.state, cm));
}

function check(view: EditorView): void {
  performance.mark('zige-check-start');
  checked = checkRuleText({ file: fileName, text: view.state.doc.toString(), vocabulary: data.vocabulary, sources: data.sources });
  renderDiagnostics(view);
  performance.measure('zige-check', 'zige-check-start');
}

async function runTests(): Promise<void> {
  const list = $('tests');
  const occ = checked.occupation;
  if (!occ) return void list.replaceChildren(h('li', { class: 'failed' }, bi(UI.fixErrors)));
  if (occ.tests.length === 0) return void list.replaceChildren(h('li', {}, bi(UI.noTests)));
  const compiled = compiledOf(occ);
  const items: HTMLElement[] = [];
  for (const test of occ.tests) {
    const outcome = await runCase(occ, test, compiled);
    const ok = outcome.failures.length === 0;
    items.push(h('li', { class: ok ? 'passed' : 'failed', 'data-status': ok ? 'passed' : 'failed' },
      ok ? '✓ ' : '✗ ', h('span', { class: 'name' }, test.name), ' ', bi(ok ? UI.passed : UI.failed),
      ...(ok ? [] : [h('ul', {}, ...outcome.failures.map((f) => h('li', {}, f)))])));
  }
  list.replaceChildren(...items);
}

function tryProfile(): void {
  const out = $('pg-results');
  const occ = checked.occupation;
  if (!occ) return void out.replaceChildren(h('p', { class: 'error' }, bi(UI.fixErrors)));
  const sink = new DiagnosticSink();
  const profile = loadProfile('profile', ($('pg-occupation-profile') as HTMLTextAreaElement).value, sink);
  if (!profile || sink.hasErrors) {
    return void out.replaceChildren(h('ul', { class: 'diagnostics' }, ...sink.items.map((d) => h('li', { class: 'error' }, `${d.path ?? ''} [${d.code}] ${formatMessage(d, currentLang())}`))));
  }
  const asOf = ($('pg-as-of') as HTMLInputElement).value || runtime.todayInShanghai();
  try {
    renderResults(out, runtime.evaluateProfile(compiledOf(occ), profile, { asOf, single: true }), currentLang());
  } catch (e) {
    out.replaceChildren(h('p', { class: 'error', role: 'alert' }, e instanceof runtime.ProfileError ? `${e.path}: ${e.message}` : String((e as Error).message)));
  }
}

function start(): void {
  initLang();
  const select = $<HTMLSelectElement>('start-from');
  selectOptions(select, [...data.files.map((f) => ({ value: f.file, label: { zh: f.file, en: f.file } })), { value: BLANK, label: UI.blank }], false);
  select.value = fileName;
  const textOf = (file: string): string => data.files.find((f) => f.file === file)?.text ?? BLANK_TEXT;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const view = new EditorView({
    doc: textOf(fileName),
    extensions: [basicSetup, yaml(), EditorView.contentAttributes.of({ 'aria-label': `${UI.editor.zh} / ${UI.editor.en}` }), EditorView.updateListener.of((u) => {
      if (!u.docChanged) return;
      clearTimeout(timer);
      timer = setTimeout(() => check(view), 0);
    })],
    parent: $('editor'),
  });
  // the scroller scrolls long lines sideways: reachable by keyboard too
  view.scrollDOM.tabIndex = 0;
  view.scrollDOM.setAttribute('aria-label', `${UI.editor.zh} / ${UI.editor.en}`);
  select.addEventListener('change', () => {
    fileName = select.value;
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: textOf(fileName) } });
  });
  $('run-tests').addEventListener('click', () => void runTests());
  $('pg-evaluate').addEventListener('click', tryProfile);
  $('download-rule').addEventListener('click', () => download(fileName.split('/').pop() ?? BLANK, view.state.doc.toString(), 'application/yaml'));
  ($('pg-as-of') as HTMLInputElement).value = runtime.todayInShanghai();
  // the profile last typed into the self-check in this tab, if any
  try {
    ($('pg-occupation-profile') as HTMLTextAreaElement).value = sessionStorage.getItem('zige-profile') ?? '';
  } catch {
    /* storage refused */
  }
  onLangChange(() => renderDiagnostics(view));
  check(view);
}

start();
