// `zige trace`: the source document split into sections (occupations), levels and numbered
// clauses, and every numbered clause matched to the rule clauses that cite it. Pure: the source
// texts and the checked occupations in, table rows and diagnostics out (docs/rule-files.md).
//
// Reading the document:
// - a section starts at a heading `一、互联网营销师`; the document prints the heading again on every
//   page (sometimes with the wrong number: 六/七), so headings naming the same occupation are one
//   section; table-of-contents lines (`一、互联网营销师.....	01`) are not headings;
// - a level starts at a heading `四级/中级工` inside a section;
// - a clause starts at `1. …` inside a level and runs on over following lines until a blank line,
//   a heading, the next number or a `学历要求`/`(一) 工种` line of a repeated page header.
//
// Matching: a rule clause's `source` is a verbatim substring of the source clause it encodes,
// looked for in its rule file's section and level first (preferring the clause numbered like the
// rule clause's id), then anywhere in the document (which is then an error: encoded twice, or
// misplaced). Alternatives 3a/3b all match source clause 3; together they should cite all of it.
import type { CheckedClause, CheckedOccupation, NotEncoded } from './checked.js';
import { LEVEL_NAMES as LEVEL_WORDS, LEVELS, type Level } from '../runtime/words.js';
import { DiagnosticSink, type Diagnostic, type Range } from './diagnostics/diagnostics.js';
import { posix } from 'node:path';
import { lineCountFor, rangeOfOffsets } from './load/yaml-positions.js';

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
  /** Section heading as first printed, e.g. `一、互联网营销师`. */
  section: string;
  level: Level;
  /** Level heading as printed, e.g. `四级/中级工`. */
  levelHeading: string;
  /** The clause's number in the source. */
  clause: number;
  /** The clause text after its number, verbatim (lines of a wrapped clause joined by `\n`). */
  text: string;
  /** Rule clauses whose source is part of this clause, in rule-file order. */
  rules: TraceRuleRef[];
  /** Set when a rule file lists the clause under `notEncoded` (and no rule clause encodes it). */
  notEncoded?: { reason: string; file: string; line: number };
  /** Source document (relative to the rules directory) and the clause's line in it. */
  sourceFile: string;
  sourceLine: number;
}

export interface TraceResult {
  /** Every numbered clause of every source document, once, in document order of sections. */
  rows: TraceRow[];
  diagnostics: Diagnostic[];
}

/** Uncited text of a source clause with at least this many CJK characters is warned about. */
const UNCITED_HAN = 4;

const NUMERALS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 };
const LEVEL_NAMES: Record<number, string> = Object.fromEntries(LEVELS.map((l) => [l, LEVEL_WORDS[l].zh]));

const SECTION_HEADING = /^([一二三四五六七八九十]+)\s*[、．.]\s*(\S.*)$/;
const TOC_ENTRY = /(?:\.{2,}|…|·{2,})[\s.…·]*\d+$/;
const LEVEL_HEADING = /^([一二三四五])级\s*(?:[/／]\s*\S+)?$/;
const NUMBERED = /^(\d+)\s*[.．、]\s*/;
const PAGE_HEADER_LINE = /^(?:[(（]\s*[一二三四五六七八九十]+\s*[)）]|学历要求)/;

interface Section {
  /** Normalised occupation name: the identity of the section. */
  key: string;
  heading: string;
  /** Normalised headings as printed (with their numbers). */
  headings: Set<string>;
  levels: Map<Level, SourceLevel>;
}

interface SourceLevel {
  level: Level;
  heading: string;
  clauses: SourceClause[];
}

interface SourceClause {
  section: Section;
  level: SourceLevel;
  number: number;
  text: string;
  /** UTF-16 offsets into the document: the number, the text, the end of the first line. */
  numberStart: number;
  start: number;
  firstLineEnd: number;
  line: number;
}

interface ParsedDocument {
  file: string;
  text: string;
  range(start: number, end: number): Range;
  sections: Section[];
}

interface Match {
  occ: CheckedOccupation;
  clause: CheckedClause;
  /** Found outside its rule file's section and level. */
  foreign: boolean;
}

