// `zige diff`: cli/diff.ts.
import { text, type Command } from '../command.js';
import { FORMAT } from '../options.js';
import { UsageError } from '../usage-error.js';

export const diff: Command = {
  name: 'diff',
  usage: `  zige diff OLD NEW [--population FILE] [--as-of YYYY-MM-DD] [--flipped FILE]
                                           两版规则的差别及受影响的人 / what changed between two
                                           versions of the rules and who it affects (OLD, NEW: a
                                           directory, a rule file or git:REV[:PATH])`,
  options: {
    format: FORMAT,
    population: { type: 'string', value: 'FILE', help: '人群：JSON lines 或 CSV（profile 列）/ profiles to judge under both versions (JSON lines or CSV)' },
    'as-of': { type: 'string', value: 'YYYY-MM-DD', help: '判定日期，默认北京时间今天 / the date judged (default: today in Asia/Shanghai)' },
    flipped: { type: 'string', value: 'FILE', help: '翻转者写入的文件，默认 POPULATION.flips.jsonl / where the flipped profiles go' },
  },
  exits: '0 compared · 1 bad input · 2 bad usage',
  async run({ rest, values, lang, format }, io) {
    if (rest.length !== 2) throw new UsageError('zige diff 需要 OLD 与 NEW 两个参数 / zige diff needs OLD and NEW');
    if (text(values, 'flipped') !== undefined && text(values, 'population') === undefined) throw new UsageError('--flipped 需与 --population 一起使用 / --flipped needs --population');
    const { asOfOption } = await import('../eval.js');
    const asOf = asOfOption(text(values, 'as-of'));
    const options = { old: rest[0], new: rest[1], population: text(values, 'population'), flipped: text(values, 'flipped'), asOf, format, lang };
    return (await import('../diff.js')).runDiff(options, io);
  },
};
