/** The strategies in the seed's order, made credits-aware. Create once per process: they hold small caches. */
import { oauthCachedSessionStrategy } from './oauth-cached-session';
import { oauthDirectStrategy } from './oauth-direct';
import { oauthExchangeStrategy } from './oauth-exchange';
import { patBillingStrategy } from './pat-billing';
import type { UsageStrategy } from './types';

export function createStrategies(): UsageStrategy[] {
  return [patBillingStrategy(), oauthCachedSessionStrategy(), oauthDirectStrategy(), oauthExchangeStrategy()];
}

export { oauthCachedSessionStrategy, oauthDirectStrategy, oauthExchangeStrategy, patBillingStrategy };
export { readPatBilling, type PatBillingDetails, type PatBillingResult } from './pat-billing';
export type { StrategyContext, StrategyResult, UsageStrategy, UsagePreferences } from './types';