const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');
/** One key per document however rule files spell its path (`./sources/a.txt`, `sources\\a.txt`). */
const docKey = (file: string): string => posix.normalize(file.replace(/\\/g, '/'));

/** What tracing learns on the way: the documents, and which rule clauses cite which source clauses. */
interface Tracing {
  sink: DiagnosticSink;
  show: (f: string) => string;
  docs: Map<string, ParsedDocument>;
  matches: Map<SourceClause, Match[]>;
  notEncoded: Map<SourceClause, { occ: CheckedOccupation; entry: NotEncoded }>;
  ownSection: Map<CheckedOccupation, Section>;
}

const ruleRange = (c: { line: number; range?: Range; sourceRange?: Range }): Range =>
  c.sourceRange ?? c.range ?? { start: { line: c.line, col: 1 }, end: { line: c.line, col: 1 } };

/** Splits the source documents into numbered clauses and matches the rule clauses to them. */
export function traceSources(input: TraceInput): TraceResult {
  const sink = new DiagnosticSink();
  const show = input.display ?? ((f: string) => f);
  const texts = input.sources instanceof Map ? [...input.sources] : Object.entries(input.sources as Record<string, string>);
  const docs = new Map<string, ParsedDocument>();
  for (const [file, text] of texts) if (!docs.has(docKey(file))) docs.set(docKey(file), parseDocument(file, text, sink, show));
  const t: Tracing = { sink, show, docs, matches: new Map(), notEncoded: new Map(), ownSection: new Map() };
  for (const occ of input.occupations) matchOccupation(t, occ);
  return { rows: traceRows(t), diagnostics: sink.sorted() };
}

/** Matches an occupation's clauses and its not-encoded entries to the clauses of its source document. */
function matchOccupation(t: Tracing, occ: CheckedOccupation): void {
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
    for (const clause of occ.clauses) matchClause(t, occ, doc, section, clause);
  } // else no section at all: reported above; the not-encoded entries name their own sections
  for (const entry of occ.notEncoded ?? []) {
    const s = resolveSection(doc, entry.section);
    const sc = s?.levels.get(entry.level)?.clauses.find((c) => c.number === entry.clause);
    if (!sc) {
      t.sink.report({
        code: 'E_TRACE_NOT_ENCODED_UNKNOWN',
        file: t.show(occ.file),
        range: ruleRange(entry),
        args: { section: entry.section, level: s?.levels.get(entry.level)?.heading ?? LEVEL_NAMES[entry.level], clause: entry.clause },
      });
    } else if (!t.notEncoded.has(sc)) {
      t.notEncoded.set(sc, { occ, entry });
    }
  }
}

/** The source clause a rule clause cites: in its own section and level by number, else anywhere (foreign). */
function matchClause(t: Tracing, occ: CheckedOccupation, doc: ParsedDocument, section: Section, clause: CheckedClause): void {
  const contains = (sc: SourceClause): boolean => sc.text.includes(clause.text);
  const number = parseInt(clause.localId, 10);
  const own = section.levels.get(clause.level)?.clauses.filter(contains) ?? [];
  let target: SourceClause | undefined;
  let foreign = false;
  if (own.length > 0) {
    target = own.find((sc) => sc.number === number) ?? own[0];
    if (target.number !== number) {
      t.sink.report({ code: 'W_TRACE_NUMBER', severity: 'warning', file: t.show(occ.file), range: ruleRange(clause), args: { id: clause.id, clause: target.number } });
    }
  } else {
    const anywhere = doc.sections.flatMap((s) => [...s.levels.values()].flatMap((l) => l.clauses)).filter(contains);
    target = anywhere.find((sc) => sc.section === section && sc.number === number) ?? anywhere.find((sc) => sc.section === section) ?? anywhere.find((sc) => sc.number === number) ?? anywhere[0];
    foreign = true;
  }
  if (!target) {
    t.sink.report({ code: 'E_TRACE_INVENTED', file: t.show(occ.file), range: ruleRange(clause), args: { id: clause.id, file: occ.source!.file } });
    return;
  }
  t.matches.set(target, [...(t.matches.get(target) ?? []), { occ, clause, foreign }]);
}

