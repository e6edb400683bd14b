import { defineConfig } from 'vitest/config';

// Browser tests: each file builds/serves the app through tests/e2e/harness.ts and drives chromium.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 240_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
