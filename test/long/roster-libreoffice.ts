// LibreOffice reads the reviewed roster: `zige roster check` writes a reviewed workbook, LibreOffice
// Calc (headless, its own user profile) converts every sheet of it to CSV (the per-sheet filter
// option: without it --convert-to exports the first sheet only), and each converted cell must
// equal what zige wrote (read back with exceljs). It also renders the reviewed sheet to PNG for
// docs/roster.md. LibreOffice is what is tested here, not Excel.
//
//   npx tsx test/long/roster-libreoffice.ts [--screenshot docs/roster-review.png]
//
// Needs Debian's libreoffice-calc: installed here when missing and running as root, else the
// script fails naming `apt-get update && apt-get install -y libreoffice-calc`. It never skips.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { BIN, ROOT } from '../helpers.js';
import { fill, readBack } from '../roster-workbook.js';

const INSTALL = 'apt-get update && apt-get install -y libreoffice-calc';
const { values } = parseArgs({ options: { screenshot: { type: 'string' } } });
const dir = mkdtempSync(join(tmpdir(), 'zige-roster-lo-'));

function soffice(): string {
  const found = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  if (process.getuid?.() === 0) {
    console.error(`LibreOffice missing: running ${INSTALL}`);
    const r = spawnSync('sh', ['-c', `${INSTALL} >&2`], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    const again = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).stdout.trim();
    if (r.status === 0 && again) return again;
  }
  throw new Error(`LibreOffice (soffice) is not installed and could not be installed here; run: ${INSTALL}`);
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0 && !(cmd === process.execPath && r.status === 1)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
}

/** A template filled with five applicants (one with a cell that cannot be read), checked. */
async function reviewedWorkbook(): Promise<string> {
  const t = join(dir, 't.xlsx');
  run(process.execPath, [BIN, 'roster', 'template', '--occupation', '互联网营销师', '--out', t]);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(t);
  const main = wb.getWorksheet('花名册')!;
  const work = wb.getWorksheet('工作经历')!;
  const people: Record<string, ExcelJS.CellValue>[] = [
    { 编号: '1', 姓名: '甲', 身份证号: '520102199506150024', 职业: '互联网营销师', 工种: '直播销售员', 申报等级: '四级/中级工', 申报条件: '4/2', 学历: '高中', 毕业时间: new Date(Date.UTC(2013, 6, 1)) },
    { 编号: '2', 姓名: '乙', 身份证号: '330106199001010018', 职业: '互联网营销师', 申报等级: '四级', 申报条件: '4/1', 学历: '初中', 本职业工作年限: 6 },
    { 编号: '3', 姓名: '丙', 职业: '互联网营销师', 申报等级: '三级', 申报条件: '（2）', 本职业工作年限: 6, 原证书职业: '互联网营销师', 原证书等级: '四级', 原证书取得日期: '2020.06' },
    { 编号: '4', 姓名: '=丁', 职业: '互联网营销师', 申报等级: '五级', 学历: '大学本科' },
    { 编号: '5', 姓名: '戊', 职业: '互联网营销师', 申报等级: '五级', 学历: '高中' },
  ];
  people.forEach((p, i) => fill(main, 3 + i, p));
  fill(work, 3, { 编号: '1', 工作单位: '甲公司', 职业: '互联网营销师', 开始日期: '2019-03-01' });
  fill(work, 4, { 编号: '4', 工作单位: '丁公司', 职业: '互联网营销师', 开始日期: '2026-06-01' });
  fill(work, 5, { 编号: '5', 工作单位: '戊公司', 职业: '互联网营销师', 开始日期: '2020.13' });
  const filled = join(dir, 'filled.xlsx');
  await wb.xlsx.writeFile(filled);
  const reviewed = join(dir, 'reviewed.xlsx');
  run(process.execPath, [BIN, 'roster', 'check', filled, '--as-of', '2026-11-28', '--out', reviewed]);
  return reviewed;
}

/** Every sheet of `file` as CSV by LibreOffice: sheet name → rows. */
function viaLibreOffice(bin: string, file: string): Map<string, string[][]> {
  const out = join(dir, 'lo');
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  // 44,34,76: comma, double quote, UTF-8; 1: from line 1; the last field, -1: every sheet, each to NAME-SHEET.csv
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';
  const r = spawnSync(bin, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', filter, '--outdir', out, file], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`soffice exited ${r.status}: ${r.stderr}`);
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out)) {
    const m = /^reviewed-(.+)\.csv$/.exec(f);
    if (m) sheets.set(m[1], parse(readFileSync(join(out, f), 'utf8'), { relax_column_count: true }) as string[][]);
  }
  return sheets;
}

