// zige roster check on hostile spreadsheets: formulas with and without a saved result, error
// values, hyperlinks, rich text, a 32,767-character cell, a date before 1900, a sheet whose last
// row is 1,048,576, a merged title above a header that is not row 1, invalid and repeated
// identity numbers (never shown in full), a declared condition that matches nothing, a zip bomb,
// a password-protected workbook and a legacy .xls.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zige } from './in-process.js';
import { byHeader, readBack, type Cells } from './roster-workbook.js';

const dir = mkdtempSync(join(tmpdir(), 'zige-roster-hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const OCC = '互联网营销师';
const BAD_ID = '520102199506150025'; // checksum digit wrong (…0024 is right)
const LONG = '长'.repeat(32_767);

async function hostileWorkbook(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('说明').addRow(['填表说明']);
  const ws = wb.addWorksheet('考生信息'); // a synonym of 花名册: the main sheet by name, not position
  ws.getCell('A1').value = '2026 年第四季度报名花名册';
  ws.mergeCells('A1:I1');
  ws.getRow(3).values = ['备注', '报考职业', '姓名', '报考级别', '公民身份号码', '出生年月', '考生申报条件', '文化程度', '本职业工作年限'];
  const rows: ExcelJS.CellValue[][] = [
    [LONG, { richText: [{ text: '互联网' }, { text: '营销师', font: { bold: true } }] }, { text: '张三', hyperlink: 'https://example.org/' }, '四级', '520102199506150024', null, '4/2', '初中', { formula: '2+4', result: 6 }],
    ['', OCC, '李四', '四级', '330106199001010018', { error: '#N/A' } as ExcelJS.CellErrorValue, '4/2', '初中', { formula: '1+1' } as ExcelJS.CellFormulaValue],
    ['', OCC, '王五', '五级', BAD_ID, '1899-12-31', '5/1', '高中', 2],
    ['', OCC, '张三', '四级', '520102199506150024', null, '4/2', '初中', 6],
    ['', OCC, '赵六', '四级', '110105199804020028', null, '第九十九条', '初中', 6],
  ];
  rows.forEach((r, i) => (ws.getRow(4 + i).values = r));
  for (let r = 9; r <= 12; r++) ws.getRow(r).getCell(2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } }; // blank styled trailing rows
  await wb.xlsx.writeFile(path);
}

let hostile: { code: number; stdout: string; stderr: string };
let review: Map<string, Cells>;

beforeAll(async () => {
  await hostileWorkbook(join(dir, 'hostile.xlsx'));
  hostile = await zige(['roster', 'check', join(dir, 'hostile.xlsx'), '--as-of', '2026-11-28', '--out', join(dir, 'r.xlsx')]);
  review = (await readBack(join(dir, 'r.xlsx'))).sheets;
});

describe('roster check: hostile cells', () => {
  const row = (name: string, nth = 0): Record<string, unknown> => {
    const rows = review.get('审核结果')!;
    const header = rows.findIndex((r) => r.includes('审核结果'));
    const at = rows.map((r, i) => [r, i] as const).filter(([r]) => r[2] === name)[nth][1];
    return byHeader(rows, header, at);
  };

  it('reads rich text, hyperlinks, formulas with a saved result and a 32,767-character cell; keeps the title above the header', () => {
    expect(hostile.code).toBe(1);
    expect(review.get('审核结果')![0][0]).toBe('2026 年第四季度报名花名册');
    expect(row('张三')['审核结果']).toBe('符合');
    const long = String(row('张三')['备注']);
    expect([long.length, long.replaceAll('长', '')]).toEqual([LONG.length, '']);
  });

  it('a formula without a saved result and an error value are errors for their cells; the row is 待核实, never dropped', () => {
    const problems = String(row('李四')['读取问题']).split('\n');
    expect(problems).toEqual(['考生信息!F5: 单元格是错误值 #N/A', '考生信息!I5: 公式 1+1 没有保存计算结果，无法读取；请在 Excel 中打开并保存一次，或粘贴为数值']);
    expect(row('李四')['审核结果']).toBe('待核实');
  });

  it('checks identity numbers, masks them in every message, and reports the same applicant twice', () => {
    expect(row('王五')['读取问题']).toBe('考生信息!E6: 身份证号 5201************25 无效：校验码不对');
    expect(row('张三', 1)['读取问题']).toBe('考生信息!E7: 与第 4 行是同一申请人（身份证号 5201************24，同一职业和等级）');
    const errors = review.get('错误')!.flat().join('\n');
    for (const text of [hostile.stdout, hostile.stderr, errors]) {
      expect(text).not.toContain(BAD_ID);
      expect(text).not.toContain('520102199506150024');
    }
  });

  it('a declared condition that matches no clause goes to the errors sheet, not to "does not hold"', () => {
    expect(row('赵六')['审核结果']).toBe('待核实');
    expect(row('赵六')['申报条件是否成立']).toBeNull();
    expect(review.get('错误')!.map((r) => r[1])).toContain('E_ROSTER_DECLARED');
  });

  it('leaves blank trailing rows out', () => {
    expect(review.get('审核结果')!.filter((r) => r.some((v) => v !== null && v !== '')).length).toBe(1 + 1 + 5);
  });

  it('a sheet of 1,048,576 rows of which 3 are filled is read in a moment', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.getRow(1).values = ['编号', '职业', '申报等级', '学历', '本职业工作年限'];
    ws.getRow(2).values = ['1', OCC, '五级', '高中', 2];
    ws.getRow(1_048_576).values = ['2', OCC, '五级', '高中', 0.5];
    await wb.xlsx.writeFile(join(dir, 'tall.xlsx'));
    const r = await zige(['roster', 'check', join(dir, 'tall.xlsx'), '--as-of', '2026-11-28', '--out', join(dir, 'tall.csv')]);
    expect(r.code, r.stderr).toBe(0);
    const lines = readFileSync(join(dir, 'tall.csv'), 'utf8').trim().split('\r\n');
    expect(lines.map((l) => l.split(',')[5])).toEqual(['审核结果', '符合', '不符合']);
  });
});

