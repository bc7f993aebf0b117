import type { CredentialSourceId, PlanId } from '../../../shared/domain';
import type { ErrorInfo } from '../../../shared/errors';

/**
 * A token found somewhere. 'pat' = fine-grained (github_pat_) or classic (ghp_) personal access token;
 * 'oauth' = a GitHub OAuth token of a Copilot client (gho_/ghu_); 'session' = a short-lived Copilot session
 * token (from /copilot_internal/v2/token, cached by OpenCode in `access`).
 */
export interface Credential {
  kind: 'pat' | 'oauth' | 'session';
  token: string;
  source: CredentialSourceId;
  /** Human pointer to where it came from (a path, "keychain", "COPILOT_METER_TOKEN"); never the token. */
  origin: string;
  /** Username stored beside the token, if any (may have the wrong case: the engine checks with GET /user). */
  login?: string;
  /** Plan/tier stored beside the token (legacy file's `tier`). */
  plan?: PlanId;
  /** Epoch ms when the token expires, if known (session tokens). */
  expiresAt?: number;
  /** Web host the token belongs to ("github.com", a GHE host), when the source says. */
  host?: string;
}

/** What a source found, plus readable problems (corrupted file, unreadable) that never stop the chain. */
export interface CredentialLookup {
  credentials: Credential[];
  problems: Array<{
    source: CredentialSourceId;
    origin: string;
    /** English, names the file and what is wrong; never contains a token. */
    message: string;
    /** The same as a typed error (config corruptFile / keychain …), so faces can say it via describeError. */
    error?: ErrorInfo;
  }>;
}

export interface CredentialSource {
  readonly id: CredentialSourceId;
  find(): Promise<CredentialLookup>;
}

/** "…abcd": the only form in which a token may ever be shown. */
export function tokenHint(token: string): string {
  return token.length >= 8 ? `…${token.slice(-4)}` : '…';
}
