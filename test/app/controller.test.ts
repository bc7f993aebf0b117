import { describe, expect, it } from 'vitest';
import { APP_USER_MODEL_ID, ONLINE_POLL_MS, startTrayApp, type AppSettings } from '../../main/app/controller';
import { PALETTE } from '../../main/core/icon/render';
import { defaultSettings } from '../../main/settings/schema';
import type { Settings } from '../../main/settings/types';
import type { RefreshResult } from '../../shared/domain';
import type { RefreshContext } from '../../main/app/controller';
import { FakeClock } from '../core/scheduler-fake-clock';
import { fail, ok, snapshotAt } from '../core/scheduler-fixtures';
import { createStandIn, findItem } from './electron-stand-in';

const T0 = Date.UTC(2026, 5, 10, 9, 0);
const MIN = 60_000;

function memorySettings(
  initial: Partial<Settings> = {},
): AppSettings & { writes: number; readOnly: boolean } {
  let s: Settings = { ...defaultSettings(), ...initial };
  const store = {
    writes: 0,
    /** Like a settings file on a full or read-only disk: every write throws. */
    readOnly: false,
    get: () => s,
    update(change: Partial<Settings> | ((c: Settings) => Settings)) {
      if (store.readOnly) throw Object.assign(new Error('EROFS: read-only file system'), { code: 'EROFS' });
      s = typeof change === 'function' ? change(s) : { ...s, ...change };
      store.writes++;
      return s;
    },
  };
  return store;
}

async function boot(opts: {
  platform?: 'linux' | 'darwin' | 'win32';
  credential?: boolean;
  results?: (n: number, now: number, context: RefreshContext) => RefreshResult;
  settings?: Partial<Settings>;
  lock?: boolean;
  readOnlySettings?: boolean;
  settingsProblems?: string[];
}) {
  const stand = createStandIn(opts.platform ?? 'linux', opts.lock === undefined ? {} : { lock: opts.lock });
  const clock = new FakeClock(T0);
  const settings = memorySettings(opts.settings);
  settings.readOnly = opts.readOnlySettings ?? false;
  if (opts.settingsProblems) Object.assign(settings, { problems: opts.settingsProblems });
  let setupOpened = 0;
  let usageOpened = 0;
  let n = 0;
  let credential = opts.credential ?? true;
  const app = await startTrayApp(stand.api, {
    clock,
    random: () => 0.5,
    settings,
    // Like the engine: with no credential found (and none expected in the keychain) it answers
    // config/noCredential having asked GitHub nothing; `n` counts the refreshes that reached GitHub.
    refresh: async (_signal, context) => {
      if (!credential && !context.keychainExpected) return fail({ kind: 'config', reason: 'noCredential' });
      n++;
      return (opts.results ?? ((_n, now) => ok(snapshotAt(now, 42))))(n, clock.now(), context);
    },
    openSetup: () => void setupOpened++,
    openUsage: () => void usageOpened++,
    localeCandidates: () => ['en-US'],
  });
  const settle = async () => {
    await app?.scheduler.whenIdle();
    await new Promise((r) => setImmediate(r));
  };
  await settle();
  return {
    stand,
    clock,
    settings,
    app,
    settle,
    refreshes: () => n,
    setupOpened: () => setupOpened,
    usageOpened: () => usageOpened,
    setCredential: (v: boolean) => void (credential = v),
    tray: () => stand.trays[0]!,
  };
}

/** An account the user saved earlier, as settings hold it. */
const savedAccount = (extra: Partial<Settings['accounts'][number]> = {}): Settings['accounts'][number] => ({
  login: 'octocat',
  host: 'github.com',
  tokenHint: '…abcd',
  tokenExpiresAt: null,
  lastCheckedAt: null,
  ...extra,
});

