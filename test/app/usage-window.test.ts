/**
 * main/app/usage-window.ts and the Usage window's IPC (main/app/ipc.ts) with recording stand-ins for
 * BrowserWindow, the save dialog and ipcMain (the Electron binary cannot run here). Behind the IPC is the real
 * usage service, reading the fake GitHub through the real engine, with the real history store.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BrowserWindowConstructorOptions, SaveDialogOptions } from 'electron';
import type { Bounds, UsageWindow, UsageWindowDeps } from '../../main/app/usage-window';
import type { UsageView } from '../../shared/usage';
import { billingCreditsMultiModel } from '../fake-github/fixtures';
import { startUsageWorld, USAGE_PAT, writeCurrentMonth, type UsageWorld } from '../usage/world';
import { recordingIpc } from '../helpers/recording-ipc';

vi.mock('electron', () => ({
  ipcMain: { handle: () => undefined, removeHandler: () => undefined },
}));

const { registerIpc, registerUsageIpc } = await import('../../main/app/ipc');
const { createUsageWindows, placement, USAGE_DEFAULT_SIZE, USAGE_MIN_SIZE } =
  await import('../../main/app/usage-window');

type Listener = (...args: never[]) => unknown;

class StandInWindow implements UsageWindow {
  static made: StandInWindow[] = [];
  readonly listeners = new Map<string, Listener[]>();
  readonly calls: string[] = [];
  destroyed = false;
  minimized = false;
  maximized = false;
  normal: Bounds;
  loaded: string | null = null;
  windowOpen: ((details: { url: string }) => { action: 'deny' }) | null = null;
  permissionRequest: ((wc: unknown, p: string, cb: (granted: boolean) => void) => void) | null = null;
  permissionCheck: (() => boolean) | null = null;
  readonly webContents: UsageWindow['webContents'];

  constructor(readonly options: BrowserWindowConstructorOptions) {
    StandInWindow.made.push(this);
    this.normal = {
      x: options.x ?? 100,
      y: options.y ?? 100,
      width: options.width ?? 0,
      height: options.height ?? 0,
    };
    const on = (event: string, listener: Listener) => {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    };
    this.webContents = {
      id: 40 + StandInWindow.made.length,
      getURL: () => (this.loaded ? `file://${this.loaded}` : 'about:blank'),
      on: (event: string, listener: Listener) => on(`wc:${event}`, listener),
      setWindowOpenHandler: (handler) => void (this.windowOpen = handler),
      session: {
        setPermissionRequestHandler: (handler) => void (this.permissionRequest = handler),
        setPermissionCheckHandler: (handler) => void (this.permissionCheck = handler),
      },
    };
    this.on = (event: string, listener: () => void) => on(event, listener);
    this.once = (event: string, listener: () => void) => on(event, listener);
  }
  on: UsageWindow['on'];
  once: UsageWindow['once'];
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  getNormalBounds = () => ({ ...this.normal });
  restore = () => void this.calls.push('restore');
  show = () => void this.calls.push('show');
  focus = () => void this.calls.push('focus');
  removeMenu = () => void this.calls.push('removeMenu');
  close = () => {
    this.calls.push('close');
    this.emit('close');
    this.destroyed = true;
    this.emit('closed');
  };
  loadFile = async (path: string) => void (this.loaded = path);
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
  prevented(event: string): boolean {
    let prevented = false;
    this.emit(`wc:${event}`, { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

const SCREEN = { x: 0, y: 0, width: 1920, height: 1080 };
/** A fixed instant in the fake GitHub's billing month (November 2026). */
const NOW = Date.UTC(2026, 10, 20, 14, 30);

function windows(extra: Partial<UsageWindowDeps> = {}) {
  let saved: Bounds | null = null;
  const dialogs: Array<{ parent: unknown; options: SaveDialogOptions }> = [];
  const written: Array<{ path: string; content: string }> = [];
  let answer: { canceled: boolean; filePath?: string } = { canceled: true };
  const deps: UsageWindowDeps = {
    BrowserWindow: StandInWindow,
    darkMode: () => false,
    isPackaged: true,
    bounds: { get: () => saved, set: (b) => void (saved = b) },
    workAreas: () => [SCREEN],
    dialog: {
      showSaveDialog: async (parent, options) => {
        dialogs.push({ parent, options });
        return answer;
      },
    },
    defaultDir: () => '/home/u/Downloads',
    writeFile: async (path, content) => void written.push({ path, content }),
    title: () => 'Copilot usage',
    ...extra,
  };
  return {
    w: createUsageWindows(deps),
    saved: () => saved,
    setSaved: (b: Bounds | null) => void (saved = b),
    dialogs,
    written,
    answer: (a: typeof answer) => void (answer = a),
  };
}

let world: UsageWorld | null = null;
afterEach(async () => {
  StandInWindow.made = [];
  await world?.cleanup();
  world = null;
});

