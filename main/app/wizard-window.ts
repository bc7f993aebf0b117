/**
 * The setup wizard window: one at a time, sandboxed, no navigation, no popups, external links only through the
 * allowlist of main/setup/links.ts. Dark mode follows the OS via nativeTheme + CSS prefers-color-scheme.
 */
import { BrowserWindow, nativeTheme, shell } from 'electron';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isAllowedExternalUrl } from '../setup/links';

/** dist/app/main.cjs sits beside dist/app/preload.cjs; the renderer files are in dist/renderer/. */
export const wizardHtmlPath = (): string => join(__dirname, '..', 'renderer', 'index.html');
export const preloadPath = (): string => join(__dirname, 'preload.cjs');
export const wizardFileUrl = (): string => pathToFileURL(wizardHtmlPath()).href;

export interface WizardWindowOptions {
  /** Window title (already translated by the caller). */
  title?: string;
  htmlPath?: string;
  preload?: string;
  /** The user's web host, so links to their GHE host pass the allowlist. */
  webHost?: string;
}

let current: BrowserWindow | null = null;

/** Opens the wizard, or focuses it when it is already open. */
export function openWizardWindow(opts: WizardWindowOptions = {}): BrowserWindow {
  if (current && !current.isDestroyed()) {
    if (current.isMinimized()) current.restore();
    current.show();
    current.focus();
    return current;
  }
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
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1b1d21' : '#ffffff',
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
    },
  });
  const wc = win.webContents;
  // The wizard is one local page: any navigation or popup would be content we did not ship.
  wc.on('will-navigate', (e) => e.preventDefault());
  wc.on('will-redirect', (e) => e.preventDefault());
  wc.on('will-attach-webview', (e) => e.preventDefault());
  // The wizard needs no camera, notifications, clipboard-read or any other permission: refuse them all.
  wc.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  wc.session.setPermissionCheckHandler(() => false);
  wc.setWindowOpenHandler(({ url }) => {
    void openAllowedExternal(url, opts.webHost);
    return { action: 'deny' };
  });
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (current === win) current = null;
  });
  current = win;
  void win.loadFile(opts.htmlPath ?? wizardHtmlPath());
  return win;
}

export function closeWizardWindow(): void {
  if (current && !current.isDestroyed()) current.close();
}

/** shell.openExternal behind the allowlist; false (nothing opened) for anything else. */
export async function openAllowedExternal(url: string, webHost?: string): Promise<boolean> {
  if (!isAllowedExternalUrl(url, webHost ? { webHost } : {})) return false;
  await shell.openExternal(url); // eng-disable OPEN_EXTERNAL_JS_CHECK (allowlisted just above)
  return true;
}
