// `zige trace`: the source document split into sections, levels and clauses as printed
// (compiler/source/: the layout tables and the reading), and every source clause matched to the
// rule clauses that cite it. Pure: the source texts and the checked occupations in, table rows and
// diagnostics out (docs/rule-files.md, "Tracing rule clauses to the source").
//
// Matching: a rule clause's `source` is a verbatim substring of the source clause it encodes,
// looked for in its rule file's section and level first (preferring the clause numbered like the
// rule clause's id), then anywhere in the document (which is then an error: encoded twice, or
// misplaced). Alternatives 3a/3b all match source clause 3; together they should cite all of it.
// A rule file's `sourceMap` names passages the reading cannot split; they replace what was read there.
import type { CheckedClause, CheckedOccupation, NotEncoded } from './checked.js';
import { LEVEL_NAMES as LEVEL_WORDS, LEVELS, type Level } from '../runtime/words.js';
import { DiagnosticSink, type Diagnostic, type Range } from './diagnostics/diagnostics.js';
import { posix } from 'node:path';
import { readDocument, type SourceClause, type SourceDocument, type SourceSection } from './source/read-document.js';
import { applySourceMaps } from './source/apply-source-map.js';
import { SECTION_HEADINGS, TITLE_LINE } from './source/layout.js';

export interface TraceInput {
  /** Source document texts by path relative to the rules directory (a rule file's `source.file`). */
  sources: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  occupations: readonly CheckedOccupation[];
  /** How a path relative to the rules directory is named in diagnostics (default: unchanged). */
  display?: (file: string) => string;
}

export interface TraceRuleRef {
  /** Full clause id, e.g. `internet-marketer/4/4a`. */
  id: string;
  /** Rule file, relative to the rules directory. */
  file: string;
  line: number;
}

export interface TraceRow {
  /** Section heading as first printed, e.g. `一、互联网营销师` (a separator's title; '' without headings). */
  section: string;
  /** null for a clause under no level heading. */
  level: Level | null;
  /** Level heading as printed, e.g. `四级/中级工` ('' under none). */
  levelHeading: string;
  /** The clause's number in the source (a paragraph's place in its block, a sourceMap entry's place). */
  clause: number;
  /** How the clause was found when it has no printed number: `paragraph` (unnumbered), `mapped` (the rule file's sourceMap). */
  layout?: 'paragraph' | 'mapped';
  /** The clause text after its number, verbatim (lines of a wrapped clause joined by `\n`). */
  text: string;
  /** Set when the text holds U+FFFD: the page was cut there. */
  cut?: true;
  /** Rule clauses whose source is part of this clause, in rule-file order. */
  rules: TraceRuleRef[];
  /** Set when a rule file lists the clause under `notEncoded` (and no rule clause encodes it). */
  notEncoded?: { reason: string; file: string; line: number };
  /** Source document (relative to the rules directory) and the clause's line in it. */
  sourceFile: string;
  sourceLine: number;
}

export interface TraceResult {
  /** Every clause of every source document, once, in document order of sections. */
  rows: TraceRow[];
  diagnostics: Diagnostic[];
}

/** Uncited text of a source clause with at least this many CJK characters is warned about. */
const UNCITED_HAN = 4;

const LEVEL_NAMES: Record<number, string> = Object.fromEntries(LEVELS.map((l) => [l, LEVEL_WORDS[l].zh]));

interface Match {
  occ: CheckedOccupation;
  clause: CheckedClause;
  /** Found outside its rule file's section and level. */
  foreign: boolean;
}

type Where = { section: string; level: string; clause: number | string };

const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
/** One key per document however rule files spell its path (`./sources/a.txt`, `sources\\a.txt`). */
const docKey = (file: string): string => posix.normalize(file.replace(/\\/g, '/'));
const levelHeading = (sc: SourceClause): string => sc.level?.heading ?? '—';

