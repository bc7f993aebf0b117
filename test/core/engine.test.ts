import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keychainError } from '../../shared/errors';
import { createEngine } from '../../main/core/engine';
import { tokenHint } from '../../main/core/credentials/types';
import { FetchHttp } from '../../main/core/http';
import type { Env } from '../../main/core/ports';
import { nodeFiles } from '../../main/core/system';
import { createMemoryStore } from '../../main/secrets/memory';
import type { SecretStore } from '../../main/secrets/types';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import { billingEmpty, billingPremiumPro, internalProPremium } from '../fake-github/fixtures';
import { FAKE_LOGIN, FAKE_OAUTH, FAKE_PAT, scenarios } from '../fake-github/scenarios';
import { testClock } from './strategies/harness';

let home: string;
let env: Env;
let fake: FakeGitHub;
const clock = testClock();

const write = (rel: string, text: string): void => {
  const p = join(home, rel);
  mkdirSync(dirname(p), { recursive: true });
  writeFileSync(p, text);
};

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-engine-'));
  env = { vars: {}, platform: 'linux', homedir: home };
});
afterEach(async () => {
  rmSync(home, { recursive: true, force: true });
  await fake?.close();
});

const engineFor = (secrets: SecretStore | null = null) =>
  createEngine({ http: new FetchHttp(), clock, env, files: nodeFiles, secrets });

