import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../main/core/engine';
import { FetchHttp } from '../../main/core/http';
import { nodeFiles, systemClock } from '../../main/core/system';
import { createSessionFallbackStore } from '../../main/secrets/session';
import type { SecretStore } from '../../main/secrets/types';
import { openSettings } from '../../main/settings/store';
import { createSetupService } from '../../main/setup/service';
import { engineSetupDeps } from '../../main/setup/wire';
import { billingCreditsMultiModel } from '../fake-github/fixtures';
import { switchableKeychain } from '../helpers/switchable-keychain';
import { error, PAT, patState, startSetupWorld, value, type SetupWorld } from './world';

let world: SetupWorld | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

/** Every file under HOME (settings, backups, anything): a session-only token must be in none of them. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}
const onDisk = (w: SetupWorld, needle: string) =>
  filesUnder(w.home).filter((p) => readFileSync(p, 'utf8').includes(needle));

async function startBroken() {
  const keychain = switchableKeychain();
  world = await startSetupWorld({
    fake: patState(billingCreditsMultiModel),
    secrets: createSessionFallbackStore(keychain.store),
  });
  return { w: world, keychain };
}

describe('setup service when the keychain is unavailable', () => {
  it('fails the save with a typed keychain error and saves nothing anywhere', async () => {
    const { w } = await startBroken();
    value(await w.service.checkToken({ token: PAT }));
    expect(error(await w.service.save({ plan: 'pro', allowance: null }))).toMatchObject({
      kind: 'keychain',
      reason: 'unavailable',
    });
    expect(w.settings.get().accounts).toEqual([]);
    expect(w.saved).toEqual([]);
    expect(onDisk(w, PAT)).toEqual([]);
    // Until the user chooses otherwise, a new token still goes to the keychain.
    expect(value(await w.service.getState()).secretStore).toBe('keychain');
  });

  it('"Try again" saves the same checked token to the keychain once it works, without sending it again', async () => {
    const { w, keychain } = await startBroken();
    value(await w.service.checkToken({ token: PAT }));
    error(await w.service.save({ plan: 'pro', allowance: null }));
    keychain.state.broken = false;
    const saved = value(await w.service.save({ plan: 'pro', allowance: null }));
    expect(saved.account).toMatchObject({ store: 'keychain', tokenAvailable: true });
    expect([...keychain.state.entries.values()]).toEqual([PAT]);
    expect(w.settings.get().accounts[0]?.sessionOnly).toBeUndefined();
  });

  it('keeps the token for this session only on request: used for readings, marked in settings, never on disk', async () => {
    const { w, keychain } = await startBroken();
    value(await w.service.checkToken({ token: PAT }));
    error(await w.service.save({ plan: 'pro', allowance: null }));
    const saved = value(await w.service.save({ plan: 'pro', allowance: null, sessionOnly: true }));
    const key = `${new URL(w.fake.url).host}/octocat`;
    expect(saved.account).toMatchObject({ key, store: 'session', tokenAvailable: true, active: true });
    // The first reading came through the engine, which found the token in the same layered store.
    expect(saved.refreshError).toBeNull();
    expect(saved.snapshot).toMatchObject({ used: 1087.75, allowance: 1500 });
    expect(await w.secrets.get(key)).toBe(PAT);
    expect(keychain.state.entries.size).toBe(0);
    expect(w.settings.get().accounts).toEqual([
      expect.objectContaining({ login: 'octocat', tokenHint: PAT.slice(-4), sessionOnly: true }),
    ]);
    expect(onDisk(w, PAT)).toEqual([]);
    const state = value(await w.service.getState());
    expect(state.secretStore).toBe('memory');
    expect(state.accounts).toEqual([
      expect.objectContaining({ key, store: 'session', tokenAvailable: true }),
    ]);
    expect(JSON.stringify([saved, state])).not.toContain(PAT);
  });

  it('after a restart shows the session-only account as "token not available", and can remove it', async () => {
    const { w } = await startBroken();
    value(await w.service.checkToken({ token: PAT }));
    value(await w.service.save({ plan: 'pro', allowance: null, sessionOnly: true }));

    // A new process: the same settings file, a fresh (still broken) keychain and an empty session layer.
    const settings = openSettings({ env: w.env });
    const secrets: SecretStore = createSessionFallbackStore(switchableKeychain().store);
    const engine = createEngine({
      http: new FetchHttp(),
      clock: systemClock,
      env: w.env,
      files: nodeFiles,
      secrets,
      random: () => 0,
    });
    const service = createSetupService(
      engineSetupDeps({ engine, clock: systemClock, env: w.env, secrets, settings }),
    );
    const state = value(await service.getState());
    expect(state.accounts).toEqual([
      expect.objectContaining({ login: 'octocat', store: 'session', tokenAvailable: false }),
    ]);
    const key = state.accounts[0]!.key;
    expect(value(await service.removeToken({ key }))).toEqual({ removed: true });
    expect(settings.get().accounts).toEqual([]);
  });

  it('refuses "session only" from a store that cannot keep one, rather than writing anywhere else', async () => {
    world = await startSetupWorld({
      fake: patState(billingCreditsMultiModel),
      secrets: switchableKeychain().store,
    });
    value(await world.service.checkToken({ token: PAT }));
    expect(
      error(await world.service.save({ plan: 'pro', allowance: null, sessionOnly: true })),
    ).toMatchObject({
      kind: 'config',
    });
    expect(world.settings.get().accounts).toEqual([]);
    expect(onDisk(world, PAT)).toEqual([]);
  });

  it('goes through the IPC boundary: dispatch accepts sessionOnly and refuses a non-boolean', async () => {
    const { w } = await startBroken();
    value(await w.service.checkToken({ token: PAT }));
    expect(
      error(await w.dispatch('setup:save', { plan: 'pro', allowance: null, sessionOnly: 'yes' })),
    ).toMatchObject({ reason: 'badInput' });
    const r = value(await w.dispatch('setup:save', { plan: 'pro', allowance: null, sessionOnly: true }));
    expect(r).toMatchObject({ account: { store: 'session' } });
  });
});
