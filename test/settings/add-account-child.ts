/**
 * Child process for test/settings/hostile-store.test.ts: opens the settings in the folder given and adds one
 * account through the store's read-modify-write, as `auth set` does. Usage: add-account-child.ts DIR LOGIN.
 */
import { openSettings } from '../../main/settings/store';

const [dir, login] = process.argv.slice(2) as [string, string];
const store = openSettings({
  env: { vars: { COPILOT_METER_CONFIG_DIR: dir }, platform: 'linux', homedir: dir },
});
store.update((cur) => ({
  ...cur,
  accounts: [
    ...cur.accounts,
    { login, host: 'github.com', tokenHint: 'abcd', tokenExpiresAt: null, lastCheckedAt: null },
  ],
}));