/** One row per numbered source clause, in document order, with the errors of its matches. */
function traceRows(t: Tracing): TraceRow[] {
  const rows: TraceRow[] = [];
  const ref = (m: Match): string => `${m.clause.id} (${t.show(m.occ.file)}:${m.clause.line})`;
  for (const doc of t.docs.values()) {
    for (const section of doc.sections) {
      for (const level of section.levels.values()) {
        for (const sc of level.clauses) {
          const where = { section: section.heading, level: level.heading, clause: sc.number };
          const ms = t.matches.get(sc) ?? [];
          const ne = t.notEncoded.get(sc);
          if (ms.length === 0 && !ne) {
            t.sink.report({ code: 'E_TRACE_UNENCODED', file: t.show(doc.file), range: doc.range(sc.numberStart, sc.firstLineEnd), args: where });
          }
          if (ms.length > 0 && ne) {
            t.sink.report({ code: 'E_TRACE_NOT_ENCODED_ENCODED', file: t.show(ne.occ.file), range: ruleRange(ne.entry), args: { ...where, ids: ms.map(ref).join(', ') } });
          }
          reportTwice(ms, where, t.ownSection, t.sink, t.show, ref, ruleRange);
          if (ms.length > 0) reportUncited(doc, sc, ms, where, t.sink, t.show);
          rows.push({
            section: section.heading,
            level: level.level,
            levelHeading: level.heading,
            clause: sc.number,
            text: sc.text,
            rules: ms.map((m) => ({ id: m.clause.id, file: m.occ.file, line: m.clause.line })),
            ...(ms.length === 0 && ne ? { notEncoded: { reason: ne.entry.reason, file: ne.occ.file, line: ne.entry.line } } : {}),
            sourceFile: doc.file,
            sourceLine: sc.line,
          });
        }
      }
    }
  }
  return rows;
}

/**
 * Encoded twice: rule clauses of two occupations or levels on one source clause. A clause found
 * outside its own section/level is an error either way: encoded twice when another rule clause
 * has the source clause too, misplaced when it is the only one.
 */
function reportTwice(
  ms: Match[],
  where: { section: string; level: string; clause: number },
  ownSection: Map<CheckedOccupation, Section>,
  sink: DiagnosticSink,
  show: (f: string) => string,
  ref: (m: Match) => string,
  ruleRange: (c: CheckedClause) => Range,
): void {
  const group = (m: Match): string => `${m.occ.id}\u0000${m.clause.level}`;
  const firstOwn = ms.find((m) => !m.foreign);
  const reported = new Set<string>();
  for (const m of ms) {
    const others = ms.filter((o) => group(o) !== group(m));
    if (m.foreign) {
      if (others.length > 0) {
        sink.report({ code: 'E_TRACE_TWICE', file: show(m.occ.file), range: ruleRange(m.clause), args: { ...where, id: m.clause.id, others: others.map(ref).join(', ') } });
      } else {
        const own = ownSection.get(m.occ);
        sink.report({
          code: 'E_TRACE_MISPLACED',
          file: show(m.occ.file),
          range: ruleRange(m.clause),
          args: {
            ...where,
            id: m.clause.id,
            ownSection: own?.heading ?? m.occ.source?.section ?? '',
            ownLevel: own?.levels.get(m.clause.level)?.heading ?? LEVEL_NAMES[m.clause.level],
          },
        });
      }
    } else if (firstOwn && group(m) !== group(firstOwn) && !reported.has(group(m))) {
      // two rule files claim the same section (or one level is cited twice)
      reported.add(group(m));
      const rest = others.filter((o) => !o.foreign);
      sink.report({ code: 'E_TRACE_TWICE', file: show(m.occ.file), range: ruleRange(m.clause), args: { ...where, id: m.clause.id, others: rest.map(ref).join(', ') } });
    }
  }
}