/** What tracing learns on the way: the documents, and which rule clauses cite which source clauses. */
interface Tracing {
  sink: DiagnosticSink;
  show: (f: string) => string;
  docs: Map<string, SourceDocument>;
  matches: Map<SourceClause, Match[]>;
  notEncoded: Map<SourceClause, { occ: CheckedOccupation; entry: NotEncoded }>;
  ownSection: Map<CheckedOccupation, SourceSection>;
}

const ruleRange = (c: { line: number; range?: Range; sourceRange?: Range }): Range =>
  c.sourceRange ?? c.range ?? { start: { line: c.line, col: 1 }, end: { line: c.line, col: 1 } };

/** Splits the source documents into clauses and matches the rule clauses to them. */
export function traceSources(input: TraceInput): TraceResult {
  const sink = new DiagnosticSink();
  const show = input.display ?? ((f: string) => f);
  const texts = input.sources instanceof Map ? [...input.sources] : Object.entries(input.sources as Record<string, string>);
  const docs = new Map<string, SourceDocument>();
  for (const [file, text] of texts) if (!docs.has(docKey(file))) docs.set(docKey(file), readDocument(file, text));
  const t: Tracing = { sink, show, docs, matches: new Map(), notEncoded: new Map(), ownSection: new Map() };
  const docOf = (occ: CheckedOccupation): SourceDocument | undefined => (occ.source ? docs.get(docKey(occ.source.file)) : undefined);
  const mapped = applySourceMaps(input.occupations, docOf, (doc, cited) => resolveSection(doc, cited));
  for (const m of mapped) t.matches.set(m.target, [...(t.matches.get(m.target) ?? []), { occ: m.occ, clause: m.clause, foreign: false }]);
  const done = new Set(mapped.map((m) => m.clause));
  for (const occ of input.occupations) matchOccupation(t, occ, done);
  for (const doc of docs.values()) reportDocument(t, doc);
  return { rows: traceRows(t), diagnostics: sink.sorted() };
}

/** What the reading itself found: headings and numbering it cannot read, clauses printed twice. */
function reportDocument(t: Tracing, doc: SourceDocument): void {
  for (const u of doc.unread) {
    const code = u.kind === 'unknown-heading' ? 'E_TRACE_UNKNOWN_HEADING' : 'E_TRACE_UNKNOWN_NUMBERING';
    t.sink.report({ code, file: t.show(doc.file), range: doc.range(u.start, u.end), args: { text: u.text } });
  }
  for (const d of doc.duplicates) {
    t.sink.report({ code: 'W_TRACE_DUPLICATE_CLAUSE', severity: 'warning', file: t.show(doc.file), range: doc.range(d.start, d.end), args: d });
  }
}

/** Matches an occupation's clauses and its not-encoded entries to the clauses of its source document. */
function matchOccupation(t: Tracing, occ: CheckedOccupation, done: Set<CheckedClause>): void {
  if (!occ.source) return;
  const doc = t.docs.get(docKey(occ.source.file));
  if (!doc) return;
  let section = resolveSection(doc, occ.source.section);
  if (!section) {
    t.sink.report({
      code: 'E_TRACE_SECTION',
      file: t.show(occ.file),
      range: occ.source.sectionRange,
      args: { file: occ.source.file, section: occ.source.section, known: doc.sections.map((s) => s.heading).join('、') },
    });
    // keep tracing by the occupation's name, so one wrong heading is one error
    const names = new Set([occ.name, ...occ.aliases].map(norm));
    section = doc.sections.find((s) => names.has(s.key));
  }
  if (section) {
    t.ownSection.set(occ, section);
    for (const clause of occ.clauses) if (!done.has(clause)) matchClause(t, occ, doc, section, clause);
    for (const citation of gateCitations(occ)) matchClause(t, occ, doc, section, citation);
  } // else no section at all: reported above; the not-encoded entries name their own sections
  for (const entry of occ.notEncoded ?? []) matchNotEncoded(t, occ, doc, entry);
}

