/**
 * A recording stand-in for the slice of Electron in main/app/electron-api.ts. It keeps what the app passed
 * (images as decoded PNGs, menus as templates) so tests check real values, and lets tests fire events.
 */
import { decodePng, type Bitmap } from '../../main/core/icon/render';
import type { ElectronApi, ImageLike, MenuItemTemplate, Platform } from '../../main/app/electron-api';

export class FakeImage implements ImageLike {
  reps: Array<{ scaleFactor: number; bitmap: Bitmap }> = [];
  template = false;
  constructor(png: Buffer) {
    this.reps.push({ scaleFactor: 1, bitmap: decodePng(png) });
  }
  addRepresentation(o: { scaleFactor: number; buffer: Buffer }): void {
    this.reps.push({ scaleFactor: o.scaleFactor, bitmap: decodePng(o.buffer) });
  }
  setTemplateImage(on: boolean): void {
    this.template = on;
  }
}

export interface FakeTray {
  image: FakeImage;
  images: FakeImage[];
  tooltip: string;
  title: string | null;
  menu: MenuItemTemplate[] | null;
  destroyed: boolean;
  listeners: Record<string, Array<() => void>>;
}

export interface StandIn {
  api: ElectronApi;
  calls: string[];
  trays: FakeTray[];
  notifications: Array<{ title: string; body: string; click: () => void; shown: boolean }>;
  loginItems: Array<{ openAtLogin: boolean }>;
  opened: string[];
  emit(target: 'app' | 'powerMonitor', event: string): void;
  /** How many listeners the app registered for an event. */
  listening(target: 'app' | 'powerMonitor', event: string): number;
  online: boolean;
  lockHeld: boolean;
}

export function createStandIn(
  platform: Platform = 'linux',
  opts: { lock?: boolean; ready?: Promise<void> } = {},
): StandIn {
  const listeners: Record<string, Array<(...a: never[]) => void>> = {};
  const on = (prefix: string) => (event: string, fn: (...a: never[]) => void) => {
    (listeners[`${prefix}:${event}`] ??= []).push(fn);
    return undefined;
  };
  const s: StandIn = {
    calls: [],
    trays: [],
    notifications: [],
    loginItems: [],
    opened: [],
    online: true,
    lockHeld: opts.lock ?? true,
    emit(target, event) {
      for (const fn of listeners[`${target}:${event}`] ?? []) (fn as () => void)();
    },
    listening: (target, event) => listeners[`${target}:${event}`]?.length ?? 0,
    api: undefined as unknown as ElectronApi,
  };
  s.api = {
    platform,
    app: {
      requestSingleInstanceLock: () => {
        s.calls.push('requestSingleInstanceLock');
        return s.lockHeld;
      },
      on: on('app'),
      whenReady: () => opts.ready ?? Promise.resolve(),
      quit: () => void s.calls.push('quit'),
      setAppUserModelId: (id) => void s.calls.push(`setAppUserModelId:${id}`),
      setLoginItemSettings: (o) => void s.loginItems.push({ openAtLogin: o.openAtLogin }),
      getLocale: () => 'en-US',
      dock: platform === 'darwin' ? { hide: () => void s.calls.push('dock.hide') } : undefined,
    },
    createTray(image) {
      const tray: FakeTray = {
        image: image as FakeImage,
        images: [image as FakeImage],
        tooltip: '',
        title: null,
        menu: null,
        destroyed: false,
        listeners: {},
      };
      s.trays.push(tray);
      return {
        setImage: (i) => {
          tray.image = i as FakeImage;
          tray.images.push(i as FakeImage);
        },
        setToolTip: (t) => void (tray.tooltip = t),
        setTitle: (t) => void (tray.title = t),
        setContextMenu: (m) => void (tray.menu = m as MenuItemTemplate[] | null),
        on: (event, fn) => void (tray.listeners[event] ??= []).push(fn),
        popUpContextMenu: () => void s.calls.push('popUpContextMenu'),
        destroy: () => void (tray.destroyed = true),
      };
    },
    // The "menu" is the template itself, so tests can click items.
    buildMenu: (template) => template,
    imageFromPng: (png) => new FakeImage(png),
    notifications: {
      isSupported: () => true,
      create(o) {
        const n = { title: o.title, body: o.body, click: () => undefined as void, shown: false };
        s.notifications.push(n);
        return {
          on: (_e, fn) => void (n.click = fn),
          show: () => void (n.shown = true),
        };
      },
    },
    powerMonitor: { on: on('powerMonitor') },
    net: {
      isOnline: () => s.online,
      fetch: () => Promise.reject(new Error('no network in the stand-in')),
    },
    openExternal: async (url) => void s.opened.push(url),
  };
  return s;
}

export function findItem(items: MenuItemTemplate[] | null, id: string): MenuItemTemplate | undefined {
  for (const i of items ?? []) {
    if (i.id === id) return i;
    const sub = findItem(i.submenu ?? null, id);
    if (sub) return sub;
  }
  return undefined;
}
