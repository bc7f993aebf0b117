/**
 * When to notify. Pure policy: given what was already said this billing period (persisted in
 * settings.notified, so a restart does not repeat it) and the latest refresh, decide which notices to show.
 *  - each threshold fires once per period; crossing several at once gives ONE notice, for the highest;
 *  - a new period resets the memory and says "your allowance has reset" (if enabled);
 *  - broken access (auth error) is said once until a refresh succeeds again; clicking it opens setup.
 * Memory is updated even when a switch is off, so turning it on later does not replay old news.
 */
import type { RefreshResult, UsageSnapshot } from '../../shared/domain';
import type { Forecast } from '../../shared/history';
import type { ErrorInfo } from '../../shared/errors';
import { describeError, type Translator } from '../../shared/i18n';
import { seatNote, seatOf } from '../../shared/seat';
import { safeText } from '../../shared/text';
import type { Settings } from '../settings/types';
import { activeTokenExpiry, tokenExpiresSoon } from './token-expiry';
import { formatDay, type FormatOptions } from './tray-model';

export type AlertMemory = Settings['notified'];
export type AlertSettings = Pick<Settings, 'thresholds' | 'notifications'>;

export interface Notice {
  kind: 'threshold' | 'periodReset' | 'accessBroken' | 'tokenExpiring' | 'forecast' | 'settingsRepaired';
  title: string;
  body: string;
  /** What clicking the notification does. */
  action: 'openSetup' | 'openBilling' | 'none';
  /** For kind 'threshold': the threshold it announces. */
  threshold?: number;
}

export type AlertInput = { ok: true; snapshot: UsageSnapshot } | { ok: false; error: ErrorInfo };

export const EMPTY_MEMORY: AlertMemory = {
  period: null,
  thresholds: [],
  accessBroken: false,
  tokenExpiry: null,
  forecast: false,
};

export function evaluateAlerts(
  prev: AlertMemory,
  input: AlertInput | RefreshResult,
  settings: AlertSettings,
  tr: Translator,
  opts: FormatOptions = {},
): { notifications: Notice[]; memory: AlertMemory } {
  const notifications: Notice[] = [];
  let memory: AlertMemory = { ...prev, thresholds: [...prev.thresholds] };
  const { t } = tr;

  if (!input.ok) {
    if (input.error.kind === 'auth' && !memory.accessBroken) {
      memory.accessBroken = true;
      if (settings.notifications.accessBroken)
        notifications.push({
          kind: 'accessBroken',
          title: t('tray.notice.access.title'),
          body: t('tray.notice.access.body', { problem: safeText(describeError(input.error, tr), 1000) }),
          action: 'openSetup',
        });
    }
    return { notifications, memory };
  }

  const s = input.snapshot;
  memory.accessBroken = false;
  // A reading from an earlier period (a late or cached answer) says nothing about this one.
  if (memory.period !== null && s.period < memory.period) return { notifications, memory };
  if (memory.period !== null && s.period > memory.period) {
    memory = {
      period: s.period,
      thresholds: [],
      accessBroken: false,
      tokenExpiry: memory.tokenExpiry,
      forecast: false,
    };
    if (settings.notifications.periodReset)
      notifications.push({
        kind: 'periodReset',
        title: t('tray.notice.reset.title'),
        body:
          s.allowance !== null && !s.unlimited
            ? t('tray.notice.reset.body', {
                period: s.period,
                allowance: tr.num(s.allowance),
                unit: t(`unit.${s.unit}`),
              })
            : t('tray.notice.reset.bodyNoAllowance', { period: s.period }),
        action: 'none',
      });
  }
  memory.period = s.period;

  const p = s.percentUsed;
  // No percentage alerts without a cap: an organisation pool or a hidden seat has none (percentUsed is null).
  if (p === null || s.unlimited || s.allowance === null || s.used === null) return { notifications, memory };
  const crossed = settings.thresholds.filter((th) => p >= th && !memory.thresholds.includes(th));
  if (crossed.length === 0) return { notifications, memory };
  memory.thresholds = [...memory.thresholds, ...crossed].sort((a, b) => a - b);
  if (!settings.notifications.thresholds) return { notifications, memory };

  const top = Math.max(...crossed);
  const unit = t(`unit.${s.unit}`);
  const date = s.resetAt ? formatDay(s.resetAt, tr, opts) : '?';
  const used = tr.num(s.used, 2);
  const allowance = tr.num(s.allowance);
  // Whose cap it is, when it is not the user's plan: a user-level budget stops use when it is reached.
  const note = seatOf(s).kind === 'budget' ? seatNote(s, tr) : null;
  const stop = tr.lang === 'zh' ? '。' : '.';
  const withNote = (body: string) => (note ? `${body} ${note}${stop}` : body);
  notifications.push(
    top >= 100
      ? {
          kind: 'threshold',
          threshold: top,
          title: t('tray.notice.over.title'),
          body: withNote(t('tray.notice.over.body', { used, allowance, unit, date })),
          action: 'openBilling',
        }
      : {
          kind: 'threshold',
          threshold: top,
          title: t('tray.notice.threshold.title', { percent: top }),
          body: withNote(
            t('tray.notice.threshold.body', {
              used,
              allowance,
              unit,
              date,
              left: tr.num(Math.max(0, s.remaining ?? 0), 2),
            }),
          ),
          action: 'openBilling',
        },
  );
  return { notifications, memory };
}

