import { describe, expect, it } from 'vitest';
import { parseExpression, printExpression, type Expr } from '../grammar/index.js';
import { RuleParser } from '../grammar/parser.js';
import { lexer } from '../grammar/tokens.js';

/** The AST without ranges, for comparing parses of different texts. */
function shape(e: unknown): unknown {
  if (Array.isArray(e)) return e.map(shape);
  if (e && typeof e === 'object') {
    return Object.fromEntries(Object.entries(e).filter(([k]) => k !== 'range').map(([k, v]) => [k, shape(v)]));
  }
  return e;
}

function ast(text: string): Expr {
  const r = parseExpression(text);
  expect(r.diagnostics).toEqual([]);
  return r.ast!;
}

function tokens(text: string): string[] {
  return lexer.tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`);
}

describe('grammar self-checks', () => {
  it('passes Chevrotain grammar validations', () => {
    // Chevrotain 13 validates with Object.groupBy (Node 21+); production skips validations.
    const g = Object as unknown as { groupBy?: unknown };
    const had = g.groupBy;
    if (!had) {
      g.groupBy = <T>(items: Iterable<T>, key: (t: T) => PropertyKey) => {
        const out: Record<PropertyKey, T[]> = Object.create(null);
        for (const item of items) (out[key(item)] ??= []).push(item);
        return out;
      };
    }
    try {
      expect(() => new RuleParser({ skipValidations: false })).not.toThrow();
    } finally {
      if (!had) delete g.groupBy;
    }
  });
});

describe('words and keywords', () => {
  it('never splits a name at a keyword inside it', () => {
    expect(tokens('非织造')).toEqual(['Name:非织造']);
    expect(tokens('技师学院')).toEqual(['Name:技师学院']);
    expect(tokens('高级技工学校')).toEqual(['Name:高级技工学校']);
    expect(tokens('orange')).toEqual(['Identifier:orange']);
    expect(tokens('android')).toEqual(['Identifier:android']);
  });

  it('lexes a standalone keyword as the keyword', () => {
    expect(tokens('非 织造')).toEqual(['Not:非', 'Name:织造']);
    expect(tokens('且 并且 and 或 or not')).toEqual(['And:且', 'And:并且', 'And:and', 'Or:或', 'Or:or', 'Not:not']);
  });

  it('splits a trailing 及以上 from a name', () => {
    expect(tokens('大专及以上')).toEqual(['Name:大专', 'OrHigher:及以上']);
    expect(tokens('大专 及以上')).toEqual(['Name:大专', 'OrHigher:及以上']);
  });

  it('prefers the longest scope keyword', () => {
    expect(tokens('本职业或相关职业 本职业 相关职业')).toEqual([
      'ScopeSameOrRelated:本职业或相关职业',
      'ScopeSame:本职业',
      'ScopeRelated:相关职业',
    ]);
    expect(tokens('same-or-related same related-major')).toEqual([
      'ScopeSameOrRelated:same-or-related',
      'ScopeSame:same',
      'ScopeRelatedMajor:related-major',
    ]);
  });

  it('accepts full-width parentheses and ≥ ≤', () => {
    expect(shape(ast('（学徒期满） 或 从业 ≥ 3年'))).toEqual(shape(ast('(学徒期满) 或 从业 >= 3年')));
    expect(shape(ast('从业 ≤ 3年'))).toEqual(shape(ast('从业 <= 3年')));
  });
});

describe('every construct, in both keyword sets', () => {
  const pairs: [string, string][] = [
    ['从业 本职业或相关职业 >= 4年', 'experience same-or-related >= 4 年'],
    ['累计从业 本职业 > 1年', 'cumulative experience same > 1 年'],
    ['连续从业 相关职业 >= 2年', 'continuous experience related >= 2 年'],
    ['取得 本职业或相关职业 四级 后 从业 本职业或相关职业 >= 3年', 'after same-or-related 四级 experience same-or-related >= 3 年'],
    ['持有 本职业或相关职业 四级', 'holds same-or-related 四级'],
    ['持有 本职业或相关职业 预备技师证书', 'holds same-or-related 预备技师证书'],
    ['培训 本职业 四级 结业', 'training same 四级 completed'],
    ['培训 本职业 四级 考试合格', 'training same 四级 exam-passed'],
    ['学徒期满 本职业或相关职业', 'apprenticeship same-or-related'],
    ['毕业 技工学校 本专业或相关专业 含应届', 'graduated 技工学校 same-or-related-major incl-final-year'],
    ['毕业 中等职业学校 及以上 目标 中级 本专业或相关专业 含应届', 'graduated 中等职业学校 or-higher target 中级 same-or-related-major incl-final-year'],
    ['学历 大专 及以上 本专业或相关专业', 'education 大专 or-higher same-or-related-major'],
    ['在校 高等院校 本专业或相关专业', 'enrolled 高等院校 same-or-related-major'],
    ['毕业 技工学校 高级工班 及以上', 'graduated 技工学校 高级工班 or-higher'],
    ['年龄 >= 16岁', '年龄 >= 16 岁'],
    ['学徒期满 且 非 持有 四级 或 从业 >= 1年', 'apprenticeship and not holds 四级 or experience >= 1 年'],
  ];
  for (const [zh, en] of pairs) {
    it(`${zh}  ⇔  ${en}`, () => {
      expect(shape(ast(zh))).toEqual(shape(ast(en)));
    });
  }

  it('builds the typed AST for an experience-after clause', () => {
    expect(shape(ast('取得 本职业或相关职业 四级/中级工 后 从业 本职业或相关职业 >= 3年'))).toEqual({
      kind: 'ExperienceAfter',
      certScope: { kind: 'Scope', value: 'same-or-related' },
      level: { kind: 'Name', text: '四级', alt: '中级工' },
      experience: {
        kind: 'Experience',
        mode: 'cumulative',
        explicitMode: false,
        workKind: null,
        scope: { kind: 'Scope', value: 'same-or-related' },
        cmp: '>=',
        value: { kind: 'Quantity', value: 3, unit: '年' },
      },
    });
  });

  it('accepts level N as a level', () => {
    expect(shape(ast('holds level 4'))).toEqual({ kind: 'Holds', scope: null, what: { kind: 'LevelNumber', level: 4 } });
  });

  it('binds 且 tighter than 或 and 非 tighter than both', () => {
    const e = ast('学徒期满 或 持有 四级 且 非 持有 三级');
    expect(e.kind).toBe('Or');
    if (e.kind !== 'Or') return;
    expect(e.items[1].kind).toBe('And');
    if (e.items[1].kind !== 'And') return;
    expect(e.items[1].items[1].kind).toBe('Not');
  });

  it('keeps exact source ranges on nodes', () => {
    const text = '持有 四级 且 从业 >= 3年';
    const e = ast(text);
    if (e.kind !== 'And') throw new Error('expected And');
    const [holds, exp] = e.items;
    expect(text.slice(holds.range.start, holds.range.end)).toBe('持有 四级');
    expect(text.slice(exp.range.start, exp.range.end)).toBe('从业 >= 3年');
  });
});

describe('printer', () => {
  const samples = [
    '取得 本职业或相关职业 五级 后 从业 本职业或相关职业 >= 3年',
    '(毕业 高级技工学校 含应届 或 毕业 技师学院 含应届) 且 持有 本职业或相关职业 四级',
    '非 (学徒期满 或 持有 level 4)',
    '从业 >= 2年 且 培训 本职业 四级 结业 或 学历 大专 及以上 本专业或相关专业',
    '毕业 技工学校 高级工班 及以上 目标 高级 本专业 含应届',
    '累计从业 >= 30天',
  ];
  for (const s of samples) {
    it(`round-trips: ${s}`, () => {
      const first = ast(s);
      const zh = printExpression(first, { lang: 'zh' });
      expect(shape(ast(zh))).toEqual(shape(first));
      const en = printExpression(first, { lang: 'en' });
      expect(shape(ast(en))).toEqual(shape(first));
    });
  }

  it('prints canonical spacing and parentheses only where needed', () => {
    expect(printExpression(ast('((学徒期满))  且(持有 四级 或 持有 三级)'))).toBe('学徒期满 且 (持有 四级 或 持有 三级)');
    expect(printExpression(ast('holds level 4 and experience>=3 years'), { lang: 'en' })).toBe('holds level 4 and experience >= 3 years');
  });
});

describe('errors are diagnostics with ranges, never exceptions', () => {
  it('reports an unexpected token at its offsets', () => {
    const r = parseExpression('持有 且 四级');
    expect(r.ast).toBeUndefined();
    expect(r.diagnostics).toMatchObject([{ code: 'E_SYNTAX', range: { start: 3, end: 4 } }]);
  });

  it('reports an incomplete expression at its end', () => {
    const text = '持有 四级 且';
    expect(parseExpression(text).diagnostics).toMatchObject([{ code: 'E_SYNTAX_EOF', range: { start: text.length, end: text.length } }]);
  });

  it('reports an unknown character', () => {
    expect(parseExpression('持有 四级 # 注释').diagnostics).toMatchObject([{ code: 'E_LEX', range: { start: 6, end: 7 } }]);
  });

  it('reports unbalanced parentheses', () => {
    expect(parseExpression('(学徒期满').diagnostics[0].code).toBe('E_SYNTAX_EOF');
    expect(parseExpression('学徒期满)').diagnostics).toMatchObject([{ code: 'E_SYNTAX', range: { start: 4, end: 5 } }]);
  });

  it('refuses an empty expression, too long or too deep input', () => {
    expect(parseExpression('   ').diagnostics[0].code).toBe('E_EMPTY');
    expect(parseExpression('学徒期满 或 '.repeat(1000) + '学徒期满').diagnostics[0].code).toBe('E_TOO_LONG');
    expect(parseExpression('('.repeat(100) + '学徒期满' + ')'.repeat(100)).diagnostics[0].code).toBe('E_TOO_DEEP');
    expect(parseExpression('非 '.repeat(100) + '学徒期满').diagnostics[0].code).toBe('E_TOO_DEEP');
  });
});