/**
 * The other sentences a rule file cites, as clauses to match: each precondition
 * (`<id>/preconditions/<precondition id>`) and the registration window (`<id>/registration`).
 * They carry no level and no number: they encode the paragraphs they are part of.
 */
function gateCitations(occ: CheckedOccupation): CheckedClause[] {
  const cite = (id: string, text: string, line: number, sourceRange: Range | undefined, cond: CheckedClause['cond']): CheckedClause => ({
    id: `${occ.id}/${id}`,
    level: 0 as Level,
    localId: '',
    text,
    when: '',
    line,
    ...(sourceRange ? { sourceRange } : {}),
    cond,
  });
  const out = occ.preconditions.map((p) => cite(`preconditions/${p.id}`, p.text, p.line, p.sourceRange, p.cond));
  const r = occ.registration;
  if (r?.text) out.push(cite('registration', r.text, occ.registrationRange?.start.line ?? 0, occ.registrationRange, { op: 'and', items: [], range: { start: 0, end: 0 } }));
  return out;
}

/** The clauses a `notEncoded` entry names: one by number, or every clause of its section (and level). */
function matchNotEncoded(t: Tracing, occ: CheckedOccupation, doc: SourceDocument, entry: NotEncoded): void {
  const s = resolveSection(doc, entry.section);
  const list = entry.level === undefined ? s?.loose : s?.levels.get(entry.level)?.clauses;
  const named = (list ?? []).filter((c) => entry.clause === undefined || c.number === entry.clause);
  if (named.length === 0) {
    const level = entry.level === undefined ? '—' : (s?.levels.get(entry.level)?.heading ?? LEVEL_NAMES[entry.level]);
    t.sink.report({
      code: 'E_TRACE_NOT_ENCODED_UNKNOWN',
      file: t.show(occ.file),
      range: ruleRange(entry),
      args: { section: entry.section, level, clause: entry.clause ?? '*' },
    });
  }
  for (const sc of named) if (!t.notEncoded.has(sc)) t.notEncoded.set(sc, { occ, entry });
}

/** The source clause a rule clause cites: in its own section and level by number, else anywhere (foreign). */
function matchClause(t: Tracing, occ: CheckedOccupation, doc: SourceDocument, section: SourceSection, clause: CheckedClause): void {
  const contains = (sc: SourceClause): boolean => sc.text.includes(clause.text);
  const number = parseInt(clause.localId, 10);
  const own = [...(section.levels.get(clause.level)?.clauses ?? []), ...section.loose].filter(contains);
  let target: SourceClause | undefined;
  let foreign = false;
  if (own.length > 0) {
    target = own.find((sc) => sc.number === number) ?? own[0];
    if (!Number.isNaN(number) && target.number !== number && target.layout === 'numbered') {
      t.sink.report({ code: 'W_TRACE_NUMBER', severity: 'warning', file: t.show(occ.file), range: ruleRange(clause), args: { id: clause.id, clause: target.number } });
    }
  } else {
    const anywhere = doc.sections.flatMap((s) => [...s.loose, ...[...s.levels.values()].flatMap((l) => l.clauses)]).filter(contains);
    target = anywhere.find((sc) => sc.section === section && sc.number === number) ?? anywhere.find((sc) => sc.section === section) ?? anywhere.find((sc) => sc.number === number) ?? anywhere[0];
    foreign = true;
  }
  if (!target) {
    reportUncitable(t, occ, doc, clause);
    return;
  }
  t.matches.set(target, [...(t.matches.get(target) ?? []), { occ, clause, foreign }]);
}

