/**
 * A month on a fake clock, the scheduler, the alert policy and the tray view wired as the app wires them, for an
 * organisation pool seat and for a seat with a user-level budget, across the reset on the 1st. Checked at every
 * refresh: the pool never shows a percentage or sends a percentage alert; the budget alerts once per threshold
 * against GitHub's cap (10,000), never against the plan table's 1,900.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_MEMORY, evaluateAlerts, type AlertMemory, type Notice } from '../../main/core/alerts';
import { createScheduler } from '../../main/core/scheduler';
import { trayView, type TrayState } from '../../main/core/tray-model';
import { buildSnapshot } from '../../main/core/usage/snapshot';
import type { RefreshResult, Seat, UsageSnapshot } from '../../shared/domain';
import { POOL_LABEL } from '../../shared/format';
import { createTranslator } from '../../shared/i18n';
import { FakeClock } from './scheduler-fake-clock';
import { TRAY_SETTINGS } from '../helpers/tray-state';

const MIN = 60_000;
const S = Date.UTC(2026, 10, 16); // 16 November 2026
const DEC = (Date.UTC(2026, 11, 1) - S) / MIN;
const END = 30 * 1440;
const tr = createTranslator('en');
const settings: TrayState['settings'] = TRAY_SETTINGS;

/** What GitHub says at minute m: `usedAt(m)` credits this period, for the seat given. */
function reading(m: number, seat: Seat, usedAt: (m: number) => number, allowance: number | null) {
  const now = S + m * MIN;
  const iso = new Date(now).toISOString();
  const snapshot = buildSnapshot({
    account: { login: 'octocat', host: 'github.com' },
    plan: 'business',
    unit: 'credits',
    used: usedAt(m),
    allowance,
    allowanceSource: allowance === null ? null : 'github',
    unlimited: false,
    period: iso.slice(0, 7),
    resetAt: m < DEC ? '2026-12-01T00:00:00.000Z' : '2027-01-01T00:00:00.000Z',
    source: { strategy: 'oauth-direct', credential: 'opencode' },
    fetchedAt: iso,
    seat,
  });
  return { ok: true, snapshot: { ...snapshot, attempts: [] }, attempts: [] } as RefreshResult;
}

async function month(github: (m: number) => RefreshResult, onView: (m: number, s: UsageSnapshot) => void) {
  const clock = new FakeClock(S);
  const requests: number[] = [];
  const notices: Array<{ m: number } & Notice> = [];
  let memory: AlertMemory = EMPTY_MEMORY;
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
      const m = (clock.now() - S) / MIN;
      const out = evaluateAlerts(memory, result, settings, tr, { timeZone: 'UTC' });
      memory = out.memory;
      for (const n of out.notifications) notices.push({ m, ...n });
      // The tray view is checked once an hour (building it 8,640 times would only slow the suite down).
      if (result.ok && m % 60 === 0) onView(m, result.snapshot);
    },
  });
  await scheduler.start();
  await clock.runUntil(S + END * MIN, () => scheduler.whenIdle());
  scheduler.stop?.();
  return { requests, notices };
}

const view = (s: UsageSnapshot, m: number) =>
  trayView(
    { snapshot: s, error: null, lastAttemptAt: S + m * MIN, refreshing: false, configured: true, settings },
    tr,
    S + m * MIN,
    { timeZone: 'UTC' },
  );

describe('a simulated month for an organisation pool seat', () => {
  it('counts credits every 5 minutes with the pool face, never a percentage, and says only the reset', async () => {
    const pool: Seat = { billing: 'organization', organizations: ['ACME'], kind: 'pool' };
    // 40 credits an hour, past 1,900 (what the seat adds to the pool) after two days: still no cap.
    const usedAt = (m: number) => ((m < DEC ? m : m - DEC) / 60) * 40;
    let views = 0;
    const { requests, notices } = await month(
      (m) => reading(m, pool, usedAt, null),
      (m, s) => {
        const v = view(s, m);
        expect(v.level).toBe('pool');
        expect(v.iconLabel).toBe(POOL_LABEL);
        expect(v.tooltip).toContain('no personal limit (pool of ACME)');
        expect(v.tooltip).not.toMatch(/%|\/ 1,900/);
        views++;
      },
    );
    expect(requests.length).toBe(END / 5);
    expect(views).toBe(END / 60);
    expect(usedAt(DEC - 5)).toBeGreaterThan(1900);
    // The reset on the 1st is the only notice, and it names no allowance.
    expect(notices.map((n) => [n.m, n.kind])).toEqual([[DEC, 'periodReset']]);
    expect(notices[0]!.body).not.toMatch(/1,900/);
  });
});

describe('a simulated month for a seat with a user-level budget', () => {
  it('alerts at 75, 90 and 100 % of GitHub’s 10,000 budget, once each, and starts again after the reset', async () => {
    const budget: Seat = { billing: 'organization', organizations: ['acme'], kind: 'budget' };
    // 12,000 credits by the end of November (over the budget), then 100 credits a day in December.
    const usedAt = (m: number) => (m < DEC ? (m / (DEC - 5)) * 12_000 : ((m - DEC) / 1440) * 100);
    const levels = new Set<string>();
    const { requests, notices } = await month(
      (m) => reading(m, budget, usedAt, 10_000),
      (m, s) => {
        const v = view(s, m);
        levels.add(v.level);
        expect(v.tooltip).toContain('User budget set by your organisation (acme)');
        expect(v.tooltip).toContain('/ 10,000 AI credits used');
      },
    );
    expect(requests.length).toBe(END / 5);
    const thresholdAt = (p: number) => Math.ceil(((p / 100) * 10_000 * (DEC - 5)) / 12_000 / 5) * 5;
    expect(notices.map((n) => [n.m, n.kind, n.threshold ?? null])).toEqual([
      [thresholdAt(75), 'threshold', 75],
      [thresholdAt(90), 'threshold', 90],
      [thresholdAt(100), 'threshold', 100],
      [DEC, 'periodReset', null],
    ]);
    expect(notices[3]!.body).toContain('10,000');
    expect([...levels].sort()).toEqual(['critical', 'normal', 'over', 'warning']);
  });
});
