// The readable report of `zige eval`, in Chinese or English: per occupation and level, the
// status, the routes that hold, else the closest route and what it lacks, the earliest date,
// what to ask for, and the documents that prove the route. Every line is sanitised.
import { sanitize } from '../compiler/diagnostics/sanitize.js';
import { Explainer, type CompiledOccupation, type ExplainedLevelResult, type NotOfferedLevel, type Warning } from '../runtime/index.js';
import { LEVEL_NAMES, levelNumberText, type Level, type MessageLang } from '../runtime/words.js';

/** A level's heading: 五级/初级工, Level 5 (entry). */
export function levelHeading(level: Level, lang: MessageLang): string {
  const n = LEVEL_NAMES[level];
  if (lang === 'zh') return `${n.zh}/${n.title}`;
  const text = levelNumberText(level);
  return `${text[0].toUpperCase()}${text.slice(1)} (${n.en})`;
}

/** The report's words (the site's self-check shows results in them too). */
export const REPORT_WORDS = {
  zh: {
    eligible: '✓ 符合报名条件',
    eligibleDeclared: '✓ 符合（依承诺）',
    verify: '需核验',
    ineligible: '✗ 不符合',
    unknown: '? 无法判定（缺少信息）',
    asOf: '判定日期',
    version: '版本',
    workTypes: '工种',
    requirement: '学历要求',
    met: '满足',
    unmet: '不满足',
    unknownCondition: '未知',
    routes: '符合的条款',
    closest: '最接近的条款',
    lacks: '尚缺',
    earliest: '最早可报名日期（持续从业、其他情况不变）',
    never: '仅靠继续从业无法达到',
    latest: '最晚日期（期限届满或超龄前，其他情况不变）',
    ask: '需要补充',
    evidence: '需提供材料',
    none: '（没有可判定的等级）',
    preconditions: '前提条件',
    registration: '报名时间',
    'not-yet-open': '尚未开始',
    open: '报名中',
    closed: '已截止',
    outcome: '可晋升',
    'next-level': '已持有等级的上一级',
    level: '固定等级',
    amount: '数额',
  },
  en: {
    eligible: '✓ eligible',
    eligibleDeclared: '✓ eligible (on declaration)',
    verify: 'to verify',
    ineligible: '✗ not eligible',
    unknown: '? unknown (facts missing)',
    asOf: 'as of',
    version: 'version',
    workTypes: 'work types',
    requirement: 'education requirement',
    met: 'met',
    unmet: 'not met',
    unknownCondition: 'unknown',
    routes: 'routes that hold',
    closest: 'closest route',
    lacks: 'lacks',
    earliest: 'earliest date (if current work continues and nothing else changes)',
    never: 'not reachable by working longer alone',
    latest: 'latest date (before a window closes or an age limit is passed, nothing else changing)',
    ask: 'to decide, provide',
    evidence: 'documents',
    none: '(no levels to evaluate)',
    preconditions: 'preconditions',
    registration: 'registration',
    'not-yet-open': 'not yet open',
    open: 'open',
    closed: 'closed',
    outcome: 'grants',
    'next-level': 'the level above the one held',
    level: 'a fixed level',
    amount: 'amount',
  },
};

function local(id: string): string {
  return id.split('/').slice(1).join('/');
}

/**
 * What the English report shows after a clause id, by full clause id. The Chinese report shows the
 * clause's source sentence, but that is Chinese policy text; the `when:` printed with English
 * keywords still carries the vocabulary's Chinese names and is rule-language syntax. The runtime's
 * English description of the clause (from its plan) is plain English, in the words the report
 * already uses for the conditions a route lacks, and says exactly what was evaluated.
 */
export function englishClauses(occupations: readonly CompiledOccupation[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const occ of occupations) {
    const explainer = new Explainer(occ.meta);
    for (const c of occ.meta.clauses) {
      const en = explainer.describe(c.plan).en;
      // a top-level 且/或 is described in parentheses, needed only inside another condition
      texts.set(c.id, c.plan.op === 'and' || c.plan.op === 'or' ? en.slice(1, -1) : en);
    }
    // Preconditions: by `<occupation id>#<precondition id>` (a clause id never holds `#`).
    for (const p of occ.meta.preconditions ?? []) texts.set(`${occ.meta.id}#${p.id}`, explainer.describe(p.plan).en);
  }
  return texts;
}

/**
 * A level's status as the report says it: an eligible level resting on declared facts (告知承诺制)
 * says so and names them, "✓ 符合（依承诺）；需核验：…".
 */
export function statusText(r: Pick<ExplainedLevelResult, 'status' | 'verify'>, lang: MessageLang): string {
  const w = REPORT_WORDS[lang];
  if (r.status !== 'eligible' || r.verify.length === 0) return w[r.status];
  const sep = lang === 'zh' ? '；' : '; ';
  return `${w.eligibleDeclared}${sep}${w.verify}${lang === 'zh' ? '：' : ': '}${r.verify.map((v) => v.label[lang]).join(sep)}`;
}

