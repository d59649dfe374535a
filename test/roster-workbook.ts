// Helpers of the roster tests: reading a workbook back with exceljs (warnings counted), filling a
// sheet of the template by header name through exceljs's cell API (as a person would), and GBK
// bytes for a CSV (no GBK encoder ships with Node: the table is taken from its GBK decoder).
import ExcelJS from 'exceljs';

export type Cells = (string | number | boolean | null)[][];

/** Every sheet's cells as text/number (dates as YYYY-MM-DD), and how many warnings exceljs printed reading them. */
export async function readBack(path: string): Promise<{ sheets: Map<string, Cells>; warnings: number }> {
  const wb = new ExcelJS.Workbook();
  const warn = console.warn;
  let warnings = 0;
  console.warn = () => void warnings++;
  try {
    await wb.xlsx.readFile(path);
  } finally {
    console.warn = warn;
  }
  const sheets = new Map<string, Cells>();
  for (const ws of wb.worksheets) {
    const rows: Cells = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values = (row.values as unknown[]).slice(1).map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v === undefined ? null : (v as string | number | boolean | null)));
      rows[n - 1] = values;
    });
    sheets.set(ws.name, Array.from(rows, (r) => r ?? []));
  }
  return { sheets, warnings };
}

/** A row of `rows` as a map from the header row's names. */
export function byHeader(rows: Cells, headerIndex: number, index: number): Record<string, string | number | boolean | null> {
  const header = rows[headerIndex];
  return Object.fromEntries(header.map((h, i) => [String(h), rows[index]?.[i] ?? null]));
}

/** Fills row `row` of `ws` by header name (row 1 holds the headers). */
export function fill(ws: ExcelJS.Worksheet, row: number, values: Record<string, ExcelJS.CellValue>): void {
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
  for (const [name, value] of Object.entries(values)) {
    const col = header.indexOf(name);
    if (col < 1) throw new Error(`no column ${name} on ${ws.name}`);
    ws.getRow(row).getCell(col).value = value;
  }
}

let gbkTable: Map<string, number[]> | undefined;

/** `text` in GBK (the characters it uses must be in GBK). */
export function gbk(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let a = 0x81; a <= 0xfe; a++) {
      for (let b = 0x40; b <= 0xfe; b++) {
        if (b === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(a, b));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [a, b]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
    else {
      const b = gbkTable.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...b);
    }
  }
  return Buffer.from(bytes);
}
