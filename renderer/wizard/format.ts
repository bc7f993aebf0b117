// Amounts (used, left, per model) show up to 2 decimals on every face, like the CLI: credits are cents, and
// premium requests can be fractional (model multipliers).
/** Presentation of a reading for the Done step, with the shared conventions (bar = share LEFT, labelled). */
import type { UsageSnapshot } from '../../shared/domain';
import { percentLeft, roundPercent } from '../../shared/format';
import type { Translator } from '../../shared/i18n';
import { moneyLine, seatNote, uncappedUsedLine } from '../../shared/seat';
import { unitName } from '../kit/format';

export { formatDate, unitName } from '../kit/format';

export function usedLine(tr: Translator, s: UsageSnapshot): string {
  const unit = unitName(tr, s.unit);
  // An organisation pool (no cap) and a hidden seat (no number) say so, like every other face.
  const uncapped = uncappedUsedLine(s, tr);
  if (uncapped !== null || s.used === null) return uncapped ?? '';
  const used = tr.num(s.used, 2);
  if (s.unlimited) return tr.t('wizard.done.usedUnlimited', { used, unit });
  if (s.allowance === null) return tr.t('wizard.done.usedNoAllowance', { used, unit });
  return tr.t('wizard.done.used', { used, allowance: tr.num(s.allowance), unit });
}

export function percentLine(tr: Translator, s: UsageSnapshot): string | null {
  const left = percentLeft(s);
  if (s.percentUsed === null || left === null) return null;
  return tr.t('wizard.done.percent', {
    used: tr.num(roundPercent(s.percentUsed), 1),
    left: tr.num(roundPercent(left), 1),
  });
}

/** The lines under the figures: what kind of seat it is, and what the month's use is worth (when priced). */
export function seatLines(tr: Translator, s: UsageSnapshot): string[] {
  return [seatNote(s, tr), moneyLine(s, tr)].filter((l): l is string => l !== null);
}
