// The runtime's evaluation semantics in one place each (issue 16, item 4): functions of at most
// 80 lines, the education requirement combined with a clause only in gate.ts, level results built
// by one function, explanation words apart from the evaluation, scratch state only in scratch.ts,
// and no exports nothing uses.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instantiate } from '../compiler/generate/instantiate.js';
import * as api from '../index.js';
import * as runtime from '../runtime/index.js';
import { evaluateOccupation, type Profile } from '../runtime/index.js';
import { check, ROOT, RULES } from './helpers.js';

const DIR = join(ROOT, 'runtime');
const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
const source = (f: string): string => readFileSync(join(DIR, f), 'utf8');
/** The code without comments (line and block; the runtime writes no `//` inside strings but URLs, which it has none of). */
const code = (f: string): string => source(f).replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

/** The name of the top-level function each match of `pattern` in `text` is in. */
function enclosingFunctions(text: string, pattern: RegExp): string[] {
  const names: string[] = [];
  for (const m of text.matchAll(pattern)) {
    const before = text.slice(0, m.index);
    const heads = [...before.matchAll(/^(?:export )?function (\w+)/gm)];
    names.push(heads.at(-1)?.[1] ?? '(top level)');
  }
  return names;
}

describe('runtime structure', () => {
  it('combines the education requirement with a clause only in gate.ts', () => {
    for (const f of files.filter((f) => f !== 'gate.ts')) {
      expect([f, code(f).match(/\.credential\(|\.requirement\(|requirement \? \w+\.requirement/g)]).toEqual([f, null]);
    }
  });

  it('builds level results in one function', () => {
    const built = files.flatMap((f) => enclosingFunctions(code(f), /occupation: meta\.name/g).map((name) => `${f} ${name}`));
    expect(new Set(built)).toEqual(new Set(['evaluate.ts levelResult']));
  });

  it('words explanations in explain-text.ts only: explain.ts and evaluate.ts build no Chinese sentence', () => {
    expect(code('explain.ts')).not.toMatch(/[\u4e00-\u9fff]/);
    // evaluate.ts says Chinese only in its errors (EvaluationError).
    const evaluate = code('evaluate.ts').replace(/new EvaluationError\([\s\S]*?\);/g, '');
    expect(evaluate).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it('keeps module-level scratch state in scratch.ts only', () => {
    for (const f of files.filter((f) => f !== 'scratch.ts' && f !== 'dates.ts')) {
      // No reassigned module variable, no module-level list or record written by evaluations.
      expect([f, code(f).match(/^(?:export )?let \w+/gm)]).toEqual([f, null]);
      expect([f, code(f).match(/^(?:export )?const [A-Z_]+: (?!never\b|readonly )[\w<>, ]+(\[\])+ = \[\];/gm)]).toEqual([f, null]);
    }
    // dates.ts keeps the last formatted day: a memo, right whatever calls it, not scratch.
    expect(code('dates.ts').match(/^let \w+/gm)).toEqual(['let lastDay', 'let lastText']);
    expect(source('scratch.ts')).toMatch(/not reentrant/);
  });

  it('exports nothing that nothing uses', () => {
    for (const name of ['earliestDate', 'EARLIEST_HORIZON_DAYS', 'levelsToReport', 'prepare', 'projectFacts', 'formatDays', 'measureExperience', 'measureExperienceAfter', 'matchSchool', 'ageOn']) {
      expect([name, name in runtime]).toEqual([name, false]);
    }
    const unused = ['MAX_EXPRESSION_LENGTH', 'compareDiagnostics', 'displayWidth', 'toJsonDiagnostic', 'checkRules', 'listRuleFiles', 'compileToStrings', 'schemaComment', 'schemaCommentDiagnostic', 'normalizeName', 'todayInShanghai'];
    for (const name of unused) expect([name, name in api]).toEqual([name, false]);
  });
});

describe('level results', () => {
  const rules = check(RULES).rules!;
  const profiles: Profile[] = [
    { education: [{ level: '高中', status: '毕业' }], work: [{ occupation: '互联网营销师', from: '2015-03-01' }] },
    { education: [{ level: '初中', status: '毕业' }], work: [{ occupation: '互联网营销师', years: 2 }], certificates: [{ occupation: '互联网营销师', level: 4, kind: '技能等级证书' }] },
    { work: [{ occupation: '人工智能训练师', from: '2024-01-01' }] },
  ];

  it('are the same in the fast and the explained path, field for field and in the same order', () => {
    for (const occupation of rules.occupations) {
      const occ = instantiate(occupation);
      for (const profile of profiles) {
        const fast = evaluateOccupation(occ, profile, { asOf: '2026-11-28', explain: false });
        const explained = evaluateOccupation(occ, profile, { asOf: '2026-11-28' });
        expect(explained.map((r) => Object.fromEntries(Object.entries(r).slice(0, Object.keys(fast[0]).length)))).toEqual(fast);
        // (an occupation with preconditions or a registration window adds them at the end)
        expect(explained.map((r) => JSON.stringify(Object.keys(r).filter((k) => k !== 'preconditions' && k !== 'registration')))).toEqual(
          fast.map((r) => JSON.stringify([...Object.keys(r), 'missing', 'earliest', 'ask', 'evidence', 'requirement'])),
        );
      }
    }
  });
});
