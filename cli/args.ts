// The command line parsed against every command's options (a command's own are checked after, so
// that an option of another command is named as such), with parseArgs's errors said in our words.
import { parseArgs } from 'node:util';
import { closest } from '../compiler/diagnostics/closest.js';
import { formOf, optionList, type OptionSpec, type Values } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { GLOBAL_OPTIONS } from './options.js';
import { UsageError } from './usage-error.js';

/** The option names every command reads besides its own. */
export const EVERY_COMMAND = Object.keys(GLOBAL_OPTIONS);

/** Every option of every command, for parseArgs; an option's type is the same wherever it is read. */
const ALL_OPTIONS: Record<string, OptionSpec> = { ...GLOBAL_OPTIONS };
for (const c of COMMANDS) {
  for (const [name, o] of Object.entries(c.options)) {
    if (ALL_OPTIONS[name] && ALL_OPTIONS[name].type !== o.type) throw new Error(`option --${name} has two types`);
    ALL_OPTIONS[name] ??= o;
  }
}
const PARSE_OPTIONS = Object.fromEntries(Object.entries(ALL_OPTIONS).map(([n, o]) => [n, o.short ? { type: o.type, short: o.short } : { type: o.type }]));

export function parseCommandLine(argv: string[]): { values: Values; positionals: string[] } {
  try {
    return parseArgs({ args: argv, allowPositionals: true, strict: true, options: PARSE_OPTIONS });
  } catch (e) {
    throw new UsageError(explain(argv) ?? `用法错误 usage error: ${(e as Error).message}`);
  }
}

/** What is wrong with a command line parseArgs refused, said for the command it names. */
function explain(argv: string[]): string | undefined {
  const { values, positionals, tokens } = parseArgs({ args: argv, allowPositionals: true, strict: false, tokens: true, options: PARSE_OPTIONS });
  const command = findCommand(positionals[0]);
  const form = command ? formOf(command, values) : undefined;
  for (const t of tokens) {
    if (t.kind !== 'option') continue;
    const spec = (command?.options[t.name] ?? ALL_OPTIONS[t.name]) as OptionSpec | undefined;
    if (spec === undefined) {
      const known = form ? [...form.options, 'lang'] : EVERY_COMMAND;
      const takes = `(选项 options: ${form ? optionList(form) : known.map((o) => `--${o}`).join(' ')})`;
      const near = t.rawName.startsWith('--') ? closest(t.name, known)[0] : undefined;
      const hint = near ? `；您是不是要用 --${near}？ / did you mean --${near}?` : '';
      const who = form ? `${form.name} ` : '';
      return `${who}没有选项 ${t.rawName} / ${who || 'zige '}has no option ${t.rawName} ${takes}${hint}`;
    }
    const usage = `--${t.name}${spec.value ? ` ${spec.value}` : ''}`;
    if (spec.type === 'boolean' && t.value !== undefined) return `--${t.name} 不带值 / --${t.name} takes no value: ${t.rawName}=${t.value}`;
    if (spec.type === 'string' && t.value === undefined) return `--${t.name} 需要一个值 / --${t.name} needs a value: ${usage}`;
    if (spec.type === 'string' && !t.inlineValue && t.value!.length > 1 && t.value!.startsWith('-')) {
      return `--${t.name} 需要一个值，不是 ${t.value} / --${t.name} needs a value, not ${t.value} (${usage}; 以 - 开头的值 a value starting with -: --${t.name}=${t.value})`;
    }
  }
  return undefined;
}
