/** COPILOT_METER_TOKEN (scripts, CI), with an optional COPILOT_METER_USER for the login. */
import type { Env } from '../ports';
import type { Credential, CredentialLookup, CredentialSource } from './types';
import { emptyLookup, envVar, hasKnownPrefix, looksLikeToken, tokenKind } from './util';

export const TOKEN_VAR = 'COPILOT_METER_TOKEN';
export const USER_VAR = 'COPILOT_METER_USER';

export function envSource(env: Env): CredentialSource {
  return {
    id: 'env',
    async find(): Promise<CredentialLookup> {
      const out = emptyLookup();
      const raw = envVar(env, TOKEN_VAR)?.trim();
      if (raw === undefined) return out;
      if (!looksLikeToken(raw)) {
        out.problems.push({
          source: 'env',
          origin: TOKEN_VAR,
          message: `${TOKEN_VAR} is set but does not look like a GitHub token (it contains spaces or is too short)`,
          error: {
            kind: 'config',
            reason: 'badInput',
            detail: `${TOKEN_VAR} does not look like a GitHub token`,
          },
        });
        return out;
      }
      const user = envVar(env, USER_VAR)?.trim();
      // A token without a known prefix is tried both ways (as a PAT, then as an OAuth token): the chain
      // records which one worked.
      const kinds: Credential['kind'][] = hasKnownPrefix(raw) ? [tokenKind(raw)] : ['pat', 'oauth'];
      for (const kind of kinds) {
        const cred: Credential = { kind, token: raw, source: 'env', origin: TOKEN_VAR };
        if (user) cred.login = user;
        out.credentials.push(cred);
      }
      return out;
    },
  };
}
