/**
 * Parser for GET /copilot_internal/user (undocumented; see github-usage-api.md §2). Every field is optional and
 * types vary, so each read is defensive; when no usable quota is found anywhere the result is a
 * ResponseShapeError naming what was missing, never a made-up 0 %.
 */
import type { AllowanceSource, PlanId, Seat, SeatKind, Unit } from '../../../shared/domain';
import { isGitHubLogin } from '../../../shared/text';
import { responseShapeError } from '../../../shared/errors';
import { allowanceFor, parsePlan } from '../../../shared/plans';
import { bool, exact, isRecord, keysOf, num, parseResetDate, quantity, str } from './values';

export interface InternalUsage {
  login: string | null;
  plan: PlanId | null;
  unit: Unit;
  /** null only for a hidden seat (GitHub shows its user no number). */
  used: number | null;
  /** GitHub's entitlement, or the plan table's for a personal seat that gives none; null without a cap. */
  allowance: number | null;
  /** Who set `allowance` (null when there is none). */
  allowanceSource: AllowanceSource | null;
  unlimited: boolean;
  overage: number;
  resetAt: string | null;
  seat: Seat;
}

/** At most this many organisations are kept, each at most this long: the list is shown, not processed. */
const MAX_ORGS = 20;
const MAX_ORG_LENGTH = 100;

/**
 * The organisations that give the seat, from `organization_login_list` (strings) and `organization_list`
 * (objects with a login or name, or plain strings), in order, without duplicates. Anything else is ignored.
 */
export function organizationsOf(body: Record<string, unknown>): string[] {
  const out: string[] = [];
  const add = (x: unknown) => {
    const name = str(x);
    if (name === null || out.length >= MAX_ORGS) return;
    // Printable text only: a control character (or a bidi override) in a tooltip or a terminal could do harm.
    const clean = name
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
      .slice(0, MAX_ORG_LENGTH);
    if (clean && !out.some((o) => o.toLowerCase() === clean.toLowerCase())) out.push(clean);
  };
  for (const key of ['organization_login_list', 'organization_list']) {
    const list = body[key];
    if (!Array.isArray(list)) continue;
    for (const entry of list) add(isRecord(entry) ? (entry.login ?? entry.name) : entry);
  }
  return out;
}

