/**
 * main/app/ipc.ts against a recording ipcMain. The Electron binary cannot run here, so 'electron' is replaced by
 * the few objects this module touches; the setup service behind it is the real one (fake GitHub, memory store).
 */
import { resolve } from 'node:path';
import { format } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, channelsOf } from '../../shared/ipc';
import { PAT, patState, startSetupWorld, type SetupWorld } from '../setup/world';
import { billingCreditsMultiModel } from '../fake-github/fixtures';
import { recordingIpc } from '../helpers/recording-ipc';

vi.mock('electron', () => ({
  ipcMain: { handle: () => undefined, removeHandler: () => undefined },
  BrowserWindow: class {},
  nativeTheme: { shouldUseDarkColors: false },
  shell: { openExternal: async () => undefined },
}));

const { registerIpc } = await import('../../main/app/ipc');
const { createWizardWindows } = await import('../../main/app/wizard-window');

const WIZARD = 'file:///opt/copilot-meter/resources/app.asar/dist/renderer/index.html';
/** The wizard window's webContents as Electron reports it. */
const wizardContents = { getURL: () => WIZARD };
const event = (url: string, top = true, sender: unknown = wizardContents) => ({
  sender,
  senderFrame: { url, parent: top ? null : {} },
});

let world: SetupWorld | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function setup() {
  world = await startSetupWorld({ fake: patState(billingCreditsMultiModel) });
  const ipc = recordingIpc();
  const unregister = registerIpc({
    service: world.service,
    wizardPage: (sender) => (sender === wizardContents ? wizardContents.getURL() : null),
    ipc: ipc as never,
  });
  return { ipc, unregister, world };
}

describe('registerIpc', () => {
  it('registers exactly the contract’s wizard channels (the Usage window’s are not among them), and removes them again', async () => {
    const { ipc, unregister } = await setup();
    expect([...ipc.handlers.keys()].sort()).toEqual(CHANNELS.filter((c) => c.startsWith('setup:')).sort());
    expect([...ipc.handlers.keys()].sort()).toEqual([...channelsOf('setup')].sort());
    expect(ipc.handlers.has('usage:getUsage')).toBe(false);
    unregister();
    expect(ipc.handlers.size).toBe(0);
  });

  it('answers calls from the wizard page (query and hash ignored) through the real service', async () => {
    const { ipc } = await setup();
    const r = await ipc.handlers.get('setup:checkToken')!(event(`${WIZARD}#paste`), { token: PAT });
    expect(r).toMatchObject({ ok: true, value: { login: 'octocat' } });
    expect(JSON.stringify(r)).not.toContain(PAT);
  });

  it('refuses calls from another page, an iframe or no frame, before touching GitHub', async () => {
    const { ipc, world } = await setup();
    const check = ipc.handlers.get('setup:checkToken')!;
    for (const e of [
      event('https://evil.example/index.html'),
      event('file:///tmp/other/index.html'),
      event(WIZARD, false),
      // The wizard's URL, from another window's webContents.
      event(WIZARD, true, { getURL: () => WIZARD }),
      { sender: wizardContents, senderFrame: null },
    ]) {
      expect(await check(e, { token: PAT })).toMatchObject({ ok: false, error: { kind: 'config' } });
    }
    expect(world.fake.requests).toEqual([]);
  });

  it('validates arguments: wrong types and oversize tokens come back as badInput', async () => {
    const { ipc, world } = await setup();
    const check = ipc.handlers.get('setup:checkToken')!;
    expect(await check(event(WIZARD), { token: 'x'.repeat(600) })).toMatchObject({
      ok: false,
      error: { kind: 'config', reason: 'badInput' },
    });
    expect(
      await ipc.handlers.get('setup:openExternal')!(event(WIZARD), { target: 'javascript:alert(1)' }),
    ).toMatchObject({
      ok: false,
    });
    expect(world.opened).toEqual([]);
    expect(world.fake.requests).toEqual([]);
  });
});

describe('the sender check on unusual install paths', () => {
  /**
   * A stand-in BrowserWindow whose loadFile builds the page URL the way Electron's does (url.format over the
   * absolute path, then the URL parser's canonical form), and whose webContents reports it.
   */
  class LoadingWindow {
    url = 'about:blank';
    readonly webContents = {
      id: 7,
      getURL: () => this.url,
      on: () => undefined,
      setWindowOpenHandler: () => undefined,
      session: { setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined },
    };
    constructor(readonly options: unknown) {}
    isDestroyed = () => false;
    isMinimized = () => false;
    restore = () => undefined;
    show = () => undefined;
    focus = () => undefined;
    close = () => undefined;
    removeMenu = () => undefined;
    once = () => undefined;
    on = () => undefined;
    loadFile = async (path: string) => {
      this.url = new URL(format({ protocol: 'file', slashes: true, pathname: resolve(path) })).href;
    };
  }

  it.each([
    '/opt/Copilot Meter/resources/app.asar/dist/renderer/index.html',
    '/home/zoë/Apps/50%/copilot-meter/dist/renderer/index.html',
    '/home/u/apps [beta]/copilot-meter/dist/renderer/index.html',
    '/home/u/a^b/copilot-meter/dist/renderer/index.html',
    '/home/用户/应用/copilot-meter/dist/renderer/index.html',
    '/tmp/x%20y [1]^ é/dist/renderer/index.html',
  ])('answers the wizard installed at %s, and still refuses other senders', async (htmlPath) => {
    world = await startSetupWorld({ fake: patState(billingCreditsMultiModel) });
    const windows = createWizardWindows({
      BrowserWindow: LoadingWindow as never,
      shell: { openExternal: async () => undefined },
      darkMode: () => false,
      isPackaged: true,
    });
    const win = windows.open({ htmlPath }) as unknown as LoadingWindow;
    await Promise.resolve();
    const ipc = recordingIpc();
    registerIpc({ service: world.service, wizardPage: (s) => windows.pageUrlOf(s), ipc: ipc as never });
    const check = ipc.handlers.get('setup:checkToken')!;
    // The frame reports the URL its window loaded.
    const frame = (url: string, sender: unknown) => ({ sender, senderFrame: { url, parent: null } });
    expect(await check(frame(win.url, win.webContents), { token: PAT })).toMatchObject({
      ok: true,
      value: { login: 'octocat' },
    });
    // The same URL from a webContents that is not the wizard's, or another file from the wizard's: refused.
    expect(await check(frame(win.url, { getURL: () => win.url }), { token: PAT })).toMatchObject({
      ok: false,
    });
    expect(
      await check(frame(win.url.replace(/index\.html$/, 'other.html'), win.webContents), { token: PAT }),
    ).toMatchObject({ ok: false, error: { kind: 'config' } });
  });

  it('refuses every call while the wizard window is closed', async () => {
    world = await startSetupWorld({ fake: patState(billingCreditsMultiModel) });
    const windows = createWizardWindows({
      BrowserWindow: LoadingWindow as never,
      shell: { openExternal: async () => undefined },
      darkMode: () => false,
      isPackaged: true,
    });
    const ipc = recordingIpc();
    registerIpc({ service: world.service, wizardPage: (s) => windows.pageUrlOf(s), ipc: ipc as never });
    const r = await ipc.handlers.get('setup:checkToken')!(
      { sender: {}, senderFrame: { url: WIZARD, parent: null } },
      { token: PAT },
    );
    expect(r).toMatchObject({ ok: false });
    expect(world.fake.requests).toEqual([]);
  });
});
