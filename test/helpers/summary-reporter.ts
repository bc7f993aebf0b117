/**
 * Prints the closing line CI reads: "N passed, N failed, N skipped". Counts failed test files (a file that
 * cannot even load) and unhandled errors as failures, so a broken suite can never look empty-and-green.
 */
import type { Reporter, TestModule } from 'vitest/node';

export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const skippedWhy = new Map<string, number>();
    const flaky: string[] = [];
    for (const mod of modules) {
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed += 1;
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') {
          passed += 1;
          if (test.diagnostic()?.flaky) flaky.push(test.fullName);
        } else if (state === 'failed') failed += 1;
        else {
          skipped += 1;
          const why = test.parent.type === 'suite' ? test.parent.fullName : mod.relativeModuleId;
          skippedWhy.set(why, (skippedWhy.get(why) ?? 0) + 1);
        }
      }
    }
    if (skippedWhy.size > 0) {
      process.stdout.write('\nSkipped here (and why):\n');
      for (const [why, n] of skippedWhy) process.stdout.write(`  - ${n} × ${why}\n`);
    }
    if (flaky.length > 0) {
      // A retry hides nothing: each test that needed one is named here, to be fixed.
      process.stdout.write('\nPassed only on a retry (flaky, to fix):\n');
      for (const name of flaky) process.stdout.write(`  - ${name}\n`);
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
