import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isConfigError } from '../../shared/errors';
import { defaultSettings } from '../../main/settings/schema';
import { createSettingsStore, openSettings, settingsDir, SETTINGS_FILE } from '../../main/settings/store';
import type { Env } from '../../main/core/ports';

let dir: string;
const env = (vars: Record<string, string> = {}, platform: NodeJS.Platform = 'linux'): Env => ({
  vars,
  platform,
  homedir: '/home/mona',
});
const file = () => join(dir, SETTINGS_FILE);
const readJson = () => JSON.parse(readFileSync(file(), 'utf8')) as Record<string, unknown>;
const open = () =>
  openSettings({ env: env({ COPILOT_METER_CONFIG_DIR: dir }), now: () => Date.UTC(2026, 10, 24, 12) });
const backups = () => readdirSync(dir).filter((f) => f.startsWith(`${SETTINGS_FILE}.corrupt-`));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-settings-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('settingsDir', () => {
  it('uses COPILOT_METER_CONFIG_DIR when set', () => {
    expect(settingsDir(env({ COPILOT_METER_CONFIG_DIR: '/tmp/x' }))).toBe('/tmp/x');
  });
  it('follows XDG on Linux, with ~/.config as the fallback', () => {
    expect(settingsDir(env({ XDG_CONFIG_HOME: '/xdg' }))).toBe('/xdg/copilot-meter');
    expect(settingsDir(env())).toBe('/home/mona/.config/copilot-meter');
  });
  it('uses Application Support on macOS and %APPDATA% on Windows', () => {
    expect(settingsDir(env({}, 'darwin'))).toBe('/home/mona/Library/Application Support/copilot-meter');
    expect(
      settingsDir({
        vars: { APPDATA: 'C:\\Users\\mona\\AppData\\Roaming' },
        platform: 'win32',
        homedir: 'C:\\Users\\mona',
      }),
    ).toBe('C:\\Users\\mona\\AppData\\Roaming\\copilot-meter');
  });
});

describe('settings store (conf, real temp files)', () => {
  it('gives the defaults and creates no file when none exists', () => {
    const s = open();
    expect(s.get()).toEqual(defaultSettings());
    expect(s.problems).toEqual([]);
    expect(existsSync(file())).toBe(false);
    expect(s.path).toBe(file());
  });

  it('saves a patch and a function update, and a second instance reads them back', () => {
    const s = open();
    s.update({ plan: 'pro', refreshMinutes: 10 });
    const after = s.update((cur) => ({ ...cur, thresholds: [50, 80] }));
    expect(after.thresholds).toEqual([50, 80]);
    const again = open().get();
    expect(again.plan).toBe('pro');
    expect(again.refreshMinutes).toBe(10);
    expect(again.thresholds).toEqual([50, 80]);
    expect(readJson().plan).toBe('pro');
  });

  it('sees a change another process (here: another instance) made, without reopening', () => {
    const tray = open();
    const cli = open();
    cli.update({ language: 'zh' });
    expect(tray.get().language).toBe('zh');
  });

  it('refuses an update that holds a token, and writes nothing', () => {
    const s = open();
    s.update({ plan: 'pro' });
    const before = readFileSync(file(), 'utf8');
    let err: unknown;
    try {
      s.update((cur) => ({
        ...cur,
        apiUrl: 'https://api.github.com',
        plan: 'pro',
        lastSnapshot: null,
        accounts: [
          {
            login: 'x',
            host: 'github.com',
            tokenHint: 'ghp_0123456789abcd',
            tokenExpiresAt: null,
            lastCheckedAt: null,
          },
        ],
      }));
    } catch (e) {
      err = e;
    }
    expect(isConfigError(err)).toBe(true);
    expect(String((err as Error).message)).not.toContain('ghp_0123456789abcd');
    expect(readFileSync(file(), 'utf8')).toBe(before);
  });

  it('refuses an update with a broken value instead of silently resetting it', () => {
    const s = open();
    expect(() => s.update({ apiUrl: 'not a url' })).toThrow(/apiUrl/);
  });

  it('clamps an out-of-range refresh interval on update', () => {
    expect(open().update({ refreshMinutes: 0 }).refreshMinutes).toBe(1);
  });

  it('backs up a file that is not JSON, starts from defaults, reports once and does not crash', () => {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file(), '{"plan": "pro", oops');
    const s = open();
    expect(s.get()).toEqual(defaultSettings());
    expect(s.problems).toHaveLength(1);
    expect(s.problems[0]).toMatch(/not valid JSON/);
    const [copy] = backups();
    expect(copy).toBe(`${SETTINGS_FILE}.corrupt-2026-11-24T12-00-00-000Z`);
    expect(readFileSync(join(dir, copy!), 'utf8')).toBe('{"plan": "pro", oops');
    expect(readJson().version).toBe(1);
    s.get();
    s.update({ plan: 'max' });
    expect(s.problems).toHaveLength(1);
    expect(backups()).toHaveLength(1);
  });

  it('treats JSON that is not an object (a list, null) as corrupt too', () => {
    writeFileSync(file(), '[1,2,3]');
    const s = open();
    expect(s.get()).toEqual(defaultSettings());
    expect(backups()).toHaveLength(1);
    expect(readFileSync(join(dir, backups()[0]!), 'utf8')).toBe('[1,2,3]');
  });

  it('with wrong types, keeps a backup, resets only the broken keys and keeps the rest', () => {
    const original = JSON.stringify({
      version: 1,
      plan: 'pro+',
      refreshMinutes: 'soon',
      language: 'fr',
      thresholds: 'high',
    });
    writeFileSync(file(), original);
    const s = open();
    const got = s.get();
    expect(got.plan).toBe('pro+');
    expect(got.language).toBe('fr');
    expect(got.refreshMinutes).toBe(5);
    expect(got.thresholds).toEqual([75, 90, 100]);
    expect(s.problems.map((p) => p.split(':')[0]).sort()).toEqual(['refreshMinutes', 'thresholds']);
    expect(backups()).toHaveLength(1);
    expect(readFileSync(join(dir, backups()[0]!), 'utf8')).toBe(original);
    // The repaired file is written back, so the next start is clean.
    expect(readJson().refreshMinutes).toBe(5);
    expect(open().problems).toEqual([]);
  });

  it('removes a token found in the file, and the backup does not keep it either', () => {
    writeFileSync(
      file(),
      JSON.stringify({
        version: 1,
        plan: 'pro',
        token: 'github_pat_11AAAAAAA0123456789_secret',
        refreshMinutes: 'x',
      }),
    );
    const s = open();
    expect(s.problems.some((p) => p.startsWith('token:'))).toBe(true);
    expect(readFileSync(file(), 'utf8')).not.toContain('github_pat_');
    for (const b of backups()) expect(readFileSync(join(dir, b), 'utf8')).not.toContain('github_pat_');
    expect(s.get().plan).toBe('pro');
  });

  it('migrates a version 0 file (tier → plan) and writes version 1', () => {
    writeFileSync(file(), JSON.stringify({ tier: 'business', refreshInterval: 120 }));
    const s = open();
    expect(s.get().plan).toBe('business');
    expect(s.get().refreshMinutes).toBe(2);
    expect(s.problems).toEqual([]);
    const onDisk = readJson();
    expect(onDisk.version).toBe(1);
    expect(onDisk).not.toHaveProperty('tier');
    expect(backups()).toEqual([]);
  });

  it('keeps unknown keys on disk when it writes', () => {
    writeFileSync(file(), JSON.stringify({ version: 1, fromTheFuture: [1, 2] }));
    open().update({ plan: 'pro' });
    expect(readJson().fromTheFuture).toEqual([1, 2]);
  });

  it('writes by replacing the file (write then rename), so a crash cannot leave half a file', () => {
    const s = open();
    s.update({ plan: 'pro' });
    const inode = statSync(file()).ino;
    s.update({ plan: 'max' });
    expect(statSync(file()).ino).not.toBe(inode);
    expect(readdirSync(dir).filter((f) => f !== SETTINGS_FILE)).toEqual([]);
  });
});

