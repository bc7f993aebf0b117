import type { Forecast } from '../../shared/history';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_MEMORY,
  evaluateAlerts,
  evaluateForecastAlert,
  evaluateTokenExpiry,
  type AlertSettings,
} from '../../main/core/alerts';
import { createTranslator } from '../../shared/i18n';
import { snapshotAt } from './scheduler-fixtures';

const JUNE = Date.UTC(2026, 5, 10, 12);
const JULY = Date.UTC(2026, 6, 2, 12);
const en = createTranslator('en');
const all: AlertSettings = {
  thresholds: [75, 90, 100],
  notifications: { thresholds: true, accessBroken: true, periodReset: true, forecast: true },
};
const opts = { timeZone: 'UTC' };

describe('threshold alerts', () => {
  it('announces a crossed threshold once per period', () => {
    const first = evaluateAlerts(EMPTY_MEMORY, { ok: true, snapshot: snapshotAt(JUNE, 80) }, all, en, opts);
    expect(first.notifications).toHaveLength(1);
    expect(first.notifications[0]).toMatchObject({ kind: 'threshold', threshold: 75, action: 'openBilling' });
    expect(first.notifications[0]!.title).toBe('Copilot: 75 % of the allowance used');
    expect(first.notifications[0]!.body).toBe('240 / 300 premium requests used, 60 left. Resets Jul 1.');
    const again = evaluateAlerts(first.memory, { ok: true, snapshot: snapshotAt(JUNE, 85) }, all, en, opts);
    expect(again.notifications).toEqual([]);
    expect(again.memory).toEqual({
      period: '2026-06',
      thresholds: [75],
      accessBroken: false,
      tokenExpiry: null,
      forecast: false,
    });
  });

  it('gives one notice, for the highest, when several thresholds are crossed at once', () => {
    const out = evaluateAlerts(EMPTY_MEMORY, { ok: true, snapshot: snapshotAt(JUNE, 104) }, all, en, opts);
    expect(out.notifications.map((n) => n.threshold)).toEqual([100]);
    expect(out.notifications[0]!.title).toBe('Copilot allowance used up');
    expect(out.memory.thresholds).toEqual([75, 90, 100]);
  });

  it('stays quiet but remembers when threshold notifications are off', () => {
    const off = { ...all, notifications: { ...all.notifications, thresholds: false } };
    const out = evaluateAlerts(EMPTY_MEMORY, { ok: true, snapshot: snapshotAt(JUNE, 95) }, off, en, opts);
    expect(out.notifications).toEqual([]);
    expect(out.memory.thresholds).toEqual([75, 90]);
  });

  it('has nothing to say about unlimited plans', () => {
    const s = snapshotAt(JUNE, 0, { unlimited: true, allowance: null, percentUsed: null, remaining: null });
    expect(evaluateAlerts(EMPTY_MEMORY, { ok: true, snapshot: s }, all, en).notifications).toEqual([]);
  });

  it('speaks the user language', () => {
    const zh = evaluateAlerts(
      EMPTY_MEMORY,
      { ok: true, snapshot: snapshotAt(JUNE, 91) },
      all,
      createTranslator('zh'),
      opts,
    );
    expect(zh.notifications[0]!.title).toBe('Copilot：已用额度的 90%');
    const fr = evaluateAlerts(
      EMPTY_MEMORY,
      { ok: true, snapshot: snapshotAt(JUNE, 91) },
      all,
      createTranslator('fr'),
      opts,
    );
    expect(fr.notifications[0]!.body).toContain('premium utilisés');
  });
});

