/**
 * Pace and forecast: pure arithmetic (a reading, its month's daily history and the time in; figures out), so
 * tests call them at chosen instants and every face shows the same numbers. Nothing here reads a clock or a file.
 *
 *   paceOf(reading, now)            → Pace | null      (null: no allowance, pool/hidden seat, a past period)
 *   forecastOf(reading, month, now) → Forecast | null  (null: hidden seat, past period, < 1 day of the period)
 *   outlookOf(reading, month, now)  → { pace, forecast }
 *
 * Period: the UTC calendar month of the reading; allowances reset on the 1st at 00:00 UTC.
 *
 * Burn rate (README "Pace and forecast"): an exponentially weighted average of daily use over the period's last
 * 14 days, each day weighted 0.5^(age in days / 3) (a day three days ago counts half as much as today). Today
 * counts for the part of it that has passed: rate = Σ w·used / Σ w·(share of the day elapsed). So a burst moves
 * the forecast within hours and fades over a week. Days before the 1st are not used: the forecast starts once a
 * full day of the period has passed. When the month's history is missing or does not add up to the reading
 * (being rebuilt), the rate is the month-to-date average instead.
 */
import type { Unit, UsageSnapshot } from '../../../shared/domain';
import type { Forecast, MonthUsage, Outlook, Pace } from '../../../shared/history';

export const DAY_MS = 86_400_000;
/** Days a day's weight halves over. */
export const RATE_HALF_LIFE_DAYS = 3;
/** Days of history the rate looks at. */
export const RATE_WINDOW_DAYS = 14;
/** US$ per unit, GitHub's list prices: an AI credit is one cent, a premium request four. */
export const UNIT_PRICE_USD: Record<Unit, number> = { credits: 0.01, requests: 0.04 };

/** What pace and forecast need of a reading. `seat` is absent in readings from before seat kinds existed. */
export type OutlookReading = Pick<UsageSnapshot, 'period' | 'unit' | 'allowance' | 'unlimited'> & {
  used: number | null;
  seat?: { kind: 'personal' | 'budget' | 'pool' | 'hidden' } | undefined;
};

const round2 = (n: number): number => {
  const r = Math.round(n * 100) / 100;
  return Object.is(r, -0) ? 0 : r;
};

/** [start, end) of a "YYYY-MM" period in epoch ms (UTC); null for a malformed period. */
export function periodBounds(period: string): { start: number; end: number } | null {
  const m = /^(\d{4})-(\d{2})$/.exec(period);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return { start: Date.UTC(y, mo - 1, 1), end: Date.UTC(y, mo, 1) };
}

/** Midnight UTC of the day holding `ms`. */
export const dayStart = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;
// The same few dozen days are named on every refresh: remembered (pure, so never stale; bounded).
const dayNames = new Map<number, string>();
const dayStarts = new Map<string, number>();

/** "YYYY-MM-DD" (UTC) of an instant. */
export function dateOf(ms: number): string {
  const day = dayStart(ms);
  let name = dayNames.get(day);
  if (name === undefined) {
    if (dayNames.size > 4096) dayNames.clear();
    name = new Date(day).toISOString().slice(0, 10);
    dayNames.set(day, name);
  }
  return name;
}

/** Midnight UTC of a "YYYY-MM-DD" date, epoch ms. */
export function startOfDate(date: string): number {
  let ms = dayStarts.get(date);
  if (ms === undefined) {
    if (dayStarts.size > 4096) dayStarts.clear();
    ms = Date.parse(`${date}T00:00:00Z`);
    dayStarts.set(date, ms);
  }
  return ms;
}

/** The reading's period holds `now` (a reading of last month says nothing about this month's pace). */
function current(reading: OutlookReading, now: number): { start: number; end: number } | null {
  const b = periodBounds(reading.period);
  return b && now >= b.start && now < b.end ? b : null;
}

