// `zige compile`: cli/compile.ts.
import { flag, one, text, type Command } from '../command.js';
import { FORMAT } from '../options.js';
import { UsageError } from '../usage-error.js';

export const compile: Command = {
  name: 'compile',
  usage: `  zige compile [DIR] --out DIR [--js] [--runtime SPEC]
                                           生成判定模块 / generate evaluator modules`,
  options: {
    out: { type: 'string', value: 'DIR', help: '输出目录，整体替换 / output directory, replaced as a whole (only one zige made)' },
    js: { type: 'boolean', help: '生成 JavaScript / JavaScript instead of TypeScript' },
    runtime: { type: 'string', value: 'SPEC', help: '生成模块导入运行时所用的模块名 / the module generated code imports the runtime from\n(default zige/runtime)' },
    format: FORMAT,
  },
  exits: '0 ok · 1 invalid rules or output directory · 2 bad usage',
  async run({ rest, values, lang, format }, io) {
    const out = text(values, 'out');
    if (!out) throw new UsageError('compile 需要 --out DIR / compile needs --out DIR');
    const dir = one(rest, 'DIR');
    return (await import('../compile.js')).runCompile({ dir, out, js: flag(values, 'js'), runtime: text(values, 'runtime'), lang, format }, io);
  },
};
