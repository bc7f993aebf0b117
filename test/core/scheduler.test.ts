import { describe, expect, it } from 'vitest';
import type { RefreshResult } from '../../shared/domain';
import {
  backoffDelay,
  createScheduler,
  type SchedulerDeps,
  type SchedulerState,
} from '../../main/core/scheduler';
import { FakeClock } from './scheduler-fake-clock';
import { fail, ok, snapshotAt } from './scheduler-fixtures';

const MIN = 60_000;
const T0 = Date.UTC(2026, 5, 10, 8, 0);

function setup(opts: {
  results?: (n: number, now: number) => RefreshResult;
  interval?: number;
  hasCredential?: () => boolean;
  random?: () => number;
}) {
  const clock = new FakeClock(T0);
  const calls: number[] = [];
  const results: Array<{ result: RefreshResult; state: SchedulerState }> = [];
  const deps: SchedulerDeps = {
    clock,
    random: opts.random ?? (() => 0.5),
    refresh: async () => {
      calls.push(clock.now());
      return (opts.results ?? ((_n, now) => ok(snapshotAt(now, 10))))(calls.length, clock.now());
    },
    intervalMs: () => opts.interval ?? 5 * MIN,
    hasCredential: opts.hasCredential ?? (() => true),
    onResult: (result, state) => results.push({ result, state }),
  };
  const scheduler = createScheduler(deps);
  const runFor = (ms: number) => clock.runUntil(clock.now() + ms, () => scheduler.whenIdle());
  const minutesOf = () => calls.map((t) => (t - T0) / MIN);
  return { clock, calls, results, scheduler, runFor, minutesOf };
}

describe('scheduler timing', () => {
  it('refreshes at start and then once every interval', async () => {
    const s = setup({});
    await s.scheduler.start();
    await s.runFor(60 * MIN);
    expect(s.minutesOf()).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55]);
    expect(s.results.every((r) => r.result.ok)).toBe(true);
  });

  it('never polls faster than once a minute, whatever the setting says', async () => {
    const s = setup({ interval: 5_000 });
    await s.scheduler.start();
    await s.runFor(5 * MIN);
    expect(s.minutesOf()).toEqual([0, 1, 2, 3, 4]);
  });

  it('falls back to five minutes when the interval is not a number', async () => {
    const s = setup({ interval: Number.NaN });
    await s.scheduler.start();
    await s.runFor(11 * MIN);
    expect(s.minutesOf()).toEqual([0, 5, 10]);
  });

  it('re-plans the next refresh when the interval changes', async () => {
    let interval = 30 * MIN;
    const s = setup({});
    const scheduler = createScheduler({
      clock: s.clock,
      random: () => 0.5,
      refresh: async () => {
        s.calls.push(s.clock.now());
        return ok(snapshotAt(s.clock.now(), 5));
      },
      intervalMs: () => interval,
      hasCredential: () => true,
      onResult: () => undefined,
    });
    await scheduler.start();
    await s.clock.runUntil(T0 + 3 * MIN, () => scheduler.whenIdle());
    interval = 2 * MIN;
    scheduler.intervalChanged();
    await s.clock.runUntil(T0 + 7 * MIN, () => scheduler.whenIdle());
    expect(s.minutesOf()).toEqual([0, 3, 5]);
  });
});

describe('scheduler single flight', () => {
  it('joins a running refresh instead of starting a second one', async () => {
    const clock = new FakeClock(T0);
    let release: (r: RefreshResult) => void = () => undefined;
    let calls = 0;
    const scheduler = createScheduler({
      clock,
      random: () => 0,
      refresh: () => {
        calls++;
        return new Promise<RefreshResult>((r) => (release = r));
      },
      intervalMs: () => 5 * MIN,
      hasCredential: async () => true,
      onResult: () => undefined,
    });
    const a = scheduler.start();
    await Promise.resolve();
    await Promise.resolve();
    const b = scheduler.refreshNow();
    const c = scheduler.refreshNow();
    expect(scheduler.state().phase).toBe('refreshing');
    release(ok(snapshotAt(T0, 20)));
    const [sa, sb, sc] = await Promise.all([a, b, c]);
    expect(calls).toBe(1);
    expect(sa.snapshot?.percentUsed).toBe(20);
    expect(sb).toEqual(sa);
    expect(sc).toEqual(sa);
  });
});

