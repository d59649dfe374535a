// How source documents are printed: the numbering of clauses, the headings of sections and levels,
// and the lines that are no policy text (metadata header, `--- … ---` separators, editorial notes,
// tables of contents, repeated page headers). Declared once here as tables; `classifyLine` is the
// only reader of them (docs/rule-files.md, "Source layouts").
import { LEVEL_NAMES, LEVELS, type Level } from '../../runtime/words.js';

/** A style of clause numbering as printed: `1.`, `(1)`, `①` … */
export interface NumberingStyle {
  /** The style's name as shown in docs and diagnostics. */
  name: string;
  /** Matches the number at the start of a trimmed line; group 1 is the number. */
  pattern: RegExp;
  value: (token: string) => number;
}

const arabic = (t: string): number => Number(t);
const fromCodePoint = (first: number) => (t: string) => t.codePointAt(0)! - first + 1;

/** Every numbering of clauses trace reads. Two styles in one block: the second numbers sub-items. */
export const NUMBERING: readonly NumberingStyle[] = [
  // `1.`, `1．`, `1、` — not `2.2.4` (an outline heading)
  { name: '1.', pattern: /^(\d{1,3})\s*[.．、](?!\d)\s*/, value: arabic },
  { name: '(1)', pattern: /^[(（]\s*(\d{1,3})\s*[)）]\s*/, value: arabic },
  { name: '①', pattern: /^([\u2460-\u2473])\s*/, value: fromCodePoint(0x2460) },
  { name: '⑴', pattern: /^([\u2474-\u2487])\s*/, value: fromCodePoint(0x2474) },
  { name: '(a)', pattern: /^[(（]\s*([a-z])\s*[)）]\s*/, value: fromCodePoint(0x61) },
];

/**
 * What looks like numbering but is none of NUMBERING (`1)`, `A.`, `Ⅱ.`, `第三条`, `⒈`, `❶`): reported
 * as unrecognised numbering, never read as text of the clause before it.
 */
const NUMBERING_LIKE =
  /^(?:[(（]\s*(?:\d{1,3}|[A-Za-z]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ]+|[甲乙丙丁戊己庚辛壬癸])\s*[)）]|(?:\d{1,3}|[A-Za-z]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫⅰⅱⅲⅳⅴⅵⅶⅷⅸⅹ]+|[甲乙丙丁戊己庚辛壬癸])\s*[.．、)）](?!\d)|第[一二三四五六七八九十百零〇\d]+[条款项]|[\u2488-\u249B\u2776-\u2793\u24B6-\u24E9])/;

/** A heading that starts a section: an occupation, a chapter of a standard. Group 2 is its title. */
export const SECTION_HEADINGS: readonly { name: string; pattern: RegExp }[] = [
  { name: '一、', pattern: /^([一二三四五六七八九十]+)\s*[、．.]\s*(\S.*)$/ },
  { name: '（一）', pattern: /^[(（]\s*([一二三四五六七八九十]+)\s*[)）]\s*(\S.*)$/ },
  { name: '2.2.4', pattern: /^(\d+(?:\.\d+)+)\s+(\D.*)$/ },
];

/** Words naming a level in a heading, longest first: 五级, 初级工, 初级 … (from runtime/words.ts). */
export const LEVEL_WORDS: readonly { word: string; level: Level }[] = LEVELS.flatMap((level) => {
  const { zh, title } = LEVEL_NAMES[level];
  return [...new Set([zh, title, title.replace(/工$/, '')])].map((word) => ({ word, level }));
}).sort((a, b) => b.word.length - a.word.length);

const LEVEL_WORD = `(?:${LEVEL_WORDS.map((w) => w.word).join('|')}|[一二三四五六七八九十\\d]+级)`;
/** A level word followed by no Han character (高级技师 in 高级技师学院 is none). */
const LEVEL_WORD_IN_TEXT = new RegExp(`${LEVEL_WORD}(?!\\p{Script=Han})`, 'gu');
/** A word that may be a level's name in a heading: a level word, or up to four Han characters (特级工). */
const NAME_TOKEN = `(?:${LEVEL_WORD}|\\p{Script=Han}{1,4})`;
/**
 * A heading that is names alone (`四级/中级工`, `初级`, `技师`, `初级（五级）`, `——五级：`), optionally
 * followed by a short label that is no sentence (`五级 申报条件(具备以下条件之一者)`). It is a level
 * heading when one of the names is a level word (`受理条件` alone is none).
 */
