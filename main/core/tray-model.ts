/**
 * What the tray shows, computed from plain state: the icon's label and level, the tooltip and the menu. Pure, so
 * every wording and every menu entry is tested without Electron; main/app/tray.ts only copies it onto a Tray.
 */
import type { UsageSnapshot } from '../../shared/domain';
import type { Outlook } from '../../shared/history';
import { outlookLines } from './history/lines';
import type { ErrorInfo } from '../../shared/errors';
import { assertNever } from '../../shared/errors';
import { safeSnapshot } from '../../shared/text';
import { iconLabel as labelOf, percentLeft, roundPercent } from '../../shared/format';
import { LOCALE_OF, type Lang, type MessageKey, type Translator } from '../../shared/i18n';
import {
  formatMoney,
  isHiddenSeat,
  isPoolSeat,
  moneyLine,
  seatNote,
  uncappedUsedLine,
} from '../../shared/seat';
import type { Settings } from '../settings/types';
import type { Level } from './icon/render';
import { activeTokenExpiry, tokenExpiresSoon } from './token-expiry';
import { accountKeyOf, activeAccountOf } from '../settings/accounts';

export type { Level } from './icon/render';

/** The settings the tray shows or changes. */
export type TraySettings = Pick<
  Settings,
  | 'apiUrl'
  | 'refreshMinutes'
  | 'thresholds'
  | 'notifications'
  | 'language'
  | 'launchAtLogin'
  | 'accounts'
  | 'activeAccount'
>;

export interface TrayState {
  /** Last good reading (possibly old), null when there never was one. */
  snapshot: UsageSnapshot | null;
  /** What stopped the last refresh; null when it succeeded or none finished yet. */
  error: ErrorInfo | null;
  /** Epoch ms when the last refresh finished (either way). */
  lastAttemptAt: number | null;
  refreshing: boolean;
  /**
   * A credential exists (keychain, env, or a Copilot client's file), or settings list a token saved in the
   * keychain (a locked keychain is then an error to show, not "not set up").
   */
  configured: boolean;
  settings: TraySettings;
  /** Pace and forecast of the reading (history/outlook.ts); absent or null when there are none. */
  outlook?: Outlook | null;
}

export type NotificationSwitch = keyof Settings['notifications'];

export type TrayAction =
  | { type: 'refresh' }
  | { type: 'openSetup' }
  | { type: 'openUsage' }
  | { type: 'openBilling' }
  | { type: 'quit' }
  | { type: 'setInterval'; minutes: number }
  | { type: 'setThresholds'; thresholds: number[] }
  | { type: 'toggleNotification'; which: NotificationSwitch }
  | { type: 'toggleLaunchAtLogin' }
  | { type: 'setLanguage'; lang: Lang | null }
  /** Show this saved account ("host/login", as settings.activeAccount). */
  | { type: 'setAccount'; account: string };

/** Electron-free description of one menu item; labels use '&' for mnemonics ('&&' for a literal &). */
export interface MenuItemModel {
  id: string;
  type: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
  label?: string;
  enabled?: boolean;
  checked?: boolean;
  accelerator?: string;
  action?: TrayAction;
  submenu?: MenuItemModel[];
}

export interface TrayView {
  iconLabel: string;
  /**
   * The icon's pace marker (share of the month gone, share of the allowance used, 0..1); null when there is no
   * pace, or the icon shows a state rather than a current figure (stale, error, not set up).
   */
  iconPace: { elapsed: number; used: number } | null;
  level: Level;
  /** Short text beside the icon where the platform shows one (macOS menu bar): "42 %". Empty when none. */
  title: string;
  /** Every line: app and account, then the problem (or token expiry) if any, figures, update time, age. */
  tooltip: string;
  /** The same, fitted to WIN_TOOLTIP_MAX by dropping the least useful lines first (see fitTooltip). */
  compactTooltip: string;
  menu: MenuItemModel[];
}

/** Windows cuts tray tooltips at 127 characters (NOTIFYICONDATA.szTip is 128 UTF-16 units with the NUL). */
export const WIN_TOOLTIP_MAX = 127;

