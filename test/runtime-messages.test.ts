// The runtime's warnings are data (code, path, arguments) worded by one table per language in
// runtime/messages.ts; the compiler fills its diagnostic templates with the same function.
import { describe, expect, it } from 'vitest';
import { formatMessage } from '../compiler/diagnostics/messages.js';
import { instantiate } from '../compiler/generate/instantiate.js';
import { evaluateProfile, type Profile } from '../runtime/index.js';
import { fillTemplate, renderMessage, RUNTIME_MESSAGES } from '../runtime/messages.js';
import { check, RULES } from './helpers.js';

const marketer = instantiate(check(RULES).rules!.occupations.find((o) => o.id === 'internet-marketer')!);

/** A profile with one of each runtime warning. */
const PROFILE: Profile = {
  work: [{ occupation: '厨师', from: '2015-01-01' }, { occupation: '互联网营销师', from: '2016-01-01', kind: '航海' as never }],
  education: [{ level: '高中', status: '毕业', major: '烹饪' }],
  facts: { 不存在的事实: true },
};

describe('runtime warnings', () => {
  it('are worded by the table, in both languages, as before', () => {
    const { warnings } = evaluateProfile(marketer, PROFILE, { asOf: '2026-11-28', explain: false });
    expect(warnings).toEqual([
      {
        code: 'W_UNRELATED',
        path: '/work/0',
        occupation: 'internet-marketer',
        message: '/work/0（厨师）与互联网营销师的关系未知，按无关处理 / relation of "厨师" to internet-marketer unknown, treated as unrelated',
      },
      { code: 'W_UNKNOWN_KIND', path: '/work/1/kind', message: '/work/1/kind：未知的经历种类“航海”，不计入从业年限 / unknown work kind "航海", not counted' },
      {
        code: 'W_NO_MAJOR',
        path: '/education/0',
        occupation: 'internet-marketer',
        message: '/education/0（专业 烹饪）与互联网营销师的专业关系未知，按无关处理 / major "烹饪" not known to be related to internet-marketer, treated as unrelated',
      },
      { code: 'W_UNKNOWN_FACT', path: '/facts/不存在的事实', message: '/facts/不存在的事实：词表未声明此事实，已忽略 / fact "不存在的事实" is not declared in the vocabulary, ignored' },
    ]);
  });

  it('render one language from the code and arguments', () => {
    expect(renderMessage('W_UNKNOWN_KIND', { path: '/work/2/kind', kind: 'x' }, 'zh')).toBe('/work/2/kind：未知的经历种类“x”，不计入从业年限');
    expect(renderMessage('W_UNKNOWN_KIND', { path: '/work/2/kind', kind: 'x' }, 'en')).toBe('unknown work kind "x", not counted');
  });

  it('have a template in each language for each code', () => {
    expect(Object.keys(RUNTIME_MESSAGES.en).sort()).toEqual(Object.keys(RUNTIME_MESSAGES.zh).sort());
  });
});

describe('fillTemplate', () => {
  it('fills placeholders once, a missing one with nothing', () => {
    expect(fillTemplate('{a}+{b}={c}', { a: 1, b: '{c}' })).toBe('1+{c}=');
  });

  it('is what the compiler words its diagnostics with', () => {
    const d = { code: 'E_UNIT', args: { unit: 'km', allowed: '年、天' } };
    expect(formatMessage(d, 'zh')).toBe('未知的单位“km”（可用：年、天）');
    expect(formatMessage({ code: 'E_NO_SUCH_CODE' }, 'en')).toBe('E_NO_SUCH_CODE');
  });
});