describe('the Usage window', () => {
  it('has the wizard’s security options: isolated, sandboxed, no Node, no webviews, no menu, no DevTools', () => {
    windows().w.open();
    const win = StandInWindow.made[0]!;
    expect(win.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(win.options.webPreferences?.preload).toMatch(/preload\.cjs$/);
    expect(win.options).toMatchObject({ show: false, title: 'Copilot usage', minWidth: 480 });
    expect(win.calls).toContain('removeMenu');
    expect(win.loaded).toMatch(/renderer[\\/]usage[\\/]index\.html$/);
    win.emit('ready-to-show');
    expect(win.calls).toContain('show');
  });

  it('refuses navigation, redirects, webviews, popups and every permission', () => {
    windows().w.open();
    const win = StandInWindow.made[0]!;
    for (const e of ['will-navigate', 'will-redirect', 'will-attach-webview'])
      expect(win.prevented(e)).toBe(true);
    expect(win.windowOpen!({ url: 'https://github.com/settings/billing' })).toEqual({ action: 'deny' });
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'clipboard-read'])
      win.permissionRequest!({}, p, (g) => answers.push(g));
    expect(answers).toEqual([false, false, false]);
    expect(win.permissionCheck!()).toBe(false);
  });

  it('is one window: opening again shows and focuses it (restoring a minimised one)', () => {
    const { w } = windows();
    const first = w.open();
    StandInWindow.made[0]!.minimized = true;
    expect(w.open()).toBe(first);
    expect(StandInWindow.made).toHaveLength(1);
    expect(StandInWindow.made[0]!.calls).toEqual(expect.arrayContaining(['restore', 'show', 'focus']));
    w.close();
    w.open();
    expect(StandInWindow.made).toHaveLength(2);
  });

  it('remembers its size and position when it closes, and opens there next time', () => {
    const t = windows();
    t.w.open();
    expect(StandInWindow.made[0]!.options).toMatchObject(USAGE_DEFAULT_SIZE);
    StandInWindow.made[0]!.normal = { x: 300, y: 120, width: 900, height: 700 };
    t.w.close();
    expect(t.saved()).toEqual({ x: 300, y: 120, width: 900, height: 700 });
    t.w.open();
    expect(StandInWindow.made[1]!.options).toMatchObject({ x: 300, y: 120, width: 900, height: 700 });
  });

  it('a remembered place on a screen that is gone opens centred at the remembered size; a tiny size is raised', () => {
    expect(placement({ x: 5000, y: 3000, width: 800, height: 600 }, [SCREEN])).toEqual({
      width: 800,
      height: 600,
    });
    expect(placement({ x: 10, y: 10, width: 100, height: 50 }, [SCREEN])).toEqual({
      x: 10,
      y: 10,
      ...USAGE_MIN_SIZE,
    });
    expect(placement(null, [SCREEN])).toEqual(USAGE_DEFAULT_SIZE);
  });

  it('a settings file that cannot be written does not keep the window from closing', () => {
    const { w } = windows({
      bounds: {
        get: () => null,
        set: () => {
          throw new Error('EROFS');
        },
      },
    });
    w.open();
    w.close();
    expect(StandInWindow.made[0]!.destroyed).toBe(true);
  });

  it('knows its own page only: pageUrlOf answers for its webContents, nothing for another sender', () => {
    const { w } = windows();
    expect(w.pageUrlOf({})).toBeNull();
    w.open();
    const win = StandInWindow.made[0]!;
    expect(w.pageUrlOf(win.webContents)).toBe(`file://${win.loaded}`);
    expect(w.pageUrlOf({ getURL: () => `file://${win.loaded}` })).toBeNull();
    expect(w.pageUrlOf({ id: win.webContents.id })).toBe(`file://${win.loaded}`);
    expect(w.pageUrlOf({ id: win.webContents.id + 1 })).toBeNull();
    w.close();
    expect(w.pageUrlOf(win.webContents)).toBeNull();
  });

  it('exports through the native save dialog: in Downloads, one filter, written only when the user saves', async () => {
    const t = windows();
    t.w.open();
    expect(await t.w.saveFile({ defaultName: 'u.csv', format: 'csv', content: 'a,b\n' })).toBeNull();
    expect(t.written).toEqual([]);
    expect(t.dialogs[0]!.parent).toBe(StandInWindow.made[0]);
    expect(t.dialogs[0]!.options).toMatchObject({
      defaultPath: '/home/u/Downloads/u.csv',
      filters: [{ name: 'CSV', extensions: ['csv'] }],
    });
    t.answer({ canceled: false, filePath: '/tmp/mine.json' });
    expect(await t.w.saveFile({ defaultName: 'u.json', format: 'json', content: '{}\n' })).toBe(
      '/tmp/mine.json',
    );
    expect(t.dialogs[1]!.options.filters).toEqual([{ name: 'JSON', extensions: ['json'] }]);
    expect(t.written).toEqual([{ path: '/tmp/mine.json', content: '{}\n' }]);
  });
});

