// `zige --help` and `zige <command> --help`, both made from the command table.
import { packageVersion } from '../compiler/load/package-root.js';
import type { Command, OptionSpec } from './command.js';
import { COMMANDS } from './commands/index.js';
import { FORMAT, GLOBAL_OPTIONS } from './options.js';

const HEADER = `zige {version} — 职业技能等级认定报名条件：规则检查、编译与判定
zige — exam-registration eligibility rules: check, compile, evaluate`;
const EXITS = 'Exit codes: 0 ok · 1 invalid rules/profile, failing tests · 2 bad usage';
/** Where help text starts after an option's name. */
const HELP_COLUMN = 22;

export function mainHelp(): string {
  const usage = COMMANDS.map((c) => c.usage).join('\n');
  const { lang, help, version } = GLOBAL_OPTIONS;
  const options = optionLines({ lang, format: FORMAT, help, version });
  return `${HEADER.replace('{version}', packageVersion())}\n\n用法 Usage:\n${usage}\n\nOptions:\n${options}\n\n${EXITS}`;
}

export function commandHelp(command: Command): string {
  const { lang, help } = GLOBAL_OPTIONS;
  const options = optionLines({ ...command.options, lang: command.lang ?? lang, help });
  return `用法 Usage:\n${command.usage}\n\nOptions:\n${options}\n\nExit codes: ${command.exits.split('\n').join('\n            ')}`;
}

/** `  --name VALUE        help`, the help on the next line when the name is long. */
function optionLines(options: Record<string, OptionSpec>): string {
  const indent = ' '.repeat(HELP_COLUMN);
  return Object.entries(options)
    .map(([name, o]) => {
      const flags = `${o.short ? `-${o.short}, ` : ''}--${name}${o.value ? ` ${o.value}` : ''}`;
      const head = flags.length <= HELP_COLUMN - 4 ? `  ${flags.padEnd(HELP_COLUMN - 2)}` : `  ${flags}\n${indent}`;
      return head + o.help.split('\n').join(`\n${indent}`);
    })
    .join('\n');
}
