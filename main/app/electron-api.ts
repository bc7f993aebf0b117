/**
 * The narrow slice of Electron the tray app uses. The controller, tray and notifier are written against these
 * interfaces, so tests hand in a recording stand-in; `fromElectron` adapts the real module, and the compiler
 * checks there that Electron's own objects fit every member (a changed Electron API fails typechecking here).
 */
import type * as Electron from 'electron';
import { systemEnv } from '../core/system';
import { setLinuxAutostart } from './autostart';

export type Platform = 'darwin' | 'win32' | 'linux' | (string & {});

export interface ImageLike {
  addRepresentation(options: { scaleFactor: number; buffer: Buffer }): void;
  setTemplateImage(option: boolean): void;
}

export interface MenuItemTemplate {
  id?: string;
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  label?: string;
  enabled?: boolean;
  checked?: boolean;
  accelerator?: string;
  click?: () => void;
  submenu?: MenuItemTemplate[];
}

/** Opaque: the app only builds menus and hands them to the tray. */
export type MenuLike = object;

export interface TrayLike {
  setImage(image: ImageLike): void;
  setToolTip(tip: string): void;
  setTitle(title: string): void;
  setContextMenu(menu: MenuLike | null): void;
  on(event: 'click', listener: () => void): unknown;
  popUpContextMenu(): void;
  destroy(): void;
}

export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

export interface ElectronApi {
  platform: Platform;
  app: {
    requestSingleInstanceLock(): boolean;
    on(
      event: 'second-instance' | 'window-all-closed' | 'before-quit',
      listener: (...args: never[]) => void,
    ): unknown;
    whenReady(): Promise<void>;
    quit(): void;
    setAppUserModelId(id: string): void;
    setLoginItemSettings(settings: { openAtLogin: boolean; openAsHidden?: boolean }): void;
    getLocale(): string;
    /** macOS only. */
    dock?: { hide(): void } | undefined;
  };
  createTray(image: ImageLike): TrayLike;
  buildMenu(template: MenuItemTemplate[]): MenuLike;
  /** A PNG at scale factor 1 (more scales are added with addRepresentation). */
  imageFromPng(png: Buffer): ImageLike;
  notifications: {
    isSupported(): boolean;
    create(options: { title: string; body: string; silent?: boolean }): NotificationLike;
  };
  powerMonitor: {
    on(event: 'resume' | 'unlock-screen', listener: () => void): unknown;
  };
  net: {
    isOnline(): boolean;
    fetch(input: string, init: RequestInit): Promise<Response>;
  };
  openExternal(url: string): Promise<void>;
}

/** Adapts the real module. Only main.ts calls this; everything else gets an ElectronApi. */
export function fromElectron(e: typeof Electron): ElectronApi {
  return {
    platform: process.platform,
    app: {
      requestSingleInstanceLock: () => e.app.requestSingleInstanceLock(),
      on: (event, listener) => e.app.on(event as 'second-instance', listener as () => void),
      whenReady: () => e.app.whenReady(),
      quit: () => e.app.quit(),
      setAppUserModelId: (id) => e.app.setAppUserModelId(id),
      // Electron's login items are macOS/Windows only; Linux desktops use an XDG autostart entry.
      setLoginItemSettings: (s) =>
        process.platform === 'linux'
          ? setLinuxAutostart(
              systemEnv(),
              process.execPath,
              s.openAtLogin,
              e.app.isPackaged ? [] : [e.app.getAppPath()],
            )
          : e.app.setLoginItemSettings(s),
      getLocale: () => e.app.getLocale(),
      dock: e.app.dock,
    },
    createTray: (image) => {
      const tray = new e.Tray(image as Electron.NativeImage);
      return {
        setImage: (i) => tray.setImage(i as Electron.NativeImage),
        setToolTip: (tip) => tray.setToolTip(tip),
        setTitle: (title) => tray.setTitle(title),
        setContextMenu: (menu) => tray.setContextMenu(menu as Electron.Menu | null),
        on: (event, listener) => tray.on(event, () => listener()),
        popUpContextMenu: () => tray.popUpContextMenu(),
        destroy: () => tray.destroy(),
      };
    },
    buildMenu: (template) => e.Menu.buildFromTemplate(template as Electron.MenuItemConstructorOptions[]),
    imageFromPng: (png) => e.nativeImage.createFromBuffer(png, { scaleFactor: 1 }),
    notifications: {
      isSupported: () => e.Notification.isSupported(),
      create: (options) => new e.Notification(options),
    },
    powerMonitor: e.powerMonitor,
    net: { isOnline: () => e.net.isOnline(), fetch: (input, init) => e.net.fetch(input, init) },
    // Reviewed: the tray's only caller (controller.ts openBilling) passes the link allowlist first.
    openExternal: (url) => e.shell.openExternal(url), // eng-disable OPEN_EXTERNAL_JS_CHECK
  };
}
