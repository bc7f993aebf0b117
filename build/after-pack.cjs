// electron-builder afterPack hook (build/electron-builder.yml): flips the Electron fuses of the packaged binary,
// then reads them back and fails the build unless every fuse is as build/fuses.cjs says.
//
// Why each fuse (Electron docs/tutorial/fuses.md; this is a tray app whose only window is a sandboxed,
// contextIsolated wizard without Node, and whose CLI runs on plain Node, never through the Electron binary):
// - RunAsNode OFF: ELECTRON_RUN_AS_NODE would turn the signed app into a general Node interpreter that any local
//   process can drive ("living off the land"). We never fork() or spawn ourselves as Node.
// - EnableCookieEncryption ON: Chromium's cookie store is otherwise plaintext SQLite. The wizard sets no cookies
//   today; this keeps any future web session encrypted with the OS keystore (one-way: never turn it back off).
//   On macOS it needs a signed app (Keychain access, as for safeStorage).
// - EnableNodeOptionsEnvironmentVariable OFF: NODE_OPTIONS (and NODE_EXTRA_CA_CERTS) would let the environment
//   inject --require'd code or extra trusted CAs into the main process, which holds the GitHub token.
// - EnableNodeCliInspectArguments OFF: --inspect/--inspect-brk and SIGUSR1 would open a debugger on the main
//   process (and its token). Consequence: Playwright cannot drive a packaged build; e2e/electron.test.ts
//   launches the unpackaged app with the stock electron binary, whose fuses this hook never touches.
// - EnableEmbeddedAsarIntegrityValidation ON: macOS and Windows check app.asar against the hash electron-builder
//   embeds (Info.plist / exe resource) before this hook runs, so edited app code refuses to load. Linux has no
//   such check; the fuse is a no-op there. keytar's native module sits unpacked beside the asar and is not
//   covered by the hash.
// - OnlyLoadAppFromAsar ON: Electron otherwise falls back to an app/ folder or default_app.asar; with this, only
//   the (validated) app.asar is ever loaded.
// - LoadBrowserProcessSpecificV8Snapshot OFF (default): we ship no custom V8 snapshot.
// - GrantFileProtocolExtraPrivileges ON (default): the wizard is served from file:// (loadFile); turning this off
//   is right once it moves to a custom protocol, and cannot be tried without the Electron binary.
// - WasmTrapHandlers (index 8, not named by @electron/fuses 1.x) stays ON (default): memory safety for
//   WebAssembly through guard pages; nothing to gain from turning it off.
//
// @electron/fuses is pinned to 1.x: 2.x is ESM-only and needs Node >= 22.12; 1.x is also what electron-builder 26
// loads for its own `electronFuses` option. Fuses live in the packaged binary, so this runs only in `npm run dist`.
// Flipping happens before code signing (electron-builder signs after afterPack), and on Apple silicon the
// ad-hoc signature is renewed so an unsigned build still starts.
'use strict';

const path = require('node:path');
const { flipFuses, getCurrentFuseWire } = require('@electron/fuses');
const { Arch } = require('electron-builder');
const { checkFuseWire, toFuseConfig } = require('./fuses.cjs');

/** The binary that holds the fuse wire, as electron-builder names it per platform. */
function electronBinaryPath(context) {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: no fuse support for platform ${electronPlatformName}`);
  }
}

async function afterPack(context) {
  const binary = electronBinaryPath(context);
  const darwin = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await flipFuses(binary, {
    ...toFuseConfig(),
    resetAdHocDarwinSignature: darwin && (context.arch === Arch.arm64 || context.arch === Arch.universal),
  });
  const problems = checkFuseWire(await getCurrentFuseWire(binary));
  if (problems.length > 0) {
    throw new Error(
      `after-pack: Electron fuses of ${binary} are not as intended:\n  ${problems.join('\n  ')}`,
    );
  }
  console.log(`  • electron fuses flipped and verified  file=${binary}`);
}

module.exports = afterPack;
module.exports.default = afterPack;
module.exports.electronBinaryPath = electronBinaryPath;
