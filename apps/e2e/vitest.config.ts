import { defineConfig } from 'vitest/config';

// One real server and one real browser: run the files one after another in a single fork,
// with timeouts sized for a cold Chromium start on a small CI machine.
export default defineConfig({
  test: {
    include: ['test/**/*.e2e.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
