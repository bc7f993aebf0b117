/**
 * A recording stand-in for the `electron` module, for booting the BUILT bundle (dist/app/main.cjs, preload.cjs)
 * under plain Node (test/app/boot.test.ts through driver.cjs). Written independently of main/app: it knows
 * Electron's documented rules, not our code, and THROWS where Electron refuses:
 *   - Tray, BrowserWindow, Menu, Notification, dialog, powerMonitor or net.fetch before the app is ready;
 *   - a menu item with none of label, role or type 'separator', or an unknown type;
 *   - a second ipcMain.handle on one channel;
 *   - a preload path that is relative or missing, loadFile of a file that does not exist;
 *   - a tray or window used after destroy, a tray image that is not a NativeImage, a context menu that is not a Menu.
 * Everything the app does is recorded on `__boot` so the driver can report it. It proves the bundle and its use
 * of Electron's API as documented, not Electron itself.
 */
'use strict';
const { EventEmitter } = require('node:events');
const { existsSync } = require('node:fs');
const { isAbsolute, resolve } = require('node:path');
const { format } = require('node:url');
const { PNG } = require('pngjs');

const boot = {
  ready: false,
  calls: [],
  /** Errors this stand-in threw (Electron would have): the driver reports them. */
  thrown: [],
  trays: [],
  windows: [],
  notifications: [],
  dialogs: [],
  opened: [],
  handlers: new Map(),
  lockHeld: process.env.BOOT_LOCK !== 'held-elsewhere',
  applicationMenu: undefined,
  exitCode: null,
  /** net.fetch calls (requests the app sent). */
  fetches: 0,
  /** The window whose preload is running (the renderer side of ipcRenderer / contextBridge). */
  rendererWindow: null,
  exposed: {},
};

function refuse(ErrorClass, message) {
  const e = new ErrorClass(message);
  boot.thrown.push(message);
  throw e;
}
const needReady = (what) => {
  if (!boot.ready) refuse(Error, `${what} cannot be used before the app is ready`);
};
const record = (what) => boot.calls.push(what);

