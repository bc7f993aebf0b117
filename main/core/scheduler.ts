/**
 * When to ask GitHub. Policy (documented here, tested in test/core/scheduler*.test.ts):
 *  - every `intervalMs()` (default 5 min), never faster than 1 min; one refresh at a time (a second request
 *    while one runs joins it);
 *  - transient failures (network, timeout, 5xx, unrecognised answer, locked keychain) back off exponentially
 *    from one interval, capped at 30 min, with downward jitter so clients spread out but never poll faster than
 *    the interval; a rate limit waits at least until GitHub's retryAt, and even "Refresh now" respects it;
 *  - auth / not-found errors stop polling until `credentialsChanged()` (retrying cannot fix them, and a broken
 *    token hammering the API gets the user rate-limited); "Refresh now" still tries once when asked;
 *  - no credential: paused; `wake()` / `credentialsChanged()` look again;
 *  - `wake()` (resume, unlock) refreshes at once only when the next refresh is due: a full interval since the
 *    last try and no backoff or rate limit to wait out. Otherwise it only re-arms the timer (a suspend may have
 *    skewed it), so waking often (unlocking every 2 minutes) never polls faster than the interval. One
 *    exception: after a keychain failure, which sent nothing to GitHub, waking (the unlock that opens the
 *    keychain) clears the backoff;
 *  - `networkRestored()` (offline → online): after a network or timeout failure the backoff was only guessing
 *    when the network returns, so it is cleared and the refresh runs now, but never sooner than
 *    MIN_INTERVAL_MS after the last try (a flapping connection cannot make it spin); after a rate limit, an
 *    error of another kind or a success it is the same as `wake()`.
 * The last good snapshot is kept across failures; `staleAgeMs()` says how old it is.
 */
import type { RefreshResult, UsageSnapshot } from '../../shared/domain';
import { errorInfo, type ErrorInfo } from '../../shared/errors';
import type { Clock, Random } from './ports';

export const DEFAULT_INTERVAL_MS = 5 * 60_000;
export const MIN_INTERVAL_MS = 60_000;
export const MAX_BACKOFF_MS = 30 * 60_000;
/** The longest a rate limit holds refreshes back, whatever retryAt says (the client caps it the same way). */
export const MAX_RATE_LIMIT_WAIT_MS = 24 * 60 * 60_000;

export type SchedulerPhase =
  | 'idle' // not started
  | 'refreshing'
  | 'scheduled' // waiting for the next regular refresh
  | 'backoff' // waiting after a transient failure or a rate limit
  | 'blocked' // access broken: waiting for credentialsChanged()
  | 'noCredential' // nothing to ask with
  | 'stopped';

export interface SchedulerState {
  phase: SchedulerPhase;
  /** Last good reading (kept across failures). */
  snapshot: UsageSnapshot | null;
  /** What stopped the last refresh; null after a success. */
  lastError: ErrorInfo | null;
  /** Epoch ms when the last refresh finished. */
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** Failures in a row. */
  failures: number;
  /** Epoch ms of the next automatic refresh; null when none is planned. */
  nextAt: number | null;
}

export interface SchedulerDeps {
  clock: Clock;
  random: Random;
  refresh: (signal: AbortSignal) => Promise<RefreshResult>;
  intervalMs: () => number;
  hasCredential: () => Promise<boolean> | boolean;
  /** After every finished refresh (not after aborted ones). */
  onResult: (result: RefreshResult, state: SchedulerState) => void;
  /** After every phase change, e.g. to show "Refreshing…". */
  onState?: (state: SchedulerState) => void;
  /** The last good reading from a previous run (settings.lastSnapshot). */
  initialSnapshot?: UsageSnapshot | null;
  maxBackoffMs?: number;
}