describe('scheduler backoff', () => {
  it('backs off exponentially on network errors, capped at 30 minutes, then returns to the interval', async () => {
    const s = setup({
      results: (n, now) =>
        n <= 6 ? fail({ kind: 'network', detail: 'ECONNRESET' }) : ok(snapshotAt(now, 1)),
    });
    await s.scheduler.start();
    await s.runFor(3 * 60 * MIN);
    // random 0.5 → jitter factor 0.9: 5 (floor: the interval), 9, 18, 27 (cap 30 × 0.9), 27, then success.
    const m = s.minutesOf();
    expect(m.slice(0, 8)).toEqual([0, 5, 14, 32, 59, 86, 113, 118]);
    expect(s.results[5]!.state.failures).toBe(6);
    expect(s.results[6]!.state.failures).toBe(0);
  });

  it('jitters the backoff between 80 % and 100 % of the step but never below the interval', () => {
    const I = 5 * MIN;
    expect(backoffDelay(1, I, () => 0.99)).toBe(I);
    expect(backoffDelay(3, I, () => 0)).toBe(20 * MIN);
    expect(backoffDelay(3, I, () => 0.999)).toBeGreaterThanOrEqual(16 * MIN);
    expect(backoffDelay(3, I, () => 0.999)).toBeLessThan(backoffDelay(3, I, () => 0));
    expect(backoffDelay(20, I, () => 0)).toBe(30 * MIN);
    // A long interval is never shortened by the cap.
    expect(backoffDelay(4, 60 * MIN, () => 0.5)).toBe(60 * MIN);
  });

  it('waits for the rate limit retryAt, even when asked to refresh now or woken', async () => {
    const retryAt = new Date(T0 + 47 * MIN).toISOString();
    const s = setup({
      results: (n, now) =>
        n === 2 ? fail({ kind: 'rateLimit', retryAt, status: 403 }) : ok(snapshotAt(now, 3)),
    });
    await s.scheduler.start();
    await s.runFor(6 * MIN);
    expect(s.scheduler.state().nextAt).toBe(T0 + 47 * MIN);
    await s.runFor(10 * MIN);
    await s.scheduler.refreshNow();
    await s.scheduler.wake();
    await s.scheduler.networkRestored();
    await s.clock.runUntil(T0 + 50 * MIN, () => s.scheduler.whenIdle());
    expect(s.minutesOf()).toEqual([0, 5, 47]);
  });

  it('keeps the last good snapshot through failures and reports its age', async () => {
    const s = setup({
      results: (n, now) => (n === 1 ? ok(snapshotAt(now, 42)) : fail({ kind: 'server', status: 502 })),
    });
    await s.scheduler.start();
    await s.runFor(20 * MIN);
    const st = s.scheduler.state();
    expect(st.snapshot?.percentUsed).toBe(42);
    expect(st.lastError).toEqual({ kind: 'server', status: 502 });
    expect(s.scheduler.staleAgeMs()).toBe(20 * MIN);
  });
});

describe('scheduler and broken access', () => {
  it('stops polling after an auth error until the credentials change', async () => {
    const s = setup({
      results: (n, now) =>
        n === 1 ? fail({ kind: 'auth', reason: 'expired', status: 401 }) : ok(snapshotAt(now, 9)),
    });
    await s.scheduler.start();
    await s.runFor(24 * 60 * MIN);
    await s.scheduler.wake();
    expect(s.calls).toHaveLength(1);
    expect(s.scheduler.state().phase).toBe('blocked');
    await s.scheduler.credentialsChanged();
    expect(s.calls).toHaveLength(2);
    expect(s.scheduler.state().phase).toBe('scheduled');
  });

  it('pauses while there is no credential and resumes when one is saved', async () => {
    let has = false;
    const s = setup({ hasCredential: () => has });
    await s.scheduler.start();
    await s.runFor(60 * MIN);
    expect(s.calls).toHaveLength(0);
    expect(s.scheduler.state().phase).toBe('noCredential');
    has = true;
    await s.scheduler.credentialsChanged();
    expect(s.calls).toHaveLength(1);
  });

  it('drops the answer of a refresh started with the old credentials', async () => {
    const clock = new FakeClock(T0);
    const releases: Array<(r: RefreshResult) => void> = [];
    const seen: RefreshResult[] = [];
    const scheduler = createScheduler({
      clock,
      random: () => 0,
      refresh: () => new Promise<RefreshResult>((r) => releases.push(r)),
      intervalMs: () => 5 * MIN,
      hasCredential: () => true,
      onResult: (r) => seen.push(r),
    });
    void scheduler.start();
    await new Promise((r) => setImmediate(r));
    const second = scheduler.credentialsChanged();
    await new Promise((r) => setImmediate(r));
    expect(releases).toHaveLength(2);
    releases[0]!(fail({ kind: 'auth', reason: 'revoked', status: 401 }));
    releases[1]!(ok(snapshotAt(T0, 33)));
    await second;
    await scheduler.whenIdle();
    expect(seen).toHaveLength(1);
    expect(seen[0]!.ok).toBe(true);
    expect(scheduler.state().phase).toBe('scheduled');
  });
});

