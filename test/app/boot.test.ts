/**
 * A boot test of the BUILT bundle: dist/app/main.cjs (and dist/app/preload.cjs for the wizard) loaded by plain
 * Node in a child process, with a recording `electron` module that throws where Electron refuses (a tray, window,
 * menu or notification before ready, a menu item with no label/role, a second handler on an IPC channel, a
 * relative or missing preload, loadFile of a missing file) and a recording keytar (test/app/boot/*.cjs), against
 * the fake GitHub. It proves what the bundle does with Electron's API as documented — not Electron itself, whose
 * binary cannot run here (e2e/electron.test.ts does that where it can).
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { FAKE_OAUTH, FAKE_PAT, scenarios } from '../fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import { encodePng, PALETTE, renderIcon } from '../../main/core/icon/render';
import { createRequire } from 'node:module';
import { CHANNELS, methodOf } from '../../shared/ipc';

const root = join(import.meta.dirname, '..', '..');
const dist = join(root, 'dist');
const DRIVER = join(import.meta.dirname, 'boot', 'driver.cjs');

interface MenuItem {
  id?: string;
  type?: string;
  label?: string;
  hasClick: boolean;
  submenu?: MenuItem[];
}
interface TrayReport {
  destroyed: boolean;
  tooltip: string;
  image: Array<{ scaleFactor: number; width: number; height: number; pixel: number[] }>;
  menu: MenuItem[];
}
interface AppState {
  listeners: Record<string, number>;
  trays: number;
  windows: number;
  handlers: string[];
  calls: string[];
  keytar: string[];
  thrown: string[];
  exitCode: number | null;
}
interface WindowReport {
  options: { webPreferences: Record<string, unknown>; show: boolean };
  preloadExists: boolean;
  preloadAbsolute: boolean;
  loaded: string;
  loadedExists: boolean;
  url: string;
  visible: boolean;
  menuRemoved: boolean;
  windowOpenHandler: boolean;
  navigationGuards: number;
  permissionHandler: boolean;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Steps = Record<string, any>;
interface Report {
  scenario: string;
  steps: Steps;
  unhandled: string[];
  error?: string;
  final: AppState;
}

let fake: FakeGitHub | null = null;
let home: string | null = null;

beforeAll(() => {
  // `npm test` builds before any test runs. Building again here would race the Chromium e2e, which reads
  // dist/renderer while the build empties it: only a missing bundle is built (run `npm run build` after changing
  // the sources when running this file alone).
  if (!existsSync(join(dist, 'app', 'main.cjs')) || !existsSync(join(dist, 'app', 'preload.cjs'))) {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], {
      env: { ...process.env, QUIET_BUILD: '1' },
    });
  }
});
afterEach(async () => {
  await fake?.close();
  fake = null;
  if (home) rmSync(home, { recursive: true, force: true });
  home = null;
});

/** A fresh HOME with settings (plan pro, as the wizard saves it) and optional extra files. */
function makeHome(settings: Record<string, unknown> = { version: 1, plan: 'pro' }): string {
  home = mkdtempSync(join(tmpdir(), 'cm-boot-'));
  mkdirSync(join(home, 'config'), { recursive: true });
  writeFileSync(join(home, 'config', 'settings.json'), JSON.stringify(settings));
  return home;
}

/** Runs the driver; resolves with its report, its stderr, its exit code and whether it ended by itself. */
function boot(
  scenario: string,
  env: Record<string, string>,
  appArgs: string[] = [],
): Promise<{ report: Report; stderr: string; code: number | null; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [DRIVER, scenario], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: home!,
        XDG_CONFIG_HOME: join(home!, '.config'),
        XDG_DATA_HOME: join(home!, '.local', 'share'),
        LANG: 'en_US.UTF-8',
        TZ: 'UTC',
        COPILOT_METER_CONFIG_DIR: join(home!, 'config'),
        BOOT_DIST: env.BOOT_DIST ?? dist,
        BOOT_APP_ARGS: JSON.stringify(appArgs),
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let killed = false;
    const timer = setTimeout(() => {
      killed = true;
      child.kill('SIGKILL');
    }, 80_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const line = stdout.split('\n').find((l) => l.startsWith('BOOT-REPORT '));
      if (!line) return reject(new Error(`no report (code ${code}): ${stdout}\n${stderr}`));
      resolve({ report: JSON.parse(line.slice('BOOT-REPORT '.length)) as Report, stderr, code, killed });
    });
  });
}