/** Text of a source clause that no matching rule clause cites (≥ UNCITED_HAN CJK characters). */
function reportUncited(
  doc: ParsedDocument,
  sc: SourceClause,
  ms: Match[],
  where: { section: string; level: string; clause: number },
  sink: DiagnosticSink,
  show: (f: string) => string,
): void {
  const covered = new Array<boolean>(sc.text.length).fill(false);
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
    if (han >= UNCITED_HAN) {
      const start = sc.start + i + head;
      sink.report({
        code: 'W_TRACE_UNCITED',
        severity: 'warning',
        file: show(doc.file),
        range: doc.range(start, start + trimmed.length),
        args: { ...where, text: trimmed.replace(/\s*\n\s*/g, '') },
      });
    }
    i = j;
  }
}

function resolveSection(doc: ParsedDocument, cited: string): Section | undefined {
  const full = norm(cited);
  const byHeading = doc.sections.find((s) => s.headings.has(full));
  if (byHeading) return byHeading;
  const m = SECTION_HEADING.exec(cited.trim());
  const name = norm(m ? m[2] : cited);
  return doc.sections.find((s) => s.key === name);
}

function parseDocument(file: string, text: string, sink: DiagnosticSink, show: (f: string) => string): ParsedDocument {
  const lc = lineCountFor(text);
  const doc: ParsedDocument = { file, text, range: (s, e) => rangeOfOffsets(lc, text, s, e), sections: [] };
  const byKey = new Map<string, Section>();
  let section: Section | undefined;
  let level: SourceLevel | undefined;
  let open: SourceClause | undefined;
  let lineNo = 0;
  for (let pos = 0; pos <= text.length; ) {
    lineNo++;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const raw = text.slice(pos, end).replace(/\r$/, '');
    const lead = pos + (raw.length - raw.trimStart().length);
    const trail = pos + raw.trimEnd().length;
    const line = raw.trim();
    const heading = SECTION_HEADING.exec(line);
    const levelHeading = LEVEL_HEADING.exec(line);
    const numbered = NUMBERED.exec(line);
    if (line === '' || PAGE_HEADER_LINE.test(line) || TOC_ENTRY.test(line)) {
      open = undefined;
    } else if (heading) {
      const key = norm(heading[2]);
      section = byKey.get(key);
      if (!section) {
        section = { key, heading: line, headings: new Set(), levels: new Map() };
        byKey.set(key, section);
        doc.sections.push(section);
      }
      section.headings.add(norm(line));
      level = undefined;
      open = undefined;
    } else if (levelHeading && section) {
      const n = NUMERALS[levelHeading[1]] as Level;
      level = section.levels.get(n);
      if (!level) {
        level = { level: n, heading: line, clauses: [] };
        section.levels.set(n, level);
      }
      open = undefined;
    } else if (numbered && section && level) {
      const start = lead + numbered[0].length;
      const clause: SourceClause = {
        section,
        level,
        number: Number(numbered[1]),
        text: text.slice(start, trail),
        numberStart: lead,
        start,
        firstLineEnd: trail,
        line: lineNo,
      };
      open = clause;
      const same = level.clauses.find((c) => c.number === clause.number);
      if (same && same.text === clause.text) {
        open = undefined; // the same clause printed again on a new page
      } else {
        if (same) {
          sink.report({
            code: 'W_TRACE_DUPLICATE_CLAUSE',
            severity: 'warning',
            file: show(file),
            range: doc.range(lead, trail),
            args: { section: section.heading, level: level.heading, clause: clause.number },
          });
        }
        level.clauses.push(clause);
      }
    } else if (open && line !== '') {
      // a wrapped clause: the text runs on verbatim, line break included
      open.text = text.slice(open.start, trail);
    } else {
      open = undefined;
    }
    if (end === text.length) break;
    pos = end + 1;
  }
  return doc;
}

/**
 * The sections of a source document as `zige trace` splits it, when `cited` names none of them
 * (undefined when it names one): `zige check` reports a wrong `source.section` too.
 */
export function missingSection(text: string, cited: string): string[] | undefined {
  const doc = parseDocument('', text, new DiagnosticSink(), (f) => f);
  return resolveSection(doc, cited) ? undefined : doc.sections.map((s) => s.heading);
}
