/**
 * The daily-history file, shared by the tray app and the CLI: `history.json` in the settings folder (the same
 * folder as settings.json, so COPILOT_METER_CONFIG_DIR moves both).
 *
 * For readers (the Usage window, the CLI's `history` command):
 *   const store = openHistory({ dir: settingsDir(env) });
 *   store.listMonths(account)             → ["2026-10", "2026-11"]       oldest first
 *   store.readMonths(account, ["2026-11"]) → MonthUsage[]                 (shared/history.ts), oldest first
 *   store.readMonth(account, "2026-11")    → MonthUsage | null
 * `account` is {host, login} (login compared case-insensitively). Reads never throw and never write.
 * Filling it is the refresh's job: `engine.refresh({ …, history: store })` keeps the current month (and last
 * month's unsettled days); `historyMonths: N` also backfills the N − 1 months before it from GitHub (PAT route
 * only, one request per day, once). Pace and forecast of a reading: `outlookOf(snapshot, readMonth(…), now)`.
 *
 * Format (README "Daily history"): one JSON document, `{version: 1, accounts: {"host/login": {sample, months:
 * {"YYYY-MM": {unit, used, updatedAt, days: {"YYYY-MM-DD": {used, models, gross, billed, source, readAt}}}}}}}`.
 * Written atomically (a temporary file, then rename) after re-reading the file, so the app and the CLI do not
 * undo each other's days. At most 24 months per account are kept (GitHub keeps 24). A file that is not a
 * history is copied to `history.json.corrupt-<time>` and started afresh (the PAT route rebuilds it from GitHub
 * on the next refresh); a single broken day or month is dropped and named in `problems`.
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { isRecord } from '../../../shared/json';
import type { Unit } from '../../../shared/domain';
import { historyKey, type DaySource, type DayUsage, type MonthUsage } from '../../../shared/history';

export const HISTORY_FILE = 'history.json';
export const HISTORY_VERSION = 1;
/** GitHub keeps 24 months of billing usage; so do we. */
export const HISTORY_MONTHS = 24;

export interface StoredDay {
  used: number;
  models: Record<string, number>;
  gross: number | null;
  billed: number | null;
  source: DaySource;
  /** Epoch ms when GitHub's day query answered for this day; null when derived (month total, samples). */
  readAt: number | null;
}

export interface StoredMonth {
  unit: Unit;
  /** The month's total at the last update. */
  used: number;
  /** Epoch ms of the last update. */
  updatedAt: number;
  days: Record<string, StoredDay>;
}

/** The last Copilot sign-in reading: the next one's difference is the use in between. */
export interface Sample {
  at: number;
  period: string;
  used: number;
}

export interface AccountHistory {
  host: string;
  login: string;
  sample: Sample | null;
  months: Record<string, StoredMonth>;
}

export interface HistoryFile {
  version: number;
  accounts: Record<string, AccountHistory>;
}

export interface AccountKey {
  host: string;
  login: string;
}

export interface HistoryStore {
  readonly path: string;
  /** What was wrong with the file and was repaired, each said once. */
  readonly problems: string[];
  accounts(): AccountKey[];
  listMonths(account: AccountKey): string[];
  /** The given periods (all held ones when absent) that exist, oldest first. */
  readMonths(account: AccountKey, periods?: readonly string[]): MonthUsage[];
  readMonth(account: AccountKey, period: string): MonthUsage | null;
  /** The raw record for the sync: shared with the cache, treat it as read-only (change it through update). */
  record(account: AccountKey): AccountHistory;
  /** Re-reads the file, applies `change` to the account's record, bounds it, writes atomically. */
  update(account: AccountKey, change: (rec: AccountHistory) => void): void;
}

export interface OpenHistoryOptions {
  /** The settings folder (settingsDir(env)). */
  dir: string;
  /** For corrupt-copy names; default Date.now. */
  now?: () => number;
}

const PERIOD = /^\d{4}-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4}-\d{2})-(\d{2})$/;
const SOURCES: readonly DaySource[] = ['billing', 'samples', 'estimate'];
const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const amountOrNull = (x: unknown): number | null | undefined =>
  x === null || x === undefined ? null : finite(x) ? x : undefined;

const emptyFile = (): HistoryFile => ({ version: HISTORY_VERSION, accounts: {} });
const emptyAccount = (a: AccountKey): AccountHistory => ({
  host: a.host,
  login: a.login,
  sample: null,
  months: {},
});

function day(x: unknown): StoredDay | null {
  if (!isRecord(x)) return null;
  const gross = amountOrNull(x.gross);
  const billed = amountOrNull(x.billed);
  if (!finite(x.used) || x.used < 0 || gross === undefined || billed === undefined) return null;
  if (!SOURCES.includes(x.source as DaySource)) return null;
  const models: Record<string, number> = {};
  if (isRecord(x.models))
    for (const [k, v] of Object.entries(x.models)) if (finite(v) && v >= 0) models[k] = v;
  return {
    used: x.used,
    models,
    gross,
    billed,
    source: x.source as DaySource,
    readAt: finite(x.readAt) ? x.readAt : null,
  };
}

