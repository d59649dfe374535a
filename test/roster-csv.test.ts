// zige roster check on CSV rosters: UTF-8 with and without a byte-order mark, GBK (detected, or
// --encoding gbk) giving the same results, a title line above the header, headers by synonym and
// through a column-mapping file, dates as staff type them (full-width digits too), extra columns,
// and result cells a spreadsheet would take for formulas neutralised.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { zige } from './in-process.js';
import { gbk } from './roster-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'zige-roster-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TITLE = '某某评价机构 2026 年报名花名册,,,,,,\r\n';
const HEADER = '考生编号,报考工种,报考职业,报考级别,文化程度,毕业日期,从事本职业年限,联系电话\r\n';
const ROWS = [
  '1,直播销售员,互联网营销师,四级,高中,２０１６年７月,6,13800000000', // full-width date, years only
  '2,,互联网营销师,五级,大学本科,2020.07,0.5,',
  '3,,互联网营销师,五级,,2020/7/1,2,', // no education: the requirement is unknown
].join('\r\n');
const AS_OF = ['--as-of', '2026-11-28'];

/** The reviewed CSV's rows as maps from its header. */
function reviewed(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).trim().split('\r\n').map((l) => l.split(','));
  const h = lines.findIndex((l) => l.includes('审核结果'));
  return lines.slice(h + 1).map((l) => Object.fromEntries(lines[h].map((name, i) => [name, l[i] ?? ''])));
}

describe('roster check: CSV', () => {
  it('UTF-8 with a BOM, GBK detected and GBK told give the same results; the title line is kept', async () => {
    const utf8 = TITLE + HEADER + ROWS;
    writeFileSync(join(dir, 'bom.csv'), '\uFEFF' + utf8);
    writeFileSync(join(dir, 'gbk.csv'), gbk(utf8));
    const runs = [];
    for (const [input, extra] of [['bom.csv', []], ['gbk.csv', []], ['gbk.csv', ['--encoding', 'gbk']]] as const) {
      const out = join(dir, `${input}-${extra.length}.out.csv`);
      const r = await zige(['roster', 'check', join(dir, input), ...AS_OF, ...extra, '--out', out]);
      expect(r.code, r.stderr).toBe(0);
      runs.push(reviewed(out));
      expect(readFileSync(out, 'utf8')).toContain('某某评价机构 2026 年报名花名册');
    }
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
    expect(runs[0].map((r) => [r['考生编号'], r['审核结果']])).toEqual([
      ['1', '符合'],
      ['2', '不符合'],
      ['3', '待核实'],
    ]);
    expect(runs[0][0]['联系电话']).toBe('13800000000'); // an extra column, kept
    expect(runs[0][1]['最接近条件的差距']).toContain('五级第1条');
  });

  it('an institution layout through --columns, and a cell that cannot be read (exit 1)', async () => {
    writeFileSync(join(dir, 'map.yaml'), 'columns:\n  花名册:\n    申报等级: 拟报等级\n    学历: 最后学历\n');
    writeFileSync(join(dir, 'own.csv'), '序号,职业名称,拟报等级,最后学历,工作年限\r\n1,互联网营销师,四级,高中,6\r\n2,互联网营销师,四级,高中,六\r\n');
    const out = join(dir, 'own.out.csv');
    const r = await zige(['roster', 'check', join(dir, 'own.csv'), ...AS_OF, '--columns', join(dir, 'map.yaml'), '--out', out]);
    expect(r.code).toBe(1);
    const rows = reviewed(out);
    expect(rows.map((x) => x['审核结果'])).toEqual(['符合', '待核实']);
    expect(rows[1]['读取问题']).toBe('own.csv!E3: “六”不是数字');
  });

  it('a result cell a spreadsheet would run as a formula starts with an apostrophe', async () => {
    writeFileSync(join(dir, '=1+1.csv'), '编号,职业,申报等级,学历,工作年限\r\n1,互联网营销师,四级,高中,x\r\n');
    const out = join(dir, 'formula.out.csv');
    const r = await zige(['roster', 'check', join(dir, '=1+1.csv'), ...AS_OF, '--out', out]);
    expect(r.code).toBe(1);
    expect(reviewed(out)[0]['读取问题']).toBe("'=1+1.csv!E2: “x”不是数字");
  });

  it('a mapping file that is not a mapping is an error naming it', async () => {
    writeFileSync(join(dir, 'bad.yaml'), 'columns: [1, 2]\n');
    const r = await zige(['roster', 'check', join(dir, 'own.csv'), '--columns', join(dir, 'bad.yaml'), '--out', join(dir, 'x.csv')]);
    expect([r.code, r.stderr.includes('E_ROSTER_COLUMNS'), r.stderr.includes('bad.yaml')]).toEqual([1, true, true]);
  });
});
