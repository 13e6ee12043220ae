import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The default forks pool: generators chdir, which worker threads do not allow.
    pool: 'forks',
    testTimeout: 120_000,
    // The tool speaks the locale's language (issue 7): the suite runs under an English locale wherever it runs;
    // the tests of other languages say theirs.
    env: { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' },
    hookTimeout: 600_000,
  },
});
