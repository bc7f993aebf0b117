/** COPILOT_METER_TOKEN (scripts, CI), with an optional COPILOT_METER_USER for the login. */
import type { Env } from '../ports';
import type { Credential, CredentialLookup, CredentialSource } from './types';
import { tokenTextProblem } from '../../../shared/tokens';
import { emptyLookup, envVar, hasKnownPrefix, tokenKind } from './util';

export const TOKEN_VAR = 'COPILOT_METER_TOKEN';
export const USER_VAR = 'COPILOT_METER_USER';

const BAD_TEXT = {
  empty: 'it is empty',
  whitespace: 'it contains spaces or line breaks',
  characters: 'it contains characters a token never has, or is too short',
  'too-long': 'it is longer than 512 characters',
} as const;

export function envSource(env: Env): CredentialSource {
  return {
    id: 'env',
    async find(): Promise<CredentialLookup> {
      const out = emptyLookup();
      const raw = envVar(env, TOKEN_VAR)?.trim();
      if (raw === undefined) return out;
      // Checked before anything is sent: printable ASCII, no spaces, at most 512 characters (shared/tokens.ts).
      const bad = tokenTextProblem(raw) ?? (raw.length < 4 ? 'characters' : null);
      if (bad) {
        out.problems.push({
          source: 'env',
          origin: TOKEN_VAR,
          message: `${TOKEN_VAR} is set but cannot be a GitHub token (${BAD_TEXT[bad]}); it was not sent`,
          error: { kind: 'config', reason: 'badInput', token: bad, detail: `${TOKEN_VAR}: ${BAD_TEXT[bad]}` },
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
