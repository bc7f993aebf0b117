/**
 * A 30-day month on a fake clock: the scheduler and the alert policy wired as the app wires them, against a
 * scripted GitHub with an outage (and the network coming back), a sleep/resume, a rate limit, an expired token,
 * a screen unlocked every two minutes for an hour, and a period reset. The
 * expected request times are derived by hand from the documented policy (see each segment), not from a run.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_MEMORY, evaluateAlerts, type AlertMemory, type Notice } from '../../main/core/alerts';
import { createScheduler } from '../../main/core/scheduler';
import type { RefreshResult } from '../../shared/domain';
import { createTranslator } from '../../shared/i18n';
import { FakeClock } from './scheduler-fake-clock';
import { fail, ok, snapshotAt } from './scheduler-fixtures';

const MIN = 60_000;
const S = Date.UTC(2026, 5, 16); // 16 June 2026, 00:00 UTC
const at = (minutes: number) => S + minutes * MIN;
const JULY = (Date.UTC(2026, 6, 1) - S) / MIN; // 21600

/** Share used: 60 % → 110 % across the rest of June, then from 0 % to 40 % over the first half of July. */
function percentAt(m: number): number {
  return m < JULY ? 60 + (m / JULY) * 50 : ((m - JULY) / (15 * 1440)) * 40;
}

const OUTAGE = [2040, 2080]; // network down for 40 minutes on day 2
const SLEEP_AT = 5000;
const SLEEP_FOR = 480; // 8 h lid closed
const RATE_LIMITED_AT = 6980;
const RETRY_AT = 7027;
const AUTH_FAILS_AT = 9027;
const NEW_TOKEN_AT = 9147;
const END = 30 * 1440;
/** Unlocked every 2 minutes (odd minutes) for an hour: must not add a single request. */
const UNLOCKS = { from: 14003, to: 14063 };

function github(m: number): RefreshResult {
  if (m >= OUTAGE[0]! && m < OUTAGE[1]!) return fail({ kind: 'network', detail: 'ENETUNREACH' });
  if (m === RATE_LIMITED_AT)
    return fail({ kind: 'rateLimit', retryAt: new Date(at(RETRY_AT)).toISOString() });
  if (m === AUTH_FAILS_AT) return fail({ kind: 'auth', reason: 'expired', status: 401 });
  return ok(snapshotAt(at(m), percentAt(m)));
}

const every5 = (from: number, toExclusive: number) => {
  const out: number[] = [];
  for (let m = from; m < toExclusive; m += 5) out.push(m);
  return out;
};

describe('a simulated month', () => {
  it('makes exactly the expected requests and says each thing once', async () => {
    const clock = new FakeClock(S);
    const requests: number[] = [];
    const notices: Array<{ m: number } & Notice> = [];
    let memory: AlertMemory = EMPTY_MEMORY;
    const tr = createTranslator('en');
    const settings = {
      thresholds: [75, 90, 100],
      notifications: { thresholds: true, accessBroken: true, periodReset: true, forecast: true },
    };
    const scheduler = createScheduler({
      clock,
      random: () => 0.5,
      refresh: async () => {
        const m = (clock.now() - S) / MIN;
        requests.push(m);
        return github(m);
      },
      intervalMs: () => 5 * MIN,
      hasCredential: () => true,
      onResult: (result) => {
        const out = evaluateAlerts(memory, result, settings, tr, { timeZone: 'UTC' });
        memory = out.memory;
        for (const n of out.notifications) notices.push({ m: (clock.now() - S) / MIN, ...n });
      },
    });
    const settle = () => scheduler.whenIdle();
    await scheduler.start();
    // The network comes back as the outage ends: the backoff (next try at 2099) gives way at once.
    await clock.runUntil(at(OUTAGE[1]!), settle);
    await scheduler.networkRestored();
    await clock.runUntil(at(SLEEP_AT), settle);
    clock.suspend(SLEEP_FOR * MIN);
    await scheduler.wake();
    // An 'online' event and an impatient user during the rate limit must not reach GitHub.
    await clock.runUntil(at(7000), settle);
    await scheduler.networkRestored();
    await clock.runUntil(at(7010), settle);
    await scheduler.refreshNow();
    // Blocked by the expired token: waking does nothing until a new token is saved.
    await clock.runUntil(at(9100), settle);
    await scheduler.wake();
    await clock.runUntil(at(NEW_TOKEN_AT), settle);
    await scheduler.credentialsChanged();
    for (let m = UNLOCKS.from; m < UNLOCKS.to; m += 2) {
      await clock.runUntil(at(m), settle);
      await scheduler.wake();
    }
    await clock.runUntil(at(END), settle);

    const expected = [
      ...every5(0, OUTAGE[0]!), // regular until the outage: 408
      2040,
      2045,
      2054,
      2072, // backoff 5, 9, 18 min (jitter 0.9, floor = interval); the next try would be at 2099
      // The network is back at 2080 (8 min after the last try, over the 1-min floor): refresh now, regular
      // again: 584 (last at 4995; the timer due at 5000 sleeps with the machine).
      ...every5(OUTAGE[1]!, SLEEP_AT),
      // Wake at 5480: 485 min since the last try, due. Then regular: 301. The rate limit holds 6980 → 7027.
      ...every5(SLEEP_AT + SLEEP_FOR, RATE_LIMITED_AT + 1),
      ...every5(RETRY_AT, AUTH_FAILS_AT + 1), // nothing before retryAt (not even when online), regular: 401
      // After the new token: 6811. The unlocks at 14003…14061 fall 0 to 4 min after a try: not due, nothing
      // added (those at 14007, 14017, … meet the due time exactly and take the timer's place).
      ...every5(NEW_TOKEN_AT, END),
    ];
    expect(requests.length).toBe(8509);
    expect(requests).toEqual(expected);
    for (let i = 1; i < requests.length; i++)
      expect(requests[i]! - requests[i - 1]!).toBeGreaterThanOrEqual(5);

    expect(notices.map((n) => [n.m, n.kind, n.threshold ?? null])).toEqual([
      [6480, 'threshold', 75],
      [AUTH_FAILS_AT, 'accessBroken', null],
      [12962, 'threshold', 90],
      [17282, 'threshold', 100],
      [21602, 'periodReset', null],
    ]);
    expect(notices[1]!.action).toBe('openSetup');
    expect(memory).toEqual({
      period: '2026-07',
      thresholds: [],
      accessBroken: false,
      tokenExpiry: null,
      forecast: false,
    });
    scheduler.stop();
  });
});
