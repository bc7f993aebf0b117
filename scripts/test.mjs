#!/usr/bin/env node
// `npm test`: build (the CLI tests run the real bin), then every test, e2e included. The summary reporter prints
// the closing "N passed, N failed, N skipped" line. Extra args go to vitest (e.g. a file filter).
import { spawnSync } from 'node:child_process';

const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, QUIET_BUILD: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(process.execPath, ['scripts/build.mjs']);
run(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...process.argv.slice(2)]);
