// `zige check`: cli/check-cache.ts (cached), or cli/watch.ts with --watch.
import { flag, one, text, type Command } from '../command.js';
import { FORMAT } from '../options.js';

export const check: Command = {
  name: 'check',
  usage: `  zige check [DIR] [--watch] [--no-cache] [--cache-dir DIR]
                                           检查规则文件 / check rule files (default: bundled rules);
                                           --watch: again on every save; 结果缓存，输入不变即复用 /
                                           results are reused until an input changes
                                           (node_modules/.cache/zige; --no-cache: always check)`,
  options: {
    format: FORMAT,
    watch: { type: 'boolean', help: '每次保存后再检查，直到 Ctrl-C / check again on every save until Ctrl-C' },
    'cache-dir': { type: 'string', value: 'DIR', help: '缓存目录 / where cached results are kept (also ZIGE_CACHE_DIR)' },
    'no-cache': { type: 'boolean', help: '总是重新检查 / always check, never reuse a cached result' },
  },
  exits: '0 clean (warnings allowed) · 1 errors · 2 bad usage',
  async run({ rest, values, lang, format }, io) {
    const dir = one(rest, 'DIR');
    if (flag(values, 'watch')) return (await import('../watch.js')).runCheckWatch({ dir, lang, format }, io);
    const cache = { enabled: !flag(values, 'no-cache'), dir: text(values, 'cache-dir') || process.env.ZIGE_CACHE_DIR || undefined };
    return (await import('../check-cache.js')).runCheckCached({ dir, lang, format, cache }, io);
  },
};
