/**
 * Parser for GET /copilot_internal/user (undocumented; see github-usage-api.md §2). Every field is optional and
 * types vary, so each read is defensive; when no usable quota is found anywhere the result is a
 * ResponseShapeError naming what was missing, never a made-up 0 %.
 */
import type { PlanId, Unit } from '../../../shared/domain';
import { isGitHubLogin } from '../../../shared/text';
import { responseShapeError } from '../../../shared/errors';
import { allowanceFor, parsePlan } from '../../../shared/plans';
import { bool, isRecord, keysOf, num, parseResetDate, round2, str } from './values';

export interface InternalUsage {
  login: string | null;
  plan: PlanId | null;
  unit: Unit;
  used: number;
  /** From GitHub's entitlement (or the plan table for token-billed seats); null when unlimited. */
  allowance: number | null;
  unlimited: boolean;
  overage: number;
  resetAt: string | null;
}

/**
 * copilot_plan alone is not enough: a Free plan may say "individual", and only access_type_sku
 * ("free_limited_copilot") tells. "free_educational…" SKUs are free *of charge* but are Pro seats, so only the
 * "free_limited" family means the Free plan. A "plus_…" SKU on an individual plan is Pro+ (seen in the wild,
 * not documented).
 */
export function planFromInternal(copilotPlan: unknown, accessTypeSku: unknown): PlanId | null {
  const sku = str(accessTypeSku)?.toLowerCase() ?? '';
  if (sku.startsWith('free_limited')) return 'free';
  const p = str(copilotPlan)?.toLowerCase();
  // "individual" is refined by the SKU; everything else (individual_pro = Pro+, individual_max = Max, business,
  // enterprise, free) is the plan table's own vocabulary.
  if (p === 'individual') return sku.startsWith('plus_') ? 'pro+' : sku.startsWith('max_') ? 'max' : 'pro';
  return parsePlan(p);
}