describe('createEngine', () => {
  it('refreshes with a token from the environment and keeps the ETag cache between refreshes', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro, { now: () => clock.now() });
    env.vars = { COPILOT_METER_TOKEN: FAKE_PAT };
    const engine = engineFor();
    const first = await engine.refresh({ apiUrl: fake.url, prefs: { plan: 'pro' } });
    expect(first.ok && first.snapshot).toMatchObject({
      used: 1087.75,
      allowance: 1500,
      source: { credential: 'env' },
    });
    const second = await engine.refresh({ apiUrl: fake.url, prefs: { plan: 'pro' } });
    expect(second.ok && second.snapshot.used).toBe(1087.75);
    // Same client: the first refresh asked both billing worlds; once the world is known, a steady-state refresh
    // is ONE conditional request, answered 304; /user was not asked again.
    expect(fake.requestsTo(/billing/).map((r) => r.status)).toEqual([200, 200, 304]);
    expect(fake.requestsTo(/billing/)[2]!.path).toContain('/ai_credit/');
    expect(fake.requestsTo('/user')).toHaveLength(1);
    expect(engine.client(fake.url)).toBe(engine.client(`${fake.url}/`));
  });

  it('asks both billing worlds again when the remembered world stops answering with usage', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro, { now: () => clock.now() });
    env.vars = { COPILOT_METER_TOKEN: FAKE_PAT };
    const engine = engineFor();
    expect((await engine.refresh({ apiUrl: fake.url, prefs: {} })).ok).toBe(true);
    // The account moved back to premium requests (say, a legacy annual plan): credits now come back empty.
    fake.set({ billing: { [FAKE_LOGIN]: { aiCredits: billingEmpty, premium: billingPremiumPro } } });
    const r = await engine.refresh({ apiUrl: fake.url, prefs: {} });
    expect(r.ok && r.snapshot.unit).toBe('requests');
    const paths = fake.requestsTo(/billing/).map((q) => q.path.split('/')[5]);
    expect(paths.slice(2).sort()).toEqual(['ai_credit', 'ai_credit', 'premium_request']);
  });

  it('tries a token without a known prefix both as a PAT and as an OAuth token', async () => {
    fake = await startFakeGitHub(scenarios.opencodeOAuth, { now: () => clock.now() });
    const odd = 'enterprise-proxy-token-FAKE-0001';
    fake.set({ tokens: { [odd]: { login: FAKE_LOGIN, kind: 'oauth', permissions: [] } } });
    fake.set({ internalUser: { [odd]: fake.state.internalUser[FAKE_OAUTH]! } });
    env.vars = { COPILOT_METER_TOKEN: odd };
    const r = await engineFor().refresh({ apiUrl: fake.url, prefs: {}, sources: ['env'] });
    expect(r.attempts.map((a) => a.strategy)).toContain('pat-billing');
    expect(r.ok && r.snapshot.source).toEqual({ strategy: 'oauth-direct', credential: 'env' });
  });

  it('asks GET /user for the login when the Copilot answer carries none', async () => {
    fake = await startFakeGitHub(scenarios.opencodeOAuth, { now: () => clock.now() });
    const { login: _login, ...withoutLogin } = internalProPremium as Record<string, unknown>;
    fake.set({ internalUser: { [FAKE_OAUTH]: withoutLogin } });
    env.vars = { COPILOT_METER_TOKEN: FAKE_OAUTH };
    const r = await engineFor().refresh({ apiUrl: fake.url, prefs: {} });
    expect(r.ok && r.snapshot.account.login).toBe(FAKE_LOGIN);
    expect(fake.requestsTo('/user')).toHaveLength(1);
  });

  it('reads the app’s PAT from the keychain and falls back to OpenCode’s OAuth token', async () => {
    fake = await startFakeGitHub({ ...scenarios.orgBilledSeat }, { now: () => clock.now() });
    const host = new URL(fake.url).host;
    const secrets = createMemoryStore();
    await secrets.set(`${host}/${FAKE_LOGIN}`, FAKE_PAT);
    write(
      '.local/share/opencode/auth.json',
      JSON.stringify({
        'github-copilot': { type: 'oauth', refresh: FAKE_OAUTH, access: FAKE_OAUTH, expires: 0 },
      }),
    );
    const r = await engineFor(secrets).refresh({ apiUrl: fake.url, prefs: {} });
    expect(r.ok && r.snapshot).toMatchObject({
      plan: 'business',
      source: { strategy: 'oauth-direct', credential: 'opencode' },
    });
    expect(r.attempts[0]).toMatchObject({ strategy: 'pat-billing', credential: 'keychain', status: 200 });
  });

  it('lets a loopback API stand in for github.com, so the fake GitHub gets github.com sign-ins', async () => {
    fake = await startFakeGitHub(scenarios.opencodeOAuth, { now: () => clock.now() });
    write('.config/gh/hosts.yml', `github.com:\n    oauth_token: ${FAKE_OAUTH}\n    user: octocat\n`);
    const r = await engineFor().refresh({ apiUrl: fake.url, prefs: {} });
    expect(r.ok && r.snapshot.source).toEqual({ strategy: 'oauth-direct', credential: 'gh-cli' });
  });

  it('never sends a token that belongs to another host', async () => {
    fake = await startFakeGitHub(scenarios.opencodeOAuth, { now: () => clock.now() });
    write('.config/gh/hosts.yml', `acme.ghe.com:\n    oauth_token: ${FAKE_OAUTH}\n    user: octocat\n`);
    const engine = engineFor();
    expect((await engine.findCredentials()).credentials).toHaveLength(1);
    const r = await engine.refresh({ apiUrl: fake.url, prefs: {} });
    expect(!r.ok && r.error).toMatchObject({ kind: 'config', reason: 'noCredential' });
    expect(fake.requests).toHaveLength(0);
  });

  it('uses only the requested sources', async () => {
    fake = await startFakeGitHub(scenarios.all, { now: () => clock.now() });
    env.vars = { COPILOT_METER_TOKEN: FAKE_PAT };
    write(
      '.local/share/opencode/auth.json',
      JSON.stringify({ 'github-copilot': { refresh: FAKE_OAUTH, access: FAKE_OAUTH } }),
    );
    const r = await engineFor().refresh({ apiUrl: fake.url, prefs: {}, sources: ['opencode'] });
    expect(r.ok && r.snapshot.source).toEqual({ strategy: 'oauth-direct', credential: 'opencode' });
    expect(fake.requestsTo('/user')).toHaveLength(0);
  });

  it('refuses an insecure API URL without sending anything', async () => {
    env.vars = { COPILOT_METER_TOKEN: FAKE_PAT };
    const r = await engineFor().refresh({ apiUrl: 'http://example.com', prefs: {} });
    expect(r).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'config', reason: 'insecureUrl' }),
      attempts: [],
    });
  });

  it('reports corrupted credential files through findCredentials', async () => {
    write('.config/opencode/copilot-quota-token.json', '{nope');
    const r = await engineFor().findCredentials();
    expect(r.problems).toEqual([expect.objectContaining({ source: 'legacy-quota-file' })]);
  });
});

