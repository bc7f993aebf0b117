import { afterEach, describe, expect, it } from 'vitest';
import { oauthCachedSessionStrategy } from '../../../main/core/strategies/oauth-cached-session';
import { oauthDirectStrategy } from '../../../main/core/strategies/oauth-direct';
import { oauthExchangeStrategy } from '../../../main/core/strategies/oauth-exchange';
import { decideWorld, patBillingStrategy, readPatBilling } from '../../../main/core/strategies/pat-billing';
import * as fx from '../../fake-github/fixtures';
import {
  FAKE_LOGIN,
  FAKE_OAUTH,
  FAKE_PAT,
  FAKE_PAT_EXPIRED,
  FAKE_PAT_NO_PLAN,
  scenarios,
} from '../../fake-github/scenarios';
import { cred, harness, type Harness } from './harness';

let h: Harness;
afterEach(async () => h?.close());

const pat = cred('pat', FAKE_PAT, 'keychain');
const oauth = cred('oauth', FAKE_OAUTH, 'opencode');

describe('pat-billing strategy', () => {
  it('reads the AI-credits world with a per-model breakdown and the user’s plan', async () => {
    h = await harness(scenarios.patCreditsPro);
    const r = await patBillingStrategy().run(pat, h.ctx([pat], { plan: 'pro' }));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot).toMatchObject({
      account: { login: FAKE_LOGIN, host: new URL(h.fake.url).host },
      plan: 'pro',
      unit: 'credits',
      seat: { billing: 'personal', organizations: [], kind: 'personal' },
      used: 1087.75,
      allowance: 1500,
      allowanceSource: 'plan',
      cost: { currency: 'USD', gross: 10.8775, included: 10.8775, billed: 0 },
      period: '2026-11',
      resetAt: '2026-12-01T00:00:00.000Z',
      source: { strategy: 'pat-billing', credential: 'keychain' },
      fetchedAt: '2026-11-14T10:00:00.000Z',
    });
    expect(r.snapshot.percentUsed).toBeCloseTo(72.5167, 4);
    expect(r.snapshot.models[0]).toEqual({
      model: 'Claude Sonnet 4.5',
      used: 812.5,
      cost: { currency: 'USD', gross: 8.125, included: 8.125, billed: 0 },
    });
    // Both worlds were asked, each with its documented API version.
    const versions = h.fake
      .requestsTo(/\/settings\/billing\//)
      .map((q) => [q.path.split('/')[5], q.headers['x-github-api-version']]);
    expect(versions.sort()).toEqual([
      ['ai_credit', '2026-03-10'],
      ['premium_request', '2022-11-28'],
    ]);
  });

  it('reads the premium-requests world and takes the allowance from the legacy file’s tier', async () => {
    h = await harness(scenarios.patPremiumPro);
    const legacy = cred('pat', FAKE_PAT, 'legacy-quota-file', { plan: 'pro', login: FAKE_LOGIN });
    const r = await patBillingStrategy().run(legacy, h.ctx([legacy]));
    expect(r.ok && r.snapshot).toMatchObject({
      unit: 'requests',
      used: 90,
      allowance: 300,
      plan: 'pro',
      percentUsed: 30,
    });
  });

  it('detects the plan through an OAuth sibling, recording that request as an attempt', async () => {
    h = await harness(scenarios.all);
    const r = await patBillingStrategy().run(pat, h.ctx([pat, oauth], { plan: 'pro+' }));
    expect(r.ok && r.snapshot).toMatchObject({ plan: 'pro', unit: 'credits', allowance: 1500 });
    expect(r.attempts.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(h.fake.requestsTo('/copilot_internal/user')).toHaveLength(1);
  });

  it('ignores a failing OAuth sibling and falls back to the user’s plan', async () => {
    h = await harness({ ...scenarios.all, refuseRawOAuth: 401 });
    const r = await patBillingStrategy().run(pat, h.ctx([pat, oauth], { plan: 'pro+' }));
    expect(r.ok && r.snapshot).toMatchObject({ plan: 'pro+', allowance: 7000 });
    expect(r.attempts.at(-1)).toMatchObject({ outcome: 'failed', status: 401 });
  });

  it('decides an empty month by the period: credits from June 2026, requests before', async () => {
    h = await harness({ ...scenarios.patCreditsPro, billing: { [FAKE_LOGIN]: {} } });
    const nov = await readPatBilling(pat, h.ctx([pat]));
    expect(nov.ok && nov.details).toMatchObject({ unit: 'credits', items: 0 });
    expect(nov.ok && nov.snapshot.used).toBe(0);
    h.clock.set(Date.parse('2026-03-10T00:00:00Z'));
    const mar = await readPatBilling(pat, h.ctx([pat]));
    expect(mar.ok && mar.snapshot).toMatchObject({ unit: 'requests', period: '2026-03' });
  });

  it('uses the world that answered when the other one is 404', async () => {
    h = await harness(scenarios.patCreditsPro);
    h.fake.addFault({
      path: '/users/*/settings/billing/ai_credit/usage',
      status: 404,
      body: fx.billingNotFound404,
    });
    const r = await readPatBilling(pat, h.ctx([pat]));
    expect(r.ok && r.details.unit).toBe('requests');
  });

  it('corrects the username’s case with GET /user and asks it only once per token', async () => {
    h = await harness({
      ...scenarios.patCreditsPro,
      tokens: { [FAKE_PAT]: { login: 'OctoCat', kind: 'pat', permissions: ['plan'] } },
      billing: { OctoCat: { aiCredits: fx.billingCreditsMultiModel } },
    });
    const s = patBillingStrategy();
    const typed = cred('pat', FAKE_PAT, 'legacy-quota-file', { login: 'octocat' });
    const first = await s.run(typed, h.ctx([typed], { login: 'octocat' }));
    expect(first.ok && first.snapshot.account.login).toBe('OctoCat');
    expect(h.fake.requestsTo('/users/OctoCat/settings/billing/ai_credit/usage')).toHaveLength(1);
    await s.run(typed, h.ctx([typed]));
    expect(h.fake.requestsTo('/user')).toHaveLength(1);
  });

  it('says the seat is billed to an organization when both worlds are 404 for the verified login', async () => {
    h = await harness(scenarios.orgBilledSeat);
    const r = await patBillingStrategy().run(pat, h.ctx([pat]));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({
      kind: 'notFound',
      reason: 'seatBilledToOrg',
      login: FAKE_LOGIN,
      status: 404,
    });
    expect(r.attempts.map((a) => a.status)).toEqual([200, 404, 404]);
  });

  it('says the username is unknown when both worlds are 404 and /user could not confirm it', async () => {
    h = await harness(scenarios.orgBilledSeat);
    h.fake.addFault({ path: '/user', status: 404, body: fx.billingNotFound404 });
    const r = await readPatBilling(cred('pat', FAKE_PAT, 'env', { login: 'octokat' }), h.ctx());
    expect(!r.ok && r.error).toMatchObject({ kind: 'notFound', reason: 'user', login: 'octokat' });
  });

  it('names the missing Plan permission on 403', async () => {
    h = await harness(scenarios.patNoPlanPermission);
    const r = await patBillingStrategy().run(cred('pat', FAKE_PAT_NO_PLAN, 'keychain'), h.ctx());
    expect(!r.ok && r.error).toMatchObject({
      kind: 'auth',
      reason: 'missingPermission',
      permission: 'Plan',
      status: 403,
    });
  });

  it('stops at GET /user when the token is rejected, without asking billing', async () => {
    h = await harness(scenarios.patExpired);
    const r = await patBillingStrategy().run(cred('pat', FAKE_PAT_EXPIRED, 'keychain'), h.ctx());
    expect(!r.ok && r.error).toMatchObject({ kind: 'auth', reason: 'expired', status: 401 });
    expect(h.fake.requestsTo(/billing/)).toHaveLength(0);
  });

  it('returns a rate limit at once', async () => {
    h = await harness({ ...scenarios.patCreditsPro, rateLimit: { limit: 5000, remaining: 0 } });
    const r = await patBillingStrategy().run(pat, h.ctx());
    expect(!r.ok && r.error.kind).toBe('rateLimit');
  });

  it('reports an unrecognised billing answer with the field names', async () => {
    h = await harness({
      ...scenarios.patCreditsPro,
      billing: { [FAKE_LOGIN]: { aiCredits: fx.billingWrongShape, premium: fx.billingWrongShape } },
    });
    const r = await patBillingStrategy().run(pat, h.ctx());
    expect(!r.ok && r.error).toMatchObject({ kind: 'responseShape', missing: ['usageItems'], status: 200 });
  });

  it('selects only PATs', () => {
    expect(patBillingStrategy().select([oauth, pat])).toEqual([pat]);
  });
});

describe('decideWorld', () => {
  const answer = (items: number, period: string | null = '2026-11') =>
    ({
      ok: true,
      value: { unit: null, used: items, overage: 0, models: [], period, login: null, items },
    }) as never;
  const failure = (error: object) => ({ ok: false, error }) as never;
  it('prefers credits when both worlds have items, and the world with items otherwise', () => {
    expect(decideWorld(answer(2), answer(3), '2026-11')).toMatchObject({ ok: true, unit: 'credits' });
    expect(decideWorld(answer(0), answer(3), '2026-11')).toMatchObject({ ok: true, unit: 'requests' });
  });
  it('returns a transient failure rather than guessing the world', () => {
    expect(decideWorld(failure({ kind: 'server', status: 502 }), answer(0), '2026-11')).toMatchObject({
      ok: false,
      error: { kind: 'server' },
    });
    expect(decideWorld(failure({ kind: 'timeout', timeoutMs: 1 }), answer(4), '2026-11')).toMatchObject({
      ok: true,
      unit: 'requests',
    });
  });
});

describe('oauth strategies', () => {
  it('oauth-direct reads /copilot_internal/user with the editor headers', async () => {
    h = await harness(scenarios.opencodeOAuth);
    const r = await oauthDirectStrategy().run(oauth, h.ctx([oauth]));
    expect(r.ok && r.snapshot).toMatchObject({
      account: { login: FAKE_LOGIN },
      plan: 'pro',
      unit: 'requests',
      used: 90,
      allowance: 300,
      resetAt: '2026-12-01T00:00:00.000Z',
      source: { strategy: 'oauth-direct', credential: 'opencode' },
    });
    const req = h.fake.requestsTo('/copilot_internal/user')[0]!;
    expect(req.headers.authorization).toMatch(/^token …/);
    expect(req.headers['copilot-integration-id']).toBe('vscode-chat');
  });

  it('oauth-direct fails (and the exchange succeeds) when the raw OAuth token is refused', async () => {
    h = await harness(scenarios.opencodeOAuthExchangeOnly);
    const direct = await oauthDirectStrategy().run(oauth, h.ctx([oauth]));
    expect(!direct.ok && direct.error).toMatchObject({ kind: 'notFound', status: 404 });
    const exchange = oauthExchangeStrategy();
    const r = await exchange.run(oauth, h.ctx([oauth]));
    expect(r.ok && r.snapshot).toMatchObject({ used: 90, source: { strategy: 'oauth-exchange' } });
    expect(r.attempts.map((a) => [a.strategy, a.status, a.outcome])).toEqual([
      ['oauth-exchange', 200, 'ok'],
      ['oauth-exchange', 200, 'ok'],
    ]);
    // The session token is reused until shortly before it expires.
    await exchange.run(oauth, h.ctx([oauth]));
    expect(h.fake.requestsTo('/copilot_internal/v2/token')).toHaveLength(1);
    h.clock.advance(1800_000);
    await exchange.run(oauth, h.ctx([oauth]));
    expect(h.fake.requestsTo('/copilot_internal/v2/token')).toHaveLength(2);
  });

  it('oauth-exchange retries the session token once with Bearer when the token scheme is refused', async () => {
    h = await harness(scenarios.opencodeOAuth);
    h.fake.addFault({ path: '/copilot_internal/user', status: 401, body: fx.badCredentials401, times: 1 });
    const r = await oauthExchangeStrategy().run(oauth, h.ctx([oauth]));
    expect(r.ok).toBe(true);
    const schemes = h.fake
      .requestsTo('/copilot_internal/user')
      .map((q) => q.headers.authorization?.split(' ')[0]);
    expect(schemes).toEqual(['token', 'Bearer']);
  });

  it('oauth-exchange reports an exchange answer without a token as unrecognised', async () => {
    h = await harness({
      ...scenarios.opencodeOAuth,
      exchange: { [FAKE_OAUTH]: { status: 200, body: { expires_at: 1 } } },
    });
    const r = await oauthExchangeStrategy().run(oauth, h.ctx([oauth]));
    expect(!r.ok && r.error).toMatchObject({
      kind: 'responseShape',
      missing: ['token'],
      seen: ['expires_at'],
    });
  });

  it('oauth-cached-session uses a valid cached session and skips an expired one without a request', async () => {
    h = await harness(scenarios.opencodeOAuth);
    const token = 'tid=cached;exp=1;8kp=1:FAKEcached0001';
    h.fake.set({ tokens: { [token]: { login: FAKE_LOGIN, kind: 'session', permissions: [] } } });
    const s = oauthCachedSessionStrategy();
    const valid = cred('session', token, 'opencode', { expiresAt: h.clock.now() + 600_000 });
    const ok = await s.run(valid, h.ctx([valid]));
    expect(ok.ok && ok.snapshot).toMatchObject({ used: 90, source: { strategy: 'oauth-cached-session' } });

    const expired = cred('session', token, 'opencode', { expiresAt: h.clock.now() - 1 });
    const before = h.fake.requests.length;
    const r = await s.run(expired, h.ctx([expired]));
    expect(!r.ok && r.error).toMatchObject({ kind: 'auth', reason: 'expired' });
    expect(r.attempts).toEqual([
      expect.objectContaining({ strategy: 'oauth-cached-session', outcome: 'skipped', status: null }),
    ]);
    expect(h.fake.requests.length).toBe(before);
  });

  it('reports an unknown internal shape instead of a 0 %', async () => {
    h = await harness({ ...scenarios.opencodeOAuth, internalUser: { [FAKE_LOGIN]: fx.internalWrongShape } });
    const r = await oauthDirectStrategy().run(oauth, h.ctx([oauth]));
    expect(!r.ok && r.error).toMatchObject({ kind: 'responseShape', status: 200 });
  });

  it('reads a token-billed Business seat (an organisation pool) and the Free plan through the internal API', async () => {
    h = await harness(scenarios.tokenBilledBusiness);
    const b = await oauthDirectStrategy().run(oauth, h.ctx([oauth]));
    expect(b.ok && b.snapshot).toMatchObject({
      plan: 'business',
      unit: 'credits',
      used: 1234.5,
      allowance: null,
      percentUsed: null,
      seat: { kind: 'pool', billing: 'organization', organizations: ['acme'] },
    });
    await h.close();
    h = await harness(scenarios.freePlan);
    const f = await oauthDirectStrategy().run(oauth, h.ctx([oauth]));
    expect(f.ok && f.snapshot).toMatchObject({ plan: 'free', used: 12, allowance: 50, percentUsed: 24 });
  });

  it('records the duration of every attempt with the injected clock', async () => {
    h = await harness(scenarios.opencodeOAuth);
    const slowGithub = {
      ...h.github,
      get: async (...a: Parameters<typeof h.github.get>) => {
        h.clock.advance(250);
        return h.github.get(...a);
      },
    };
    const r = await oauthDirectStrategy().run(oauth, { ...h.ctx([oauth]), github: slowGithub });
    expect(r.attempts[0]).toMatchObject({
      durationMs: 250,
      outcome: 'ok',
      status: 200,
      credential: 'opencode',
    });
  });
});
