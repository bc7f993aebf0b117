/**
 * (2) A Copilot session token OpenCode cached in `access`: no exchange needed while it is valid. An expired one
 * is skipped without a request (recorded as 'skipped', so the UI can say why).
 */
import type { ErrorInfo } from '../../../shared/errors';
import type { Credential } from '../credentials/types';
import { fetchInternalUser, snapshotFromInternal } from './common';
import type { StrategyContext, StrategyResult, UsageStrategy } from './types';

export function oauthCachedSessionStrategy(): UsageStrategy {
  return {
    id: 'oauth-cached-session',
    select: (credentials) => credentials.filter((c) => c.kind === 'session'),
    async run(credential: Credential, ctx: StrategyContext): Promise<StrategyResult> {
      if (credential.expiresAt !== undefined && credential.expiresAt <= ctx.clock.now()) {
        const error: ErrorInfo = {
          kind: 'auth',
          reason: 'expired',
          detail: 'cached Copilot session expired',
        };
        return {
          ok: false,
          error,
          attempts: [
            {
              strategy: 'oauth-cached-session',
              credential: credential.source,
              status: null,
              durationMs: 0,
              outcome: 'skipped',
              error,
            },
          ],
        };
      }
      const r = await fetchInternalUser(ctx, 'oauth-cached-session', credential, credential.token, true);
      return r.ok ? snapshotFromInternal(r.usage, credential, 'oauth-cached-session', ctx, r.attempts) : r;
    },
  };
}
