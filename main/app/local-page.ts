/**
 * The rules every window of ours follows, in one place: each shows one local page of ours, so navigation,
 * redirects, webviews and popups are refused, no permission is ever granted, and an IPC sender is that page only
 * when it is the window's own webContents still showing a local file. The wizard and the Usage window both use
 * it, so a rule added here protects both.
 */

export interface PreventableEvent {
  preventDefault(): void;
}

/** The slice of WebContents our windows touch. */
export interface LocalPageContents {
  /** Electron's unique id of this webContents (an IPC event's sender carries it too). */
  readonly id: number;
  /** The URL of the page as Electron loaded it (loadFile builds it its own way; see pageUrlOf). */
  getURL(): string;
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    listener: (e: PreventableEvent) => void,
  ): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
  readonly session: {
    setPermissionRequestHandler(
      handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
    ): void;
    setPermissionCheckHandler(handler: () => boolean): void;
  };
}

/**
 * Locks a window's contents to its local page. A popup request is always denied; `onOpen` may hand its URL to
 * the allowlisted external opener (the wizard's links), or ignore it.
 */
export function lockToLocalPage(
  wc: LocalPageContents,
  onOpen: (url: string) => void = () => undefined,
): void {
  // One local page: any navigation or popup would be content we did not ship.
  wc.on('will-navigate', (e) => e.preventDefault());
  wc.on('will-redirect', (e) => e.preventDefault());
  wc.on('will-attach-webview', (e) => e.preventDefault());
  // No camera, notifications, clipboard-read or any other permission: refuse them all.
  wc.session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  wc.session.setPermissionCheckHandler(() => false);
  wc.setWindowOpenHandler(({ url }) => {
    onOpen(url);
    return { action: 'deny' };
  });
}

/**
 * The page URL Electron reports when `sender` is `win`'s own webContents (the same object, or, should Electron
 * hand out another wrapper, the same unique id); null for any other sender, a closed window, or a window not
 * showing a local file (about:blank before it loads). Compared with what Electron reports, never rebuilt from a
 * path, so install paths with `%`, `[`, spaces or non-ASCII letters cannot make the check disagree.
 */
export function localPageUrlOf(
  win: { isDestroyed(): boolean; readonly webContents: LocalPageContents } | null,
  sender: unknown,
): string | null {
  if (!win || win.isDestroyed() || typeof sender !== 'object' || sender === null) return null;
  const wc = win.webContents;
  const id = (sender as { id?: unknown }).id;
  if (sender !== wc && !(typeof id === 'number' && id === wc.id)) return null;
  const url = wc.getURL();
  return url.startsWith('file:') ? url : null;
}
