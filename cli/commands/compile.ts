// `zige compile`: cli/compile.ts.
import { flag, one, text, type Command } from '../command.js';
import { FORMAT } from '../options.js';
import { UsageError } from '../usage-error.js';
import { DIALECT, dialectOption } from './sql.js';

export const compile: Command = {
  name: 'compile',
  usage: `  zige compile [DIR] --out DIR [--js] [--runtime SPEC]
                                           生成判定模块 / generate evaluator modules
  zige compile [DIR] --target sql --dialect duckdb|postgres [--out DIR]
                                           生成 SQL / the rules as SQL (docs/sql.md)`,
  options: {
    out: { type: 'string', value: 'DIR', help: '输出目录，整体替换 / output directory, replaced as a whole (only one zige made)' },
    js: { type: 'boolean', help: '生成 JavaScript / JavaScript instead of TypeScript' },
    runtime: { type: 'string', value: 'SPEC', help: '生成模块导入运行时所用的模块名 / the module generated code imports the runtime from\n(default zige/runtime)' },
    format: FORMAT,
    target: { type: 'string', value: 'ts|sql', help: '生成目标：ts（默认）或 sql / what to generate: ts (default) or sql' },
    dialect: DIALECT,
  },
  exits: '0 ok · 1 invalid rules or output directory · 2 bad usage',
  async run({ rest, values, lang, format }, io) {
    const out = text(values, 'out');
    const target = text(values, 'target');
    if (target !== undefined && target !== 'ts' && target !== 'sql') throw new UsageError(`--target 须为 ts 或 sql / --target must be ts or sql: ${target}`);
    if (target === 'sql') {
      if (flag(values, 'js') || text(values, 'runtime') !== undefined) throw new UsageError('--js 与 --runtime 不用于 --target sql / --js and --runtime do not apply to --target sql');
      const dialect = dialectOption(text(values, 'dialect'));
      return (await import('../compile-sql.js')).runCompileSql({ dir: one(rest, 'DIR'), out, dialect, lang, format }, io);
    }
    if (text(values, 'dialect') !== undefined) throw new UsageError('--dialect 只用于 --target sql / --dialect applies to --target sql only');
    if (!out) throw new UsageError('compile 需要 --out DIR / compile needs --out DIR');
    const dir = one(rest, 'DIR');
    return (await import('../compile.js')).runCompile({ dir, out, js: flag(values, 'js'), runtime: text(values, 'runtime'), lang, format }, io);
  },
};