// ---------------------------------------------------------------- app
class App extends EventEmitter {
  constructor() {
    super();
    this.isPackaged = false;
    this.dock = undefined; // Linux
    this._ready = new Promise((r) => (this._resolveReady = r));
  }
  isReady() {
    return boot.ready;
  }
  whenReady() {
    return this._ready;
  }
  requestSingleInstanceLock() {
    record('requestSingleInstanceLock');
    return boot.lockHeld;
  }
  setAppUserModelId(id) {
    record(`setAppUserModelId:${id}`);
  }
  setLoginItemSettings(s) {
    record(`setLoginItemSettings:${JSON.stringify(s)}`);
  }
  getLocale() {
    return boot.ready ? 'en-US' : '';
  }
  getPath(name) {
    const home = process.env.HOME ?? '/tmp';
    if (name === 'userData') return resolve(home, '.config', 'Electron');
    if (name === 'home') return home;
    return resolve(home, name);
  }
  getVersion() {
    return '41.0.0';
  }
  getName() {
    return 'Electron';
  }
  getAppPath() {
    return process.env.BOOT_APP_PATH ?? process.cwd();
  }
  quit() {
    record('app.quit');
    if (this._quitting) return;
    // Electron: before-quit (preventable), then windows close, will-quit (preventable), quit.
    const before = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this._quitting = true;
    for (const w of [...boot.windows]) if (!w.isDestroyed()) w.close();
    const will = {
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit('will-quit', will);
    if (will.defaultPrevented) return;
    this.emit('quit', {}, 0);
    record('quit');
  }
  exit(code) {
    record(`app.exit:${code}`);
    boot.exitCode = code;
  }
}
const app = new App();
boot.app = app;
boot.emitReady = () => {
  boot.ready = true;
  app.emit('will-finish-launching');
  app.emit('ready', {}, {});
  app._resolveReady();
};

// ---------------------------------------------------------------- nativeImage
class NativeImage {
  constructor(reps) {
    this.reps = reps;
    this.template = false;
  }
  isEmpty() {
    return this.reps.length === 0;
  }
  getSize() {
    const r = this.reps.find((x) => x.scaleFactor === 1) ?? this.reps[0];
    return r ? { width: r.width, height: r.height } : { width: 0, height: 0 };
  }
  addRepresentation({ scaleFactor, buffer }) {
    if (typeof scaleFactor !== 'number') refuse(TypeError, 'addRepresentation: scaleFactor must be a number');
    this.reps.push(decode(buffer, scaleFactor));
  }
  setTemplateImage(on) {
    this.template = Boolean(on);
  }
}
function decode(buffer, scaleFactor) {
  if (!Buffer.isBuffer(buffer)) refuse(TypeError, 'nativeImage: buffer must be a Buffer');
  const png = PNG.sync.read(buffer);
  return {
    scaleFactor,
    width: png.width,
    height: png.height,
    rgba: Array.from(png.data.subarray(0, 4)),
    png: png,
  };
}
const nativeImage = {
  createFromBuffer(buffer, options = {}) {
    return new NativeImage([decode(buffer, options.scaleFactor ?? 1)]);
  },
  createEmpty() {
    return new NativeImage([]);
  },
};

// ---------------------------------------------------------------- Menu
const MENU_TYPES = new Set(['normal', 'separator', 'submenu', 'checkbox', 'radio', 'header', 'palette']);
class Menu {
  constructor() {
    needReady('Menu');
    this.items = [];
  }
  static buildFromTemplate(template) {
    if (!Array.isArray(template))
      refuse(TypeError, 'Invalid template for Menu: Menu template must be an array');
    for (const item of template) {
      const ok =
        item !== null &&
        typeof item === 'object' &&
        (Object.hasOwn(item, 'label') || Object.hasOwn(item, 'role') || item.type === 'separator');
      if (!ok)
        refuse(TypeError, 'Invalid template for MenuItem: must have at least one of label, role or type');
      if (item.type !== undefined && !MENU_TYPES.has(item.type))
        refuse(Error, `Unknown menu item type: ${item.type}`);
      if (item.click !== undefined && typeof item.click !== 'function')
        refuse(TypeError, 'Invalid template for MenuItem: click must be a function');
    }
    const menu = new Menu();
    menu.items = template.map((t) => ({
      ...t,
      submenu: Array.isArray(t.submenu) ? Menu.buildFromTemplate(t.submenu) : t.submenu,
    }));
    return menu;
  }
  static setApplicationMenu(menu) {
    if (menu !== null && !(menu instanceof Menu))
      refuse(TypeError, 'setApplicationMenu: expected a Menu or null');
    record(`Menu.setApplicationMenu:${menu === null ? 'null' : 'menu'}`);
    boot.applicationMenu = menu;
  }
  static getApplicationMenu() {
    return boot.applicationMenu ?? null;
  }
}

// ---------------------------------------------------------------- Tray
class Tray extends EventEmitter {
  constructor(image) {
    super();
    needReady('Tray');
    if (!(image instanceof NativeImage) && typeof image !== 'string')
      refuse(TypeError, 'Error processing argument at index 0, conversion failure');
    this.image = image;
    this.images = [image];
    this.tooltip = '';
    this.title = '';
    this.menu = null;
    this.destroyed = false;
    boot.trays.push(this);
  }
  _alive(what) {
    if (this.destroyed) refuse(TypeError, `Tray.${what}: Object has been destroyed`);
  }
  setImage(image) {
    this._alive('setImage');
    if (!(image instanceof NativeImage)) refuse(TypeError, 'Tray.setImage: conversion failure');
    this.image = image;
    this.images.push(image);
  }
  setToolTip(tip) {
    this._alive('setToolTip');
    if (typeof tip !== 'string') refuse(TypeError, 'Tray.setToolTip: expected a string');
    this.tooltip = tip;
  }
  setTitle(title) {
    this._alive('setTitle');
    if (typeof title !== 'string') refuse(TypeError, 'Tray.setTitle: expected a string');
    this.title = title;
  }
  setContextMenu(menu) {
    this._alive('setContextMenu');
    if (menu !== null && !(menu instanceof Menu))
      refuse(TypeError, 'Tray.setContextMenu: expected a Menu or null');
    this.menu = menu;
  }
  popUpContextMenu() {
    this._alive('popUpContextMenu');
    record('tray.popUpContextMenu');
  }
  isDestroyed() {
    return this.destroyed;
  }
  destroy() {
    this.destroyed = true;
    record('tray.destroy');
  }
}

// ---------------------------------------------------------------- BrowserWindow
let nextId = 1;
class WebContents extends EventEmitter {
  constructor(win) {
    super();
    this.id = nextId++;
    this._win = win;
    this._url = '';
    this.windowOpenHandler = null;
    this.session = {
      permissionRequest: null,
      permissionCheck: null,
      setPermissionRequestHandler: (h) => (this.session.permissionRequest = h),
      setPermissionCheckHandler: (h) => (this.session.permissionCheck = h),
    };
  }
  getURL() {
    return this._url;
  }
  setWindowOpenHandler(h) {
    if (typeof h !== 'function') refuse(TypeError, 'setWindowOpenHandler: expected a function');
    this.windowOpenHandler = h;
  }
  isDestroyed() {
    return this._win.isDestroyed();
  }
}
class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    needReady('BrowserWindow');
    const preload = options.webPreferences?.preload;
    if (preload !== undefined) {
      if (!isAbsolute(preload)) refuse(Error, `preload script must have an absolute path: ${preload}`);
      if (!existsSync(preload)) refuse(Error, `Unable to load preload script: ${preload} (ENOENT)`);
    }
    this.options = options;
    this.webContents = new WebContents(this);
    this.destroyed = false;
    this.visible = false;
    this.menuRemoved = false;
    this.loaded = null;
    boot.windows.push(this);
  }
  _alive(what) {
    if (this.destroyed) refuse(TypeError, `BrowserWindow.${what}: Object has been destroyed`);
  }
  isDestroyed() {
    return this.destroyed;
  }
  isMinimized() {
    this._alive('isMinimized');
    return false;
  }
  restore() {
    this._alive('restore');
  }
  show() {
    this._alive('show');
    this.visible = true;
  }
  focus() {
    this._alive('focus');
  }
  removeMenu() {
    this._alive('removeMenu');
    this.menuRemoved = true;
  }
  close() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
  }
  /** Electron: path.resolve(app.getAppPath(), filePath) into a file:// URL made with url.format. */
  loadFile(filePath) {
    this._alive('loadFile');
    const abs = resolve(app.getAppPath(), filePath);
    if (!existsSync(abs)) {
      boot.thrown.push(`ERR_FILE_NOT_FOUND (-6) loading '${abs}'`);
      return Promise.reject(new Error(`ERR_FILE_NOT_FOUND (-6) loading '${abs}'`));
    }
    this.loaded = abs;
    this.webContents._url = new URL(format({ protocol: 'file', slashes: true, pathname: abs })).href;
    return new Promise((done) =>
      setImmediate(() => {
        if (this.destroyed) return done();
        this.webContents.emit('did-finish-load');
        this.emit('ready-to-show');
        done();
      }),
    );
  }
}

