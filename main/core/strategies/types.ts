import type { Attempt, PlanId, StrategyId, UsageSnapshot } from '../../../shared/domain';
import type { ErrorInfo } from '../../../shared/errors';
import type { Clock } from '../ports';
import type { Credential } from '../credentials/types';
import type { GitHubClient } from '../github/types';
import type { DayReader } from '../history/sync';

/** What the user told us (settings / CLI flags); used when GitHub does not say. */
export interface UsagePreferences {
  /** Username to query billing for; detected from the token when absent or when the case differs. */
  login?: string;
  /** The user's plan choice (used when no OAuth source can detect it). */
  plan?: PlanId;
  /** Custom allowance (overrides the plan table). */
  allowance?: number;
}

export interface StrategyContext {
  github: GitHubClient;
  clock: Clock;
  prefs: UsagePreferences;
  /** Every credential found, so a strategy can use a sibling (e.g. an OAuth token to detect the plan). */
  credentials: readonly Credential[];
  signal?: AbortSignal;
}

/** Never throws across the chain boundary. `attempts` lists every request-level try it made. */
export type StrategyResult =
  | {
      ok: true;
      snapshot: Omit<UsageSnapshot, 'attempts'>;
      attempts: Attempt[];
      /** Reads single days of the same account from the billing API (PAT route only; for the history). */
      dayReader?: DayReader;
    }
  | { ok: false; error: ErrorInfo; attempts: Attempt[] };

export interface UsageStrategy {
  readonly id: StrategyId;
  /** The credentials this strategy can use, in the order it should try them (empty = does not apply). */
  select(credentials: readonly Credential[]): Credential[];
  run(credential: Credential, ctx: StrategyContext): Promise<StrategyResult>;
}