/** A rule clause in no source clause: on a line trace could not read, or invented (a heading, a lead-in, two clauses). */
function reportUncitable(t: Tracing, occ: CheckedOccupation, doc: SourceDocument, clause: CheckedClause): void {
  const at = doc.text.indexOf(clause.text);
  const unread = doc.unread.find((u) => at >= u.start && at <= u.regionEnd);
  if (unread) {
    const { line, col } = doc.range(unread.start, unread.end).start;
    t.sink.report({
      code: 'E_TRACE_UNREADABLE_CITED',
      file: t.show(occ.file),
      range: ruleRange(clause),
      args: { id: clause.id, file: occ.source!.file, line, col, text: unread.text },
    });
    return;
  }
  t.sink.report({ code: 'E_TRACE_INVENTED', file: t.show(occ.file), range: ruleRange(clause), args: { id: clause.id, file: occ.source!.file } });
}

/** One row per source clause, in document order, with the errors of its matches. */
function traceRows(t: Tracing): TraceRow[] {
  const rows: TraceRow[] = [];
  const ref = (m: Match): string => `${m.clause.id} (${t.show(m.occ.file)}:${m.clause.line})`;
  for (const doc of t.docs.values()) {
    for (const section of doc.sections) {
      for (const sc of [...section.loose, ...[...section.levels.values()].flatMap((l) => l.clauses)]) {
        const where: Where = { section: section.heading, level: levelHeading(sc), clause: sc.number };
        const ms = t.matches.get(sc) ?? [];
        const ne = t.notEncoded.get(sc);
        if (ms.length === 0 && !ne) {
          t.sink.report({ code: 'E_TRACE_UNENCODED', file: t.show(doc.file), range: doc.range(sc.numberStart, sc.firstLineEnd), args: where });
        }
        if (ms.length > 0 && ne) {
          t.sink.report({ code: 'E_TRACE_NOT_ENCODED_ENCODED', file: t.show(ne.occ.file), range: ruleRange(ne.entry), args: { ...where, ids: ms.map(ref).join(', ') } });
        }
        reportTwice(t, ms, where, sc.level !== null, ref);
        if (ms.length > 0) reportUncited(t, doc, sc, ms, where);
        rows.push({
          section: section.heading,
          level: sc.level?.level ?? null,
          levelHeading: sc.level?.heading ?? '',
          clause: sc.number,
          ...(sc.layout !== 'numbered' ? { layout: sc.layout } : {}),
          text: sc.text,
          ...(sc.cut ? { cut: true as const } : {}),
          rules: ms.map((m) => ({ id: m.clause.id, file: m.occ.file, line: m.clause.line })),
          ...(ms.length === 0 && ne ? { notEncoded: { reason: ne.entry.reason, file: ne.occ.file, line: ne.entry.line } } : {}),
          sourceFile: doc.file,
          sourceLine: sc.line,
        });
      }
    }
  }
  return rows;
}

/**
 * Encoded twice: rule clauses of two occupations or levels on one source clause (of two
 * occupations only, for a clause under no level heading: its levels are the rule file's reading).
 * A clause found outside its own section/level is an error either way: encoded twice when another
 * rule clause has the source clause too, misplaced when it is the only one.
 */
function reportTwice(t: Tracing, ms: Match[], where: Where, byLevel: boolean, ref: (m: Match) => string): void {
  const group = (m: Match): string => (byLevel ? `${m.occ.id}\u0000${m.clause.level}` : m.occ.id);
  const firstOwn = ms.find((m) => !m.foreign);
  const reported = new Set<string>();
  for (const m of ms) {
    const others = ms.filter((o) => group(o) !== group(m));
    const at = { file: t.show(m.occ.file), range: ruleRange(m.clause) };
    if (m.foreign) {
      if (others.length > 0) {
        t.sink.report({ code: 'E_TRACE_TWICE', ...at, args: { ...where, id: m.clause.id, others: others.map(ref).join(', ') } });
      } else {
        const own = t.ownSection.get(m.occ);
        const ownLevel = own?.levels.get(m.clause.level)?.heading ?? LEVEL_NAMES[m.clause.level];
        t.sink.report({ code: 'E_TRACE_MISPLACED', ...at, args: { ...where, id: m.clause.id, ownSection: own?.heading ?? m.occ.source?.section ?? '', ownLevel } });
      }
    } else if (firstOwn && group(m) !== group(firstOwn) && !reported.has(group(m))) {
      // two rule files claim the same section (or one level is cited twice)
      reported.add(group(m));
      const rest = others.filter((o) => !o.foreign);
      t.sink.report({ code: 'E_TRACE_TWICE', ...at, args: { ...where, id: m.clause.id, others: rest.map(ref).join(', ') } });
    }
  }
}

