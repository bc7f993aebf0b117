/**
 * Daily history, pace and forecast: the plain shapes every face reads (tray, CLI, the Usage window's chart).
 * Plain data only (they cross IPC and go into --json): no classes, no Dates, no functions.
 *
 * Who makes them (all in main/core, all pure except the store):
 *  - main/core/history/store.ts   the history file: `listMonths(account)`, `readMonths(account, periods)`;
 *  - main/core/history/outlook.ts `paceOf(reading, now)`, `forecastOf(reading, month, now)`,
 *                                 `outlookOf(reading, month, now)` = both;
 *  - main/core/history/sync.ts    fills the store after a refresh (billing days, or sign-in samples).
 * Faces only format these figures; they never compute pace or forecast themselves.
 *
 * Time: billing periods are UTC calendar months; allowances reset on the 1st at 00:00 UTC. Dates are UTC days.
 */
import type { Unit } from './domain';

/** How a day's figures were learned. */
export type DaySource =
  /** GitHub's billing API for that very day (`?year&month&day`), or the month's total minus the other days. */
  | 'billing'
  /** Differences between two readings of the Copilot sign-in taken the same day. */
  | 'samples'
  /**
   * Spread evenly over time: the use between two readings that were days apart (the computer slept), or the
   * month's use before the first reading. The month's total is right; how it splits into days is a guess.
   */
  | 'estimate';

/** One UTC day of one account's use. */
export interface DayUsage {
  /** "YYYY-MM-DD", UTC. */
  date: string;
  /** Used that day, in the month's unit. The days of a month add up to that month's `used`. */
  used: number;
  /** Per model, in the same unit ({} when the source has no breakdown, e.g. the Copilot sign-in). */
  models: Record<string, number>;
  /** US$ at list price (Σ grossAmount); null when GitHub gave no prices for that day. */
  gross: number | null;
  /** US$ billed beyond the plan (Σ netAmount); null when GitHub gave no prices for that day. */
  billed: number | null;
  source: DaySource;
}

/** One billing period of one account, days oldest first (a day with no row had no recorded use). */
export interface MonthUsage {
  /** "YYYY-MM". */
  period: string;
  unit: Unit;
  /** The month's total at the last update (= Σ days[].used). */
  used: number;
  days: DayUsage[];
  /** ISO time of the last update. */
  updatedAt: string;
}

/**
 * Where the month stands against an even spend of the allowance. Only for readings with an allowance (a
 * personal plan or a user-level budget); null otherwise.
 */
export interface Pace {
  period: string;
  /** Share of the month elapsed, 0..1. */
  elapsed: number;
  /** Use expected by now at an even rate: allowance × elapsed. */
  expected: number;
  used: number;
  allowance: number;
  /** expected − used: positive = in reserve, negative = in deficit (units). */
  reserve: number;
  /** reserve as a percentage of the allowance (= elapsed % − used %). */
  reservePercent: number;
  /** Calendar days left in the period, today included (UTC). */
  daysLeft: number;
  /** The most per day that still stays within the allowance: max(0, allowance − used) / daysLeft. */
  perDay: number;
  /** ISO, the 1st of next month 00:00 UTC. */
  resetAt: string;
}

/** Where the month is heading at the recent burn rate. null when there is less than a day of history. */
export interface Forecast {
  period: string;
  /** Units per day: exponentially weighted average of daily use (half-life 3 days, last 14 days). */
  ratePerDay: number;
  /** Projected use at the reset: used + ratePerDay × days until the reset. */
  projected: number;
  /** null for seats without a personal cap (organisation pool). */
  allowance: number | null;
  /** ISO instant the allowance runs out at this rate, when that comes before the reset; else null. */
  runsOutAt: string | null;
  /** Projected units beyond the allowance (0 when within); null without an allowance. */
  beyond: number | null;
  /** What `beyond` would be billed, US$, for a personally billed plan; null otherwise. */
  beyondUsd: number | null;
  /** Days of history the rate rests on (fractional). */
  basisDays: number;
  resetAt: string;
}

export interface Outlook {
  pace: Pace | null;
  forecast: Forecast | null;
}

/** The account a history belongs to: "host/login", as settings' account keys. */
export const historyKey = (account: { host: string; login: string }): string =>
  `${account.host}/${account.login.toLowerCase()}`;
