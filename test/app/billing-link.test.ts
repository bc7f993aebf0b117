/**
 * The tray's "billing" item opens a page in the user's browser only through the same allowlist as the wizard's
 * links (main/setup/links.ts): github.com or the configured API's web host, https, billing path.
 */
import { describe, expect, it } from 'vitest';
import { startTrayApp, type AppSettings } from '../../main/app/controller';
import { defaultSettings } from '../../main/settings/schema';
import type { Settings } from '../../main/settings/types';
import { FakeClock } from '../core/scheduler-fake-clock';
import { ok, snapshotAt } from '../core/scheduler-fixtures';
import { createStandIn, findItem } from './electron-stand-in';

const T0 = Date.UTC(2026, 5, 10, 9, 0);

async function billingOpens(apiUrl: string, accountHost: string): Promise<string[]> {
  const stand = createStandIn('linux');
  let s: Settings = { ...defaultSettings(), apiUrl };
  const settings: AppSettings = {
    get: () => s,
    update: (change) => (s = typeof change === 'function' ? change(s) : { ...s, ...change }),
  };
  const clock = new FakeClock(T0);
  const app = await startTrayApp(stand.api, {
    clock,
    random: () => 0.5,
    settings,
    refresh: async () =>
      ok(snapshotAt(clock.now(), 42, { account: { login: 'octocat', host: accountHost } })),
    openSetup: () => undefined,
    localeCandidates: () => ['en-US'],
  });
  await app?.scheduler.whenIdle();
  await new Promise((r) => setImmediate(r));
  findItem(stand.trays[0]!.menu, 'billing')!.click!();
  app?.quit();
  return stand.opened;
}

describe('billing link from the tray', () => {
  it('opens the billing page of the configured GitHub Enterprise host', async () => {
    expect(await billingOpens('https://api.acme.ghe.com', 'acme.ghe.com')).toEqual([
      'https://acme.ghe.com/settings/billing',
    ]);
  });

  it('opens nothing when the reading names a host the settings do not', async () => {
    expect(await billingOpens('https://api.github.com', 'github.com.evil.example')).toEqual([]);
  });
});
