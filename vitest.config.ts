import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Most tests
    // run in process (test/in-process.ts) and use a core each, so use both.
    maxWorkers: 2,
    // Test files share their worker's modules (loaded once per worker, not once per file: a third
    // of the suite's time). So a test leaves no module state behind: the in-process CLI restores
    // the directory and environment, and test/word-table.test.ts drops the modules it extends.
    isolate: false,
    // A few tests run the built CLI as a child process; on a loaded 2-core machine they take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