export interface Scheduler {
  /** First refresh (or pause when there is no credential). */
  start(): Promise<SchedulerState>;
  /** The user asked: refresh now (joins a running one; waits out a rate limit instead of asking). */
  refreshNow(): Promise<SchedulerState>;
  /** Resume from sleep, screen unlock: refresh if one is due, else re-arm the timer. */
  wake(): Promise<SchedulerState>;
  /** The network came back: ends a backoff caused by network failures (see the policy above). */
  networkRestored(): Promise<SchedulerState>;
  /**
   * A token was saved / removed, or the account changed: forget blocks and refresh. `forgetReading` drops the
   * last reading too, when it belongs to an account no longer shown.
   */
  credentialsChanged(opts?: { forgetReading?: boolean }): Promise<SchedulerState>;
  /** The refresh interval setting changed: re-plan the next refresh. */
  intervalChanged(): void;
  stop(): void;
  state(): SchedulerState;
  /** Age of the last good reading, null when there is none. */
  staleAgeMs(): number | null;
  /** Resolves when no refresh is running (for tests and clean shutdown). */
  whenIdle(): Promise<void>;
}

/** Backoff after `failures` transient failures in a row. */
export function backoffDelay(
  failures: number,
  interval: number,
  random: Random,
  cap = MAX_BACKOFF_MS,
): number {
  const raw = Math.min(Math.max(cap, interval), interval * 2 ** Math.max(0, failures - 1));
  return Math.max(interval, Math.round(raw * (1 - 0.2 * random())));
}