// ---- IPC ----

const USAGE_PAGE = 'file:///opt/Copilot%20Meter/resources/app.asar/dist/renderer/usage/index.html';
const WIZARD_PAGE = 'file:///opt/Copilot%20Meter/resources/app.asar/dist/renderer/wizard/index.html';
const usageContents = { getURL: () => USAGE_PAGE };
const wizardContents = { getURL: () => WIZARD_PAGE };
const from = (sender: { getURL(): string }, top = true) => ({
  sender,
  senderFrame: { url: sender.getURL(), parent: top ? null : {} },
});

describe('the Usage window’s IPC', () => {
  async function wired() {
    world = await startUsageWorld({
      fake: {
        tokens: { [USAGE_PAT]: { login: 'octocat', kind: 'pat', permissions: ['plan'] } },
        billing: { octocat: { aiCredits: billingCreditsMultiModel } },
      },
      now: () => NOW,
    });
    await world.refresh();
    writeCurrentMonth(world, world.reading.snapshot!, NOW);
    const ipc = recordingIpc();
    const pageOf = (contents: unknown) => (sender: unknown) =>
      sender === contents ? (contents as { getURL(): string }).getURL() : null;
    const offUsage = registerUsageIpc({
      service: world.service,
      usagePage: pageOf(usageContents),
      ipc: ipc as never,
    });
    return { ipc, offUsage, w: world };
  }

  it('registers the usage channels only, next to the wizard’s without clashing, and removes them again', async () => {
    const { ipc, offUsage } = await wired();
    expect([...ipc.handlers.keys()].sort()).toEqual([
      'usage:closeUsage',
      'usage:exportUsage',
      'usage:getUsage',
    ]);
    const offSetup = registerIpc({ service: {} as never, wizardPage: () => null, ipc: ipc as never });
    expect(ipc.handlers.size).toBe(3 + 12);
    offUsage();
    offSetup();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers the Usage page with the real view (reading, history, pace), through the real service', async () => {
    const { ipc } = await wired();
    const r = (await ipc.handlers.get('usage:getUsage')!(from(usageContents), { period: null })) as {
      ok: true;
      value: UsageView;
    };
    expect(r.ok).toBe(true);
    expect(r.value.headline).toMatchObject({
      login: 'octocat',
      used: 1087.75,
      allowance: 1500,
      seat: 'personal',
    });
    expect(r.value.month?.days.reduce((a, d) => a + d.used, 0)).toBeCloseTo(1087.75, 2);
    expect(r.value.month?.pace?.allowance).toBe(1500);
  });

  it('refuses the wizard page, an iframe and a look-alike sender, and bad arguments', async () => {
    const { ipc } = await wired();
    const get = ipc.handlers.get('usage:getUsage')!;
    for (const e of [
      from(wizardContents),
      from(usageContents, false),
      { sender: { getURL: () => USAGE_PAGE }, senderFrame: { url: USAGE_PAGE, parent: null } },
      { sender: usageContents, senderFrame: null },
    ]) {
      expect(await get(e, { period: null })).toMatchObject({
        ok: false,
        error: { kind: 'config', detail: 'call refused: not from the Usage window' },
      });
    }
    for (const bad of [{ period: '2026-13' }, { period: 202611 }, { period: null, extra: 1 }, 'x']) {
      expect(await get(from(usageContents), bad)).toMatchObject({ ok: false, error: { reason: 'badInput' } });
    }
    expect(
      await ipc.handlers.get('usage:exportUsage')!(from(usageContents), { format: 'xml' }),
    ).toMatchObject({ ok: false, error: { reason: 'badInput' } });
  });

  it('exports what the save dialog seam was given, and closes the window on request', async () => {
    const { ipc, w } = await wired();
    const r = (await ipc.handlers.get('usage:exportUsage')!(from(usageContents), { format: 'csv' })) as {
      ok: true;
      value: { saved: boolean; path: string };
    };
    expect(r.value.saved).toBe(true);
    expect(r.value.path).toBe(
      join(w.home, 'exports', `copilot-usage-octocat-${w.reading.snapshot!.period}.csv`),
    );
    expect(existsSync(r.value.path)).toBe(true);
    expect(readFileSync(r.value.path, 'utf8').split('\n')[0]).toBe(
      'date,used,Claude Sonnet 4.5,GPT-5,Gemini 2.5 Pro,gross_usd,billed_usd,source',
    );
    w.saveTo = null;
    expect(await ipc.handlers.get('usage:exportUsage')!(from(usageContents), { format: 'json' })).toEqual({
      ok: true,
      value: { saved: false, path: null },
    });
    expect(await ipc.handlers.get('usage:closeUsage')!(from(usageContents), undefined)).toEqual({
      ok: true,
      value: { closed: true },
    });
    expect(w.closed).toBe(1);
  });
});
