/**
 * The setup wizard window: one at a time, sandboxed, no navigation, no popups, no menu (so no reload or DevTools
 * shortcuts), external links only through the allowlist of main/setup/links.ts. Dark mode follows the OS via
 * nativeTheme + CSS prefers-color-scheme.
 *
 * Written against the narrow interfaces below so a test can hand in a stand-in BrowserWindow and check the
 * options and handlers; `electronWizardDeps` adapts the real module, and the compiler checks there that
 * Electron's own classes fit every member.
 */
import type * as Electron from 'electron';
import { join } from 'node:path';
import type { Translator } from '../../shared/i18n';
import { isAllowedExternalUrl } from '../setup/links';
import { localPageUrlOf, lockToLocalPage, type LocalPageContents, type PreventableEvent } from './local-page';

/** dist/app/main.cjs sits beside dist/app/preload.cjs; each window's files are in dist/renderer/<window>/. */
export const wizardHtmlPath = (): string => join(__dirname, '..', 'renderer', 'wizard', 'index.html');
export const preloadPath = (): string => join(__dirname, 'preload.cjs');

export interface WizardWindowOptions {
  /** Window title (already translated by the caller). */
  title?: string;
  htmlPath?: string;
  preload?: string;
  /** The user's web host, so links to their GHE host pass the allowlist. */
  webHost?: string;
}

/** The slice of WebContents the wizard window touches (the same as every window of ours). */
export type WizardWebContents = LocalPageContents;
export type { PreventableEvent };

/** The slice of BrowserWindow the wizard window touches. */
export interface WizardWindow {
  readonly webContents: WizardWebContents;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
  close(): void;
  removeMenu(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'closed', listener: () => void): unknown;
  loadFile(path: string): Promise<void>;
}

export interface WizardWindowDeps {
  BrowserWindow: new (options: Electron.BrowserWindowConstructorOptions) => WizardWindow;
  shell: { openExternal(url: string): Promise<void> };
  /** nativeTheme.shouldUseDarkColors, asked when a window opens. */
  darkMode(): boolean;
  /** app.isPackaged: DevTools only in a development build. */
  isPackaged: boolean;
  /** The window is gone, however it was closed (its X, the OS, close over IPC): the setup service resets. */
  onClosed?(): void;
}

export interface WizardWindows {
  /** Opens the wizard, or focuses it when it is already open. */
  open(opts?: WizardWindowOptions): WizardWindow;
  close(): void;
  /** shell.openExternal behind the allowlist; false (nothing opened) for anything else. */
  openAllowedExternal(url: string, webHost?: string): Promise<boolean>;
  /**
   * The page URL Electron reports for the open wizard window when `sender` (an IPC event's sender) is that
   * window's webContents; null for any other sender, or when the wizard is closed or not showing a local file.
   * The IPC check compares the calling frame with it: the URL is the one Electron itself made in loadFile, so an
   * install path with '%', '[', ']', '^', spaces or non-ASCII letters matches however Electron encoded it.
   */
  pageUrlOf(sender: unknown): string | null;
}

/** The real Electron objects; a changed Electron API fails typechecking here. */
export function electronWizardDeps(
  electron: Pick<typeof Electron, 'BrowserWindow' | 'shell' | 'nativeTheme' | 'app'>,
  onClosed?: () => void,
): WizardWindowDeps {
  return {
    BrowserWindow: electron.BrowserWindow,
    shell: electron.shell,
    darkMode: () => electron.nativeTheme.shouldUseDarkColors,
    isPackaged: electron.app.isPackaged,
    ...(onClosed ? { onClosed } : {}),
  };
}

/** The slice of Electron's dialog module that confirmOpenHost uses. */
export interface ConfirmDialog {
  showMessageBox(options: Electron.MessageBoxOptions): Promise<{ response: number }>;
}

/**
 * Asks, in a dialog of main's own (the renderer cannot answer it), before a page on a server the user has not
 * saved opens in the browser. Cancel is the default and what Escape or closing the dialog gives.
 */
export async function confirmOpenHost(
  dialog: ConfirmDialog,
  t: Translator['t'],
  host: string,
): Promise<boolean> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    title: 'Copilot Meter',
    message: t('wizard.confirmOpen.message', { host }),
    detail: t('wizard.confirmOpen.detail'),
    buttons: [t('wizard.confirmOpen.cancel'), t('wizard.confirmOpen.open')],
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  });
  return response === 1;
}

/**
 * The application menu. Electron's default one has Reload (Ctrl+R) and Toggle DevTools (Ctrl+Shift+I) on every
 * window, so Windows and Linux get none. macOS keeps an app menu and an Edit menu: without Edit's items, Cmd+V
 * (pasting the token) and Cmd+C do nothing in a text field there; neither menu reloads or opens DevTools.
 */
export function applicationMenu(platform: string): Electron.MenuItemConstructorOptions[] | null {
  return platform === 'darwin' ? [{ role: 'appMenu' }, { role: 'editMenu' }] : null;
}

export function createWizardWindows(deps: WizardWindowDeps): WizardWindows {
  let current: WizardWindow | null = null;

  async function openAllowedExternal(url: string, webHost?: string): Promise<boolean> {
    if (!isAllowedExternalUrl(url, webHost ? { webHost } : {})) return false;
    await deps.shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (allowlisted just above)
    return true;
  }

  function open(opts: WizardWindowOptions = {}): WizardWindow {
    if (current && !current.isDestroyed()) {
      if (current.isMinimized()) current.restore();
      current.show();
      current.focus();
      return current;
    }
    // Called by its own name so Electronegativity recognises the window and checks its options.
    const { BrowserWindow } = deps;
    // AUXCLICK_JS_CHECK wants disableBlinkFeatures: 'Auxclick' so a middle-click cannot open a link in a new
    // window. Here every new window, middle-click included, goes through setWindowOpenHandler below, which denies
    // it (an allowlisted github.com page opens in the browser instead), and will-navigate is refused.
    const win = /* eng-disable AUXCLICK_JS_CHECK */ new BrowserWindow({
      width: 480,
      height: 600,
      minWidth: 420,
      minHeight: 520,
      show: false,
      title: opts.title ?? 'Copilot Meter',
      autoHideMenuBar: true,
      backgroundColor: deps.darkMode() ? '#1b1d21' : '#ffffff',
      webPreferences: {
        // Reviewed (PRELOAD_JS_CHECK): renderer/preload.ts runs sandboxed and exposes only ipcRenderer.invoke on
        // the fixed channels of shared/ipc.ts; main validates every argument and the sender frame.
        preload: opts.preload ?? preloadPath(), // eng-disable PRELOAD_JS_CHECK
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        webviewTag: false,
        // A packaged app has no use for DevTools; they stay for development (npm start).
        devTools: !deps.isPackaged,
      },
    });
    // No menu bar at all (Alt would show the auto-hidden one), so none of its shortcuts either.
    win.removeMenu();
    // One local page; a link that asks for a new window goes to the allowlisted external opener instead.
    lockToLocalPage(win.webContents, (url) => void openAllowedExternal(url, opts.webHost));
    win.once('ready-to-show', () => win.show());
    win.on('closed', () => {
      if (current === win) current = null;
      deps.onClosed?.();
    });
    current = win;
    void win.loadFile(opts.htmlPath ?? wizardHtmlPath());
    return win;
  }

  return {
    open,
    close: () => {
      if (current && !current.isDestroyed()) current.close();
    },
    openAllowedExternal,
    pageUrlOf: (sender) => localPageUrlOf(current, sender),
  };
}