describe('tray app start-up', () => {
  it('takes the single-instance lock, sets the app id and shows the reading in the tray', async () => {
    const b = await boot({});
    expect(b.stand.calls.slice(0, 2)).toEqual([
      'requestSingleInstanceLock',
      `setAppUserModelId:${APP_USER_MODEL_ID}`,
    ]);
    expect(b.stand.trays).toHaveLength(1);
    const t = b.tray();
    expect(t.tooltip).toContain('42 % used · 58 % left');
    // The icon passed to the tray is the green "42" badge at 1× and 2×.
    expect(t.image.reps.map((r) => [r.scaleFactor, r.bitmap.width])).toEqual([
      [1, 16],
      [2, 32],
    ]);
    const px = t.image.reps[0]!.bitmap.data.subarray((8 * 16 + 1) * 4, (8 * 16 + 1) * 4 + 4);
    expect(Array.from(px)).toEqual([...PALETTE.normal.badge]);
    expect(t.image.template).toBe(false);
    expect(b.settings.get().lastSnapshot?.percentUsed).toBe(42);
    expect(b.stand.loginItems.at(-1)).toEqual({ openAtLogin: false });
  });

  it('quits at once when another instance holds the lock', async () => {
    const b = await boot({ lock: false });
    expect(b.app).toBeNull();
    expect(b.stand.calls).toEqual(['requestSingleInstanceLock', 'quit']);
    expect(b.stand.trays).toHaveLength(0);
  });

  it('opens setup on first run without a credential and shows the "?" badge', async () => {
    const b = await boot({ credential: false });
    expect(b.setupOpened()).toBe(1);
    expect(b.refreshes()).toBe(0);
    expect(b.tray().tooltip).toContain('Not set up yet — open setup');
    const px = b.tray().image.reps[0]!.bitmap.data.subarray((8 * 16 + 1) * 4, (8 * 16 + 1) * 4 + 4);
    expect(Array.from(px)).toEqual([...PALETTE.unconfigured.badge]);
    // A token saved in the wizard starts the polling.
    b.setCredential(true);
    await b.app!.credentialsChanged();
    await b.settle();
    expect(b.refreshes()).toBe(1);
    expect(b.tray().tooltip).toContain('42 %');
  });

  it('opens setup when the app is launched a second time', async () => {
    const b = await boot({});
    b.stand.emit('app', 'second-instance');
    await b.settle();
    expect(b.setupOpened()).toBe(1);
  });

  it('registers every lifecycle handler before Electron is ready, and opens a second launch only once it is', async () => {
    let ready!: () => void;
    const stand = createStandIn('linux', { ready: new Promise<void>((r) => (ready = r)) });
    let opened = 0;
    const started = startTrayApp(stand.api, {
      clock: new FakeClock(T0),
      random: () => 0.5,
      settings: memorySettings(),
      refresh: async () => ok(snapshotAt(T0, 42)),
      openSetup: () => void opened++,
      localeCandidates: () => ['en-US'],
    });
    await new Promise((r) => setImmediate(r));
    for (const event of ['second-instance', 'window-all-closed', 'before-quit'])
      expect(stand.listening('app', event), event).toBe(1);
    // A second launch before ready is kept, and answered (a window can only exist after ready).
    stand.emit('app', 'second-instance');
    await new Promise((r) => setImmediate(r));
    expect(opened).toBe(0);
    expect(stand.trays).toHaveLength(0);
    ready();
    const app = await started;
    await new Promise((r) => setImmediate(r));
    expect(opened).toBe(1);
    app?.quit();
  });

  it('shows the tray ("Refreshing…") while a slow keychain holds the first refresh for 12 s, then the reading', async () => {
    const stand = createStandIn('linux');
    const clock = new FakeClock(T0);
    let keychainReads = 0;
    let opened = 0;
    const app = await startTrayApp(stand.api, {
      clock,
      random: () => 0.5,
      settings: memorySettings(),
      // The refresh is where the keychain is read: 12 s of unlock prompt before the answer.
      refresh: async () => {
        keychainReads++;
        await clock.sleep(12_000);
        return ok(snapshotAt(clock.now(), 42));
      },
      openSetup: () => void opened++,
      localeCandidates: () => ['en-US'],
    });
    const settle = () => new Promise<void>((r) => setImmediate(r));
    await settle();
    // startTrayApp returned without waiting on the keychain: the tray is there, saying it is reading.
    expect(stand.trays).toHaveLength(1);
    expect(stand.trays[0]!.tooltip).toContain('Refreshing…');
    expect(stand.trays[0]!.tooltip).not.toContain('Not set up yet');
    expect(findItem(stand.trays[0]!.menu, 'quit')).toBeDefined();
    expect(keychainReads).toBe(1);
    // A second launch meanwhile is not lost.
    stand.emit('app', 'second-instance');
    await settle();
    expect(opened).toBe(1);
    await clock.runUntil(T0 + 12_001, settle);
    expect(stand.trays[0]!.tooltip).toContain('42 % used');
    expect(stand.trays[0]!.tooltip).not.toContain('Refreshing…');
    // One read per refresh: the first refresh did not look for credentials separately first.
    expect(keychainReads).toBe(1);
    await clock.runUntil(T0 + 12_001 + 5 * MIN + 12_001, settle);
    expect(keychainReads).toBe(2);
    expect(opened).toBe(1);
    app?.quit();
  });

  it('uses a template image and a text title on macOS and hides the Dock icon', async () => {
    const b = await boot({ platform: 'darwin' });
    expect(b.stand.calls).toContain('dock.hide');
    expect(b.tray().image.template).toBe(true);
    expect(b.tray().title).toBe('42 %');
    expect(findItem(b.tray().menu, 'refresh')?.label).toBe('Refresh now');
  });

  it('keeps mnemonics on Windows and fits the tooltip in 127 characters without losing the problem', async () => {
    const results = (n: number, now: number) =>
      n === 1
        ? ok(snapshotAt(now, 42))
        : fail({ kind: 'auth', reason: 'missingPermission', permission: 'Plan', status: 403 });
    const fr = { language: 'fr' as const };
    const win = await boot({ platform: 'win32', results, settings: fr });
    const linux = await boot({ platform: 'linux', results, settings: fr });
    for (const b of [win, linux]) await b.clock.runUntil(T0 + 5 * MIN + 1, b.settle);
    expect(findItem(win.tray().menu, 'refresh')?.label).toBe('&Actualiser');
    // The full French tooltip is far over the limit; the old cut at 127 lost the problem and the update time.
    const full = linux.tray().tooltip;
    expect(full.length).toBeGreaterThan(127);
    expect(full.split('\n').slice(0, 2)).toEqual([
      'Copilot Meter · @octocat · Copilot Pro',
      'Il manque « Plan » au jeton — ouvrir la configuration',
    ]);
    const tip = win.tray().tooltip;
    expect(tip.length).toBeLessThanOrEqual(127);
    expect(tip).not.toContain('…');
    expect(tip.split('\n').slice(0, 2)).toEqual([
      '@octocat · Copilot Pro',
      'Il manque « Plan » au jeton — ouvrir la configuration',
    ]);
    expect(tip).toContain('42 % utilisés · 58 % restants');
    expect(tip).toMatch(/Mis à jour à \d\d:\d\d/);
    expect(tip).not.toContain('Réinitialisation');
  });

  it('keeps the template image on macOS while calm and shows the coloured badge from the first warning', async () => {
    const b = await boot({ platform: 'darwin', results: (n, now) => ok(snapshotAt(now, n === 1 ? 42 : 91)) });
    expect(b.tray().image.template).toBe(true);
    await b.clock.runUntil(T0 + 5 * MIN + 1, b.settle);
    const image = b.tray().image;
    expect(image.template).toBe(false);
    expect(b.tray().title).toBe('91 %');
    const px = image.reps[0]!.bitmap.data.subarray((8 * 16 + 1) * 4, (8 * 16 + 1) * 4 + 4);
    expect(Array.from(px)).toEqual([...PALETTE.critical.badge]);
    expect(image.reps[1]!.bitmap.width).toBe(32);
  });
});