export function paceOf(reading: OutlookReading, now: number): Pace | null {
  const kind = reading.seat?.kind ?? 'personal';
  const { allowance, used } = reading;
  if (kind === 'pool' || kind === 'hidden' || reading.unlimited) return null;
  if (used === null || allowance === null || !(allowance > 0)) return null;
  const b = current(reading, now);
  if (!b) return null;
  const elapsed = (now - b.start) / (b.end - b.start);
  const expected = allowance * elapsed;
  const reserve = expected - used;
  const daysLeft = Math.round((b.end - dayStart(now)) / DAY_MS);
  return {
    period: reading.period,
    elapsed: Math.round(elapsed * 10_000) / 10_000,
    expected: round2(expected),
    used,
    allowance,
    reserve: round2(reserve),
    reservePercent: round2((reserve / allowance) * 100),
    daysLeft,
    perDay: round2(Math.max(0, allowance - used) / daysLeft),
    resetAt: new Date(b.end).toISOString(),
  };
}

/** Units per day and the days of history behind it (see the module comment). */
export function burnRate(
  reading: OutlookReading & { used: number },
  month: MonthUsage | null,
  now: number,
  bounds: { start: number; end: number },
): { rate: number; basisDays: number } {
  const sum = month ? month.days.reduce((a, d) => a + d.used, 0) : 0;
  const usable =
    month !== null &&
    month.period === reading.period &&
    month.unit === reading.unit &&
    Math.abs(sum - reading.used) <= 0.01 + 1e-9 * reading.used;
  if (!usable) {
    const days = (now - bounds.start) / DAY_MS;
    return { rate: reading.used / days, basisDays: days };
  }
  const byDate = new Map(month.days.map((d) => [d.date, d.used]));
  const today = dayStart(now);
  const first = Math.max(bounds.start, today - (RATE_WINDOW_DAYS - 1) * DAY_MS);
  let weightedUse = 0;
  let weightedDays = 0;
  let basisDays = 0;
  for (let day = first; day <= today; day += DAY_MS) {
    const covered = (Math.min(day + DAY_MS, now) - day) / DAY_MS;
    const w = 0.5 ** ((today - day) / DAY_MS / RATE_HALF_LIFE_DAYS);
    weightedUse += w * (byDate.get(dateOf(day)) ?? 0);
    weightedDays += w * covered;
    basisDays += covered;
  }
  return { rate: weightedDays > 0 ? weightedUse / weightedDays : 0, basisDays };
}

export function forecastOf(reading: OutlookReading, month: MonthUsage | null, now: number): Forecast | null {
  const kind = reading.seat?.kind ?? 'personal';
  const used = reading.used;
  if (kind === 'hidden' || used === null) return null;
  const b = current(reading, now);
  // Honest with little data: no forecast before a full day of the period has passed.
  if (!b || now - b.start < DAY_MS) return null;
  const { rate, basisDays } = burnRate({ ...reading, used }, month, now, b);
  const projected = used + (rate * (b.end - now)) / DAY_MS;
  const capped = kind !== 'pool' && !reading.unlimited && reading.allowance !== null && reading.allowance > 0;
  const allowance = capped ? reading.allowance : null;
  let runsOutAt: string | null = null;
  if (allowance !== null && used < allowance && rate > 0) {
    const at = now + ((allowance - used) / rate) * DAY_MS;
    // To the minute: a forecast is not more precise than that, and the figure stays stable between readings.
    if (at < b.end) runsOutAt = new Date(Math.round(at / 60_000) * 60_000).toISOString();
  }
  const beyond = allowance === null ? null : round2(Math.max(0, projected - allowance));
  // A user-level budget stops use at the cap (nothing is billed); a personal plan bills what goes beyond it.
  const billed = kind === 'personal' && beyond !== null;
  return {
    period: reading.period,
    ratePerDay: round2(rate),
    projected: round2(projected),
    allowance,
    runsOutAt,
    beyond,
    beyondUsd: billed ? round2(beyond * UNIT_PRICE_USD[reading.unit]) : null,
    basisDays: round2(basisDays),
    resetAt: new Date(b.end).toISOString(),
  };
}

export function outlookOf(reading: OutlookReading, month: MonthUsage | null, now: number): Outlook {
  return { pace: paceOf(reading, now), forecast: forecastOf(reading, month, now) };
}