describe('scheduler wake and stop', () => {
  it('refreshes on wake only when a full interval has passed since the last try', async () => {
    const s = setup({});
    await s.scheduler.start();
    await s.runFor(2 * MIN);
    await s.scheduler.wake();
    expect(s.calls).toHaveLength(1);
    s.clock.suspend(3 * 60 * MIN);
    await s.scheduler.wake();
    expect(s.minutesOf()).toEqual([0, 182]);
    // The timer pushed back by the suspend is replaced by one an interval after the wake refresh.
    expect(s.clock.pending()).toEqual([T0 + 187 * MIN]);
  });

  it('never polls faster than the interval when the screen is unlocked every two minutes', async () => {
    const s = setup({});
    await s.scheduler.start();
    for (let m = 2; m <= 20; m += 2) {
      await s.clock.runUntil(T0 + m * MIN, () => s.scheduler.whenIdle());
      await s.scheduler.wake();
    }
    await s.scheduler.whenIdle();
    // Before the fix every unlock over a minute after a try refreshed: 0, 2, 4, 6, …
    expect(s.minutesOf()).toEqual([0, 5, 10, 15, 20]);
  });

  it('ends a network backoff when the network comes back', async () => {
    const s = setup({
      results: (n, now) => (n <= 3 ? fail({ kind: 'network', detail: 'ENETDOWN' }) : ok(snapshotAt(now, 7))),
    });
    await s.scheduler.start();
    await s.runFor(21 * MIN);
    // Failures at 0, 5, 14; the backoff says 32.
    expect(s.scheduler.state().nextAt).toBe(T0 + 32 * MIN);
    await s.scheduler.networkRestored();
    expect(s.minutesOf()).toEqual([0, 5, 14, 21]);
    expect(s.scheduler.state().phase).toBe('scheduled');
    await s.runFor(10 * MIN + 1);
    expect(s.minutesOf()).toEqual([0, 5, 14, 21, 26, 31]);
  });

  it('keeps a one-minute floor when the network flaps right after a failed try', async () => {
    const s = setup({
      results: (n, now) => (n === 1 ? fail({ kind: 'timeout', timeoutMs: 10_000 }) : ok(snapshotAt(now, 7))),
    });
    await s.scheduler.start();
    await s.runFor(20_000);
    await s.scheduler.networkRestored();
    await s.scheduler.networkRestored();
    expect(s.calls).toHaveLength(1);
    expect(s.scheduler.state().nextAt).toBe(T0 + MIN);
    await s.runFor(MIN);
    expect(s.minutesOf()).toEqual([0, 1]);
  });

  it('treats the network coming back like a wake when the last try did not fail on the network', async () => {
    const s = setup({});
    await s.scheduler.start();
    await s.runFor(2 * MIN);
    await s.scheduler.networkRestored();
    expect(s.calls).toHaveLength(1);
    const server = setup({
      results: (n, now) => (n === 1 ? fail({ kind: 'server', status: 503 }) : ok(snapshotAt(now, 7))),
    });
    await server.scheduler.start();
    await server.runFor(2 * MIN);
    await server.scheduler.networkRestored();
    expect(server.calls).toHaveLength(1);
  });

  it('retries at once when the screen is unlocked after a locked keychain', async () => {
    const s = setup({
      results: (n, now) => (n === 1 ? fail({ kind: 'keychain', reason: 'locked' }) : ok(snapshotAt(now, 7))),
    });
    await s.scheduler.start();
    await s.runFor(3 * MIN);
    await s.scheduler.wake();
    expect(s.minutesOf()).toEqual([0, 3]);
    expect(s.scheduler.state().lastError).toBeNull();
  });

  it('stops: no timers left and a refresh that was running reports nothing', async () => {
    const clock = new FakeClock(T0);
    let release: (r: RefreshResult) => void = () => undefined;
    let signal: AbortSignal | undefined;
    const seen: RefreshResult[] = [];
    const scheduler = createScheduler({
      clock,
      random: () => 0,
      refresh: (sig) => {
        signal = sig;
        return new Promise<RefreshResult>((r) => (release = r));
      },
      intervalMs: () => 5 * MIN,
      hasCredential: () => true,
      onResult: (r) => seen.push(r),
    });
    const p = scheduler.start();
    await new Promise((r) => setImmediate(r));
    scheduler.stop();
    expect(signal?.aborted).toBe(true);
    release(ok(snapshotAt(T0, 1)));
    await p;
    expect(seen).toHaveLength(0);
    expect(clock.pending()).toEqual([]);
    expect(scheduler.state().phase).toBe('stopped');
    await scheduler.refreshNow();
    await scheduler.wake();
    await scheduler.networkRestored();
    expect(clock.pending()).toEqual([]);
  });
});