describe('tray app events', () => {
  it('refreshes on resume and unlock only when a refresh is due', async () => {
    const b = await boot({});
    b.stand.emit('powerMonitor', 'resume');
    await b.settle();
    expect(b.refreshes()).toBe(1);
    b.clock.suspend(2 * 60 * MIN);
    b.stand.emit('powerMonitor', 'resume');
    await b.settle();
    expect(b.refreshes()).toBe(2);
    // Unlocking every 2 minutes for 10 minutes: the 5-minute interval still rules (it was 0, 2, 4, 6, 8, 10).
    const woke = T0 + 2 * 60 * MIN;
    for (let m = 2; m <= 10; m += 2) {
      await b.clock.runUntil(woke + m * MIN, b.settle);
      b.stand.emit('powerMonitor', 'unlock-screen');
      await b.settle();
    }
    expect(b.refreshes()).toBe(4);
  });

  it('refreshes as soon as the network comes back after a network failure', async () => {
    const b = await boot({
      results: (n, now) => (n === 1 ? fail({ kind: 'network' }) : ok(snapshotAt(now, 50))),
    });
    expect(b.tray().tooltip).toContain('Cannot reach GitHub');
    b.stand.online = false;
    await b.clock.runUntil(T0 + 4 * ONLINE_POLL_MS + 1, b.settle);
    b.stand.online = true;
    await b.clock.runUntil(T0 + 5 * ONLINE_POLL_MS + 1, b.settle);
    // The backoff said +5 min; the network is back at +75 s, so the refresh is now.
    expect(b.refreshes()).toBe(2);
    expect(b.tray().tooltip).toContain('50 % used');
  });

  it('says once, in a notification, that it started with defaults when the settings file was unusable', async () => {
    const b = await boot({
      settingsProblems: ['settings.json is a folder, not a file; the defaults are used'],
    });
    await b.clock.runUntil(T0 + 11 * MIN, b.settle);
    const said = b.stand.notifications.filter(
      (n) => n.title === 'Copilot Meter started with default settings',
    );
    expect(said).toHaveLength(1);
    expect(said[0]!.shown).toBe(true);
    expect(said[0]!.body).toContain('settings.json is a folder');
    const quiet = await boot({});
    expect(quiet.stand.notifications).toEqual([]);
  });

  it('notifies a threshold once even when settings cannot be written', async () => {
    const b = await boot({ results: (_n, now) => ok(snapshotAt(now, 91)), readOnlySettings: true });
    await b.clock.runUntil(T0 + 31 * MIN, b.settle);
    expect(b.refreshes()).toBe(7);
    expect(b.stand.notifications.map((n) => n.title)).toEqual(['Copilot: 90 % of the allowance used']);
    expect(b.tray().tooltip).toContain('91 % used');
  });

  it('reports a locked keychain, not "not set up", when settings list a saved account', async () => {
    const contexts: RefreshContext[] = [];
    const b = await boot({
      credential: false,
      settings: {
        accounts: [savedAccount()],
      },
      results: (_n, _now, context) => {
        contexts.push(context);
        return context.keychainExpected
          ? fail({ kind: 'keychain', reason: 'locked' })
          : fail({ kind: 'config', reason: 'noCredential' });
      },
    });
    expect(b.setupOpened()).toBe(0);
    expect(contexts).toEqual([{ keychainExpected: true }]);
    const tip = b.tray().tooltip;
    expect(tip).toContain('System keychain locked or unavailable');
    expect(tip).not.toContain('Not set up yet');
    expect(b.app!.view()?.level).toBe('error');
  });

  it('counts a session-only account as not set up after a restart', async () => {
    const contexts: RefreshContext[] = [];
    const b = await boot({
      credential: false,
      settings: {
        accounts: [savedAccount({ sessionOnly: true })],
      },
      results: (_n, _now, context) => {
        contexts.push(context);
        return fail({ kind: 'config', reason: 'noCredential' });
      },
    });
    expect(b.setupOpened()).toBe(1);
    expect(contexts).toEqual([]);
    expect(b.tray().tooltip).toContain('Not set up yet');
  });

  it('notifies once for a crossed threshold and persists the memory', async () => {
    const b = await boot({ results: (n, now) => ok(snapshotAt(now, n === 1 ? 50 : 91)) });
    await b.clock.runUntil(T0 + 11 * MIN, b.settle);
    expect(b.stand.notifications.map((n) => n.title)).toEqual(['Copilot: 90 % of the allowance used']);
    expect(b.stand.notifications[0]!.shown).toBe(true);
    expect(b.settings.get().notified).toEqual({
      period: '2026-06',
      thresholds: [75, 90],
      accessBroken: false,
      tokenExpiry: null,
      forecast: false,
    });
    b.stand.notifications[0]!.click();
    expect(b.stand.opened).toEqual(['https://github.com/settings/billing']);
  });

  it('tells about broken access once, and the click opens setup', async () => {
    const b = await boot({ results: () => fail({ kind: 'auth', reason: 'expired', status: 401 }) });
    expect(b.stand.notifications).toHaveLength(1);
    expect(b.tray().tooltip).toContain('Token expired — open setup');
    b.stand.notifications[0]!.click();
    expect(b.setupOpened()).toBe(1);
    await b.clock.runUntil(T0 + 60 * MIN, b.settle);
    expect(b.refreshes()).toBe(1);
    expect(b.stand.notifications).toHaveLength(1);
  });
});

