import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  billingCreditsMultiModel,
  billingEmpty,
  billingPremiumPro,
  internalFreeLimited,
  internalProPremium,
} from './fixtures';
import { faults } from './faults';
import {
  FAKE_LOGIN,
  FAKE_OAUTH,
  FAKE_PAT,
  FAKE_PAT_NO_PLAN,
  scenarios,
  type ScenarioName,
} from './scenarios';
import { formatExpiration, startFakeGitHub, type FakeGitHub } from './server';

const CREDITS = `/users/${FAKE_LOGIN}/settings/billing/ai_credit/usage`;
const PREMIUM = `/users/${FAKE_LOGIN}/settings/billing/premium_request/usage`;
const REST = { accept: 'application/vnd.github+json', 'x-github-api-version': '2022-11-28' };

let fake: FakeGitHub;
let nowMs = Date.parse('2026-11-14T10:00:00Z');
beforeAll(async () => {
  fake = await startFakeGitHub(scenarios.all, { now: () => nowMs });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  nowMs = Date.parse('2026-11-14T10:00:00Z');
});

async function call(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${fake.url}${path}`, { headers });
  const text = await res.text();
  let json: Record<string, unknown> | null = null;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // Not JSON (empty 304, HTML error page): tests look at `text` then.
  }
  return { status: res.status, headers: res.headers, text, json };
}
const bearer = (token: string) => ({ ...REST, authorization: `Bearer ${token}` });
const copilot = (token: string) => ({ authorization: `token ${token}`, accept: 'application/json' });

describe('fake GitHub: recorded requests', () => {
  it('records method, path, query and lower-cased headers, with Authorization reduced to scheme + hint', async () => {
    await call(`${CREDITS}?year=2026&month=11`, { ...bearer(FAKE_PAT), 'X-Extra': 'A' });
    expect(fake.requests).toEqual([
      expect.objectContaining({
        method: 'GET',
        path: CREDITS,
        query: { year: '2026', month: '11' },
        status: 200,
        headers: expect.objectContaining({ authorization: `Bearer …${FAKE_PAT.slice(-4)}`, 'x-extra': 'A' }),
      }),
    ]);
    expect(JSON.stringify(fake.requests)).not.toContain(FAKE_PAT);
  });

  it('finds requests by path and forgets them on reset', async () => {
    await call('/user', bearer(FAKE_PAT));
    await call(CREDITS, bearer(FAKE_PAT));
    expect(fake.requestsTo('/users/*')).toHaveLength(1);
    fake.reset();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('fake GitHub: billing usage', () => {
  it('serves each world on its endpoint for the PAT’s own login', async () => {
    expect((await call(CREDITS, bearer(FAKE_PAT))).json).toEqual(billingCreditsMultiModel);
    expect((await call(PREMIUM, bearer(FAKE_PAT))).json).toEqual(billingEmpty);
  });

  it('asks for authentication like GitHub when no token is sent', async () => {
    const r = await call(CREDITS, REST);
    expect(r).toMatchObject({ status: 401, json: { message: 'Requires authentication' } });
  });

  it('answers Bad credentials for an unknown token', async () => {
    expect(await call(CREDITS, bearer('github_pat_FAKE_nobody'))).toMatchObject({
      status: 401,
      json: { message: 'Bad credentials' },
    });
  });

  it('refuses a PAT without Plan: read with 403 and names the permission in a header', async () => {
    const r = await call(CREDITS, bearer(FAKE_PAT_NO_PLAN));
    expect(r).toMatchObject({
      status: 403,
      json: { message: 'Resource not accessible by personal access token' },
    });
    expect(r.headers.get('x-accepted-github-permissions')).toBe('plan=read');
  });

  it('is case-sensitive about the login, and a PAT cannot read another user', async () => {
    expect((await call('/users/Octocat/settings/billing/ai_credit/usage', bearer(FAKE_PAT))).status).toBe(
      404,
    );
    expect((await call('/users/hubot/settings/billing/ai_credit/usage', bearer(FAKE_PAT))).status).toBe(404);
    fake.set({ otherUserStatus: 403 });
    expect((await call('/users/hubot/settings/billing/ai_credit/usage', bearer(FAKE_PAT))).status).toBe(403);
  });

  it('answers 404 for a user with no personal billing (seat billed to an org)', async () => {
    const f = await startFakeGitHub(scenarios.orgBilledSeat);
    try {
      const r = await fetch(`${f.url}${CREDITS}`, { headers: bearer(FAKE_PAT) });
      expect(r.status).toBe(404);
    } finally {
      await f.close();
    }
  });

  it('echoes the requested year/month in timePeriod and rejects an impossible month', async () => {
    expect((await call(`${CREDITS}?year=2026&month=4`, bearer(FAKE_PAT))).json).toMatchObject({
      timePeriod: { year: 2026, month: 4 },
    });
    expect(await call(`${CREDITS}?month=13`, bearer(FAKE_PAT))).toMatchObject({
      status: 400,
      json: { message: 'Invalid month' },
    });
  });

  it('serves per-month data from a function and full replies from {status, body}', async () => {
    fake.set({
      billing: {
        [FAKE_LOGIN]: {
          premium: (q: { month?: number }) => (q.month === 10 ? billingPremiumPro : billingEmpty),
          aiCredits: { status: 404, body: { message: 'Not Found' } },
        },
      },
    });
    expect((await call(`${PREMIUM}?year=2026&month=10`, bearer(FAKE_PAT))).json).toEqual(billingPremiumPro);
    expect((await call(`${PREMIUM}?year=2026&month=9`, bearer(FAKE_PAT))).json).toEqual(billingEmpty);
    expect((await call(CREDITS, bearer(FAKE_PAT))).status).toBe(404);
  });

  it('insists on the REST headers so a client sending the wrong ones is caught', async () => {
    expect((await call(CREDITS, { ...REST, authorization: `token ${FAKE_PAT}` })).status).toBe(400);
    expect(
      (await call(CREDITS, { authorization: `Bearer ${FAKE_PAT}`, accept: 'application/json' })).status,
    ).toBe(400);
    const badVersion = await call(CREDITS, { ...bearer(FAKE_PAT), 'x-github-api-version': '2099-01-01' });
    expect(badVersion).toMatchObject({
      status: 400,
      json: { message: expect.stringMatching(/X-GitHub-Api-Version/) },
    });
  });
});

describe('fake GitHub: ETag and rate limit', () => {
  it('answers 304 to a matching If-None-Match without counting it against the rate limit', async () => {
    const first = await call(CREDITS, bearer(FAKE_PAT));
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('x-ratelimit-remaining')).toBe('4999');
    const second = await call(CREDITS, { ...bearer(FAKE_PAT), 'if-none-match': etag! });
    expect(second).toMatchObject({ status: 304, text: '' });
    const third = await call(CREDITS, bearer(FAKE_PAT));
    expect(third.headers.get('x-ratelimit-remaining')).toBe('4998');
  });

  it('refuses with 403 and x-ratelimit-remaining: 0 once the limit is used up', async () => {
    fake.set({ rateLimit: { limit: 2, remaining: 1, resetEpochSeconds: 1_800_000_000 } });
    expect((await call('/user', bearer(FAKE_PAT))).status).toBe(200);
    const r = await call('/user', bearer(FAKE_PAT));
    expect(r).toMatchObject({ status: 403, json: { message: expect.stringMatching(/rate limit/) } });
    expect(r.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(r.headers.get('x-ratelimit-reset')).toBe('1800000000');
  });
});

describe('fake GitHub: Copilot internal endpoints', () => {
  it('serves /copilot_internal/user to an OAuth token with either scheme, but not to a PAT', async () => {
    expect((await call('/copilot_internal/user', copilot(FAKE_OAUTH))).json).toEqual(internalProPremium);
    expect((await call('/copilot_internal/user', { authorization: `Bearer ${FAKE_OAUTH}` })).status).toBe(
      200,
    );
    expect((await call('/copilot_internal/user', copilot(FAKE_PAT))).status).toBe(404);
  });

  it('can refuse the raw OAuth token so only an exchanged session token works', async () => {
    fake.set({ refuseRawOAuth: 401 });
    expect((await call('/copilot_internal/user', copilot(FAKE_OAUTH))).status).toBe(401);
    const ex = await call('/copilot_internal/v2/token', copilot(FAKE_OAUTH));
    expect(ex.status).toBe(200);
    const session = ex.json as { token: string; expires_at: number; refresh_in: number; endpoints: unknown };
    expect(session.expires_at).toBe(Math.floor(nowMs / 1000) + 1800);
    expect(session.refresh_in).toBeGreaterThan(0);
    expect(session.endpoints).toBeDefined();
    expect(session.token).toMatch(/FAKE/);
    expect(fake.state.tokens[session.token]).toMatchObject({ kind: 'session', login: FAKE_LOGIN });
    expect((await call('/copilot_internal/user', copilot(session.token))).json).toEqual(internalProPremium);
  });

  it('expires session tokens when the fake clock passes expires_at', async () => {
    const ex = await call('/copilot_internal/v2/token', copilot(FAKE_OAUTH));
    const token = (ex.json as { token: string }).token;
    nowMs += 1801 * 1000;
    const r = await call('/copilot_internal/user', copilot(token));
    expect(r).toMatchObject({ status: 401, json: { message: 'token expired' } });
  });

  it('fails the exchange as configured', async () => {
    fake.set({
      exchange: { [FAKE_OAUTH]: { status: 403, body: { message: 'not authorized for Copilot' } } },
    });
    expect(await call('/copilot_internal/v2/token', copilot(FAKE_OAUTH))).toMatchObject({ status: 403 });
  });

  it('serves a body per token ahead of the per-login one', async () => {
    fake.set({ internalUser: { [FAKE_OAUTH]: internalFreeLimited } });
    expect((await call('/copilot_internal/user', copilot(FAKE_OAUTH))).json).toEqual(internalFreeLimited);
  });

  it('tells who a token belongs to on GET /user', async () => {
    expect((await call('/user', bearer(FAKE_OAUTH))).json).toMatchObject({ login: FAKE_LOGIN, type: 'User' });
  });

  it('sends a token’s expiry header and rejects it once past', async () => {
    const ok = await call('/user', bearer(FAKE_PAT));
    expect(ok.headers.get('github-authentication-token-expiration')).toBe('2099-12-31 00:00:00 UTC');
    fake.set({
      tokens: {
        [FAKE_PAT]: {
          login: FAKE_LOGIN,
          kind: 'pat',
          permissions: ['plan'],
          expiresAt: formatExpiration(nowMs - 1000),
        },
      },
    });
    const expired = await call('/user', bearer(FAKE_PAT));
    expect(expired).toMatchObject({ status: 401, json: { message: 'Bad credentials' } });
    expect(expired.headers.get('github-authentication-token-expiration')).toBe('2026-11-14 09:59:59 UTC');
  });
});

describe('fake GitHub: faults', () => {
  it('applies a fault the given number of times, then answers normally', async () => {
    fake.addFault(faults.serverError('/user', 502, { times: 2 }));
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await call('/user', bearer(FAKE_PAT))).status);
    expect(statuses).toEqual([502, 502, 200]);
  });

  it('matches faults by glob or RegExp on the path only', async () => {
    fake.addFault(faults.notFound('/users/*/settings/billing/*'));
    fake.addFault(faults.tooManyRequests(/^\/copilot_internal\//, 7));
    expect((await call(`${CREDITS}?year=2026`, bearer(FAKE_PAT))).status).toBe(404);
    const r = await call('/copilot_internal/user', copilot(FAKE_OAUTH));
    expect(r.status).toBe(429);
    expect(r.headers.get('retry-after')).toBe('7');
    expect((await call('/user', bearer(FAKE_PAT))).status).toBe(200);
  });

  it('sends malformed JSON as is', async () => {
    fake.addFault(faults.malformedJson(CREDITS));
    const r = await fetch(`${fake.url}${CREDITS}`, { headers: bearer(FAKE_PAT) });
    expect(r.status).toBe(200);
    await expect(r.json()).rejects.toThrow();
  });

  it('delays an answer and can destroy the connection', async () => {
    fake.addFault(faults.slow('/user', 150, { times: 1 }));
    const t0 = Date.now();
    expect((await call('/user', bearer(FAKE_PAT))).status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    fake.addFault(faults.connectionReset('/user'));
    await expect(fetch(`${fake.url}/user`)).rejects.toThrow();
    expect(fake.requests.at(-1)?.status).toBe(0);
  });

  it('merges record-valued state entry-wise on set() and restores the initial state on reset()', async () => {
    fake.set({ tokens: { gho_FAKE_second: { login: 'hubot', kind: 'oauth', permissions: [] } } });
    expect((await call('/user', bearer(FAKE_PAT))).status).toBe(200);
    expect((await call('/user', bearer('gho_FAKE_second'))).json).toMatchObject({ login: 'hubot' });
    fake.reset();
    expect((await call('/user', bearer('gho_FAKE_second'))).status).toBe(401);
  });
});

describe('fake GitHub: scenarios', () => {
  it.each(Object.keys(scenarios) as ScenarioName[])('%s starts and knows its tokens', async (name) => {
    const f = await startFakeGitHub(scenarios[name]);
    try {
      const tokens = Object.entries(f.state.tokens);
      expect(tokens.length).toBeGreaterThan(0);
      for (const [token, t] of tokens) {
        expect(token).toMatch(/FAKE/);
        const r = await fetch(`${f.url}/user`, { headers: { authorization: `Bearer ${token}` } });
        expect(r.status).toBe(t.expired ? 401 : 200);
      }
    } finally {
      await f.close();
    }
  });
});
