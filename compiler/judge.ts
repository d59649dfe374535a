// Judging one loaded profile against occupations and the JSON `zige eval --json` prints for it: the
// one place both the CLI (cli/eval.ts) and the decision service (server/) build that answer, so
// their bytes agree.
import { factTypeProblems } from './profile/fact-types.js';
import type { DiagnosticSink } from './diagnostics/diagnostics.js';
import { addWarnings, evaluateProfile, normalizeName, notOfferedLevels, versionInForce, ProfileError, type CompiledOccupation, type ExplainedLevelResult, type Level, type LevelResult, type NotOfferedLevel, type OccupationMeta, type Profile, type Warning } from '../runtime/index.js';

/** What judging needs of an occupation, whether checked now or compiled at build time. */
export interface Judgeable {
  id: string;
  name: string;
  aliases: readonly string[];
  version: string | null;
  inForce: { from: string; to: string | null } | null;
  /** Rule file, relative to the rules directory. */
  file: string;
  levels: readonly Level[];
  workTypes: readonly { name: string; levels: readonly Level[] }[];
  /** Levels not judged: not offered at the sitting, or no condition in the source. */
  notOffered: OccupationMeta['notOffered'];
  compiled: () => CompiledOccupation;
}

/** An occupation compiled at build time (or instantiated), as judging selects it. */
export function judgeableFromCompiled(o: CompiledOccupation): Judgeable {
  const m = o.meta;
  return {
    id: m.id,
    name: m.name,
    aliases: m.aliases,
    version: m.version,
    inForce: m.inForce,
    file: m.clauses[0]?.file ?? `${m.id}.yaml`,
    levels: m.levels,
    workTypes: m.workTypes,
    notOffered: m.notOffered ?? [],
    compiled: () => o,
  };
}

export interface JudgeOptions {
  asOf: string;
  level: Level | undefined;
  workType: string | undefined;
  /** Whether one occupation was asked for (relations to "this occupation" then apply). */
  single: boolean;
  /** With explanations (the default, as `zige eval`). */
  explain?: boolean;
}

export interface Judged {
  results: (LevelResult | ExplainedLevelResult)[];
  warnings: Warning[];
  /** The occupations evaluated (the English report takes their clauses). */
  evaluated: CompiledOccupation[];
  /** Levels of the selected occupations not judged (not offered at the sitting, no condition in the source). */
  notOffered: NotOfferedLevel[];
}

/**
 * The profile's level results for each occupation in force (by id) that has the work type and
 * level asked for; its warnings, once (not per level, nor again for each occupation that gives
 * them). Undefined when the evaluation finds the profile invalid (reported in `sink`); an
 * EvaluationError (a rule that cannot be judged) is thrown to the caller.
 */
export function judgeProfile(inForce: readonly Judgeable[], profile: Profile, o: JudgeOptions, shown: string, sink: DiagnosticSink): Judged | undefined {
  const results: (LevelResult | ExplainedLevelResult)[] = [];
  const warnings: Warning[] = [];
  const evaluated: CompiledOccupation[] = [];
  const notOffered: NotOfferedLevel[] = [];
  const sorted = [...inForce].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const options = { asOf: o.asOf, level: o.level, workType: o.workType, single: o.single, explain: o.explain !== false };
  try {
    for (const occ of sorted) {
      if (o.workType !== undefined && !occ.workTypes.some((w) => w.name === o.workType)) continue;
      notOffered.push(...notOfferedLevels(occ, o.level));
      if (o.level !== undefined && !occ.levels.includes(o.level)) continue;
      const compiled = occ.compiled();
      const wrongTypes = factTypeProblems(profile, compiled.meta);
      if (wrongTypes.length > 0) {
        for (const d of wrongTypes) sink.report({ ...d, file: shown });
        return undefined;
      }
      evaluated.push(compiled);
      const judged = evaluateProfile(compiled, profile, options);
      results.push(...judged.results);
      addWarnings(warnings, judged.warnings);
    }
  } catch (e) {
    if (e instanceof ProfileError) {
      sink.report({ code: 'E_PROFILE_SCHEMA', file: shown, path: e.path, args: { path: e.path, detail: e.message } });
      return undefined;
    }
    throw e;
  }
  return { results, warnings, evaluated, notOffered };
}

/**
 * The text of `zige eval --json`: {asOf, rulesVersion, warnings, results}, indented by two spaces
 * (`space` 0: on one line); `rulesVersion` from compiler/rules-version.ts; `notOffered` after the
 * results when some selected level is not judged.
 */
export function evalJson(asOf: string, rulesVersion: string, judged: Pick<Judged, 'results' | 'warnings'> & { notOffered?: NotOfferedLevel[] }, space = 2): string {
  const notOffered = judged.notOffered && judged.notOffered.length > 0 ? { notOffered: judged.notOffered } : {};
  return JSON.stringify({ asOf, rulesVersion, warnings: judged.warnings, results: judged.results, ...notOffered }, null, space);
}

/** The occupations whose id, name or an alias is `query` (compared as normalizeName does). */
export function findOccupations<T extends Pick<Judgeable, 'id' | 'name' | 'aliases'>>(all: T[], query: string): T[] {
  const q = normalizeName(query);
  return all.filter((o) => [o.id, o.name, ...o.aliases].some((n) => normalizeName(n) === q));
}

/** Per occupation id, the version in force on `asOf`; a date no version covers is an error. */
export function versionsInForce<T extends Pick<Judgeable, 'id' | 'name' | 'version' | 'inForce' | 'file'>>(
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
