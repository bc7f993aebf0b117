/**
 * Settings defaults, per-key validation and versioned migrations: the one place that decides what a valid
 * settings file is. Pure (no fs), so the tray (electron-store) and the CLI (conf) share it through store.ts.
 *
 * Policy: a broken key is reset to its default and named in `problems`; every other key is kept. A value that
 * looks like a token is never kept, wherever it sits (settings files are plain text; secrets go to the keychain).
 */
import { PLAN_IDS, type PlanId, type UsageSnapshot } from '../../shared/domain';
import { isLang } from '../../shared/i18n';
import { parsePlan } from '../../shared/plans';
import type { AccountSettings, Settings } from './types';
import { containsTokenText } from '../../shared/tokens';
export { isRecord } from '../../shared/json';
import { isRecord } from '../../shared/json';

export const SETTINGS_VERSION = 1;

export const REFRESH_MINUTES = { min: 1, max: 1440, default: 5 } as const;
export const THRESHOLD_RANGE = { min: 1, max: 1000 } as const;

/** A fresh copy each call, so callers may mutate what they get. */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    apiUrl: 'https://api.github.com',
    plan: null,
    allowanceOverride: null,
    refreshMinutes: REFRESH_MINUTES.default,
    thresholds: [75, 90, 100],
    notifications: { thresholds: true, accessBroken: true, periodReset: true, forecast: true },
    language: null,
    launchAtLogin: false,
    accounts: [],
    activeAccount: null,
    notified: { period: null, thresholds: [], accessBroken: false, tokenExpiry: null, forecast: false },
    lastSnapshot: null,
    usageWindow: null,
  };
}

/** A value holding token-looking text (shared/tokens.ts) never goes into settings. */
export function looksLikeSecret(value: string): boolean {
  return containsTokenText(value);
}

/** Paths (a.b[2].c) of every string inside `x` that looks like a token. */
export function findSecrets(x: unknown, path = ''): string[] {
  if (typeof x === 'string') return looksLikeSecret(x) ? [path || '(root)'] : [];
  if (Array.isArray(x)) return x.flatMap((v, i) => findSecrets(v, `${path}[${i}]`));
  if (isRecord(x)) {
    return Object.entries(x).flatMap(([k, v]) => {
      const here = path ? `${path}.${k}` : k;
      // A key name can carry a token too (someone pasted it in the wrong place).
      return [...(looksLikeSecret(k) ? [`${path || '(root)'} (a key name)`] : []), ...findSecrets(v, here)];
    });
  }
  return [];
}

// ---------------------------------------------------------------------------------------------------------
// Migrations

/**
 * One step from version `to - 1` to `to`. Steps get the raw object (unknown types: they run BEFORE validation)
 * and return a new one; validation afterwards resets whatever a step could not make sense of.
 */
export interface Migration {
  to: number;
  describe: string;
  up(raw: Record<string, unknown>): Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    // Version 0 = the seed's era: a `tier` key (free|pro|pro+|business|enterprise) instead of `plan`,
    // `refreshInterval` in seconds. Files written before versioning existed have no `version` key at all.
    to: 1,
    describe: 'tier → plan, refreshInterval (s) → refreshMinutes',
    up(raw) {
      const { tier, refreshInterval, ...rest } = raw;
      const out: Record<string, unknown> = { ...rest };
      if (!('plan' in rest) && tier !== undefined) out.plan = parsePlan(tier);
      if (!('refreshMinutes' in rest) && typeof refreshInterval === 'number') {
        out.refreshMinutes = Math.round(refreshInterval / 60);
      }
      out.version = 1;
      return out;
    },
  },
];

export interface MigrationResult {
  data: Record<string, unknown>;
  /** Version the data had (0 when the file had no version), and the version it has now. */
  from: number;
  to: number;
}

/**
 * Brings raw data up to SETTINGS_VERSION. An empty object is a new file (nothing to migrate); data without a
 * version is version 0. Data from a NEWER version is left alone (a downgrade must not destroy it).
 */
export function migrateSettings(
  raw: Record<string, unknown>,
  migrations: readonly Migration[] = MIGRATIONS,
  target = SETTINGS_VERSION,
): MigrationResult {
  if (Object.keys(raw).length === 0) return { data: { version: target }, from: target, to: target };
  const v = raw.version;
  const from = typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
  let data = { ...raw };
  let at = from;
  for (const m of [...migrations].sort((a, b) => a.to - b.to)) {
    if (m.to <= at || m.to > target) continue;
    data = { ...m.up(data), version: m.to };
    at = m.to;
  }
  return { data, from, to: at };
}