describe('tray menu actions', () => {
  it('changes settings from the menu and re-renders with the new choice', async () => {
    const b = await boot({});
    findItem(b.tray().menu, 'interval-15')!.click!();
    expect(b.settings.get().refreshMinutes).toBe(15);
    expect(findItem(b.tray().menu, 'interval-15')?.checked).toBe(true);
    findItem(b.tray().menu, 'notify-thresholds')!.click!();
    expect(b.settings.get().notifications.thresholds).toBe(false);
    findItem(b.tray().menu, 'login')!.click!();
    expect(b.stand.loginItems.at(-1)).toEqual({ openAtLogin: true });
    findItem(b.tray().menu, 'language-fr')!.click!();
    expect(findItem(b.tray().menu, 'refresh')?.label).toBe('&Actualiser');
    findItem(b.tray().menu, 'thresholds-50-75-90-100')!.click!();
    expect(b.settings.get().thresholds).toEqual([50, 75, 90, 100]);
  });

  it('refreshes, opens setup and billing, and quits cleanly', async () => {
    const b = await boot({});
    await b.clock.runUntil(T0 + 2 * MIN, b.settle);
    findItem(b.tray().menu, 'refresh')!.click!();
    await b.settle();
    expect(b.refreshes()).toBe(2);
    findItem(b.tray().menu, 'setup')!.click!();
    expect(b.setupOpened()).toBe(1);
    findItem(b.tray().menu, 'billing')!.click!();
    expect(b.stand.opened).toEqual(['https://github.com/settings/billing']);
    findItem(b.tray().menu, 'quit')!.click!();
    expect(b.stand.calls.at(-1)).toBe('quit');
    expect(b.tray().destroyed).toBe(true);
    expect(b.clock.pending()).toEqual([]);
  });
});

