/**
 * The Usage window's main-side service, Electron-free (like main/setup/service.ts): composes the view the window
 * draws from the reading the tray shows, the daily history (main/core/history/store.ts) and core's pace and
 * forecast (main/core/history/outlook.ts), and writes exports. main/app/usage-window.ts and main/app/ipc.ts only
 * glue it to a window; the e2e drives it from Chromium through the same dispatch.
 *
 * Every method returns a result, never throws. Figures are computed here, once; the page only formats them.
 */
import type { UsageSnapshot } from '../../shared/domain';
import type { ErrorInfo } from '../../shared/errors';
import type { MonthUsage } from '../../shared/history';
import type { Lang } from '../../shared/i18n';
import { fail, ok, type Result } from '../../shared/ipc';
import {
  USAGE_MAX_MONTHS,
  type ExportFormat,
  type ExportResult,
  type UsageDay,
  type UsageHeadline,
  type UsageModelRow,
  type UsageMonth,
  type UsageSeatKind,
  type UsageView,
} from '../../shared/usage';
import { DAY_MS, forecastOf, paceOf, periodBounds, type OutlookReading } from '../core/history/outlook';
import type { AccountKey, HistoryStore } from '../core/history/store';
import { exportHistory } from './export';

/** What the tray shows right now: the last good reading, and the last refresh's failure if it failed. */
export interface UsageReading {
  snapshot: UsageSnapshot | null;
  error: ErrorInfo | null;
  /** Epoch ms of the last refresh attempt; null before the first. */
  lastAttemptAt: number | null;
}

export interface UsageServiceDeps {
  now(): number;
  reading(): UsageReading;
  /** The app's language choice (settings); null = follow the OS. */
  language(): Lang | null;
  history: Pick<HistoryStore, 'listMonths' | 'readMonths'>;
  /**
   * Asks where to save (the native save dialog) and writes the file there. Resolves to the path written, or null
   * when the user cancelled. Without it, export is refused.
   */
  saveFile?(file: { defaultName: string; format: ExportFormat; content: string }): Promise<string | null>;
  /** Closes the Usage window. */
  close?(): void;
}

export interface UsageService {
  getUsage(req: { period: string | null }): Promise<Result<UsageView>>;
  exportUsage(req: { format: ExportFormat }): Promise<Result<ExportResult>>;
  closeUsage(): Promise<Result<{ closed: boolean }>>;
}

/**
 * The seat kind of a reading; readings saved before seat kinds existed (settings' lastSnapshot from an older
 * version) have none and are personal.
 */
const seatOf = (s: UsageSnapshot): UsageSeatKind =>
  (s.seat as UsageSnapshot['seat'] | undefined)?.kind ?? 'personal';

const round2 = (n: number): number => Math.round(n * 100) / 100;
const periodOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

function headlineOf(s: UsageSnapshot): UsageHeadline {
  const seat = seatOf(s);
  const cost = s.cost ?? null;
  return {
    login: s.account.login,
    host: s.account.host,
    period: s.period,
    unit: s.unit,
    seat,
    organizations: [...((s.seat as UsageSnapshot['seat'] | undefined)?.organizations ?? [])],
    used: seat === 'hidden' ? null : s.used,
    allowance: seat === 'pool' || seat === 'hidden' ? null : s.allowance,
    unlimited: s.unlimited,
    percentUsed: seat === 'pool' || seat === 'hidden' ? null : s.percentUsed,
    resetAt: s.resetAt,
    gross: cost ? cost.gross : null,
    billed: cost ? cost.billed : null,
  };
}

function outlookReading(s: UsageSnapshot): OutlookReading {
  return {
    period: s.period,
    unit: s.unit,
    allowance: s.allowance,
    unlimited: s.unlimited,
    used: s.used,
    seat: { kind: seatOf(s) },
  };
}

/** Per model over the month's days, largest first; US$ per model only where the reading priced it. */
function modelRows(days: readonly UsageDay[], total: number, priced: Map<string, number>): UsageModelRow[] {
  const sums = new Map<string, number>();
  for (const d of days) for (const [m, u] of Object.entries(d.models)) sums.set(m, (sums.get(m) ?? 0) + u);
  return [...sums]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([model, used]) => ({
      model,
      used: round2(used),
      share: total > 0 ? round2((used / total) * 100) : null,
      gross: priced.get(model) ?? null,
    }));
}