export const sameMemory = (a: AlertMemory, b: AlertMemory): boolean =>
  a.period === b.period &&
  a.accessBroken === b.accessBroken &&
  a.tokenExpiry === b.tokenExpiry &&
  a.forecast === b.forecast &&
  a.thresholds.length === b.thresholds.length &&
  a.thresholds.every((x, i) => x === b.thresholds[i]);

/**
 * A fine-grained token expires (90 days by default): say so once, a week ahead, so the meter does not simply go
 * dark. Once per expiry date; a replaced token with a new date can warn again. After expiry the refresh fails
 * with an auth error and the "access broken" notice takes over.
 */
export function evaluateTokenExpiry(
  prev: AlertMemory,
  settings: Pick<Settings, 'accounts' | 'activeAccount' | 'notifications'>,
  now: number,
  tr: Translator,
  opts: FormatOptions = {},
): { notifications: Notice[]; memory: AlertMemory } {
  const e = activeTokenExpiry(settings);
  if (!e || !tokenExpiresSoon(settings, now) || prev.tokenExpiry === e.expiresAt) {
    return { notifications: [], memory: prev };
  }
  const memory = { ...prev, tokenExpiry: e.expiresAt };
  if (!settings.notifications.accessBroken) return { notifications: [], memory };
  return {
    memory,
    notifications: [
      {
        kind: 'tokenExpiring',
        title: tr.t('tray.notice.expiring.title'),
        body: tr.t('tray.notice.expiring.body', { login: e.login, date: formatDay(e.expiresAt, tr, opts) }),
        action: 'openSetup',
      },
    ],
  };
}

/**
 * "At this pace you will reach your allowance around <date>": once per period, the first time the forecast runs
 * out before the reset while the allowance is not used up yet (past 100 % the threshold notice has said it).
 * Call after evaluateAlerts (which starts a new period's memory). Remembered in settings.notified.forecast, so a
 * restart does not repeat it; remembered even when switched off, so switching on later does not replay it.
 */
export function evaluateForecastAlert(
  prev: AlertMemory,
  snapshot: Pick<UsageSnapshot, 'period' | 'percentUsed' | 'resetAt'>,
  forecast: Forecast | null,
  settings: Pick<Settings, 'notifications'>,
  tr: Translator,
  opts: FormatOptions = {},
): { notifications: Notice[]; memory: AlertMemory } {
  if (
    prev.forecast ||
    prev.period !== snapshot.period ||
    !forecast?.runsOutAt ||
    forecast.period !== snapshot.period ||
    (snapshot.percentUsed ?? 0) >= 100
  )
    return { notifications: [], memory: prev };
  const memory = { ...prev, forecast: true };
  if (!settings.notifications.forecast) return { notifications: [], memory };
  return {
    memory,
    notifications: [
      {
        kind: 'forecast',
        title: tr.t('outlook.notice.title'),
        body: tr.t('outlook.notice.body', {
          date: formatDay(forecast.runsOutAt, tr, opts),
          reset: formatDay(forecast.resetAt, tr, opts),
        }),
        action: 'openBilling',
      },
    ],
  };
}
