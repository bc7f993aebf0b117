/**
 * Keeps the history file (store.ts) in step with the readings. Two routes, chosen by what produced the reading:
 *
 * PAT (billing API, which answers `?year&month&day`): `syncFromBilling`.
 *  - Backfill: the first reading of a month reads every elapsed day before today that was never read: at most
 *    one request per elapsed day, once (4 at a time).
 *  - Today is never asked for: it is the month's total minus the other days (the month's total is the refresh's
 *    own request), so the days of a month always add up to its `used`.
 *  - A day read at least two days after it began (when it was "the day before yesterday" or older) is final and
 *    never read again. Billing posts late for a day or so, so yesterday and the day before are read again:
 *    steady state reads at most ONE day per refresh, and only when there is something to learn: yesterday's row
 *    was still derived (just after midnight), a day's final read is due, or the month's total moved since the
 *    last sync (then yesterday, where late use lands). A refresh whose month answered 304 costs nothing more.
 *  - Earlier months on demand (`backfillMonth`), up to GitHub's 24: every day of that month, once.
 *
 * Copilot sign-in (no day endpoint): `recordSample`. The last reading is kept in the file (so restarts do not
 * lose it); the difference to the next one is spread over the time between them, per UTC day: within one day it
 * is that day's ('samples'); across days (the computer slept, the app was off) it is spread evenly ('estimate').
 * A new period starts from the 1st 00:00 UTC; a counter that went down (a refund, a correction) takes the
 * difference back from the latest days. The month's days always add up to the latest reading.
 */
import type { Unit, UsageSnapshot } from '../../../shared/domain';
import type { DaySource } from '../../../shared/history';
import { dateOf, DAY_MS, dayStart, periodBounds, startOfDate } from './outlook';
import type { AccountHistory, HistoryStore, StoredDay, StoredMonth } from './store';

/** One day's use as GitHub's billing API gives it. */
export interface DayReading {
  used: number;
  models: Record<string, number>;
  gross: number | null;
  billed: number | null;
}

/** Reads one UTC day ("YYYY-MM-DD") of one billing world; throws on failure (the day stays unread). */
export type DayReader = (date: string, unit: Unit, signal?: AbortSignal) => Promise<DayReading>;

/** AI credits replaced premium requests on 2026-06-01 (earlier months are premium requests). */
const CREDITS_SINCE = '2026-06';
const PARALLEL = 4;
const EPS = 1e-6;

/** Quantities are kept to 6 decimals: enough for GitHub's fractional units, without float dust in the file. */
const q = (n: number): number => {
  const r = Math.round(n * 1e6) / 1e6;
  return Object.is(r, -0) ? 0 : r;
};

type SyncSnapshot = Pick<UsageSnapshot, 'account' | 'period' | 'unit' | 'models'> & {
  used: number | null;
  /** Present once readings carry money (seat kinds); absent in older readings. */
  cost?: { gross: number; billed: number } | null;
};

const newMonth = (unit: Unit): StoredMonth => ({ unit, used: 0, updatedAt: 0, days: {} });
const sumDays = (m: StoredMonth, except?: string): number =>
  Object.entries(m.days).reduce((a, [d, x]) => (d === except ? a : a + x.used), 0);
/** A day read at least two days after it began will not change any more. */
const isFinal = (date: string, d: StoredDay | undefined): boolean =>
  d?.readAt != null && d.readAt >= startOfDate(date) + 2 * DAY_MS;

/** Every UTC date in [from, to), oldest first. */
function datesBetween(from: number, to: number): string[] {
  const out: string[] = [];
  for (let t = dayStart(from); t < to; t += DAY_MS) out.push(dateOf(t));
  return out;
}

async function readAll(
  dates: string[],
  read: (date: string) => Promise<DayReading>,
): Promise<Map<string, DayReading>> {
  const got = new Map<string, DayReading>();
  let next = 0;
  const worker = async () => {
    while (next < dates.length) {
      const date = dates[next++]!;
      try {
        got.set(date, await read(date));
      } catch {
        // Left unread: the next refresh asks again.
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, dates.length) }, worker));
  return got;
}

const stored = (r: DayReading, now: number): StoredDay => ({
  used: q(r.used),
  models: Object.fromEntries(Object.entries(r.models).map(([k, v]) => [k, q(v)])),
  gross: r.gross === null ? null : q(r.gross),
  billed: r.billed === null ? null : q(r.billed),
  source: 'billing',
  readAt: now,
});

export interface SyncOutcome {
  /** Day queries made. */
  reads: number;
  /** The history holds the month before the reading's (so its unsettled days are worth a look). */
  lastMonthHeld?: boolean;
}

