/**
 * main/app/wizard-window.ts with a recording stand-in for BrowserWindow and shell (the Electron binary cannot run
 * here): the options the window is built with, and what its navigation, popup and permission handlers do. The
 * "closed" case drives the real setup service (fake GitHub, memory store).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { BrowserWindowConstructorOptions, MessageBoxOptions } from 'electron';
import { createTranslator } from '../../shared/i18n';
import {
  applicationMenu,
  confirmOpenHost,
  createWizardWindows,
  type PreventableEvent,
  type WizardWebContents,
  type WizardWindow,
  type WizardWindowDeps,
} from '../../main/app/wizard-window';
import { billingCreditsMultiModel } from '../fake-github/fixtures';
import { error, PAT, patState, startSetupWorld, value, type SetupWorld } from '../setup/world';

type Listener = (...args: never[]) => unknown;

class StandInWindow implements WizardWindow {
  static made: StandInWindow[] = [];
  readonly listeners = new Map<string, Listener[]>();
  readonly calls: string[] = [];
  destroyed = false;
  windowOpen: ((details: { url: string }) => { action: 'deny' }) | null = null;
  permissionRequest:
    ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | null = null;
  permissionCheck: (() => boolean) | null = null;
  loaded: string | null = null;
  readonly webContents: WizardWebContents;

  constructor(readonly options: BrowserWindowConstructorOptions) {
    StandInWindow.made.push(this);
    const on = (event: string, listener: Listener) => {
      this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
      return this;
    };
    this.webContents = {
      id: StandInWindow.made.length,
      getURL: () => (this.loaded ? `file://${this.loaded}` : ''),
      on: (event: string, listener: (e: PreventableEvent) => void) => on(`wc:${event}`, listener),
      setWindowOpenHandler: (handler) => {
        this.windowOpen = handler;
      },
      session: {
        setPermissionRequestHandler: (handler) => {
          this.permissionRequest = handler;
        },
        setPermissionCheckHandler: (handler) => {
          this.permissionCheck = handler;
        },
      },
    };
    this.on = (event: string, listener: () => void) => on(event, listener);
    this.once = (event: string, listener: () => void) => on(event, listener);
  }
  on: WizardWindow['on'];
  once: WizardWindow['once'];
  isDestroyed = () => this.destroyed;
  isMinimized = () => false;
  restore = () => void this.calls.push('restore');
  show = () => void this.calls.push('show');
  focus = () => void this.calls.push('focus');
  removeMenu = () => void this.calls.push('removeMenu');
  close = () => {
    this.calls.push('close');
    this.destroyed = true;
    this.emit('closed');
  };
  loadFile = async (path: string) => {
    this.loaded = path;
  };

  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) (l as (...a: unknown[]) => unknown)(...args);
  }
  /** Fires a webContents event with an event object; true when a handler prevented it. */
  prevented(event: string): boolean {
    let prevented = false;
    this.emit(`wc:${event}`, { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

function windows(extra: Partial<WizardWindowDeps> = {}) {
  const opened: string[] = [];
  const deps: WizardWindowDeps = {
    BrowserWindow: StandInWindow,
    shell: {
      openExternal: async (url) => {
        opened.push(url);
      },
    },
    darkMode: () => false,
    isPackaged: true,
    ...extra,
  };
  return { w: createWizardWindows(deps), opened };
}

let world: SetupWorld | null = null;
afterEach(async () => {
  StandInWindow.made = [];
  await world?.cleanup();
  world = null;
});

describe('the wizard window', () => {
  it('is isolated and sandboxed, without Node, webviews, a menu or (when packaged) DevTools', () => {
    const { w } = windows();
    w.open({ htmlPath: '/app/index.html', preload: '/app/preload.cjs' });
    const win = StandInWindow.made[0]!;
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(win.options.show).toBe(false);
    expect(win.calls).toContain('removeMenu');
    expect(win.loaded).toBe('/app/index.html');
    win.emit('ready-to-show');
    expect(win.calls).toContain('show');
  });

  it('keeps DevTools for a development (unpackaged) build', () => {
    windows({ isPackaged: false }).w.open();
    expect(StandInWindow.made[0]!.options.webPreferences?.devTools).toBe(true);
  });

  it('refuses every navigation, redirect and webview', () => {
    windows().w.open();
    const win = StandInWindow.made[0]!;
    expect(win.prevented('will-navigate')).toBe(true);
    expect(win.prevented('will-redirect')).toBe(true);
    expect(win.prevented('will-attach-webview')).toBe(true);
  });

  it('denies every popup, opening only allowlisted pages in the browser', async () => {
    const { w, opened } = windows();
    w.open({ webHost: 'acme.ghe.com' });
    const open = StandInWindow.made[0]!.windowOpen!;
    for (const url of [
      'https://github.com/settings/tokens?type=beta',
      'https://acme.ghe.com/settings/billing',
      'https://evil.example/settings/tokens',
      'http://github.com/settings/tokens',
      'javascript:alert(1)',
      'file:///etc/passwd',
    ]) {
      expect(open({ url })).toEqual({ action: 'deny' });
    }
    await Promise.resolve();
    expect(opened).toEqual([
      'https://github.com/settings/tokens?type=beta',
      'https://acme.ghe.com/settings/billing',
    ]);
    expect(await w.openAllowedExternal('https://github.com.evil.example/settings')).toBe(false);
    expect(opened).toHaveLength(2);
  });

  it('refuses every permission request and check', () => {
    windows().w.open();
    const win = StandInWindow.made[0]!;
    const answers: boolean[] = [];
    for (const p of ['media', 'notifications', 'clipboard-read', 'geolocation']) {
      win.permissionRequest!({}, p, (granted) => answers.push(granted));
    }
    expect(answers).toEqual([false, false, false, false]);
    expect(win.permissionCheck!()).toBe(false);
  });

  it('is one window at a time: opening again focuses it, and after closing a new one opens', () => {
    const { w } = windows();
    const first = w.open();
    expect(w.open()).toBe(first);
    expect(StandInWindow.made).toHaveLength(1);
    expect(StandInWindow.made[0]!.calls).toEqual(expect.arrayContaining(['show', 'focus']));
    w.close();
    w.open();
    expect(StandInWindow.made).toHaveLength(2);
  });

  it('closed by its X, the setup service forgets the checked token and an unsaved server choice', async () => {
    world = await startSetupWorld({
      fake: patState(billingCreditsMultiModel),
      apiUrl: 'https://api.github.com',
    });
    const service = world.service;
    const { w } = windows({ onClosed: () => service.reset() });
    w.open();
    value(await service.setServer({ address: world.fake.url }));
    value(await service.checkToken({ token: PAT }));
    // The OS closes the window (not the wizard's Close button, which goes over IPC).
    const win = StandInWindow.made[0]!;
    win.destroyed = true;
    win.emit('closed');
    expect(error(await service.save({ plan: 'pro', allowance: null }))).toMatchObject({ reason: 'badInput' });
    expect(value(await service.getState()).webHost).toBe('github.com');
    expect(await world.secrets.list()).toEqual([]);
  });
});

describe('asking before a page opens on a server the user has not saved', () => {
  /** A dialog stand-in that records what it was asked and answers with a given button index. */
  const dialog = (response: number) => {
    const asked: MessageBoxOptions[] = [];
    return {
      asked,
      showMessageBox: async (o: MessageBoxOptions) => {
        asked.push(o);
        return { response };
      },
    };
  };

  it('names the host, says where the token goes, and defaults to Cancel', async () => {
    const d = dialog(0);
    expect(await confirmOpenHost(d, createTranslator('en').t, 'acme.ghe.com')).toBe(false);
    const o = d.asked[0]!;
    expect(o.message).toBe('Open acme.ghe.com in your browser?');
    expect(o.detail).toBe('Copilot Meter will send your token only to this server.');
    expect(o.buttons).toEqual(['Cancel', 'Open']);
    // Enter (default) and Escape / closing the dialog (cancel) both mean "do not open".
    expect(o.defaultId).toBe(0);
    expect(o.cancelId).toBe(0);
  });

  it('opens only when the user pressed Open, and speaks the user’s language', async () => {
    const d = dialog(1);
    expect(await confirmOpenHost(d, createTranslator('fr').t, 'acme.ghe.com')).toBe(true);
    expect(d.asked[0]!.message).toBe('Ouvrir acme.ghe.com dans votre navigateur ?');
    expect(d.asked[0]!.buttons).toEqual(['Annuler', 'Ouvrir']);
  });
});

describe('the application menu', () => {
  it('is removed on Windows and Linux, so Ctrl+R and Ctrl+Shift+I do nothing', () => {
    expect(applicationMenu('win32')).toBeNull();
    expect(applicationMenu('linux')).toBeNull();
  });

  it('on macOS has only the app and Edit menus (Cmd+V pastes the token), nothing that reloads or inspects', () => {
    const menu = applicationMenu('darwin');
    expect(menu).toEqual([{ role: 'appMenu' }, { role: 'editMenu' }]);
    expect(JSON.stringify(menu)).not.toMatch(/reload|toggleDevTools|viewMenu/i);
  });
});
