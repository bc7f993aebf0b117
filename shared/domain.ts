/**
 * The domain shapes every layer agrees on. Plain data only: these cross IPC, go into --json output and are
 * persisted (last good snapshot), so no classes, no Dates (ISO strings), no functions.
 */
import type { ErrorInfo } from './errors';

/** What the allowance is counted in. "requests" = premium requests (old world), "credits" = AI credits (2026). */
export type Unit = 'requests' | 'credits';

/**
 * Plan ids. The seed's tiers (free|pro|pro+|business|enterprise) plus the AI-credits plan "max".
 * A plan id means the same subscription in both worlds; the allowance depends on the world (see plans.ts).
 */
export const PLAN_IDS = ['free', 'pro', 'pro+', 'max', 'business', 'enterprise'] as const;
export type PlanId = (typeof PLAN_IDS)[number];

/** Each way of asking GitHub, in the seed's order (made credits-aware). */
export const STRATEGY_IDS = [
  'pat-billing',
  'oauth-cached-session',
  'oauth-direct',
  'oauth-exchange',
] as const;
export type StrategyId = (typeof STRATEGY_IDS)[number];

/** Each place a token can come from. */
export const CREDENTIAL_SOURCE_IDS = [
  // Priority order. An explicit token for this run beats the stored one (scripts, CI, trying a new token).
  'stdin', // the CLI's --token-stdin (this run only)
  'env', // COPILOT_METER_TOKEN
  'keychain', // the app's own PAT, in the OS keychain
  'legacy-quota-file', // the seed's ~/.config/opencode/copilot-quota-token.json
  'opencode', // ~/.local/share/opencode/auth.json, key github-copilot
  'copilot-editor', // ~/.config/github-copilot/apps.json | hosts.json
  'gh-cli', // ~/.config/gh/hosts.yml
] as const;
export type CredentialSourceId = (typeof CREDENTIAL_SOURCE_IDS)[number];

export interface AccountRef {
  /** GitHub login with the exact case GitHub uses. */
  login: string;
  /** Web host of the account: "github.com", "<tenant>.ghe.com", a GHES host, or host:port for a loopback test server. */
  host: string;
}

/** What a period's use is worth, from the prices GitHub put on the billing items (US dollars, exact). */
export interface Cost {
  currency: 'USD';
  /** Everything used, at list price (Σ grossAmount). */
  gross: number;
  /** Covered by the plan's included allowance (Σ discountAmount). */
  included: number;
  /** Billed beyond the included allowance (Σ netAmount). */
  billed: number;
}

export interface ModelUsage {
  model: string;
  /** In the snapshot's unit. */
  used: number;
  /**
   * What this model's use is worth; null when GitHub gave no prices. Always present in --json (parsers set it);
   * optional here only so readings saved by older versions still type-check.
   */
  cost?: Cost | null;
}

/** Who set the allowance: GitHub's own entitlement, the plan table, or the user (settings, --allowance). */
export type AllowanceSource = 'github' | 'plan' | 'user';

/**
 * What kind of seat the reading is for (README "Seat kinds"):
 *  - personal: the user's own plan; the allowance comes from GitHub, the plan table or the user;
 *  - budget: an organisation seat with a user-level budget; GitHub's entitlement is the real cap;
 *  - pool: an organisation seat drawing on the organisation's pooled credits; no personal cap, no percentage;
 *  - hidden: an organisation seat whose use GitHub does not show its user; no number at all.
 */
export type SeatKind = 'personal' | 'budget' | 'pool' | 'hidden';

export interface Seat {
  /** Who pays for the seat: the user, an organisation/enterprise, or not said. */
  billing: 'personal' | 'organization' | 'unknown';
  /** Logins of the organisations that give the seat, as GitHub listed them (may be empty). */
  organizations: string[];
  kind: SeatKind;
}

/** One try of one strategy with one credential. The UI uses the list to say *why* it fell back. */
export interface Attempt {
  strategy: StrategyId;
  credential: CredentialSourceId | null;
  /** HTTP status of the last request this attempt made, null when no request was made or none answered. */
  status: number | null;
  durationMs: number;
  outcome: 'ok' | 'failed' | 'skipped';
  error?: ErrorInfo;
}

/** The one shape all strategies produce. Field names are the public --json contract (README). */
export interface UsageSnapshot {
  account: AccountRef;
  /** null when neither GitHub nor the user told us. */
  plan: PlanId | null;
  seat: Seat;
  unit: Unit;
  /** Used this period, in `unit`, exactly as GitHub gave it. Never negative; null only for a hidden seat. */
  used: number | null;
  /** Monthly allowance in `unit`; null when unlimited, unknown, or there is no personal cap (pool, hidden). */
  allowance: number | null;
  /** Who set `allowance`; null when there is none. */
  allowanceSource: AllowanceSource | null;
  unlimited: boolean;
  /** allowance - used, may be negative when over; null when allowance is null. */
  remaining: number | null;
  /** Share of the allowance USED, 0..∞ (may exceed 100); null when allowance is null. */
  percentUsed: number | null;
  /** Units beyond the allowance (billed or blocked), 0 when within. */
  overage: number;
  /** What the period's use is worth, when GitHub priced it (billing API); null otherwise. */
  cost: Cost | null;
  /** Per-model breakdown, largest first. Empty when the source has none. */
  models: ModelUsage[];
  /** Billing period, "YYYY-MM" (UTC). */
  period: string;
  /** When the allowance resets (ISO 8601), null when unknown. */
  resetAt: string | null;
  source: { strategy: StrategyId; credential: CredentialSourceId };
  /** ISO 8601. */
  fetchedAt: string;
  attempts: Attempt[];
}

/** What one refresh produced: a snapshot, or the error that stopped every strategy, always with the attempts. */
export type RefreshResult =
  | { ok: true; snapshot: UsageSnapshot; attempts: Attempt[] }
  | { ok: false; error: ErrorInfo; attempts: Attempt[] };
