// The built CLI called in this process through `main(argv, io)` (cli/main.ts): the same code as
// `node dist/cli/bin.js`, without starting Node (about 1 s a run on this machine under load,
// 0.1–0.2 s in process). Tests of the process boundary itself — signals, stdin, exit on a closed
// pipe, which modules a cold start loads — keep `cli()` (test/helpers.ts).
import { readFileSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliResult } from './helpers.js';

const ROOT = join(import.meta.dirname, '..');

type Main = typeof import('../cli/main.js').main;
const loaded = new Map<string, Main>();

async function mainOfBuild(root: string): Promise<Main> {
  let main = loaded.get(root);
  if (!main) {
    main = ((await import(pathToFileURL(join(root, 'dist', 'cli', 'main.js')).href)) as { main: Main }).main;
    loaded.set(root, main);
  }
  return main;
}

/**
 * Runs `zige ARGS` in process, as a child would run it: from `cwd` (default the repo), with
 * NO_COLOR set and `env` added (undefined: unset), `stdin` as standard input, stdout (streamed
 * output too) and stderr captured, not on a terminal unless said. Calls are serialised: the working
 * directory and the environment belong to the whole process. `build`: the root of another copy of
 * the built package to run (its own dist/, loaded once), instead of this repository's.
 */
export async function zige(
  args: string[],
  options: { cwd?: string; env?: Record<string, string | undefined>; isTTY?: boolean; errIsTTY?: boolean; stdin?: string | Uint8Array; build?: string } = {},
): Promise<CliResult> {
  const main = await mainOfBuild(options.build ?? ROOT);
  const previous = queue;
  let release = (): void => {};
  queue = new Promise<void>((r) => (release = r));
  await previous;
  const savedCwd = process.cwd();
  const env: Record<string, string | undefined> = { NO_COLOR: '1', ZIGE_DEBUG: '', ...options.env };
  const savedEnv = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  let stdout = '';
  let stderr = '';
  try {
    for (const [k, v] of Object.entries(env)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    process.chdir(options.cwd ?? ROOT);
    const code = await main(args, {
      out: (s) => void (stdout += s + '\n'),
      err: (s) => void (stderr += s + '\n'),
      readFile: (p) => readFileSync(p, 'utf8'),
      stdout: new Writable({
        write(chunk: Buffer, _encoding, done) {
          stdout += chunk.toString('utf8');
          done();
        },
      }),
      stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
      isTTY: options.isTTY ?? false,
      errIsTTY: options.errIsTTY ?? options.isTTY ?? false,
    });
    return { code, stdout, stderr };
  } finally {
    process.chdir(savedCwd);
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    release();
  }
}
let queue: Promise<void> = Promise.resolve();
