/**
 * Per-day billing data for the fake GitHub, answering month and day queries consistently: a month is the sum of
 * its days up to the fake's today (days after it have not happened yet), a day (`&day=D`) is that day alone.
 * The `days` object is read on every request, so a test can post late use to a past day, or burn some today,
 * by changing it. Items carry GitHub's prices (credits US$0.01, requests US$0.04), so the money adds up too.
 */
import { creditItem, premiumItem } from './fixtures';
import type { BillingQuery } from './server';

/** "YYYY-MM-DD" → per-model use that day (gross, and the part billed beyond the plan). */
export type DailyUsage = Record<string, Array<{ model: string; used: number; billed?: number }>>;

export function dailyBilling(
  days: DailyUsage,
  opts: { unit: 'credits' | 'requests'; now: () => number; user?: string },
): (q: BillingQuery) => unknown {
  const item = opts.unit === 'credits' ? creditItem : premiumItem;
  return (q) => {
    const d = new Date(opts.now());
    const year = q.year ?? d.getUTCFullYear();
    const month = q.month ?? d.getUTCMonth() + 1;
    const prefix = `${year}-${String(month).padStart(2, '0')}`;
    const today = d.toISOString().slice(0, 10);
    const wanted = (date: string) =>
      date <= today &&
      (q.day === undefined
        ? date.startsWith(`${prefix}-`)
        : date === `${prefix}-${String(q.day).padStart(2, '0')}`);
    const byModel = new Map<string, { used: number; billed: number }>();
    for (const [date, uses] of Object.entries(days)) {
      if (!wanted(date)) continue;
      for (const u of uses) {
        const m = byModel.get(u.model) ?? { used: 0, billed: 0 };
        m.used += u.used;
        m.billed += u.billed ?? 0;
        byModel.set(u.model, m);
      }
    }
    return {
      timePeriod: { year, month, ...(q.day !== undefined ? { day: q.day } : {}) },
      user: opts.user ?? 'octocat',
      usageItems: [...byModel].map(([model, m]) => item(model, m.used, m.billed)),
    };
  };
}