export function parseCopilotInternalUser(body: unknown): InternalUsage {
  if (!isRecord(body)) throw responseShapeError({ missing: ['login', 'quota_snapshots'], seen: [] });
  const plan = planFromInternal(body.copilot_plan, body.access_type_sku);
  let unit: Unit = bool(body.token_based_billing) === true ? 'credits' : 'requests';
  const resetAt =
    parseResetDate(body.quota_reset_date_utc) ??
    parseResetDate(body.quota_reset_date) ??
    parseResetDate(body.limited_user_reset_date);
  // A login outside GitHub's grammar (a control sequence, a token echoed back) is no login: not shown, not kept.
  const login = str(body.login);
  const base = { login: login !== null && isGitHubLogin(login) ? login : null, plan, resetAt };

  const snaps = isRecord(body.quota_snapshots) ? body.quota_snapshots : null;
  const prem = snaps && isRecord(snaps.premium_interactions) ? snaps.premium_interactions : null;
  const missing: string[] = [];

  if (prem) {
    // Credit-billed seats do not always say so at the top: the snapshot's own flag, or credits actually used,
    // are as good a sign (credits_used only appears on credit-billed seats).
    if (bool(prem.token_based_billing) === true || (num(prem.credits_used) ?? 0) > 0) unit = 'credits';
    const entitlement = num(prem.entitlement);
    const unlimited = bool(prem.unlimited) === true;
    const creditsUsed = num(prem.credits_used) ?? num(body.credits_used);
    const overageCount = Math.max(0, num(prem.overage_count) ?? 0);
    if (unlimited && (entitlement ?? 0) === 0 && creditsUsed !== null) {
      // Token-billed Business/Enterprise seats report "unlimited" with entitlement 0 because the seat is metered
      // in AI credits rather than capped in requests; the real use is credits_used, and the seat's allowance is
      // the plan's per-seat credit pool, which GitHub does not send, so it comes from the plan table.
      return {
        ...base,
        unit: 'credits',
        used: Math.max(0, round2(creditsUsed)),
        allowance: allowanceFor(plan, 'credits'),
        unlimited: false,
        overage: overageCount,
      };
    }
    if (unlimited && unit === 'credits' && creditsUsed === null) {
      // A token-billed seat that does not say what it used: "unlimited" here is billing talk, not a fact about
      // the user's allowance, so showing ∞ (or 0) would be invented. Fall through to an honest "unrecognised".
      missing.push('quota_snapshots.premium_interactions.credits_used');
    } else if (unlimited) {
      return {
        ...base,
        unit,
        used: Math.max(0, creditsUsed ?? 0),
        allowance: null,
        unlimited: true,
        overage: 0,
      };
    }
    if (entitlement !== null && entitlement > 0) {
      // quota_remaining keeps the decimals (fractional multipliers) where remaining is rounded; but some answers
      // clamp one of them at 0 while the other goes negative (over quota): then the negative one is the truth.
      const r = num(prem.remaining);
      const q = num(prem.quota_remaining);
      let remaining = r !== null && q !== null ? (r < 0 !== q < 0 ? Math.min(r, q) : q) : (q ?? r);
      const pctLeft = num(prem.percent_remaining);
      if (remaining === null && pctLeft !== null) remaining = (entitlement * pctLeft) / 100;
      if (remaining !== null) {
        // Over quota shows as a negative remaining, or as remaining 0 with an overage_count (overage permitted):
        // either way used = entitlement + the overage, so the percentage goes past 100 instead of sticking at it.
        const overage = remaining <= 0 ? Math.max(overageCount, -remaining) : 0;
        const used = remaining <= 0 ? entitlement + overage : entitlement - remaining;
        return {
          ...base,
          unit,
          used: round2(used),
          allowance: entitlement,
          unlimited: false,
          overage: round2(overage),
        };
      }
      missing.push('quota_snapshots.premium_interactions.remaining');
    } else if (
      entitlement === null &&
      num(prem.percent_remaining) !== null &&
      allowanceFor(plan, unit) !== null
    ) {
      // Only the share left is given: the plan's allowance turns it into numbers.
      const allowance = allowanceFor(plan, unit)!;
      const left = (allowance * num(prem.percent_remaining)!) / 100;
      return {
        ...base,
        unit,
        used: round2(Math.max(0, allowance - left)),
        allowance,
        unlimited: false,
        overage: round2(Math.max(0, -left, overageCount)),
      };
    } else if (entitlement === 0) {
      // An explicit zero entitlement: this plan has no premium allowance. Fall through to the free-plan fields,
      // which some Free accounts send instead.
      missing.push('quota_snapshots.premium_interactions.entitlement>0');
    } else {
      missing.push('quota_snapshots.premium_interactions.entitlement');
    }
  } else {
    missing.push('quota_snapshots.premium_interactions');
  }

  // Free plans: limited_user_quotas holds what is LEFT, monthly_quotas the allowance.
  const left = isRecord(body.limited_user_quotas) ? body.limited_user_quotas : null;
  const monthly = isRecord(body.monthly_quotas) ? body.monthly_quotas : null;
  if (left && monthly) {
    for (const key of ['premium_interactions', 'chat']) {
      const l = num(left[key]);
      const a = num(monthly[key]);
      if (l === null || a === null || a <= 0) continue;
      return {
        ...base,
        plan: plan ?? 'free',
        unit,
        used: round2(Math.max(0, a - l)),
        allowance: a,
        unlimited: false,
        overage: round2(Math.max(0, -l)),
      };
    }
    missing.push('monthly_quotas.chat');
  } else {
    missing.push('limited_user_quotas', 'monthly_quotas');
  }

  // Some Free accounts only have a capped chat snapshot: it is the allowance that runs out, so it is shown.
  const chat = snaps && isRecord(snaps.chat) ? snaps.chat : null;
  const chatEntitlement = chat ? num(chat.entitlement) : null;
  const chatLeft = chat ? (num(chat.quota_remaining) ?? num(chat.remaining)) : null;
  if (
    chat &&
    bool(chat.unlimited) !== true &&
    chatEntitlement !== null &&
    chatEntitlement > 0 &&
    chatLeft !== null
  ) {
    return {
      ...base,
      plan: plan ?? 'free',
      unit: 'requests',
      used: round2(Math.max(0, chatEntitlement - chatLeft)),
      allowance: chatEntitlement,
      unlimited: false,
      overage: round2(Math.max(0, -chatLeft)),
    };
  }

  const seen = keysOf(body);
  if (prem) seen.push(...keysOf(prem).map((k) => `quota_snapshots.premium_interactions.${k}`));
  throw responseShapeError({ missing, seen });
}
