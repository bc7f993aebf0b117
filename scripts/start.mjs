#!/usr/bin/env node
// `npm start`: runs the tray app in Electron (after scripts/build.mjs bundled it). Arguments after `npm start --`
// go to the app (e.g. `npm start -- --api-url http://127.0.0.1:8787`). When Electron's binary is not there (npm ci
// ran with ELECTRON_SKIP_BINARY_DOWNLOAD=1, or the download was blocked), this says what that means for this
// project instead of Electron's own "delete node_modules/electron" advice.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));

/** The Electron binary's path, or why there is none. */
function electronBinary() {
  let path;
  try {
    // The electron package exports its binary's path and throws when the download never happened.
    path = require('electron');
  } catch (e) {
    const code = /** @type {{ code?: string }} */ (e).code;
    return {
      why: code === 'MODULE_NOT_FOUND' ? 'the electron package is not installed' : 'it was never downloaded',
    };
  }
  if (typeof path !== 'string' || !existsSync(path)) return { why: `${String(path)} does not exist` };
  return { path };
}

const found = electronBinary();
if (!found.path) {
  process.stderr.write(
    [
      `Copilot Meter: the tray app needs Electron's binary, and there is none here (${found.why}).`,
      '',
      'That is expected after `ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci`, or where github.com downloads are blocked.',
      'Everything else works without it:',
      '  npx copilot-meter status                  # the CLI (COPILOT_METER_TOKEN=… or an existing Copilot sign-in)',
      '  npm test                                  # the tests (the Electron e2e is skipped and says so)',
      '',
      'To run the tray app, fetch the binary, then `npm start` again:',
      '  node node_modules/electron/install.js     # honours ELECTRON_MIRROR and the usual proxy variables',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

const child = spawn(found.path, [root, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  else process.exit(code ?? 1);
});
