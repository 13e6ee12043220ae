import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The default forks pool: generators chdir, which worker threads do not allow.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 600_000,
  },
});
