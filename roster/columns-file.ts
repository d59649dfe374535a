// The column-mapping file (`--columns MAP.yaml`): an institution's own sheet and column names,
// mapped to the template's.
//
//   sheets:            # the template's sheet name: this file's
//     花名册: 考生报名信息
//   columns:           # per template sheet, the template's header: this file's
//     花名册:
//       身份证号: 证件号码
//       申报等级: 报考级别
import { parse } from 'yaml';

export interface ColumnMapping {
  sheets: Record<string, string>;
  columns: Record<string, Record<string, string>>;
}

export const NO_MAPPING: ColumnMapping = { sheets: {}, columns: {} };

function stringMap(v: unknown, where: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new Error(`${where} 须为映射 / must be a mapping`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x !== 'string' && typeof x !== 'number') throw new Error(`${where}.${k} 须为文字 / must be text`);
    out[k] = String(x);
  }
  return out;
}

/** The mapping in `text`; throws an Error saying what is wrong (in both languages). */
export function parseColumnMapping(text: string): ColumnMapping {
  const doc: unknown = parse(text, { uniqueKeys: true });
  if (doc === null || doc === undefined) return NO_MAPPING;
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error('顶层须为映射 / the top level must be a mapping');
  const o = doc as Record<string, unknown>;
  for (const k of Object.keys(o)) if (k !== 'sheets' && k !== 'columns') throw new Error(`未知的键“${k}” / unknown key "${k}" (sheets, columns)`);
  const columns: Record<string, Record<string, string>> = {};
  const raw = o.columns ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new Error('columns 须为映射 / columns must be a mapping');
  for (const [sheet, m] of Object.entries(raw as Record<string, unknown>)) columns[sheet] = stringMap(m, `columns.${sheet}`);
  return { sheets: stringMap(o.sheets, 'sheets'), columns };
}
