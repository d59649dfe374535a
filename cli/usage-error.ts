// A mistake in the command line (exit code 2). Its own module, so that cli/main.ts can load the
// commands lazily: `zige --help` and `zige --version` load nothing else.
export class UsageError extends Error {}
