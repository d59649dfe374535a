// Answering one evaluation request with one version of the rules (server/rules-version.ts): the same
// steps and the same JSON as `zige eval --json` (compiler/judge.ts), or the problem found.
import { DiagnosticSink } from '../compiler/diagnostics/diagnostics.js';
import { evalJson, findOccupations, judgeProfile, versionsInForce, type Judgeable, type Judged } from '../compiler/judge.js';
import { loadProfile } from '../compiler/profile/load-profile.js';
import { singleRelations } from '../compiler/profile/single-relations.js';
import { evalJsonBytes } from '../compiler/result-json.js';
import { EvaluationError, type Level, type LevelResult } from '../runtime/index.js';
import { entriesIssue } from './limits.js';
import { profileIssues, type Issue, type ProblemKind } from './problems.js';

/** What a request asks besides the profile (already validated against the request schema). */
export interface Query {
  occupation?: string[];
  workType?: string;
  level?: Level;
  asOf: string;
  explain: boolean;
  /** The limit of list entries in a profile. */
  maxEntries: number;
}

/** An answer's body: the UTF-8 text of `zige eval --json`, its final newline included. */
export type Answer = { ok: true; body: Uint8Array } | { ok: false; kind: ProblemKind; issues: Issue[] };

const fail = (kind: ProblemKind, issues: Issue[]): Answer & { ok: false } => ({ ok: false, kind, issues });

/** The occupations a query selects, or the problem (an unknown occupation or work type). */
export function selectOccupations(all: Judgeable[], q: Query): { ok: true; selected: Judgeable[] } | (Answer & { ok: false }) {
  let selected = all;
  if (q.occupation !== undefined) {
    const found = new Set<Judgeable>();
    for (const [i, name] of q.occupation.entries()) {
      const hits = findOccupations(all, name);
      if (hits.length === 0) {
        const known = [...new Map(all.map((o) => [o.id, `${o.name} (${o.id})`])).values()].join('、');
        return fail('unknown-occupation', [{ code: 'E_SERVE_UNKNOWN_OCCUPATION', args: { occupation: name, known }, pointer: `/occupation/${i}` }]);
      }
      for (const h of hits) found.add(h);
    }
    selected = all.filter((o) => found.has(o));
  }
  if (q.workType !== undefined && !selected.some((o) => o.workTypes.some((w) => w.name === q.workType))) {
    return fail('unknown-work-type', [{ code: 'E_SERVE_UNKNOWN_WORK_TYPE', args: { workType: q.workType }, pointer: '/workType' }]);
  }
  return { ok: true, selected };
}

/** One profile (its JSON text) judged: its results and warnings, or the problem; `base`: the JSON Pointer of the profile in the request. */
export function judgeText(selected: Judgeable[], text: string, q: Query, base: string): { ok: true; judged: Judged } | (Answer & { ok: false }) {
  const sink = new DiagnosticSink();
  const profile = loadProfile('profile', text, sink);
  if (!profile) {
    const issues = profileIssues(sink.items, base);
    return fail(issues[0]?.code === 'E_PROFILE_PARSE' ? 'malformed-json' : 'invalid-profile', issues);
  }
  const tooMany = entriesIssue(profile, q.maxEntries, base);
  if (tooMany) return fail('too-many-entries', [tooMany]);
  const single = q.occupation !== undefined;
  if (!single) {
    const paths = singleRelations(profile);
    if (paths.length > 0) return fail('invalid-profile', paths.map((path) => ({ code: 'E_PROFILE_RELATION', args: { path }, pointer: base + path })));
  }
  const inForce = versionsInForce(selected, q.asOf, sink);
  if (sink.hasErrors) return fail('no-version', sink.items.map((d) => ({ code: d.code, args: d.args, pointer: '/asOf' })));
  let judged;
  try {
    judged = judgeProfile(inForce, profile, { asOf: q.asOf, level: q.level, workType: q.workType, single, explain: q.explain }, 'profile', sink);
  } catch (e) {
    if (e instanceof EvaluationError) return fail('rule-error', [{ code: 'E_SERVE_RULE_ERROR', args: { detail: e.message }, pointer: base }]);
    throw e;
  }
  if (!judged) return fail('invalid-profile', profileIssues(sink.items, base));
  if (q.level !== undefined && judged.results.length === 0) return fail('level-not-offered', [{ code: 'E_SERVE_NO_LEVEL', args: { level: q.level }, pointer: '/level' }]);
  return { ok: true, judged };
}

/**
 * One profile judged by the rules of version `version`: the text of `zige eval --json`, or the
 * problem. Without explanations, level results recur across profiles: their text is made once
 * (compiler/result-json.ts, byte for byte JSON.stringify's).
 */
export function decide(selected: Judgeable[], text: string, q: Query, base: string, version: string): Answer {
  const a = judgeText(selected, text, q, base);
  if (!a.ok) return a;
  if (q.explain) return { ok: true, body: Buffer.from(`${evalJson(q.asOf, version, a.judged)}\n`) };
  return { ok: true, body: evalJsonBytes(q.asOf, version, a.judged.results as LevelResult[], a.judged.warnings, a.judged.notOffered) };
}
