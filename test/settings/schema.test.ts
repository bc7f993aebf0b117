import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  findSecrets,
  migrateSettings,
  SETTINGS_VERSION,
  validateSettings,
  type Migration,
} from '../../main/settings/schema';

describe('settings defaults', () => {
  it('are the documented ones', () => {
    expect(defaultSettings()).toEqual({
      version: 1,
      apiUrl: 'https://api.github.com',
      plan: null,
      allowanceOverride: null,
      refreshMinutes: 5,
      thresholds: [75, 90, 100],
      notifications: { thresholds: true, accessBroken: true, periodReset: true, forecast: true },
      language: null,
      launchAtLogin: false,
      accounts: [],
      activeAccount: null,
      notified: { period: null, thresholds: [], accessBroken: false, tokenExpiry: null, forecast: false },
      lastSnapshot: null,
      usageWindow: null,
    });
  });

  it('are a fresh copy each time, so one caller cannot change another’s defaults', () => {
    defaultSettings().thresholds.push(5);
    expect(defaultSettings().thresholds).toEqual([75, 90, 100]);
  });
});

describe('validateSettings', () => {
  it('keeps every valid key as it is and reports nothing', () => {
    const raw = {
      ...defaultSettings(),
      plan: 'pro+',
      allowanceOverride: 2500,
      refreshMinutes: 15,
      language: 'fr',
      launchAtLogin: true,
      accounts: [
        {
          login: 'Mona-Lisa',
          host: 'github.com',
          tokenHint: '…abcd',
          tokenExpiresAt: '2027-01-01T00:00:00Z',
          lastCheckedAt: null,
        },
      ],
      activeAccount: 'github.com/Mona-Lisa',
    };
    const r = validateSettings(raw);
    expect(r.problems).toEqual([]);
    expect(r.settings).toEqual(raw);
  });

  it('resets only the broken keys and names each of them', () => {
    const r = validateSettings({
      version: 1,
      plan: 'platinum',
      refreshMinutes: 'often',
      launchAtLogin: 'yes',
      language: 'zh',
      thresholds: [50],
    });
    expect(r.settings.plan).toBeNull();
    expect(r.settings.refreshMinutes).toBe(5);
    expect(r.settings.launchAtLogin).toBe(false);
    expect(r.settings.language).toBe('zh');
    expect(r.settings.thresholds).toEqual([50]);
    expect(r.problems).toHaveLength(3);
    expect(r.problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'launchAtLogin',
      'plan',
      'refreshMinutes',
    ]);
  });

  it('clamps the refresh interval to 1..1440 minutes', () => {
    expect(validateSettings({ refreshMinutes: 0 }).settings.refreshMinutes).toBe(1);
    expect(validateSettings({ refreshMinutes: 100000 }).settings.refreshMinutes).toBe(1440);
    expect(validateSettings({ refreshMinutes: 30 }).settings.refreshMinutes).toBe(30);
  });

  it('sorts thresholds, drops duplicates and values outside 1..1000', () => {
    const r = validateSettings({ thresholds: [100, 90, 90, 0, 2000, 75, 'x'] });
    expect(r.settings.thresholds).toEqual([75, 90, 100]);
    expect(r.problems).toEqual([expect.stringMatching(/^thresholds:/)]);
  });

  it('accepts plan names as people write them', () => {
    expect(validateSettings({ plan: 'Pro+' }).settings.plan).toBe('pro+');
  });

  it('keeps valid notification switches when another one is broken', () => {
    const r = validateSettings({ notifications: { thresholds: false, accessBroken: 'no' } });
    expect(r.settings.notifications).toEqual({
      thresholds: false,
      accessBroken: true,
      periodReset: true,
      forecast: true,
    });
    expect(r.problems[0]).toMatch(/^notifications: .*accessBroken/);
  });

  it('drops invalid and duplicate accounts but keeps the good ones', () => {
    const good = {
      login: 'octocat',
      host: 'github.com',
      tokenHint: '…wxyz',
      tokenExpiresAt: null,
      lastCheckedAt: null,
    };
    const r = validateSettings({ accounts: [good, { login: 'has space', host: 'github.com' }, good, 42] });
    expect(r.settings.accounts).toEqual([good]);
    expect(r.problems).toEqual([expect.stringMatching(/^accounts: dropped 3/)]);
  });

  it('keeps an account marked session-only, and reads a missing or odd mark as the keychain', () => {
    const base = {
      login: 'octocat',
      host: 'github.com',
      tokenHint: 'wxyz',
      tokenExpiresAt: null,
      lastCheckedAt: null,
    };
    const r = validateSettings({
      accounts: [
        { ...base, sessionOnly: true },
        { ...base, login: 'hubot', sessionOnly: 'yes' },
        { ...base, login: 'mona' },
      ],
    });
    expect(r.settings.accounts).toEqual([
      { ...base, sessionOnly: true },
      { ...base, login: 'hubot' },
      { ...base, login: 'mona' },
    ]);
    expect(r.problems).toEqual([]);
  });

  it('removes any value that looks like a token, wherever it sits, and never repeats it', () => {
    const r = validateSettings({
      plan: 'pro',
      token: 'github_pat_11ABCDEFG0123456789_abcdefghijkl',
      accounts: [
        {
          login: 'octocat',
          host: 'github.com',
          tokenHint: 'ghp_abcdefghijklmnop',
          tokenExpiresAt: null,
          lastCheckedAt: null,
        },
      ],
      extra: { nested: ['fine', 'gho_16C7e42F292c6912E7710c838347Ae178B4a'] },
    });
    expect(r.settings.plan).toBe('pro');
    expect(r.settings.accounts).toEqual([]);
    expect(r.extras).toEqual({});
    const text = JSON.stringify(r);
    expect(text).not.toMatch(/github_pat_|ghp_|gho_/);
    expect(r.problems.map((p) => p.split(':')[0]).sort()).toEqual(['accounts', 'extra', 'token']);
  });

  it('keeps keys it does not know aside (a newer version may have written them)', () => {
    const r = validateSettings({ futureOption: { a: 1 } });
    expect(r.extras).toEqual({ futureOption: { a: 1 } });
    expect(r.problems).toEqual([]);
  });

  it('resets everything when the data is not an object', () => {
    const r = validateSettings([1, 2]);
    expect(r.settings).toEqual(defaultSettings());
    expect(r.problems).toHaveLength(1);
  });

  it('finds token-looking strings by path', () => {
    expect(findSecrets({ a: { b: ['x', 'ghp_0123456789abcdef'] } })).toEqual(['a.b[1]']);
  });
});