/** What a tooltip line says; decides which lines a short tooltip keeps. */
export type TooltipPart =
  | 'app'
  | 'account'
  | 'problem'
  | 'expiry'
  | 'used'
  | 'percent'
  | 'pace'
  | 'forecast'
  | 'seat'
  | 'money'
  | 'resets'
  | 'status'
  | 'stale';

export interface TooltipLine {
  part: TooltipPart;
  text: string;
}

/**
 * Dropped first to last when a tooltip is too long. The "Copilot Meter ·" prefix and the reset date go first
 * (the icon says whose it is, the reset is weeks away); the problem, the share used and the update time are
 * what a glance at a Windows tooltip is for, so they go last. "x / y used" goes only when "% used" remains.
 */
const DROP_ORDER: readonly TooltipPart[] = [
  'app',
  'resets',
  'forecast',
  'pace',
  'money',
  'account',
  'seat',
  'used',
  'stale',
  'expiry',
  'status',
  'percent',
  'problem',
];

/** Joins the lines of a tooltip; the app name and the account share the first line. */
export function joinTooltip(lines: readonly TooltipLine[]): string {
  const out: string[] = [];
  lines.forEach((l, i) => {
    if (l.part === 'account' && lines[i - 1]?.part === 'app') out[out.length - 1] += ` · ${l.text}`;
    else out.push(l.text);
  });
  return out.join('\n');
}

/**
 * The tooltip within `max` UTF-16 units: whole lines are dropped in DROP_ORDER until it fits, keeping the order
 * of the rest, then dropped lines that fit again are put back; a last line that still does not fit is cut with
 * an ellipsis.
 */
export function fitTooltip(lines: readonly TooltipLine[], max: number): string {
  let kept = [...lines];
  const dropped: TooltipPart[] = [];
  for (const part of DROP_ORDER) {
    if (joinTooltip(kept).length <= max) break;
    if (part === 'used' && !kept.some((l) => l.part === 'percent')) continue;
    if (kept.length > 1 && kept.some((l) => l.part === part)) {
      kept = kept.filter((l) => l.part !== part);
      dropped.push(part);
    }
  }
  // A line dropped early may fit again once a longer one went: put back what fits, most useful first.
  for (const part of dropped.reverse()) {
    const back = lines.filter((l) => l.part === part || kept.includes(l));
    if (joinTooltip(back).length <= max) kept = back;
  }
  const text = joinTooltip(kept);
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export const INTERVAL_CHOICES = [1, 2, 5, 10, 15, 30, 60] as const;
export const THRESHOLD_PRESETS: readonly number[][] = [
  [75, 90, 100],
  [50, 75, 90, 100],
  [80, 95, 100],
  [90, 100],
];
export const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', zh: '中文', fr: 'Français' };
export const TOP_MODELS = 3;

/** Errors the user must act on (the number will not come back by waiting); the others are retried. */
export function needsUser(error: ErrorInfo): boolean {
  return (
    error.kind === 'auth' || error.kind === 'notFound' || error.kind === 'config' || error.kind === 'keychain'
  );
}

/**
 * How worrying the icon should look. Order matters: not set up, then broken access, then an old number, then
 * the share used against the thresholds (the highest threshold below 100 is "critical", lower ones "warning").
 */
export function levelFor(
  snapshot:
    | (Pick<UsageSnapshot, 'percentUsed' | 'unlimited'> &
        Partial<Pick<UsageSnapshot, 'seat' | 'used' | 'allowance' | 'unit' | 'cost'>>)
    | null,
  thresholds: readonly number[],
  flags: { stale: boolean; error: boolean; configured: boolean },
): Level {
  if (!flags.configured) return 'unconfigured';
  if (flags.error) return 'error';
  if (flags.stale || !snapshot) return 'stale';
  // No cap (an organisation pool) or no number (a hidden seat): a face of its own, never a percentage.
  const seatView = { used: 0, unit: 'credits' as const, allowance: null, cost: null, ...snapshot };
  if (isHiddenSeat(seatView)) return 'hidden';
  if (isPoolSeat(seatView)) return 'pool';
  const p = snapshot.percentUsed;
  if (snapshot.unlimited || p === null) return 'normal';
  if (p >= 100) return 'over';
  const below = [...thresholds].filter((t) => t < 100).sort((a, b) => a - b);
  const critical = below.length > 1 ? below[below.length - 1]! : Infinity;
  const warning = below[0] ?? Infinity;
  if (p >= critical) return 'critical';
  if (p >= warning) return 'warning';
  return 'normal';
}

/** Billing period "YYYY-MM" (UTC) of an instant. */
export const periodOf = (ms: number): string => new Date(ms).toISOString().slice(0, 7);

/**
 * The reading is stale when the last refresh failed, when it is older than two intervals (a missed refresh,
 * e.g. after sleep), or when it belongs to an earlier billing period than today's.
 */
export function isStale(state: TrayState, now: number): boolean {
  const s = state.snapshot;
  if (!s) return false;
  if (state.error) return true;
  const fetched = Date.parse(s.fetchedAt);
  if (now - fetched > 2 * state.settings.refreshMinutes * 60_000 + 60_000) return true;
  return s.period < periodOf(now);
}

export interface FormatOptions {
  /** IANA zone for dates and times; the OS zone when absent (tests pin it). */
  timeZone?: string;
}

function dateFmt(tr: Translator, opts: FormatOptions, o: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALE_OF[tr.lang], opts.timeZone ? { ...o, timeZone: opts.timeZone } : o);
}

