/**
 * The tray app's wiring, Electron-free apart from the narrow ElectronApi: single instance, login item, tray,
 * scheduler, alerts, notifications, power and network events, menu actions, quit. main.ts builds the real
 * dependencies and calls startTrayApp; tests call it with a recording stand-in of Electron.
 */
import type { RefreshResult } from '../../shared/domain';
import { createTranslator, pickLanguage, type Translator } from '../../shared/i18n';
import {
  EMPTY_MEMORY,
  evaluateAlerts,
  evaluateForecastAlert,
  evaluateTokenExpiry,
  sameMemory,
  type Notice,
} from '../core/alerts';
import type { Outlook } from '../../shared/history';
import type { UsageSnapshot } from '../../shared/domain';
import { outlookOf } from '../core/history/outlook';
import type { HistoryStore } from '../core/history/store';
import { webHost } from '../core/github/url';
import type { Clock, Random } from '../core/ports';
import { createScheduler, type Scheduler, type SchedulerState } from '../core/scheduler';
import { billingUrl, trayView, type TrayAction, type TrayView } from '../core/tray-model';
import type { Settings } from '../settings/types';
import { isAllowedExternalUrl } from '../setup/links';
import type { ElectronApi } from './electron-api';
import { createNotifier } from './notifier';
import { createTrayPresenter } from './tray';
import { accountKeyOf, activeAccountOf } from '../settings/accounts';

export const APP_USER_MODEL_ID = 'com.copilotmeter.app';
/** How often to look at net.isOnline(): Electron has no 'online' event in the main process. */
export const ONLINE_POLL_MS = 15_000;

/** The web host of the configured API (github.com for api.github.com); undefined when the setting is unusable. */
function configuredWebHost(apiUrl: string): string | undefined {
  try {
    return webHost(apiUrl);
  } catch {
    return undefined;
  }
}

export interface AppSettings {
  get(): Settings;
  update(change: Partial<Settings> | ((current: Settings) => Settings)): Settings;
  /** What was wrong with the settings file at start and was repaired (or replaced by defaults). */
  readonly problems?: readonly string[];
}

/** What the controller tells each refresh besides the settings the caller reads itself. */
export interface RefreshContext {
  /**
   * Settings list an account whose token was saved in the keychain (not "this session only"): pass it to the
   * engine as RefreshOptions.keychainExpected, so a locked or missing keychain is reported as such instead of
   * "no credential".
   */
  keychainExpected: boolean;
}

/** True when settings list an account whose token should be in the keychain (see RefreshContext). */
export function keychainExpected(s: Pick<Settings, 'accounts'>): boolean {
  return s.accounts.some((a) => a.sessionOnly !== true);
}

export interface AppDeps {
  clock: Clock;
  random: Random;
  settings: AppSettings;
  /**
   * One engine refresh with the current settings. It is also how the app learns whether it is set up: the
   * engine answers config/noCredential, having sent nothing, when no credential is found (a locked keychain that
   * settings say holds a token is a keychain error instead). So the keychain is read once per refresh, and
   * never before the tray is on screen.
   */
  refresh(signal: AbortSignal, context: RefreshContext): Promise<RefreshResult>;
  /** Opens (or focuses) the setup wizard. */
  openSetup(): void;
  /** Opens (or focuses) the Usage window; the menu item does nothing without it. */
  openUsage?(): void;
  /** OS locale candidates after the user's own choice (LANG, app.getLocale()); asked after app ready. */
  localeCandidates(): string[];
  /** Exposes state on globalThis for the Electron e2e test (COPILOT_METER_TEST_HOOK=1). */
  testHook?: boolean;
  /**
   * The daily history the refresh keeps (pass the same store to engine.refresh): pace and forecast are read from
   * it for the tooltip, the menu, the icon and the forecast notice. Absent: no pace or forecast.
   */
  history?: HistoryStore;
}

export interface TrayApp {
  scheduler: Scheduler;
  view(): TrayView | null;
  /** Re-reads settings and credentials, e.g. after the wizard saved a token. */
  /** `forgetReading`: the shown reading belongs to another account (see Scheduler.credentialsChanged). */
  credentialsChanged(opts?: { forgetReading?: boolean }): Promise<void>;
  settingsChanged(): void;
  handle(action: TrayAction): void;
  quit(): void;
}

export interface TestHook {
  view(): TrayView | null;
  state(): SchedulerState;
  notices: Notice[];
  refresh(): Promise<void>;
}

/**
 * Returns null when another instance runs (it is told to open setup, and this one quits).
 *
 * Order matters: every lifecycle handler is registered first, then (once Electron is ready) the tray appears
 * showing "Refreshing…", and only then does the first refresh touch the keychain. A keychain that waits on an
 * unlock prompt must not leave the user without a tray, or lose a second launch.
 */
