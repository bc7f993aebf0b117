/**
 * `copilot-meter history [--months N] [--csv | --json]` and `copilot-meter guard --min-left N|N%`.
 *
 * history: one refresh (which keeps the history file up to date and, on the PAT route, fills the N months from
 * GitHub's day-level billing data), then one row per day, oldest first, for each held month of the last N. The
 * rows of a month add up to that month's `used`. A month the history holds nothing for is left out (no data is
 * not zero use); a day without a row inside a held month had no use.
 *
 * guard: exit 0 while at least N units (or N % of the allowance) are left, EXIT.guardLow (10) otherwise, and
 * EXIT.guardUnknown (11) when it cannot be told (allowance unknown, usage hidden by the organisation). A seat
 * without a personal limit (organisation pool, unlimited) passes: there is no personal cap to run into. A
 * failed refresh exits with its usual code (2–8), so a script can tell "stop" from "broken". One line says why.
 */
import type { RefreshResult, UsageSnapshot } from '../../shared/domain';
import type { DayUsage, MonthUsage } from '../../shared/history';
import { describeError } from '../../shared/i18n';
import { roundPercent } from '../../shared/format';
import { dateOf, DAY_MS, periodBounds } from '../core/history/outlook';
import type { GlobalOptions } from './args';
import type { CliContext } from './context';
import { EXIT, exitCodeFor } from './exit-codes';
import { render, refreshWith, type StatusInputs } from './status';

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

/**
 * CSV: `date,used,<one column per model, largest first>,gross_usd,billed_usd,source`. The money columns appear
 * only when GitHub priced some day (billing API); an unpriced day leaves them empty.
 */
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

function historyText(
  s: UsageSnapshot,
  months: readonly MonthUsage[],
  rows: readonly DayUsage[],
  ctx: CliContext,
) {
  const { tr } = ctx;
  if (rows.length === 0) return tr.t('cli.history.empty', { login: s.account.login });
  const unit = tr.t(`unit.${s.unit}`);
  const out: string[] = [];
  for (const m of months) {
    for (const r of rows.filter((x) => x.date.startsWith(m.period))) {
      const money = r.gross !== null ? `  US$${tr.num(r.gross, 2)}` : '';
      const mark = r.source === 'estimate' ? '  ~' : '';
      out.push(`${r.date}  ${tr.num(r.used, 2).padStart(10)}${money}${mark}`);
    }
    out.push(tr.t('cli.history.total', { period: m.period, used: tr.num(m.used, 2), unit }), '');
  }
  return out.join('\n').trimEnd();
}

/** The reading failed: the same document/text `status` prints, and its exit code. */
function failed(result: Extract<RefreshResult, { ok: false }>, opts: GlobalOptions, ctx: CliContext): number {
  if (opts.format === 'json') ctx.io.out(render(result, 'json', ctx.tr, [], []));
  else ctx.io.err(describeError(result.error, ctx.tr));
  return exitCodeFor(result.error);
}

export async function runHistory(
  opts: GlobalOptions,
  ctx: CliContext,
  inputs: StatusInputs,
): Promise<number> {
  const months = opts.months ?? 1;
  const result = await refreshWith(ctx, inputs, months);
  if (!result.ok) return failed(result, opts, ctx);
  const s = result.snapshot;
  const held = inputs.history?.readMonths(s.account, lastPeriods(s.period, months)) ?? [];
  const rows = dayRows(held, ctx.clock.now());
  if (opts.csv) ctx.io.out(historyCsv(rows));
  else if (opts.format === 'json')
    ctx.io.out(
      JSON.stringify(
        {
          account: s.account,
          unit: s.unit,
          months: held.map((m) => ({ period: m.period, unit: m.unit, used: m.used })),
          days: rows,
        },
        null,
        2,
      ),
    );
  else ctx.io.out(historyText(s, held, rows, ctx));
  return EXIT.ok;
}

export async function runGuard(opts: GlobalOptions, ctx: CliContext, inputs: StatusInputs): Promise<number> {
  const { tr } = ctx;
  const min = opts.minLeft!;
  const result = await refreshWith(ctx, inputs);
  if (!result.ok) return failed(result, { ...opts, format: 'text' }, ctx);
  const s = result.snapshot as UsageSnapshot & { used: number | null; seat?: { kind: string } };
  const unit = tr.t(`unit.${s.unit}`);
  const kind = s.seat?.kind;
  if (s.used === null || kind === 'hidden') {
    ctx.io.out(tr.t('cli.guard.unknown', { why: tr.t('cli.guard.why.hidden') }));
    return EXIT.guardUnknown;
  }
  if (kind === 'pool' || s.unlimited) {
    const why = tr.t(kind === 'pool' ? 'cli.guard.why.pool' : 'cli.guard.why.unlimited');
    ctx.io.out(tr.t('cli.guard.noCap', { why, used: tr.num(s.used, 2), unit }));
    return EXIT.ok;
  }
  if (s.allowance === null || !(s.allowance > 0)) {
    ctx.io.out(tr.t('cli.guard.unknown', { why: tr.t('cli.guard.why.noAllowance') }));
    return EXIT.guardUnknown;
  }
  const left = s.allowance - s.used;
  const enough = min.percent ? (left / s.allowance) * 100 >= min.value : left >= min.value;
  const shown = {
    left: min.percent
      ? `${tr.num(Math.max(0, left), 2)} (${roundPercent((left / s.allowance) * 100)} %)`
      : tr.num(Math.max(0, left), 2),
    unit,
    min: min.percent ? `${tr.num(min.value, 2)} %` : tr.num(min.value, 2),
  };
  ctx.io.out(tr.t(enough ? 'cli.guard.ok' : 'cli.guard.low', shown));
  return enough ? EXIT.ok : EXIT.guardLow;
}
