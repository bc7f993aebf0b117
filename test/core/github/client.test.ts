import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorInfo, type ErrorInfo } from '../../../shared/errors';
import {
  createGitHubClient,
  parseTokenExpiration,
  type GitHubClientOptions,
} from '../../../main/core/github/client';
import { FetchHttp } from '../../../main/core/http';
import type { Http, HttpRequest } from '../../../main/core/ports';
import { billingCreditsMultiModel, internalProPremium } from '../../fake-github/fixtures';
import { faults } from '../../fake-github/faults';
import {
  FAKE_LOGIN,
  FAKE_OAUTH,
  FAKE_PAT,
  FAKE_PAT_EXPIRED,
  FAKE_PAT_NO_PLAN,
  FAKE_UNKNOWN,
  scenarios,
} from '../../fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { testClock, type TestClock } from './fake-clock';

const CREDITS = `/users/${FAKE_LOGIN}/settings/billing/ai_credit/usage`;
const PREMIUM = `/users/${FAKE_LOGIN}/settings/billing/premium_request/usage`;
const INTERNAL = '/copilot_internal/user';

let fake: FakeGitHub;
let clock: TestClock;
const http = new FetchHttp();

beforeAll(async () => {
  fake = await startFakeGitHub({
    ...scenarios.all,
    tokens: { ...scenarios.all.tokens, ...scenarios.patExpired.tokens },
  });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  clock = testClock();
});

function client(o: Partial<GitHubClientOptions> = {}) {
  return createGitHubClient({ apiUrl: fake.url, http, clock, random: () => 0.5, ...o });
}

const credits = { path: CREDITS, token: FAKE_PAT, flavor: 'rest', apiVersion: '2026-03-10' } as const;

/** The ErrorInfo a call rejects with (fails the test if it resolves). */
async function failure(p: Promise<unknown>): Promise<ErrorInfo & { error: unknown }> {
  const error = await p.then(
    () => expect.unreachable('expected the call to fail'),
    (e: unknown) => e,
  );
  const info = errorInfo(error);
  expect(info, `not an AppError: ${String(error)}`).toBeDefined();
  return { ...info!, error };
}

