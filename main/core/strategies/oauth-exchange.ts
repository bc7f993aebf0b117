/**
 * (4) Exchange the OAuth token for a short-lived Copilot session token (/copilot_internal/v2/token), then read
 * /copilot_internal/user with it. The session token is kept in memory (never on disk) until shortly before it
 * expires, so a refresh every few minutes does not exchange every time.
 */
import type { Attempt } from '../../../shared/domain';
import { responseShapeError } from '../../../shared/errors';
import { isRecord, keysOf, num, str } from '../usage/values';
import { TOKEN_EXCHANGE_PATH, call, fetchInternalUser, snapshotFromInternal } from './common';
import type { UsageStrategy } from './types';

/** Re-exchange this long before GitHub's expiry, so a request never goes out with a token about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

export interface SessionToken {
  token: string;
  /** Epoch ms; null when GitHub did not say. */
  expiresAt: number | null;
}

export function parseSessionToken(body: unknown): SessionToken {
  const token = isRecord(body) ? str(body.token) : null;
  if (!token) throw responseShapeError({ missing: ['token'], seen: keysOf(body) });
  const exp = isRecord(body) ? num(body.expires_at) : null;
  // expires_at is epoch seconds; tolerate milliseconds.
  const expiresAt = exp === null || exp <= 0 ? null : exp < 1e12 ? exp * 1000 : exp;
  return { token, expiresAt };
}

export function oauthExchangeStrategy(): UsageStrategy {
  const sessions = new Map<string, SessionToken>();
  return {
    id: 'oauth-exchange',
    select: (credentials) => credentials.filter((c) => c.kind === 'oauth'),
    async run(credential, ctx) {
      const attempts: Attempt[] = [];
      let session = sessions.get(credential.token);
      if (session && session.expiresAt !== null && session.expiresAt - EXPIRY_MARGIN_MS <= ctx.clock.now()) {
        session = undefined;
      }
      if (!session) {
        const ex = await call(
          ctx,
          'oauth-exchange',
          credential.source,
          { path: TOKEN_EXCHANGE_PATH, token: credential.token, flavor: 'copilot' },
          parseSessionToken,
        );
        attempts.push(ex.attempt);
        if (!ex.ok) return { ok: false, error: ex.error, attempts };
        session = ex.value;
        // Without an expiry the token is used for this refresh only.
        if (session.expiresAt !== null) sessions.set(credential.token, session);
      }
      const r = await fetchInternalUser(ctx, 'oauth-exchange', credential, session.token, true);
      attempts.push(...r.attempts);
      if (!r.ok) {
        // A refused session token must not be reused next time.
        if (r.error.kind === 'auth') sessions.delete(credential.token);
        return { ok: false, error: r.error, attempts };
      }
      return snapshotFromInternal(r.usage, credential, 'oauth-exchange', ctx, attempts);
    },
  };
}