const labels = (items: MenuItem[]): string[] =>
  items.flatMap((i) => [...(i.label ? [i.label] : []), ...labels(i.submenu ?? [])]);

/** Nothing the stand-in refuses happened, no promise was left rejected, and the driver finished. */
function expectClean(r: Report): void {
  expect(r.error).toBeUndefined();
  expect(r.final.thrown).toEqual([]);
  expect(r.unhandled).toEqual([]);
}

describe('the built app booted under Node with a recording electron', { timeout: 100_000 }, () => {
  it('with a token and --api-url: lifecycle first, then the tray reads, refreshes, reopens setup and quits', async () => {
    fake = await startFakeGitHub(scenarios.patPremiumPro);
    makeHome();
    const {
      report: r,
      code,
      killed,
    } = await boot('credentials', { COPILOT_METER_TOKEN: FAKE_PAT }, ['--api-url', fake.url]);
    expectClean(r);
    // Before ready: the lock is taken, every lifecycle handler is registered, no tray or window, no keychain call.
    const before = r.steps.beforeReady as AppState;
    expect(before.calls).toContain('requestSingleInstanceLock');
    expect(before.calls).toContain('Menu.setApplicationMenu:null');
    expect(before.listeners).toMatchObject({
      'second-instance': 1,
      'window-all-closed': 1,
      'before-quit': 1,
    });
    expect(before.trays).toBe(0);
    expect(before.keytar).toEqual([]);
    expect(before.handlers).toEqual([...CHANNELS].sort());

    // The reading from the fake GitHub (reached through --api-url), in the tray's icon, tooltip and menu.
    const tray = r.steps.reading.tray as TrayReport;
    expect(tray.tooltip).toContain('90 / 300 premium requests used');
    expect(tray.tooltip).toContain('30 % used · 70 % left');
    expect(tray.image.map((i) => [i.scaleFactor, i.width, i.height])).toEqual([
      [1, 16, 16],
      [2, 32, 32],
    ]);
    expect(tray.image[0]!.pixel).toEqual([...PALETTE.normal.badge]);
    const menu = labels(tray.menu);
    expect(menu).toEqual(expect.arrayContaining(['&Refresh now', 'Open &setup…', '&Quit']));
    expect(menu.some((l) => l.includes('90 / 300 premium requests used'))).toBe(true);
    expect(fake.requests.length).toBeGreaterThan(0);
    // The keychain is read once per refresh (it lists its entries; none here): the first refresh, then "Refresh
    // now", which asked GitHub again.
    expect(r.steps.refreshed.fetches).toBeGreaterThan(r.steps.reading.fetches);
    expect(r.steps.refreshed.keytar).toEqual(['findCredentials', 'findCredentials']);

    // A second launch opens the wizard: sandboxed, isolated, no Node, with files that exist.
    const win = r.steps.secondInstance.window as WindowReport;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    });
    expect(win.preloadAbsolute && win.preloadExists).toBe(true);
    expect(win.loadedExists).toBe(true);
    // The wizard page the build wrote (dist/renderer/…/index.html), not a path the bundle made up.
    expect(win.loaded.startsWith(join(dist, 'renderer'))).toBe(true);
    expect(win.loaded).toMatch(/index\.html$/);
    expect(win).toMatchObject({
      visible: true,
      menuRemoved: true,
      windowOpenHandler: true,
      navigationGuards: 1,
      permissionHandler: true,
    });

    // Quit from the menu: tray gone, windows closed, IPC handlers removed, the quit sequence ran.
    const quit = r.steps.quit;
    expect((quit.tray as TrayReport).destroyed).toBe(true);
    expect(quit.windowDestroyed).toBe(true);
    expect((quit.app as AppState).handlers).toEqual([]);
    expect((quit.app as AppState).calls).toContain('quit');
    // ...and nothing is left running: the process ended by itself.
    expect(killed).toBe(false);
    expect(code).toBe(0);
  });

  it('with an OpenCode auth.json in HOME and COPILOT_METER_API_URL: the tray shows that sign-in’s reading', async () => {
    fake = await startFakeGitHub(scenarios.opencodeOAuth);
    const h = makeHome({ version: 1 });
    mkdirSync(join(h, '.local', 'share', 'opencode'), { recursive: true });
    writeFileSync(
      join(h, '.local', 'share', 'opencode', 'auth.json'),
      JSON.stringify({
        'github-copilot': { type: 'oauth', refresh: FAKE_OAUTH, access: FAKE_OAUTH, expires: 0 },
      }),
    );
    const { report: r } = await boot('credentials', { COPILOT_METER_API_URL: fake.url });
    expectClean(r);
    const tray = r.steps.reading.tray as TrayReport;
    expect(tray.tooltip).toContain('@octocat');
    expect(tray.tooltip).toMatch(/used/);
    expect(fake.requests.some((q) => q.path.startsWith('/copilot_internal/user'))).toBe(true);
  });

  it('without any credential: the wizard opens, and a call through the real preload reaches the real handlers', async () => {
    fake = await startFakeGitHub(scenarios.patPremiumPro);
    makeHome({ version: 1 });
    const { report: r } = await boot('wizard', { BOOT_PAT: FAKE_PAT }, ['--api-url', fake.url]);
    expectClean(r);
    const opened = r.steps.opened;
    expect((opened.tray as TrayReport).tooltip).toContain('Not set up yet — open setup');
    const win = opened.window as WindowReport;
    expect(win.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(win.options.show).toBe(false);
    expect(win.preloadExists && win.loadedExists && win.visible).toBe(true);
    expect(win.url).toMatch(/^file:\/\/.*\/dist\/renderer\/(.+\/)?index\.html$/);

    // The preload exposes exactly one frozen call per channel.
    expect(r.steps.bridge).toEqual({ methods: CHANNELS.map((c) => methodOf(c)).sort(), frozen: true });
    const calls = r.steps.calls;
    expect(calls.state).toMatchObject({ ok: true, value: { accounts: [] } });
    expect(calls.check).toMatchObject({ ok: true, value: { login: 'octocat' } });
    expect(JSON.stringify(calls.check)).not.toContain(FAKE_PAT);
    expect(calls.otherPage).toMatchObject({ ok: false, error: { kind: 'config' } });
    expect(calls.otherWindow).toMatchObject({ ok: false, error: { kind: 'config' } });
    // Saving puts the token in the (recording) keychain, and the tray reads with it.
    expect(calls.saved).toMatchObject({ ok: true });
    expect(calls.keytar).toContain(`setPassword ${new URL(fake.url).host}/octocat`);
    expect((calls.tray as TrayReport).tooltip).toContain('90 / 300 premium requests used');
    expect(r.steps.closed).toMatchObject({ closed: { ok: true }, destroyed: true });
    expect((r.steps.quit.app as AppState).calls).toContain('quit');
  });

  it('installed under a path with %, [, ], ^, spaces and non-ASCII letters: the wizard’s calls are still answered', async () => {
    fake = await startFakeGitHub(scenarios.patPremiumPro);
    const h = makeHome({ version: 1 });
    const install = join(h, 'Zoë [beta] 50%20^ 应用', 'resources');
    mkdirSync(install, { recursive: true });
    cpSync(dist, join(install, 'dist'), { recursive: true });
    const { report: r } = await boot('wizard', { BOOT_PAT: FAKE_PAT, BOOT_DIST: join(install, 'dist') }, [
      '--api-url',
      fake.url,
    ]);
    expectClean(r);
    // The page URL as Electron's loadFile makes it: not what pathToFileURL gives for this path.
    const url = (r.steps.opened.window as WindowReport).url;
    expect(url).not.toBe(pathToFileURL((r.steps.opened.window as WindowReport).loaded).href);
    expect(r.steps.calls.check).toMatchObject({ ok: true, value: { login: 'octocat' } });
    expect(r.steps.calls.saved).toMatchObject({ ok: true });
  });

  it('as a second instance: asks the first to open setup and quits, touching nothing', async () => {
    makeHome();
    const { report: r } = await boot('secondInstance', { BOOT_LOCK: 'held-elsewhere' });
    expectClean(r);
    const after = r.steps.after as AppState;
    expect(after.calls).toContain('app.quit');
    expect(after.trays).toBe(0);
    expect(after.windows).toBe(0);
    expect(after.keytar).toEqual([]);
  });

  it('with a keychain waiting on its unlock prompt: the tray and a second launch work meanwhile', async () => {
    fake = await startFakeGitHub(scenarios.patPremiumPro);
    makeHome({
      version: 1,
      plan: 'pro',
      accounts: [
        {
          login: 'octocat',
          host: '127.0.0.1',
          tokenHint: '…0000',
          tokenExpiresAt: null,
          lastCheckedAt: null,
        },
      ],
    });
    const { report: r } = await boot(
      'slowKeychain',
      { BOOT_KEYTAR: 'hang', BOOT_KEYTAR_SEED: `${new URL(fake.url).host}/octocat=${FAKE_PAT}` },
      ['--api-url', fake.url],
    );
    expectClean(r);
    const waiting = r.steps.waiting;
    expect((waiting.tray as TrayReport).tooltip).toContain('Refreshing…');
    expect(waiting.pendingReads).toBe(1);
    expect(r.steps.secondInstance.windows).toBe(1);
    expect((r.steps.answered.tray as TrayReport).tooltip).toContain('90 / 300 premium requests used');
    // One keychain read per refresh: the first refresh, then "Refresh now".
    expect(r.steps.answered.findCredentials).toBe(1);
    expect(r.steps.refreshed.findCredentials).toBe(2);
  });

  it('with a refused --api-url: says why and exits 2 before showing anything', async () => {
    makeHome();
    const { report: r, stderr } = await boot('badApiUrl', {}, ['--api-url', 'http://example.com']);
    expect(r.final.exitCode).toBe(2);
    expect(r.final.trays).toBe(0);
    expect(r.final.windows).toBe(0);
    expect(stderr).toContain('--api-url');
    expect(stderr).toContain('example.com');
  });
});

