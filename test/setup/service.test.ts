import { existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { SaveResult, SetupState, TokenCheckView } from '../../shared/ipc';
import { SETUP_REFUSAL } from '../../shared/ipc';
import type { AccountSettings } from '../../main/settings/types';
import { createMemoryStore } from '../../main/secrets/memory';
import { createSessionFallbackStore } from '../../main/secrets/session';
import type { SecretStore } from '../../main/secrets/types';
import { billingCreditsMultiModel, billingEmpty, internalProPlus } from '../fake-github/fixtures';
import {
  CLASSIC,
  error,
  LEGACY_PAT,
  OAUTH,
  PAT,
  patState,
  startSetupWorld,
  value,
  type SetupWorld,
} from './world';

let world: SetupWorld | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const start = async (...args: Parameters<typeof startSetupWorld>) => {
  world = await startSetupWorld(...args);
  return world;
};

const noToken = (x: unknown) => {
  const text = JSON.stringify(x);
  for (const t of [PAT, CLASSIC, OAUTH, LEGACY_PAT]) expect(text).not.toContain(t);
};

const OPENCODE_AUTH = {
  '.local/share/opencode/auth.json': {
    'github-copilot': { type: 'oauth', refresh: OAUTH, access: OAUTH, expires: 0 },
  },
};

describe('setup service: what it finds', () => {
  it('reports nothing found on a clean machine, with the memory store and the API host', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    const s = value(await w.service.getState());
    expect(s).toMatchObject<Partial<SetupState>>({
      found: [],
      accounts: [],
      legacy: null,
      language: null,
      secretStore: 'memory',
      webHost: new URL(w.fake.url).host,
    });
  });

  it('lists an OpenCode login by source with a token hint, never the token', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel), homeFiles: OPENCODE_AUTH });
    const s = value(await w.service.getState());
    expect(s.found).toEqual([
      expect.objectContaining({ source: 'opencode', kind: 'oauth', tokenHint: `…${OAUTH.slice(-4)}` }),
    ]);
    noToken(s);
  });

  it('reports the legacy token file with its login and tier', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel),
      homeFiles: {
        '.config/opencode/copilot-quota-token.json': { token: LEGACY_PAT, username: 'octocat', tier: 'pro' },
      },
    });
    const s = value(await w.service.getState());
    expect(s.legacy).toMatchObject({ login: 'octocat', plan: 'pro', tokenHint: `…${LEGACY_PAT.slice(-4)}` });
    expect(s.legacy?.path).toContain('copilot-quota-token.json');
    noToken(s);
  });
});

