/** Turns what a strategy learned into the one UsageSnapshot shape, applying the user's preferences. */
import type { AllowanceSource, Cost, ModelUsage, Seat, UsageSnapshot } from '../../../shared/domain';
import { allowanceFor } from '../../../shared/plans';
import type { UsagePreferences } from '../strategies/types';
import { exact } from './values';
import { redactTokenText } from '../../../shared/tokens';

/** What a strategy learned; buildSnapshot derives the rest (remaining, percentUsed, overage past the allowance). */
export type SnapshotInput = Pick<
  UsageSnapshot,
  'account' | 'plan' | 'unit' | 'used' | 'unlimited' | 'period' | 'resetAt' | 'source' | 'fetchedAt'
> & {
  /** What GitHub said the allowance is; null = not said (then the plan table is used, for a personal seat). */
  allowance: number | null;
  /** Where `allowance` came from, when the strategy knows ('plan' when it filled it from the plan table). */
  allowanceSource?: AllowanceSource | null;
  overage?: number;
  models?: ModelUsage[];
  /** The seat; a personal seat of unknown billing when absent. */
  seat?: Seat;
  cost?: Cost | null;
};

export const UNKNOWN_SEAT: Seat = { billing: 'unknown', organizations: [], kind: 'personal' };

/**
 * Rules (README "Seat kinds"):
 *  - a hidden seat has no number at all, whatever the user set;
 *  - a user-level budget (GitHub's entitlement on an organisation's seat) is the real cap: it wins over the
 *    user's custom allowance and the plan table;
 *  - otherwise the user's custom allowance wins over everything (they know about promotions and seat deals we
 *    do not), then GitHub's number, then, for a personal seat only, the plan table for the snapshot's world;
 *  - an organisation pool has no cap unless the user set one;
 *  - the user's plan fills in only when GitHub gave none; percentUsed may exceed 100 and is null without a
 *    positive allowance. Numbers are kept exact (faces round them).
 */
export function buildSnapshot(
  input: SnapshotInput,
  prefs: UsagePreferences = {},
): Omit<UsageSnapshot, 'attempts'> {
  const plan = input.plan ?? prefs.plan ?? null;
  const seat: Seat = input.seat
    ? { ...input.seat, organizations: [...input.seat.organizations] }
    : { ...UNKNOWN_SEAT, organizations: [] };
  const hidden = seat.kind === 'hidden' || input.used === null;
  const given: AllowanceSource | null = input.allowance === null ? null : (input.allowanceSource ?? 'github');
  const budget = seat.kind === 'budget' && given === 'github';
  const custom =
    !hidden &&
    !budget &&
    prefs.allowance !== undefined &&
    Number.isFinite(prefs.allowance) &&
    prefs.allowance > 0;
  const unlimited = custom || hidden ? false : input.unlimited;
  let allowance: number | null = null;
  let allowanceSource: AllowanceSource | null = null;
  if (hidden) {
    // Nothing: GitHub shows this seat's user no number.
  } else if (custom) {
    allowance = prefs.allowance!;
    allowanceSource = 'user';
  } else if (!unlimited && input.allowance !== null) {
    allowance = input.allowance;
    allowanceSource = given;
  } else if (!unlimited && seat.kind === 'personal') {
    allowance = allowanceFor(plan, input.unit);
    allowanceSource = allowance === null ? null : 'plan';
  }
  const used = input.used === null || hidden ? null : Math.max(0, exact(input.used));
  const hasAllowance = allowance !== null && allowance > 0;
  const overage = used === null ? 0 : Math.max(0, input.overage ?? 0, hasAllowance ? used - allowance! : 0);
  return {
    account: input.account,
    plan,
    seat: hidden ? { ...seat, kind: 'hidden' } : seat,
    unit: input.unit,
    used,
    allowance,
    allowanceSource,
    unlimited,
    remaining: allowance === null || used === null ? null : exact(allowance - used),
    percentUsed: hasAllowance && used !== null ? exact((used / allowance!) * 100) : null,
    overage: exact(overage),
    cost: input.cost ?? null,
    models: input.models ?? [],
    period: input.period,
    resetAt: input.resetAt,
    source: input.source,
    fetchedAt: input.fetchedAt,
  };
}

/**
 * The snapshot with every token that was tried (and anything token-shaped) blanked from the text GitHub sent
 * back: the login and the model names. A server that echoes the token there must not get it printed or saved.
 */
export function scrubSnapshot<S extends Pick<UsageSnapshot, 'account' | 'models'>>(
  s: S,
  tokens: readonly string[],
): S {
  const secrets = [...new Set(tokens.filter((t) => t.length >= 8))];
  const scrub = (text: string): string => {
    let out = text;
    for (const t of secrets) if (out.includes(t)) out = out.split(t).join('[token]');
    return redactTokenText(out, '[token]');
  };
  const dirty =
    scrub(s.account.login) !== s.account.login || s.models.some((m) => scrub(m.model) !== m.model);
  if (!dirty) return s;
  return {
    ...s,
    account: { ...s.account, login: scrub(s.account.login) },
    models: s.models.map((m) => ({ ...m, model: scrub(m.model) })),
  };
}