/**
 * Text of a source clause that no matching rule clause cites (≥ UNCITED_HAN CJK characters). Text
 * holding U+FFFD is where a page was cut: it cannot be cited, so it is not reported.
 */
function reportUncited(t: Tracing, doc: SourceDocument, sc: SourceClause, ms: Match[], where: Where): void {
  const covered = new Array<boolean>(sc.text.length).fill(false);
  // a numbered title on its own line (`1.受理条件`) names what follows; it is no condition
  const title = TITLE_LINE.exec(sc.text);
  if (title) covered.fill(true, 0, title[0].length);
  for (const m of ms) {
    const needle = m.clause.text;
    if (needle.length === 0) continue;
    for (let i = sc.text.indexOf(needle); i >= 0; i = sc.text.indexOf(needle, i + 1)) covered.fill(true, i, i + needle.length);
  }
  let i = 0;
  while (i < covered.length) {
    if (covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < covered.length && !covered[j]) j++;
    // separators between alternatives (`；或`, `, 或`, `。或`) and punctuation are no uncited text
    const run = sc.text.slice(i, j);
    const head = /^[\s\p{P}]*(?:或[\s\p{P}]*)?/u.exec(run)![0].length;
    const trimmed = run.slice(head).replace(/[\s\p{P}]+$/u, '');
    const han = trimmed.match(/\p{Script=Han}/gu)?.length ?? 0;
    // where the page was cut (U+FFFD, or the end of a clause cut off) the text is incomplete
    const incomplete = trimmed.includes('\uFFFD') || (sc.cut && j === covered.length);
    if (han >= UNCITED_HAN && !incomplete) {
      const start = sc.start + i + head;
      t.sink.report({
        code: 'W_TRACE_UNCITED',
        severity: 'warning',
        file: t.show(doc.file),
        range: doc.range(start, start + trimmed.length),
        args: { ...where, text: trimmed.replace(/\s*\n\s*/g, '') },
      });
    }
    i = j;
  }
}

/**
 * The section a rule file names: by a heading as printed, by the title after its number, or by a
 * part of one separator's title (`2024-10-25 version`). A document without headings is one section.
 */
export function resolveSection(doc: SourceDocument, cited: string): SourceSection | undefined {
  const full = norm(cited);
  const byHeading = doc.sections.find((s) => s.headings.has(full));
  if (byHeading) return byHeading;
  const m = SECTION_HEADINGS.map((h) => h.pattern.exec(cited.trim())).find((x) => x !== null);
  const name = norm(m ? m[2] : cited);
  const byName = doc.sections.find((s) => s.key === name);
  if (byName) return byName;
  const parts = doc.sections.filter((s) => s.separator && full !== '' && s.key.includes(full));
  if (parts.length === 1) return parts[0];
  return doc.sections.length === 1 && doc.sections[0].heading === '' ? doc.sections[0] : undefined;
}

/**
 * The sections of a source document as `zige trace` reads it, when `cited` names none of them
 * (undefined when it names one): for a check of `source.section` before anyone traces.
 */
export function missingSection(text: string, cited: string): string[] | undefined {
  const doc = readDocument('', text);
  return resolveSection(doc, cited) ? undefined : doc.sections.map((s) => s.heading);
}
