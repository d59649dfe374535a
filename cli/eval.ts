// `zige eval PROFILE`. Imports only what evaluating with the precompiled evaluators needs (the
// profile loader, the runtime, the report): the rule-file checker (yaml, chevrotain, the grammar)
// is loaded only with --rules, or when the evaluators are older than the rules (cold start).
import { join } from 'node:path';
import type { CheckedOccupation } from '../compiler/checked.js';
import { DiagnosticSink, fileError } from '../compiler/diagnostics/diagnostics.js';
import { encodingDiagnostic, encodingProblem } from '../compiler/load/encoding.js';
import { loadProfile, MAX_PROFILE_BYTES, profileTooLarge } from '../compiler/profile/load-profile.js';
import { singleRelations } from '../compiler/profile/single-relations.js';
import { FileTooLargeError, readBounded } from '../compiler/load/read-bounded.js';
import { bundledRulesDir } from '../compiler/load/package-root.js';
import { EvaluationError, parseDay, todayInShanghai, type Level, type ExplainedLevelResult, type Profile } from '../runtime/index.js';
import { rulesVersion } from '../compiler/rules-version.js';
import { evalJson, findOccupations, judgeableFromCompiled, judgeProfile, versionsInForce, type Judgeable, type Judged, type JudgeOptions } from '../compiler/judge.js';
import { fromChecked, precompiledBundled, type Candidate } from './bundled.js';
import { UsageError } from './usage-error.js';
import { display, printDiagnostics, type Io } from './output.js';
import { factTypeProblems } from '../compiler/profile/fact-types.js';
import type { OutputLang } from '../runtime/words.js';
import { englishClauses, formatReport } from './report.js';

/** The occupations to choose from, and where they come from. */
export interface Candidates {
  all: Candidate[];
  /** The rules directory (file names in messages are relative to it). */
  dir: string;
  /** The bundled rules as compiled at build time, when used. */
  precompiled: { url: string } | null;
  /** Each candidate's checked occupation, when the rules were checked now. */
  checked: Map<Candidate, CheckedOccupation> | null;
  /** The rules version (compiler/rules-version.ts), computed when asked: the same for the compiled modules and the rules checked now. */
  version: () => string;
}

/**
 * Without a rules directory, the bundled rules as compiled at build time, when current
 * (cli/bundled.ts); else the directory's rules, checked now: their diagnostics printed, undefined
 * when they have errors. The checker is loaded only then (cold start).
 */
export async function loadCandidates(rulesDir: string | undefined, io: Io, lang: OutputLang): Promise<Candidates | undefined> {
  const precompiled = rulesDir === undefined ? await precompiledBundled() : null;
  if (precompiled) {
    const version = (): string => rulesVersion(precompiled.occupations.map((o) => o.meta));
    return { all: precompiled.occupations.map(judgeableFromCompiled), dir: bundledRulesDir(), precompiled, checked: null, version };
  }
  const [{ collectRules }, { instantiate }, { metaOf }] = await Promise.all([import('./collect.js'), import('../compiler/generate/instantiate.js'), import('../compiler/generate/generate-module.js')]);
  const { rules, diagnostics } = collectRules(rulesDir);
  printDiagnostics(diagnostics, io, lang);
  if (!rules) return undefined;
  const checked = new Map<Candidate, CheckedOccupation>();
  const all = rules.occupations.map((o) => {
    const c = fromChecked(o, instantiate);
    checked.set(c, o);
    return c;
  });
  return { all, dir: rules.dir, precompiled: null, checked, version: () => rulesVersion(rules.occupations.map(metaOf)) };
}

export interface EvalOptions {
  profile: string;
  occupation?: string;
  workType?: string;
  level?: string;
  asOf?: string;
  rules?: string;
  json: boolean;
  lang: OutputLang;
}

/** `--as-of`: a calendar date, default today in Asia/Shanghai. */
export function asOfOption(value: string | undefined): string {
  const asOf = value ?? todayInShanghai();
  if (parseDay(asOf) === undefined) throw new UsageError(`--as-of 须为 YYYY-MM-DD 格式的日期 / --as-of must be a date YYYY-MM-DD: ${asOf}`);
  return asOf;
}

/** `--level`: 1..5 or absent. */
export function levelOption(value: string | undefined): Level | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 5) throw new UsageError(`--level 须为 1 到 5 / --level must be 1..5: ${value}`);
  return n as Level;
}

/**
 * The occupations `--occupation` and `--work-type` select (exit 2 for one that matches nothing)
 * among the precompiled or the checked rules, and the rules directory; undefined once the rules'
 * errors are printed.
 */
export async function selectCandidates(
  opts: { rules?: string | undefined; occupation?: string | undefined; workType?: string | undefined; lang: OutputLang },
  io: Io,
): Promise<{ selected: Candidate[]; dir: string; candidates: Candidates } | undefined> {
  const candidates = await loadCandidates(opts.rules, io, opts.lang);
  if (!candidates) return undefined;
  const selected = opts.occupation !== undefined ? requireOccupations(candidates.all, opts.occupation) : candidates.all;
  requireWorkType(selected, opts.workType);
  return { selected, dir: candidates.dir, candidates };
}

