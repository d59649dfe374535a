// One applicant's result, as the reviewed workbook's cells: in the words of the runtime's
// explanation (the same `missing`, `earliest`, `ask`, `evidence` and `verify` as `zige eval --json`), put
// so that a reviewer can paste them into a reply. No wording of a condition is made up here.
import { formatMessage } from '../compiler/diagnostics/messages.js';
import type { ExplainedLevelResult, Warning } from '../runtime/index.js';
import { LEVEL_NAMES, type Level } from '../runtime/words.js';
import type { ResultKey } from './fields.js';
import type { Problem } from './read-fields.js';
import type { Refs } from './build-profile.js';

export const STATUS_WORDS = { eligible: '符合', ineligible: '不符合', unknown: '待核实' } as const;
export type StatusWord = (typeof STATUS_WORDS)[keyof typeof STATUS_WORDS];

const CONDITION_WORDS = { met: '成立', unmet: '不成立', unknown: '待核实' } as const;

/** `四级第2条` for a full clause id. */
export function clauseName(id: string, level: Level): string {
  return `${LEVEL_NAMES[level].zh}第${id.split('/').pop() ?? ''}条`;
}

/** A problem as the errors sheet and the row's own cell say it: `工作经历!D12: 日期“2020.13”无法识别`. */
export function problemText(p: Problem): string {
  return `${p.ref}: ${formatMessage(p, 'zh')}`;
}

function shortfall(r: ExplainedLevelResult, clause: string | undefined): string {
  const s = clause === undefined ? r.missing[0] : r.missing.find((m) => m.clause === clause);
  if (!s) return '';
  const lacks = s.conditions.map((c) => (c.detail ? `${c.text.zh}（${c.detail.zh}）` : c.text.zh)).join('；');
  return `${clauseName(s.clause, r.level)}：${lacks}`;
}

function requirementText(r: ExplainedLevelResult): string[] {
  if (!r.requirement || r.education === 'met') return [];
  const lacks = r.requirement.conditions.map((c) => c.text.zh).join('；');
  return [`${r.requirement.text}${lacks ? `（${lacks}）` : ''}`];
}

/** A warning in Chinese, its profile path (`/work/2`) replaced by the cell the entry came from. */
function warningText(w: Warning, refs: Refs | undefined): string {
  const zh = w.message.split(' / ')[0];
  const m = /^\/(education|certificates|work|training)\/(\d+)/.exec(w.path);
  const ref = m && refs ? refs[m[1] as keyof Refs][Number(m[2])] : undefined;
  return ref && zh.startsWith(w.path) ? `${ref}${zh.slice(w.path.length)}` : zh;
}

/** The result columns of one row that was read whole. */
export function resultCells(r: ExplainedLevelResult, declared: string | undefined, warnings: readonly Warning[], refs?: Refs): Record<ResultKey, string> {
  const declaredStatus = declared === undefined ? undefined : r.clauses.find((c) => c.id === declared)?.status;
  const declaredCell = declared === undefined ? '未填写' : `${clauseName(declared, r.level)}${CONDITION_WORDS[declaredStatus ?? 'unknown']}`;
  const nearest = r.status === 'eligible' ? (declared !== undefined && declaredStatus !== 'met' ? shortfall(r, declared) : '') : [...requirementText(r), shortfall(r, undefined)].filter(Boolean).join('；');
  // 告知承诺制: an eligible level resting on declared facts says so, naming them
  const verify = r.verify.length > 0 ? [`依承诺符合，需核验：${r.verify.map((v) => v.label.zh).join('、')}`] : [];
  const asks = [...warnings.map((w) => warningText(w, refs)), ...r.ask.map((a) => a.reason.zh), ...verify];
  return {
    status: STATUS_WORDS[r.status],
    declaredHolds: declaredCell,
    holding: r.matched.length > 0 ? r.matched.map((id) => clauseName(id, r.level)).join('、') : '无',
    shortfall: nearest,
    earliest: r.earliest ?? (r.status === 'ineligible' ? '仅靠继续从业无法达到' : ''),
    ask: [...new Set(asks)].join('；'),
    evidence: r.status === 'eligible' ? r.evidence.map((e) => e.zh).join('；') : '',
    problems: '',
  };
}

/** The result columns of a row with cells that could not be read: 待核实, and why. */
export function problemCells(problems: readonly Problem[]): Record<ResultKey, string> {
  return { status: STATUS_WORDS.unknown, declaredHolds: '', holding: '', shortfall: '', earliest: '', ask: '', evidence: '', problems: problems.map(problemText).join('\n') };
}
