// `zige eval`: cli/eval.ts for one profile, cli/batch.ts with --batch.
import { flag, one, text, type Command } from '../command.js';
import { OCCUPATION } from '../options.js';
import { UsageError } from '../usage-error.js';

const JUDGING = ['occupation', 'work-type', 'level', 'as-of', 'rules'];

export const evalCommand: Command = {
  name: 'eval',
  usage: `  zige eval PROFILE [--occupation NAME|ID] [--work-type NAME] [--level N]
                    [--as-of YYYY-MM-DD] [--rules DIR] [--json]
                                           判定申请人 / evaluate an applicant profile (JSON or YAML;
                                           - reads stdin)
  zige eval --batch FILE.jsonl|FILE.csv [--out FILE.jsonl|FILE.csv] [--jobs N] [--explain]
            [--bom] [--engine js|duckdb [--memory-limit SIZE]] [eval options]
                                           批量判定，每行一份资料 / one profile per line, streamed;
                                           worker threads for large inputs (docs/profile.md);
                                           --bom: CSV for Excel (UTF-8 byte-order mark);
                                           --engine duckdb: the rules compiled to SQL, in
                                           embedded DuckDB; also reads FILE.parquet (docs/sql.md)`,
  options: {
    occupation: OCCUPATION,
    'work-type': { type: 'string', value: 'NAME', help: '只看这个工种 / only this work type' },
    level: { type: 'string', value: 'N', help: '只判定这个等级 / only level N (1..5)' },
    'as-of': { type: 'string', value: 'YYYY-MM-DD', help: '判定日期，默认北京时间今天 / the date judged (default: today in Asia/Shanghai)' },
    rules: { type: 'string', value: 'DIR', help: '用这个目录的规则，现场检查 / the rules of DIR, checked now (default: bundled)' },
    json: { type: 'boolean', help: 'JSON 输出 / JSON output (schema/result.schema.json)' },
    batch: { type: 'string', value: 'FILE', help: '批量判定 JSON lines 或 CSV / judge one profile per line (.jsonl, or .csv\nwith a profile column)' },
    out: { type: 'string', value: 'FILE', help: '--batch 的结果文件 / the --batch results file (.jsonl or .csv)' },
    jobs: { type: 'string', value: 'N', help: '--batch 的工作线程数 / worker threads for --batch' },
    explain: { type: 'boolean', help: '--batch 的结果附带说明 / --batch results with explanations' },
    bom: { type: 'boolean', help: 'CSV 加字节序标记，供 Excel / CSV with a UTF-8 byte-order mark, for Excel' },
    engine: { type: 'string', value: 'js|duckdb', help: '--batch 的判定引擎：js（默认）或 duckdb（规则编译为 SQL）/ the --batch engine:\njs (default) or duckdb (the rules compiled to SQL, docs/sql.md)' },
    'memory-limit': { type: 'string', value: 'SIZE', help: 'DuckDB 的内存上限 / DuckDB memory_limit, e.g. 1GB (--engine duckdb)' },
  },
  forms: [
    { name: 'eval --batch', when: 'batch', options: ['batch', 'out', 'jobs', 'explain', 'bom', 'engine', 'memory-limit', ...JUDGING] },
    { name: 'eval', options: [...JUDGING, 'json'] },
  ],
  exits: '0 whatever the eligibility · 1 invalid profile/rules (--batch: some line skipped)\n· 2 bad usage · 130/143 interrupted (--batch)',
  async run({ rest, values, lang }, io) {
    const judging = { occupation: text(values, 'occupation'), workType: text(values, 'work-type'), level: text(values, 'level'), asOf: text(values, 'as-of'), rules: text(values, 'rules'), lang };
    const input = text(values, 'batch');
    if (input !== undefined) {
      if (rest.length > 0) throw new UsageError('--batch 与 PROFILE 不能同时给出 / give --batch or a PROFILE, not both');
      const batch = { input, out: text(values, 'out'), jobs: text(values, 'jobs'), explain: flag(values, 'explain'), bom: flag(values, 'bom'), engine: text(values, 'engine'), memoryLimit: text(values, 'memory-limit') };
      return (await import('../batch.js')).runBatch({ ...batch, ...judging }, io);
    }
    const profile = one(rest, 'PROFILE');
    if (!profile) throw new UsageError('eval 需要申请人资料文件 / eval needs a PROFILE file');
    return (await import('../eval.js')).runEval({ profile, ...judging, json: flag(values, 'json') }, io);
  },
};
