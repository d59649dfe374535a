// `zige diff` in words: per occupation, the requirement and level changes, each clause changed
// with its old and new source sentence and the change in meaning, then who flips.
import { displayWidth } from '../compiler/diagnostics/render.js';
import { sanitize } from '../compiler/diagnostics/sanitize.js';
import type { OccupationDiff } from '../analysis/diff.js';
import type { Flip } from '../analysis/flips.js';
import { LEVEL_NAMES, type Level, type OutputLang } from '../runtime/words.js';
import type { Profile, Status } from '../runtime/index.js';

export interface FlipCount {
  level: Level;
  from: Status;
  to: Status;
  count: number;
  /** Responsible clause (`level/id`, `education`, `(none)`) → number of profiles. */
  clauses: Record<string, number>;
}

export interface DiffReport {
  occupations: (OccupationDiff & { flips: FlipCount[]; witnesses?: { profile: Profile; asOf: string; flips: Flip[] }[] })[];
  population?: { file: string; profiles: number; skipped: number; flipped: number; flippedFile: string; errors: { line: number; code: string }[] };
}

const one = (s: string): string => sanitize(s.replace(/\s*\n\s*/g, ''));

/** Terminal columns of each side of the old │ new columns. */
const COLUMN = 44;

/** `text` cut into lines of at most `width` terminal columns (CJK characters count two). */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (displayWidth(line + ch) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  return line === '' && lines.length > 0 ? lines : [...lines, line];
}

/** Old and new text side by side, each wrapped to its column ('—' where a side has none). */
export function sideBySide(old: string | undefined, now: string | undefined): string[] {
  const [a, b] = [wrap(old ?? '—', COLUMN), wrap(now ?? '—', COLUMN)];
  const pad = (x: string): string => x + ' '.repeat(Math.max(0, COLUMN - displayWidth(x)));
  return Array.from({ length: Math.max(a.length, b.length) }, (_, i) => `    ${pad(a[i] ?? '')} │ ${b[i] ?? ''}`.trimEnd());
}

function occupationLines(d: DiffReport['occupations'][number], zh: boolean): string[] {
  const out = [`== ${d.name} (${d.id}) ${d.old.version ?? d.old.file} → ${d.new.version ?? d.new.file}`];
  if (d.requirement) out.push(`学历要求 requirement: ${d.requirement.old ?? '—'} → ${d.requirement.new ?? '—'}  (${d.requirement.meaning.join('; ')})`);
  if (d.levelsAdded.length > 0) out.push(`新设等级 levels added: ${d.levelsAdded.map((l) => LEVEL_NAMES[l].zh).join('、')}`);
  if (d.levelsRemoved.length > 0) out.push(`取消等级 levels removed: ${d.levelsRemoved.map((l) => LEVEL_NAMES[l].zh).join('、')}`);
  if (d.clauses.length === 0 && !d.requirement) out.push(zh ? '条款无变化 / no clause changed' : 'no clause changed');
  for (const c of d.clauses) {
    out.push(`${LEVEL_NAMES[c.level].zh} ${c.ref} ${c.change}`, ...sideBySide('旧 old', '新 new'));
    out.push(...sideBySide(c.old && one(c.old.source), c.new && one(c.new.source)));
    out.push(...sideBySide(c.old && sanitize(c.old.when), c.new && sanitize(c.new.when)));
    out.push(`    含义 meaning: ${c.meaning.join('; ')}`);
  }
  for (const f of d.flips) {
    const by = Object.entries(f.clauses).map(([k, n]) => `${k}: ${n}`).join(', ');
    out.push(`翻转 flips ${LEVEL_NAMES[f.level].zh}: ${f.from} → ${f.to}  ${f.count}  (${by})`);
  }
  for (const w of d.witnesses ?? []) {
    const flips = w.flips.map((f) => `${LEVEL_NAMES[f.level].zh} ${f.from} → ${f.to} (${f.clause ?? '(none)'})`).join('; ');
    out.push(`见证 witness (as of ${w.asOf}): ${flips}\n    ${sanitize(JSON.stringify(w.profile))}`);
  }
  return out;
}

export function formatDiffHuman(r: DiffReport, lang: OutputLang): string {
  const out = r.occupations.flatMap((d) => occupationLines(d, lang !== 'en'));
  const p = r.population;
  if (p) {
    out.push(`人群 population ${p.file}: ${p.profiles} profiles judged, ${p.skipped} skipped, ${p.flipped} flipped → ${p.flippedFile}`);
    for (const e of p.errors) out.push(`    skipped line ${e.line}: ${e.code}`);
  }
  return out.join('\n');
}
