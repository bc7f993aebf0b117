/**
 * Boots the BUILT app (dist/app/main.cjs, and dist/app/preload.cjs for the wizard) under plain Node with
 * fake-electron.cjs and fake-keytar.cjs put in place of `electron` and `keytar` by a Module._resolveFilename hook,
 * drives one scenario (argv[2]) and prints one line "BOOT-REPORT <json>" for test/app/boot.test.ts.
 *
 * Environment: the app's own (HOME, COPILOT_METER_CONFIG_DIR, COPILOT_METER_TOKEN, …); BOOT_DIST (the dist
 * folder), BOOT_APP_ARGS (JSON array, the app's command line), BOOT_LOCK, BOOT_KEYTAR, BOOT_KEYTAR_SEED
 * ("account=secret"), BOOT_PAT (the token the wizard scenario pastes).
 */
'use strict';
const Module = require('node:module');
const { existsSync } = require('node:fs');
const { isAbsolute, join } = require('node:path');

const replaced = {
  electron: join(__dirname, 'fake-electron.cjs'),
  keytar: join(__dirname, 'fake-keytar.cjs'),
};
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (Object.hasOwn(replaced, request)) return replaced[request];
  return resolveFilename.call(this, request, ...rest);
};

// The app loads keytar with import(): the ESM loader needs its own hook.
Module.register(require('node:url').pathToFileURL(join(__dirname, 'hooks.mjs')).href);

const electron = require('electron');
const boot = electron.__boot;
const keytar = require('keytar').__keytar;
if (process.env.BOOT_KEYTAR_SEED) {
  const [account, secret] = process.env.BOOT_KEYTAR_SEED.split('=');
  const hang = keytar.hang;
  keytar.hang = false;
  void require('keytar').setPassword('copilot-meter', account, secret);
  keytar.calls.length = 0;
  keytar.hang = hang;
}

const dist = process.env.BOOT_DIST;
const report = { scenario: process.argv[2], steps: {}, unhandled: [] };
process.on('unhandledRejection', (e) => report.unhandled.push(String(e instanceof Error ? e.message : e)));
process.on('uncaughtException', (e) =>
  report.unhandled.push(`uncaught: ${e instanceof Error ? e.message : e}`),
);

