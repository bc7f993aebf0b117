import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'e2e/**/*.test.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // 2-core machines: keep the pool small; the browser and keychain suites are heavy.
    maxWorkers: 2,
    restoreMocks: true,
  },
});
