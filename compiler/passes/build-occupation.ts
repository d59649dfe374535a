// The last pass over a rule file: the checked occupation, from what the passes built and the
// vocabulary the generated module carries (ranks, kinds, fact names, English words, evidence).
import { sep } from 'node:path';
import { countingMode, LEVEL_NAMES, type Level } from '../../runtime/words.js';
import type { CheckedOccupation } from '../checked.js';
import { trackSchools, type VocabularyIndex } from '../load/vocabulary.js';
import type { RuleFileCheck } from './rule-file-check.js';
import type { Cond } from '../ir.js';
import { judgedLevels } from './check-offered.js';

export function buildOccupation(f: RuleFileCheck): CheckedOccupation {
  const { data, levels } = f;
  const v = f.ctx.vocabulary.vocabulary;
  const descending = (list: readonly Level[]): Level[] => [...list].sort((a, b) => b - a);
  // Levels not offered at the sitting, or with no condition in the source, are not judged at all.
  const { judged, notOffered } = judgedLevels(data, levels);
  return {
    file: f.ctx.file.split(sep).join('/'),
    id: data.id,
    name: data.name,
    aliases: data.aliases ?? [],
    version: data.version ?? null,
    inForce: data.inForce ? { from: data.inForce.from, to: data.inForce.to ?? null } : null,
    // the period, or the id when the file states none (`at` would give the whole file)
    inForceRange: data.inForce ? f.at(['inForce']) : f.at(['id']),
    levels: descending(judged),
    workTypes: (data.workTypes ?? []).map((w) => ({ name: w.name, levels: descending(((w.levels ?? levels) as Level[]).filter((l) => judged.includes(l))) })),
    notOffered: [...notOffered].sort((a, b) => b.level - a.level),
    related: { occupations: data.related?.occupations ?? [], sameMajors: data.related?.sameMajors ?? [], majors: data.related?.majors ?? [] },
    education: f.education,
    preconditions: f.preconditions,
    counting: countingMode(data.counting),
    registration: data.registration ? { from: data.registration.from, to: data.registration.to, text: data.registration.source ?? null } : null,
    ...(data.registration?.source !== undefined ? { registrationRange: f.at(['registration', 'source']) } : {}),
    source: {
      file: data.source.file ?? f.source.path,
      ...(data.source.text !== undefined ? { text: data.source.text } : {}),
      section: data.source.section,
      sectionRange: f.at(['source', 'section']),
    },
    notEncoded: (data.notEncoded ?? []).map((n, i) => ({
      section: n.section,
      ...(n.level !== undefined ? { level: n.level as Level } : {}),
      ...(n.clause !== undefined ? { clause: n.clause } : {}),
      reason: n.reason,
      line: f.lineOf(['notEncoded', i]),
      range: f.at(['notEncoded', i, n.clause !== undefined ? 'clause' : 'section']),
    })),
    ...(data.sourceMap
      ? {
          sourceMap: data.sourceMap.map((m, i) => ({
            passage: m.passage,
            clauses: m.clauses.map((ref) => `${data.id}/${ref}`),
            line: f.lineOf(['sourceMap', i]),
            range: f.at(['sourceMap', i, 'passage']),
          })),
        }
      : {}),
    clauses: f.clauses,
    tests: f.tests,
    ranks: Object.fromEntries(v.education.map((e) => [e.name, e.rank])),
    trackRanks: Object.fromEntries(v.tracks.map((t) => [t.name, t.rank])),
    trackFamily: trackSchools(v.education),
    workKinds: v.workKinds.map((k) => k.name),
    factNames: Object.fromEntries(v.facts.flatMap((fact) => [[fact.name, fact.name], [fact.en, fact.name]])),
    factNone: Object.fromEntries(v.facts.flatMap((fact) => (fact.none === undefined ? [] : [[fact.name, fact.none]]))),
    categoryNames: Object.fromEntries(v.categories.flatMap((c) => [[c.name, c.name], [c.en, c.name]])),
    factTypes: Object.fromEntries(v.facts.map((fact) => [fact.name, fact.type])),
    eventNames: !usesEvents(f) ? {} : Object.fromEntries([...v.eventKinds, ...v.competitions].flatMap((c) => [[c.name, c.name], [c.en, c.name]])),
    outcomes: data.conditions.some((g) => g.clauses.some((c) => c.outcome !== undefined)),
    amounts: Object.fromEntries(data.conditions.flatMap((c) => (c.amount ? [[c.level, { value: c.amount.value, unit: c.amount.unit }]] : []))),
    english: englishNames(v, usesEvents(f)),
    // the documents of events only where a condition counts them: other modules stay as they were
    evidence: usesEvents(f) ? v.evidence : Object.fromEntries(Object.entries(v.evidence).filter(([kind]) => kind !== 'events')),
  };
}

/** English names of the vocabulary's words, for English explanations. */
function englishNames(v: VocabularyIndex['vocabulary'], events: boolean): Record<string, string> {
  const out: Record<string, string> = {};
  // Event words only where a condition counts events: other modules stay as they were.
  for (const list of [v.education, v.tracks, v.groups, v.workKinds, v.facts, v.categories, ...(events ? [v.eventKinds, v.competitions] : [])]) for (const x of list) out[x.name] = x.en;
  const four = v.levels.find((l) => l.level === 4);
  const three = v.levels.find((l) => l.level === 3);
  if (four) out[four.old] = LEVEL_NAMES[4].en;
  if (three) out[three.old] = LEVEL_NAMES[3].en;
  return out;
}

/** Whether a condition of the file counts past events (its modules then carry the event words). */
function usesEvents(f: RuleFileCheck): boolean {
  const has = (c: Cond): boolean => (c.op === 'and' || c.op === 'or' ? c.items.some(has) : c.op === 'not' ? has(c.item) : c.op === 'events');
  return f.clauses.some((c) => has(c.cond)) || f.preconditions.some((p) => has(p.cond)) || (f.education !== null && has(f.education.cond));
}
