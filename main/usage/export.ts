/**
 * The Usage window's export: the same document `copilot-meter history --months 24 --csv | --json` prints for the
 * same account and history, so a file saved from the window and the CLI's output can be compared line by line.
 */
import type { UsageSnapshot } from '../../shared/domain';
import type { DayUsage, MonthUsage } from '../../shared/history';
import type { ExportFormat } from '../../shared/usage';
import { USAGE_MAX_MONTHS } from '../../shared/usage';
import { dateOf, DAY_MS, periodBounds } from '../core/history/outlook';
import type { HistoryStore } from '../core/history/store';

/** The N periods ending with `period`, oldest first. */
export function lastPeriods(period: string, n: number): string[] {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) =>
    new Date(Date.UTC(y, m - 1 - (n - 1 - i), 1)).toISOString().slice(0, 7),
  );
}

/** Every day of the held months (up to today), oldest first; days without a row had no use. */
export function dayRows(months: readonly MonthUsage[], now: number): DayUsage[] {
  const rows: DayUsage[] = [];
  for (const m of months) {
    const b = periodBounds(m.period);
    if (!b) continue;
    const byDate = new Map(m.days.map((d) => [d.date, d]));
    for (let t = b.start; t < Math.min(b.end, now + 1); t += DAY_MS) {
      const date = dateOf(t);
      rows.push(
        byDate.get(date) ?? { date, used: 0, models: {}, gross: null, billed: null, source: 'billing' },
      );
    }
  }
  return rows;
}

const csvCell = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const n6 = (x: number): string => String(Math.round(x * 1e6) / 1e6);

/** CSV: `date,used,<one column per model, largest first>,gross_usd,billed_usd,source`. */
export function historyCsv(rows: readonly DayUsage[]): string {
  const totals = new Map<string, number>();
  for (const r of rows)
    for (const [m, u] of Object.entries(r.models)) totals.set(m, (totals.get(m) ?? 0) + u);
  const models = [...totals].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([m]) => m);
  const money = rows.some((r) => r.gross !== null);
  const header = ['date', 'used', ...models, ...(money ? ['gross_usd', 'billed_usd'] : []), 'source'];
  const lines = rows.map((r) =>
    [
      r.date,
      n6(r.used),
      ...models.map((m) => n6(r.models[m] ?? 0)),
      ...(money ? [r.gross === null ? '' : n6(r.gross), r.billed === null ? '' : n6(r.billed)] : []),
      r.source,
    ].join(','),
  );
  return [header.map(csvCell).join(','), ...lines].join('\n');
}

/** The history of the reading's account over the last 24 months, as the CLI's `history` prints it. */
export function exportHistory(
  s: UsageSnapshot,
  history: Pick<HistoryStore, 'readMonths'>,
  format: ExportFormat,
  now: number,
): string {
  const held = history.readMonths(s.account, lastPeriods(s.period, USAGE_MAX_MONTHS));
  const rows = dayRows(held, now);
  if (format === 'csv') return `${historyCsv(rows)}\n`;
  const doc = {
    account: s.account,
    unit: s.unit,
    months: held.map((m) => ({ period: m.period, unit: m.unit, used: m.used })),
    days: rows,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
