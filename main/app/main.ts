/**
 * Electron entry point (bundled to dist/app/main.cjs). Builds the real dependencies — engine over Electron's
 * proxy-aware net.fetch, the OS keychain (with a session-only layer), the settings file shared with the CLI, the setup wizard,
 * the Usage window and their IPC —
 * and hands them to the controller. Everything with behaviour lives in controller.ts and main/core.
 *
 * Command line: `--api-url URL` points the app at another API (GitHub Enterprise, the fake GitHub), as the CLI's
 * flag does; COPILOT_METER_API_URL does the same (the flag wins). Both are checked like the CLI's.
 * Environment: COPILOT_METER_TEST_HOOK=1 exposes the tray state to the e2e test; COPILOT_METER_CONFIG_DIR moves
 * settings.
 *
 * Nothing here reads the keychain before the tray is on screen: the controller registers the lifecycle handlers,
 * shows the tray, then refreshes (see startTrayApp).
 */
import * as electron from 'electron';
import { createTranslator, describeError, pickLanguage } from '../../shared/i18n';
import { createEngine } from '../core/engine';
import { FetchHttp } from '../core/http';
import { nodeFiles, systemClock, systemEnv } from '../core/system';
import { createKeychainStore } from '../secrets/keychain';
import { createSessionFallbackStore } from '../secrets/session';
import { createSetupService } from '../setup/service';
import { engineSetupDeps, refreshOptions } from '../setup/wire';
import { startTrayApp, type TrayApp } from './controller';
import { fromElectron } from './electron-api';
import { registerIpc } from './ipc';
import { openElectronSettings } from './settings-electron';
import { applicationMenu, confirmOpenHost, createWizardWindows, electronWizardDeps } from './wizard-window';
import { activeAccountOf } from '../settings/accounts';
import { openHistory } from '../core/history/store';
import { settingsDir } from '../settings/store';
import { apiOverride as readApiOverride } from './app-args';
import { writeFile } from 'node:fs/promises';
import { createUsageService } from '../usage/service';
import { registerUsageIpc } from './ipc';
import { createUsageWindows, electronUsageDeps } from './usage-window';

