import { describe, expect, it } from 'vitest';
import type { DayUsage, MonthUsage } from '../../../shared/history';
import { forecastOf, outlookOf, paceOf, type OutlookReading } from '../../../main/core/history/outlook';

const at = (iso: string) => Date.parse(iso);
const reading = (used: number | null, over: Partial<OutlookReading> = {}): OutlookReading => ({
  period: '2026-11',
  unit: 'credits',
  used,
  allowance: 1500,
  unlimited: false,
  ...over,
});
const day = (date: string, used: number): DayUsage => ({
  date,
  used,
  models: {},
  gross: null,
  billed: null,
  source: 'billing',
});
/** November 2026 with `perDay(d)` used on each day 1..last. */
function month(last: number, perDay: (d: number) => number): MonthUsage {
  const days = Array.from({ length: last }, (_, i) =>
    day(`2026-11-${String(i + 1).padStart(2, '0')}`, perDay(i + 1)),
  );
  return {
    period: '2026-11',
    unit: 'credits',
    used: days.reduce((a, d) => a + d.used, 0),
    days,
    updatedAt: '',
  };
}

describe('pace', () => {
  it('says 12 % in reserve and 60 a day when 420 of 1,500 are used 40 % into the month', () => {
    const p = paceOf(reading(420), at('2026-11-13T00:00:00Z'))!;
    expect(p).toEqual({
      period: '2026-11',
      elapsed: 0.4,
      expected: 600,
      used: 420,
      allowance: 1500,
      reserve: 180,
      reservePercent: 12,
      daysLeft: 18,
      perDay: 60,
      resetAt: '2026-12-01T00:00:00.000Z',
    });
  });

  it('reports a deficit in units and percent when use runs ahead of an even spend', () => {
    const p = paceOf(reading(750), at('2026-11-13T00:00:00Z'))!;
    expect(p.reserve).toBe(-150);
    expect(p.reservePercent).toBe(-10);
    expect(p.perDay).toBe(41.67);
  });

  it('counts today in the days left and allows nothing more per day once the allowance is gone', () => {
    const p = paceOf(reading(1600), at('2026-11-30T23:00:00Z'))!;
    expect(p.daysLeft).toBe(1);
    expect(p.perDay).toBe(0);
  });

  it('has no pace without an allowance, for pool and hidden seats, unlimited seats and last month’s reading', () => {
    const now = at('2026-11-13T00:00:00Z');
    expect(paceOf(reading(10, { allowance: null }), now)).toBeNull();
    expect(paceOf(reading(10, { seat: { kind: 'pool' }, allowance: null }), now)).toBeNull();
    expect(paceOf(reading(null, { seat: { kind: 'hidden' }, allowance: null }), now)).toBeNull();
    expect(paceOf(reading(10, { unlimited: true, allowance: null }), now)).toBeNull();
    expect(paceOf(reading(10), at('2026-12-01T00:00:00Z'))).toBeNull();
  });

  it('uses a budget seat’s cap like a plan’s allowance', () => {
    expect(paceOf(reading(420, { seat: { kind: 'budget' } }), at('2026-11-13T00:00:00Z'))?.reserve).toBe(180);
  });
});

describe('forecast', () => {
  it('projects an even 30 a day to 900 by the reset, within the allowance', () => {
    // Nov 1..12 at 30 a day, and 15 by noon of the 13th.
    const m = month(13, (d) => (d === 13 ? 15 : 30));
    const f = forecastOf(reading(375), m, at('2026-11-13T12:00:00Z'))!;
    expect(f).toEqual({
      period: '2026-11',
      ratePerDay: 30,
      projected: 900,
      allowance: 1500,
      runsOutAt: null,
      beyond: 0,
      beyondUsd: 0,
      basisDays: 12.5,
      resetAt: '2026-12-01T00:00:00.000Z',
    });
  });

  it('weights a burst yesterday more than the quiet days before it, and finds the run-out day', () => {
    // 30 a day, then 300 yesterday (the 12th); midnight of the 13th. Weights 0.5^(age/3):
    // rate = (30·Σ_{a=2..12} w(a) + 300·w(1)) / Σ_{a=1..12} w(a) = 322.505… / 3.60686… = 89.414…
    const m = month(12, (d) => (d === 12 ? 300 : 30));
    const f = forecastOf(reading(630, { allowance: 1000 }), m, at('2026-11-13T00:00:00Z'))!;
    expect(f.ratePerDay).toBe(89.41);
    expect(f.projected).toBe(2239.46);
    // (1000 − 630) / 89.414… = 4.138 days after midnight of the 13th.
    expect(f.runsOutAt?.slice(0, 13)).toBe('2026-11-17T03');
    expect(f.beyond).toBe(1239.46);
    expect(f.beyondUsd).toBe(12.39);
  });

  it('gives no forecast in the first day of the month, and one once a full day has passed', () => {
    const m = month(1, () => 40);
    expect(forecastOf(reading(40), m, at('2026-11-01T23:59:00Z'))).toBeNull();
    const f = forecastOf(reading(40), m, at('2026-11-02T00:00:00Z'))!;
    expect(f.ratePerDay).toBe(40);
    expect(f.projected).toBe(1200);
  });

  it('uses the month-to-date average when the history does not add up to the reading', () => {
    const f = forecastOf(
      reading(600),
      month(3, () => 10),
      at('2026-11-11T00:00:00Z'),
    )!;
    expect(f.ratePerDay).toBe(60);
    expect(f.projected).toBe(1800);
    expect(f.runsOutAt).toBe('2026-11-26T00:00:00.000Z');
    expect(forecastOf(reading(600), null, at('2026-11-11T00:00:00Z'))?.ratePerDay).toBe(60);
  });

  it('gives a pool seat its projected use only, a budget seat no dollars, a hidden seat nothing', () => {
    const now = at('2026-11-11T00:00:00Z');
    const pool = forecastOf(reading(600, { seat: { kind: 'pool' }, allowance: null }), null, now)!;
    expect(pool).toMatchObject({
      projected: 1800,
      allowance: null,
      runsOutAt: null,
      beyond: null,
      beyondUsd: null,
    });
    const budget = forecastOf(reading(600, { seat: { kind: 'budget' } }), null, now)!;
    expect(budget).toMatchObject({ beyond: 300, beyondUsd: null });
    expect(forecastOf(reading(null, { seat: { kind: 'hidden' }, allowance: null }), null, now)).toBeNull();
  });

  it('prices what goes beyond a premium-request plan at four cents a request', () => {
    const f = forecastOf(
      reading(150, { unit: 'requests', allowance: 300 }),
      null,
      at('2026-11-11T00:00:00Z'),
    )!;
    expect(f.projected).toBe(450);
    expect(f.beyondUsd).toBe(6);
  });

  it('says nothing about a reading of a past period', () => {
    expect(outlookOf(reading(40), null, at('2026-12-05T00:00:00Z'))).toEqual({ pace: null, forecast: null });
  });
});
