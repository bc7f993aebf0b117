/**
 * What the tray view-model is handed, for tests: a reading taken a minute before `now`, no error, not refreshing,
 * set up, and the default notification and menu settings (override any of it).
 */
import type { TrayState } from '../../main/core/tray-model';
import type { UsageSnapshot } from '../../shared/domain';

export const TRAY_SETTINGS: TrayState['settings'] = {
  apiUrl: 'https://api.github.com',
  refreshMinutes: 5,
  thresholds: [75, 90, 100],
  notifications: { thresholds: true, accessBroken: true, periodReset: true, forecast: true },
  language: null,
  launchAtLogin: false,
  accounts: [],
  activeAccount: null,
};

export const trayStateOf = (
  snapshot: UsageSnapshot | null,
  now: number,
  over: Partial<TrayState> = {},
): TrayState => ({
  snapshot,
  error: null,
  lastAttemptAt: now - 60_000,
  refreshing: false,
  configured: true,
  settings: TRAY_SETTINGS,
  ...over,
});
