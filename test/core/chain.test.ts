import { afterEach, describe, expect, it } from 'vitest';
import { pickError, runChain } from '../../main/core/chain';
import { createStrategies } from '../../main/core/strategies';
import type { UsageStrategy } from '../../main/core/strategies/types';
import { faults } from '../fake-github/faults';
import { FAKE_LOGIN, FAKE_OAUTH, FAKE_PAT, FAKE_PAT_NO_PLAN, scenarios } from '../fake-github/scenarios';
import { cred, harness, type Harness } from './strategies/harness';

let h: Harness;
afterEach(async () => h?.close());

const oauth = cred('oauth', FAKE_OAUTH, 'opencode');

async function run(credentials: Parameters<typeof runChain>[1], prefs = {}) {
  const { credentials: _c, ...ctx } = h.ctx([], prefs);
  return runChain(createStrategies(), credentials, ctx);
}

describe('runChain against the fake GitHub', () => {
  it('falls back to OAuth when the PAT lacks Plan: read, and records why', async () => {
    h = await harness(scenarios.all);
    const r = await run([cred('pat', FAKE_PAT_NO_PLAN, 'keychain'), oauth]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.snapshot.source).toEqual({ strategy: 'oauth-direct', credential: 'opencode' });
    expect(r.snapshot.attempts).toEqual(r.attempts);
    const failedPat = r.attempts.filter((a) => a.strategy === 'pat-billing' && a.outcome === 'failed');
    expect(failedPat.length).toBeGreaterThan(0);
    expect(failedPat[0]).toMatchObject({
      status: 403,
      credential: 'keychain',
      error: { reason: 'missingPermission' },
    });
  });

  it('uses the exchange when the raw OAuth token is refused', async () => {
    h = await harness(scenarios.opencodeOAuthExchangeOnly);
    const r = await run([oauth]);
    expect(r.ok && r.snapshot.source.strategy).toBe('oauth-exchange');
    expect(r.attempts.map((a) => [a.strategy, a.outcome])).toEqual([
      ['oauth-direct', 'failed'],
      ['oauth-exchange', 'ok'],
      ['oauth-exchange', 'ok'],
    ]);
  });

  it('skips an expired cached session and goes on to the OAuth token', async () => {
    h = await harness(scenarios.opencodeOAuth);
    const session = cred('session', 'tid=old;exp=1;8kp=1:FAKEold', 'opencode', {
      expiresAt: h.clock.now() - 1000,
    });
    const r = await run([oauth, session]);
    expect(r.ok && r.snapshot.source.strategy).toBe('oauth-direct');
    expect(r.attempts[0]).toMatchObject({ strategy: 'oauth-cached-session', outcome: 'skipped' });
  });

  it('stops at a rate limit without trying the other endpoints', async () => {
    h = await harness(scenarios.all);
    h.fake.addFault(faults.rateLimited403('/user', Math.floor(h.clock.now() / 1000) + 3600));
    const r = await run([cred('pat', FAKE_PAT, 'keychain'), oauth]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ kind: 'rateLimit', retryAt: '2026-11-14T11:00:00.000Z' });
    expect(h.fake.requestsTo(/copilot_internal/)).toHaveLength(0);
    expect(r.attempts).toHaveLength(1);
  });

  it('stops at a server error', async () => {
    h = await harness(scenarios.opencodeOAuth);
    h.fake.addFault({ path: '/copilot_internal/user', status: 502, body: { message: 'Bad gateway' } });
    const r = await run([oauth]);
    expect(!r.ok && r.error).toMatchObject({ kind: 'server', status: 502 });
    expect(h.fake.requestsTo('/copilot_internal/v2/token')).toHaveLength(0);
  });

  it('prefers the PAT’s error over later OAuth failures when everything fails', async () => {
    h = await harness({
      ...scenarios.orgBilledSeat,
      refuseRawOAuth: 404,
      exchange: { [FAKE_OAUTH]: { status: 404, body: { message: 'Not Found' } } },
    });
    const r = await run([cred('pat', FAKE_PAT, 'keychain'), oauth]);
    expect(!r.ok && r.error).toMatchObject({
      kind: 'notFound',
      reason: 'seatBilledToOrg',
      login: FAKE_LOGIN,
    });
    expect(r.attempts.map((a) => a.strategy)).toContain('oauth-exchange');
  });

  it('says no credential was found when there is none', async () => {
    h = await harness({});
    expect(await run([])).toEqual({
      ok: false,
      error: expect.objectContaining({ kind: 'config', reason: 'noCredential' }),
      attempts: [],
    });
  });
});

describe('runChain policy', () => {
  const fake = (id: UsageStrategy['id'], run: UsageStrategy['run']): UsageStrategy => ({
    id,
    select: (c) => [...c],
    run,
  });
  const ctx = {
    github: { baseUrl: 'x', webHost: 'x', get: () => Promise.reject(new Error('unused')) },
    clock: { now: () => 0, sleep: async () => {}, setTimer: () => () => {} },
    prefs: {},
  };

  it('survives a strategy that throws and goes on', async () => {
    const calls: string[] = [];
    const r = await runChain(
      [
        fake('pat-billing', async () => {
          calls.push('pat');
          throw Object.assign(new Error('boom'), { info: { kind: 'auth', reason: 'invalid' } });
        }),
        fake('oauth-direct', async () => {
          calls.push('oauth');
          return { ok: false, error: { kind: 'notFound', reason: 'endpoint' }, attempts: [] };
        }),
      ],
      [cred('pat', 'x', 'env')],
      ctx,
    );
    expect(calls).toEqual(['pat', 'oauth']);
    expect(!r.ok && r.error.kind).toBe('auth');
  });

  it('stops at a configuration error', async () => {
    let second = false;
    const r = await runChain(
      [
        fake('pat-billing', async () => ({
          ok: false,
          error: { kind: 'config', reason: 'insecureUrl' },
          attempts: [],
        })),
        fake('oauth-direct', async () => {
          second = true;
          return { ok: false, error: { kind: 'network' }, attempts: [] };
        }),
      ],
      [cred('pat', 'x', 'env')],
      ctx,
    );
    expect(!r.ok && r.error).toMatchObject({ kind: 'config', reason: 'insecureUrl' });
    expect(second).toBe(false);
  });

  it('picks the first failure that reached GitHub over a skip', () => {
    expect(
      pickError([
        { strategy: 'oauth-cached-session', error: { kind: 'auth', reason: 'expired' }, asked: false },
        { strategy: 'oauth-direct', error: { kind: 'notFound', reason: 'endpoint' }, asked: true },
      ]),
    ).toEqual({ kind: 'notFound', reason: 'endpoint' });
  });
});
