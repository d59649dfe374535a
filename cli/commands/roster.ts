// `zige roster template` and `zige roster check`: a roster (花名册) in Excel, in and out
// (roster/, docs/roster.md).
import { one, text, type Command } from '../command.js';
import { OCCUPATION } from '../options.js';
import { UsageError } from '../usage-error.js';

export const roster: Command = {
  name: 'roster',
  usage: `  zige roster template [--occupation NAME[,NAME…]] --out FILE.xlsx
                                           报名花名册模板 / a roster workbook to fill in
  zige roster check FILE.xlsx|FILE.csv [--as-of YYYY-MM-DD] [--columns MAP.yaml]
                    [--encoding utf-8|gbk] --out REVIEWED.xlsx|REVIEWED.csv
                                           审核花名册，逐行给出结果与理由 / review a roster:
                                           per applicant the result and why (docs/roster.md)`,
  options: {
    occupation: OCCUPATION,
    out: { type: 'string', value: 'FILE', help: '输出文件 / the output file (.xlsx; check: .xlsx or .csv)' },
    'as-of': { type: 'string', value: 'YYYY-MM-DD', help: '判定日期，默认北京时间今天 / the date judged (default: today in Asia/Shanghai)' },
    columns: { type: 'string', value: 'MAP.yaml', help: '本机构的表名与列名映射 / the institution\'s sheet and column names (docs/roster.md)' },
    encoding: { type: 'string', value: 'utf-8|gbk', help: 'CSV 的编码（默认自动识别）/ the CSV\'s encoding (default: detected)' },
    rules: { type: 'string', value: 'DIR', help: '用这个目录的规则，现场检查 / the rules of DIR, checked now (default: bundled)' },
  },
  exits: '0 every row read · 1 a cell went to the errors sheet, or the file cannot be read · 2 bad usage',
  async run({ rest, values, lang }, io) {
    const [action, ...files] = rest;
    const out = text(values, 'out');
    if (!out) throw new UsageError('roster 需要 --out FILE / roster needs --out FILE');
    const common = { out, asOf: text(values, 'as-of'), rules: text(values, 'rules'), lang };
    if (action === 'template') {
      if (files.length > 0) throw new UsageError(`roster template 不读取文件 / roster template reads no file: ${files[0]}`);
      for (const o of ['columns', 'encoding']) if (values[o] !== undefined) throw new UsageError(`--${o} 只用于 roster check / --${o} is for roster check only`);
      return (await import('../../roster/run-template.js')).runRosterTemplate({ ...common, occupation: text(values, 'occupation') }, io);
    }
    if (action === 'check') {
      const input = one(files, 'FILE');
      if (!input) throw new UsageError('roster check 需要花名册文件 / roster check needs a FILE');
      if (values.occupation !== undefined) throw new UsageError('--occupation 只用于 roster template（职业见每行）/ --occupation is for roster template (each row names its occupation)');
      return (await import('../../roster/check-thread.js')).runRosterCheckBounded({ ...common, input, columns: text(values, 'columns'), encoding: text(values, 'encoding') }, io);
    }
    throw new UsageError(`roster 须接 template 或 check / roster takes template or check${action ? `, not "${action}"` : ''}`);
  },
};
