// A source document split the way it is printed: sections, levels and clauses (numbered, or
// unnumbered paragraphs), the lines trace could not read, and the spans that are no policy text.
// The line kinds come from layout.ts; this file only walks the lines (docs/rule-files.md).
import { LEVEL_NAMES, type Level } from '../../runtime/words.js';
import type { Range } from '../diagnostics/diagnostics.js';
import { lineCountFor, rangeOfOffsets } from '../load/yaml-positions.js';
import { classifyLine, HEADER_LINE, LEAD_IN, SENTENCE_END, type LineKind } from './layout.js';

export interface SourceSection {
  /** Normalised title: the identity of the section (headings printed again on each page are one). */
  key: string;
  /** Heading as first printed ('' for a document without headings). */
  heading: string;
  /** Normalised headings as printed (with their numbers). */
  headings: Set<string>;
  /** Started by a `--- … ---` separator line. */
  separator: boolean;
  levels: Map<Level, SourceLevel>;
  /** Clauses under no level heading (a part without levels, a notice's list). */
  loose: SourceClause[];
}

export interface SourceLevel {
  level: Level;
  heading: string;
  clauses: SourceClause[];
}

export interface SourceClause {
  section: SourceSection;
  level: SourceLevel | null;
  /** The printed number, or the paragraph's place in its block, or the sourceMap entry's. */
  number: number;
  /** How the clause was found: a printed number, an unnumbered paragraph, a rule file's sourceMap. */
  layout: 'numbered' | 'paragraph' | 'mapped';
  text: string;
  /** UTF-16 offsets into the document: the number, the text, the end of the first line, the end. */
  numberStart: number;
  start: number;
  firstLineEnd: number;
  end: number;
  line: number;
  /** Holds U+FFFD, or stops mid-sentence before a `[…]` note: the page was cut there. */
  cut: boolean;
}

/** A heading or numbering no pattern of layout.ts fits, and the lines it governs. */
export interface UnreadLine {
  kind: 'unknown-heading' | 'unknown-numbering';
  /** The heading, or the numbering alone (`1)`). */
  text: string;
  start: number;
  end: number;
  /** End of the text it governs (its continuation lines, or up to the next heading). */
  regionEnd: number;
}

export interface SourceDocument {
  file: string;
  text: string;
  range(start: number, end: number): Range;
  sections: SourceSection[];
  unread: UnreadLine[];
  /** A clause printed twice with different text in one level: its line. */
  duplicates: { section: string; level: string; clause: number; start: number; end: number }[];
}

const norm = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '');

interface Line {
  start: number;
  /** Offsets of the trimmed text. */
  lead: number;
  trail: number;
  no: number;
  text: string;
  kind: LineKind;
}

/** The lines of a text with their kinds; the metadata header (`TITLE: …` lines at the top) is skipped. */
export function documentLines(text: string): { lines: Line[]; headerEnd: number } {
  const lines: Line[] = [];
  let inHeader = true;
  let headerEnd = 0;
  let no = 0;
  for (let pos = 0; pos <= text.length; ) {
    no++;
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const raw = text.slice(pos, end).replace(/\r$/, '');
    const line = raw.trim();
    if (inHeader && HEADER_LINE.test(line)) headerEnd = end;
    else {
      if (line !== '' || lines.length > 0 || headerEnd > 0) inHeader = false;
      const lead = pos + (raw.length - raw.trimStart().length);
      lines.push({ start: pos, lead, trail: pos + raw.trimEnd().length, no, text: line, kind: classifyLine(line) });
    }
    if (end === text.length) break;
    pos = end + 1;
  }
  return { lines, headerEnd };
}

/** Spans of a text that are no policy text: the metadata header, separators, editorial notes. */
export function metadataSpans(text: string): [number, number][] {
  const { lines, headerEnd } = documentLines(text);
  const spans: [number, number][] = headerEnd > 0 ? [[0, headerEnd]] : [];
  for (const l of lines) if (l.kind.kind === 'separator' || l.kind.kind === 'note') spans.push([l.lead, l.trail]);
  return spans;
}

/** The first occurrence of `sentence` in `text` outside the `notes` spans (metadataSpans); -1 when none. */
export function indexInPolicyText(text: string, sentence: string, notes: readonly [number, number][]): number {
  for (let i = text.indexOf(sentence); i >= 0; i = text.indexOf(sentence, i + 1)) {
    const end = i + sentence.length;
    if (!notes.some(([s, e]) => i < e && end > s)) return i;
  }
  return -1;
}

/** Splits a source document into sections, levels and clauses as printed. */
export function readDocument(file: string, text: string): SourceDocument {
  const lc = lineCountFor(text);
  const doc: SourceDocument = { file, text, range: (s, e) => rangeOfOffsets(lc, text, s, e), sections: [], unread: [], duplicates: [] };
  const { lines } = documentLines(text);
  const walker = new Walker(doc);
  for (const line of lines) walker.take(line);
  walker.finish(lines);
  return doc;
}

/** The state of the walk over the lines: where we are, the clause open for continuation lines. */
class Walker {
  private readonly byKey = new Map<string, SourceSection>();
  private section: SourceSection | undefined;
  private level: SourceLevel | null = null;
  /** The block under the last heading: the first numbering style seen, paragraphs waiting. */
  private style: string | undefined;
  private last: SourceClause | undefined;
  private pending: Line[] = [];
  private open: SourceClause | undefined;
  private unread: UnreadLine | undefined;
  private structured = false;

  constructor(private readonly doc: SourceDocument) {}

