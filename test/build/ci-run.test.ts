/** .ci/run: the suites run on Node 20 and again on Node 24, each phase timed, and nothing in it is optional. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const ci = readFileSync(join(root, '.ci/run'), 'utf8');
const commands = ci.split('\n').filter((l) => l.trim() !== '' && !l.trim().startsWith('#'));

describe('.ci/run', () => {
  it('stops at the first failure', () => {
    expect(ci).toMatch(/^set -euo pipefail$/m);
  });

  it('runs the test command on the machine’s Node, then the same suites on Node 24', () => {
    const test20 = commands.findIndex((l) => /\bnpm test\b/.test(l));
    const test24 = commands.findIndex((l) => /npx -y -p node@24 node scripts\/test\.mjs/.test(l));
    expect(test20).toBeGreaterThan(-1);
    expect(test24).toBeGreaterThan(test20);
  });

  it('runs the boot test on both: it is part of the suite scripts/test.mjs runs, with the Node that runs it', () => {
    const testScript = readFileSync(join(root, 'scripts/test.mjs'), 'utf8');
    // The build and vitest run under process.execPath, i.e. Node 24 in the second leg.
    expect(testScript).toContain("run(process.execPath, ['scripts/build.mjs'])");
    expect(testScript).toContain("run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run'");
    const vitest = readFileSync(join(root, 'vitest.config.ts'), 'utf8');
    expect(vitest).toContain("'test/**/*.test.ts'");
  });

  it('times each phase and the whole run', () => {
    expect(ci).toContain('took $((SECONDS - t)) s');
    expect(ci).toContain('all green in $((SECONDS - ci_start)) s');
  });
});
