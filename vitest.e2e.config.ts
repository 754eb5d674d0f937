import { defineConfig } from 'vitest/config';

// End-to-end tests: the built extension in Debian's Chromium. One file at a time (2 cores).
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