// ---------------------------------------------------------------------------------------------------------
// Validation

export interface ValidationResult {
  settings: Settings;
  /** One line per broken key: "<key>: <what was wrong>; <what was done>". Never contains a value. */
  problems: string[];
  /** Keys this version does not know, kept so a newer app's settings survive an older CLI writing the file. */
  extras: Record<string, unknown>;
}

type Check<T> = (v: unknown) => { ok: true; value: T; note?: string } | { ok: false; why: string };

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isIsoOrNull = (v: unknown): v is string | null =>
  v === null || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));

/** Host as stored in account keys: a DNS name, optionally with :port (loopback test servers). */
const HOST_PATTERN = /^[A-Za-z0-9.-]+(:\d{1,5})?$/;
/** GitHub logins: alphanumerics and single hyphens (EMU logins add _suffix). */
const LOGIN_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,98})$/;

export function isValidLogin(login: string): boolean {
  return LOGIN_PATTERN.test(login);
}
export function isValidHost(host: string): boolean {
  return HOST_PATTERN.test(host);
}

const checks: { [K in keyof Settings]: Check<Settings[K]> } = {
  version: (v) =>
    isFiniteNumber(v) && Number.isInteger(v) && v >= 0
      ? { ok: true, value: v }
      : { ok: false, why: 'not a version number' },
  apiUrl: (v) => {
    if (typeof v !== 'string') return { ok: false, why: 'not a URL' };
    try {
      const u = new URL(v.trim());
      if (u.protocol !== 'https:' && u.protocol !== 'http:') return { ok: false, why: 'not an http(s) URL' };
      return { ok: true, value: v.trim().replace(/\/+$/, '') };
    } catch {
      return { ok: false, why: 'not a URL' };
    }
  },
  plan: (v) => {
    if (v === null) return { ok: true, value: null };
    if (typeof v === 'string' && (PLAN_IDS as readonly string[]).includes(v)) {
      return { ok: true, value: v as PlanId };
    }
    const p = parsePlan(v);
    return p ? { ok: true, value: p } : { ok: false, why: `not one of ${PLAN_IDS.join(', ')}` };
  },
  allowanceOverride: (v) =>
    v === null || (isFiniteNumber(v) && v > 0)
      ? { ok: true, value: v }
      : { ok: false, why: 'not a positive number or null' },
  refreshMinutes: (v) => {
    if (!isFiniteNumber(v)) return { ok: false, why: 'not a number' };
    const c = Math.min(REFRESH_MINUTES.max, Math.max(REFRESH_MINUTES.min, v));
    return c === v
      ? { ok: true, value: v }
      : { ok: true, value: c, note: `out of range ${REFRESH_MINUTES.min}..${REFRESH_MINUTES.max}; clamped` };
  },
  thresholds: (v) => {
    if (!Array.isArray(v)) return { ok: false, why: 'not a list of numbers' };
    const good = v.filter(
      (x): x is number => isFiniteNumber(x) && x >= THRESHOLD_RANGE.min && x <= THRESHOLD_RANGE.max,
    );
    const value = [...new Set(good)].sort((a, b) => a - b);
    if (v.length > 0 && value.length === 0) {
      return { ok: false, why: `no number in ${THRESHOLD_RANGE.min}..${THRESHOLD_RANGE.max}` };
    }
    const note =
      good.length !== v.length
        ? `dropped values outside ${THRESHOLD_RANGE.min}..${THRESHOLD_RANGE.max}`
        : undefined;
    return note ? { ok: true, value, note } : { ok: true, value };
  },
  notifications: (v) => {
    if (!isRecord(v)) return { ok: false, why: 'not an object' };
    const d = defaultSettings().notifications;
    const bad = (Object.keys(d) as Array<keyof typeof d>).filter((k) => k in v && typeof v[k] !== 'boolean');
    const pick = (k: keyof typeof d): boolean => (typeof v[k] === 'boolean' ? (v[k] as boolean) : d[k]);
    const value = {
      thresholds: pick('thresholds'),
      accessBroken: pick('accessBroken'),
      periodReset: pick('periodReset'),
      forecast: pick('forecast'),
    };
    return bad.length
      ? { ok: true, value, note: `reset ${bad.join(', ')} (not true/false)` }
      : { ok: true, value };
  },
  language: (v) =>
    v === null || isLang(v) ? { ok: true, value: v } : { ok: false, why: 'not a supported language or null' },
  launchAtLogin: (v) =>
    typeof v === 'boolean' ? { ok: true, value: v } : { ok: false, why: 'not true/false' },
  accounts: (v) => {
    if (!Array.isArray(v)) return { ok: false, why: 'not a list' };
    const value: AccountSettings[] = [];
    const seen = new Set<string>();
    let dropped = 0;
    for (const a of v) {
      const acc = account(a);
      const key = acc && `${acc.host}/${acc.login}`;
      if (!acc || !key || seen.has(key)) {
        dropped++;
        continue;
      }
      seen.add(key);
      value.push(acc);
    }
    return dropped
      ? { ok: true, value, note: `dropped ${dropped} invalid or duplicate account(s)` }
      : { ok: true, value };
  },
  activeAccount: (v) =>
    v === null || (typeof v === 'string' && v.includes('/'))
      ? { ok: true, value: v }
      : { ok: false, why: 'not "host/login" or null' },
  notified: (v) => {
    if (!isRecord(v)) return { ok: false, why: 'not an object' };
    const { period, thresholds, accessBroken, tokenExpiry = null, forecast = false } = v;
    if (
      !(period === null || (typeof period === 'string' && /^\d{4}-\d{2}$/.test(period))) ||
      !Array.isArray(thresholds) ||
      !thresholds.every(isFiniteNumber) ||
      typeof accessBroken !== 'boolean' ||
      // Absent in files written before the token-expiry warning existed: that reads as "not warned yet".
      !(tokenExpiry === null || typeof tokenExpiry === 'string') ||
      // Absent in files written before the forecast notice existed: "not given yet".
      typeof forecast !== 'boolean'
    ) {
      return { ok: false, why: 'not {period, thresholds, accessBroken, tokenExpiry}' };
    }
    return { ok: true, value: { period, thresholds: [...thresholds], accessBroken, tokenExpiry, forecast } };
  },
  lastSnapshot: (v) => {
    if (v === null) return { ok: true, value: null };
    return isSnapshotLike(v)
      ? { ok: true, value: withSeatDefaults(v) }
      : { ok: false, why: 'not a usage reading' };
  },
  usageWindow: (v) => {
    if (v === null) return { ok: true, value: null };
    if (!isRecord(v)) return { ok: false, why: 'not {x, y, width, height}' };
    const { x, y, width, height } = v;
    const inRange = (n: unknown, min: number): n is number => isFiniteNumber(n) && n >= min && n <= 100_000;
    return inRange(x, -100_000) && inRange(y, -100_000) && inRange(width, 1) && inRange(height, 1)
      ? { ok: true, value: { x, y, width, height } }
      : { ok: false, why: 'not {x, y, width, height} in pixels' };
  },
};

