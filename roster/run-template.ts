// `zige roster template [--occupation NAME[,NAME…]] --out FILE.xlsx`: the template for the chosen
// occupations (default: every one in force), written under a temporary name and renamed.
import { extname } from 'node:path';
import { DiagnosticSink, fileError } from '../compiler/diagnostics/diagnostics.js';
import { loadCandidates, requireOccupations, versionsInForce, asOfOption } from '../cli/eval.js';
import { display, printDiagnostics, type Io } from '../cli/output.js';
import { UsageError } from '../cli/usage-error.js';
import type { Candidate } from '../cli/bundled.js';
import type { OutputLang } from '../runtime/words.js';
import { atomicTarget } from './review-writer.js';
import { templateWorkbook } from './template.js';

export interface RosterTemplateOptions {
  out: string;
  occupation?: string;
  asOf?: string;
  rules?: string;
  lang: OutputLang;
}

export async function runRosterTemplate(opts: RosterTemplateOptions, io: Io): Promise<number> {
  if (extname(opts.out).toLowerCase() !== '.xlsx') throw new UsageError(`--out 须为 .xlsx 文件 / --out must be an .xlsx file: ${opts.out}`);
  const asOf = asOfOption(opts.asOf);
  const candidates = await loadCandidates(opts.rules, io, opts.lang);
  if (!candidates) return 1;
  const sink = new DiagnosticSink();
  const inForce = versionsInForce(candidates.all, asOf, sink);
  if (sink.hasErrors) {
    printDiagnostics(sink.items, io, opts.lang);
    return 1;
  }
  const names = opts.occupation?.split(/[,，、]/).map((s) => s.trim()).filter(Boolean) ?? [];
  const chosen: Candidate[] = names.length === 0 ? inForce : [...new Set(names.flatMap((n) => requireOccupations(inForce, n)))];
  const target = atomicTarget(opts.out);
  try {
    await templateWorkbook(chosen).xlsx.writeFile(target.tmp);
    target.commit();
  } catch (e) {
    target.abort();
    const file = display(opts.out);
    sink.report(fileError('E_WRITE', file, e));
    printDiagnostics(sink.items, io, opts.lang);
    return 1;
  }
  io.err(`模板写入 ${display(opts.out)}（${chosen.map((o) => o.name).join('、')}）/ template written to ${display(opts.out)}`);
  return 0;
}
