/** Which saved account is shown: one definition for the tray, its menu, alerts, the wizard and the CLI. */
import type { AccountSettings, Settings } from './types';

/** "host/login", the form settings.activeAccount and the keychain's account keys use. */
export const accountKeyOf = (a: Pick<AccountSettings, 'host' | 'login'>): string => `${a.host}/${a.login}`;

/** settings.activeAccount, else (null, or no longer saved) the first saved account; undefined when none. */
export function activeAccountOf(
  s: Pick<Settings, 'accounts' | 'activeAccount'>,
): AccountSettings | undefined {
  return s.accounts.find((a) => accountKeyOf(a) === s.activeAccount) ?? s.accounts[0];
}