describe('migrateSettings', () => {
  it('migrates a hand-made version 0 file: tier becomes plan, seconds become minutes', () => {
    const r = migrateSettings({ tier: 'pro+', refreshInterval: 600, language: 'fr' });
    expect(r.from).toBe(0);
    expect(r.to).toBe(SETTINGS_VERSION);
    expect(r.data).toEqual({ version: 1, plan: 'pro+', refreshMinutes: 10, language: 'fr' });
    expect(validateSettings(r.data).problems).toEqual([]);
  });

  it('treats an empty object as a new file, not as version 0', () => {
    expect(migrateSettings({})).toEqual({ data: { version: 1 }, from: 1, to: 1 });
  });

  it('leaves current data untouched', () => {
    const data = { ...defaultSettings(), plan: 'pro' };
    expect(migrateSettings(data).data).toEqual(data);
  });

  it('runs steps in order and only those above the file’s version', () => {
    const steps: Migration[] = [
      { to: 3, describe: 'c', up: (r) => ({ ...r, order: `${String(r.order)}3` }) },
      { to: 1, describe: 'a', up: (r) => ({ ...r, order: `${String(r.order ?? '')}1` }) },
      { to: 2, describe: 'b', up: (r) => ({ ...r, order: `${String(r.order)}2` }) },
    ];
    expect(migrateSettings({ version: 0, x: 1 }, steps, 3).data.order).toBe('123');
    expect(migrateSettings({ version: 2, order: 'v2-' }, steps, 3).data).toEqual({
      version: 3,
      order: 'v2-3',
    });
  });

  it('does not downgrade data written by a newer version', () => {
    expect(migrateSettings({ version: 7, plan: 'max' })).toEqual({
      data: { version: 7, plan: 'max' },
      from: 7,
      to: 7,
    });
  });
});

describe('notification memory from older files', () => {
  it('reads a memory without tokenExpiry or forecast as "not warned yet" instead of resetting it', () => {
    const r = validateSettings({
      version: 1,
      notified: { period: '2026-11', thresholds: [75], accessBroken: false },
    });
    expect(r.settings.notified).toEqual({
      period: '2026-11',
      thresholds: [75],
      accessBroken: false,
      tokenExpiry: null,
      forecast: false,
    });
    expect(r.problems).toEqual([]);
  });
});

describe('the Usage window’s remembered place', () => {
  it('keeps sane bounds and resets anything else to "never opened" (null), naming the key', () => {
    const place = { x: -1200, y: 40, width: 900, height: 700 };
    expect(validateSettings({ usageWindow: place }).settings.usageWindow).toEqual(place);
    for (const bad of [{ x: 0, y: 0, width: 0, height: 700 }, { x: 'a', y: 0, width: 1, height: 1 }, [], 5]) {
      const r = validateSettings({ usageWindow: bad });
      expect(r.settings.usageWindow).toBeNull();
      expect(r.problems).toEqual([expect.stringMatching(/^usageWindow: /)]);
    }
  });
});
