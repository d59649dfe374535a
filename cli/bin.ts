#!/usr/bin/env node
import { MAX_SHOWN_FILE_BYTES, readBounded } from '../compiler/load/read-bounded.js';
import { main } from './main.js';

// `zige test | head`: a reader that stops early is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s + '\n'),
  err: (s) => process.stderr.write(s + '\n'),
  readFile: (p) => readBounded(p, MAX_SHOWN_FILE_BYTES).toString('utf8'),
  isTTY: Boolean(process.stdout.isTTY),
  errIsTTY: Boolean(process.stderr.isTTY),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`zige: 内部错误 internal error: ${String(e)}\n`);
    process.exitCode = 70;
  },
);