export function formatDay(iso: string, tr: Translator, opts: FormatOptions = {}): string {
  return dateFmt(tr, opts, { month: 'short', day: 'numeric' }).format(new Date(iso));
}

export function formatTime(ms: number, tr: Translator, opts: FormatOptions = {}): string {
  return dateFmt(tr, opts, { hour: '2-digit', minute: '2-digit' }).format(new Date(ms));
}

/** A retry time: the time of day when it is today, else the date too (a server may ask for days). */
function retryLine(
  ms: number,
  now: number,
  tr: Translator,
  opts: FormatOptions,
  keys: { time: MessageKey; date: MessageKey },
): string {
  const day = (x: number) =>
    dateFmt(tr, opts, { year: 'numeric', month: 'numeric', day: 'numeric' }).format(x);
  const time = formatTime(ms, tr, opts);
  return day(ms) === day(now)
    ? tr.t(keys.time, { time })
    : tr.t(keys.date, { time, date: formatDay(new Date(ms).toISOString(), tr, opts) });
}

/** "12 min", "3 h", "2 d": the coarsest unit that still says something. */
export function formatAge(ms: number, tr: Translator): string {
  const min = Math.max(1, Math.floor(ms / 60_000));
  if (min < 120) return tr.t('tray.age.minutes', { n: min });
  const h = Math.floor(min / 60);
  if (h < 48) return tr.t('tray.age.hours', { n: h });
  return tr.t('tray.age.days', { n: Math.floor(h / 24) });
}

/**
 * One line for the tooltip and the menu: what is wrong and where to fix it. `hasReading`: a last reading is
 * on show (an offline tray says so only then).
 */
export function problemLine(
  error: ErrorInfo,
  tr: Translator,
  opts: FormatOptions = {},
  hasReading = true,
  now: number = Date.now(),
): string {
  const { t } = tr;
  switch (error.kind) {
    case 'auth':
      if (error.reason === 'missingPermission')
        return t('tray.problem.missingPermission', { permission: error.permission ?? 'Plan' });
      return t(error.reason === 'expired' ? 'tray.problem.expired' : 'tray.problem.revoked');
    case 'notFound':
      return t('tray.problem.notFound');
    case 'rateLimit':
      return error.retryAt && Number.isFinite(Date.parse(error.retryAt))
        ? retryLine(Date.parse(error.retryAt), now, tr, opts, {
            time: 'tray.problem.rateLimit',
            date: 'tray.problem.rateLimit.date',
          })
        : t('tray.problem.rateLimit.noTime');
    case 'network':
    case 'timeout':
      return t(hasReading ? 'tray.problem.offline' : 'tray.problem.offline.noReading');
    case 'server':
      return t('tray.problem.server');
    case 'responseShape':
      return t('tray.problem.responseShape');
    case 'tooLarge':
      return t('tray.problem.tooLarge');
    case 'config':
      return t(error.reason === 'noCredential' ? 'tray.problem.noCredential' : 'tray.problem.config');
    case 'keychain':
      return t('tray.problem.keychain');
    default:
      return assertNever(error);
  }
}