const tick = () => new Promise((r) => setImmediate(r));
async function waitFor(what, cond, ms = 40_000) {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

function menuItems(menu) {
  if (!menu) return [];
  return menu.items.map((i) => ({
    id: i.id,
    type: i.type,
    label: i.label,
    enabled: i.enabled,
    checked: i.checked,
    hasClick: typeof i.click === 'function',
    ...(i.submenu ? { submenu: menuItems(i.submenu) } : {}),
  }));
}
function findItem(menu, id) {
  for (const i of menu?.items ?? []) {
    if (i.id === id) return i;
    const sub = findItem(i.submenu, id);
    if (sub) return sub;
  }
  return undefined;
}
function trayReport() {
  const t = boot.trays[0];
  if (!t) return null;
  const rep = (r) => {
    const o = (8 * r.width + 1) * 4; // the badge's left edge, half-way down
    return {
      scaleFactor: r.scaleFactor,
      width: r.width,
      height: r.height,
      pixel: Array.from(r.png.data.subarray(o, o + 4)),
    };
  };
  return {
    destroyed: t.destroyed,
    tooltip: t.tooltip,
    title: t.title,
    image: t.image.reps.map(rep),
    template: t.image.template,
    images: t.images.length,
    menu: menuItems(t.menu),
  };
}
function windowReport(w) {
  return {
    options: w.options,
    preloadExists:
      typeof w.options.webPreferences?.preload === 'string' && existsSync(w.options.webPreferences.preload),
    preloadAbsolute: isAbsolute(w.options.webPreferences?.preload ?? ''),
    loaded: w.loaded,
    loadedExists: w.loaded !== null && existsSync(w.loaded),
    url: w.webContents.getURL(),
    visible: w.visible,
    destroyed: w.destroyed,
    menuRemoved: w.menuRemoved,
    windowOpenHandler: typeof w.webContents.windowOpenHandler === 'function',
    navigationGuards: w.webContents.listenerCount('will-navigate'),
    permissionHandler: typeof w.webContents.session.permissionRequest === 'function',
  };
}
/** "Refresh now" from the tray menu, waiting until it asked GitHub and the tray shows the answer. */
async function refreshNow() {
  const before = boot.fetches;
  clickItem('refresh');
  await waitFor('the refresh to ask GitHub', () => boot.fetches > before);
  await waitFor('the refresh to end', () => !/Refreshing/.test(boot.trays[0].tooltip));
}
const findCredentialsCalls = () => keytar.calls.filter((c) => c === 'findCredentials').length;
const clickItem = (id) => {
  const item = findItem(boot.trays[0]?.menu, id);
  if (!item) throw new Error(`no menu item ${id}`);
  item.click({}, undefined, {});
};
function appState() {
  return {
    listeners: Object.fromEntries(
      ['second-instance', 'window-all-closed', 'before-quit', 'will-quit'].map((e) => [
        e,
        boot.app.listenerCount(e),
      ]),
    ),
    trays: boot.trays.length,
    windows: boot.windows.length,
    handlers: [...boot.handlers.keys()].sort(),
    calls: [...boot.calls],
    keytar: [...keytar.calls],
    thrown: [...boot.thrown],
    exitCode: boot.exitCode,
  };
}

/** Runs dist/app/preload.cjs as the renderer of `win` would, and returns what it exposed. */
function runPreload(win) {
  boot.rendererWindow = win;
  const path = win.options.webPreferences.preload;
  delete require.cache[path];
  require(path);
  return boot.exposed;
}

async function start() {
  process.argv = [
    process.execPath,
    join(dist, 'app/main.cjs'),
    ...JSON.parse(process.env.BOOT_APP_ARGS ?? '[]'),
  ];
  require(join(dist, 'app/main.cjs'));
  // Electron runs the main script, then emits ready: what the app did synchronously and in its first ticks.
  await tick();
  await tick();
  report.steps.beforeReady = appState();
  boot.emitReady();
  await tick();
}

const scenarios = {
  /** A credential in place (env token or OpenCode's auth.json): the tray reads, refreshes, reopens, quits. */
  async credentials() {
    await start();
    await waitFor('a reading in the tray', () => /used/.test(boot.trays[0]?.tooltip ?? ''));
    report.steps.reading = { tray: trayReport(), app: appState(), fetches: boot.fetches };
    await refreshNow();
    report.steps.refreshed = {
      keytar: [...keytar.calls],
      tooltip: boot.trays[0].tooltip,
      fetches: boot.fetches,
    };
    boot.app.emit('second-instance', {}, [process.execPath], process.cwd());
    await waitFor('the wizard window', () => boot.windows.length === 1 && boot.windows[0].visible);
    report.steps.secondInstance = { window: windowReport(boot.windows[0]), windows: boot.windows.length };
    clickItem('quit');
    await tick();
    report.steps.quit = { tray: trayReport(), app: appState(), windowDestroyed: boot.windows[0].destroyed };
  },

  /** No credential anywhere: the wizard opens; a call through the real preload reaches the real handlers. */
  async wizard() {
    await start();
    await waitFor('the wizard window', () => boot.windows.length === 1 && boot.windows[0].visible);
    await waitFor('the tray to say "not set up"', () => /Not set up/.test(boot.trays[0]?.tooltip ?? ''));
    const win = boot.windows[0];
    report.steps.opened = { window: windowReport(win), tray: trayReport(), app: appState() };
    const bridge = runPreload(win).copilotMeter;
    report.steps.bridge = {
      methods: Object.keys(bridge).sort(),
      frozen: Object.isFrozen(bridge),
    };
    const state = await bridge.getState();
    const check = await bridge.checkToken({ token: process.env.BOOT_PAT });
    // A frame of another page in the same window, and the wizard's URL claimed by another window: refused.
    const handler = boot.handlers.get('setup:checkToken');
    const otherPage = await handler(
      { sender: win.webContents, senderFrame: { url: 'https://evil.example/', parent: null } },
      { token: process.env.BOOT_PAT },
    );
    const otherWindow = await handler(
      {
        sender: { getURL: () => win.webContents.getURL() },
        senderFrame: { url: win.webContents.getURL(), parent: null },
      },
      { token: process.env.BOOT_PAT },
    );
    const saved = await bridge.save({ plan: 'pro', allowance: null });
    report.steps.calls = { state, check, otherPage, otherWindow, saved };
    await waitFor('the reading after saving', () => /used/.test(boot.trays[0].tooltip));
    Object.assign(report.steps.calls, { tray: trayReport(), keytar: [...keytar.calls] });
    const closed = await bridge.close();
    await tick();
    report.steps.closed = { closed, destroyed: win.destroyed, handlers: boot.handlers.size };
    clickItem('quit');
    await tick();
    report.steps.quit = { app: appState() };
  },

  /** Another instance holds the lock: this one quits before showing or reading anything. */
  async secondInstance() {
    await start();
    await tick();
    report.steps.after = appState();
  },

  /** The keychain waits on an unlock prompt: the tray and the handlers are there meanwhile. */
  async slowKeychain() {
    await start();
    await waitFor('the tray', () => boot.trays.length === 1);
    // keytar is loaded with import() on first use: the read starts once that import resolved.
    await waitFor('the keychain read to start', () => keytar.waiting.length > 0);
    report.steps.waiting = { tray: trayReport(), app: appState(), pendingReads: keytar.waiting.length };
    boot.app.emit('second-instance', {}, [process.execPath], process.cwd());
    await waitFor('the wizard window', () => boot.windows.length === 1);
    report.steps.secondInstance = { windows: boot.windows.length };
    boot.windows[0].close();
    keytar.release();
    await waitFor('the reading', () => /used/.test(boot.trays[0].tooltip));
    report.steps.answered = { tray: trayReport(), findCredentials: findCredentialsCalls() };
    await refreshNow();
    report.steps.refreshed = { findCredentials: findCredentialsCalls() };
    clickItem('quit');
    await tick();
  },

  /** A refused --api-url: the app says why and exits 2 before showing anything. */
  async badApiUrl() {
    await start();
    await tick();
    report.steps.after = appState();
  },
};

const run = scenarios[report.scenario];
if (!run) {
  console.log(`BOOT-REPORT ${JSON.stringify({ error: `unknown scenario ${report.scenario}` })}`);
  process.exit(2);
}
const guard = setTimeout(() => {
  report.error = 'driver timed out';
  console.log(`BOOT-REPORT ${JSON.stringify(report)}`);
  process.exit(3);
}, 60_000);
run().then(
  () => {
    clearTimeout(guard);
    report.final = appState();
    console.log(`BOOT-REPORT ${JSON.stringify(report)}`);
    // No process.exit: after Quit the app must leave nothing running (timers, sockets) that keeps Node alive.
  },
  (e) => {
    clearTimeout(guard);
    report.error = e instanceof Error ? e.message : String(e);
    report.final = appState();
    report.tray = trayReport();
    console.log(`BOOT-REPORT ${JSON.stringify(report)}`);
    process.exit(1);
  },
);