  take(l: Line): void {
    const k = l.kind;
    switch (k.kind) {
      case 'blank':
      case 'note':
      case 'toc':
      case 'page-header':
        // a note right after a clause that stops mid-sentence says where the stored copy was cut
        if (k.kind === 'note' && this.open && !SENTENCE_END.test(this.open.text)) this.open.cut = true;
        this.open = undefined;
        if (k.kind !== 'blank' || this.unread?.kind === 'unknown-numbering') this.unread = undefined;
        return;
      case 'separator':
      case 'section':
        this.startSection(k.title, l.text, k.kind === 'separator');
        return;
      case 'level':
        this.startLevel(k.level, l.text);
        return;
      case 'unknown-heading':
        this.closeBlock();
        this.level = null;
        this.markUnread(l, 'unknown-heading');
        return;
      case 'numbered':
        if (this.unread?.kind === 'unknown-heading') return this.extendUnread(l);
        this.unread = undefined;
        this.numbered(l, k.style, k.number, k.prefix);
        return;
      case 'unknown-numbering':
        if (this.unread?.kind === 'unknown-heading') return this.extendUnread(l);
        this.open = undefined;
        this.markUnread(l, 'unknown-numbering', k.token.trim());
        return;
      case 'text':
        if (this.unread) return this.extendUnread(l);
        if (this.open) this.extendClause(this.open, l);
        else this.pending.push(l);
    }
  }

  /** End of the document: the last block; a document with no structure at all is one block of paragraphs. */
  finish(lines: Line[]): void {
    this.closeBlock();
    if (!this.structured) {
      this.section = this.sectionFor('', '', false);
      this.pending = lines.filter((l) => l.kind.kind === 'text');
      this.closeBlock();
    }
  }

  private startSection(title: string, heading: string, separator: boolean): void {
    this.closeBlock();
    this.structured = true;
    this.section = this.sectionFor(title, separator ? title : heading, separator);
    this.section.headings.add(norm(heading));
    if (separator) this.section.headings.add(norm(title));
    this.level = null;
    this.unread = undefined;
  }

  private sectionFor(title: string, heading: string, separator: boolean): SourceSection {
    const key = norm(title);
    let section = this.byKey.get(key);
    if (!section) {
      section = { key, heading, headings: new Set(), separator, levels: new Map(), loose: [] };
      this.byKey.set(key, section);
      this.doc.sections.push(section);
    }
    return section;
  }

  private startLevel(n: Level, heading: string): void {
    this.closeBlock();
    this.structured = true;
    this.section ??= this.sectionFor('', '', false);
    this.level = this.section.levels.get(n) ?? null;
    if (!this.level) {
      this.level = { level: n, heading, clauses: [] };
      this.section.levels.set(n, this.level);
    }
    this.unread = undefined;
  }

  /** A heading ends the block: paragraphs under it are its clauses when it has no numbered ones. */
  private closeBlock(): void {
    if (this.style === undefined && this.section) {
      let n = 0;
      for (const p of this.pending) {
        if (LEAD_IN.test(p.text)) continue;
        const clause = this.clause(p, ++n, 'paragraph', p.lead);
        this.list().push(clause);
      }
    }
    this.pending = [];
    this.style = undefined;
    this.open = undefined;
    this.last = undefined;
  }

  private list(): SourceClause[] {
    return this.level ? this.level.clauses : this.section!.loose;
  }

  private clause(l: Line, number: number, layout: SourceClause['layout'], start: number): SourceClause {
    const text = this.doc.text.slice(start, l.trail);
    return { section: this.section!, level: this.level, number, layout, text, numberStart: l.lead, start, firstLineEnd: l.trail, end: l.trail, line: l.no, cut: text.includes('\uFFFD') };
  }

  private numbered(l: Line, style: string, number: number, prefix: number): void {
    this.structured = true;
    if (this.style !== undefined && style !== this.style && this.last) {
      // another style inside a block numbers sub-items: `3.申请材料` then `(1)…(2)…`
      this.extendClause(this.last, l);
      this.open = this.last;
      return;
    }
    this.style ??= style;
    this.section ??= this.sectionFor('', '', false);
    const clause = this.clause(l, number, 'numbered', l.lead + prefix);
    const list = this.list();
    const same = list.find((c) => c.layout === 'numbered' && c.number === number);
    this.open = clause;
    this.last = clause;
    if (same && same.text === clause.text) {
      this.open = undefined; // the same clause printed again on a new page
      this.last = same;
      return;
    }
    if (same) {
      const level = this.level?.heading ?? '—';
      this.doc.duplicates.push({ section: this.section.heading, level, clause: number, start: l.lead, end: l.trail });
    }
    list.push(clause);
  }

  /** A wrapped clause: the text runs on verbatim, line breaks included. */
  private extendClause(c: SourceClause, l: Line): void {
    c.text = this.doc.text.slice(c.start, l.trail);
    c.end = l.trail;
    // only the new line is looked at: a clause running on over many lines stays linear
    if (l.text.includes('\uFFFD')) c.cut = true;
  }

  private markUnread(l: Line, kind: UnreadLine['kind'], token?: string): void {
    // the numbering alone is shown and marked; a heading whole
    const end = token === undefined ? l.trail : l.lead + token.length;
    this.unread = { kind, text: token ?? l.text, start: l.lead, end, regionEnd: l.trail };
    this.doc.unread.push(this.unread);
  }

  private extendUnread(l: Line): void {
    this.unread!.regionEnd = l.trail;
  }
}

/** The level heading shown where the source has none (a sourceMap entry's level). */
export const levelWord = (level: Level): string => LEVEL_NAMES[level].zh;
