// The escape hatch for layouts no pattern of layout.ts fits: a rule file's `sourceMap` names a
// passage of the source verbatim and the rule clauses that encode it. The passage becomes one
// source clause of the file's section (at the clauses' level when they share one); whatever the
// reading found inside it (clauses, unreadable lines) gives way to it.
import type { CheckedClause, CheckedOccupation } from '../checked.js';
import type { Level } from '../../runtime/words.js';
import { indexInPolicyText, levelWord, metadataSpans, type SourceClause, type SourceDocument, type SourceSection } from './read-document.js';

export interface MappedClause {
  occ: CheckedOccupation;
  clause: CheckedClause;
  target: SourceClause;
}

/** Puts every sourceMap passage into its document; returns the rule clauses matched by it. */
export function applySourceMaps(
  occupations: readonly CheckedOccupation[],
  docOf: (occ: CheckedOccupation) => SourceDocument | undefined,
  sectionOf: (doc: SourceDocument, cited: string) => SourceSection | undefined,
): MappedClause[] {
  const out: MappedClause[] = [];
  for (const occ of occupations) {
    const doc = docOf(occ);
    if (!doc || !occ.source) continue;
    const section = sectionOf(doc, occ.source.section) ?? doc.sections[0];
    const notes = metadataSpans(doc.text);
    (occ.sourceMap ?? []).forEach((entry, i) => {
      const start = indexInPolicyText(doc.text, entry.passage, notes);
      if (start < 0 || !section) return; // the check stage reported the passage missing
      const clauses = occ.clauses.filter((c) => entry.clauses.includes(c.id));
      const target = mappedClause(doc, section, start, start + entry.passage.length, i + 1, clauses);
      for (const clause of clauses) out.push({ occ, clause, target });
    });
  }
  return out;
}

function mappedClause(doc: SourceDocument, section: SourceSection, start: number, end: number, number: number, clauses: CheckedClause[]): SourceClause {
  const overlaps = (s: number, e: number): boolean => s < end && e > start;
  for (const s of doc.sections) {
    s.loose = s.loose.filter((c) => !overlaps(c.numberStart, c.end));
    for (const l of s.levels.values()) l.clauses = l.clauses.filter((c) => !overlaps(c.numberStart, c.end));
  }
  doc.unread = doc.unread.filter((u) => !overlaps(u.start, u.regionEnd));
  const levels = new Set(clauses.map((c) => c.level));
  const [only] = levels;
  const level = levels.size === 1 ? levelIn(section, only) : null;
  const text = doc.text.slice(start, end);
  const lineEnd = doc.text.indexOf('\n', start);
  const target: SourceClause = {
    section,
    level,
    number,
    layout: 'mapped',
    text,
    numberStart: start,
    start,
    firstLineEnd: lineEnd < 0 || lineEnd > end ? end : lineEnd,
    end,
    line: doc.range(start, start).start.line,
    cut: text.includes('\uFFFD'),
  };
  const list = level ? level.clauses : section.loose;
  list.push(target);
  list.sort((a, b) => a.start - b.start);
  return target;
}

function levelIn(section: SourceSection, level: Level): NonNullable<SourceClause['level']> {
  let l = section.levels.get(level);
  if (!l) {
    l = { level, heading: levelWord(level), clauses: [] };
    section.levels.set(level, l);
  }
  return l;
}