/** Which past days a billing sync reads now (see the module comment); exported for tests. */
export function daysToRead(rec: AccountHistory, snap: SyncSnapshot, now: number): string[] {
  const b = periodBounds(snap.period)!;
  const today = dayStart(now);
  const month = rec.months[snap.period];
  const sameWorld = month?.unit === snap.unit;
  const monthOf = (date: string) =>
    date.startsWith(snap.period) ? (sameWorld ? month : undefined) : rec.months[date.slice(0, 7)];
  const past = datesBetween(b.start, today);
  const missing = past.filter((d) => monthOf(d)?.days[d]?.readAt == null);
  if (missing.length > 1) return missing;
  // The previous month's last two days still settle after the reset (if that month is kept at all).
  const recent = datesBetween(Math.max(today - 2 * DAY_MS, b.start - 2 * DAY_MS), today).filter(
    (d) => !d.startsWith(snap.period) && rec.months[d.slice(0, 7)] !== undefined,
  );
  const unsettled = [...recent.filter((d) => rec.months[d.slice(0, 7)]!.days[d]?.readAt == null), ...missing];
  if (unsettled.length > 0) return [unsettled[0]!];
  const due = [...recent, ...past].filter((d) => {
    const day = monthOf(d)?.days[d];
    return day?.readAt != null && !isFinal(d, day) && now >= startOfDate(d) + 2 * DAY_MS;
  });
  if (due.length > 0) return [due[0]!];
  const yesterday = dateOf(today - DAY_MS);
  const moved = !sameWorld || month === undefined || Math.abs(month.used - (snap.used ?? 0)) > EPS;
  const yMonth = monthOf(yesterday);
  return moved && yMonth && !isFinal(yesterday, yMonth.days[yesterday]) ? [yesterday] : [];
}

/** After a PAT reading of the current period: backfill, re-read what may still change, derive today. */
export async function syncFromBilling(
  store: HistoryStore,
  snap: SyncSnapshot,
  reader: DayReader,
  now: number,
  signal?: AbortSignal,
): Promise<SyncOutcome> {
  const b = periodBounds(snap.period);
  const used = snap.used;
  if (!b || used === null || now < b.start || now >= b.end) return { reads: 0 };
  const before = store.record(snap.account);
  const wanted = daysToRead(before, snap, now);
  const lastMonthHeld = before.months[dateOf(b.start - DAY_MS).slice(0, 7)] !== undefined;
  const unitOf = (date: string): Unit =>
    date.slice(0, 7) === snap.period ? snap.unit : monthUnit(store, snap, date);
  const got = await readAll(wanted, (date) => reader(date, unitOf(date), signal));
  const today = dateOf(now);
  // Nothing read and the month's total as last time (a 304): the file already says all there is to say.
  const kept = before.months[snap.period];
  if (got.size === 0 && kept?.unit === snap.unit && kept.days[today] && Math.abs(kept.used - used) <= EPS)
    return { reads: wanted.length, lastMonthHeld };
  store.update(snap.account, (rec) => {
    let month: StoredMonth | undefined = rec.months[snap.period];
    if (!month || month.unit !== snap.unit) month = rec.months[snap.period] = newMonth(snap.unit);
    for (const [date, r] of got) {
      const period = date.slice(0, 7);
      const m: StoredMonth | undefined = period === snap.period ? month : rec.months[period];
      if (!m) continue;
      m.days[date] = stored(r, now);
      if (m !== month) {
        // A settled day of an earlier month: that month's total is its days.
        m.used = q(sumDays(m));
        m.updatedAt = now;
      }
    }
    // Today: the month's total minus every other day, per model and in dollars where both are known.
    const others = Object.entries(month.days)
      .filter(([d]) => d !== today)
      .map(([, d]) => d);
    const models: Record<string, number> = {};
    for (const m of snap.models) {
      const rest = others.reduce((a, d) => a + (d.models[m.model] ?? 0), 0);
      if (m.used - rest > EPS) models[m.model] = q(m.used - rest);
    }
    const money = (pick: (c: { gross: number; billed: number }) => number, key: 'gross' | 'billed') => {
      if (!snap.cost || others.some((d) => d[key] === null)) return null;
      return q(Math.max(0, pick(snap.cost) - others.reduce((a, d) => a + (d[key] ?? 0), 0)));
    };
    const todayUse = q(Math.max(0, used - sumDays(month, today)));
    month.days[today] = {
      used: todayUse,
      models,
      gross: money((c) => c.gross, 'gross'),
      billed: money((c) => c.billed, 'billed'),
      source: 'billing',
      readAt: null,
    };
    month.used = used;
    month.updatedAt = now;
    rec.sample = { at: now, period: snap.period, used };
  });
  return { reads: wanted.length, lastMonthHeld };
}

