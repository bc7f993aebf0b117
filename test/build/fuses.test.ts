/**
 * The Electron fuses `npm run dist` ships with (build/fuses.cjs) and the afterPack hook that flips them
 * (build/after-pack.cjs). There is no Electron binary here, so the hook runs on a synthetic file that holds only
 * Electron's fuse wire format (sentinel, version, length, one byte per fuse): it proves the hook writes and
 * verifies the wire, not that a real Electron honours it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

interface FusesModule {
  fuses: Readonly<Record<string, boolean>>;
  inheritedFuses: Readonly<Record<number, { name: string; enabled: boolean }>>;
  toFuseConfig(byName?: Record<string, boolean>): Record<string, unknown>;
  checkFuseWire(wire: Record<string, unknown>): string[];
}
type AfterPack = (context: unknown) => Promise<void>;

const { fuses, inheritedFuses, toFuseConfig, checkFuseWire } =
  require('../../build/fuses.cjs') as FusesModule;
const afterPack = require('../../build/after-pack.cjs') as AfterPack;
const { FuseV1Options } = require('@electron/fuses') as { FuseV1Options: Record<string, number> };

const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
// Electron's defaults for the 9 fuses of the current wire: RunAsNode, CookieEncryption, NodeOptions, NodeCliInspect,
// AsarIntegrity, OnlyLoadAppFromAsar, BrowserV8Snapshot, GrantFileProtocolExtraPrivileges, WasmTrapHandlers.
const DEFAULT_WIRE = '101100011';

function fakeBinary(dir: string, wire: string): string {
  const file = join(dir, 'copilot-meter');
  const bytes = Buffer.concat([
    Buffer.from('ELF-ish padding before the wire '),
    Buffer.from(SENTINEL),
    Buffer.from([1, wire.length]),
    Buffer.from(wire),
    Buffer.from(' and after it'),
  ]);
  writeFileSync(file, bytes);
  return file;
}
const wireOf = (file: string): string => {
  const bytes = readFileSync(file);
  const at = bytes.indexOf(SENTINEL) + SENTINEL.length;
  return bytes.subarray(at + 2, at + 2 + bytes[at + 1]!).toString();
};
const linuxContext = (dir: string) => ({
  appOutDir: dir,
  electronPlatformName: 'linux',
  arch: 1,
  packager: { executableName: 'copilot-meter', appInfo: { productFilename: 'Copilot Meter' } },
});

describe('electron fuses configuration', () => {
  it('turns off every way to run the binary as a plain or debuggable Node', () => {
    expect(fuses.RunAsNode).toBe(false);
    expect(fuses.EnableNodeOptionsEnvironmentVariable).toBe(false);
    expect(fuses.EnableNodeCliInspectArguments).toBe(false);
  });

  it('loads app code only from an integrity-checked asar and encrypts cookies', () => {
    expect(fuses.OnlyLoadAppFromAsar).toBe(true);
    expect(fuses.EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(fuses.EnableCookieEncryption).toBe(true);
  });

  it('gives every fuse @electron/fuses knows an explicit value, mapped to its wire index', () => {
    const known = Object.keys(FuseV1Options).filter((k) => Number.isNaN(Number(k)));
    expect(Object.keys(fuses).sort()).toEqual(known.sort());
    const config = toFuseConfig();
    expect(config.version).toBe('1');
    expect(config[FuseV1Options.RunAsNode!]).toBe(false);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar!]).toBe(true);
    expect(inheritedFuses[8]).toEqual({ name: 'WasmTrapHandlers', enabled: true });
  });

  it('refuses a misspelt fuse name instead of silently leaving the fuse alone', () => {
    expect(() => toFuseConfig({ RunAsNod: false })).toThrow(/unknown Electron fuse "RunAsNod"/);
  });

  it('flags a wire with a fuse in the wrong state or a fuse nobody reviewed', () => {
    const wire = (s: string) => ({ version: '1', ...[...s].map((c) => c.charCodeAt(0)) });
    expect(checkFuseWire(wire('010011011'))).toEqual([]);
    expect(checkFuseWire(wire('110011011'))).toEqual([
      expect.stringContaining('RunAsNode should be disabled'),
    ]);
    expect(checkFuseWire(wire('0100110110'))).toEqual([expect.stringContaining('fuse #9 is new')]);
    // A fuse Electron marked removed ('r') is fine: flipping it is a no-op.
    expect(checkFuseWire(wire('r10011011'))).toEqual([]);
  });
});

describe('afterPack hook', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('flips the fuse wire of the packaged binary to the configured states', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cm-fuses-'));
    const binary = fakeBinary(dir, DEFAULT_WIRE);
    await afterPack(linuxContext(dir));
    expect(wireOf(binary)).toBe('010011011');
  });

  it('fails the build when the binary has a fuse that was never reviewed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'cm-fuses-'));
    fakeBinary(dir, `${DEFAULT_WIRE}0`);
    await expect(afterPack(linuxContext(dir))).rejects.toThrow(/fuse #9 is new to this Electron/);
  });
});
