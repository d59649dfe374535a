// zige CLI. Exit codes: 0 done (whatever the eligibility), 1 invalid rules, profile or failing
// tests, 2 bad usage. Errors are rendered, never thrown as stack traces. The commands are the
// table in cli/commands/: each runs by importing its implementation, so `--help` and `--version`
// load no command module and each command loads only its own (cold start).
import { closest } from '../compiler/diagnostics/closest.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../compiler/diagnostics/diagnostic-formats.js';
import { packageVersion } from '../compiler/load/package-root.js';
import { EVERY_COMMAND, parseCommandLine } from './args.js';
import { formOf, optionList, type Command, type Values } from './command.js';
import { COMMANDS, findCommand } from './commands/index.js';
import { commandHelp, mainHelp } from './help.js';
import type { Io } from './output.js';
import { UsageError } from './usage-error.js';
import { isOutputLang } from '../runtime/words.js';
import { sanitize } from '../compiler/diagnostics/sanitize.js';

export async function main(argv: string[], io: Io): Promise<number> {
  try {
    return await run(argv, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`zige: ${sanitize(e.message)}\n\n${mainHelp()}`);
      return 2;
    }
    // A bug in zige itself: say so plainly, keep the details for a report.
    io.err(`zige: 内部错误 internal error: ${sanitize((e as Error).message)}`);
    if (process.env.ZIGE_DEBUG) io.err(String((e as Error).stack));
    return 70;
  }
}

async function run(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommandLine(argv);
  if (values.version) {
    io.out(packageVersion());
    return 0;
  }
  const [name, ...rest] = positionals;
  const command = findCommand(name);
  if (values.help && command) {
    io.out(commandHelp(command));
    return 0;
  }
  if (values.help || name === undefined || name === 'help') {
    (name === undefined && !values.help ? io.err : io.out)(mainHelp());
    return name === undefined && !values.help ? 2 : 0;
  }
  const lang = String(values.lang ?? 'both');
  if (!isOutputLang(lang)) {
    io.err(`zige: --lang 只能是 zh、en 或 both / --lang must be zh, en or both`);
    return 2;
  }
  const format = (values.format ?? 'human') as OutputFormat;
  if (!OUTPUT_FORMATS.includes(format)) {
    io.err(`zige: --format 只能是 human、json 或 github / --format must be human, json or github`);
    return 2;
  }
  if (!command) return unknownCommand(name, io);
  const misplaced = optionsNotFor(command, values);
  if (misplaced) throw new UsageError(misplaced);
  return command.run({ rest, values, lang, format }, io);
}

/** An unknown command: "did you mean" when one is close, else the whole help. */
function unknownCommand(name: string, io: Io): number {
  const near = closest(name, COMMANDS.map((c) => c.name))[0];
  if (near === undefined) throw new UsageError(`未知命令 unknown command: ${name}`);
  io.err(`zige: 未知命令 unknown command: ${name}\n您是不是要用 ${near}？ / did you mean ${near}?`);
  return 2;
}

/**
 * A usage message for the first given option that the command does not read; null if none.
 * parseArgs accepts every command's options with every command; one that this command does not
 * read would be ignored without a word (`zige eval p.yaml --out r.json` would print to the
 * terminal and write nothing).
 */
function optionsNotFor(command: Command, values: Values): string | null {
  const form = formOf(command, values);
  const stray = Object.keys(values).find((o) => !form.options.includes(o) && !EVERY_COMMAND.includes(o));
  if (stray === undefined) return null;
  const hint = form.name === 'eval' && stray === 'out' ? '；写入文件请重定向 / to write a file, redirect: --json > FILE' : '';
  return `${form.name} 不接受 --${stray} / ${form.name} does not take --${stray} (选项 options: ${optionList(form)})${hint}`;
}
