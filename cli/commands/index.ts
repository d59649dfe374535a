// The command table: every `zige` command, in the order `zige --help` lists them. Adding a command
// is a file in this folder and a line here (docs/architecture.md).
import type { Command } from '../command.js';
import { analyze } from './analyze.js';
import { diff } from './diff.js';
import { check } from './check.js';
import { compile } from './compile.js';
import { evalCommand } from './eval.js';
import { fmt } from './fmt.js';
import { roster } from './roster.js';
import { serve } from './serve.js';
import { sql } from './sql.js';
import { test } from './test.js';
import { site } from './site.js';
import { trace } from './trace.js';

export const COMMANDS: readonly Command[] = [check, compile, fmt, evalCommand, sql, test, trace, analyze, diff, roster, serve, site];

export function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((c) => c.name === name);
}
