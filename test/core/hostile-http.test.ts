/**
 * Issue 12, the network half: a hostile server on loopback (the fake GitHub serving `hostile` faults) against
 * the real transport, client, scheduler and engine. Every case here failed on the code before the fix.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../main/core/engine';
import { createGitHubClient, deepFreeze, MAX_SERVER_WAIT_MS } from '../../main/core/github/client';
import { FetchHttp, MAX_BODY_BYTES } from '../../main/core/http';
import type { Env } from '../../main/core/ports';
import { createScheduler } from '../../main/core/scheduler';
import { MAX_TIMER_MS, nodeFiles, systemClock } from '../../main/core/system';
import { errorInfo } from '../../shared/errors';
import { createTranslator, describeError } from '../../shared/i18n';
import { billingEmpty } from '../fake-github/fixtures';
import { faults, hostile } from '../fake-github/faults';
import { FAKE_LOGIN, FAKE_PAT, scenarios } from '../fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub, type Fault } from '../fake-github/server';
import { FakeClock } from './scheduler-fake-clock';
import { testClock } from './strategies/harness';

let fake: FakeGitHub | undefined;
let home: string;
beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-hostile-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(home, { recursive: true, force: true });
});

const USER = { path: '/user', token: FAKE_PAT, flavor: 'rest' as const };

describe('a response body larger than the client reads (item 3)', () => {
  it('refuses a gzip body that inflates to 64 MB after 5 MB, once, as tooLarge, without retrying', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    fake.addFault(hostile.gzipBomb('/user', 64 * 1024 * 1024));
    const github = createGitHubClient({ apiUrl: fake.url, http: new FetchHttp(), clock: systemClock });
    const started = Date.now();
    const e = await github.get(USER).catch((x: unknown) => x);
    expect(errorInfo(e)).toMatchObject({ kind: 'tooLarge', limitBytes: MAX_BODY_BYTES, status: 200 });
    expect(fake.requestsTo('/user')).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(describeError(errorInfo(e)!, createTranslator('en'))).toMatch(/larger than 5 MB/);
  });

  it('refuses a plain body over the cap whether or not it declares its length', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    fake.addFault({ path: '/user', status: 200, body: `"${'x'.repeat(MAX_BODY_BYTES)}"` });
    const http = new FetchHttp();
    const req = { url: `${fake.url}/user`, headers: {}, timeoutMs: 10_000 };
    await expect(http.request(req)).rejects.toMatchObject({ info: { kind: 'tooLarge' } });
    // Under the cap still reads, and a small cap of the caller's own applies as well.
    fake.addFault({ path: '/small', status: 200, body: { ok: true } });
    await expect(http.request({ ...req, url: `${fake.url}/small` })).resolves.toMatchObject({ status: 200 });
    await expect(http.request({ ...req, url: `${fake.url}/small`, maxBodyBytes: 4 })).rejects.toMatchObject({
      info: { kind: 'tooLarge', limitBytes: 4 },
    });
  });
});

describe('JSON nested 100,000 levels deep (item 4)', () => {
  it('is an unrecognised answer, not a network error, and the freeze never recurses', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    fake.addFault(hostile.deepJson('/user', 100_000));
    const github = createGitHubClient({ apiUrl: fake.url, http: new FetchHttp(), clock: systemClock });
    const e = await github.get(USER).catch((x: unknown) => x);
    expect(errorInfo(e)).toMatchObject({ kind: 'responseShape', detail: expect.stringMatching(/nested/) });
    expect(fake.requestsTo('/user')).toHaveLength(1);
    // The freeze itself copes with any depth (the depth check comes first, but it must not be the only guard).
    let deep: unknown[] = [];
    const root = deep;
    for (let i = 0; i < 100_000; i++) deep = (deep[0] = []) as unknown[];
    expect(() => deepFreeze(root)).not.toThrow();
    expect(Object.isFrozen(deep)).toBe(true);
  });
});

describe('absurd waits asked by a server (items 2 and 10)', () => {
  it.each([
    ['Retry-After: 1e23', { retryAfter: '1e23' }],
    ['Retry-After: 10^23 in digits', { retryAfter: '1'.padEnd(24, '0') }],
    ['x-ratelimit-reset: 1e17', { reset: '1e17' }],
    ['Retry-After: a date in 2099', { retryAfter: 'Thu, 01 Jan 2099 00:00:00 GMT' }],
  ])('%s is a rate limit at most 24 h away, not a RangeError', async (_name, headers) => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    fake.addFault(hostile.absurdRateLimit('/user', headers));
    const clock = testClock();
    const github = createGitHubClient({ apiUrl: fake.url, http: new FetchHttp(), clock });
    const e = errorInfo(await github.get(USER).catch((x: unknown) => x));
    expect(e).toMatchObject({ kind: 'rateLimit' });
    const at = Date.parse((e as { retryAt: string }).retryAt);
    expect(at).toBeGreaterThan(clock.now());
    expect(at).toBeLessThanOrEqual(clock.now() + MAX_SERVER_WAIT_MS);
    expect(fake.requestsTo('/user')).toHaveLength(1);
  });

  it('says the date of a retry that is not today, and only the time of one that is', () => {
    const tr = createTranslator('en');
    const now = Date.parse('2026-11-29T10:00:00Z');
    const later = describeError({ kind: 'rateLimit', retryAt: '2026-11-30T09:00:00Z' }, tr, () => now);
    const today = describeError({ kind: 'rateLimit', retryAt: '2026-11-29T11:00:00Z' }, tr, () => now);
    expect(later).toContain(new Date('2026-11-30T09:00:00Z').toLocaleDateString('en-US'));
    expect(today).not.toContain(new Date('2026-11-29T11:00:00Z').toLocaleDateString('en-US'));
  });

  it('a timer past setTimeout’s 24.8-day limit waits instead of firing at once', async () => {
    let fired = 0;
    const cancelTimer = systemClock.setTimer(MAX_TIMER_MS + 60_000, () => fired++);
    const ctl = new AbortController();
    const slept = systemClock.sleep(MAX_TIMER_MS * 3, ctl.signal).then(
      () => 'woke',
      () => 'aborted',
    );
    await new Promise((r) => setTimeout(r, 150));
    expect(fired).toBe(0);
    ctl.abort();
    expect(await slept).toBe('aborted');
    cancelTimer();
  });

  it('the scheduler holds a 2099 rate limit for at most a day, then asks again', async () => {
    const clock = new FakeClock(Date.parse('2026-11-29T10:00:00Z'));
    let refreshes = 0;
    const scheduler = createScheduler({
      clock,
      random: () => 0,
      intervalMs: () => 5 * 60_000,
      hasCredential: () => true,
      onResult: () => {},
      refresh: async () => {
        refreshes++;
        return { ok: false, error: { kind: 'rateLimit', retryAt: '2099-01-01T00:00:00Z' }, attempts: [] };
      },
    });
    await scheduler.start();
    const next = scheduler.state().nextAt!;
    expect(next - clock.now()).toBeLessThanOrEqual(24 * 3_600_000);
    expect(next - clock.now()).toBeGreaterThan(23 * 3_600_000);
    expect(refreshes).toBe(1);
    scheduler.stop();
  });
});

describe('an unrecognised usage answer beside a 404 (item 11)', () => {
  const run = async (aiCredits: unknown, fault?: Fault) => {
    fake = await startFakeGitHub({
      ...scenarios.patCreditsPro,
      billing: { [FAKE_LOGIN]: { aiCredits, premium: { status: 404, body: { message: 'Not Found' } } } },
    });
    if (fault) fake.addFault(fault);
    const env: Env = { vars: { COPILOT_METER_TOKEN: FAKE_PAT }, platform: 'linux', homedir: home };
    const engine = createEngine({ http: new FetchHttp(), clock: systemClock, env, files: nodeFiles });
    return engine.refresh({ apiUrl: fake.url, prefs: { plan: 'pro' } });
  };

  it.each([
    ['missing', { timePeriod: { year: 2026, month: 11 } }],
    ['an object', { usageItems: { product: 'Copilot' } }],
  ])('usageItems %s is "unrecognised" (exit 7), not "endpoint not offered"', async (_name, body) => {
    const r = await run(body);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ kind: 'responseShape', missing: ['usageItems'] });
  });

  it('a timePeriod that is not a real month is not shown as the period', async () => {
    // A fault, not billing state: the fake GitHub would write the asked month into a served timePeriod.
    const bad = { ...billingEmpty, timePeriod: { year: '100000000000000000000', month: 1.5 } };
    const r = await run(
      billingEmpty,
      faults.wrongShape(`/users/${FAKE_LOGIN}/settings/billing/ai_credit/usage`, bad),
    );
    expect(r.ok).toBe(true);
    expect(r.ok && r.snapshot.period).toMatch(/^20\d\d-\d\d$/);
  });
});

describe('one run has a deadline (item 6)', () => {
  it('stops the chain when the deadline passes, with the attempts it made, instead of trying for minutes', async () => {
    fake = await startFakeGitHub(scenarios.patCreditsPro);
    fake.addFault(faults.slow('*', 60_000));
    const env: Env = { vars: { COPILOT_METER_TOKEN: FAKE_PAT }, platform: 'linux', homedir: home };
    const engine = createEngine({
      http: new FetchHttp(),
      clock: systemClock,
      env,
      files: nodeFiles,
      createClient: (apiUrl) =>
        createGitHubClient({ apiUrl, http: new FetchHttp(), clock: systemClock, timeoutMs: 60_000 }),
    });
    const started = Date.now();
    const r = await engine.refresh({ apiUrl: fake.url, prefs: {}, deadlineMs: 1_000 });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({ kind: 'timeout', timeoutMs: 1_000 });
    expect(r.attempts.length).toBeGreaterThan(0);
  });
});
