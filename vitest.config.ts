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
    // On CI a failed test gets one more run: timing on a shared 2-core machine (a browser, a keyring daemon and a
    // loopback server at once) can still tip one over. A test that fails twice fails the build, and every test
    // that passed only on the retry is listed by name in the summary (test/helpers/summary-reporter.ts).
    retry: process.env.CI === 'true' ? 1 : 0,
  },
});