function account(a: unknown): AccountSettings | null {
  if (!isRecord(a)) return null;
  const { login, host, tokenHint, tokenExpiresAt, lastCheckedAt, sessionOnly } = a;
  if (typeof login !== 'string' || !isValidLogin(login)) return null;
  if (typeof host !== 'string' || !isValidHost(host)) return null;
  // The hint is "…abcd" at most; anything longer could be (part of) a token.
  if (typeof tokenHint !== 'string' || tokenHint.length > 8) return null;
  const exp = tokenExpiresAt ?? null;
  const checked = lastCheckedAt ?? null;
  if (!isIsoOrNull(exp) || !isIsoOrNull(checked)) return null;
  const acc: AccountSettings = { login, host, tokenHint, tokenExpiresAt: exp, lastCheckedAt: checked };
  // Written only when true; anything else reads as false (the keychain), the safe default for old files.
  if (sessionOnly === true) acc.sessionOnly = true;
  return acc;
}

/** Loose: enough that the tray can show it as "last reading"; the next refresh replaces it anyway. */
function isSnapshotLike(v: unknown): v is UsageSnapshot {
  if (!isRecord(v)) return false;
  const acc = v.account;
  return (
    isRecord(acc) &&
    typeof acc.login === 'string' &&
    typeof acc.host === 'string' &&
    (v.unit === 'requests' || v.unit === 'credits') &&
    // null only for a hidden seat (GitHub shows its user no number).
    (isFiniteNumber(v.used) || (v.used === null && isRecord(v.seat) && v.seat.kind === 'hidden')) &&
    (v.allowance === null || isFiniteNumber(v.allowance)) &&
    typeof v.unlimited === 'boolean' &&
    typeof v.period === 'string' &&
    typeof v.fetchedAt === 'string' &&
    Array.isArray(v.models) &&
    isRecord(v.source) &&
    Array.isArray(v.attempts)
  );
}

