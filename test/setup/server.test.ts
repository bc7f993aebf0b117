import { afterEach, describe, expect, it } from 'vitest';
import { billingCreditsMultiModel } from '../fake-github/fixtures';
import { error, PAT, patState, startSetupWorld, value, type SetupWorld } from './world';

let world: SetupWorld | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

/** A world whose settings still point at github.com, as on a fresh install. */
const fresh = async () => {
  world = await startSetupWorld({
    fake: patState(billingCreditsMultiModel),
    apiUrl: 'https://api.github.com',
  });
  return world;
};

describe('setup service: choosing a GitHub Enterprise server', () => {
  it('starts on github.com and reports the configured API', async () => {
    const w = await fresh();
    expect(value(await w.service.getState())).toMatchObject({
      webHost: 'github.com',
      apiUrl: 'https://api.github.com',
    });
  });

  it('normalises what people type into an API base and the web host tokens are created on', async () => {
    const w = await fresh();
    const cases: Array<[string, string, string]> = [
      ['acme.ghe.com', 'https://api.acme.ghe.com', 'acme.ghe.com'],
      ['https://github.acme-corp.com', 'https://github.acme-corp.com/api/v3', 'github.acme-corp.com'],
      ['https://github.acme-corp.com/api/v3/', 'https://github.acme-corp.com/api/v3', 'github.acme-corp.com'],
      ['github.com', 'https://api.github.com', 'github.com'],
      ['', 'https://api.github.com', 'github.com'],
      [w.fake.url, w.fake.url, new URL(w.fake.url).host],
    ];
    for (const [address, apiUrl, webHost] of cases) {
      expect(value(await w.service.setServer({ address }))).toEqual({ apiUrl, webHost });
      expect(value(await w.service.getState())).toMatchObject({ apiUrl, webHost });
    }
    // Nothing reaches settings (or GitHub) before a save.
    expect(w.settings.get().apiUrl).toBe('https://api.github.com');
    expect(w.fake.requests).toEqual([]);
  });

  it('refuses plain http to a remote host and things that are not URLs, keeping the previous choice', async () => {
    const w = await fresh();
    value(await w.service.setServer({ address: 'acme.ghe.com' }));
    expect(error(await w.service.setServer({ address: 'http://example.com' }))).toMatchObject({
      kind: 'config',
      reason: 'insecureUrl',
    });
    expect(error(await w.service.setServer({ address: 'https://[nope' }))).toMatchObject({
      kind: 'config',
      reason: 'badInput',
    });
    expect(error(await w.service.setServer({ address: 'ftp://acme.example' }))).toMatchObject({
      reason: 'badInput',
    });
    expect(value(await w.service.getState()).webHost).toBe('acme.ghe.com');
    expect(w.settings.get().apiUrl).toBe('https://api.github.com');
  });

  it('checks the token against the chosen server and saves that server in settings', async () => {
    const w = await fresh();
    value(await w.service.setServer({ address: w.fake.url }));
    const check = value(await w.service.checkToken({ token: PAT }));
    expect(check.login).toBe('octocat');
    expect(w.fake.requests.length).toBeGreaterThan(0);
    const saved = value(await w.service.save({ plan: 'pro', allowance: null }));
    expect(saved.account.key).toBe(`${new URL(w.fake.url).host}/octocat`);
    // The first reading after saving already goes to the new server.
    expect(saved.snapshot).toMatchObject({ used: 1087.75, allowance: 1500 });
    expect(saved.refreshError).toBeNull();
    expect(w.settings.get().apiUrl).toBe(w.fake.url);
    expect(value(await w.service.getState()).apiUrl).toBe(w.fake.url);
  });

  it('does not save a token checked on one server under another chosen afterwards', async () => {
    const w = await startSetupWorld({ fake: patState(billingCreditsMultiModel) });
    world = w;
    value(await w.service.checkToken({ token: PAT }));
    value(await w.service.setServer({ address: 'acme.ghe.com' }));
    expect(error(await w.service.save({ plan: 'pro', allowance: null }))).toMatchObject({
      reason: 'badInput',
    });
    expect(await w.secrets.list()).toEqual([]);
    expect(w.settings.get().apiUrl).toBe(w.fake.url);
  });

  it('keeps a check when the same server is chosen again, and then saves that choice', async () => {
    const w = await startSetupWorld({ fake: patState(billingCreditsMultiModel) });
    world = w;
    value(await w.service.checkToken({ token: PAT }));
    value(await w.service.setServer({ address: w.fake.url }));
    value(await w.service.save({ plan: 'pro', allowance: null }));
    expect(w.settings.get().apiUrl).toBe(w.fake.url);
  });

  it('opens the token pages on the chosen web host', async () => {
    const w = await fresh();
    value(await w.service.setServer({ address: 'https://github.acme-corp.com' }));
    expect(value(await w.service.openExternal({ target: 'newTokenTemplate' }))).toEqual({ opened: true });
    expect(value(await w.service.openExternal({ target: 'tokensPage' }))).toEqual({ opened: true });
    expect(w.opened[0]).toMatch(
      /^https:\/\/github\.acme-corp\.com\/settings\/personal-access-tokens\/new\?name=Copilot%20Meter/,
    );
    expect(w.opened[1]).toBe('https://github.acme-corp.com/settings/tokens?type=beta');
  });

  it('forgets an unsaved choice when the wizard closes', async () => {
    const w = await fresh();
    value(await w.service.setServer({ address: 'acme.ghe.com' }));
    value(await w.service.close());
    expect(value(await w.service.getState()).webHost).toBe('github.com');
    value(await w.service.openExternal({ target: 'tokensPage' }));
    expect(w.opened).toEqual(['https://github.com/settings/tokens?type=beta']);
  });

  it('validates the address at the dispatch boundary before the service sees it', async () => {
    const w = await fresh();
    for (const arg of [
      undefined,
      'acme.ghe.com',
      { address: 42 },
      { address: 'a'.repeat(301) },
      { address: 'x'.repeat(5_000_000) },
      { address: 'acme.ghe.com', apiUrl: 'https://evil.example' },
      { address: 'acme .ghe.com' },
    ]) {
      expect(await w.dispatch('setup:setServer', arg)).toMatchObject({
        ok: false,
        error: { kind: 'config', reason: 'badInput' },
      });
    }
    expect(value(await w.service.getState()).webHost).toBe('github.com');
    expect(await w.dispatch('setup:setServer', { address: '  acme.ghe.com\n' })).toEqual({
      ok: true,
      value: { apiUrl: 'https://api.acme.ghe.com', webHost: 'acme.ghe.com' },
    });
  });
});
