// Rendering a diagnostic for a terminal: `file:line:col: error[CODE]: message`, an optional English
// line, and a code frame whose caret is aligned by display width (CJK characters are two columns).
import { styleText } from 'node:util';
import type { Diagnostic } from './diagnostics.js';
import { formatMessage } from './messages.js';
import type { OutputLang } from '../../runtime/words.js';
import { sanitize } from './sanitize.js';

export interface RenderOptions {
  lang: OutputLang;
  /** The text of the file the diagnostic's range refers to; enables the code frame. */
  source?: string;
  color: boolean;
}

// [from, to] code point ranges of East Asian Wide (W) and Fullwidth (F) characters.
const WIDE: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], // Hangul Jamo initial consonants
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x23f0, 0x23f0],
  [0x23f3, 0x23f3],
  [0x25fd, 0x25fe],
  [0x2614, 0x2615],
  [0x2648, 0x2653],
  [0x267f, 0x267f],
  [0x2693, 0x2693],
  [0x26a1, 0x26a1],
  [0x26aa, 0x26ab],
  [0x26bd, 0x26be],
  [0x26c4, 0x26c5],
  [0x26ce, 0x26ce],
  [0x26d4, 0x26d4],
  [0x26ea, 0x26ea],
  [0x26f2, 0x26f3],
  [0x26f5, 0x26f5],
  [0x26fa, 0x26fa],
  [0x26fd, 0x26fd],
  [0x2705, 0x2705],
  [0x270a, 0x270b],
  [0x2728, 0x2728],
  [0x274c, 0x274c],
  [0x274e, 0x274e],
  [0x2753, 0x2755],
  [0x2757, 0x2757],
  [0x2795, 0x2797],
  [0x27b0, 0x27b0],
  [0x27bf, 0x27bf],
  [0x2b1b, 0x2b1c],
  [0x2b50, 0x2b50],
  [0x2b55, 0x2b55],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // Hiragana, Katakana, Bopomofo, Hangul compatibility Jamo, Kanbun, CJK strokes, enclosed, compatibility
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f], // Hangul Jamo Extended-A
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK Compatibility Ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // fullwidth forms
  [0xffe0, 0xffe6], // fullwidth signs
  [0x16fe0, 0x16fe4],
  [0x17000, 0x18cff], // Tangut
  [0x1b000, 0x1b2ff], // Kana supplement/extended, Nushu
  [0x1f004, 0x1f004],
  [0x1f0cf, 0x1f0cf],
  [0x1f18e, 0x1f18e],
  [0x1f191, 0x1f19a],
  [0x1f200, 0x1f251], // enclosed ideographic supplement
  [0x1f260, 0x1f265],
  [0x1f300, 0x1f64f], // pictographs, emoticons
  [0x1f680, 0x1f6ff], // transport and map symbols
  [0x1f7e0, 0x1f7eb],
  [0x1f90c, 0x1f9ff], // supplemental symbols and pictographs
  [0x1fa70, 0x1faff],
  [0x20000, 0x2fffd], // CJK Extensions B–F, compatibility supplement
  [0x30000, 0x3fffd], // CJK Extension G and later
];

// [from, to] ranges of characters that take no column (combining marks, zero-width characters).
const ZERO: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f],
  [0x0483, 0x0489],
  [0x0591, 0x05bd],
  [0x0610, 0x061a],
  [0x064b, 0x065f],
  [0x0e31, 0x0e31],
  [0x0e34, 0x0e3a],
  [0x0e47, 0x0e4e],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x200b, 0x200f],
  [0x2028, 0x202e],
  [0x2060, 0x2064],
  [0x20d0, 0x20ff],
  [0x302a, 0x302d],
  [0x3099, 0x309a],
  [0xfe00, 0xfe0f], // variation selectors
  [0xfe20, 0xfe2f],
  [0xfeff, 0xfeff],
  [0xe0100, 0xe01ef],
];