describe('roster check: files refused before the library reads them (exit 1, both languages, the file named)', () => {
  it('a zip bomb disguised as .xlsx', async () => {
    // a real workbook (exceljs's streaming writer) whose one sheet unpacks to 1.3 MB of one letter
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(dir, 'bomb.xlsx'), useSharedStrings: false });
    const ws = wb.addWorksheet('花名册');
    for (let i = 0; i < 40; i++) ws.addRow(['a'.repeat(32_767)]).commit();
    ws.commit();
    await wb.commit();
    const r = await zige(['roster', 'check', join(dir, 'bomb.xlsx'), '--out', join(dir, 'bomb-r.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('E_ROSTER_ZIP_RATIO');
    expect(r.stderr).toMatch(/bomb\.xlsx 中的 xl\/worksheets\/sheet1\.xml 压缩比为 \d+:1（上限 100:1），疑似压缩炸弹/);
    expect(r.stderr).toContain('looks like a zip bomb');
  });

  const ole = (encrypted: boolean): Buffer => {
    const b = Buffer.alloc(4096);
    Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(b);
    if (encrypted) Buffer.from('EncryptionInfo', 'utf16le').copy(b, 1024 + 64);
    else Buffer.from('Workbook', 'utf16le').copy(b, 1024 + 64);
    return b;
  };

  it.each([
    ['locked.xlsx', true, 'E_ROSTER_ENCRYPTED', 'password-protected'],
    ['old.xls', false, 'E_ROSTER_XLS', 'legacy Excel 97-2003'],
  ] as const)('%s', async (name, encrypted, code, english) => {
    writeFileSync(join(dir, name), ole(encrypted));
    const r = await zige(['roster', 'check', join(dir, name), '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(code);
    expect(r.stderr).toContain(english);
    expect(r.stderr).toContain(name);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('usage errors exit 2; an output naming the input is refused', async () => {
    expect((await zige(['roster', 'check', join(dir, 'tall.xlsx'), '--out', join(dir, 'r.txt')])).code).toBe(2);
    expect((await zige(['roster', 'frob', '--out', 'x.xlsx'])).code).toBe(2);
    const same = await zige(['roster', 'check', join(dir, 'tall.xlsx'), '--out', join(dir, 'tall.xlsx')]);
    expect([same.code, same.stderr.includes('E_OUT_IS_INPUT')]).toEqual([1, true]);
  });
});