const LEVEL_HEADING = new RegExp(
  `^(?:[—－-]+\\s*)?(${NAME_TOKEN}(?:\\s*[/／、]\\s*${NAME_TOKEN}|\\s*[(（]\\s*${NAME_TOKEN}\\s*[)）])*)(?:\\s*[:：]?\\s*$|[\\s(（][^。；;]*$)`,
  'u',
);
const HAS_LEVEL_WORD = new RegExp(LEVEL_WORD, 'u');

/** Lines that are no policy text. */
const SEPARATOR = /^-{3,}\s*(.*?)\s*-{3,}$/;
/** `TITLE: …`, `SOURCE: …`: the metadata header at the top of a stored copy. */
export const HEADER_LINE = /^[A-Z][A-Z ]*[A-Z]:\s/;
/** A whole line in ASCII brackets: a note of whoever stored the text (`[store truncates here]`). */
const EDITORIAL = /^\[[^\]]*\]$/;
const TOC_ENTRY = /(?:\.{2,}|…|·{2,})[\s.…·]*\d+$/;
/** The occupation's header printed again on every page: `学历要求：…`, `(一) 工种：…`, `(二) 级别：…`. */
const PAGE_HEADER = /^(?:[(（]\s*[一二三四五六七八九十]+\s*[)）]\s*(?:工种|级别)|学历要求)/;
/** A lead-in ends with a colon: `具备以下条件之一者：` introduces clauses, it is none. */
export const LEAD_IN = /[:：]$/;
/** How a complete clause ends; one stopping otherwise before a `[…]` note was cut there. */
export const SENTENCE_END = /[。；;.!?！？)）”」]$/;
/** A clause's first line that is a short title with more lines below it (`1.受理条件`): no condition. */
export const TITLE_LINE = /^[^。；;，,：:\n]{1,12}\n/;

export type LineKind =
  | { kind: 'blank' | 'note' | 'toc' | 'page-header' | 'text' }
  | { kind: 'separator'; title: string }
  | { kind: 'section'; title: string }
  | { kind: 'level'; level: Level }
  | { kind: 'unknown-heading' }
  | { kind: 'numbered'; style: string; number: number; prefix: number }
  | { kind: 'unknown-numbering'; token: string };

/** What a trimmed line of a source document is. */
export function classifyLine(line: string): LineKind {
  if (line === '') return { kind: 'blank' };
  if (EDITORIAL.test(line)) return { kind: 'note' };
  if (TOC_ENTRY.test(line)) return { kind: 'toc' };
  if (PAGE_HEADER.test(line)) return { kind: 'page-header' };
  const sep = SEPARATOR.exec(line);
  if (sep) return { kind: 'separator', title: sep[1] };
  for (const h of SECTION_HEADINGS) {
    const m = h.pattern.exec(line);
    if (m) return { kind: 'section', title: m[2] };
  }
  const heading = LEVEL_HEADING.exec(line);
  if (heading && HAS_LEVEL_WORD.test(heading[1])) return levelOfNames(heading[1]);
  for (const style of NUMBERING) {
    const m = style.pattern.exec(line);
    if (m) return { kind: 'numbered', style: style.name, number: style.value(m[1]), prefix: m[0].length };
  }
  // a sentence ending in a colon that names a level: `具备以下条件之一者，可申报五级：`
  if (LEAD_IN.test(line) && line.match(LEVEL_WORD_IN_TEXT)) return levelOf(line);
  const like = NUMBERING_LIKE.exec(line);
  if (like) return { kind: 'unknown-numbering', token: like[0] };
  return { kind: 'text' };
}

/** The one level all names of a heading name; a name that is no level word, or two levels, is unrecognised. */
function levelOfNames(names: string): LineKind {
  const levels = new Set(names.split(/[/／、()（）\s]+/u).filter((n) => n !== '').map((n) => LEVEL_WORDS.find((w) => w.word === n)?.level));
  const [only] = levels;
  return levels.size === 1 && only !== undefined ? { kind: 'level', level: only } : { kind: 'unknown-heading' };
}

/** The one level the level words of a sentence name; an unknown level word or two levels is unrecognised. */
function levelOf(text: string): LineKind {
  const levels = new Set<Level | undefined>();
  for (const [word] of text.matchAll(LEVEL_WORD_IN_TEXT)) levels.add(LEVEL_WORDS.find((w) => w.word === word)?.level);
  const [only] = levels;
  return levels.size === 1 && only !== undefined ? { kind: 'level', level: only } : { kind: 'unknown-heading' };
}