/** Data shown in a menu label must not turn into mnemonics. */
const escapeMenu = (s: string): string => s.replace(/&/g, '&&');

/** The figures of a reading, one line each, shared by the tooltip and the menu. */
function figureLines(
  s: UsageSnapshot,
  tr: Translator,
  opts: FormatOptions,
  outlook?: Outlook | null,
): TooltipLine[] {
  const { t } = tr;
  const unit = t(`unit.${s.unit}`);
  const lines: TooltipLine[] = [];
  const add = (part: TooltipPart, text: string) => lines.push({ part, text });
  const uncapped = uncappedUsedLine(s, tr);
  const used = s.used === null ? '' : tr.num(s.used, 2);
  if (uncapped !== null || s.used === null) add('used', uncapped ?? '');
  else if (s.unlimited) add('used', t('tray.used.unlimited', { used, unit }));
  else if (s.allowance === null) add('used', t('tray.used.noAllowance', { used, unit }));
  else {
    add('used', t('tray.used', { used, allowance: tr.num(s.allowance), unit }));
    const left = percentLeft(s);
    if (s.percentUsed !== null && left !== null)
      add(
        'percent',
        t('tray.percent', {
          used: tr.num(roundPercent(s.percentUsed), 1),
          left: tr.num(roundPercent(left), 1),
        }),
      );
  }
  const note = seatNote(s, tr);
  if (note) add('seat', note);
  const money = moneyLine(s, tr);
  if (money) add('money', money);
  const o = outlookLines(outlook, s.unit, tr, (iso) => formatDay(iso, tr, opts));
  if (o.pace) add('pace', o.pace);
  if (o.forecast) add('forecast', o.forecast);
  add(
    'resets',
    s.resetAt ? t('tray.resets', { date: formatDay(s.resetAt, tr, opts) }) : t('tray.resets.unknown'),
  );
  return lines;
}

function accountLine(s: UsageSnapshot, tr: Translator): string {
  return tr.t('tray.account', {
    login: s.account.login,
    plan: s.plan ? tr.t(`plan.${s.plan}` as MessageKey) : tr.t('plan.unknown'),
  });
}