function inRanges(cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (cp < ranges[mid][0]) hi = mid - 1;
    else if (cp > ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Terminal columns taken by one code point: 0, 1 or 2 (tabs count 1). */
export function charWidth(cp: number): number {
  if (cp === 0x09) return 1;
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  if (cp < 0x300) return 1;
  if (inRanges(cp, ZERO)) return 0;
  return inRanges(cp, WIDE) ? 2 : 1;
}

/** Terminal columns taken by a string. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += charWidth(ch.codePointAt(0)!);
  return w;
}

type Style = 'bold' | 'red' | 'yellow' | 'blue' | 'dim';

/**
 * `s` in the given styles when `on`, through Node's styleText. Whether to colour is the caller's
 * decision (the CLI's is cli/output.ts useColor), so styleText's own check of stdout is off; one
 * style per call, as arrays of styles need a newer Node than 20.12.
 */
function paint(on: boolean, styles: readonly Style[], s: string): string {
  return on ? styles.reduceRight((t, style) => styleText(style, t, { validateStream: false }), s) : s;
}

function sourceLine(source: string, line: number): string | undefined {
  const lines = source.split('\n');
  const l = lines[line - 1];
  return l === undefined ? undefined : l.replace(/\r$/, '');
}

/** Code points of a source line a frame shows at most, ellipses included. */
export const MAX_FRAME_CHARS = 200;
/** Code points shown before the column when a long line is cut. */
const FRAME_CONTEXT = 40;
const ELLIPSIS = '…';

/**
 * The part of a line a frame shows: all of it when it fits, else a window around the start column
 * cut with an ellipsis on each cut side (one long line must not print megabytes).
 */
function frameWindow(length: number, startIdx: number): { from: number; to: number } {
  if (length <= MAX_FRAME_CHARS) return { from: 0, to: length };
  const from = Math.max(0, Math.min(startIdx - FRAME_CONTEXT, length - (MAX_FRAME_CHARS - 1)));
  let to = from + MAX_FRAME_CHARS - (from > 0 ? 1 : 0);
  if (to < length) to -= 1;
  return { from, to: Math.min(to, length) };
}

/** The code frame lines for a range: the source line with a gutter, and a caret under the range. */
function codeFrame(d: Diagnostic, source: string, color: boolean): string[] {
  const r = d.range!;
  const text = sourceLine(source, r.start.line);
  if (text === undefined) return [];
  const cps = [...text];
  const startIdx = Math.max(0, Math.min(r.start.col - 1, cps.length));
  let endIdx: number;
  if (r.end.line === r.start.line) endIdx = Math.max(startIdx, Math.min(r.end.col - 1, cps.length));
  else endIdx = cps.length; // a range over several lines is underlined to the end of its first line
  const { from, to } = frameWindow(cps.length, startIdx);
  // widths of what is printed: sanitised characters (a control shown as U+FFFD takes a column)
  const head = from > 0 ? ELLIPSIS : '';
  const before = head + sanitize(cps.slice(from, startIdx).join(''));
  const range = sanitize(cps.slice(startIdx, Math.min(endIdx, to)).join(''));
  const shown = before + range + sanitize(cps.slice(Math.min(endIdx, to), to).join('')) + (to < cps.length ? ELLIPSIS : '');
  const under = Math.max(1, displayWidth(range));
  const gutter = String(r.start.line);
  const pad = ' '.repeat(gutter.length);
  const caretColor = d.severity === 'warning' ? 'yellow' : 'red';
  return [
    `${paint(color, ['blue'], `${gutter} |`)} ${shown}`,
    `${paint(color, ['blue'], `${pad} |`)} ${' '.repeat(displayWidth(before))}${paint(color, ['bold', caretColor], '^' + '~'.repeat(under - 1))}`,
  ];
}

/**
 * Renders one diagnostic. Ranged: `file:line:col: error[CODE]: message` and a code frame when the
 * source is given; profile diagnostics (a path, no range): `file: error[CODE] at <path>: message`.
 */
export function renderDiagnostic(d: Diagnostic, options: RenderOptions): string {
  const { lang, color } = options;
  const primary = sanitize(formatMessage(d, lang === 'en' ? 'en' : 'zh'));
  const severity = paint(color, ['bold', d.severity === 'warning' ? 'yellow' : 'red'], `${d.severity}[${d.code}]`);
  const file = d.file !== undefined ? sanitize(d.file) : undefined;
  let head: string;
  if (d.range) {
    const where = `${file !== undefined ? `${file}:` : ''}${d.range.start.line}:${d.range.start.col}`;
    head = `${paint(color, ['bold'], where)}: ${severity}: ${paint(color, ['bold'], primary)}`;
  } else if (d.path !== undefined) {
    const at = d.path === '' ? '(root)' : sanitize(d.path);
    head = `${file !== undefined ? `${paint(color, ['bold'], file)}: ` : ''}${severity} at ${paint(color, ['bold'], at)}: ${paint(color, ['bold'], primary)}`;
  } else {
    head = `${file !== undefined ? `${paint(color, ['bold'], file)}: ` : ''}${severity}: ${paint(color, ['bold'], primary)}`;
  }
  const lines = [head];
  if (lang === 'both') lines.push(`    ${paint(color, ['dim'], sanitize(formatMessage(d, 'en')))}`);
  if (d.suggestions && d.suggestions.length > 0) {
    const names = d.suggestions.map(sanitize);
    const zh = `是否想写：${names.join('、')}？`;
    const en = `did you mean: ${names.join(', ')}?`;
    lines.push(`    ${lang === 'en' ? en : lang === 'zh' ? zh : `${zh} / ${en}`}`);
  }
  if (d.range && options.source !== undefined) lines.push(...codeFrame(d, options.source, color));
  return lines.join('\n');
}
