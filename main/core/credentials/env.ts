/**
 * Tokens given for one run: COPILOT_METER_TOKEN (scripts, CI), with an optional COPILOT_METER_USER for the login,
 * and the CLI's `--token-stdin`. Both are the same kind of credential; only the source id (and so what the
 * output names as its origin) differs.
 */
import type { Env } from '../ports';
import type { Credential, CredentialLookup, CredentialSource } from './types';
import { tokenTextProblem } from '../../../shared/tokens';
import { emptyLookup, envVar, hasKnownPrefix, tokenKind } from './util';

export const TOKEN_VAR = 'COPILOT_METER_TOKEN';
export const USER_VAR = 'COPILOT_METER_USER';
/** Where a --token-stdin token is said to come from (never the token itself). */
export const STDIN_ORIGIN = 'stdin (--token-stdin)';

const BAD_TEXT = {
  empty: 'it is empty',
  whitespace: 'it contains spaces or line breaks',
  characters: 'it contains characters a token never has, or is too short',
  'too-long': 'it is longer than 512 characters',
} as const;

function explicitToken(
  id: 'env' | 'stdin',
  origin: string,
  raw: string | undefined,
  user: string | undefined,
): CredentialLookup {
  const out = emptyLookup();
  if (raw === undefined) return out;
  // Checked before anything is sent: printable ASCII, no spaces, at most 512 characters (shared/tokens.ts).
  const bad = tokenTextProblem(raw) ?? (raw.length < 4 ? 'characters' : null);
  if (bad) {
    out.problems.push({
      source: id,
      origin,
      message: `${origin} is set but cannot be a GitHub token (${BAD_TEXT[bad]}); it was not sent`,
      error: { kind: 'config', reason: 'badInput', token: bad, detail: `${origin}: ${BAD_TEXT[bad]}` },
    });
    return out;
  }
  // A token without a known prefix is tried both ways (as a PAT, then as an OAuth token): the chain records
  // which one worked.
  const kinds: Credential['kind'][] = hasKnownPrefix(raw) ? [tokenKind(raw)] : ['pat', 'oauth'];
  for (const kind of kinds) {
    const cred: Credential = { kind, token: raw, source: id, origin };
    if (user) cred.login = user;
    out.credentials.push(cred);
  }
  return out;
}

export function envSource(env: Env): CredentialSource {
  return {
    id: 'env',
    find: async () =>
      explicitToken('env', TOKEN_VAR, envVar(env, TOKEN_VAR)?.trim(), envVar(env, USER_VAR)?.trim()),
  };
}

/** The token read from stdin for this run (`--token-stdin`); COPILOT_METER_USER names its login as for env. */
export function stdinSource(token: string, env: Env): CredentialSource {
  return {
    id: 'stdin',
    find: async () => explicitToken('stdin', STDIN_ORIGIN, token.trim(), envVar(env, USER_VAR)?.trim()),
  };
}