describe('setup service: check and save', () => {
  it('checks a PAT, saves it to the store with the chosen plan and returns the first reading', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    const check = value(await w.service.checkToken({ token: PAT }));
    expect(check).toMatchObject<Partial<TokenCheckView>>({
      login: 'octocat',
      unit: 'credits',
      planDetected: false,
      tokenHint: `…${PAT.slice(-4)}`,
      warnings: [],
    });
    expect(check.tokenExpiresAt).toMatch(/^2027-02-22/);

    const saved = value(await w.service.save({ plan: 'pro', allowance: null }));
    const key = `${new URL(w.fake.url).host}/octocat`;
    expect(saved.account).toMatchObject({
      key,
      login: 'octocat',
      tokenHint: `…${PAT.slice(-4)}`,
      active: true,
    });
    expect(saved.snapshot).toMatchObject({ unit: 'credits', used: 1087.75, allowance: 1500, plan: 'pro' });
    expect(saved.refreshError).toBeNull();
    expect(await w.secrets.get(key)).toBe(PAT);
    const settings = w.settings.get();
    expect(settings).toMatchObject({ plan: 'pro', allowanceOverride: null, activeAccount: key });
    expect(settings.accounts).toEqual([
      expect.objectContaining({ login: 'octocat', tokenHint: PAT.slice(-4) }),
    ]);
    expect(w.saved).toHaveLength(1);
    noToken([check, saved, w.settings.get()]);
  });

  it('uses a custom allowance over the plan table', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    value(await w.service.checkToken({ token: PAT }));
    const saved = value(await w.service.save({ plan: null, allowance: 2000 }));
    expect(saved.snapshot).toMatchObject({ allowance: 2000, used: 1087.75 });
    expect(w.settings.get().allowanceOverride).toBe(2000);
  });

  it('shows the stored token afterwards as a hint only, and removes it on request', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    value(await w.service.checkToken({ token: PAT }));
    const { account } = value(await w.service.save({ plan: 'pro', allowance: null }));
    const s = value(await w.service.getState());
    expect(s.accounts).toEqual([
      expect.objectContaining({ key: account.key, tokenHint: `…${PAT.slice(-4)}` }),
    ]);
    expect(s.accounts[0]?.tokenExpiresAt).toMatch(/^2027-02-22/);
    noToken(s);

    expect(value(await w.service.removeToken({ key: account.key }))).toEqual({ removed: true });
    expect(await w.secrets.get(account.key)).toBeNull();
    expect(value(await w.service.getState()).accounts).toEqual([]);
    expect(w.settings.get().activeAccount).toBeNull();
  });

  it('refuses to save before a successful check and forgets the token once saved', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    expect(error(await w.service.save({ plan: 'pro', allowance: null }))).toMatchObject({
      reason: 'badInput',
    });
    value(await w.service.checkToken({ token: PAT }));
    value(await w.service.save({ plan: 'pro', allowance: null }));
    // A second save without a new check has nothing to save.
    expect(error(await w.service.save({ plan: 'pro', allowance: null }))).toMatchObject({
      reason: 'badInput',
    });
  });

  it('warns about a classic token and about a month without usage', async () => {
    const w = await start({ fake: patState(billingEmpty) });
    const check = value(await w.service.checkToken({ token: CLASSIC }));
    expect(check.warnings).toEqual(expect.arrayContaining(['classic-token', 'no-usage-yet']));
  });

  it('detects the plan through an OpenCode login when one exists', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel, {
        tokens: { [OAUTH]: { login: 'octocat', kind: 'oauth', permissions: [] } },
        internalUser: { [OAUTH]: internalProPlus },
      }),
      homeFiles: OPENCODE_AUTH,
    });
    const check = value(await w.service.checkToken({ token: PAT }));
    expect(check).toMatchObject({ plan: 'pro+', planDetected: true });
  });
});

describe('setup service: every failure is a typed error, and nothing is saved', () => {
  const failing = async (state: Parameters<typeof patState>[1], token = PAT) => {
    const w = await start({ fake: patState(billingCreditsMultiModel, state) });
    const e = error(await w.service.checkToken({ token }));
    expect(await w.secrets.list()).toEqual([]);
    expect(error(await w.service.save({ plan: 'pro', allowance: null }))).toMatchObject({
      reason: 'badInput',
    });
    noToken(e);
    return e;
  };

  it('401: an expired token', async () => {
    const e = await failing({
      tokens: { [PAT]: { login: 'octocat', kind: 'pat', permissions: ['plan'], expired: true } },
    });
    expect(e).toMatchObject({ kind: 'auth', status: 401 });
  });

  it('403: the token lacks Plan: read', async () => {
    const e = await failing({ tokens: { [PAT]: { login: 'octocat', kind: 'pat', permissions: [] } } });
    expect(e).toMatchObject({ kind: 'auth', reason: 'missingPermission', status: 403 });
  });

  it('rate limited', async () => {
    const e = await failing({ rateLimit: { limit: 5000, remaining: 0 } });
    expect(e.kind).toBe('rateLimit');
  });

  it('404: the seat is billed to an organization', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    w.fake.state.billing = {};
    const e = error(await w.service.checkToken({ token: PAT }));
    expect(e).toMatchObject({ kind: 'notFound' });
  });

  it('offline: GitHub cannot be reached', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    await w.fake.close();
    const e = error(await w.service.checkToken({ token: PAT }));
    expect(e.kind).toBe('network');
  });

  it('a token of the wrong kind is refused before any request', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    const e = error(await w.service.checkToken({ token: OAUTH }));
    expect(e).toMatchObject({ kind: 'config', reason: 'badInput' });
    expect(w.fake.requests).toEqual([]);
    noToken(e);
  });
});

