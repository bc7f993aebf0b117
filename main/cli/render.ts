/**
 * Pure renderers: snapshot (or failure) → text for each --format. No I/O, so every format is unit-tested.
 * The text format keeps the seed's layout (heading, Account line, unit line, 20-cell bar, period) but labels
 * both numbers: the bar and "% left" show what is LEFT, "x / y used" what is USED.
 */
import type { Attempt, RefreshResult, UsageSnapshot } from '../../shared/domain';
import type { ErrorInfo } from '../../shared/errors';
import { bar, formatAmount, formatDate, percentLeft, roundPercent } from '../../shared/format';
import { describeError, type Translator } from '../../shared/i18n';
import { escapeMarkup, safeSnapshot, safeText, terminalJson } from '../../shared/text';
import type { Outlook } from '../../shared/history';
import { outlookLines } from '../core/history/lines';
import { formatDay } from '../core/tray-model';
import {
  billedLine,
  formatMoney,
  isHiddenSeat,
  isPoolSeat,
  moneyLine,
  seatNote,
  uncappedUsedLine,
} from '../../shared/seat';

export interface Problem {
  origin: string;
  message: string;
  /** When present, the note is said through describeError, in the user's language. */
  error?: ErrorInfo;
}

const amount = (n: number, tr: Translator) => formatAmount(n, tr.lang);

/** "Note: <origin>: <message>", without repeating the origin when the message already names it. */
function problemLine(p: Problem, tr: Translator): string {
  if (p.error && p.error.kind !== 'config') return tr.t('cli.note', { message: said(p.error, tr) });
  // Paths and messages come from files and the environment: one clean line each.
  const message = safeText(p.message, 1000);
  const origin = safeText(p.origin, 1000);
  return message.includes(origin) ? tr.t('cli.note', { message }) : tr.t('cli.problem', { origin, message });
}

/** describeError as one clean line (its details may quote a server's message or a file's username). */
const said = (e: ErrorInfo, tr: Translator): string => safeText(describeError(e, tr), 2000);

/** The text format lists this many models at most; --json has them all. */
export const MAX_MODEL_LINES = 50;

function usageLines(s: UsageSnapshot, tr: Translator): string[] {
  const { t } = tr;
  // A pool counts without a cap; a hidden seat has no number: neither gets a bar or a percentage.
  const uncapped = uncappedUsedLine(s, tr);
  if (uncapped !== null || s.used === null) return [uncapped ?? ''];
  const used = amount(s.used, tr);
  if (s.unlimited) return [t('cli.unlimited', { used })];
  if (s.allowance === null || s.percentUsed === null) {
    // A plan is known but has no allowance in this unit (Copilot Free in AI credits): choosing a plan is not
    // the way out, an allowance of one's own is.
    return [
      s.plan
        ? t('cli.noAllowanceForPlan', { used, plan: t(`plan.${s.plan}`), unit: t(`unit.${s.unit}`) })
        : t('cli.noAllowance', { used }),
    ];
  }
  const left = percentLeft(s) ?? 0;
  const line = `${bar(left)} ${t('cli.left', { percent: roundPercent(left) })} · ${t('cli.usedOf', {
    used,
    allowance: amount(s.allowance, tr),
  })}`;
  return s.overage > 0 ? [line, t('cli.over', { over: amount(s.overage, tr) })] : [line];
}

function modelLines(s: UsageSnapshot, tr: Translator): string[] {
  if (s.models.length === 0) return [];
  const shown = s.models.slice(0, MAX_MODEL_LINES);
  // A loop, not Math.max(...spread): a spread of 100,000 names overflows the call stack.
  let width = 0;
  for (const m of shown) width = Math.max(width, m.model.length);
  width = Math.min(40, width);
  const more = s.models.length - shown.length;
  return [
    tr.t('cli.models'),
    ...shown.map((m) => {
      const worth = m.cost ? `  ${formatMoney(m.cost.gross, tr).padStart(10)}` : '';
      return `  ${m.model.padEnd(width)}  ${amount(m.used, tr).padStart(10)}${worth}`;
    }),
    ...(more > 0 ? [tr.t('cli.models.more', { n: amount(more, tr) })] : []),
  ];
}

const lineIf = (line: string | null): string[] => (line === null ? [] : [line]);

/** The pace and forecast lines (the tray's wording), when there are figures for them. */
function outlookText(s: UsageSnapshot, tr: Translator, outlook: Outlook | null | undefined): string[] {
  const o = outlookLines(outlook, s.unit, tr, (iso) => formatDay(iso, tr));
  return [o.pace, o.forecast].filter((l): l is string => l !== null);
}

export function renderText(
  snapshot: UsageSnapshot,
  tr: Translator,
  problems: readonly Problem[] = [],
  outlook?: Outlook | null,
): string {
  const { t } = tr;
  // The login and model names come from GitHub (or a server playing it): no escapes, no forged lines.
  const s = safeSnapshot(snapshot);
  const plan = s.plan ? ` · ${t(`plan.${s.plan}`)}` : '';
  const resets = s.resetAt ? ` · ${t('cli.resets', { date: formatDate(s.resetAt, tr.lang) })}` : '';
  return [
    t('cli.heading'),
    `${t('cli.account', { login: s.account.login })}${plan}`,
    t(`unit.${s.unit}.title`),
    ...usageLines(s, tr),
    ...lineIf(seatNote(s, tr)),
    ...outlookText(s, tr, outlook),
    `${t('cli.period', { period: s.period })}${resets}`,
    ...lineIf(moneyLine(s, tr)),
    ...modelLines(s, tr),
    t('cli.source', {
      strategy: t(`strategy.${s.source.strategy}`),
      credential: t(`source.${s.source.credential}`),
    }),
    ...problems.map((p) => problemLine(p, tr)),
  ].join('\n');
}

