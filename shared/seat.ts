/**
 * The words every face uses for the kind of seat (README "Seat kinds") and for money, so the CLI, tooltip, menu,
 * alerts and wizard can never disagree. Numbers are rounded here, on the face; the snapshot keeps them exact.
 */
import type { Seat, UsageSnapshot } from './domain';
import { LOCALE_OF, type Translator } from './i18n';

type SeatView = Pick<UsageSnapshot, 'used' | 'unit' | 'allowance' | 'percentUsed' | 'cost'> & {
  /** Optional: a reading saved by an older version has no seat (a personal seat of unknown billing). */
  seat?: Seat;
  allowanceSource?: UsageSnapshot['allowanceSource'];
};

export const seatOf = (s: { seat?: Seat }): Seat =>
  s.seat ?? { billing: 'unknown', organizations: [], kind: 'personal' };

/** GitHub shows this seat's user no number. */
export const isHiddenSeat = (s: SeatView): boolean => seatOf(s).kind === 'hidden' || s.used === null;

/** An organisation pool with no limit (not even one the user set): a count, never a percentage. */
export const isPoolSeat = (s: SeatView): boolean =>
  !isHiddenSeat(s) && seatOf(s).kind === 'pool' && s.allowance === null;

/** "ACME", "ACME and Initech", "ACME, Initech and 2 more" in the user's language; '' without any. */
export function orgNames(seat: Seat, tr: Translator): string {
  const names = seat.organizations.slice(0, 3);
  if (seat.organizations.length > 3) names.push(`+${seat.organizations.length - 3}`);
  if (names.length === 0) return '';
  try {
    return new Intl.ListFormat(LOCALE_OF[tr.lang], { type: 'conjunction' }).format(names);
  } catch {
    return names.join(', ');
  }
}

/** `key` with {orgs} when the seat names organisations, else its `…NoOrg` twin. */
function withOrgs(
  tr: Translator,
  key:
    'seat.pool.used' | 'seat.pool.userLimit' | 'seat.budget' | 'seat.budget.requests' | 'seat.hidden.short',
  seat: Seat,
  params: Record<string, string> = {},
): string {
  const orgs = orgNames(seat, tr);
  const noOrg = {
    'seat.pool.used': 'seat.pool.usedNoOrg',
    'seat.pool.userLimit': 'seat.pool.userLimitNoOrg',
    'seat.budget': 'seat.budgetNoOrg',
    'seat.budget.requests': 'seat.budget.requestsNoOrg',
    'seat.hidden.short': 'seat.hidden.shortNoOrg',
  } as const;
  return orgs ? tr.t(key, { ...params, orgs }) : tr.t(noOrg[key], params);
}

/**
 * The "used" line of a seat that has no cap or no number: "31 AI credits used this month · no personal limit
 * (pool of ACME)", or "Seat use hidden by ACME". null for a seat with an allowance (or unlimited, or unknown):
 * those keep their usual "x / y used" line.
 */
export function uncappedUsedLine(s: SeatView, tr: Translator): string | null {
  const seat = seatOf(s);
  if (isHiddenSeat(s)) return withOrgs(tr, 'seat.hidden.short', seat);
  if (isPoolSeat(s))
    return withOrgs(tr, 'seat.pool.used', seat, {
      used: tr.num(s.used!, 2),
      unit: tr.t(`unit.${s.unit}`),
    });
  return null;
}

/**
 * What kind of seat it is, in words, beside the figures: a hidden seat's explanation, a user-level budget, a
 * pool with a limit the user set, a limit the user set, or the organisations of a personal seat. null when
 * there is nothing to add (a personal plan).
 */
export function seatNote(s: SeatView, tr: Translator): string | null {
  const seat = seatOf(s);
  if (isHiddenSeat(s)) return tr.t('seat.hidden.why');
  if (isPoolSeat(s)) return null; // the used line already says it
  if (seat.kind === 'pool') return withOrgs(tr, 'seat.pool.userLimit', seat);
  if (seat.kind === 'budget' && s.allowance !== null && s.allowanceSource !== 'user')
    return withOrgs(tr, s.unit === 'credits' ? 'seat.budget' : 'seat.budget.requests', seat);
  if (s.allowanceSource === 'user') return tr.t('seat.userLimit');
  const orgs = orgNames(seat, tr);
  return orgs ? tr.t('seat.orgs', { orgs }) : null;
}

/** US dollars in the user's language ("$3.20", "3,20 $US"); a positive amount under a cent is "less than $0.01". */
export function formatMoney(n: number, tr: Translator): string {
  const f = new Intl.NumberFormat(LOCALE_OF[tr.lang], {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  if (n > 0 && n < 0.005) return tr.t('money.less', { amount: f.format(0.01) });
  return f.format(n);
}

/**
 * "Worth $10.88 this month · $3.20 billed beyond the plan" (or "· all included in the plan"), when GitHub priced
 * the use; null otherwise (a Copilot sign-in gives no prices: nothing is made up).
 */
export function moneyLine(s: Pick<SeatView, 'cost'>, tr: Translator): string | null {
  const c = s.cost;
  if (!c) return null;
  const worth = tr.t('money.worth', { gross: formatMoney(c.gross, tr) });
  const billed =
    c.billed > 0 ? tr.t('money.billed', { billed: formatMoney(c.billed, tr) }) : tr.t('money.included');
  return `${worth} · ${billed}`;
}

/** Only the billed part ("$3.20 billed beyond the plan"), for short faces; null when nothing is billed. */
export function billedLine(s: Pick<SeatView, 'cost'>, tr: Translator): string | null {
  const c = s.cost;
  return c && c.billed > 0 ? tr.t('money.billed', { billed: formatMoney(c.billed, tr) }) : null;
}