function monthView(
  period: string,
  held: MonthUsage | null,
  snapshot: UsageSnapshot | null,
  now: number,
): UsageMonth | null {
  const bounds = periodBounds(period);
  if (!bounds) return null;
  const current = now >= bounds.start && now < bounds.end;
  const daysInMonth = Math.round((bounds.end - bounds.start) / DAY_MS);
  const daysSoFar = current ? Math.floor((now - bounds.start) / DAY_MS) + 1 : daysInMonth;
  const reading = snapshot && snapshot.period === period ? snapshot : null;
  // Nothing to draw: no history, and no figure (a hidden seat's use is not shown to its user).
  if (!held && (!reading || reading.used === null)) return null;
  const days: UsageDay[] = (held?.days ?? []).map((d) => ({ ...d, models: { ...d.models } }));
  const historyUsed = round2(days.reduce((a, d) => a + d.used, 0));
  // The reading is GitHub's figure for the month; the history's days may lag it until the next sync.
  const used = reading && reading.used !== null ? reading.used : historyUsed;
  const priced = new Map<string, number>();
  for (const m of reading?.models ?? []) if (m.cost) priced.set(m.model, m.cost.gross);
  // Per model: the days' split; for a month with no day rows yet, the reading's own breakdown.
  const models =
    days.some((d) => Object.keys(d.models).length > 0) || !reading
      ? modelRows(days, historyUsed, priced)
      : reading.models.map((m) => ({
          model: m.model,
          used: m.used,
          share: used > 0 ? round2((m.used / used) * 100) : null,
          gross: priced.get(m.model) ?? null,
        }));
  const withUse = days.filter((d) => d.used > 0);
  const allPriced = withUse.length > 0 && withUse.every((d) => d.gross !== null && d.billed !== null);
  const unit = held?.unit ?? reading!.unit;
  const head = reading ? headlineOf(reading) : null;
  return {
    period,
    unit,
    daysInMonth,
    daysSoFar,
    current,
    days,
    used,
    allowance: current && head ? head.allowance : null,
    pace: current && reading ? paceOf(outlookReading(reading), now) : null,
    forecast: current && reading ? forecastOf(outlookReading(reading), held, now) : null,
    models,
    gross: allPriced ? round2(withUse.reduce((a, d) => a + d.gross!, 0)) : (head?.gross ?? null),
    billed: allPriced ? round2(withUse.reduce((a, d) => a + d.billed!, 0)) : (head?.billed ?? null),
    estimated: days.some((d) => d.source === 'estimate'),
  };
}

export function createUsageService(deps: UsageServiceDeps): UsageService {
  const account = (): AccountKey | null => deps.reading().snapshot?.account ?? null;

  async function guard<T>(f: () => Promise<Result<T>>): Promise<Result<T>> {
    try {
      return await f();
    } catch (e) {
      // Reads of the history never throw by contract; anything else is reduced to its name (no paths, no data).
      const name = e instanceof Error ? e.name : typeof e;
      return fail({ kind: 'config', reason: 'other', detail: `unexpected ${name}` });
    }
  }

  function months(acc: AccountKey | null, now: number): string[] {
    const held = acc ? deps.history.listMonths(acc) : [];
    const all = new Set(held);
    if (acc) all.add(periodOf(now));
    return [...all].sort().reverse().slice(0, USAGE_MAX_MONTHS);
  }

  return {
    getUsage: ({ period }) =>
      guard(async () => {
        const now = deps.now();
        const { snapshot, error, lastAttemptAt } = deps.reading();
        const acc = snapshot?.account ?? null;
        const list = months(acc, now);
        const chosen = period ?? list[0] ?? null;
        const held = acc && chosen ? (deps.history.readMonths(acc, [chosen])[0] ?? null) : null;
        const view: UsageView = {
          language: deps.language(),
          now: new Date(now).toISOString(),
          headline: snapshot ? headlineOf(snapshot) : null,
          readAt: snapshot?.fetchedAt ?? null,
          lastAttemptAt: lastAttemptAt === null ? null : new Date(lastAttemptAt).toISOString(),
          problem: error,
          months: list,
          month: chosen ? monthView(chosen, held, snapshot, now) : null,
        };
        return ok(view);
      }),

    exportUsage: ({ format }) =>
      guard(async () => {
        const acc = account();
        const snapshot = deps.reading().snapshot;
        if (!deps.saveFile)
          return fail({ kind: 'config', reason: 'other', detail: 'export is not available' });
        if (!acc || !snapshot) return fail({ kind: 'config', reason: 'noCredential' });
        const content = exportHistory(snapshot, deps.history, format, deps.now());
        const name = `copilot-usage-${acc.login}-${snapshot.period}.${format}`;
        const path = await deps.saveFile({ defaultName: name, format, content });
        return ok({ saved: path !== null, path });
      }),

    closeUsage: () =>
      guard(async () => {
        deps.close?.();
        return ok({ closed: deps.close !== undefined });
      }),
  };
}