describe('the recording electron refuses what Electron refuses', () => {
  /** A fresh copy of the stand-in (its state is per module instance). */
  function fresh() {
    const require = createRequire(import.meta.url);
    const path = require.resolve('./boot/fake-electron.cjs');
    delete require.cache[path];
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return require(path) as any;
  }
  const png = encodePng(renderIcon({ label: '42', level: 'normal', scale: 1, template: false }));

  it('a tray, window, menu or notification before ready', () => {
    const e = fresh();
    expect(() => new e.Tray(e.nativeImage.createFromBuffer(png))).toThrow(/before the app is ready/);
    expect(() => new e.BrowserWindow({})).toThrow(/before the app is ready/);
    expect(() => e.Menu.buildFromTemplate([{ label: 'x' }])).toThrow(/before the app is ready/);
    expect(() => new e.Notification({ title: 't', body: 'b' })).toThrow(/before the app is ready/);
    // Taking away the default menu is allowed before ready.
    expect(() => e.Menu.setApplicationMenu(null)).not.toThrow();
  });

  it('a menu item with no label, role or separator type; a second handler on a channel', () => {
    const e = fresh();
    e.__boot.emitReady();
    expect(() => e.Menu.buildFromTemplate([{ id: 'x', enabled: false }])).toThrow(/label, role or type/);
    expect(() => e.Menu.buildFromTemplate([{ label: 'x', submenu: [{ type: 'normal' }] }])).toThrow(
      /label, role/,
    );
    expect(() => e.Menu.buildFromTemplate([{ type: 'separator' }, { role: 'quit' }])).not.toThrow();
    e.ipcMain.handle('setup:getState', () => 1);
    expect(() => e.ipcMain.handle('setup:getState', () => 2)).toThrow(/second handler/);
  });

  it('a relative or missing preload, and loadFile of a missing file', async () => {
    const e = fresh();
    e.__boot.emitReady();
    expect(() => new e.BrowserWindow({ webPreferences: { preload: 'dist/app/preload.cjs' } })).toThrow(
      /absolute/,
    );
    expect(() => new e.BrowserWindow({ webPreferences: { preload: '/nowhere/preload.cjs' } })).toThrow(
      /preload/,
    );
    const win = new e.BrowserWindow({ webPreferences: { preload: join(dist, 'app', 'preload.cjs') } });
    await expect(win.loadFile('/nowhere/index.html')).rejects.toThrow(/ERR_FILE_NOT_FOUND/);
  });

  it('a tray used after destroy, and a context menu that is not a Menu', () => {
    const e = fresh();
    e.__boot.emitReady();
    const tray = new e.Tray(e.nativeImage.createFromBuffer(png));
    expect(() => tray.setContextMenu([{ label: 'x' }])).toThrow(/Menu/);
    tray.destroy();
    expect(() => tray.setToolTip('x')).toThrow(/destroyed/);
  });
});
