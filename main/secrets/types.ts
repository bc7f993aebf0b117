/**
 * Where the app's own PAT lives. The keychain implementation (keytar) is the real one; memory.ts is its twin
 * for tests and for "keep the token for this session only" when no keychain is available.
 * Account key: "<host>/<login>" (e.g. "github.com/octocat"), so several accounts and GHE hosts fit.
 * Errors: keychain problems throw AppError kind 'keychain' (unavailable | locked | denied | other).
 */
export const SERVICE_NAME = 'copilot-meter';

export interface SecretStore {
  /** Which store this is, for messages ("system keychain", "this session only"). */
  readonly kind: 'keychain' | 'memory';
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when something was deleted. */
  delete(account: string): Promise<boolean>;
  /** Account keys that have a secret, in stable order. */
  list(): Promise<string[]>;
}

export const accountKey = (host: string, login: string): string => `${host}/${login}`;

export function parseAccountKey(key: string): { host: string; login: string } | null {
  const i = key.lastIndexOf('/');
  if (i <= 0 || i === key.length - 1) return null;
  return { host: key.slice(0, i), login: key.slice(i + 1) };
}