describe('setup service: legacy file, found logins, links, language, close', () => {
  const LEGACY = {
    '.config/opencode/copilot-quota-token.json': { token: LEGACY_PAT, username: 'octocat', tier: 'pro' },
  };

  // The app's store: the keychain (here a memory stand-in, so kind 'keychain') with the session-only layer.
  const keychainLike = () => createSessionFallbackStore(createMemoryStore());

  it('imports the legacy token (its tier preselects the plan), saves it, then deletes the file', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel),
      homeFiles: LEGACY,
      secrets: keychainLike(),
    });
    const check = value(await w.service.importLegacy());
    expect(check).toMatchObject({ login: 'octocat', plan: 'pro', tokenHint: `…${LEGACY_PAT.slice(-4)}` });
    const saved: SaveResult = value(await w.service.save({ plan: 'pro', allowance: null }));
    expect(await w.secrets.get(saved.account.key)).toBe(LEGACY_PAT);
    const path = value(await w.service.getState()).legacy!.path;
    expect(existsSync(path)).toBe(true);
    expect(value(await w.service.deleteLegacy())).toEqual({ deleted: true });
    expect(existsSync(path)).toBe(false);
    expect(value(await w.service.getState()).legacy).toBeNull();
    expect(value(await w.service.deleteLegacy())).toEqual({ deleted: false });
  });

  it('never sends the legacy github.com token to another server the wizard was set to', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel), homeFiles: LEGACY });
    value(await w.service.setServer({ address: 'attacker.example' }));
    expect(error(await w.service.importLegacy())).toEqual({
      kind: 'config',
      reason: 'badInput',
      detail: SETUP_REFUSAL.legacyOtherServer,
    });
    // Nothing pending either: a save now cannot store it for that server.
    expect(error(await w.service.save({ plan: 'pro', allowance: null }))).toMatchObject({
      reason: 'badInput',
    });
    // Back on the configured (github.com-like, loopback) server the import works.
    w.service.reset();
    expect(value(await w.service.importLegacy())).toMatchObject({ login: 'octocat' });
  });

  it('keeps the legacy file when its token was kept for this session only', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel),
      homeFiles: LEGACY,
      secrets: keychainLike(),
    });
    value(await w.service.importLegacy());
    const saved = value(await w.service.save({ plan: 'pro', allowance: null, sessionOnly: true }));
    expect(saved.account.store).toBe('session');
    const path = value(await w.service.getState()).legacy!.path;
    expect(error(await w.service.deleteLegacy())).toEqual({
      kind: 'config',
      reason: 'badInput',
      detail: SETUP_REFUSAL.legacyNotInKeychain,
    });
    expect(existsSync(path)).toBe(true);
  });

  it('keeps the legacy file when the keychain holds a different token (another paste, another account)', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel),
      homeFiles: LEGACY,
      secrets: keychainLike(),
    });
    const path = value(await w.service.getState()).legacy!.path;
    // The same account with a pasted token: the keychain's token is not the file's.
    value(await w.service.checkToken({ token: PAT }));
    value(await w.service.save({ plan: 'pro', allowance: null }));
    expect(error(await w.service.deleteLegacy())).toMatchObject({
      detail: SETUP_REFUSAL.legacyNotInKeychain,
    });
    expect(existsSync(path)).toBe(true);
    // The file's very token saved under another login of the same server (a renamed account, a stale username in
    // the file): the token is safe in the keychain, so the file may go.
    const other = `${new URL(w.fake.url).host}/renamed-octocat`;
    await w.secrets.set(other, LEGACY_PAT);
    expect(value(await w.service.deleteLegacy())).toEqual({ deleted: true });
    expect(existsSync(path)).toBe(false);
  });

  it('keeps the legacy file when the store is memory only (no keychain at all)', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel), homeFiles: LEGACY });
    value(await w.service.importLegacy());
    expect(value(await w.service.save({ plan: 'pro', allowance: null })).account.store).toBe('session');
    expect(error(await w.service.deleteLegacy())).toMatchObject({
      detail: SETUP_REFUSAL.legacyNotInKeychain,
    });
    expect(existsSync(value(await w.service.getState()).legacy!.path)).toBe(true);
  });

  it('says there is nothing to import when there is no legacy file', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    expect(error(await w.service.importLegacy())).toMatchObject({ kind: 'config', reason: 'noCredential' });
  });

  it('uses a found OpenCode login and returns its reading', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel, {
        tokens: { [OAUTH]: { login: 'octocat', kind: 'oauth', permissions: [] } },
        internalUser: { [OAUTH]: internalProPlus },
      }),
      homeFiles: OPENCODE_AUTH,
    });
    const r = value(await w.service.useFound({ source: 'opencode' }));
    expect(r.snapshot).toMatchObject({ plan: 'pro+', allowance: 1500, used: 375 });
    expect(r.snapshot.source.credential).toBe('opencode');
    noToken(r);
  });

  it('refuses a found login that is not there', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    expect(error(await w.service.useFound({ source: 'gh-cli' }))).toMatchObject({ reason: 'noCredential' });
  });

  it('opens only allowlisted pages built for the user’s host', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    w.settings.update({ apiUrl: 'https://api.acme.ghe.com' });
    expect(value(await w.service.openExternal({ target: 'newTokenTemplate' }))).toEqual({ opened: true });
    expect(value(await w.service.openExternal({ target: 'billingPage' }))).toEqual({ opened: true });
    expect(w.opened[0]).toMatch(
      /^https:\/\/acme\.ghe\.com\/settings\/personal-access-tokens\/new\?name=Copilot%20Meter/,
    );
    expect(w.opened[1]).toBe('https://acme.ghe.com/settings/billing');
  });

  it('opens github.com and saved hosts directly, without asking', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel), apiUrl: 'https://api.github.com' });
    expect(value(await w.service.openExternal({ target: 'tokensPage' }))).toEqual({ opened: true });
    w.settings.update({ apiUrl: 'https://api.acme.ghe.com' });
    expect(value(await w.service.openExternal({ target: 'tokensPage' }))).toEqual({ opened: true });
    expect(w.opened).toEqual([
      'https://github.com/settings/tokens?type=beta',
      'https://acme.ghe.com/settings/tokens?type=beta',
    ]);
    expect(w.confirmAsked).toEqual([]);
  });

  it('asks the user before opening a page on a server only the wizard named, and opens nothing on "no"', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel),
      apiUrl: 'https://api.github.com',
      confirmOpen: false,
    });
    value(await w.service.setServer({ address: 'phishing.example' }));
    expect(value(await w.service.openExternal({ target: 'newTokenTemplate' }))).toEqual({ opened: false });
    expect(w.confirmAsked).toEqual(['phishing.example']);
    expect(w.opened).toEqual([]);
  });

  it('opens the unsaved server’s page once the user said yes', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel),
      apiUrl: 'https://api.github.com',
      confirmOpen: true,
    });
    value(await w.service.setServer({ address: 'acme.ghe.com' }));
    expect(value(await w.service.openExternal({ target: 'newTokenTemplate' }))).toEqual({ opened: true });
    expect(w.confirmAsked).toEqual(['acme.ghe.com']);
    expect(w.opened[0]).toMatch(/^https:\/\/acme\.ghe\.com\/settings\/personal-access-tokens\/new\?/);
  });

  it('opens no page on an unsaved server when it has no way to ask', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel),
      apiUrl: 'https://api.github.com',
      confirmOpen: null,
    });
    value(await w.service.setServer({ address: 'acme.ghe.com' }));
    expect(value(await w.service.openExternal({ target: 'tokensPage' }))).toEqual({ opened: false });
    expect(w.opened).toEqual([]);
  });

  it('stores the language choice (null follows the OS) and closes the window on request', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    expect(value(await w.service.setLanguage({ language: 'zh' }))).toEqual({ language: 'zh' });
    expect(w.settings.get().language).toBe('zh');
    expect(value(await w.service.getState()).language).toBe('zh');
    value(await w.service.setLanguage({ language: null }));
    expect(w.settings.get().language).toBeNull();
    expect(value(await w.service.close())).toEqual({ closed: true });
    expect(w.closed).toBe(1);
  });
});