describe('an org-billed seat whose personal billing is empty', () => {
  it('is not shown as 0 %: the Copilot sign-in that sees the seat answers instead', async () => {
    fake = await startFakeGitHub(scenarios.orgBilledSeatEmpty, { now: () => clock.now() });
    env.vars = { COPILOT_METER_TOKEN: FAKE_PAT };
    write(
      '.local/share/opencode/auth.json',
      JSON.stringify({
        'github-copilot': { type: 'oauth', refresh: FAKE_OAUTH, access: FAKE_OAUTH, expires: 0 },
      }),
    );
    const r = await engineFor().refresh({ apiUrl: fake.url, prefs: {} });
    expect(r.ok && r.snapshot).toMatchObject({ plan: 'business', source: { strategy: 'oauth-direct' } });
    expect(r.ok && r.snapshot.used).toBeGreaterThan(0);
    expect(
      r.attempts.find((a) => a.strategy === 'pat-billing' && a.outcome === 'failed')?.error,
    ).toMatchObject({
      kind: 'notFound',
      reason: 'seatBilledToOrg',
    });
  });

  it('stays an honest empty month when no sign-in says otherwise', async () => {
    fake = await startFakeGitHub(scenarios.orgBilledSeatEmpty, { now: () => clock.now() });
    env.vars = { COPILOT_METER_TOKEN: FAKE_PAT };
    const r = await engineFor().refresh({ apiUrl: fake.url, prefs: { plan: 'pro' } });
    expect(r.ok && r.snapshot).toMatchObject({
      used: 0,
      percentUsed: 0,
      source: { strategy: 'pat-billing' },
    });
  });
});

describe('tokens stay on their host', () => {
  it('sends neither an OpenCode github.com sign-in nor the seed file’s PAT to an enterprise API', async () => {
    const sent: string[] = [];
    const http = {
      request: async (req: { url: string }) => {
        sent.push(req.url);
        return { status: 401, headers: {}, body: '{"message":"Bad credentials"}' };
      },
    };
    write(
      '.local/share/opencode/auth.json',
      JSON.stringify({
        'github-copilot': { type: 'oauth', refresh: FAKE_OAUTH, access: FAKE_OAUTH, expires: 0 },
      }),
    );
    write(
      '.config/opencode/copilot-quota-token.json',
      JSON.stringify({ token: FAKE_PAT, username: 'octocat' }),
    );
    env.vars = {};
    const engine = createEngine({ http, clock, env, files: nodeFiles, secrets: null });
    const r = await engine.refresh({ apiUrl: 'https://api.acme.ghe.com', prefs: {} });
    expect(!r.ok && r.error).toMatchObject({ kind: 'config', reason: 'noCredential' });
    expect(sent).toEqual([]);
  });

  it('reports an unreadable keychain instead of "no token" when settings say a token is stored there', async () => {
    const locked = {
      kind: 'keychain' as const,
      get: () => Promise.reject(new Error('locked')),
      set: () => Promise.reject(new Error('locked')),
      delete: () => Promise.reject(new Error('locked')),
      list: () => Promise.reject(keychainError({ reason: 'unavailable', detail: 'no Secret Service' })),
    };
    env.vars = {};
    const engine = createEngine({ http: new FetchHttp(), clock, env, files: nodeFiles, secrets: locked });
    const expected = await engine.refresh({
      apiUrl: 'https://api.github.com',
      prefs: {},
      keychainExpected: true,
    });
    expect(!expected.ok && expected.error).toMatchObject({ kind: 'keychain', reason: 'unavailable' });
    const never = await engine.refresh({ apiUrl: 'https://api.github.com', prefs: {} });
    expect(!never.ok && never.error).toMatchObject({ kind: 'config', reason: 'noCredential' });
  });
});

