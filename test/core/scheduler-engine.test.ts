/**
 * Scheduler + real engine + real HTTP against the fake GitHub on loopback: the policy holds with real answers
 * (a 403 primary rate limit with x-ratelimit-reset, an expired token), not only with scripted results.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createEngine } from '../../main/core/engine';
import { FetchHttp } from '../../main/core/http';
import { createScheduler } from '../../main/core/scheduler';
import { nodeFiles, systemClock } from '../../main/core/system';
import type { RefreshResult } from '../../shared/domain';
import { faults } from '../fake-github/faults';
import { FAKE_LOGIN, FAKE_PAT, scenarios } from '../fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import { FakeClock } from './scheduler-fake-clock';

const MIN = 60_000;
let fake: FakeGitHub | null = null;
let home: string | null = null;
afterEach(async () => {
  await fake?.close();
  if (home) rmSync(home, { recursive: true, force: true });
});

describe('scheduler with the engine and the fake GitHub', () => {
  it('waits out a real rate limit, stops on an expired token, and resumes with a new one', async () => {
    fake = await startFakeGitHub(scenarios.patPremiumPro);
    home = mkdtempSync(join(tmpdir(), 'cm-sched-'));
    const engine = createEngine({
      http: new FetchHttp(),
      clock: systemClock,
      env: { vars: { COPILOT_METER_TOKEN: FAKE_PAT }, platform: 'linux', homedir: home },
      files: nodeFiles,
      secrets: null,
      random: () => 0.5,
    });
    const start = Math.floor(Date.now() / 1000) * 1000;
    const clock = new FakeClock(start);
    const results: RefreshResult[] = [];
    const apiUrl = fake.url;
    const scheduler = createScheduler({
      clock,
      random: () => 0.5,
      refresh: (signal) => engine.refresh({ apiUrl, prefs: { login: FAKE_LOGIN, plan: 'pro' } }, signal),
      intervalMs: () => 5 * MIN,
      hasCredential: () => true,
      onResult: (r) => results.push(r),
    });
    const settle = () => scheduler.whenIdle();
    const billingCalls = () => fake!.requestsTo(/settings\/billing/).length;

    await scheduler.start();
    expect(results[0]).toMatchObject({ ok: true, snapshot: { used: 90, allowance: 300, percentUsed: 30 } });

    const resetAt = start + 47 * MIN;
    fake.addFault(faults.rateLimited403(/settings\/billing/, resetAt / 1000));
    await clock.runUntil(start + 6 * MIN, settle);
    expect(results[1]).toMatchObject({ ok: false, error: { kind: 'rateLimit' } });
    expect(scheduler.state().nextAt).toBe(resetAt);
    const during = billingCalls();
    await scheduler.refreshNow();
    await clock.runUntil(resetAt - 1, settle);
    expect(billingCalls()).toBe(during);

    fake.reset();
    await clock.runUntil(resetAt + 1, settle);
    expect(results[2]).toMatchObject({ ok: true });

    fake.set({ tokens: { [FAKE_PAT]: { ...scenarios.patPremiumPro.tokens[FAKE_PAT]!, expired: true } } });
    await clock.runUntil(resetAt + 6 * MIN, settle);
    expect(results[3]).toMatchObject({ ok: false, error: { kind: 'auth' } });
    const blockedAt = fake.requests.length;
    await clock.runUntil(resetAt + 120 * MIN, settle);
    await scheduler.wake();
    expect(fake.requests.length).toBe(blockedAt);
    expect(results).toHaveLength(4);

    fake.reset();
    await scheduler.credentialsChanged();
    expect(results[4]).toMatchObject({ ok: true, snapshot: { percentUsed: 30 } });
    scheduler.stop();
  });
});