export function trayView(state: TrayState, tr: Translator, now: number, opts: FormatOptions = {}): TrayView {
  const { t } = tr;
  // The login and model names reach the tooltip and the menu clean (no controls, no bidi overrides).
  const s = state.snapshot && safeSnapshot(state.snapshot);
  const stale = isStale(state, now);
  const broken = state.error !== null && needsUser(state.error);
  const level = levelFor(s, state.settings.thresholds, {
    stale,
    error: broken,
    configured: state.configured,
  });
  const label = level === 'unconfigured' ? '?' : level === 'error' ? '!' : labelOf(s);

  const status: string[] = [];
  if (state.refreshing) status.push(t('tray.refreshing'));
  else if (state.lastAttemptAt !== null && s)
    status.push(t('tray.updated', { time: formatTime(Date.parse(s.fetchedAt), tr, opts) }));
  else if (!s) status.push(t('tray.updated.never'));
  const problem = !state.configured
    ? t('tray.problem.noCredential')
    : state.error
      ? problemLine(state.error, tr, opts, s !== null, now)
      : null;
  const staleLine =
    s && stale ? t('tray.stale', { age: formatAge(now - Date.parse(s.fetchedAt), tr) }) : null;
  const expiry = tokenExpiresSoon(state.settings, now) ? activeTokenExpiry(state.settings) : null;
  const expiryLine = expiry ? t('tray.tokenExpires', { date: formatDay(expiry.expiresAt, tr, opts) }) : null;

  const figures = s ? figureLines(s, tr, opts, state.outlook) : [];
  // The problem right under the title: it is what the user must act on, and it survives a short tooltip.
  const tipLines: TooltipLine[] = [
    { part: 'app', text: t('tray.app') },
    ...(s ? [{ part: 'account' as const, text: accountLine(s, tr) }] : []),
    ...(problem ? [{ part: 'problem' as const, text: problem }] : []),
    ...(expiryLine && !problem ? [{ part: 'expiry' as const, text: expiryLine }] : []),
    ...figures,
    ...status.map((text) => ({ part: 'status' as const, text })),
    ...(staleLine ? [{ part: 'stale' as const, text: staleLine }] : []),
  ];
  const tooltip = joinTooltip(tipLines);
  const compactTooltip = fitTooltip(tipLines, WIN_TOOLTIP_MAX);

  const info = (id: string, text: string): MenuItemModel => ({
    id,
    type: 'normal',
    label: escapeMenu(text),
    enabled: false,
  });
  const sep = (id: string): MenuItemModel => ({ id, type: 'separator' });

  const menu: MenuItemModel[] = [];
  if (s) menu.push(info('account', accountLine(s, tr)));
  figures.forEach((line, i) => menu.push(info(`figure-${i}`, line.text)));
  status.forEach((line, i) => menu.push(info(`status-${i}`, line)));
  if (problem)
    menu.push({ id: 'problem', type: 'normal', label: escapeMenu(problem), action: { type: 'openSetup' } });
  if (staleLine) menu.push(info('stale', staleLine));
  if (expiryLine && !problem)
    menu.push({
      id: 'token-expiry',
      type: 'normal',
      label: escapeMenu(expiryLine),
      action: { type: 'openSetup' },
    });
  if (s && s.models.length > 0) {
    menu.push(sep('sep-models'), info('models', t('tray.menu.topModels')));
    for (const m of s.models.slice(0, TOP_MODELS))
      menu.push(
        info(
          `model-${m.model}`,
          t('tray.menu.model', {
            model: m.model,
            used: m.cost ? `${tr.num(m.used, 2)} (${formatMoney(m.cost.gross, tr)})` : tr.num(m.used, 2),
          }),
        ),
      );
  }
  menu.push(
    sep('sep-actions'),
    {
      id: 'refresh',
      type: 'normal',
      label: t('tray.menu.refresh'),
      accelerator: 'CmdOrCtrl+R',
      enabled: state.configured && !state.refreshing,
      action: { type: 'refresh' },
    },
    { id: 'usage', type: 'normal', label: t('usage.menu'), action: { type: 'openUsage' } },
    {
      id: 'setup',
      type: 'normal',
      label: t('tray.menu.setup'),
      accelerator: 'CmdOrCtrl+,',
      action: { type: 'openSetup' },
    },
    { id: 'billing', type: 'normal', label: t('tray.menu.billing'), action: { type: 'openBilling' } },
    ...accountMenu(state.settings, tr),
    settingsMenu(state.settings, tr),
    sep('sep-quit'),
    {
      id: 'quit',
      type: 'normal',
      label: t('tray.menu.quit'),
      accelerator: 'CmdOrCtrl+Q',
      action: { type: 'quit' },
    },
  );

  // A pool's title is its count (no percentage exists); a hidden seat has none.
  const title =
    level === 'pool' && s?.used != null ? tr.num(s.used, 0) : /^\d/.test(label) ? `${label} %` : '';
  const pace = state.outlook?.pace;
  const iconPace =
    pace && (level === 'normal' || level === 'warning' || level === 'critical' || level === 'over')
      ? { elapsed: pace.elapsed, used: pace.used / pace.allowance }
      : null;
  return { iconLabel: label, iconPace, level, title, tooltip, compactTooltip, menu };
}

