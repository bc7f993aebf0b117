/** (3) The OAuth token of a Copilot client straight against /copilot_internal/user (`token` scheme). */
import { fetchInternalUser, snapshotFromInternal } from './common';
import type { UsageStrategy } from './types';

export function oauthDirectStrategy(): UsageStrategy {
  return {
    id: 'oauth-direct',
    select: (credentials) => credentials.filter((c) => c.kind === 'oauth'),
    async run(credential, ctx) {
      const r = await fetchInternalUser(ctx, 'oauth-direct', credential, credential.token, false);
      return r.ok ? snapshotFromInternal(r.usage, credential, 'oauth-direct', ctx, r.attempts) : r;
    },
  };
}
