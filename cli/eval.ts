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
import { addWarnings, evaluateProfile, versionInForce, EvaluationError, normalizeName, parseDay, ProfileError, todayInShanghai, type Level, type ExplainedLevelResult, type CompiledOccupation, type Profile, type Warning } from '../runtime/index.js';
import { fromChecked, fromCompiled, precompiledBundled, type Candidate } from './bundled.js';
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
}

/**
 * Without a rules directory, the bundled rules as compiled at build time, when current
 * (cli/bundled.ts); else the directory's rules, checked now: their diagnostics printed, undefined
 * when they have errors. The checker is loaded only then (cold start).
 */
export async function loadCandidates(rulesDir: string | undefined, io: Io, lang: OutputLang): Promise<Candidates | undefined> {
  const precompiled = rulesDir === undefined ? await precompiledBundled() : null;
  if (precompiled) return { all: precompiled.occupations.map(fromCompiled), dir: bundledRulesDir(), precompiled, checked: null };
  const [{ collectRules }, { instantiate }] = await Promise.all([import('./collect.js'), import('../compiler/generate/instantiate.js')]);
  const { rules, diagnostics } = collectRules(rulesDir);
  printDiagnostics(diagnostics, io, lang);
  if (!rules) return undefined;
  const checked = new Map<Candidate, CheckedOccupation>();
  const all = rules.occupations.map((o) => {
    const c = fromChecked(o, instantiate);
    checked.set(c, o);
    return c;
  });
  return { all, dir: rules.dir, precompiled: null, checked };
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

export function findOccupations<T extends Pick<Candidate, 'id' | 'name' | 'aliases'>>(all: T[], query: string): T[] {
  const q = normalizeName(query);
  return all.filter((o) => [o.id, o.name, ...o.aliases].some((n) => normalizeName(n) === q));
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
  const judged = judgeProfile(inForce, profile, { asOf, level, workType: opts.workType, single: opts.occupation !== undefined }, shown, sink);
  if (!judged) {
    printDiagnostics(sink.items, io, opts.lang);
    return 1;
  }
  const { results, warnings, evaluated } = judged;
  if (level !== undefined && results.length === 0) {
    throw new UsageError(`所选职业不设 ${level} 级 / the selected occupations do not offer level ${level}`);
  }
  if (opts.json) io.out(JSON.stringify({ asOf, warnings, results }, null, 2));
  else if (opts.lang === 'en') io.out(formatReport({ asOf, warnings, results }, 'en', englishClauses(evaluated)));
  else io.out(formatReport({ asOf, warnings, results }, 'zh'));
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

/**
 * The profile's level results for each occupation in force (by id) that has the work type and
 * level asked for; its warnings, once (not per level, nor again for each occupation that gives
 * them); and the occupations evaluated (the English report takes their clauses). Undefined when
 * the evaluation finds the profile invalid (reported in `sink`).
 */
function judgeProfile(
  inForce: Candidate[],
  profile: Profile,
  o: { asOf: string; level: Level | undefined; workType: string | undefined; single: boolean },
  shown: string,
  sink: DiagnosticSink,
): { results: ExplainedLevelResult[]; warnings: Warning[]; evaluated: CompiledOccupation[] } | undefined {
  const results: ExplainedLevelResult[] = [];
  const warnings: Warning[] = [];
  const evaluated: CompiledOccupation[] = [];
  const sorted = [...inForce].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  try {
    for (const occ of sorted) {
      if (o.workType !== undefined && !occ.workTypes.some((w) => w.name === o.workType)) continue;
      if (o.level !== undefined && !occ.levels.includes(o.level)) continue;
      const compiled = occ.compiled();
      const wrongTypes = factTypeProblems(profile, compiled.meta);
      if (wrongTypes.length > 0) {
        for (const d of wrongTypes) sink.report({ ...d, file: shown });
        return undefined;
      }
      evaluated.push(compiled);
      const judged = evaluateProfile(compiled, profile, o);
      results.push(...judged.results);
      addWarnings(warnings, judged.warnings);
    }
  } catch (e) {
    if (e instanceof ProfileError) {
      sink.report({ code: 'E_PROFILE_SCHEMA', file: shown, path: e.path, args: { path: e.path, detail: e.message } });
      return undefined;
    }
    if (e instanceof EvaluationError) throw new UsageError(e.message);
    throw e;
  }
  return { results, warnings, evaluated };
}

/** Per occupation id, the version in force on `asOf`; a date no version covers is an error. */
export function versionsInForce<T extends Pick<Candidate, 'id' | 'name' | 'version' | 'inForce' | 'file'>>(
  occupations: T[],
  asOf: string,
  sink: DiagnosticSink,
  show: (f: string) => string = (f) => f,
): T[] {
  const byId = new Map<string, T[]>();
  for (const o of occupations) byId.set(o.id, [...(byId.get(o.id) ?? []), o]);
  const out: T[] = [];
  for (const [, list] of byId) {
    const choice = versionInForce(list, asOf, (o) => o);
    if (choice.ok) {
      out.push(choice.value);
      continue;
    }
    const label = (o: T | null): string => (o ? (o.version ?? o.inForce?.from ?? '—') : '—');
    sink.report({
      code: 'E_NO_VERSION',
      file: show((choice.lastEnded ?? choice.nextStarts ?? list[0]).file),
      args: {
        occupation: `${list[0].name} (${list[0].id})`,
        asOf,
        lastVersion: label(choice.lastEnded),
        lastEnded: choice.lastEnded?.inForce?.to ?? '—',
        nextVersion: label(choice.nextStarts),
        nextStarts: choice.nextStarts?.inForce?.from ?? '—',
      },
    });
  }
  return out;
}
