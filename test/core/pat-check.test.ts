import { afterEach, describe, expect, it } from 'vitest';
import { checkPat, checkPatFormat } from '../../main/core/pat-check';
import { FetchHttp } from '../../main/core/http';
import {
  FAKE_LOGIN,
  FAKE_OAUTH,
  FAKE_PAT,
  FAKE_PAT_EXPIRED,
  FAKE_PAT_NO_PLAN,
  scenarios,
} from '../fake-github/scenarios';
import * as fx from '../fake-github/fixtures';
import { cred, harness, type Harness } from './strategies/harness';

let h: Harness;
afterEach(async () => h?.close());

const CLASSIC = 'ghp_FAKE00000000000000000000000classic1';

describe('checkPatFormat', () => {
  it('accepts fine-grained tokens, warns about classic ones and explains OAuth tokens', () => {
    expect(checkPatFormat(` ${FAKE_PAT}\n`)).toEqual({ ok: true, warnings: [] });
    expect(checkPatFormat(CLASSIC)).toEqual({ ok: true, warnings: ['classic-token'] });
    const o = checkPatFormat(FAKE_OAUTH);
    expect(!o.ok && o.error).toMatchObject({ kind: 'config', reason: 'badInput' });
    expect(!o.ok && o.problem).toBe('oauth-token');
    expect(!o.ok && 'detail' in o.error && o.error.detail).toMatch(/OAuth token/);
    expect(checkPatFormat('hello')).toMatchObject({ ok: false, problem: 'not-a-pat' });
    expect(checkPatFormat('')).toMatchObject({ ok: false, problem: 'empty' });
    expect(checkPatFormat('github_pat_a b')).toMatchObject({ ok: false, problem: 'whitespace' });
  });
});

describe('checkPat', () => {
  it('returns the exact login, the world, the expiry and a first reading', async () => {
    h = await harness({
      ...scenarios.patCreditsPro,
      tokens: {
        [FAKE_PAT]: {
          login: 'OctoCat',
          kind: 'pat',
          permissions: ['plan'],
          expiresAt: '2027-02-01 00:00:00 UTC',
        },
      },
      billing: { OctoCat: { aiCredits: fx.billingCreditsMultiModel } },
    });
    const r = await checkPat(FAKE_PAT, {
      apiUrl: h.fake.url,
      github: h.github,
      clock: h.clock,
      prefs: { plan: 'pro', login: 'octocat' },
    });
    expect(r).toMatchObject({
      ok: true,
      login: 'OctoCat',
      host: new URL(h.fake.url).host,
      unit: 'credits',
      plan: 'pro',
      planDetected: false,
      tokenExpiresAt: '2027-02-01T00:00:00.000Z',
      warnings: [],
      snapshot: { used: 1087.75, allowance: 1500 },
    });
    expect(JSON.stringify(r)).not.toContain(FAKE_PAT);
  });

  it('detects the plan through an OAuth token found elsewhere', async () => {
    h = await harness(scenarios.all);
    const r = await checkPat(FAKE_PAT, {
      apiUrl: h.fake.url,
      http: new FetchHttp(),
      clock: h.clock,
      credentials: [cred('oauth', FAKE_OAUTH, 'opencode')],
    });
    expect(r).toMatchObject({ ok: true, plan: 'pro', planDetected: true });
  });

  it('warns about a classic token and an empty month', async () => {
    h = await harness({
      tokens: { [CLASSIC]: { login: FAKE_LOGIN, kind: 'pat', permissions: ['plan'] } },
      billing: { [FAKE_LOGIN]: {} },
    });
    const r = await checkPat(CLASSIC, { apiUrl: h.fake.url, github: h.github, clock: h.clock });
    expect(r).toMatchObject({
      ok: true,
      warnings: ['classic-token', 'no-usage-yet'],
      plan: null,
      snapshot: { used: 0, percentUsed: null },
    });
  });

  it('names the missing Plan permission and still returns the login', async () => {
    h = await harness(scenarios.patNoPlanPermission);
    const r = await checkPat(FAKE_PAT_NO_PLAN, { apiUrl: h.fake.url, github: h.github, clock: h.clock });
    expect(r).toEqual({
      ok: false,
      login: FAKE_LOGIN,
      error: expect.objectContaining({ kind: 'auth', reason: 'missingPermission', permission: 'Plan' }),
    });
  });

  it('reports an expired token', async () => {
    h = await harness(scenarios.patExpired);
    const r = await checkPat(FAKE_PAT_EXPIRED, { apiUrl: h.fake.url, github: h.github, clock: h.clock });
    expect(r).toMatchObject({ ok: false, error: { kind: 'auth', reason: 'expired' } });
  });

  it('makes no request for a token of the wrong kind', async () => {
    h = await harness(scenarios.all);
    const r = await checkPat(FAKE_OAUTH, { apiUrl: h.fake.url, github: h.github, clock: h.clock });
    expect(r.ok).toBe(false);
    expect(h.fake.requests).toHaveLength(0);
  });
});
