/**
 * main/app/ipc.ts against a recording ipcMain. The Electron binary cannot run here, so 'electron' is replaced by
 * the few objects this module touches; the setup service behind it is the real one (fake GitHub, memory store).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc';
import { PAT, patState, startSetupWorld, type SetupWorld } from '../setup/world';
import { billingCreditsMultiModel } from '../fake-github/fixtures';

vi.mock('electron', () => ({
  ipcMain: { handle: () => undefined, removeHandler: () => undefined },
  BrowserWindow: class {},
  nativeTheme: { shouldUseDarkColors: false },
  shell: { openExternal: async () => undefined },
}));

const { registerIpc } = await import('../../main/app/ipc');

type Handler = (event: unknown, arg: unknown) => Promise<unknown> | unknown;

function recordingIpc() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, fn: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, fn);
    },
    removeHandler: (channel: string) => handlers.delete(channel),
  };
}

const WIZARD = 'file:///opt/copilot-meter/resources/app.asar/dist/renderer/index.html';
const event = (url: string, top = true) => ({ senderFrame: { url, parent: top ? null : {} } });

let world: SetupWorld | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

async function setup() {
  world = await startSetupWorld({ fake: patState(billingCreditsMultiModel) });
  const ipc = recordingIpc();
  const unregister = registerIpc({ service: world.service, wizardUrl: WIZARD, ipc: ipc as never });
  return { ipc, unregister, world };
}

describe('registerIpc', () => {
  it('registers exactly the contract’s channels, and removes them again', async () => {
    const { ipc, unregister } = await setup();
    expect([...ipc.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
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
      { senderFrame: null },
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