/** Who pays for the seat: listed organisations or a Business/Enterprise plan mean an organisation. */
function billingOf(plan: PlanId | null, orgs: string[]): Seat['billing'] {
  if (orgs.length > 0 || plan === 'business' || plan === 'enterprise') return 'organization';
  return plan === null ? 'unknown' : 'personal';
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
  const tokenBilled = bool(body.token_based_billing) === true;
  let unit: Unit = tokenBilled ? 'credits' : 'requests';
  const resetAt =
    parseResetDate(body.quota_reset_date_utc) ??
    parseResetDate(body.quota_reset_date) ??
    parseResetDate(body.limited_user_reset_date);
  const organizations = organizationsOf(body);
  const billing = billingOf(plan, organizations);
  const seat = (kind: SeatKind): Seat => ({ billing, organizations: [...organizations], kind });
  /** A capped seat: an organisation's seat has its cap from the organisation; anyone else's is their own. */
  const capped = (): Seat => seat(billing === 'organization' ? 'budget' : 'personal');
  // A login outside GitHub's grammar (a control sequence, a token echoed back) is no login: not shown, not kept.
  const login = str(body.login);
  const base = { login: login !== null && isGitHubLogin(login) ? login : null, plan, resetAt };

  const snaps = isRecord(body.quota_snapshots) ? body.quota_snapshots : null;
  const prem = snaps && isRecord(snaps.premium_interactions) ? snaps.premium_interactions : null;
  const missing: string[] = [];

  if (prem) {
    const premTokenBilled = bool(prem.token_based_billing) === true;
    const creditsUsed = usedField(prem, 'credits_used') ?? usedField(body, 'credits_used');
    // Credit-billed seats do not always say so at the top: the snapshot's own flag, or credits actually used,
    // are as good a sign (credits_used only appears on credit-billed seats).
    if (premTokenBilled || (creditsUsed ?? 0) > 0) unit = 'credits';
    const entitlement = num(prem.entitlement);
    const unlimited = bool(prem.unlimited) === true;
    const overageCount = Math.max(0, num(prem.overage_count) ?? 0);
    if (unlimited && (entitlement ?? 0) === 0 && creditsUsed !== null) {
      // Token-billed seats report "unlimited" with entitlement 0 because the seat is metered in AI credits rather
      // than capped; the real use is credits_used. An organisation's seat draws on the organisation's pooled
      // credits: there is no personal cap (Business's 1,900 per seat is what the seat adds to the pool), so no
      // allowance and no percentage. A personal plan metered this way has its plan's allowance.
      if (billing === 'personal') {
        const allowance = allowanceFor(plan, 'credits');
        return {
          ...base,
          unit: 'credits',
          used: exact(creditsUsed),
          allowance,
          allowanceSource: allowance === null ? null : 'plan',
          unlimited: false,
          overage: overageCount,
          seat: seat('personal'),
        };
      }
      return {
        ...base,
        unit: 'credits',
        used: exact(creditsUsed),
        allowance: null,
        allowanceSource: null,
        unlimited: false,
        overage: 0,
        seat: seat('pool'),
      };
    }
    if (
      creditsUsed === null &&
      (entitlement ?? 0) === 0 &&
      (num(prem.remaining) ?? 0) === 0 &&
      (unlimited || tokenBilled || premTokenBilled) &&
      billing !== 'personal'
    ) {
      // The known shape of a seat whose use GitHub hides from its user (every bucket unlimited or zero, nothing
      // used said): only the organisation's admins see it, or a user-level budget makes it visible. No number.
      return {
        ...base,
        unit,
        used: null,
        allowance: null,
        allowanceSource: null,
        unlimited: false,
        overage: 0,
        seat: seat('hidden'),
      };
    }
    if (unlimited && unit === 'credits' && creditsUsed === null) {
      // A token-billed personal seat that does not say what it used: "unlimited" here is billing talk, not a
      // fact about the user's allowance, so showing ∞ (or 0) would be invented. Fall through to "unrecognised".
      missing.push('quota_snapshots.premium_interactions.credits_used');
    } else if (unlimited) {
      return {
        ...base,
        unit,
        used: exact(creditsUsed ?? 0),
        allowance: null,
        allowanceSource: null,
        unlimited: true,
        overage: 0,
        seat: seat('personal'),
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
        // An organisation seat's entitlement is a user-level budget (or, for premium requests, the seat's own
        // allowance): GitHub's number is the real cap, whatever the plan table says.
        return {
          ...base,
          unit,
          used: exact(used),
          allowance: entitlement,
          allowanceSource: 'github',
          unlimited: false,
          overage: exact(overage),
          seat: capped(),
        };
      }
      missing.push('quota_snapshots.premium_interactions.remaining');
    } else if (
      entitlement === null &&
      num(prem.percent_remaining) !== null &&
      allowanceFor(plan, unit) !== null &&
      // An organisation's credits are pooled: the plan's per-seat number is no personal cap.
      !(billing === 'organization' && unit === 'credits')
    ) {
      // Only the share left is given: the plan's allowance turns it into numbers.
      const allowance = allowanceFor(plan, unit)!;
      const left = (allowance * num(prem.percent_remaining)!) / 100;
      return {
        ...base,
        unit,
        used: exact(Math.max(0, allowance - left)),
        allowance,
        allowanceSource: 'plan',
        unlimited: false,
        overage: exact(Math.max(0, -left, overageCount)),
        seat: capped(),
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
  const free = (): Seat => ({ ...seat('personal'), billing: billing === 'unknown' ? 'personal' : billing });
  if (left && monthly) {
    for (const key of ['premium_interactions', 'chat']) {
      const l = num(left[key]);
      const a = num(monthly[key]);
      if (l === null || a === null || a <= 0) continue;
      return {
        ...base,
        plan: plan ?? 'free',
        unit,
        used: exact(Math.max(0, a - l)),
        allowance: a,
        allowanceSource: 'github',
        unlimited: false,
        overage: exact(Math.max(0, -l)),
        seat: free(),
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
      used: exact(Math.max(0, chatEntitlement - chatLeft)),
      allowance: chatEntitlement,
      allowanceSource: 'github',
      unlimited: false,
      overage: exact(Math.max(0, -chatLeft)),
      seat: free(),
    };
  }

  const seen = keysOf(body);
  if (prem) seen.push(...keysOf(prem).map((k) => `quota_snapshots.premium_interactions.${k}`));
  throw responseShapeError({ missing, seen });
}

/**
 * A "credits_used" GitHub gave: null when absent; a finite non-negative number; anything else ("NaN", -5,
 * "abc") makes the answer unrecognised, naming the field, rather than a made-up 0.
 */
function usedField(rec: Record<string, unknown>, key: string): number | null {
  const v = quantity(rec[key]);
  if (v === 'bad')
    throw responseShapeError({
      missing: [key],
      seen: keysOf(rec),
      detail: `${key} is not a finite, non-negative number`,
    });
  return v ?? null;
}
