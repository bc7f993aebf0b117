/** How the Usage window writes dates, durations, months and money in the user's language. */
import type { Translator } from '../../shared/i18n';
import { LOCALE_OF } from '../../shared/i18n';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "2 days 4 h", "5 h 20 min", "12 min" (at least 1 min): how long until `to`. */
export function duration(tr: Translator, ms: number): string {
  const t = tr.t;
  const total = Math.max(60_000, ms);
  const d = Math.floor(total / DAY);
  const h = Math.floor((total % DAY) / HOUR);
  const m = Math.floor((total % HOUR) / 60_000);
  const days = (n: number) =>
    t(n === 1 || (tr.lang === 'fr' && n === 0) ? 'usage.dur.day' : 'usage.dur.days', { n });
  if (d > 0) return h > 0 ? `${days(d)} ${t('usage.dur.hours', { n: h })}` : days(d);
  if (h > 0)
    return m > 0
      ? `${t('usage.dur.hours', { n: h })} ${t('usage.dur.minutes', { n: m })}`
      : t('usage.dur.hours', { n: h });
  return t('usage.dur.minutes', { n: m });
}

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(tr: Translator, key: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = `${tr.lang}:${key}`;
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(LOCALE_OF[tr.lang], opts);
    cache.set(k, f);
  }
  return f;
}

/** "November 2026" for "2026-11". */
export function monthName(tr: Translator, period: string): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return fmt(tr, 'month', { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** "Nov 14" for "2026-11-14" (a UTC day). */
export function dayName(tr: Translator, date: string): string {
  return fmt(tr, 'day', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );
}

/** "Nov 24" for an instant, in UTC like the billing days. */
export function dayOf(tr: Translator, iso: string): string {
  return fmt(tr, 'day', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(iso));
}

/** Date and time of an instant in the user's own time zone: "Nov 29, 2026, 3:05 PM". */
export function when(tr: Translator, iso: string): string {
  return fmt(tr, 'when', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** An amount in the month's unit: up to 2 decimals, like every other face. */
export const amount = (tr: Translator, n: number): string => tr.num(n, 2);
/** A percentage: one decimal below 10, whole above. */
export const percent = (tr: Translator, p: number): string => tr.num(p, Math.abs(p) < 10 ? 1 : 0);
/** US dollars, two decimals. */
export const usd = (tr: Translator, n: number): string =>
  new Intl.NumberFormat(LOCALE_OF[tr.lang], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(n);