describe('choosing the account shown', () => {
  const acct = (login: string) => ({
    login,
    host: 'github.com',
    tokenHint: 'abcd',
    tokenExpiresAt: null,
    lastCheckedAt: null,
  });
  const twoAccounts: Partial<Settings> = { accounts: [acct('octocat'), acct('hubot')], activeAccount: null };

  it('lists the saved accounts, and picking one saves it and reads it at once', async () => {
    // octocat's token was revoked (the scheduler stops until credentials change); hubot's works.
    const b = await boot({
      settings: twoAccounts,
      results: (n, now) =>
        n === 1
          ? fail({ kind: 'auth', reason: 'revoked', status: 401 })
          : ok(snapshotAt(now, 77, { account: { login: 'hubot', host: 'github.com' } })),
    });
    expect(findItem(b.tray().menu, 'account-github.com/octocat')?.checked).toBe(true);
    expect(findItem(b.tray().menu, 'account-github.com/hubot')).toMatchObject({
      label: '@hubot (github.com)',
      checked: false,
    });
    await b.clock.runUntil(T0 + 30 * MIN, b.settle);
    expect(b.refreshes()).toBe(1);

    findItem(b.tray().menu, 'account-github.com/hubot')!.click!();
    await b.settle();
    expect(b.settings.get().activeAccount).toBe('github.com/hubot');
    expect(b.refreshes()).toBe(2);
    expect(b.tray().tooltip).toContain('@hubot');
    expect(b.tray().tooltip).toContain('77 % used');
    expect(findItem(b.tray().menu, 'account-github.com/hubot')?.checked).toBe(true);
    expect(findItem(b.tray().menu, 'account-github.com/octocat')?.checked).toBe(false);
  });

  it('never shows one account’s reading under another: a switch drops the old reading until the new one comes', async () => {
    let fails = false;
    const b = await boot({
      settings: twoAccounts,
      results: (_n, now) => (fails ? fail({ kind: 'network' }) : ok(snapshotAt(now, 42))),
    });
    await b.settle();
    expect(b.tray().tooltip).toContain('42 %');
    fails = true;
    b.app!.handle({ type: 'setAccount', account: 'github.com/hubot' });
    await b.settle();
    expect(b.settings.get().lastSnapshot).toBeNull();
    expect(b.tray().tooltip).not.toContain('42 %');
    expect(b.app!.scheduler.state().snapshot).toBeNull();
  });

  it('starts the new account’s warnings afresh: one account’s 90 % notice does not silence the other’s', async () => {
    const b = await boot({
      settings: twoAccounts,
      results: (_n, now) => ok(snapshotAt(now, 95)),
    });
    await b.settle();
    expect(b.stand.notifications.map((n) => n.title)).toEqual(['Copilot: 90 % of the allowance used']);
    b.app!.handle({ type: 'setAccount', account: 'github.com/hubot' });
    await b.settle();
    expect(b.stand.notifications.map((n) => n.title)).toEqual([
      'Copilot: 90 % of the allowance used',
      'Copilot: 90 % of the allowance used',
    ]);
  });

  it('survives menu choices that cannot be saved (read-only settings)', async () => {
    const b = await boot({ settings: twoAccounts });
    await b.settle();
    b.settings.readOnly = true;
    expect(() => b.app!.handle({ type: 'setAccount', account: 'github.com/hubot' })).not.toThrow();
    expect(() => b.app!.handle({ type: 'setInterval', minutes: 15 })).not.toThrow();
    expect(b.settings.get().refreshMinutes).toBe(5);
  });

  it('does nothing for the account already shown', async () => {
    const b = await boot({ settings: { ...twoAccounts, activeAccount: 'github.com/hubot' } });
    const writes = b.settings.writes;
    findItem(b.tray().menu, 'account-github.com/hubot')!.click!();
    await b.settle();
    expect(b.refreshes()).toBe(1);
    expect(b.settings.writes).toBe(writes);
  });

  it('shows no account menu with a single account', async () => {
    const b = await boot({ settings: { accounts: [acct('octocat')], activeAccount: null } });
    expect(findItem(b.tray().menu, 'accounts')).toBeUndefined();
    expect(findItem(b.tray().menu, 'account-github.com/octocat')).toBeUndefined();
  });

  it('"Usage…" in the tray menu opens the Usage window, set up or not, and says so in the app\'s language', async () => {
    const b = await boot({});
    const item = findItem(b.tray().menu, 'usage')!;
    expect(item.label).toBe('Usage…');
    item.click!();
    expect(b.usageOpened()).toBe(1);
    expect(b.setupOpened()).toBe(0);
    findItem(b.tray().menu, 'language-zh')!.click!();
    expect(findItem(b.tray().menu, 'usage')?.label).toBe('用量…');

    const fresh = await boot({ credential: false });
    findItem(fresh.tray().menu, 'usage')!.click!();
    expect(fresh.usageOpened()).toBe(1);
  });
});
