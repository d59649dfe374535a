// Options shared by several commands, declared once: the global ones every command reads, and
// --format, --occupation and --level.
import type { OptionSpec } from './command.js';

/** Read by every command (and by `zige` alone). */
export const GLOBAL_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  lang: { type: 'string', value: 'zh|en|both', help: 'message language (default both: 中文 with English)' },
  help: { type: 'boolean', short: 'h', help: 'this help' },
  version: { type: 'boolean', short: 'v', help: 'version' },
};

export const FORMAT: OptionSpec = {
  type: 'string',
  value: 'human|json|github',
  help: 'diagnostics of check, compile and test: for people (default), one JSON\ndocument, or GitHub Actions annotations',
};

export const OCCUPATION: OptionSpec = {
  type: 'string',
  value: 'NAME|ID',
  help: '只看这个职业（名称、编号或别名）/ only this occupation (name, id or alias)',
};