describe('setup service: telling the tray, and forgetting', () => {
  it('tells the tray when a token is removed, so a tray stopped by that token re-reads credentials', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    value(await w.service.checkToken({ token: PAT }));
    const { account } = value(await w.service.save({ plan: 'pro', allowance: null }));
    expect(w.credentialsChanged).toBe(0);
    value(await w.service.removeToken({ key: account.key }));
    expect(w.credentialsChanged).toBe(1);
  });

  it('removing a token keeps an account the CLI added while the keychain was answering', async () => {
    const inner = createMemoryStore();
    let whileDeleting: (() => void) | null = null;
    // The keychain answers only after a pause (an unlock prompt), during which the CLI writes settings.
    const slowKeychain: SecretStore = {
      kind: 'keychain',
      get: (k) => inner.get(k),
      set: (k, v) => inner.set(k, v),
      list: () => inner.list(),
      async delete(k) {
        const r = await inner.delete(k);
        whileDeleting?.();
        return r;
      },
    };
    const w = await start({ fake: patState(billingCreditsMultiModel), secrets: slowKeychain });
    value(await w.service.checkToken({ token: PAT }));
    const { account } = value(await w.service.save({ plan: 'pro', allowance: null }));
    const cli: AccountSettings = {
      login: 'hubot',
      host: 'github.com',
      tokenHint: 'abcd',
      tokenExpiresAt: null,
      lastCheckedAt: null,
    };
    whileDeleting = () => void w.settings.update((cur) => ({ ...cur, accounts: [...cur.accounts, cli] }));
    expect(value(await w.service.removeToken({ key: account.key }))).toEqual({ removed: true });
    expect(w.settings.get().accounts).toEqual([cli]);
    expect(w.settings.get().activeAccount).toBeNull();
  });

  it('tells the tray when a found login is chosen, and not when using it failed', async () => {
    const w = await start({
      fake: patState(billingCreditsMultiModel, {
        tokens: { [OAUTH]: { login: 'octocat', kind: 'oauth', permissions: [] } },
        internalUser: { [OAUTH]: internalProPlus },
      }),
      homeFiles: OPENCODE_AUTH,
    });
    error(await w.service.useFound({ source: 'gh-cli' }));
    expect(w.credentialsChanged).toBe(0);
    value(await w.service.useFound({ source: 'opencode' }));
    expect(w.credentialsChanged).toBe(1);
  });

  it('reset (the window closed by its X) forgets the checked token and an unsaved server choice', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    value(await w.service.checkToken({ token: PAT }));
    value(await w.service.setServer({ address: w.fake.url }));
    w.service.reset();
    expect(error(await w.service.save({ plan: 'pro', allowance: null }))).toMatchObject({
      reason: 'badInput',
    });
    value(await w.service.setServer({ address: 'acme.ghe.com' }));
    w.service.reset();
    expect(value(await w.service.getState()).webHost).toBe(new URL(w.fake.url).host);
    expect(await w.secrets.list()).toEqual([]);
  });
});

describe('the dispatch boundary', () => {
  it('validates before calling the service: a bad argument never reaches GitHub', async () => {
    const w = await start({ fake: patState(billingCreditsMultiModel) });
    expect(await w.dispatch('setup:checkToken', { token: 42 })).toMatchObject({ ok: false });
    expect(await w.dispatch('setup:nope', {})).toMatchObject({ ok: false });
    expect(w.fake.requests).toEqual([]);
    const r = await w.dispatch('setup:checkToken', { token: PAT });
    expect(r.ok).toBe(true);
    noToken(r);
  });
});