async function main(): Promise<void> {
  const api = fromElectron(electron);
  // No menu at all is set before ready, so Electron never installs its default one (Reload, Toggle DevTools
  // shortcuts). A menu of our own (macOS) is built once ready: menus, like trays and windows, belong after it.
  const menu = applicationMenu(process.platform);
  if (menu)
    void electron.app
      .whenReady()
      .then(() => electron.Menu.setApplicationMenu(electron.Menu.buildFromTemplate(menu)));
  else electron.Menu.setApplicationMenu(null);
  const env = systemEnv();
  const override = readApiOverride(process.argv, env.vars);
  if (!override.ok) {
    const tr = createTranslator(pickLanguage([env.vars.LC_ALL, env.vars.LC_MESSAGES, env.vars.LANG]));
    const detail = 'detail' in override.error && override.error.detail ? ` (${override.error.detail})` : '';
    console.error(
      `Copilot Meter: --api-url / COPILOT_METER_API_URL: ${describeError(override.error, tr)}${detail}`,
    );
    electron.app.exit(2);
    return;
  }
  const settings = openElectronSettings(env);
  // The daily history lives beside settings.json (shared with the CLI); see main/core/history/store.ts.
  const history = openHistory({ dir: settingsDir(env) });
  // The keychain, plus the tokens a user chose to keep for this session only when it failed (one store for all).
  // Reads give up after READ_TIMEOUT_MS (an unlock prompt left open) and are reported as a locked keychain.
  const secrets = createSessionFallbackStore(createKeychainStore());
  const http = new FetchHttp((input, init) => electron.net.fetch(input, init));
  const engine = createEngine({
    http,
    clock: systemClock,
    env,
    files: nodeFiles,
    secrets,
    random: Math.random,
  });
  const apiOverride = override.apiUrl;
  const localeCandidates = () =>
    [env.vars.LC_ALL, env.vars.LC_MESSAGES, env.vars.LANG, electron.app.getLocale()].filter(
      (x): x is string => typeof x === 'string' && x !== '',
    );
  const apiUrl = () => apiOverride ?? settings.get().apiUrl;

  let tray: TrayApp | null = null;
  // However the wizard window closes (its X included), the setup service forgets the checked token and an unsaved
  // server choice, as it does for the wizard's own Close.
  const wizard = createWizardWindows(electronWizardDeps(electron, () => service.reset()));
  const webHost = () => {
    const s = settings.get();
    return activeAccountOf(s)?.host;
  };
  const openSetup = () => {
    const host = webHost();
    wizard.open(host ? { webHost: host } : {});
  };
  const translator = () => createTranslator(pickLanguage([settings.get().language, ...localeCandidates()]));

  // The Usage window: the reading the tray shows and the daily history (above), composed by an Electron-free
  // service.
  const usageWindows = createUsageWindows(
    electronUsageDeps(electron, {
      bounds: {
        get: () => settings.get().usageWindow,
        set: (b) => void settings.update({ usageWindow: b }),
      },
      writeFile: (path, content) => writeFile(path, content, 'utf8'),
      title: () => translator().t('usage.title'),
    }),
  );
  const openUsage = () => void usageWindows.open();
  const usage = createUsageService({
    now: () => systemClock.now(),
    reading: () => {
      const st = tray?.scheduler.state();
      return {
        snapshot: st?.snapshot ?? settings.get().lastSnapshot,
        error: st?.lastError ?? null,
        lastAttemptAt: st?.lastAttemptAt ?? null,
      };
    },
    language: () => settings.get().language,
    history,
    saveFile: (file) => usageWindows.saveFile(file),
    close: () => usageWindows.close(),
  });

  const service = createSetupService({
    ...engineSetupDeps({
      engine,
      clock: systemClock,
      env,
      secrets,
      settings,
      ...(apiOverride ? { apiUrl: apiOverride, loopbackPlaysGithub: true } : {}),
    }),
    // The setup service already maps target ids to allowlisted URLs; the check is repeated at the door, against
    // the host the service vouches for (github.com, a saved one, or one the user confirmed below).
    openUrl: async (url, host) => {
      await wizard.openAllowedExternal(url, host);
    },
    // A server typed in the wizard but not saved: the user confirms it here, in main, before a page opens there.
    confirmOpen: (host) =>
      confirmOpenHost(
        electron.dialog,
        createTranslator(pickLanguage([settings.get().language, ...localeCandidates()])).t,
        host,
      ),
    close: () => wizard.close(),
    openUsage,
    onSaved: () => void tray?.credentialsChanged(),
    // A removed token or a chosen login: the tray re-reads credentials (and leaves an "expired token" stop).
    onCredentialsChanged: () => void tray?.credentialsChanged(),
    onLanguageChanged: () => tray?.settingsChanged(),
  });
  const unregister = registerIpc({ service, wizardPage: (sender) => wizard.pageUrlOf(sender) });
  const unregisterUsage = registerUsageIpc({
    service: usage,
    usagePage: (sender) => usageWindows.pageUrlOf(sender),
  });
  electron.app.on('will-quit', () => {
    unregister();
    unregisterUsage();
  });

  tray = await startTrayApp(api, {
    clock: systemClock,
    random: Math.random,
    settings,
    // keychainExpected (settings list a keychain account): a locked keychain is reported as such, and the
    // controller counts such an account as set up even when hasCredential finds nothing.
    refresh: (signal, context) =>
      engine.refresh(
        // A loopback API plays github.com for the sign-ins on disk only when the environment chose it.
        {
          ...refreshOptions(settings.get(), apiUrl(), undefined, Boolean(apiOverride)),
          keychainExpected: context.keychainExpected,
          history,
        },
        signal,
      ),
    openSetup,
    openUsage,
    localeCandidates,
    testHook: env.vars.COPILOT_METER_TEST_HOOK === '1',
    history,
  });
}

main().catch((e: unknown) => {
  // Never print a token: errors from the engine carry only kinds and hints, and we print the name and kind.
  console.error('Copilot Meter failed to start:', e instanceof Error ? e.name : typeof e);
  electron.app.exit(1);
});
