// `zige analyze`: cli/analyze.ts.
import { flag, one, type Command } from '../command.js';
import { FORMAT } from '../options.js';

export const analyze: Command = {
  name: 'analyze',
  usage: `  zige analyze [DIR] [--emit-tests]      找出条款间的蕴含、矛盾、断档等起草问题 / find implied,
                                           contradictory and unreachable clauses, with witnesses`,
  options: {
    format: FORMAT,
    'emit-tests': { type: 'boolean', help: '把每个见证写成规则文件中的测试（reviewed: false）/ write each witness as a test case into its rule file' },
  },
  exits: '0 no unaccepted finding of warning or above · 1 such findings or errors · 2 bad usage',
  async run({ rest, values, lang, format }, io) {
    return (await import('../analyze.js')).runAnalyze({ dir: one(rest, 'DIR'), format, lang, emitTests: flag(values, 'emit-tests') }, io);
  },
};
