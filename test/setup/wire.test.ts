/**
 * main/setup/wire.ts: the engine refresh options built from settings. With a saved keychain account and a keychain
 * that cannot be read (the real keychain store over a switched-off keytar, the real engine and fake GitHub), the
 * refresh reports the keychain, never "no token found".
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../main/core/engine';
import { FetchHttp } from '../../main/core/http';
import type { Env } from '../../main/core/ports';
import { nodeFiles, systemClock } from '../../main/core/system';
import { createSessionFallbackStore } from '../../main/secrets/session';
import { openSettings } from '../../main/settings/store';
import { defaultSettings } from '../../main/settings/schema';
import type { AccountSettings } from '../../main/settings/types';
import { engineSetupDeps, refreshOptions } from '../../main/setup/wire';
import { billingCreditsMultiModel, billingPremiumPro } from '../fake-github/fixtures';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import { switchableKeychain } from '../helpers/switchable-keychain';
import { PAT, patState } from './world';

let cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const account = (host: string, extra: Partial<AccountSettings> = {}): AccountSettings => ({
  login: 'octocat',
  host,
  tokenHint: PAT.slice(-4),
  tokenExpiresAt: null,
  lastCheckedAt: null,
  ...extra,
});

async function world() {
  const fake: FakeGitHub = await startFakeGitHub(patState(billingCreditsMultiModel));
  const home = mkdtempSync(join(tmpdir(), 'cm-wire-'));
  cleanup.push(
    () => fake.close(),
    () => rmSync(home, { recursive: true, force: true }),
  );
  const env: Env = {
    vars: { HOME: home, COPILOT_METER_CONFIG_DIR: join(home, 'config') },
    platform: 'linux',
    homedir: home,
  };
  const settings = openSettings({ env });
  settings.update({ apiUrl: fake.url });
  const keychain = switchableKeychain();
  const secrets = createSessionFallbackStore(keychain.store);
  const engine = createEngine({
    http: new FetchHttp(),
    clock: systemClock,
    env,
    files: nodeFiles,
    secrets,
    random: () => 0,
  });
  return { fake, settings, keychain, engine, env, secrets, host: new URL(fake.url).host };
}

describe('engine refreshes from settings, with a keychain that cannot be read', () => {
  it('a saved keychain account: the refresh names the keychain as the problem, not "no token"', async () => {
    const { settings, engine, fake, host } = await world();
    settings.update({ accounts: [account(host)], activeAccount: `${host}/octocat` });
    const opts = refreshOptions(settings.get(), fake.url);
    expect(opts.keychainExpected).toBe(true);
    expect(await engine.refresh(opts)).toMatchObject({ ok: false, error: { kind: 'keychain' } });
  });

  it('the wizard’s own readings (engineSetupDeps) do the same', async () => {
    const { settings, engine, fake, host, env, secrets } = await world();
    settings.update({ accounts: [account(host)], activeAccount: `${host}/octocat` });
    const deps = engineSetupDeps({ engine, clock: systemClock, env, secrets, settings, apiUrl: fake.url });
    expect(await deps.refresh!()).toMatchObject({ ok: false, error: { kind: 'keychain' } });
  });

  it('only a session-only account (gone after a restart), or none: no keychain is expected', async () => {
    const { settings, engine, fake, host } = await world();
    expect(refreshOptions(settings.get(), fake.url).keychainExpected).toBe(false);
    settings.update({ accounts: [account(host, { sessionOnly: true })] });
    const opts = refreshOptions(settings.get(), fake.url);
    expect(opts.keychainExpected).toBe(false);
    expect(await engine.refresh(opts)).toMatchObject({
      ok: false,
      error: { kind: 'config', reason: 'noCredential' },
    });
  });

  it('reads usage once the keychain works', async () => {
    const { settings, engine, keychain, fake, host } = await world();
    settings.update({ accounts: [account(host)], activeAccount: `${host}/octocat` });
    keychain.state.broken = false;
    await keychain.store.set(`${host}/octocat`, PAT);
    expect(await engine.refresh(refreshOptions(settings.get(), fake.url))).toMatchObject({ ok: true });
  });

  it('passes the chosen sources through and keeps the user’s plan and allowance', () => {
    const s = { ...defaultSettings(), plan: 'pro' as const, allowanceOverride: 2000 };
    expect(refreshOptions(s, 'https://api.github.com', ['opencode'])).toEqual({
      apiUrl: 'https://api.github.com',
      prefs: { plan: 'pro', allowance: 2000 },
      keychainExpected: false,
      sources: ['opencode'],
      // Settings alone never let github.com sign-ins go to a loopback API (only the environment does).
      loopbackPlaysGithub: false,
    });
    expect(refreshOptions(s, 'https://api.github.com')).not.toHaveProperty('account');
  });
});

describe('several saved accounts', () => {
  const HUBOT_PAT = 'github_pat_11HUBOTHUBOTsecretPartOfTheToken_hub1';

  it('the tray’s refresh and the wizard’s reading both show the active account, and follow a switch', async () => {
    const { settings, engine, keychain, fake, host, env, secrets } = await world();
    fake.set({
      tokens: { [HUBOT_PAT]: { login: 'hubot', kind: 'pat', permissions: ['plan'] } },
      billing: { hubot: { premium: billingPremiumPro } },
    });
    keychain.state.broken = false;
    await keychain.store.set(`${host}/octocat`, PAT);
    await keychain.store.set(`${host}/hubot`, HUBOT_PAT);
    // activeAccount null: the first listed account (octocat), though hubot's key sorts first in the keychain.
    settings.update({ accounts: [account(host), account(host, { login: 'hubot' })], activeAccount: null });
    const opts = refreshOptions(settings.get(), fake.url);
    expect(opts.account).toEqual({ host, login: 'octocat' });
    const first = await engine.refresh(opts);
    expect(first.ok && first.snapshot.account.login).toBe('octocat');

    settings.update({ activeAccount: `${host}/hubot` });
    const deps = engineSetupDeps({ engine, clock: systemClock, env, secrets, settings, apiUrl: fake.url });
    const second = await deps.refresh!();
    expect(second.ok && second.snapshot).toMatchObject({ account: { login: 'hubot' }, unit: 'requests' });
    const tray = await engine.refresh(refreshOptions(settings.get(), fake.url));
    expect(tray.ok && tray.snapshot.account.login).toBe('hubot');
  });
});