describe('period reset', () => {
  it('resets the memory and says so when a new period starts', () => {
    const june = {
      period: '2026-06',
      thresholds: [75, 90, 100],
      accessBroken: false,
      tokenExpiry: null,
      forecast: false,
    };
    const out = evaluateAlerts(june, { ok: true, snapshot: snapshotAt(JULY, 2) }, all, en, opts);
    expect(out.memory).toEqual({
      period: '2026-07',
      thresholds: [],
      accessBroken: false,
      tokenExpiry: null,
      forecast: false,
    });
    expect(out.notifications).toHaveLength(1);
    expect(out.notifications[0]).toMatchObject({ kind: 'periodReset', title: 'Copilot allowance has reset' });
    expect(out.notifications[0]!.body).toBe(
      'A new billing period (2026-07) has started: 300 premium requests available.',
    );
  });

  it('can announce the reset and a threshold crossed in the new period together', () => {
    const june = {
      period: '2026-06',
      thresholds: [75],
      accessBroken: false,
      tokenExpiry: null,
      forecast: false,
    };
    const out = evaluateAlerts(june, { ok: true, snapshot: snapshotAt(JULY, 76) }, all, en, opts);
    expect(out.notifications.map((n) => n.kind)).toEqual(['periodReset', 'threshold']);
  });

  it('does not announce a reset on the very first reading, nor go back for a late old one', () => {
    const first = evaluateAlerts(EMPTY_MEMORY, { ok: true, snapshot: snapshotAt(JULY, 2) }, all, en);
    expect(first.notifications).toEqual([]);
    const late = evaluateAlerts(first.memory, { ok: true, snapshot: snapshotAt(JUNE, 99) }, all, en);
    expect(late.notifications).toEqual([]);
    expect(late.memory.period).toBe('2026-07');
  });

  it('respects the reset switch', () => {
    const off = { ...all, notifications: { ...all.notifications, periodReset: false, forecast: true } };
    const out = evaluateAlerts(
      { period: '2026-06', thresholds: [], accessBroken: false, tokenExpiry: null, forecast: false },
      { ok: true, snapshot: snapshotAt(JULY, 1) },
      off,
      en,
    );
    expect(out.notifications).toEqual([]);
    expect(out.memory.period).toBe('2026-07');
  });
});

describe('broken access', () => {
  it('says once that access is broken, opening setup on click, until a refresh works again', () => {
    const err = {
      ok: false as const,
      error: { kind: 'auth' as const, reason: 'expired' as const, status: 401 },
    };
    const a = evaluateAlerts(EMPTY_MEMORY, err, all, en);
    expect(a.notifications).toHaveLength(1);
    expect(a.notifications[0]).toMatchObject({ kind: 'accessBroken', action: 'openSetup' });
    expect(a.notifications[0]!.body).toContain('The token has expired');
    expect(evaluateAlerts(a.memory, err, all, en).notifications).toEqual([]);
    const fixed = evaluateAlerts(a.memory, { ok: true, snapshot: snapshotAt(JUNE, 1) }, all, en);
    expect(fixed.memory.accessBroken).toBe(false);
    expect(evaluateAlerts(fixed.memory, err, all, en).notifications).toHaveLength(1);
  });

  it('does not call a network outage broken access', () => {
    const out = evaluateAlerts(EMPTY_MEMORY, { ok: false, error: { kind: 'network' } }, all, en);
    expect(out).toEqual({ notifications: [], memory: EMPTY_MEMORY });
  });

  it('respects the access switch but still remembers', () => {
    const off = {
      ...all,
      notifications: { ...all.notifications, accessBroken: false, tokenExpiry: null, forecast: false },
    };
    const out = evaluateAlerts(
      EMPTY_MEMORY,
      { ok: false, error: { kind: 'auth', reason: 'revoked' } },
      off,
      en,
    );
    expect(out.notifications).toEqual([]);
    expect(out.memory.accessBroken).toBe(true);
  });
});