export function formatReport(
  report: { asOf: string; warnings?: readonly Warning[]; results: ExplainedLevelResult[]; notOffered?: readonly NotOfferedLevel[] },
  lang: MessageLang,
  english: ReadonlyMap<string, string> = new Map(),
): string {
  const w = REPORT_WORDS[lang];
  const lines: string[] = [];
  // Levels not judged (not offered at the sitting, no condition in the source): after the occupation's judged levels.
  const notOffered = report.notOffered ?? [];
  const flush = (id: string): void => {
    for (const n of notOffered) if (n.id === id) lines.push(`  ${levelHeading(n.level, lang)}  — ${n.text[lang]}`);
  };
  // The profile's warnings, once, before the occupations.
  for (const warning of report.warnings ?? []) {
    lines.push(`! ${lang === 'zh' ? warning.message.split(' / ')[0] : (warning.message.split(' / ')[1] ?? warning.code)}`);
  }
  let current = '';
  for (const r of report.results) {
    if (r.id !== current) {
      flush(current);
      current = r.id;
      if (lines.length > 0) lines.push('');
      const version = r.version ? ` · ${w.version} ${r.version}` : '';
      lines.push(lang === 'zh' ? `${r.occupation}（${r.id}）${version} · ${w.asOf} ${report.asOf}` : `${r.id}${version} · ${w.asOf} ${report.asOf}`);
    }
    const wt = r.workTypes.length > 0 ? (lang === 'zh' ? `（${w.workTypes}：${r.workTypes.join('、')}）` : ` (${r.workTypes.length} ${w.workTypes})`) : '';
    lines.push(`  ${levelHeading(r.level, lang)}${wt}  ${statusText(r, lang)}`);
    const req = r.education === 'met' ? w.met : r.education === 'unmet' ? w.unmet : w.unknownCondition;
    lines.push(`    ${w.requirement}: ${req}`);
    if (r.requirement && r.education === 'unmet') {
      for (const c of r.requirement.conditions) lines.push(`      ✗ ${c.text[lang]}`);
    }
    // Preconditions gate every route (a route may waive some): each with its status.
    for (const p of r.preconditions ?? []) {
      const mark = p.status === 'met' ? '✓' : p.status === 'unmet' ? '✗' : '?';
      const text = lang === 'zh' ? p.text : english.get(`${r.id}#${p.id}`);
      lines.push(`    ${w.preconditions}: ${mark} ${p.id}${text ? `  ${text}` : ''}`);
    }
    if (r.registration) lines.push(`    ${w.registration}: ${r.registration.from} – ${r.registration.to} (${w[r.registration.status]})`);
    // a clause: its local id and, in Chinese, its source sentence, in English its description
    const clauseLine = (id: string): string => {
      const text = lang === 'zh' ? r.clauses.find((c) => c.id === id)?.text : english.get(id);
      return `${local(id)}${text ? `  ${text}` : ''}`;
    };
    if (r.matched.length > 0) {
      lines.push(`    ${w.routes}:`);
      for (const id of r.matched) lines.push(`      ✓ ${clauseLine(id)}`);
    }
    if (r.status !== 'eligible' && r.missing.length > 0) {
      const best = r.missing[0];
      lines.push(`    ${w.closest}: ${clauseLine(best.clause)}`);
      for (const c of best.conditions) {
        const mark = c.status === 'unknown' ? '?' : '✗';
        lines.push(`      ${mark} ${c.text[lang]}${c.detail ? ` — ${c.detail[lang]}` : ''}`);
      }
    }
    if (r.status === 'ineligible') lines.push(`    ${w.earliest}: ${r.earliest ?? w.never}`);
    // Only where something ends the stretch (a window, a maximum age): other reports stay as they were.
    if (r.latest !== null) lines.push(`    ${w.latest}: ${r.latest}`);
    if (r.ask.length > 0) {
      lines.push(`    ${w.ask}:`);
      for (const a of r.ask) lines.push(`      - ${a.field}: ${a.reason[lang]}`);
    }
    if (r.outcome) {
      const how = w[r.outcome.kind];
      lines.push(`    ${w.outcome}: ${levelHeading(r.outcome.level, lang)}${lang === 'zh' ? `（${how}）` : ` (${how})`}`);
    }
    if (r.amount) lines.push(`    ${w.amount}: ${r.amount.value}${/^[A-Za-z]/.test(r.amount.unit) ? ' ' : ''}${r.amount.unit}`);
    if (r.status === 'eligible' && r.evidence.length > 0) {
      lines.push(`    ${w.evidence}: ${r.evidence.map((e) => e[lang]).join(lang === 'zh' ? '；' : '; ')}`);
    }
  }
  flush(current);
  // An occupation none of whose selected levels is judged: its heading and those levels alone.
  for (const n of notOffered) {
    if (report.results.some((r) => r.id === n.id) || n.id === current) continue;
    current = n.id;
    if (lines.length > 0) lines.push('');
    const version = n.version ? ` · ${w.version} ${n.version}` : '';
    lines.push(lang === 'zh' ? `${n.occupation}（${n.id}）${version} · ${w.asOf} ${report.asOf}` : `${n.id}${version} · ${w.asOf} ${report.asOf}`);
    flush(n.id);
  }
  if (report.results.length === 0 && notOffered.length === 0) lines.push(w.none);
  // Names, fields and warnings come from the profile and the rule files: no line may drive the terminal.
  return lines.map(sanitize).join('\n');
}