function trimmed(row: readonly unknown[]): string[] {
  const cells = Array.from(row, (v) => (v === null || v === undefined ? '' : String(v))); // holes too
  while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
  return cells;
}

async function main(): Promise<void> {
  const bin = soffice();
  const reviewed = await reviewedWorkbook();
  const { sheets: wrote, warnings } = await readBack(reviewed);
  if (warnings > 0) throw new Error(`exceljs warned ${warnings} times reading the reviewed workbook`);
  const read = viaLibreOffice(bin, reviewed);
  const problems: string[] = [];
  if ([...read.keys()].sort().join() !== [...wrote.keys()].sort().join()) problems.push(`sheets: LibreOffice ${[...read.keys()]} vs zige ${[...wrote.keys()]}`);
  let cells = 0;
  for (const [name, rows] of wrote) {
    const lo = read.get(name) ?? [];
    const n = Math.max(rows.length, lo.length);
    for (let i = 0; i < n; i++) {
      const a = trimmed(rows[i] ?? []);
      const b = trimmed(lo[i] ?? []);
      cells += a.length;
      if (JSON.stringify(a) !== JSON.stringify(b)) problems.push(`${name} row ${i + 1}: zige ${JSON.stringify(a)} · LibreOffice ${JSON.stringify(b)}`);
    }
  }
  if (values.screenshot) screenshot(bin, await compactReviewed(), values.screenshot);
  rmSync(dir, { recursive: true, force: true });
  if (problems.length > 0) throw new Error(`LibreOffice read other cells than zige wrote:\n${problems.join('\n')}`);
  console.log(`roster-libreoffice: ${wrote.size} sheets, ${cells} cells: LibreOffice read what zige wrote`);
}

/** A roster of an institution's own few columns, checked: the reviewed sheet fits a screenshot. */
async function compactReviewed(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const main = wb.addWorksheet('花名册');
  main.addRow(['编号', '姓名', '职业', '申报等级', '申报条件', '学历', '本职业工作年限']);
  main.addRow(['1', '甲', '互联网营销师', '四级', '4/2', '高中', null]);
  main.addRow(['2', '乙', '互联网营销师', '四级', '4/1', '初中', 6]);
  main.addRow(['3', '丙', '互联网营销师', '三级', '（2）', null, 6]);
  main.addRow(['4', '丁', '互联网营销师', '五级', '5/1', '大学本科', null]);
  main.addRow(['5', '戊', '互联网营销师', '五级', '5/1', '高中', null]);
  const work = wb.addWorksheet('工作经历');
  work.addRow(['编号', '工作单位', '职业', '开始日期', '结束日期']);
  work.addRow(['1', '甲公司', '互联网营销师', '2019-03-01', null]);
  work.addRow(['1', '乙公司', '电子商务师', '2017.07', '2019.02']);
  work.addRow(['4', '丁公司', '互联网营销师', '2026年6月', null]);
  work.addRow(['5', '戊公司', '互联网营销师', '2020.13', null]);
  const certs = wb.addWorksheet('证书');
  certs.addRow(['编号', '职业', '等级', '取得日期']);
  certs.addRow(['3', '互联网营销师', '四级', '2020-06-30']);
  const input = join(dir, 'compact.xlsx');
  await wb.xlsx.writeFile(input);
  const out = join(dir, 'compact-reviewed.xlsx');
  run(process.execPath, [BIN, 'roster', 'check', input, '--as-of', '2026-11-28', '--out', out]);
  return out;
}

/**
 * The reviewed sheet (the first) as LibreOffice prints it: exported to PDF by LibreOffice (its
 * Calc has no PNG export filter), the first page rendered by Ghostscript, trimmed by ImageMagick.
 */
function screenshot(bin: string, reviewed: string, to: string): void {
  for (const [tool, pkg] of [['gs', 'ghostscript'], ['convert', 'imagemagick']]) {
    if (!spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' }).stdout.trim()) throw new Error(`--screenshot needs ${tool}: apt-get install -y ${pkg}`);
  }
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  const out = join(dir, 'pdf');
  const r = spawnSync(bin, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, reviewed], { encoding: 'utf8', timeout: 300_000 });
  if (r.status !== 0) throw new Error(`soffice (pdf) exited ${r.status}: ${r.stderr}`);
  const page = join(dir, 'page.png');
  run('gs', ['-q', '-sDEVICE=png16m', '-r110', '-dFirstPage=1', '-dLastPage=1', '-o', page, join(out, 'compact-reviewed.pdf')]);
  run('convert', [page, '-trim', '+repage', '-bordercolor', 'white', '-border', '24', join(dir, 'trimmed.png')]);
  copyFileSync(join(dir, 'trimmed.png'), join(ROOT, to));
  console.log(`screenshot: ${to}`);
}

await main();
