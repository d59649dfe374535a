// The readable report of `zige eval`: per occupation and level, the status, the education
// requirement and every clause with its source sentence.
import type { LevelResult } from '../runtime/index.js';

const LEVEL_NAMES: Record<number, { zh: string; en: string }> = {
  5: { zh: '五级/初级工', en: 'Level 5 (entry)' },
  4: { zh: '四级/中级工', en: 'Level 4 (intermediate)' },
  3: { zh: '三级/高级工', en: 'Level 3 (advanced)' },
  2: { zh: '二级/技师', en: 'Level 2 (technician)' },
  1: { zh: '一级/高级技师', en: 'Level 1 (senior technician)' },
};

const STATUS = {
  zh: { eligible: '✓ 符合报名条件', ineligible: '✗ 不符合', unknown: '? 无法判定（缺少信息）' },
  en: { eligible: '✓ eligible', ineligible: '✗ not eligible', unknown: '? unknown (facts missing)' },
};
const CONDITION = {
  zh: { met: '满足', unmet: '不满足', unknown: '未知' },
  en: { met: 'met', unmet: 'not met', unknown: 'unknown' },
};
const MARK = { met: '✓', unmet: '✗', unknown: '?' };

export function formatReport(report: { asOf: string; results: LevelResult[] }, lang: 'zh' | 'en'): string {
  const lines: string[] = [];
  let current = '';
  for (const r of report.results) {
    if (r.id !== current) {
      current = r.id;
      if (lines.length > 0) lines.push('');
      const version = r.version ? (lang === 'zh' ? ` · 版本 ${r.version}` : ` · version ${r.version}`) : '';
      lines.push(
        lang === 'zh'
          ? `${r.occupation}（${r.id}）${version} · 判定日期 ${report.asOf}`
          : `${r.id}${version} · as of ${report.asOf}`,
      );
      for (const w of r.warnings) lines.push(`  ! ${w.message}`);
    }
    const wt = r.workTypes.length > 0 ? (lang === 'zh' ? `（工种：${r.workTypes.join('、')}）` : ` (work types: ${r.workTypes.length})`) : '';
    lines.push(`  ${LEVEL_NAMES[r.level][lang]}${wt}  ${STATUS[lang][r.status]}`);
    lines.push(`    ${lang === 'zh' ? '学历要求' : 'education requirement'}: ${CONDITION[lang][r.education]}`);
    for (const c of r.clauses) {
      const local = c.id.split('/').slice(1).join('/');
      lines.push(lang === 'zh' ? `    ${MARK[c.status]} ${local}  ${c.text}` : `    ${MARK[c.status]} ${local}  ${CONDITION.en[c.status]}`);
    }
  }
  if (report.results.length === 0) lines.push(lang === 'zh' ? '（没有可判定的等级）' : '(no levels to evaluate)');
  return lines.join('\n');
}
