/**
 * Issue 12, the settings file: something that is not a settings file where it belongs (items 1 and 12), a
 * read-only one (item 13), and parallel writers (item 15). Real files; the parallel writers are real processes.
 */
import { execFile, execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../main/settings/schema';
import { openSettings, SETTINGS_FILE, withFileLock } from '../../main/settings/store';
import { isConfigError } from '../../shared/errors';

let dir: string;
const file = () => join(dir, SETTINGS_FILE);
const open = () =>
  openSettings({
    env: { vars: { COPILOT_METER_CONFIG_DIR: dir }, platform: 'linux', homedir: dir },
    now: () => Date.UTC(2026, 10, 29, 12),
  });

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-hostile-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('settings.json that is not a settings file (items 1 and 12)', () => {
  it('a directory: the store opens with the defaults and says so', () => {
    mkdirSync(file());
    const store = open();
    expect(store.get()).toEqual(defaultSettings());
    expect(store.problems.join('\n')).toMatch(/not a regular file; defaults are used/);
    expect(() => store.update({ refreshMinutes: 10 })).toThrow(/not a regular file; nothing was saved/);
    expect(statSync(file()).isDirectory()).toBe(true);
  });

  it('a FIFO: opened, read and updated without ever blocking on it', () => {
    execFileSync('mkfifo', [file()]);
    const started = Date.now();
    const store = open();
    expect(store.get()).toEqual(defaultSettings());
    let error: unknown;
    try {
      store.update({ refreshMinutes: 10 });
    } catch (e) {
      error = e;
    }
    expect(isConfigError(error)).toBe(true);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(statSync(file()).isFIFO()).toBe(true);
  });

  it('100,000 levels of nesting: no stack overflow; a copy is kept and the defaults are used', () => {
    writeFileSync(file(), `{"extra":${'['.repeat(100_000)}${']'.repeat(100_000)}}`);
    const store = open();
    expect(store.get()).toEqual(defaultSettings());
    expect(store.problems.join('\n')).toMatch(/not valid JSON; a copy was kept/);
    store.update({ refreshMinutes: 10 });
    expect(open().get().refreshMinutes).toBe(10);
  });
});

describe('a read-only settings.json in a writable folder (item 13)', () => {
  it('is never replaced: same inode, same mode, same content; a save says it was not saved', () => {
    const original = `${JSON.stringify({ ...defaultSettings(), refreshMinutes: 7 }, undefined, '\t')}\n`;
    writeFileSync(file(), original);
    chmodSync(file(), 0o444);
    const before = statSync(file());
    const store = open();
    expect(store.get().refreshMinutes).toBe(7);
    expect(() => store.update({ refreshMinutes: 10 })).toThrow(/read-only; nothing was saved/);
    const after = statSync(file());
    expect(after.ino).toBe(before.ino);
    expect(after.mode & 0o777).toBe(0o444);
    expect(readFileSync(file(), 'utf8')).toBe(original);
  });

  it('a repair of a read-only file is used in memory only, and the file is left as it is', () => {
    const original = JSON.stringify({ version: 1, refreshMinutes: 'often', thresholds: [90, 75] });
    writeFileSync(file(), original);
    chmodSync(file(), 0o444);
    const before = statSync(file());
    const store = open();
    expect(store.get().thresholds).toEqual([75, 90]);
    expect(store.problems.join('\n')).toMatch(/cannot be written/);
    expect(statSync(file()).ino).toBe(before.ino);
    expect(readFileSync(file(), 'utf8')).toBe(original);
  });
});

describe('parallel writers (item 15)', () => {
  // Bundled once (esbuild, as the CLI is), so 20 processes start as fast as the real CLI does.
  let child: string;
  beforeAll(() => {
    child = join(mkdtempSync(join(tmpdir(), 'cm-child-')), 'add-account.mjs');
    buildSync({
      entryPoints: [join(__dirname, 'add-account-child.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      outfile: child,
      logLevel: 'silent',
      banner: {
        js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
      },
    });
  });
  afterAll(() => rmSync(dirname(child), { recursive: true, force: true }));
  const addAccount = (login: string) =>
    new Promise<number>((resolve) => {
      execFile(process.execPath, [child, dir, login], { timeout: 60_000 }, (error) => resolve(error ? 1 : 0));
    });

  it('20 processes each adding an account at once keep all 20', async () => {
    const logins = Array.from({ length: 20 }, (_, i) => `user${i}`);
    const codes = await Promise.all(logins.map(addAccount));
    expect(codes).toEqual(logins.map(() => 0));
    const saved = open()
      .get()
      .accounts.map((a) => a.login)
      .sort();
    expect(saved).toEqual([...logins].sort());
  }, 90_000);

  it('waits for a lock held by another writer, and gives up with a clear error when it is never released', () => {
    const target = file();
    let inner = 0;
    withFileLock(target, () => {
      // A second writer cannot take the lock while the first holds it.
      expect(() => withFileLock(target, () => inner++, 200)).toThrow(/locked by another process/);
    });
    expect(inner).toBe(0);
    expect(withFileLock(target, () => ++inner)).toBe(1);
  });
});
