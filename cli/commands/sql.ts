// `zige sql`: cli/sql.ts.
import { one, text, type Command } from '../command.js';
import { UsageError } from '../usage-error.js';
import type { Dialect } from '../../sql/dialect.js';

/** --dialect, shared by `zige sql` and `zige compile --target sql`. */
export const DIALECT = { type: 'string', value: 'duckdb|postgres', help: 'SQL 方言 / the SQL dialect: duckdb or postgres (docs/sql.md)' } as const;

/** The --dialect value, checked (exit 2 otherwise). */
export function dialectOption(value: string | undefined): Dialect {
  if (value === 'duckdb' || value === 'postgres') return value;
  throw new UsageError(`--dialect 须为 duckdb 或 postgres / --dialect must be duckdb or postgres${value === undefined ? '' : `: ${value}`}`);
}

export const sql: Command = {
  name: 'sql',
  usage: `  zige sql PROFILES.jsonl --dialect duckdb|postgres [--as-of YYYY-MM-DD] [--rules DIR]
                                           打印手工筛查的 SQL / print the SQL to screen a JSON lines
                                           file by hand: schema, load, statements (docs/sql.md)`,
  options: {
    dialect: DIALECT,
    'as-of': { type: 'string', value: 'YYYY-MM-DD', help: '判定日期（绑定参数）/ the date judged, bound as a parameter (default: today in Asia/Shanghai)' },
    rules: { type: 'string', value: 'DIR', help: '用这个目录的规则 / the rules of DIR (default: bundled)' },
  },
  exits: '0 ok · 1 invalid rules or a construct SQL does not support · 2 bad usage',
  async run({ rest, values, lang, format }, io) {
    const profiles = one(rest, 'PROFILES');
    if (!profiles) throw new UsageError('sql 需要 JSON lines 文件 / sql needs a PROFILES.jsonl file');
    const dialect = dialectOption(text(values, 'dialect'));
    return (await import('../sql.js')).runSql({ profiles, dialect, asOf: text(values, 'as-of'), rules: text(values, 'rules'), lang, format }, io);
  },
};