/** The world a past month is read in: premium requests before June 2026, else the month's own or the current. */
function monthUnit(store: HistoryStore, snap: SyncSnapshot, date: string): Unit {
  const period = date.slice(0, 7);
  if (period < CREDITS_SINCE) return 'requests';
  return store.record(snap.account).months[period]?.unit ?? snap.unit;
}

/**
 * Reads every not-yet-final day of an earlier month (on demand: the CLI's `history --months`, the Usage window).
 * At most one request per day of that month, once. The month's total becomes the sum of its days.
 * `quiet`: for the previous month on every refresh: only days never read, and days whose final read is due
 * (read too early, now two days old). Once they are all final, this costs nothing.
 */
export async function backfillMonth(
  store: HistoryStore,
  snap: SyncSnapshot,
  period: string,
  reader: DayReader,
  now: number,
  signal?: AbortSignal,
  quiet = false,
): Promise<SyncOutcome> {
  const b = periodBounds(period);
  if (!b || b.end > dayStart(now) || period >= snap.period) return { reads: 0 };
  const rec = store.record(snap.account);
  const unit = period < CREDITS_SINCE ? 'requests' : (rec.months[period]?.unit ?? snap.unit);
  const existing = rec.months[period]?.unit === unit ? rec.months[period] : undefined;
  const settled = (d: string) => now >= startOfDate(d) + 2 * DAY_MS;
  const wanted = datesBetween(b.start, b.end).filter((d) => {
    const day = existing?.days[d];
    return quiet ? day?.readAt == null || (!isFinal(d, day) && settled(d)) : !isFinal(d, day);
  });
  if (wanted.length === 0) return { reads: 0 };
  const got = await readAll(wanted, (date) => reader(date, unit, signal));
  store.update(snap.account, (r) => {
    let m = r.months[period];
    if (!m || m.unit !== unit) m = r.months[period] = newMonth(unit);
    for (const [date, reading] of got) m.days[date] = stored(reading, now);
    m.used = q(sumDays(m));
    m.updatedAt = now;
  });
  return { reads: wanted.length };
}

const WEAKER: Record<DaySource, number> = { billing: 0, samples: 1, estimate: 2 };

/** After a Copilot sign-in reading: the use since the last one, spread over the days in between. */
export function recordSample(store: HistoryStore, snap: SyncSnapshot, now: number): void {
  const b = periodBounds(snap.period);
  const used = snap.used;
  if (!b || used === null || now < b.start || now >= b.end) return;
  store.update(snap.account, (rec) => {
    let month = rec.months[snap.period];
    if (!month || month.unit !== snap.unit) month = rec.months[snap.period] = newMonth(snap.unit);
    const last = rec.sample;
    // The previous reading of this period, if any, is where this difference starts; otherwise the reset.
    const from =
      last && last.period === snap.period && last.at >= b.start && last.at <= now ? last.at : b.start;
    const delta = used - sumDays(month);
    if (delta > EPS) spread(month, delta, from, now);
    else if (delta < -EPS) takeBack(month, -delta);
    month.used = used;
    month.updatedAt = now;
    rec.sample = { at: now, period: snap.period, used };
  });
}

function addTo(m: StoredMonth, date: string, amount: number, source: DaySource): void {
  const d = m.days[date] ?? { used: 0, models: {}, gross: null, billed: null, source, readAt: null };
  d.used = q(d.used + amount);
  if (WEAKER[source] > WEAKER[d.source]) d.source = source;
  m.days[date] = d;
}

/** Spreads `amount` over [from, to] in proportion to the time of each UTC day; the last day takes the rounding. */
function spread(m: StoredMonth, amount: number, from: number, to: number): void {
  const dates = datesBetween(from, Math.max(to, from + 1));
  if (dates.length === 1) {
    addTo(m, dateOf(to), amount, 'samples');
    return;
  }
  let given = 0;
  dates.forEach((date, i) => {
    const start = startOfDate(date);
    const part =
      i === dates.length - 1
        ? amount - given
        : q((amount * (Math.min(start + DAY_MS, to) - Math.max(start, from))) / (to - from));
    given += part;
    addTo(m, date, part, 'estimate');
  });
}

/** Removes `amount` from the latest days first (a counter that went down). */
function takeBack(m: StoredMonth, amount: number): void {
  let left = amount;
  for (const date of Object.keys(m.days).sort().reverse()) {
    if (left <= EPS) break;
    const d = m.days[date]!;
    const take = Math.min(d.used, left);
    d.used = q(d.used - take);
    left -= take;
  }
}
