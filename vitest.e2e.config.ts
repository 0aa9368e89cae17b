import { defineConfig } from 'vitest/config';

// Browser tests drive the production build in Debian's Chromium; they run one file at a time on this 2-core machine.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    testTimeout: 240_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
