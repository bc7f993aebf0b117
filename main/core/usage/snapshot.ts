/** Turns what a strategy learned into the one UsageSnapshot shape, applying the user's preferences. */
import type { ModelUsage, UsageSnapshot } from '../../../shared/domain';
import { allowanceFor } from '../../../shared/plans';
import type { UsagePreferences } from '../strategies/types';
import { round2 } from './values';
import { redactTokenText } from '../../../shared/tokens';

/** What a strategy learned; buildSnapshot derives the rest (remaining, percentUsed, overage past the allowance). */
export type SnapshotInput = Pick<
  UsageSnapshot,
  'account' | 'plan' | 'unit' | 'used' | 'unlimited' | 'period' | 'resetAt' | 'source' | 'fetchedAt'
> & {
  /** What GitHub said the allowance is; null = not said (then the plan table is used). */
  allowance: number | null;
  overage?: number;
  models?: ModelUsage[];
};

/**
 * Rules: the user's custom allowance wins over everything (they know about promotions and seat deals we do not);
 * the user's plan fills in only when GitHub gave none; a missing allowance comes from the plan table for the
 * snapshot's world; percentUsed may exceed 100 and is null without a positive allowance.
 */
export function buildSnapshot(
  input: SnapshotInput,
  prefs: UsagePreferences = {},
): Omit<UsageSnapshot, 'attempts'> {
  const plan = input.plan ?? prefs.plan ?? null;
  const custom = prefs.allowance !== undefined && Number.isFinite(prefs.allowance) && prefs.allowance > 0;
  const unlimited = custom ? false : input.unlimited;
  const allowance = custom
    ? prefs.allowance!
    : unlimited
      ? null
      : (input.allowance ?? allowanceFor(plan, input.unit));
  const used = Math.max(0, round2(input.used));
  const hasAllowance = allowance !== null && allowance > 0;
  const overage = Math.max(0, input.overage ?? 0, hasAllowance ? used - allowance : 0);
  return {
    account: input.account,
    plan,
    unit: input.unit,
    used,
    allowance,
    unlimited,
    remaining: allowance === null ? null : round2(allowance - used),
    percentUsed: hasAllowance ? round2((used / allowance) * 100) : null,
    overage: round2(overage),
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