describe('a settings file that cannot be written', () => {
  it('is still read (with repairs in memory), reported once, and left as it is', () => {
    // Tests run as root here, which ignores file modes: a backing whose writes fail stands in for a read-only file.
    const dir = mkdtempSync(join(tmpdir(), 'cm-ro-'));
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ version: 1, refreshMinutes: 'x', plan: 'pro' }));
    const before = readFileSync(file, 'utf8');
    const store = createSettingsStore(
      () => ({
        get store(): Record<string, unknown> {
          return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
        },
        set store(_v: Record<string, unknown>) {
          throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
        },
        path: file,
      }),
      { path: file },
    );
    const s = store.get();
    expect(s.plan).toBe('pro');
    expect(s.refreshMinutes).toBe(5);
    expect(store.problems.some((p) => p.includes('cannot be written'))).toBe(true);
    expect(readFileSync(file, 'utf8')).toBe(before);
    // Read again and again (the tray does, on every render): one copy, one report.
    for (let i = 0; i < 5; i++) store.get();
    expect(readdirSync(dir).filter((f) => f.includes('.corrupt-'))).toHaveLength(1);
    expect(new Set(store.problems).size).toBe(store.problems.length);
    expect(store.problems.filter((p) => p.startsWith('refreshMinutes'))).toHaveLength(1);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps a copy before dropping a key that holds a token', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cm-secret-'));
    const store = openSettings({
      env: { vars: { COPILOT_METER_CONFIG_DIR: dir }, platform: 'linux', homedir: dir },
    });
    writeFileSync(
      store.path,
      JSON.stringify({
        version: 1,
        plan: 'pro',
        accounts: [{ login: 'octo', note: 'ghp_FAKEsecret12345678' }],
      }),
    );
    store.get();
    const copies = readdirSync(dir).filter((f) => f.includes('.corrupt-'));
    expect(copies).toHaveLength(1);
    expect(readFileSync(join(dir, copies[0]!), 'utf8')).not.toContain('FAKEsecret');
    rmSync(dir, { recursive: true, force: true });
  });
});
