// The language's words are declared once (runtime/words.ts): a spelling added to the word table
// before the modules that use it are loaded reaches the lexer, the parser and visitor, the
// printer, `zige fmt --lang en`, keyword-language detection and the checker's scope texts, with
// no other edit. Any module keeping its own copy of a spelling would miss it.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { RULES, scratch } from './helpers.js';

type MutableTable = Record<string, { zh: string[]; en: string[] }>;

// The extended modules must not outlive this file: test files may share a worker's module registry.
afterAll(() => {
  vi.resetModules();
});

/** Fresh copies of the modules, built from the word table as `extend` leaves it. */
async function loadWith(extend: (table: MutableTable) => void) {
  vi.resetModules();
  const words = await import('../runtime/words.js');
  extend(words.WORDS as unknown as MutableTable);
  return {
    tokens: await import('../grammar/tokens.js'),
    grammar: await import('../grammar/index.js'),
    lang: await import('../compiler/expression-lang.js'),
    resolve: await import('../compiler/passes/resolve-expression.js'),
    vocabulary: await import('../compiler/load/vocabulary.js'),
    messages: await import('../compiler/diagnostics/messages.js'),
    cli: await import('../cli/main.js'),
  };
}

async function runCli(main: (argv: string[], io: import('../cli/output.js').Io) => Promise<number>, args: string[]): Promise<{ code: number; err: string }> {
  let err = '';
  const code = await main(args, { out: () => {}, err: (x) => void (err += `${x}\n`), readFile: (p) => readFileSync(p, 'utf8'), isTTY: false, errIsTTY: false });
  return { code, err };
}

describe('one table of the language words', () => {
  it('a new English spelling in the table is lexed, parsed, printed, converted by fmt --lang en and named in scope messages', async () => {
    const m = await loadWith((table) => {
      table.AfterEnd.en.push('then'); // 后 had no English spelling: English wrote nothing
      table.ScopeSameOrRelatedMajor.en.unshift('own-or-related-major'); // a new printed spelling
    });

    // lexer
    const names = (text: string) => m.tokens.lexer.tokenize(text).tokens.map((t) => t.tokenType.name);
    expect(names('then own-or-related-major same-or-related-major')).toEqual(['AfterEnd', 'ScopeSameOrRelatedMajor', 'ScopeSameOrRelatedMajor']);

    // parser and visitor: the new spellings mean what the Chinese ones mean
    const ast = (text: string) => {
      const r = m.grammar.parseExpression(text);
      expect(r.diagnostics).toEqual([]);
      return m.lang.stripRanges(r.ast);
    };
    const en = 'graduated 大专 own-or-related-major and after same level 4 then experience same >= 2 years';
    expect(ast(en)).toEqual(ast('毕业 大专 本专业或相关专业 且 取得 本职业 level 4 后 从业 本职业 >= 2 years'));

    // printer
    const parsed = m.grammar.parseExpression('毕业 大专 本专业或相关专业 且 取得 本职业 level 4 后 从业 本职业 >= 2 years').ast!;
    expect(m.grammar.printExpression(parsed, { lang: 'en' })).toBe(en);
    expect(m.lang.keywordLanguage([en])).toBe('en');

    // the checker's scope texts: a major scope where an occupation scope belongs
    const vocabulary = m.vocabulary.parseVocabulary(readFileSync(join(RULES, 'vocabulary.yaml'), 'utf8'));
    const out: Parameters<typeof m.resolve.resolveExpression>[2] = [];
    m.resolve.resolveExpression(m.grammar.parseExpression('学徒期满 本职业').ast!, { vocabulary, levels: [5] }, out);
    expect(out).toEqual([]);
    m.resolve.resolveExpression(m.grammar.parseExpression('持有 本专业 四级').ast!, { vocabulary, levels: [5] }, out);
    expect(out.map((d) => d.code)).toEqual(['E_SCOPE_OCCUPATION']);
    m.resolve.resolveExpression(m.grammar.parseExpression('毕业 大专 same').ast!, { vocabulary, levels: [5] }, out);
    expect(m.messages.formatMessage({ code: out[1].code, args: out[1].args }, 'en')).toContain('(same-major, related-major, own-or-related-major)');

    // zige fmt --lang en, and back
    const dir = scratch('word-table');
    const file = join(dir, 'network-security-admin.yaml');
    copyFileSync(join(RULES, 'network-security-admin.yaml'), file);
    copyFileSync(join(RULES, 'vocabulary.yaml'), join(dir, 'vocabulary.yaml'));
    const original = readFileSync(file, 'utf8');
    expect((await runCli(m.cli.main, ['fmt', '--lang', 'en', file])).code).toBe(0);
    const english = readFileSync(file, 'utf8');
    expect(english).toContain('when: graduated technical-school own-or-related-major incl-final-year');
    expect(english).toContain('after related level 5 then experience same-or-related >= 3 years');
    expect(english).not.toMatch(/ 后 |本专业或相关专业 含应届/);
    expect((await runCli(m.cli.main, ['fmt', '--lang', 'zh', file])).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(original);
  });

  it('a spelling that begins another keyword is lexed as the longer keyword wherever the table puts it', async () => {
    // 从业 begins 从业者 and `exp` begins `experience`: the lexer must try the longer spelling first.
    const m = await loadWith((table) => {
      table.Holds.zh.push('从业者持有');
      table.Experience.en.push('exp');
    });
    const names = (text: string) => m.tokens.lexer.tokenize(text).tokens.map((t) => t.tokenType.name);
    expect(names('从业者持有 从业 exp experience')).toEqual(['Holds', 'Experience', 'Experience', 'Experience']);
    expect(m.grammar.parseExpression('从业者持有 四级').diagnostics).toEqual([]);
  });
});
