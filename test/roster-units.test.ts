// The roster's small readers: dates as staff type them, identity numbers, the declared condition
// matched to a clause, levels, and header matching (synonyms, a merged group header).
import { describe, expect, it } from 'vitest';
import { dateOf, serialDate, textDate } from '../roster/dates.js';
import { matchDeclared } from '../roster/declared.js';
import { findHeader } from '../roster/header.js';
import { checkIdentity, maskIdentity } from '../roster/identity.js';
import { levelOf } from '../roster/levels.js';
import { MAIN_FIELDS } from '../roster/fields.js';
import type { ClauseMeta } from '../runtime/meta.js';

describe('roster dates', () => {
  it.each([
    ['2020-07-01', '2020-07-01'],
    ['2020.07', '2020-07-01'],
    ['2020.7.5', '2020-07-05'],
    ['2020年7月', '2020-07-01'],
    ['2020年7月15日', '2020-07-15'],
    ['2020/7/1', '2020-07-01'],
    ['２０２０年７月', '2020-07-01'],
    ['20200701', '2020-07-01'],
    ['1899-12-31', '1899-12-31'],
  ])('%s → %s', (text, day) => expect(textDate(text)).toBe(day));

  it.each(['2020.13', '2021-02-29', '七月', '2020', ''])('%s is not a date', (text) => expect(textDate(text)).toBeUndefined());

  it('Excel serial numbers, the 1900 leap-year bug included', () => {
    expect(serialDate(1)).toBe('1900-01-01');
    expect(serialDate(59)).toBe('1900-02-28');
    expect(serialDate(60)).toBeUndefined(); // Excel's 1900-02-29, a day that never was
    expect(serialDate(61)).toBe('1900-03-01');
    expect(serialDate(46174)).toBe('2026-06-01');
    expect(serialDate(46174.75)).toBe('2026-06-01');
    expect(dateOf(new Date(Date.UTC(2013, 6, 1)))).toBe('2013-07-01');
  });
});

describe('roster identity numbers', () => {
  it('checks the checksum and the birth date, and masks', () => {
    expect(checkIdentity('52010219850301003x')).toEqual({ ok: true, number: '52010219850301003X', birthDate: '1985-03-01' });
    expect(checkIdentity('５２０１０２１９９５０６１５００２４')).toMatchObject({ ok: true, birthDate: '1995-06-15' });
    expect(checkIdentity('520102199506150025')).toEqual({ ok: false, reason: 'checksum' });
    expect(checkIdentity('52010219950615002')).toEqual({ ok: false, reason: 'format' });
    expect(checkIdentity('520102199502300028').ok).toBe(false);
    expect(maskIdentity('520102199506150024')).toBe('5201************24');
    expect(maskIdentity('12345')).toBe('*****');
  });
});

describe('roster declared condition', () => {
  const c = (level: 1 | 2 | 3 | 4 | 5, n: string, text: string): ClauseMeta => ({ id: `x/${level}/${n}`, level, text, when: '', file: '', line: 0, plan: { op: 'and', of: [] } as never });
  const clauses = [c(5, '1', '累计从事本职业或相关职业1年(含)以上。'), c(4, '2', '累计从事本职业或相关职业工作 4 年（含）以上。'), c(4, '4a', '取得技工学校本专业或相关专业毕业证书'), c(3, '2', '取得四级后4年')];
  it.each([
    ['4/2', 4, 'x/4/2'],
    ['x/4/2', undefined, 'x/4/2'],
    ['四级第2条', undefined, 'x/4/2'],
    ['四级/中级工第2条', 3, 'x/4/2'],
    ['四级第2条：累计从事本职业或相关职业工作 4 年（含）以上。', 4, 'x/4/2'],
    ['（2）', 4, 'x/4/2'],
    ['(2)', 3, 'x/3/2'],
    ['第2条', 4, 'x/4/2'],
    ['2', 4, 'x/4/2'],
    ['4A', 4, 'x/4/4a'],
    ['（2）累计从事本职业或相关职业工作4年以上', 4, 'x/4/2'],
    ['累计从事本职业或相关职业工作4年含以上。', 4, 'x/4/2'],
    ['累计从事本职业或相关职业1年（含）以上。', 4, 'x/5/1'],
  ] as const)('%s (applying for level %s) → %s', (text, level, id) => expect(matchDeclared(text, clauses, level)?.id).toBe(id));

  it.each([['4/9'], ['第九十九条'], ['累计从事本职业3年'], ['（2）']])('%s matches nothing', (text) => expect(matchDeclared(text, clauses, text === '（2）' ? 5 : 4)).toBeUndefined());
});

describe('roster levels and headers', () => {
  it('reads levels as staff write them', () => {
    expect(['四级', '4', 4, '四级/中级工', '中级工', '中级', '四级(中级工)'].map(levelOf)).toEqual([4, 4, 4, 4, 4, 4, 4]);
    expect(['六级', '', null, '高级技工'].map(levelOf)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('finds a header under a title, by synonyms and under a merged group header', () => {
    const rows = [
      { number: 1, values: [undefined, '报名花名册'] },
      { number: 2, values: [undefined, '序号', '职业名称', '报考级别', '原证书', null, null] },
      { number: 3, values: [undefined, null, null, null, '职业', '等级', '发证日期'] },
    ];
    const h = findHeader(rows, MAIN_FIELDS);
    expect(h?.row).toBe(3);
    expect(Object.fromEntries(h!.columns)).toEqual({ key: 1, occupation: 2, level: 3, certOccupation: 4, certLevel: 5, certDate: 6 });
    expect(findHeader(rows.slice(0, 2), MAIN_FIELDS)?.columns.get('level')).toBe(3);
  });
});