/** Validates the parsed file, keeping every good day; `problems` names what was dropped. */
export function validateHistory(raw: unknown, problems: string[]): HistoryFile | null {
  if (!isRecord(raw) || raw.version !== HISTORY_VERSION || !isRecord(raw.accounts)) return null;
  const out = emptyFile();
  for (const [key, a] of Object.entries(raw.accounts)) {
    if (!isRecord(a) || typeof a.host !== 'string' || typeof a.login !== 'string' || !isRecord(a.months)) {
      problems.push(`history: account ${key.slice(0, 80)} unreadable; dropped`);
      continue;
    }
    const acc = emptyAccount({ host: a.host, login: a.login });
    const s = a.sample;
    if (
      isRecord(s) &&
      finite(s.at) &&
      typeof s.period === 'string' &&
      PERIOD.test(s.period) &&
      finite(s.used)
    )
      acc.sample = { at: s.at, period: s.period, used: s.used };
    for (const [period, m] of Object.entries(a.months)) {
      if (
        !PERIOD.test(period) ||
        !isRecord(m) ||
        (m.unit !== 'credits' && m.unit !== 'requests') ||
        !finite(m.used) ||
        !isRecord(m.days)
      ) {
        problems.push(`history: ${key.slice(0, 80)} ${period.slice(0, 7)} unreadable; dropped`);
        continue;
      }
      const month: StoredMonth = {
        unit: m.unit,
        used: m.used,
        updatedAt: finite(m.updatedAt) ? m.updatedAt : 0,
        days: {},
      };
      for (const [date, d] of Object.entries(m.days)) {
        const good = DATE.exec(date)?.[1] === period ? day(d) : null;
        if (good) month.days[date] = good;
        else problems.push(`history: ${key.slice(0, 80)} day ${date.slice(0, 10)} unreadable; dropped`);
      }
      acc.months[period] = month;
    }
    out.accounts[key] = acc;
  }
  return out;
}

/** Keeps the newest HISTORY_MONTHS months. */
export function boundMonths(rec: AccountHistory, keep = HISTORY_MONTHS): void {
  const periods = Object.keys(rec.months).sort();
  for (const p of periods.slice(0, Math.max(0, periods.length - keep))) delete rec.months[p];
}

export function toMonthUsage(period: string, m: StoredMonth): MonthUsage {
  return {
    period,
    unit: m.unit,
    used: m.used,
    updatedAt: new Date(m.updatedAt).toISOString(),
    days: Object.keys(m.days)
      .sort()
      .map((date): DayUsage => {
        const d = m.days[date]!;
        return {
          date,
          used: d.used,
          models: { ...d.models },
          gross: d.gross,
          billed: d.billed,
          source: d.source,
        };
      }),
  };
}

export function openHistory(opts: OpenHistoryOptions): HistoryStore {
  const path = join(opts.dir, HISTORY_FILE);
  const now = opts.now ?? Date.now;
  const problems: string[] = [];
  const report = (p: string) => {
    if (!problems.includes(p)) problems.push(p);
  };
  let cache: { stamp: string; data: HistoryFile } | null = null;

  const copyAside = (): string | null => {
    const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
    let target = `${path}.corrupt-${stamp}`;
    for (let i = 1; existsSync(target); i++) target = `${path}.corrupt-${stamp}-${i}`;
    try {
      copyFileSync(path, target);
      return target;
    } catch {
      return null;
    }
  };

  const write = (data: HistoryFile): void => {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.tmp-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
    writeFileSync(tmp, JSON.stringify(data), { mode: 0o600 });
    renameSync(tmp, path);
    cache = null;
  };

  /** The file's content (empty when absent or unreadable; a corrupt file is copied aside and replaced). */
  const load = (): HistoryFile => {
    let stamp: string;
    try {
      const st = statSync(path);
      stamp = `${st.mtimeMs}:${st.size}:${st.ino}`;
    } catch {
      return emptyFile();
    }
    if (cache?.stamp === stamp) return cache.data;
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      report('history: the file cannot be read; starting without it');
      return emptyFile();
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
    } catch {
      parsed = undefined;
    }
    const found: string[] = [];
    const data = validateHistory(parsed, found);
    if (!data) {
      const copy = copyAside();
      report(
        `history: not a history file${copy ? `; a copy was kept as ${copy}` : ''}; started afresh (rebuilt from GitHub where possible)`,
      );
      try {
        write(emptyFile());
      } catch {
        // Read-only folder: the history lives in memory for this run.
      }
      return emptyFile();
    }
    found.forEach(report);
    cache = { stamp, data };
    return data;
  };

  const find = (data: HistoryFile, a: AccountKey): AccountHistory | undefined => data.accounts[historyKey(a)];

  const store: HistoryStore = {
    path,
    problems,
    accounts: () => Object.values(load().accounts).map((a) => ({ host: a.host, login: a.login })),
    listMonths: (a) => Object.keys(find(load(), a)?.months ?? {}).sort(),
    readMonths(a, periods) {
      const rec = find(load(), a);
      if (!rec) return [];
      const wanted = periods ? [...new Set(periods)] : Object.keys(rec.months);
      return wanted
        .filter((p) => rec.months[p])
        .sort()
        .map((p) => toMonthUsage(p, rec.months[p]!));
    },
    readMonth: (a, period) => store.readMonths(a, [period])[0] ?? null,
    record: (a) => find(load(), a) ?? emptyAccount(a),
    update(a, change) {
      cache = null;
      const data = structuredClone(load());
      const key = historyKey(a);
      const rec = data.accounts[key] ?? emptyAccount(a);
      change(rec);
      rec.host = a.host;
      rec.login = a.login;
      boundMonths(rec);
      data.accounts[key] = rec;
      write(data);
    },
  };
  return store;
}
