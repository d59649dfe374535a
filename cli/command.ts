// What a CLI command declares (cli/commands/<name>.ts): its name, options, help text and a `run`
// that imports its implementation only when called, so that reading the table (for `--help`, a
// usage error, or choosing the command) loads no command module.
import type { OutputFormat } from '../compiler/diagnostics/diagnostic-formats.js';
import type { Io } from './output.js';
import type { OutputLang } from '../runtime/words.js';
import { UsageError } from './usage-error.js';

export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** The value's placeholder in help and messages: DIR, N, zh|en. */
  value?: string;
  /** Its help line(s): 中文 / English. */
  help: string;
}

/** Parsed option values, by option name. */
export type Values = Record<string, string | boolean | undefined>;

export interface RunArgs {
  /** The positionals after the command's name. */
  rest: string[];
  values: Values;
  lang: OutputLang;
  format: OutputFormat;
}

/** A form of a command chosen by one of its options (`eval --batch`), reading its own options. */
export interface CommandForm {
  /** As named in messages: `eval --batch`. */
  name: string;
  /** The option that selects this form; none for the plain form. */
  when?: string;
  /** The options this form reads besides the global ones, in the order messages list them. */
  options: readonly string[];
}

export interface Command {
  name: string;
  /** Its lines under "用法 Usage:" in `zige --help`, aligned as printed there. */
  usage: string;
  /** Every option the command reads besides the global ones (--lang, --help, --version). */
  options: Readonly<Record<string, OptionSpec>>;
  /** Its forms, the selecting ones first; default: one form reading every option. */
  forms?: readonly CommandForm[];
  /** Its help for --lang, where it means more than the message language (fmt). */
  lang?: OptionSpec;
  /** The exit codes line of `zige <name> --help`. */
  exits: string;
  run(args: RunArgs, io: Io): Promise<number>;
}

/** The form of `command` that the given option values select. */
export function formOf(command: Command, values: Values): CommandForm {
  const forms = command.forms ?? [{ name: command.name, options: Object.keys(command.options) }];
  return forms.find((f) => f.when === undefined || values[f.when] !== undefined) ?? forms[forms.length - 1];
}

/** The options a form reads, as listed in usage messages: its own (not the selecting one) and --lang. */
export function optionList(form: CommandForm): string {
  return [...form.options.filter((o) => o !== form.when), 'lang'].map((o) => `--${o}`).join(' ');
}

/** At most one positional: the DIR or PROFILE of a command. */
export function one(rest: string[], what: string): string | undefined {
  if (rest.length > 1) throw new UsageError(`只能给一个 ${what} / expected one ${what}, got ${rest.length}`);
  return rest[0];
}

/** A string option's value (parseArgs has checked its type). */
export function text(values: Values, name: string): string | undefined {
  return values[name] as string | undefined;
}

/** A boolean option's value, false when absent. */
export function flag(values: Values, name: string): boolean {
  return values[name] === true;
}
