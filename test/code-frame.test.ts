// Code frames show at most MAX_FRAME_CHARS code points of the offending line, cut around the
// column with an ellipsis, the caret still under the column (CJK characters take two columns).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import type { Diagnostic } from '../compiler/diagnostics/diagnostics.js';
import { charWidth, MAX_FRAME_CHARS, renderDiagnostic } from '../compiler/diagnostics/render.js';
import { levelFiveClause, ruleFile, rulesDir } from './helpers.js';

function frame(line: string, col: number, endCol = col + 1): { text: string; caret: string } {
  const d: Diagnostic = { code: 'E_EMPTY', severity: 'error', file: 'r.yaml', range: { start: { line: 2, col }, end: { line: 2, col: endCol } } };
  const out = renderDiagnostic(d, { lang: 'en', color: false, source: `first\n${line}\nlast` }).split('\n');
  return { text: out[1].slice('2 | '.length), caret: out[2].slice('  | '.length) };
}

/** The character printed above the caret's first column. */
function aboveCaret(f: { text: string; caret: string }): string | undefined {
  const target = f.caret.indexOf('^');
  let w = 0;
  for (const ch of f.text) {
    if (w === target) return ch;
    w += charWidth(ch.codePointAt(0)!);
    if (w > target) return undefined; // the caret would sit in the middle of a wide character
  }
  return undefined;
}

describe('code frame of a long line', () => {
  for (const filler of ['a', '中']) {
    it(`${filler}: a line of ${MAX_FRAME_CHARS} code points is shown whole`, () => {
      const line = filler.repeat(149) + 'X' + filler.repeat(MAX_FRAME_CHARS - 150);
      const f = frame(line, 150);
      expect(f.text).toBe(line);
      expect(aboveCaret(f)).toBe('X');
    });

    it(`${filler}: one code point more is cut around the column, caret still under it`, () => {
      const line = filler.repeat(149) + 'X' + filler.repeat(MAX_FRAME_CHARS + 1 - 150);
      const f = frame(line, 150, 152);
      expect([...f.text].length).toBeLessThanOrEqual(MAX_FRAME_CHARS);
      expect(f.text).toContain('…');
      expect(aboveCaret(f)).toBe('X');
      expect(f.caret.trim()).toBe(filler === 'a' ? '^~' : '^~~'); // X and one filler underlined
    });

    it(`${filler}: a megabyte line prints a bounded frame, the column near the start, middle or end`, () => {
      const n = 1_000_000;
      for (const col of [1, 5000, n - 3, n]) {
        const line = filler.repeat(col - 1) + 'X' + filler.repeat(n - col);
        const f = frame(line, col, n + 1);
        expect([...f.text].length).toBeLessThanOrEqual(MAX_FRAME_CHARS);
        expect(aboveCaret(f)).toBe('X');
        expect(f.caret.length).toBeLessThanOrEqual(2 * MAX_FRAME_CHARS);
      }
    });
  }

  it('a control character in the shown line takes its column as U+FFFD', () => {
    const f = frame('\u001b[2Kab X', 8);
    expect(f.text).toBe('\ufffd[2Kab X');
    expect(aboveCaret(f)).toBe('X');
  });
});

describe('zige check on a 100,000-character expression', () => {
  it('prints a few hundred bytes, not the whole line', async () => {
    const dir = rulesDir({ 'long.yaml': ruleFile({ conditions: levelFiveClause('年龄 >= 16岁 或 '.repeat(10_000) + '年龄 >= 16岁') }) });
    let stderr = '';
    const code = await main(['check', dir], {
      out: () => undefined,
      err: (x) => void (stderr += `${x}\n`),
      readFile: (p) => readFileSync(p, 'utf8'),
      isTTY: false,
    });
    expect(code).toBe(1);
    expect(stderr).toContain('E_TOO_LONG');
    expect(stderr.length).toBeLessThan(2000);
  });
});
