// The Electron fuses the packaged app ships with, by @electron/fuses option name, and the check of a binary's
// fuse wire against them. Plain data and pure functions, so test/build/fuses.test.ts checks them without an
// Electron binary; build/after-pack.cjs flips them and says, at its top, why each one is set.
// CommonJS because electron-builder require()s its hooks.
'use strict';

const { FuseV1Options, FuseVersion } = require('@electron/fuses');

/** @type {Readonly<Record<string, boolean>>} */
const fuses = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // Electron's defaults, written out so every fuse @electron/fuses 1.x can name has a reviewed value.
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: true,
});

/**
 * Fuses past the end of @electron/fuses 1.x's list (it names 0..7; Electron's wire has grown since), by wire
 * index: they keep Electron's default, and that default is checked. A wire with any further fuse is refused, so
 * an Electron upgrade that adds one fails `npm run dist` until someone reviews it here.
 * @type {Readonly<Record<number, { name: string, enabled: boolean }>>}
 */
const inheritedFuses = Object.freeze({
  8: { name: 'WasmTrapHandlers', enabled: true },
});

/** The flipFuses() config: option names mapped to their wire index; an unknown name is a typo, not a no-op. */
function toFuseConfig(byName = fuses) {
  /** @type {Record<string | number, unknown>} */
  const config = { version: FuseVersion.V1 };
  for (const [name, value] of Object.entries(byName)) {
    const index = FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)];
    if (typeof index !== 'number') throw new Error(`unknown Electron fuse "${name}" in build/fuses.cjs`);
    config[index] = value;
  }
  return config;
}

// Wire bytes, as Electron's docs/tutorial/fuses.md defines them.
const DISABLE = 0x30;
const ENABLE = 0x31;
const REMOVED = 0x72;

/**
 * Problems with a fuse wire as getCurrentFuseWire() reads it ({ version, 0: byte, 1: byte, ... }): a fuse in
 * the wrong state, or one nobody reviewed. Empty when the binary is as intended.
 * @param {Record<string, unknown>} wire
 * @returns {string[]}
 */
function checkFuseWire(wire, byName = fuses, inherited = inheritedFuses) {
  /** @type {Map<number, { name: string, enabled: boolean }>} */
  const expected = new Map();
  for (const [name, enabled] of Object.entries(byName)) {
    expected.set(/** @type {number} */ (FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]), {
      name,
      enabled,
    });
  }
  for (const [index, fuse] of Object.entries(inherited)) expected.set(Number(index), fuse);
  const problems = [];
  if (String(wire.version) !== FuseVersion.V1)
    problems.push(`fuse wire version ${String(wire.version)}, not 1`);
  const indices = Object.keys(wire)
    .filter((k) => /^\d+$/.test(k))
    .map(Number);
  for (const index of indices) {
    const state = wire[index];
    const want = expected.get(index);
    if (!want) {
      problems.push(`fuse #${index} is new to this Electron: review it in build/fuses.cjs`);
      continue;
    }
    if (state === REMOVED) continue;
    if (state !== (want.enabled ? ENABLE : DISABLE)) {
      problems.push(
        `${want.name} should be ${want.enabled ? 'enabled' : 'disabled'}, byte is ${String(state)}`,
      );
    }
  }
  // An inherited fuse may be absent from an older wire; one we set may not.
  for (const name of Object.keys(byName)) {
    const index = /** @type {number} */ (FuseV1Options[/** @type {keyof typeof FuseV1Options} */ (name)]);
    if (!indices.includes(index))
      problems.push(`${name} (#${index}) is missing from this Electron's fuse wire`);
  }
  return problems;
}

module.exports = {
  fuses,
  inheritedFuses,
  toFuseConfig,
  checkFuseWire,
  FUSE_BYTES: { DISABLE, ENABLE, REMOVED },
};