export async function startTrayApp(api: ElectronApi, deps: AppDeps): Promise<TrayApp | null> {
  if (!api.app.requestSingleInstanceLock()) {
    api.app.quit();
    return null;
  }
  api.app.setAppUserModelId(APP_USER_MODEL_ID);
  const ready = api.app.whenReady();
  let quitting = false;
  // Filled in below; until then a quit only marks the app as quitting (nothing to stop yet).
  let shutdown: () => void = () => undefined;
  // A second launch means "show me something": open setup (first run) or the same window to change things.
  // Windows can only be made once Electron is ready.
  api.app.on('second-instance', () => void ready.then(() => deps.openSetup()));
  // Closing the wizard must not end a tray app.
  api.app.on('window-all-closed', () => undefined);
  api.app.on('before-quit', () => {
    if (quitting) return;
    quitting = true;
    shutdown();
  });
  await ready;
  // A menu-bar app: no Dock icon on macOS (LSUIElement does the same for the packaged app).
  api.app.dock?.hide();

  const { clock, settings } = deps;
  let tr: Translator = translatorFor(settings.get());
  // Set up until the first refresh says otherwise: the engine finds no credential (config/noCredential). A token
  // that settings say is in the keychain keeps the app set up even when the keychain is locked or slow: the
  // refresh reports that as the problem it is, not as "not set up" with the wizard open.
  let configured = true;
  /** The first refresh has not answered yet: the tray shows "Refreshing…" meanwhile. */
  let starting = true;
  // What was already notified this period. Kept here and only written through to settings, so a settings file
  // that cannot be written does not make every refresh repeat the same notification.
  let memory = settings.get().notified;
  let refreshing = false;
  const notices: Notice[] = [];

  const notifier = createNotifier(api, (action) => {
    if (action === 'openSetup') deps.openSetup();
    else if (action === 'openBilling') openBilling();
  });
  // A settings file that could not be read as it was (a folder, a FIFO, broken JSON, bad keys): the tray started
  // with defaults for what was wrong; say so once, here, where a user sees it (not only in a log).
  if (settings.problems && settings.problems.length > 0) {
    const n: Notice = {
      kind: 'settingsRepaired',
      title: tr.t('tray.notice.settings.title'),
      body: tr.t('tray.notice.settings.body', { problems: settings.problems.slice(0, 3).join('; ') }),
      action: 'none',
    };
    notices.push(n);
    notifier.show(n);
  }
  const presenter = createTrayPresenter(api, (action) => app.handle(action));

  function translatorFor(s: Settings): Translator {
    return createTranslator(pickLanguage([s.language, ...deps.localeCandidates()]));
  }

  function openBilling(): void {
    const s = settings.get();
    const url = billingUrl(scheduler.state().snapshot, s.apiUrl);
    // The wizard's allowlist (https, billing/settings paths, github.com or the configured API's web host): a
    // snapshot left from another host, or a host that parses into something else, opens nothing.
    const host = configuredWebHost(s.apiUrl);
    if (!isAllowedExternalUrl(url, host ? { webHost: host } : {})) return;
    // Reviewed: url passed the allowlist just above.
    void api.openExternal(url).catch(() => undefined); // eng-disable OPEN_EXTERNAL_JS_CHECK
  }

  /** Pace and forecast of a reading, from the history file (figures only: core computes them). */
  function outlookFor(snapshot: UsageSnapshot | null): Outlook | null {
    if (!snapshot || !deps.history) return null;
    try {
      return outlookOf(snapshot, deps.history.readMonth(snapshot.account, snapshot.period), clock.now());
    } catch {
      return null;
    }
  }

  function render(): void {
    if (quitting) return;
    const st = scheduler.state();
    const s = settings.get();
    presenter.render(
      trayView(
        {
          snapshot: st.snapshot,
          error: st.lastError,
          lastAttemptAt: st.lastAttemptAt,
          refreshing: refreshing || starting,
          configured,
          settings: s,
          outlook: outlookFor(st.snapshot),
        },
        tr,
        clock.now(),
      ),
    );
  }

  function onResult(result: RefreshResult): void {
    starting = false;
    const s = settings.get();
    const alerts = evaluateAlerts(memory, result, s, tr);
    const expiry = evaluateTokenExpiry(alerts.memory, s, clock.now(), tr);
    const forecast = result.ok
      ? evaluateForecastAlert(
          expiry.memory,
          result.snapshot,
          outlookFor(result.snapshot)?.forecast ?? null,
          s,
          tr,
        )
      : { memory: expiry.memory, notifications: [] };
    const out = {
      memory: forecast.memory,
      notifications: [...alerts.notifications, ...expiry.notifications, ...forecast.notifications],
    };
    memory = out.memory;
    const patch: Partial<Settings> = {};
    // Compared with the file, not with the previous memory: a write that failed earlier is retried.
    if (!sameMemory(out.memory, s.notified)) patch.notified = out.memory;
    if (result.ok) patch.lastSnapshot = result.snapshot;
    if (Object.keys(patch).length > 0) {
      try {
        settings.update(patch);
      } catch {
        // A settings file that cannot be written must not stop the tray; the memory lives on in this run.
      }
    }
    // The engine looked and found nothing (a readable keychain, nothing saved): that is "not set up" after all.
    if (!result.ok && result.error.kind === 'config' && result.error.reason === 'noCredential')
      configured = false;
    else if (result.ok || result.error.kind !== 'config') configured = true;
    for (const n of out.notifications) {
      notices.push(n);
      notifier.show(n);
    }
  }

  const scheduler = createScheduler({
    clock,
    random: deps.random,
    refresh: (signal) => deps.refresh(signal, { keychainExpected: keychainExpected(settings.get()) }),
    intervalMs: () => settings.get().refreshMinutes * 60_000,
    // The refresh itself finds out (see AppDeps.refresh): asking first would read the keychain twice.
    hasCredential: () => true,
    initialSnapshot: settings.get().lastSnapshot,
    onResult: (result) => {
      onResult(result);
      render();
    },
    onState: (st) => {
      refreshing = st.phase === 'refreshing';
      render();
    },
  });

  function handleAction(action: TrayAction): void {
    switch (action.type) {
      case 'refresh':
        void scheduler.refreshNow();
        return;
      case 'openSetup':
        deps.openSetup();
        return;
      case 'openUsage':
        deps.openUsage?.();
        return;
      case 'openBilling':
        openBilling();
        return;
      case 'quit':
        app.quit();
        return;
      case 'setInterval':
        settings.update({ refreshMinutes: action.minutes });
        break;
      case 'setThresholds':
        settings.update({ thresholds: action.thresholds });
        break;
      case 'toggleNotification': {
        const n = settings.get().notifications;
        settings.update({ notifications: { ...n, [action.which]: !n[action.which] } });
        break;
      }
      case 'toggleLaunchAtLogin': {
        const on = !settings.get().launchAtLogin;
        settings.update({ launchAtLogin: on });
        api.app.setLoginItemSettings({ openAtLogin: on, openAsHidden: true });
        break;
      }
      case 'setLanguage':
        settings.update({ language: action.lang });
        break;
      case 'setAccount': {
        const s = settings.get();
        // Only a saved account; choosing the one already shown changes nothing.
        if (!s.accounts.some((a) => accountKeyOf(a) === action.account)) return;
        const shown = activeAccountOf(s);
        if (shown && accountKeyOf(shown) === action.account) return;
        // The reading on screen (and the one kept for the next start) is the other account's: drop both, so the
        // tray never shows one account's numbers under another's name, then read the new account now.
        // What was already notified was about the other account too: this one starts afresh.
        memory = EMPTY_MEMORY;
        settings.update({ activeAccount: action.account, lastSnapshot: null, notified: EMPTY_MEMORY });
        void app.credentialsChanged({ forgetReading: true });
        return;
      }
    }
    app.settingsChanged();
  }

  const app: TrayApp = {
    scheduler,
    view: () => presenter.current(),
    async credentialsChanged(opts = {}) {
      const running = scheduler.credentialsChanged(opts);
      render();
      await running;
    },
    settingsChanged() {
      tr = translatorFor(settings.get());
      scheduler.intervalChanged();
      render();
    },
    handle(action) {
      try {
        handleAction(action);
      } catch {
        // A menu choice that cannot be saved (settings file not writable) must not crash the tray; the file's
        // problem is reported where settings are read.
      }
    },
    quit() {
      if (quitting) return;
      quitting = true;
      shutdown();
      api.app.quit();
    },
  };

  shutdown = () => {
    scheduler.stop();
    cancelOnline();
    presenter.destroy();
  };
  api.powerMonitor.on('resume', () => void scheduler.wake());
  api.powerMonitor.on('unlock-screen', () => void scheduler.wake());

  let online = api.net.isOnline();
  let cancelOnline: () => void = () => undefined;
  const pollOnline = () => {
    const now = api.net.isOnline();
    if (now && !online) void scheduler.networkRestored();
    online = now;
    cancelOnline = clock.setTimer(ONLINE_POLL_MS, pollOnline);
  };
  cancelOnline = clock.setTimer(ONLINE_POLL_MS, pollOnline);

  api.app.setLoginItemSettings({ openAtLogin: settings.get().launchAtLogin, openAsHidden: true });

  if (deps.testHook) {
    const hook: TestHook = {
      view: () => presenter.current(),
      state: () => scheduler.state(),
      notices,
      refresh: async () => {
        await scheduler.refreshNow();
      },
    };
    (globalThis as { __copilotMeter?: TestHook }).__copilotMeter = hook;
  }

  // The tray first ("Refreshing…"), then the first refresh, which reads the keychain.
  render();
  if (quitting) return app;
  void scheduler.start().then((st) => {
    // First run: nothing to read with, so the wizard opens.
    if (!quitting && !configured && st.phase === 'noCredential') deps.openSetup();
  });
  return app;
}
