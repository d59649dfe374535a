// `zige fmt`: cli/fmt.ts.
import { flag, type Command } from '../command.js';
import { UsageError } from '../usage-error.js';

export const fmt: Command = {
  name: 'fmt',
  usage: `  zige fmt [--check] [--lang zh|en] [PATH...]
                                           规范表达式格式、中英互转 / canonical expressions;
                                           --lang converts keywords and names`,
  options: {
    check: { type: 'boolean', help: '只列出未格式化的文件，不写入 / list unformatted files, write nothing' },
  },
  lang: { type: 'string', value: 'zh|en', help: '关键字、名称和单位转为中文或英文 / convert keywords, names and units' },
  exits: '0 ok · 1 unformatted (--check) or syntax errors · 2 bad usage',
  async run({ rest, values, lang }, io) {
    if (values.lang === 'both') throw new UsageError('fmt 的 --lang 只能是 zh 或 en / fmt --lang must be zh or en');
    const to = values.lang as 'zh' | 'en' | undefined;
    return (await import('../fmt.js')).runFmt({ paths: rest, check: flag(values, 'check'), lang: to, messages: lang }, io);
  },
};
