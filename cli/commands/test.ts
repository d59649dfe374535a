// `zige test`: cli/test-command.ts.
import { flag, one, text, type Command } from '../command.js';
import { FORMAT, OCCUPATION } from '../options.js';

export const test: Command = {
  name: 'test',
  usage: `  zige test [DIR] [--occupation NAME|ID] [--level N] [--update]
                                           运行规则文件中的测试 / run the rule files' tests;
                                           --update records results of cases without expect`,
  options: {
    format: FORMAT,
    occupation: OCCUPATION,
    level: { type: 'string', value: 'N', help: '只运行涉及这个等级的用例 / only cases whose expectations involve level N' },
    update: { type: 'boolean', help: '记录无 expect 用例的实际结果 / record the results of cases without expect\n(reviewed: false; never overwrites)' },
  },
  exits: '0 ok · 1 failures · 2 bad usage',
  async run({ rest, values, lang, format }, io) {
    const opts = { dir: one(rest, 'DIR'), lang, format, occupation: text(values, 'occupation'), level: text(values, 'level'), update: flag(values, 'update') };
    return (await import('../test-command.js')).runTest(opts, io);
  },
};