function attemptLine(a: Attempt, i: number, tr: Translator): string {
  const who = `${tr.t(`strategy.${a.strategy}`)}${a.credential ? ` (${tr.t(`source.${a.credential}`)})` : ''}`;
  const http = a.status !== null ? `HTTP ${a.status}, ` : '';
  const what =
    a.outcome === 'ok'
      ? tr.t('cli.attempt.ok')
      : a.outcome === 'skipped'
        ? tr.t('cli.attempt.skipped')
        : a.error
          ? said(a.error, tr)
          : '';
  return `  ${i + 1}. ${who}: ${http}${Math.round(a.durationMs)} ms — ${what}`;
}

export function renderFailureText(
  error: ErrorInfo,
  attempts: readonly Attempt[],
  tr: Translator,
  problems: readonly Problem[] = [],
): string {
  return [
    tr.t('cli.heading'),
    tr.t('cli.failed'),
    said(error, tr),
    '',
    ...(attempts.length > 0
      ? [tr.t('cli.attempts'), ...attempts.map((a, i) => attemptLine(a, i, tr))]
      : [tr.t('cli.noAttempts')]),
    ...problems.map((p) => problemLine(p, tr)),
  ].join('\n');
}

export function renderOneline(result: RefreshResult, tr: Translator): string {
  if (!result.ok) return tr.t('cli.oneline.error', { message: said(result.error, tr) });
  const s = result.snapshot;
  const unit = tr.t(`unit.${s.unit}`);
  const uncapped = uncappedUsedLine(s, tr);
  if (uncapped !== null || s.used === null) return tr.t('cli.oneline.error', { message: uncapped ?? '' });
  const used = amount(s.used, tr);
  const billed = billedLine(s, tr);
  const tail = billed ? ` · ${billed}` : '';
  if (s.unlimited) return tr.t('cli.oneline.unlimited', { used, unit }) + tail;
  if (s.allowance === null || s.percentUsed === null)
    return tr.t('cli.oneline.unknown', { used, unit }) + tail;
  return (
    tr.t('cli.oneline', {
      percent: roundPercent(s.percentUsed),
      used,
      allowance: amount(s.allowance, tr),
      unit,
    }) + tail
  );
}

/** Level names shared with the tray's colours, from the notification thresholds; a pool or hidden seat has none. */
export function levelOf(
  s: UsageSnapshot,
  thresholds: readonly number[],
): 'normal' | 'warning' | 'critical' | 'over' | 'pool' | 'hidden' {
  if (isHiddenSeat(s)) return 'hidden';
  if (isPoolSeat(s)) return 'pool';
  const p = s.percentUsed;
  if (p === null) return 'normal';
  if (p > 100) return 'over';
  const sorted = [...thresholds].sort((a, b) => a - b);
  const [warn = 75, crit = 90] = sorted;
  if (p >= crit) return 'critical';
  if (p >= warn) return 'warning';
  return 'normal';
}

/**
 * Waybar / i3bar-style custom module JSON: {text, tooltip, class, percentage}. Waybar reads text and tooltip as
 * Pango markup, so both are escaped (a model name cannot inject <span> or break on a bare &).
 */
export function renderWaybar(
  result: RefreshResult,
  tr: Translator,
  thresholds: readonly number[],
  outlook?: Outlook | null,
): string {
  if (!result.ok) {
    return terminalJson({
      text: '!',
      tooltip: escapeMarkup(said(result.error, tr)),
      class: 'error',
      percentage: 0,
    });
  }
  const s = result.snapshot;
  // A pool shows its count (never a percentage), a hidden seat a dash (no number).
  const text = isHiddenSeat(s)
    ? '–'
    : isPoolSeat(s)
      ? tr.num(s.used!, 0)
      : s.unlimited
        ? '∞'
        : s.percentUsed === null
          ? '?'
          : `${roundPercent(s.percentUsed)}%`;
  return terminalJson({
    text,
    // The text layout without its markdown heading, which means nothing in a status-bar tooltip.
    tooltip: escapeMarkup(renderText(s, tr, [], outlook).split('\n').slice(1).join('\n')),
    class: levelOf(s, thresholds),
    percentage: s.percentUsed === null ? 0 : Math.min(100, roundPercent(s.percentUsed)),
  });
}

/**
 * The --json document: the snapshot plus `pace` and `forecast` (README "--json"; null when there are none), or
 * {error, attempts} with the message localised. C1 controls and bidi overrides are \u-escaped (terminalJson).
 */
export function renderJson(
  result: RefreshResult,
  tr: Translator,
  problems: readonly Problem[] = [],
  outlook?: Outlook | null,
): string {
  if (result.ok)
    return terminalJson(
      {
        ...result.snapshot,
        attempts: result.attempts,
        pace: outlook?.pace ?? null,
        forecast: outlook?.forecast ?? null,
      },
      2,
    );
  return terminalJson(
    {
      error: { ...result.error, message: describeError(result.error, tr) },
      attempts: result.attempts,
      problems,
    },
    2,
  );
}
