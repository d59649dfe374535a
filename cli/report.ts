// The readable report of `zige eval`, in Chinese or English: per occupation and level, the
// status, the routes that hold, else the closest route and what it lacks, the earliest date,
// what to ask for, and the documents that prove the route. Every line is sanitised.
import { sanitize } from '../compiler/sanitize.js';
import type { ExplainedLevelResult } from '../runtime/index.js';

type Lang = 'zh' | 'en';

const LEVEL_NAMES: Record<number, { zh: string; en: string }> = {
  5: { zh: '五级/初级工', en: 'Level 5 (entry)' },
  4: { zh: '四级/中级工', en: 'Level 4 (intermediate)' },
  3: { zh: '三级/高级工', en: 'Level 3 (advanced)' },
  2: { zh: '二级/技师', en: 'Level 2 (technician)' },
  1: { zh: '一级/高级技师', en: 'Level 1 (senior technician)' },
};

const WORDS = {
  zh: {
    eligible: '✓ 符合报名条件',
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
    ask: '需要补充',
    evidence: '需提供材料',
    none: '（没有可判定的等级）',
  },
  en: {
    eligible: '✓ eligible',
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
    ask: 'to decide, provide',
    evidence: 'documents',
    none: '(no levels to evaluate)',
  },
};

function local(id: string): string {
  return id.split('/').slice(1).join('/');
}

export function formatReport(report: { asOf: string; results: ExplainedLevelResult[] }, lang: Lang): string {
  const w = WORDS[lang];
  const lines: string[] = [];
  let current = '';
  for (const r of report.results) {
    if (r.id !== current) {
      current = r.id;
      if (lines.length > 0) lines.push('');
      const version = r.version ? ` · ${w.version} ${r.version}` : '';
      lines.push(lang === 'zh' ? `${r.occupation}（${r.id}）${version} · ${w.asOf} ${report.asOf}` : `${r.id}${version} · ${w.asOf} ${report.asOf}`);
      for (const warning of r.warnings) {
        lines.push(`  ! ${lang === 'zh' ? warning.message.split(' / ')[0] : (warning.message.split(' / ')[1] ?? warning.code)}`);
      }
    }
    const wt = r.workTypes.length > 0 ? (lang === 'zh' ? `（${w.workTypes}：${r.workTypes.join('、')}）` : ` (${r.workTypes.length} ${w.workTypes})`) : '';
    lines.push(`  ${LEVEL_NAMES[r.level][lang]}${wt}  ${w[r.status]}`);
    const req = r.education === 'met' ? w.met : r.education === 'unmet' ? w.unmet : w.unknownCondition;
    lines.push(`    ${w.requirement}: ${req}`);
    if (r.requirement && r.education === 'unmet') {
      for (const c of r.requirement.conditions) lines.push(`      ✗ ${c.text[lang]}`);
    }
    if (r.matched.length > 0) {
      lines.push(`    ${w.routes}:`);
      for (const id of r.matched) {
        const clause = r.clauses.find((c) => c.id === id);
        lines.push(`      ✓ ${local(id)}${lang === 'zh' && clause ? `  ${clause.text}` : ''}`);
      }
    }
    if (r.status !== 'eligible' && r.missing.length > 0) {
      const best = r.missing[0];
      const clause = r.clauses.find((c) => c.id === best.clause);
      lines.push(`    ${w.closest}: ${local(best.clause)}${lang === 'zh' && clause ? `  ${clause.text}` : ''}`);
      for (const c of best.conditions) {
        const mark = c.status === 'unknown' ? '?' : '✗';
        lines.push(`      ${mark} ${c.text[lang]}${c.detail ? ` — ${c.detail[lang]}` : ''}`);
      }
    }
    if (r.status === 'ineligible') lines.push(`    ${w.earliest}: ${r.earliest ?? w.never}`);
    if (r.ask.length > 0) {
      lines.push(`    ${w.ask}:`);
      for (const a of r.ask) lines.push(`      - ${a.field}: ${a.reason[lang]}`);
    }
    if (r.status === 'eligible' && r.evidence.length > 0) {
      lines.push(`    ${w.evidence}: ${r.evidence.map((e) => e[lang]).join(lang === 'zh' ? '；' : '; ')}`);
    }
  }
  if (report.results.length === 0) lines.push(w.none);
  // Names, fields and warnings come from the profile and the rule files: no line may drive the terminal.
  return lines.map(sanitize).join('\n');
}
