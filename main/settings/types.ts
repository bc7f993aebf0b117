/**
 * The settings every face shares (tray app via electron-store, CLI via conf: same file, same schema).
 * Defaults, validation and migrations live in schema.ts; no secret ever goes in here.
 */
import type { PlanId, UsageSnapshot } from '../../shared/domain';
import type { Lang } from '../../shared/i18n';

export interface AccountSettings {
  /** Exact-case GitHub login. */
  login: string;
  /** Web host, "github.com" by default. */
  host: string;
  /** Last four characters of the stored token, for "token ending …abcd" without reading the keychain. */
  tokenHint: string;
  /** ISO date the token expires, when GitHub reported it. */
  tokenExpiresAt: string | null;
  /** ISO time of the last successful live check. */
  lastCheckedAt: string | null;
  /**
   * True when the user chose "keep for this session only" (keychain unavailable): the token was in memory and
   * is gone after a restart. Absent = false (the keychain), so older files stay valid.
   */
  sessionOnly?: boolean;
}

export interface Settings {
  /** Settings file format version, for migrations. */
  version: number;
  /** REST API base: https://api.github.com, https://api.<tenant>.ghe.com, https://<ghes>/api/v3. */
  apiUrl: string;
  /** The user's plan, when GitHub cannot tell (PAT only). null = not chosen. */
  plan: PlanId | null;
  /** Custom monthly allowance; overrides the plan table. null = use the table. */
  allowanceOverride: number | null;
  /** Minutes between refreshes, 1..1440, default 5. */
  refreshMinutes: number;
  /** Percent-used thresholds that notify, ascending, default [75, 90, 100]. */
  thresholds: number[];
  /** `forecast`: "at this pace you will reach your allowance around …", once per period (default on). */
  notifications: { thresholds: boolean; accessBroken: boolean; periodReset: boolean; forecast: boolean };
  /** null = follow the OS. */
  language: Lang | null;
  launchAtLogin: boolean;
  accounts: AccountSettings[];
  /** Which account the tray shows ("host/login"), null = the first. */
  activeAccount: string | null;
  /** Per-period memory so each threshold notifies once per billing period, across restarts. */
  notified: {
    period: string | null;
    thresholds: number[];
    accessBroken: boolean;
    /** The token expiry date already warned about (a new token with a new date warns again). */
    tokenExpiry: string | null;
    /** The forecast notice was given this period (absent in older files: false). */
    forecast: boolean;
  };
  /** Last good reading, shown (marked stale) when a refresh fails or at start-up. */
  lastSnapshot: UsageSnapshot | null;
  /** Where the Usage window was when it last closed (screen pixels); null = never opened. */
  usageWindow: { x: number; y: number; width: number; height: number } | null;
}