export function createScheduler(deps: SchedulerDeps): Scheduler {
  const { clock } = deps;
  const cap = deps.maxBackoffMs ?? MAX_BACKOFF_MS;
  let phase: SchedulerPhase = 'idle';
  let snapshot: UsageSnapshot | null = deps.initialSnapshot ?? null;
  let lastError: ErrorInfo | null = null;
  let lastAttemptAt: number | null = null;
  let lastSuccessAt: number | null = null;
  let failures = 0;
  let nextAt: number | null = null;
  /** Automatic refreshes wait until then (backoff or rate limit). */
  let holdUntil = 0;
  /** Even manual refreshes wait until then (GitHub said so). */
  let rateLimitedUntil = 0;
  let cancelTimer: (() => void) | null = null;
  let inflight: Promise<SchedulerState> | null = null;
  let controller: AbortController | null = null;
  /** Bumped by stop() and credentialsChanged(): results of older runs are dropped. */
  let generation = 0;

  const state = (): SchedulerState => ({
    phase,
    snapshot,
    lastError,
    lastAttemptAt,
    lastSuccessAt,
    failures,
    nextAt,
  });
  // A function, not an inline comparison: stop() may change the phase while a refresh awaits.
  const stopped = () => phase === 'stopped';
  const setPhase = (p: SchedulerPhase) => {
    phase = p;
    deps.onState?.(state());
  };

  const interval = (): number => {
    const v = deps.intervalMs();
    return Number.isFinite(v) && v > 0 ? Math.max(MIN_INTERVAL_MS, v) : DEFAULT_INTERVAL_MS;
  };

  const unschedule = () => {
    cancelTimer?.();
    cancelTimer = null;
    nextAt = null;
  };
  const scheduleAt = (at: number) => {
    unschedule();
    nextAt = at;
    cancelTimer = clock.setTimer(Math.max(0, at - clock.now()), () => {
      cancelTimer = null;
      void run();
    });
  };

  function handle(result: RefreshResult): void {
    const now = clock.now();
    lastAttemptAt = now;
    if (result.ok) {
      snapshot = result.snapshot;
      lastError = null;
      lastSuccessAt = now;
      failures = 0;
      holdUntil = 0;
      scheduleAt(now + interval());
      setPhase('scheduled');
      return;
    }
    const error = result.error;
    lastError = error;
    failures++;
    switch (error.kind) {
      case 'auth':
      case 'notFound':
        unschedule();
        setPhase('blocked');
        return;
      case 'config':
        unschedule();
        setPhase(error.reason === 'noCredential' ? 'noCredential' : 'blocked');
        return;
      case 'rateLimit': {
        const retryAt = error.retryAt ? Date.parse(error.retryAt) : NaN;
        const at = Math.max(
          now + backoffDelay(failures, interval(), deps.random, cap),
          Number.isFinite(retryAt) ? Math.min(retryAt, now + MAX_RATE_LIMIT_WAIT_MS) : 0,
        );
        holdUntil = rateLimitedUntil = at;
        scheduleAt(at);
        setPhase('backoff');
        return;
      }
      case 'network':
      case 'timeout':
      case 'server':
      case 'responseShape':
      case 'tooLarge':
      case 'keychain': {
        const at = now + backoffDelay(failures, interval(), deps.random, cap);
        holdUntil = at;
        scheduleAt(at);
        setPhase('backoff');
        return;
      }
    }
  }

  function run(): Promise<SchedulerState> {
    if (inflight) return inflight;
    if (phase === 'stopped') return Promise.resolve(state());
    const gen = generation;
    const p = (async (): Promise<SchedulerState> => {
      unschedule();
      if (!(await deps.hasCredential())) {
        if (gen === generation && !stopped()) setPhase('noCredential');
        return state();
      }
      if (gen !== generation || stopped()) return state();
      setPhase('refreshing');
      const ctl = new AbortController();
      controller = ctl;
      let result: RefreshResult;
      try {
        result = await deps.refresh(ctl.signal);
      } catch (e) {
        // The engine returns results; a throw is a bug or an abort, reported as what it looks like.
        result = { ok: false, error: errorInfo(e) ?? { kind: 'network', detail: String(e) }, attempts: [] };
      }
      if (gen !== generation || stopped()) return state();
      handle(result);
      deps.onResult(result, state());
      return state();
    })();
    const tracked = p.finally(() => {
      if (inflight === tracked) inflight = null;
    });
    inflight = tracked;
    return tracked;
  }

  /**
   * The shared part of wake() and networkRestored(). `clearHold`: the last failure was of the kind this event
   * may have fixed, so its backoff (not a rate limit) is dropped, keeping the one-minute floor.
   */
  function wakeWith(clearHold: boolean): Promise<SchedulerState> {
    if (phase === 'stopped' || phase === 'blocked' || phase === 'idle') return Promise.resolve(state());
    if (inflight) return inflight;
    if (phase === 'noCredential') return run();
    const now = clock.now();
    if (clearHold && phase === 'backoff' && now >= rateLimitedUntil && lastAttemptAt !== null) {
      holdUntil = 0;
      const at = lastAttemptAt + MIN_INTERVAL_MS;
      if (now >= at) return run();
      scheduleAt(at);
      return Promise.resolve(state());
    }
    // Due: the backoff is over (it is never shorter than an interval) and a full interval has passed.
    const dueAt = Math.max(holdUntil, lastAttemptAt === null ? 0 : lastAttemptAt + interval());
    if (now >= dueAt) return run();
    // Timers may have slept with the machine: re-arm for the remaining wait.
    scheduleAt(dueAt);
    return Promise.resolve(state());
  }

  return {
    start() {
      if (phase !== 'idle') return inflight ?? Promise.resolve(state());
      return run();
    },

    refreshNow() {
      if (phase === 'stopped') return Promise.resolve(state());
      if (inflight) return inflight;
      if (clock.now() < rateLimitedUntil) return Promise.resolve(state());
      return run();
    },

    wake() {
      return wakeWith(lastError?.kind === 'keychain');
    },

    networkRestored() {
      return wakeWith(lastError?.kind === 'network' || lastError?.kind === 'timeout');
    },

    credentialsChanged(opts = {}) {
      if (phase === 'stopped') return Promise.resolve(state());
      if (opts.forgetReading) snapshot = null;
      generation++;
      controller?.abort();
      inflight = null;
      failures = 0;
      holdUntil = 0;
      lastError = null;
      if (clock.now() < rateLimitedUntil) {
        scheduleAt(rateLimitedUntil);
        setPhase('backoff');
        return Promise.resolve(state());
      }
      return run();
    },

    intervalChanged() {
      if (phase !== 'scheduled' || lastAttemptAt === null) return;
      scheduleAt(Math.max(clock.now(), lastAttemptAt + interval()));
    },

    stop() {
      generation++;
      unschedule();
      controller?.abort();
      phase = 'stopped';
      deps.onState?.(state());
    },

    state,

    staleAgeMs() {
      return snapshot ? Math.max(0, clock.now() - Date.parse(snapshot.fetchedAt)) : null;
    },

    async whenIdle() {
      while (inflight) await inflight.catch(() => undefined);
    },
  };
}
