// How `zige analyze` prints its findings: human (with sources, axioms, witness), JSON, or GitHub
// annotations. Wording comes from the A_* codes of compiler/diagnostics/messages.ts.
import { join } from 'node:path';
import { formatMessage, type DiagnosticCode } from '../compiler/diagnostics/messages.js';
import { escapeGithubData, escapeGithubProperty } from '../compiler/diagnostics/diagnostic-formats.js';
import { sanitize } from '../compiler/diagnostics/sanitize.js';
import type { Analysis, Finding } from '../analysis/index.js';
import type { OutputLang } from '../runtime/words.js';
import { display } from './output.js';

export const findingCode = (f: Finding): DiagnosticCode => `A_${f.kind.toUpperCase().replace(/-/g, '_')}` as DiagnosticCode;

export function say(code: DiagnosticCode, args: Record<string, string | number>, lang: OutputLang): string {
  if (lang === 'both') return `${formatMessage({ code, args }, 'zh')} / ${formatMessage({ code, args }, 'en')}`;
  return formatMessage({ code, args }, lang);
}

export interface Summary {
  errors: number;
  warnings: number;
  info: number;
  accepted: number;
  stale: number;
}

export function summarize(a: Analysis): Summary {
  const open = a.findings.filter((f) => f.accepted === undefined);
  return {
    errors: open.filter((f) => f.severity === 'error').length,
    warnings: open.filter((f) => f.severity === 'warning').length,
    info: open.filter((f) => f.severity === 'info').length,
    accepted: a.findings.length - open.length,
    stale: a.stale.length,
  };
}

function humanFinding(f: Finding, dir: string, lang: OutputLang): string[] {
  const where = `${display(join(dir, f.file))}:${f.line}`;
  const state = f.accepted !== undefined ? ` (accepted)` : '';
  const lines = [`${where}: ${f.severity}[${findingCode(f)}]${state} ${f.occupation}${f.version ? `@${f.version}` : ''}: ${sanitize(say(findingCode(f), f.args, lang))}`];
  for (const c of f.clauses) lines.push(`    ${c.ref}  ${sanitize(c.when)}\n          来源 source: ${sanitize(c.source.replace(/\s*\n\s*/g, ''))}`);
  if (f.axioms) lines.push(`    公理 axioms: ${f.axioms.join(', ')}`);
  for (const atoms of f.atoms ?? []) lines.push(`    矛盾 contradicting: ${atoms.map(sanitize).join(' ⟂ ')}`);
  if (f.witness) lines.push(`    见证 witness (as of ${f.witness.asOf}; ${f.witness.shows.join(', ')}): ${sanitize(JSON.stringify(f.witness.profile))}`);
  if (f.accepted !== undefined) lines.push(`    接受 accepted: ${sanitize(f.accepted)}`);
  return lines;
}

export function formatHuman(a: Analysis, dir: string, lang: OutputLang): string {
  const out: string[] = [];
  for (const f of a.findings) out.push(...humanFinding(f, dir, lang));
  for (const s of a.stale) out.push(`${display(join(dir, s.file))}: warning[W_ANALYSIS_STALE]: ${sanitize(say('W_ANALYSIS_STALE', { ref: s.ref, kinds: s.kinds.join(', ') }, lang))}`);
  for (const s of a.uncited) out.push(`${display(join(dir, s.file))}: warning[W_ANALYSIS_REASON]: ${sanitize(say('W_ANALYSIS_REASON', { ref: s.ref }, lang))}`);
  const n = summarize(a);
  out.push(`${a.findings.length} findings: ${n.errors} error, ${n.warnings} warning, ${n.info} info unaccepted; ${n.accepted} accepted; ${n.stale} stale acceptance(s)`);
  return out.join('\n');
}

export function formatJson(a: Analysis, lang: OutputLang): string {
  const findings = a.findings.map((f) => ({ code: findingCode(f), message: say(findingCode(f), f.args, lang), ...f }));
  const strip = ({ used: _u, cites: _c, ...s }: Analysis['stale'][number]): object => s;
  return JSON.stringify({ findings, stale: a.stale.map(strip), uncited: a.uncited.map(strip), summary: summarize(a) }, null, 2);
}

export function formatGithub(a: Analysis, dir: string, lang: OutputLang): string {
  const out: string[] = [];
  for (const f of a.findings) {
    if (f.accepted !== undefined) continue;
    const level = f.severity === 'info' ? 'notice' : f.severity;
    const file = escapeGithubProperty(display(join(dir, f.file)));
    out.push(`::${level} file=${file},line=${f.line},title=${escapeGithubProperty(findingCode(f))}::${escapeGithubData(say(findingCode(f), f.args, lang))}`);
  }
  for (const s of a.stale) out.push(`::warning file=${escapeGithubProperty(display(join(dir, s.file)))},title=W_ANALYSIS_STALE::${escapeGithubData(say('W_ANALYSIS_STALE', { ref: s.ref, kinds: s.kinds.join(', ') }, lang))}`);
  for (const s of a.uncited) out.push(`::warning file=${escapeGithubProperty(display(join(dir, s.file)))},title=W_ANALYSIS_REASON::${escapeGithubData(say('W_ANALYSIS_REASON', { ref: s.ref }, lang))}`);
  return out.join('\n');
}
