// `zige trace`: cli/trace.ts.
import { flag, one, type Command } from '../command.js';

export const trace: Command = {
  name: 'trace',
  usage: `  zige trace [DIR] [--json]                逐条对照来源文件与规则条款 / trace every source clause,
                                           as printed, to the rule clauses that encode it`,
  options: {
    json: { type: 'boolean', help: 'JSON 输出 / the table as JSON' },
  },
  exits: '0 clean · 1 errors · 2 bad usage',
  async run({ rest, values, lang }, io) {
    return (await import('../trace.js')).runTrace({ dir: one(rest, 'DIR'), json: flag(values, 'json'), lang }, io);
  },
};