/**
 * A reading saved by a version before seat kinds and money (README "Seat kinds") lacks seat, allowanceSource and
 * cost: it reads as a personal seat of unknown billing, with no prices and no known allowance source.
 */
function withSeatDefaults(v: UsageSnapshot): UsageSnapshot {
  const seat = isRecord(v.seat) ? v.seat : null;
  const kinds = ['personal', 'budget', 'pool', 'hidden'];
  const billings = ['personal', 'organization', 'unknown'];
  return {
    ...v,
    seat:
      seat && kinds.includes(seat.kind as string) && billings.includes(seat.billing as string)
        ? {
            billing: seat.billing,
            kind: seat.kind,
            organizations: Array.isArray(seat.organizations)
              ? seat.organizations.filter((o): o is string => typeof o === 'string').slice(0, 20)
              : [],
          }
        : { billing: 'unknown', organizations: [], kind: 'personal' },
    allowanceSource: ['github', 'plan', 'user'].includes(v.allowanceSource as string)
      ? v.allowanceSource
      : null,
    cost:
      isRecord(v.cost) &&
      v.cost.currency === 'USD' &&
      [v.cost.gross, v.cost.included, v.cost.billed].every(isFiniteNumber)
        ? v.cost
        : null,
  };
}

const KEYS = Object.keys(checks) as Array<keyof Settings>;

/** A problem with its weight: 'repaired' kept a fixed-up value, 'reset' lost the key's value, 'secret' dropped one. */
export interface SettingsProblem {
  key: string;
  severity: 'repaired' | 'reset' | 'secret';
  text: string;
}

/** validateSettings with each problem's severity (store.ts backs the file up only when something is lost). */
export function validateSettingsDetailed(raw: unknown): ValidationResult & { detailed: SettingsProblem[] } {
  const settings = defaultSettings();
  const detailed: SettingsProblem[] = [];
  const extras: Record<string, unknown> = {};
  const add = (key: string, severity: SettingsProblem['severity'], what: string): void => {
    detailed.push({ key, severity, text: `${key}: ${what}` });
  };
  if (!isRecord(raw)) {
    if (raw !== undefined && raw !== null) add('(file)', 'reset', 'not a JSON object; all settings reset');
    return { settings, problems: detailed.map((p) => p.text), extras, detailed };
  }
  for (const [k, v] of Object.entries(raw)) {
    if (looksLikeSecret(k) || findSecrets(v, k).length > 0) {
      const where = looksLikeSecret(k) ? '(a key name)' : k;
      add(where, 'secret', 'contains what looks like a token; removed (tokens belong in the keychain)');
      continue;
    }
    if (!(KEYS as string[]).includes(k)) {
      extras[k] = v;
      continue;
    }
    const key = k as keyof Settings;
    const r = checks[key](v);
    if (r.ok) {
      (settings as unknown as Record<string, unknown>)[key] = r.value;
      if (r.note) add(key, 'repaired', r.note);
    } else {
      add(key, 'reset', `${r.why}; reset to default`);
    }
  }
  return { settings, problems: detailed.map((p) => p.text), extras, detailed };
}

/**
 * Keeps every valid key, resets only broken ones (and names them), clamps/sorts what can be repaired, drops
 * anything that looks like a token. Missing keys are not problems: they take their defaults silently.
 */
export function validateSettings(raw: unknown): ValidationResult {
  const { settings, problems, extras } = validateSettingsDetailed(raw);
  return { settings, problems, extras };
}

/**
 * One key checked exactly as the settings file is (the CLI's `config set`), except that a value the file would
 * repair (a clamped interval, dropped thresholds) is refused instead, so what the user typed is what is saved.
 */
export function checkSetting<K extends keyof Settings>(
  key: K,
  value: unknown,
): { ok: true; value: Settings[K] } | { ok: false; why: string } {
  if (findSecrets(value).length > 0) return { ok: false, why: 'looks like a token' };
  const r = (checks[key] as Check<Settings[K]>)(value);
  if (!r.ok) return r;
  if (r.note) return { ok: false, why: r.note };
  return { ok: true, value: r.value };
}
