// `zige site`: cli/site.ts.
import { one, text, type Command } from '../command.js';
import { UsageError } from '../usage-error.js';

export const site: Command = {
  name: 'site',
  usage: `  zige site [DIR] --out DIR
                                           生成静态网站：条件手册、报名自查、规则练习场 / write the
                                           static site: handbook, self-check, rule playground`,
  options: {
    out: { type: 'string', value: 'DIR', help: '输出目录，整体替换 / output directory, replaced as a whole (only one zige made)' },
  },
  exits: '0 ok · 1 invalid rules or output directory · 2 bad usage',
  async run({ rest, values, lang }, io) {
    const out = text(values, 'out');
    if (!out) throw new UsageError('site 需要 --out DIR / site needs --out DIR');
    const dir = one(rest, 'DIR');
    return (await import('../site.js')).runSite({ dir, out, lang }, io);
  },
};