/** A work type given on the command line must be one that some selected occupation has (exit 2). */
export function requireWorkType(selected: readonly Pick<Candidate, 'workTypes'>[], workType: string | undefined): void {
  if (workType !== undefined && !selected.some((o) => o.workTypes.some((w) => w.name === workType))) {
    throw new UsageError(`所选职业没有工种“${workType}” / no selected occupation has work type "${workType}"`);
  }
}

/** Prints the sink's diagnostics when it has errors; whether it had. */
export function printedErrors(sink: DiagnosticSink, io: Io, lang: OutputLang): boolean {
  if (!sink.hasErrors) return false;
  printDiagnostics(sink.items, io, lang);
  return true;
}

/** The occupations a `--occupation` names; naming none is a usage error that lists them all. */
export function requireOccupations<T extends Pick<Candidate, 'id' | 'name' | 'aliases'>>(all: T[], query: string): T[] {
  const found = findOccupations(all, query);
  if (found.length === 0) {
    const known = all.map((o) => `${o.name} (${o.id})`).join('、');
    throw new UsageError(`没有职业“${query}” / no occupation "${query}". 可选 available: ${known}`);
  }
  return found;
}

export async function runEval(opts: EvalOptions, io: Io): Promise<number> {
  const asOf = asOfOption(opts.asOf);
  const level = levelOption(opts.level);

  const sink = new DiagnosticSink();
  // `-` reads the profile from stdin, as `--batch -` does.
  const shown = opts.profile === '-' ? '<stdin>' : opts.profile;
  const profile = readProfileArgument(opts.profile, shown, sink);
  if (!profile || sink.hasErrors) {
    printDiagnostics(sink.items, io, opts.lang);
    return 1;
  }

  const chosen = await selectCandidates(opts, io);
  if (!chosen) return 1;
  const { selected, dir } = chosen;
  if (opts.occupation === undefined) {
    const single = singleRelations(profile);
    if (single.length > 0) {
      for (const path of single) sink.report({ code: 'E_PROFILE_RELATION', file: shown, path, args: { path } });
      printDiagnostics(sink.items, io, opts.lang);
      return 1;
    }
  }

  const inForce = versionsInForce(selected, asOf, sink, (f) => display(join(dir, f)));
  if (printedErrors(sink, io, opts.lang)) return 1;
  const judged = judgeOrRefuse(inForce, profile, { asOf, level, workType: opts.workType, single: opts.occupation !== undefined }, shown, sink);
  if (!judged) {
    printDiagnostics(sink.items, io, opts.lang);
    return 1;
  }
  const { results, warnings, evaluated, notOffered } = judged;
  if (level !== undefined && results.length === 0 && notOffered.length === 0) {
    throw new UsageError(`所选职业不设 ${level} 级 / the selected occupations do not offer level ${level}`);
  }
  if (opts.json) io.out(evalJson(asOf, chosen.candidates.version(), judged));
  else if (opts.lang === 'en') io.out(formatReport({ asOf, warnings, results, notOffered }, 'en', englishClauses(evaluated)));
  else io.out(formatReport({ asOf, warnings, results, notOffered }, 'zh'));
  return 0;
}

/**
 * The profile a command line names (`-`: stdin), loaded; undefined when it cannot be (reported
 * in `sink`): unreadable, over the size limit, not UTF-8, or invalid.
 */
function readProfileArgument(path: string, shown: string, sink: DiagnosticSink): Profile | undefined {
  let bytes: Buffer;
  try {
    // read no further than the limit: stdin may never end, a file may be huge or sparse
    bytes = readBounded(path === '-' ? 0 : path, MAX_PROFILE_BYTES);
  } catch (e) {
    if (e instanceof FileTooLargeError) sink.report(profileTooLarge(shown, e.sizeKnown ? e.size : undefined));
    else sink.report(fileError('E_READ', shown, e));
    return undefined;
  }
  const encoding = encodingProblem(bytes);
  if (encoding) {
    sink.report(encodingDiagnostic(shown, encoding));
    return undefined;
  }
  return loadProfile(shown, bytes.toString('utf8'), sink);
}

export { findOccupations, versionsInForce };

/** judgeProfile (compiler/judge.ts) with explanations; a rule that cannot be judged is a usage error (exit 2). */
function judgeOrRefuse(inForce: Judgeable[], profile: Profile, o: JudgeOptions, shown: string, sink: DiagnosticSink): (Judged & { results: ExplainedLevelResult[] }) | undefined {
  try {
    return judgeProfile(inForce, profile, o, shown, sink) as (Judged & { results: ExplainedLevelResult[] }) | undefined;
  } catch (e) {
    if (e instanceof EvaluationError) throw new UsageError(e.message);
    throw e;
  }
}
