/**
 * The Usage window: one at a time, with the wizard's security rules (sandbox, context isolation, the same preload
 * and CSP, no navigation, no popups, no permissions, no menu), and it remembers its size and position in settings.
 * Export goes through a native save dialog here, in main: the page only asks for "csv" or "json".
 *
 * Written against narrow interfaces so a test hands in a stand-in BrowserWindow, dialog and file writer;
 * `electronUsageDeps` adapts the real modules, and the compiler checks there that Electron's own classes fit.
 */
import type * as Electron from 'electron';
import { join } from 'node:path';
import type { ExportFormat } from '../../shared/usage';
import { localPageUrlOf, lockToLocalPage, type LocalPageContents } from './local-page';
import { preloadPath } from './wizard-window';

/** dist/renderer/usage/index.html, beside the wizard's folder. */
export const usageHtmlPath = (): string => join(__dirname, '..', 'renderer', 'usage', 'index.html');

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Size of a first opening, and the smallest the layout is made for (it reflows from 480 to 1,000 px). */
export const USAGE_DEFAULT_SIZE = { width: 760, height: 820 };
export const USAGE_MIN_SIZE = { width: 480, height: 480 };

/** The slice of WebContents the Usage window touches (the same as every window of ours). */
export type UsageWebContents = LocalPageContents;

/** The slice of BrowserWindow the Usage window touches. */
export interface UsageWindow {
  readonly webContents: UsageWebContents;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isMaximized(): boolean;
  getNormalBounds(): Bounds;
  restore(): void;
  show(): void;
  focus(): void;
  close(): void;
  removeMenu(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close' | 'closed', listener: () => void): unknown;
  loadFile(path: string): Promise<void>;
}

/** The slice of Electron's dialog the export uses. */
export interface SaveDialog {
  showSaveDialog(
    window: never,
    options: Electron.SaveDialogOptions,
  ): Promise<{ canceled: boolean; filePath?: string | undefined }>;
}

export interface UsageWindowDeps {
  BrowserWindow: new (options: Electron.BrowserWindowConstructorOptions) => UsageWindow;
  /** nativeTheme.shouldUseDarkColors, asked when the window opens. */
  darkMode(): boolean;
  isPackaged: boolean;
  /** Where the window was last (settings.usageWindow); null the first time. */
  bounds: { get(): Bounds | null; set(b: Bounds): void };
  /** Work areas of the screens now attached: remembered bounds on a screen that is gone are not reused. */
  workAreas(): Bounds[];
  dialog: SaveDialog;
  /** The folder the save dialog starts in (the user's Downloads). */
  defaultDir(): string;
  writeFile(path: string, content: string): Promise<void>;
  /** The window's title in the app's language. */
  title(): string;
}

export interface UsageWindows {
  /** Opens the window, or shows and focuses the one already open. */
  open(): UsageWindow;
  close(): void;
  /** As WizardWindows.pageUrlOf: the page URL Electron reports when `sender` is this window's webContents. */
  pageUrlOf(sender: unknown): string | null;
  /** The export seam of the usage service: save dialog, then the file. The path written, or null (cancelled). */
  saveFile(file: { defaultName: string; format: ExportFormat; content: string }): Promise<string | null>;
}

/** The real Electron objects; a changed Electron API fails typechecking here. */
export function electronUsageDeps(
  electron: Pick<typeof Electron, 'BrowserWindow' | 'nativeTheme' | 'app' | 'dialog' | 'screen'>,
  rest: Pick<UsageWindowDeps, 'bounds' | 'writeFile' | 'title'>,
): UsageWindowDeps {
  return {
    BrowserWindow: electron.BrowserWindow,
    darkMode: () => electron.nativeTheme.shouldUseDarkColors,
    isPackaged: electron.app.isPackaged,
    workAreas: () => electron.screen.getAllDisplays().map((d) => d.workArea),
    dialog: electron.dialog as unknown as SaveDialog,
    defaultDir: () => electron.app.getPath('downloads'),
    ...rest,
  };
}

const intersects = (a: Bounds, b: Bounds): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Where to open: the remembered bounds when they are sane and still on a screen, else the default size centred
 * by the OS. Too small a remembered size is raised to the minimum the layout needs.
 */
export function placement(
  saved: Bounds | null,
  screens: readonly Bounds[],
): Partial<Bounds> & { width: number; height: number } {
  if (!saved) return { ...USAGE_DEFAULT_SIZE };
  const width = Math.max(USAGE_MIN_SIZE.width, Math.round(saved.width));
  const height = Math.max(USAGE_MIN_SIZE.height, Math.round(saved.height));
  const box = { x: Math.round(saved.x), y: Math.round(saved.y), width, height };
  return screens.some((s) => intersects(box, s)) ? box : { width, height };
}

const FILTERS: Record<ExportFormat, Electron.FileFilter> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  json: { name: 'JSON', extensions: ['json'] },
};

export function createUsageWindows(deps: UsageWindowDeps): UsageWindows {
  let current: UsageWindow | null = null;

  function open(): UsageWindow {
    if (current && !current.isDestroyed()) {
      if (current.isMinimized()) current.restore();
      current.show();
      current.focus();
      return current;
    }
    const at = placement(deps.bounds.get(), deps.workAreas());
    // Called by its own name so Electronegativity recognises the window and checks its options.
    const { BrowserWindow } = deps;
    // AUXCLICK_JS_CHECK: as the wizard, every new window goes through setWindowOpenHandler (denied) and
    // will-navigate is refused; the page has no links at all.
    const win = /* eng-disable AUXCLICK_JS_CHECK */ new BrowserWindow({
      ...at,
      minWidth: USAGE_MIN_SIZE.width,
      minHeight: USAGE_MIN_SIZE.height,
      show: false,
      title: deps.title(),
      autoHideMenuBar: true,
      backgroundColor: deps.darkMode() ? '#1b1d21' : '#ffffff',
      webPreferences: {
        // Reviewed (PRELOAD_JS_CHECK): the wizard's sandboxed preload, exposing only ipcRenderer.invoke on the
        // fixed channels of shared/ipc.ts; main accepts the "usage:" ones only from this window's page.
        preload: preloadPath(), // eng-disable PRELOAD_JS_CHECK
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        spellcheck: false,
        webviewTag: false,
        devTools: !deps.isPackaged,
      },
    });
    win.removeMenu();
    lockToLocalPage(win.webContents);
    win.once('ready-to-show', () => win.show());
    // Remembered as the window is about to close (its normal bounds, so a maximised window reopens at its size).
    win.on('close', () => {
      try {
        deps.bounds.set(win.getNormalBounds());
      } catch {
        // Settings that cannot be written must not keep the window open.
      }
    });
    win.on('closed', () => {
      if (current === win) current = null;
    });
    current = win;
    void win.loadFile(usageHtmlPath());
    return win;
  }

  async function saveFile(file: {
    defaultName: string;
    format: ExportFormat;
    content: string;
  }): Promise<string | null> {
    const parent = current && !current.isDestroyed() ? current : null;
    const options: Electron.SaveDialogOptions = {
      defaultPath: join(deps.defaultDir(), file.defaultName),
      filters: [FILTERS[file.format]],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const answer = await deps.dialog.showSaveDialog(parent as never, options);
    if (answer.canceled || !answer.filePath) return null;
    await deps.writeFile(answer.filePath, file.content);
    return answer.filePath;
  }

  return {
    open,
    close: () => {
      if (current && !current.isDestroyed()) current.close();
    },
    pageUrlOf: (sender) => localPageUrlOf(current, sender),
    saveFile,
  };
}