describe('GitHub client: requests', () => {
  it('sends the REST headers with the PAT as Bearer and returns the parsed body', async () => {
    const res = await client().get(credits);
    expect(res).toMatchObject({ status: 200, notModified: false, body: billingCreditsMultiModel });
    const [req] = fake.requests;
    expect(req?.headers).toMatchObject({
      authorization: `Bearer …${FAKE_PAT.slice(-4)}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2026-03-10',
      'user-agent': expect.stringMatching(/^copilot-meter\/\d+\.\d+\.\d+/),
    });
    expect(req?.headers['editor-version']).toBeUndefined();
  });

  it('sends the Copilot editor headers with the `token` scheme on the internal flavour', async () => {
    const res = await client().get({ path: INTERNAL, token: FAKE_OAUTH, flavor: 'copilot' });
    expect(res.body).toEqual(internalProPremium);
    expect(fake.requests[0]?.headers).toMatchObject({
      authorization: `token …${FAKE_OAUTH.slice(-4)}`,
      accept: 'application/json',
      'editor-version': 'vscode/1.107.0',
      'editor-plugin-version': 'copilot-chat/0.35.0',
      'user-agent': 'GitHubCopilotChat/0.35.0',
      'copilot-integration-id': 'vscode-chat',
    });
    expect(fake.requests[0]?.headers['x-github-api-version']).toBeUndefined();
  });

  it('passes query parameters, which the server echoes in the period', async () => {
    const res = await client().get({ ...credits, path: PREMIUM, query: { year: 2026, month: 3 } });
    expect(fake.requests[0]?.query).toEqual({ year: '2026', month: '3' });
    expect((res.body as { timePeriod: unknown }).timePeriod).toEqual({ year: 2026, month: 3 });
  });

  it('exposes the token expiry GitHub reports, as ISO 8601', async () => {
    const res = await client().get(credits);
    expect(res.tokenExpiresAt).toBe('2099-12-31T00:00:00.000Z');
    const oauth = await client().get({ path: INTERNAL, token: FAKE_OAUTH, flavor: 'copilot' });
    expect(oauth.tokenExpiresAt).toBeUndefined();
  });

  it('knows its base URL and the web host of the account', () => {
    const c = client();
    expect(c.baseUrl).toBe(fake.url);
    expect(c.webHost).toBe(fake.url.replace('http://', ''));
    expect(createGitHubClient({ http, clock }).webHost).toBe('github.com');
  });

  it('refuses a plain-http API URL that is not loopback before sending anything', () => {
    try {
      createGitHubClient({ apiUrl: 'http://ghes.corp/api/v3', http, clock });
      expect.unreachable();
    } catch (e) {
      expect(errorInfo(e)).toMatchObject({ kind: 'config', reason: 'insecureUrl' });
    }
  });

  it('refuses a path that would climb out of the API base', async () => {
    const sent: HttpRequest[] = [];
    const recording: Http = {
      request: async (r) => (sent.push(r), { status: 200, headers: {}, body: '{}' }),
    };
    const c = createGitHubClient({ apiUrl: 'https://ghes.corp/api/v3', http: recording, clock });
    const info = await failure(c.get({ path: '/../../admin', token: 't', flavor: 'rest' }));
    expect(info).toMatchObject({ kind: 'config', reason: 'badInput' });
    await c.get({ path: '/user', token: 't', flavor: 'rest' });
    expect(sent.map((r) => r.url)).toEqual(['https://ghes.corp/api/v3/user']);
  });
});

describe('GitHub client: ETag revalidation', () => {
  it('sends If-None-Match with the remembered ETag and returns the cached body on 304', async () => {
    const c = client();
    const first = await c.get(credits);
    const second = await c.get(credits);
    expect(fake.requests.map((r) => r.status)).toEqual([200, 304]);
    expect(fake.requests[0]?.headers['if-none-match']).toBeUndefined();
    expect(fake.requests[1]?.headers['if-none-match']).toBe(first.headers['etag']);
    expect(second).toMatchObject({ status: 304, notModified: true, body: billingCreditsMultiModel });
  });

  it('hands out the cached body frozen, so no caller can change what later 304s return', async () => {
    const c = client();
    await c.get(credits);
    const a = await c.get(credits);
    expect(() => {
      (a.body as { user: string }).user = 'mutated';
    }).toThrow(TypeError);
    expect(() => {
      (a.body as { usageItems: unknown[] }).usageItems.push({});
    }).toThrow(TypeError);
    const b = await c.get(credits);
    expect(b.notModified).toBe(true);
    expect((b.body as { user: string }).user).toBe('octocat');
  });

  it('does not reuse one token’s cached answer for another token', async () => {
    const c = client();
    await c.get({ path: '/user', token: FAKE_PAT, flavor: 'rest' });
    await c.get({ path: '/user', token: FAKE_OAUTH, flavor: 'rest' });
    expect(fake.requests[1]?.headers['if-none-match']).toBeUndefined();
  });

  it('picks up a changed body (new ETag) and caches that one', async () => {
    const c = client();
    await c.get(credits);
    fake.set({ billing: { [FAKE_LOGIN]: { aiCredits: { ...billingCreditsMultiModel, usageItems: [] } } } });
    const changed = await c.get(credits);
    expect(changed).toMatchObject({ status: 200, notModified: false, body: { usageItems: [] } });
    const again = await c.get(credits);
    expect(again).toMatchObject({ notModified: true, body: { usageItems: [] } });
  });

  it('can be turned off', async () => {
    const c = client({ etagCache: false });
    await c.get(credits);
    await c.get(credits);
    expect(fake.requests.map((r) => r.headers['if-none-match'])).toEqual([undefined, undefined]);
  });

  it('reports a 304 it has no copy for as an unrecognised response, not a crash', async () => {
    fake.addFault(faults.notModified(CREDITS));
    const info = await failure(client().get(credits));
    expect(info).toMatchObject({ kind: 'responseShape', status: 304, missing: ['json body'] });
  });
});

describe('GitHub client: error mapping', () => {
  it('maps 401 Bad credentials to auth revoked with the status', async () => {
    const info = await failure(client().get({ ...credits, token: FAKE_UNKNOWN }));
    expect(info).toMatchObject({ kind: 'auth', reason: 'revoked', status: 401, detail: 'Bad credentials' });
  });

  it('maps 401 with an expiry header in the past to auth expired', async () => {
    const info = await failure(client().get({ ...credits, token: FAKE_PAT_EXPIRED }));
    expect(info).toMatchObject({ kind: 'auth', reason: 'expired', status: 401 });
  });

  it('maps 401 whose message says expired to auth expired', async () => {
    fake.addFault(faults.unauthorized(INTERNAL, { message: 'token expired' }));
    const info = await failure(client().get({ path: INTERNAL, token: FAKE_OAUTH, flavor: 'copilot' }));
    expect(info).toMatchObject({ kind: 'auth', reason: 'expired', status: 401 });
  });

  it('maps 403 without Plan: read to missingPermission naming Plan, with GitHub’s message as detail', async () => {
    const info = await failure(client().get({ ...credits, token: FAKE_PAT_NO_PLAN }));
    expect(info).toMatchObject({
      kind: 'auth',
      reason: 'missingPermission',
      status: 403,
      permission: 'Plan',
      detail: 'Resource not accessible by personal access token',
    });
  });

  it('names the permission GitHub asks for in x-accepted-github-permissions', async () => {
    fake.addFault(faults.forbidden('/user', { accepted: 'organization_administration=read' }));
    const info = await failure(client().get({ path: '/user', token: FAKE_PAT, flavor: 'rest' }));
    expect(info).toMatchObject({ reason: 'missingPermission', permission: 'Organization administration' });
  });

  it('maps 404 to notFound endpoint for the strategy to refine', async () => {
    const info = await failure(
      client().get({ ...credits, path: '/users/OctoCat/settings/billing/ai_credit/usage' }),
    );
    expect(info).toMatchObject({ kind: 'notFound', reason: 'endpoint', status: 404, detail: 'Not Found' });
    expect(fake.requests).toHaveLength(1);
  });

  it('maps a 200 that is not JSON to responseShape without retrying', async () => {
    fake.addFault(faults.malformedJson(CREDITS));
    const info = await failure(client().get(credits));
    expect(info).toMatchObject({ kind: 'responseShape', missing: ['json body'], seen: [], status: 200 });
    expect(fake.requests).toHaveLength(1);
  });

  it('returns a well-formed body of the wrong shape as it is (the parser judges shapes)', async () => {
    fake.addFault(faults.wrongShape(CREDITS, { usage: 1 }));
    expect((await client().get(credits)).body).toEqual({ usage: 1 });
  });

  it('maps another 4xx to a server error with that status and does not retry it', async () => {
    const info = await failure(client().get({ ...credits, query: { month: 13 } }));
    expect(info).toMatchObject({ kind: 'server', status: 400, detail: 'Invalid month' });
    expect(fake.requests).toHaveLength(1);
  });
});

describe('GitHub client: rate limits', () => {
  it('throws rateLimit at once with retryAt from x-ratelimit-reset when the wait is long', async () => {
    const reset = Math.floor(clock.now() / 1000) + 3600;
    fake.addFault(faults.rateLimited403(CREDITS, reset));
    const info = await failure(client().get(credits));
    expect(info).toMatchObject({
      kind: 'rateLimit',
      status: 403,
      retryAt: new Date(reset * 1000).toISOString(),
    });
    expect(fake.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('recognises a 403 as a rate limit by x-ratelimit-remaining: 0 alone, whatever the message', async () => {
    const reset = Math.floor(clock.now() / 1000) + 600;
    fake.addFault({ ...faults.rateLimited403(CREDITS, reset), body: { message: 'Forbidden' } });
    const info = await failure(client().get(credits));
    expect(info).toMatchObject({
      kind: 'rateLimit',
      status: 403,
      retryAt: new Date(reset * 1000).toISOString(),
    });
  });

  it('maps the fake server running out of its core rate limit to rateLimit', async () => {
    fake.set({
      rateLimit: { limit: 60, remaining: 0, resetEpochSeconds: Math.floor(clock.now() / 1000) + 900 },
    });
    const info = await failure(client().get(credits));
    expect(info).toMatchObject({ kind: 'rateLimit', status: 403 });
  });

  it('waits out a short primary rate limit until x-ratelimit-reset, then succeeds', async () => {
    const reset = Math.floor(clock.now() / 1000) + 2;
    fake.addFault(faults.rateLimited403(CREDITS, reset, { times: 1 }));
    const res = await client().get(credits);
    expect(res.status).toBe(200);
    expect(clock.sleeps).toEqual([2000]);
    expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
    expect(res.durationMs).toBe(2000);
  });

  it('honours Retry-After on 429 when it is short', async () => {
    fake.addFault(faults.tooManyRequests(CREDITS, 3, { times: 1 }));
    await client().get(credits);
    expect(clock.sleeps).toEqual([3000]);
    expect(fake.requests.map((r) => r.status)).toEqual([429, 200]);
  });

  it('throws a 429 with a long Retry-After at once, retryAt = now + Retry-After', async () => {
    fake.addFault(faults.tooManyRequests(CREDITS, 120));
    const info = await failure(client().get(credits));
    expect(info).toMatchObject({
      kind: 'rateLimit',
      status: 429,
      retryAt: new Date(clock.now() + 120_000).toISOString(),
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('respects a configured maxRetryWaitMs', async () => {
    fake.addFault(faults.tooManyRequests(CREDITS, 3));
    const info = await failure(client({ maxRetryWaitMs: 1000 }).get(credits));
    expect(info.kind).toBe('rateLimit');
    expect(fake.requests).toHaveLength(1);
  });

  it('treats a secondary rate limit without headers as "wait a minute" and does not retry', async () => {
    fake.addFault(faults.secondaryRateLimit(CREDITS));
    const info = await failure(client().get(credits));
    expect(info).toMatchObject({
      kind: 'rateLimit',
      status: 403,
      retryAt: new Date(clock.now() + 60_000).toISOString(),
    });
    expect(info.detail).toMatch(/secondary rate limit/);
    expect(fake.requests).toHaveLength(1);
  });

  it('gives up after the retries when the rate limit persists, with the last retryAt', async () => {
    fake.addFault(faults.tooManyRequests(CREDITS, 1));
    const info = await failure(client().get(credits));
    expect(info.kind).toBe('rateLimit');
    expect(fake.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });
});

describe('GitHub client: retries and backoff', () => {
  it('retries 5xx with exponential backoff and full jitter, then throws server with the status', async () => {
    fake.addFault(faults.serverError(CREDITS, 500));
    const info = await failure(client().get(credits));
    expect(info).toMatchObject({ kind: 'server', status: 500 });
    expect(fake.requests).toHaveLength(3);
    // random() = 0.5 → 0.5 × 500 ms, then 0.5 × 1000 ms.
    expect(clock.sleeps).toEqual([250, 500]);
  });

  it('draws each wait from random() and caps the window at backoffCapMs', async () => {
    fake.addFault(faults.serverError(CREDITS, 502));
    const draws = [0.999, 0.1, 0.999, 0.999, 0];
    let i = 0;
    await failure(client({ retries: 5, backoffCapMs: 2000, random: () => draws[i++]! }).get(credits));
    expect(fake.requests).toHaveLength(6);
    expect(clock.sleeps).toEqual([499, 100, 1998, 1998, 0]);
  });

  it('recovers when a 502 happens once', async () => {
    fake.addFault(faults.serverError(CREDITS, 502, { times: 1 }));
    const res = await client().get(credits);
    expect(res.body).toEqual(billingCreditsMultiModel);
    expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
    expect(res.durationMs).toBe(250);
  });

  it('does not retry when retries is 0', async () => {
    fake.addFault(faults.serverError(CREDITS, 503));
    await failure(client({ retries: 0 }).get(credits));
    expect(fake.requests).toHaveLength(1);
  });

  it('does not retry auth or permission errors', async () => {
    await failure(client().get({ ...credits, token: FAKE_PAT_NO_PLAN }));
    await failure(client().get({ ...credits, token: FAKE_UNKNOWN }));
    expect(fake.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([]);
  });

  it('retries a reset connection and maps a persistent one to a network error', async () => {
    fake.addFault(faults.connectionReset(CREDITS, { times: 1 }));
    expect((await client().get(credits)).status).toBe(200);
    fake.reset();
    fake.addFault(faults.connectionReset(CREDITS));
    const info = await failure(client().get(credits));
    expect(info.kind).toBe('network');
    expect(fake.requests).toHaveLength(3);
  });

  it('times out a slow answer, retries, and reports timeout with the limit', async () => {
    fake.addFault(faults.slow(CREDITS, 300));
    const started = Date.now();
    const info = await failure(client({ timeoutMs: 100, retries: 1 }).get(credits));
    expect(info).toMatchObject({ kind: 'timeout', timeoutMs: 100 });
    expect(fake.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('stops when the caller aborts during a backoff wait, without another request', async () => {
    fake.addFault(faults.serverError(CREDITS, 500));
    const controller = new AbortController();
    const aborting = {
      ...clock,
      sleep: async (_ms: number, signal?: AbortSignal) => {
        controller.abort(new Error('user cancelled'));
        signal?.throwIfAborted();
      },
    };
    const error = await client({ clock: aborting })
      .get(credits, controller.signal)
      .catch((e: unknown) => e);
    expect(String(error)).toMatch(/user cancelled/);
    expect(errorInfo(error)).toBeUndefined();
    expect(fake.requests).toHaveLength(1);
  });

  it('does not send anything when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(client().get(credits, controller.signal)).rejects.toThrow();
    expect(fake.requests).toHaveLength(0);
  });
});

describe('GitHub client: never leaks a token', () => {
  it('keeps tokens out of recorded requests and of every error', async () => {
    const tokens = [FAKE_PAT, FAKE_PAT_NO_PLAN, FAKE_UNKNOWN, FAKE_OAUTH, FAKE_PAT_EXPIRED];
    fake.addFault({
      path: '/user',
      status: 401,
      body: { message: `Bad credentials: ${FAKE_UNKNOWN} ghp_FAKEother123` },
    });
    const errors: unknown[] = [];
    for (const token of tokens) {
      errors.push(
        await client()
          .get({ ...credits, token })
          .catch((e: unknown) => e),
      );
      errors.push(
        await client()
          .get({ path: '/user', token, flavor: 'rest' })
          .catch((e: unknown) => e),
      );
    }
    const seen =
      JSON.stringify(fake.requests) +
      errors.map((e) => `${String(e)} ${JSON.stringify(e)} ${String((e as Error).cause)}`).join('\n');
    expect(errors.filter((e) => errorInfo(e)).length).toBeGreaterThan(4);
    for (const token of tokens) expect(seen).not.toContain(token);
    expect(seen).not.toContain('ghp_FAKEother123');
    expect(seen).toContain('[token]');
  });
});

describe('parseTokenExpiration', () => {
  it.each([
    ['2026-12-31 00:00:00 UTC', '2026-12-31T00:00:00.000Z'],
    ['2023-04-24 19:36:49 -0700', '2023-04-25T02:36:49.000Z'],
    ['2023-04-24 19:36:49 +05:30', '2023-04-24T14:06:49.000Z'],
    ['2026-12-31T10:00:00Z', '2026-12-31T10:00:00.000Z'],
    ['never', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('reads %j as %s', (input, expected) => {
    expect(parseTokenExpiration(input)).toBe(expected);
  });
});
