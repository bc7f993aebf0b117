/**
 * The Usage window's export: the same document `copilot-meter history --months 24 --csv | --json` prints for the
 * same account and history (the CLI's own row, CSV and period functions), so a file saved from the window and the
 * CLI's output can be compared line by line.
 */
import type { UsageSnapshot } from '../../shared/domain';
import type { ExportFormat } from '../../shared/usage';
import { USAGE_MAX_MONTHS } from '../../shared/usage';
import { dayRows, historyCsv, lastPeriods } from '../cli/history';
import type { HistoryStore } from '../core/history/store';

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