describe('token expiry notice', () => {
  const DAY = 86_400_000;
  const NOW = Date.UTC(2026, 10, 24, 12);
  const withExpiry = (iso: string | null, accessBroken = true) => ({
    accounts: [
      { login: 'octocat', host: 'github.com', tokenHint: 'abcd', tokenExpiresAt: iso, lastCheckedAt: null },
    ],
    activeAccount: null,
    notifications: { thresholds: true, accessBroken, periodReset: true, forecast: true },
  });

  it('warns once a week ahead, and again only for a new token with a new date', () => {
    const soon = new Date(NOW + 5 * DAY).toISOString();
    const first = evaluateTokenExpiry(EMPTY_MEMORY, withExpiry(soon), NOW, en, { timeZone: 'UTC' });
    expect(first.notifications).toHaveLength(1);
    expect(first.notifications[0]).toMatchObject({ kind: 'tokenExpiring', action: 'openSetup' });
    expect(first.notifications[0]!.body).toBe(
      'The token for @octocat expires on Nov 29. Create a new one in setup so the meter keeps working.',
    );
    const again = evaluateTokenExpiry(first.memory, withExpiry(soon), NOW + DAY, en);
    expect(again.notifications).toEqual([]);
    const replaced = new Date(NOW + 6 * DAY).toISOString();
    expect(evaluateTokenExpiry(first.memory, withExpiry(replaced), NOW + DAY, en).notifications).toHaveLength(
      1,
    );
  });

  it('stays quiet far from expiry, after expiry, without a date, and when access notices are off', () => {
    const far = new Date(NOW + 30 * DAY).toISOString();
    const past = new Date(NOW - DAY).toISOString();
    expect(evaluateTokenExpiry(EMPTY_MEMORY, withExpiry(far), NOW, en).notifications).toEqual([]);
    expect(evaluateTokenExpiry(EMPTY_MEMORY, withExpiry(past), NOW, en).notifications).toEqual([]);
    expect(evaluateTokenExpiry(EMPTY_MEMORY, withExpiry(null), NOW, en).notifications).toEqual([]);
    const off = evaluateTokenExpiry(
      EMPTY_MEMORY,
      withExpiry(new Date(NOW + DAY).toISOString(), false),
      NOW,
      en,
    );
    expect(off.notifications).toEqual([]);
    // Remembered anyway, so switching notices on later does not replay old news.
    expect(off.memory.tokenExpiry).not.toBeNull();
  });

  it('survives a period reset', () => {
    const memory = {
      period: '2026-06',
      thresholds: [],
      accessBroken: false,
      tokenExpiry: '2026-07-05T00:00:00Z',
      forecast: false,
    };
    const out = evaluateAlerts(memory, { ok: true, snapshot: snapshotAt(JULY, 2) }, all, en, opts);
    expect(out.memory.tokenExpiry).toBe('2026-07-05T00:00:00Z');
  });
});

describe('forecast notice', () => {
  const june = { period: '2026-06', thresholds: [], accessBroken: false, tokenExpiry: null, forecast: false };
  const forecast = (runsOutAt: string | null): Forecast => ({
    period: '2026-06',
    ratePerDay: 20,
    projected: 420,
    allowance: 300,
    runsOutAt,
    beyond: 120,
    beyondUsd: 4.8,
    basisDays: 9,
    resetAt: '2026-07-01T00:00:00.000Z',
  });

  it('says once per period when the forecast first runs out before the reset', () => {
    const s = snapshotAt(JUNE, 60);
    const first = evaluateForecastAlert(june, s, forecast('2026-06-24T10:00:00.000Z'), all, en, opts);
    expect(first.notifications).toEqual([
      {
        kind: 'forecast',
        title: 'Copilot: on course to run out',
        body: 'At this pace you will reach your allowance around Jun 24 (it resets Jul 1).',
        action: 'openBilling',
      },
    ]);
    expect(first.memory.forecast).toBe(true);
    expect(
      evaluateForecastAlert(first.memory, s, forecast('2026-06-22T10:00:00.000Z'), all, en).notifications,
    ).toEqual([]);
  });

  it('stays quiet within the allowance, once the allowance is used up, and without a forecast', () => {
    expect(evaluateForecastAlert(june, snapshotAt(JUNE, 60), forecast(null), all, en).notifications).toEqual(
      [],
    );
    expect(
      evaluateForecastAlert(june, snapshotAt(JUNE, 100), forecast('2026-06-24T10:00:00.000Z'), all, en).memory
        .forecast,
    ).toBe(false);
    expect(evaluateForecastAlert(june, snapshotAt(JUNE, 60), null, all, en).notifications).toEqual([]);
  });

  it('is remembered when switched off, and starts afresh with a new period', () => {
    const off = { ...all, notifications: { ...all.notifications, forecast: false } };
    const quiet = evaluateForecastAlert(
      june,
      snapshotAt(JUNE, 60),
      forecast('2026-06-24T10:00:00.000Z'),
      off,
      en,
    );
    expect(quiet).toEqual({ notifications: [], memory: { ...june, forecast: true } });
    const july = evaluateAlerts(quiet.memory, { ok: true, snapshot: snapshotAt(JULY, 2) }, all, en, opts);
    expect(july.memory.forecast).toBe(false);
  });
});
