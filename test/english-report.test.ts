// `zige eval --lang en`: every clause a route line names comes with its English description (the
// Chinese report shows its source sentence there), in process through the CLI's main().
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { ROOT } from './helpers.js';

async function evalReport(args: string[]): Promise<string> {
  let stdout = '';
  let stderr = '';
  const code = await main(['eval', ...args], {
    out: (x) => void (stdout += `${x}\n`),
    err: (x) => void (stderr += `${x}\n`),
    readFile: (p) => readFileSync(p, 'utf8'),
    isTTY: false,
    errIsTTY: false,
  });
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return stdout;
}

/** The lines naming a clause: a route that holds, or the closest route. */
const clauseLines = (report: string): string[] => report.split('\n').filter((l) => /^ {6}✓ \d\/|^ {4}closest route: /.test(l));

describe('the English eval report', () => {
  it('describes each route it names in English, for every bundled occupation', async () => {
    const examples = ['applicant-live-streamer.yaml', 'applicant-no-education.json'];
    const lines: string[] = [];
    for (const example of examples) lines.push(...clauseLines(await evalReport([join(ROOT, 'examples', example), '--as-of', '2026-11-28', '--lang', 'en'])));
    expect(lines.length).toBeGreaterThan(20);
    for (const line of lines) {
      // after the local clause id, two spaces and a description, with no Chinese in it
      expect(line, line).toMatch(/(✓ |closest route: )\d\/\d+[a-z]?  [a-z(]/);
      expect(line, line).not.toMatch(/\p{Script=Han}/u);
    }
  });

  it('shows exactly what the clause requires', async () => {
    const report = await evalReport([join(ROOT, 'examples', 'applicant-live-streamer.yaml'), '--occupation', '互联网营销师', '--as-of', '2026-11-28', '--lang', 'en']);
    expect(clauseLines(report)).toEqual(
      expect.arrayContaining([
        // 从业 本职业或相关职业 >= 4年
        '      ✓ 4/2  cumulative work in this or a related occupation >= 4 years',
        // 取得 本职业或相关职业 四级 后 从业 本职业或相关职业 >= 3年 且 培训 本职业 三级 结业: a top-level 且 without parentheses
        '      ✓ 3/1  work in this or a related occupation after a level 4 (or higher) certificate of this or a related occupation >= 3 years; and level 3 training in this occupation with a completion certificate',
      ]),
    );
  });
});
