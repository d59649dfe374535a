// Numbers as printed and units with a scale (issue 20, part D): parsing an expression whose number
// is plain (`100000km`) against the same one printed (`10万公里`, `100 000 km`, `1,200学时`), and
// checking it (exact conversion) — side by side, interleaved, in one run.
// Reproduce: npm run build && npx tsx bench/units.ts
import { parseExpression } from '../grammar/index.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkRuleText as checkText } from '../compiler/check-text.js';
import { fmtNs, race } from './measure.js';

const PLAIN = ['安全行车里程 >= 100000公里', '从业 本职业 >= 547天', '安全行车里程 >= 1000km 且 安全行车里程 < 100000km'];
const PRINTED = ['安全行车里程 >= 10万公里', '从业 本职业 >= 18个月', '安全行车里程 >= 0.1万公里 且 安全行车里程 < 100 000 km'];

const VOCABULARY = readFileSync(join(import.meta.dirname, '..', 'rules', 'vocabulary.yaml'), 'utf8');

/** A whole rule file around one expression, checked from text (the site's playground path): true when clean. */
function checkRuleText(when: string): boolean {
  const text = `id: bench-units\nname: 基准单位\nsource:\n  document: 基准\n  section: 一\n  text: |\n    一\n    五级\n    1. 条件。\nlevels: [5]\nconditions:\n  - level: 5\n    source: 五级\n    clauses:\n      - id: "1"\n        source: 条件。\n        when: ${when}\n`;
  return checkText({ file: 'bench.yaml', text, vocabulary: VOCABULARY }).occupation !== undefined;
}

const results = await race(
  [
    { name: 'parse, plain numbers', run: (i: number) => parseExpression(PLAIN[i % PLAIN.length]).ast !== undefined },
    { name: 'parse, numbers as printed', run: (i: number) => parseExpression(PRINTED[i % PRINTED.length]).ast !== undefined },
    { name: 'check, plain numbers', run: (i: number) => checkRuleText(PLAIN[i % PLAIN.length]) },
    { name: 'check, numbers as printed (exact conversion)', run: (i: number) => checkRuleText(PRINTED[i % PRINTED.length]) },
  ],
  [0, 1, 2],
  { rounds: 7, minMs: 200 },
);
const base = (name: string): number => results.get(name)!.median;
console.log('| what | per expression (median) | ratio to plain |');
console.log('|---|---|---|');
for (const [name, s] of results) {
  const plain = name.startsWith('parse') ? base('parse, plain numbers') : base('check, plain numbers');
  console.log(`| ${name} | ${fmtNs(s.median)} | ${(s.median / plain).toFixed(2)} |`);
}
