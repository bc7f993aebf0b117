/**
 * What the Usage window shows, as main composes it (main/usage/service.ts) and the renderer draws it
 * (renderer/usage/). Plain data (it crosses IPC): every figure is computed in main, from the reading the tray
 * shows, the daily history and core's pace and forecast; the page only formats and draws.
 */
import type { Unit } from './domain';
import type { ErrorInfo } from './errors';
import type { DaySource, Forecast, Pace } from './history';
import type { Lang } from './i18n/catalog';

/** Months the window offers (GitHub keeps 24 months of billing data; so does the history file). */
export const USAGE_MAX_MONTHS = 24;

/** What kind of seat the reading is for (see the README's seat kinds); readings without one are personal. */
export type UsageSeatKind = 'personal' | 'budget' | 'pool' | 'hidden';

/** The headline: the reading the tray shows, current month. */
export interface UsageHeadline {
  login: string;
  host: string;
  period: string;
  unit: Unit;
  seat: UsageSeatKind;
  /** Organisations that give the seat (for "from acme's pool"); empty when GitHub did not say. */
  organizations: string[];
  /** null only for a hidden seat: GitHub does not show the user's use. */
  used: number | null;
  allowance: number | null;
  unlimited: boolean;
  percentUsed: number | null;
  /** ISO; null when unknown. */
  resetAt: string | null;
  /** US$ this month when GitHub priced it: list price and what is billed beyond the plan. */
  gross: number | null;
  billed: number | null;
}

export interface UsageDay {
  /** "YYYY-MM-DD", UTC. */
  date: string;
  used: number;
  /** Per model; {} when the source has no breakdown. */
  models: Record<string, number>;
  gross: number | null;
  billed: number | null;
  source: DaySource;
}

export interface UsageModelRow {
  model: string;
  used: number;
  /** Share of the month's use, 0..100; null when the month's use is 0. */
  share: number | null;
  /** US$ at list price for this model, when GitHub priced it (this month's reading); null otherwise. */
  gross: number | null;
}

export interface UsageMonth {
  /** "YYYY-MM". */
  period: string;
  unit: Unit;
  /** Calendar days in the month. */
  daysInMonth: number;
  /** Days of the month that have begun: today's day of month for the current month, all of them for a past one. */
  daysSoFar: number;
  /** True for the month that holds "now". */
  current: boolean;
  /** Days with recorded use, oldest first; a day without a row had none. */
  days: UsageDay[];
  /** The month's total (= Σ days[].used for history; the reading's own figure for the current month). */
  used: number;
  /** The allowance line: the current reading's allowance (current month only; past allowances are unknown). */
  allowance: number | null;
  pace: Pace | null;
  forecast: Forecast | null;
  /** Per model, largest first. */
  models: UsageModelRow[];
  /** The month's US$ when every day with use was priced; null otherwise. */
  gross: number | null;
  billed: number | null;
  /** Some days' split is an estimate (use spread over a gap between readings). */
  estimated: boolean;
}

export interface UsageView {
  /** The app's language choice; null = follow the OS. */
  language: Lang | null;
  /** Main's clock, ISO: countdowns and "today" are measured from it. */
  now: string;
  headline: UsageHeadline | null;
  /** ISO time of the reading shown; null when there is none. */
  readAt: string | null;
  /** ISO time of the last refresh attempt, successful or not. */
  lastAttemptAt: string | null;
  /** Why the last refresh failed (the headline is then the last good reading); null when it did not. */
  problem: ErrorInfo | null;
  /** Months with history (and the current one), newest first, at most USAGE_MAX_MONTHS. */
  months: string[];
  /** The month asked for (the current one by default); null when there is no reading and no history. */
  month: UsageMonth | null;
}

export type ExportFormat = 'csv' | 'json';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['csv', 'json'];

export interface ExportResult {
  /** False when the user cancelled the save dialog. */
  saved: boolean;
  /** Where it went; null when not saved. */
  path: string | null;
}
