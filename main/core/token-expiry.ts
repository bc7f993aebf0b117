/** When the token the tray uses expires: read from settings (GitHub reports it when the token is checked). */
import type { Settings } from '../settings/types';
import { activeAccountOf } from '../settings/accounts';

/** How long before a token's expiry the app starts saying so. */
export const TOKEN_EXPIRY_WARNING_MS = 7 * 24 * 60 * 60 * 1000;

/** The expiry date of the account the tray shows, when GitHub reported one. */
export function activeTokenExpiry(settings: Pick<Settings, 'accounts' | 'activeAccount'>): {
  login: string;
  expiresAt: string;
} | null {
  const a = activeAccountOf(settings);
  return a?.tokenExpiresAt ? { login: a.login, expiresAt: a.tokenExpiresAt } : null;
}

/** True while the active token expires within the warning window (and has not expired yet). */
export function tokenExpiresSoon(
  settings: Pick<Settings, 'accounts' | 'activeAccount'>,
  now: number,
): boolean {
  const e = activeTokenExpiry(settings);
  if (!e) return false;
  const at = Date.parse(e.expiresAt);
  return Number.isFinite(at) && at > now && at - now <= TOKEN_EXPIRY_WARNING_MS;
}