// ---------------------------------------------------------------- ipcMain / ipcRenderer / contextBridge
const ipcMain = new EventEmitter();
ipcMain.handle = (channel, fn) => {
  if (boot.handlers.has(channel)) refuse(Error, `Attempted to register a second handler for '${channel}'`);
  if (typeof fn !== 'function') refuse(TypeError, 'ipcMain.handle: expected a function');
  boot.handlers.set(channel, fn);
};
ipcMain.removeHandler = (channel) => void boot.handlers.delete(channel);

/** Structured clone, as IPC does: functions and class instances do not survive. */
const clone = (v) => (v === undefined ? undefined : structuredClone(v));

const ipcRenderer = {
  async invoke(channel, arg) {
    const win = boot.rendererWindow;
    if (!win) throw new Error('ipcRenderer.invoke outside a renderer');
    const handler = boot.handlers.get(channel);
    if (!handler)
      throw new Error(
        `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
      );
    const event = {
      sender: win.webContents,
      senderFrame: { url: win.webContents.getURL(), parent: null, top: null, routingId: 1 },
      frameId: 1,
      processId: 1,
    };
    return clone(await handler(event, clone(arg)));
  },
};
const contextBridge = {
  exposeInMainWorld(key, api) {
    if (!boot.rendererWindow) refuse(Error, 'contextBridge used outside a renderer');
    if (!boot.rendererWindow.options.webPreferences?.contextIsolation)
      refuse(Error, 'contextBridge API can only be used when contextIsolation is enabled');
    if (Object.hasOwn(boot.exposed, key))
      refuse(Error, `Cannot bind an API on top of an existing property: ${key}`);
    boot.exposed[key] = api;
  },
};

// ---------------------------------------------------------------- the rest
class Notification extends EventEmitter {
  static isSupported() {
    return true;
  }
  constructor(options) {
    super();
    needReady('Notification');
    this.options = options;
    this.shown = false;
    boot.notifications.push(this);
  }
  show() {
    this.shown = true;
  }
}
const powerMonitor = new EventEmitter();
const on = powerMonitor.on.bind(powerMonitor);
powerMonitor.on = (event, fn) => {
  needReady('powerMonitor');
  return on(event, fn);
};
const net = {
  isOnline: () => true,
  fetch: (input, init) => {
    needReady('net');
    boot.fetches++;
    return fetch(input, init);
  },
};
const shell = {
  openExternal: async (url) => void boot.opened.push(url),
  openPath: async () => '',
};
const dialog = {
  showMessageBox: async (options) => {
    needReady('dialog');
    boot.dialogs.push(options);
    return { response: 0, checkboxChecked: false };
  },
};
const nativeTheme = { shouldUseDarkColors: false, themeSource: 'system' };

module.exports = {
  __boot: boot,
  app,
  BrowserWindow,
  contextBridge,
  dialog,
  ipcMain,
  ipcRenderer,
  Menu,
  nativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  shell,
  Tray,
};