describe('several saved accounts', () => {
  const HUBOT = 'hubot';
  const HUBOT_PAT = 'github_pat_FAKE0000000000000000000_hubotPlanReadFakeTokenForTestsOnly00000000000000000';
  let host: string;
  let secrets: SecretStore;

  beforeEach(async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro, { now: () => clock.now() });
    fake.set({
      tokens: { [HUBOT_PAT]: { login: HUBOT, kind: 'pat', permissions: ['plan'] } },
      billing: { [HUBOT]: { aiCredits: billingEmpty, premium: billingPremiumPro } },
    });
    host = new URL(fake.url).host;
    // Listed in key order: hubot's token comes first.
    secrets = createMemoryStore({ [`${host}/${FAKE_LOGIN}`]: FAKE_PAT, [`${host}/${HUBOT}`]: HUBOT_PAT });
  });

  const sentHints = () => new Set(fake.requests.map((r) => r.headers.authorization));

  it('shows the active account, and never sends the other account’s token', async () => {
    const r = await engineFor(secrets).refresh({
      apiUrl: fake.url,
      prefs: { plan: 'pro' },
      account: { host, login: FAKE_LOGIN },
    });
    expect(r.ok && r.snapshot).toMatchObject({ account: { login: FAKE_LOGIN }, used: 1087.75 });
    expect(sentHints()).toEqual(new Set([`Bearer ${tokenHint(FAKE_PAT)}`]));
  });

  it('shows the other account’s reading once the user switches', async () => {
    const engine = engineFor(secrets);
    const first = await engine.refresh({ apiUrl: fake.url, prefs: {}, account: { host, login: FAKE_LOGIN } });
    expect(first.ok && first.snapshot.account.login).toBe(FAKE_LOGIN);
    const sentBefore = fake.requests.length;
    const second = await engine.refresh({ apiUrl: fake.url, prefs: {}, account: { host, login: HUBOT } });
    expect(second.ok && second.snapshot).toMatchObject({
      account: { login: HUBOT },
      used: 90,
      unit: 'requests',
    });
    // Only hubot's token went out for the second reading.
    expect(new Set(fake.requests.slice(sentBefore).map((r) => r.headers.authorization))).toEqual(
      new Set([`Bearer ${tokenHint(HUBOT_PAT)}`]),
    );
  });

  it('matches the login whatever its case; an account of another server does not empty this one', async () => {
    const engine = engineFor(secrets);
    const cased = await engine.refresh({ apiUrl: fake.url, prefs: {}, account: { host, login: 'OctoCat' } });
    expect(cased.ok && cased.snapshot.account.login).toBe(FAKE_LOGIN);
    // Settings point at this server while the chosen account lives elsewhere (saved with another --api-url):
    // this server's own tokens are still used, rather than none at all.
    const elsewhere = await engine.refresh({
      apiUrl: fake.url,
      prefs: {},
      account: { host: 'acme.ghe.com', login: FAKE_LOGIN },
    });
    expect(elsewhere.ok).toBe(true);
    expect([...sentHints()].some((h) => h?.includes('acme'))).toBe(false);
  });

  it('leaves the other sources alone: a token from the environment is still tried', async () => {
    env.vars = { COPILOT_METER_TOKEN: HUBOT_PAT };
    const r = await engineFor(secrets).refresh({
      apiUrl: fake.url,
      prefs: {},
      account: { host, login: 'someone-else' },
    });
    expect(r.ok && r.snapshot).toMatchObject({ account: { login: HUBOT }, source: { credential: 'env' } });
    expect(sentHints()).toEqual(new Set([`Bearer ${tokenHint(HUBOT_PAT)}`]));
  });

  it('without an account, tries every saved token in order as before (the first that answers is shown)', async () => {
    const r = await engineFor(secrets).refresh({ apiUrl: fake.url, prefs: {} });
    expect(r.ok && r.snapshot.account.login).toBe(HUBOT);
    const bare = createEngine({ http: new FetchHttp(), clock, env, files: nodeFiles, secrets });
    fake.set({
      tokens: { [HUBOT_PAT]: { login: HUBOT, kind: 'pat', permissions: ['plan'], expired: true } },
    });
    const fallback = await bare.refresh({ apiUrl: fake.url, prefs: {} });
    expect(fallback.ok && fallback.snapshot.account.login).toBe(FAKE_LOGIN);
  });
});
