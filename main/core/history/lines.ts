/**
 * The two outlook lines every face shows (tooltip, menu, CLI text), worded once:
 *   "12 % in reserve · up to 48 a day"
 *   "At this pace: 1,480 of 1,500 by Dec 1"  /  "At this pace: runs out around Nov 24"
 * Figures come from outlook.ts; `day` formats a date the face's way (its language and time zone).
 */
import type { Unit } from '../../../shared/domain';
import type { Forecast, Outlook, Pace } from '../../../shared/history';
import type { Translator } from '../../../shared/i18n';

/** Rounded down, so "up to" never promises more than is there: whole units from 10, one decimal below. */
const floorAmount = (n: number): number => (n >= 10 ? Math.floor(n) : Math.floor(n * 10 + 1e-9) / 10);
const percent = (p: number, tr: Translator): string => tr.num(Math.abs(p), Math.abs(p) < 10 ? 1 : 0);

export function paceLine(p: Pace, tr: Translator, day: (iso: string) => string): string {
  if (p.used >= p.allowance) return tr.t('outlook.pace.noneLeft', { date: day(p.resetAt) });
  const perDay = tr.num(floorAmount(p.perDay), 1);
  return p.reserve >= 0
    ? tr.t('outlook.pace.reserve', { percent: percent(p.reservePercent, tr), perDay })
    : tr.t('outlook.pace.deficit', { percent: percent(p.reservePercent, tr), perDay });
}

export function forecastLine(f: Forecast, unit: Unit, tr: Translator, day: (iso: string) => string): string {
  const projected = tr.num(Math.round(f.projected));
  const date = day(f.resetAt);
  if (f.allowance === null)
    return tr.t('outlook.forecast.noCap', { projected, unit: tr.t(`unit.${unit}`), date });
  if (f.runsOutAt) return tr.t('outlook.forecast.runsOut', { date: day(f.runsOutAt) });
  const allowance = tr.num(f.allowance);
  if (f.beyond !== null && f.beyond > 0) {
    const usd = f.beyondUsd !== null ? tr.t('outlook.forecast.usd', { usd: tr.num(f.beyondUsd, 2) }) : '';
    return tr.t('outlook.forecast.beyond', {
      projected,
      allowance,
      date,
      beyond: tr.num(Math.round(f.beyond)),
      usd,
    });
  }
  return tr.t('outlook.forecast.within', { projected, allowance, date });
}

/** The pace line and the forecast line, each only when there is one. */
export function outlookLines(
  o: Outlook | null | undefined,
  unit: Unit,
  tr: Translator,
  day: (iso: string) => string,
): { pace: string | null; forecast: string | null } {
  return {
    pace: o?.pace ? paceLine(o.pace, tr, day) : null,
    forecast: o?.forecast ? forecastLine(o.forecast, unit, tr, day) : null,
  };
}
