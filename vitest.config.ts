import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Many tests run the built CLI as a child process; on a loaded 2-core machine they take seconds.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