/**
 * With two or more saved accounts, a submenu to pick the one shown; the active one (settings.activeAccount, else
 * the first, as the refresh does) is checked. Nothing with one account: there is nothing to choose.
 */
function accountMenu(settings: TraySettings, tr: Translator): MenuItemModel[] {
  if (settings.accounts.length < 2) return [];
  const key = accountKeyOf;
  const active = activeAccountOf(settings);
  return [
    {
      id: 'accounts',
      type: 'submenu',
      label: tr.t('tray.menu.accounts'),
      submenu: settings.accounts.map((a) => ({
        id: `account-${key(a)}`,
        type: 'radio',
        label: escapeMenu(tr.t('tray.menu.accountItem', { login: a.login, host: a.host })),
        checked: a === active,
        action: { type: 'setAccount', account: key(a) },
      })),
    },
  ];
}

function settingsMenu(settings: TraySettings, tr: Translator): MenuItemModel {
  const { t } = tr;
  const intervals = [...new Set<number>([...INTERVAL_CHOICES, settings.refreshMinutes])].sort(
    (a, b) => a - b,
  );
  const presets = THRESHOLD_PRESETS.some((p) => sameList(p, settings.thresholds))
    ? THRESHOLD_PRESETS
    : [...THRESHOLD_PRESETS, settings.thresholds];
  const switches: NotificationSwitch[] = ['thresholds', 'forecast', 'accessBroken', 'periodReset'];
  const langs: Array<Lang | null> = [null, 'en', 'zh', 'fr'];
  return {
    id: 'settings',
    type: 'submenu',
    label: t('tray.menu.settings'),
    submenu: [
      {
        id: 'interval',
        type: 'submenu',
        label: t('tray.menu.interval'),
        submenu: intervals.map((n) => ({
          id: `interval-${n}`,
          type: 'radio',
          label: t('tray.menu.minutes', { n }),
          checked: n === settings.refreshMinutes,
          action: { type: 'setInterval', minutes: n },
        })),
      },
      {
        id: 'thresholds',
        type: 'submenu',
        label: t('tray.menu.thresholds'),
        submenu: presets.map((p) => ({
          id: `thresholds-${p.join('-')}`,
          type: 'radio',
          label: `${p.join(' / ')} %`,
          checked: sameList(p, settings.thresholds),
          action: { type: 'setThresholds', thresholds: [...p] },
        })),
      },
      {
        id: 'notifications',
        type: 'submenu',
        label: t('tray.menu.notifications'),
        submenu: switches.map((which) => ({
          id: `notify-${which}`,
          type: 'checkbox',
          label: t(`tray.menu.notify.${which}`),
          checked: settings.notifications[which],
          action: { type: 'toggleNotification', which },
        })),
      },
      {
        id: 'login',
        type: 'checkbox',
        label: t('tray.menu.login'),
        checked: settings.launchAtLogin,
        action: { type: 'toggleLaunchAtLogin' },
      },
      {
        id: 'language',
        type: 'submenu',
        label: t('tray.menu.language'),
        submenu: langs.map((lang) => ({
          id: `language-${lang ?? 'system'}`,
          type: 'radio',
          label: lang ? LANGUAGE_NAMES[lang] : t('tray.menu.language.system'),
          checked: settings.language === lang,
          action: { type: 'setLanguage', lang },
        })),
      },
    ],
  };
}

const sameList = (a: readonly number[], b: readonly number[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);

/** The GitHub web page where the user sees billing and usage, on the account's host. */
export function billingUrl(snapshot: Pick<UsageSnapshot, 'account'> | null, apiUrl: string): string {
  let host = snapshot?.account.host;
  if (!host) {
    try {
      const u = new URL(apiUrl);
      host = u.hostname === 'api.github.com' ? 'github.com' : u.hostname.replace(/^api\./, '');
    } catch {
      host = 'github.com';
    }
  }
  return `https://${host}/settings/billing`;
}
