// `zige diff OLD NEW [--population FILE] [--as-of DATE] [--flipped FILE]`: clauses added, removed
// and changed per occupation and level with both source sentences and the change in meaning;
// who flips per level on a population (the flipped profiles written atomically to a file), or,
// without one, the witness profiles that flip. Exit 0 when compared, 1 on bad input, 2 bad usage.
import { statSync } from 'node:fs';
import { writeFileAtomic } from '../compiler/generate/atomic-write.js';
import { fileError } from '../compiler/diagnostics/diagnostics.js';
import type { OutputFormat } from '../compiler/diagnostics/diagnostic-formats.js';
import type { CheckedOccupation } from '../compiler/checked.js';
import { diffOccupations, type OccupationDiff } from '../analysis/diff.js';
import { flipsOf, witnessFlips, type Flip } from '../analysis/flips.js';
import type { OutputLang } from '../runtime/words.js';
import { formatDiffHuman, type DiffReport, type FlipCount } from './diff-format.js';
import { loadSide, pairOccupations, removeTemporaries, SideError } from './diff-input.js';
import { population } from './diff-population.js';
import { display, printDiagnostics, type Io } from './output.js';

export interface DiffOptions {
  old: string;
  new: string;
  population?: string;
  flipped?: string;
  asOf: string;
  format: OutputFormat;
  lang: OutputLang;
}

export async function runDiff(opts: DiffOptions, io: Io): Promise<number> {
  const temporaries: string[] = [];
  try {
    const a = loadSide(opts.old, opts.new, temporaries);
    const b = loadSide(opts.new, opts.old, temporaries);
    const pairs = pairOccupations(a.occupations, b.occupations);
    if (pairs.length === 0) {
      const ids = (s: CheckedOccupation[]): string => [...new Set(s.map((o) => o.id))].join(', ');
      printDiagnostics([{ code: 'E_DIFF_NOTHING', severity: 'error', args: { old: ids(a.occupations), new: ids(b.occupations) } }], io, opts.lang, opts.format);
      return 1;
    }
    const report: DiffReport = { occupations: pairs.map(([x, y]) => ({ ...diffOccupations(x, y), flips: [] })) };
    if (opts.population !== undefined) {
      const failed = await judgePopulation(opts, pairs, report, io);
      if (failed) return failed;
    } else {
      report.occupations.forEach((d, i) => (d.witnesses = witnessFlips(pairs[i][0], pairs[i][1], d)));
    }
    io.out(opts.format === 'json' ? JSON.stringify(report, null, 2) : formatDiffHuman(report, opts.lang));
    return 0;
  } catch (e) {
    if (!(e instanceof SideError)) throw e;
    printDiagnostics(e.diagnostics.map((d) => ({ severity: 'error', ...d })), io, opts.lang, opts.format);
    return 1;
  } finally {
    removeTemporaries(temporaries);
  }
}

function count(into: FlipCount[], f: Flip): void {
  let c = into.find((x) => x.level === f.level && x.from === f.from && x.to === f.to);
  if (!c) into.push((c = { level: f.level, from: f.from, to: f.to, count: 0, clauses: {} }));
  c.count++;
  const key = f.clause ?? '(none)';
  c.clauses[key] = (c.clauses[key] ?? 0) + 1;
}

/** Judges every profile under both rules; flipped ones written to the --flipped file. Returns 1 on an unreadable input. */
async function judgePopulation(opts: DiffOptions, pairs: [CheckedOccupation, CheckedOccupation][], report: DiffReport, io: Io): Promise<number | undefined> {
  const input = opts.population!;
  const shown = display(input);
  try {
    if (input !== '-') statSync(input);
  } catch (e) {
    printDiagnostics([{ ...fileError('E_READ', shown, e), severity: 'error' }], io, opts.lang, opts.format);
    return 1;
  }
  const flippedFile = opts.flipped ?? `${input === '-' ? 'population' : input.replace(/\.(jsonl|json|csv)$/i, '')}.flips.jsonl`;
  const lines: string[] = [];
  const stats = { file: shown, profiles: 0, skipped: 0, flipped: 0, flippedFile: display(flippedFile), errors: [] as { line: number; code: string }[] };
  for await (const r of population(input, shown, io.stdin ?? process.stdin)) {
    if ('error' in r) {
      stats.skipped++;
      if (stats.errors.length < 20) stats.errors.push({ line: r.line, code: r.error.code });
      continue;
    }
    stats.profiles++;
    let any = false;
    pairs.forEach(([a, b], i) => {
      const d: OccupationDiff & { flips: FlipCount[] } = report.occupations[i];
      for (const f of flipsOf(a, b, r.profile, opts.asOf, d.requirement !== null)) {
        any = true;
        count(d.flips, f);
        lines.push(JSON.stringify({ line: r.line, ...f, profile: r.profile }));
      }
    });
    if (any) stats.flipped++;
  }
  writeFileAtomic(flippedFile, lines.map((l) => `${l}\n`).join(''));
  const order = ['eligible', 'unknown', 'ineligible'];
  for (const d of report.occupations) d.flips.sort((x, y) => y.level - x.level || order.indexOf(x.from) - order.indexOf(y.from) || order.indexOf(x.to) - order.indexOf(y.to));
  report.population = stats;
  return undefined;
}
