/**
 * Named, ready states for the fake GitHub: `startFakeGitHub(scenarios.patCreditsPro)` or
 * `npm run fake-github -- --scenario patCreditsPro`. Tokens are obviously fake (…FAKE…) and safe to print.
 */
import {
  billingAiUnits,
  billingBadQuantities,
  billingCreditsMultiModel,
  billingEmpty,
  billingOverflowingQuantities,
  billingPremiumPro,
  billingPricedOverage,
  billingUnknownUnit,
  internalBudgetBusiness,
  internalBusiness,
  internalHiddenSeat,
  internalPoolSeat,
  internalFreeLimited,
  internalProPremium,
  internalTokenBilledBusiness,
} from './fixtures';
import type { FakeState, FakeToken } from './server';

export const FAKE_LOGIN = 'octocat';

/** Fine-grained PAT with Plan: read. */
export const FAKE_PAT =
  'github_pat_FAKE0000000000000000000_octocatPlanReadFakeTokenForTestsOnly000000000000000';
/** Fine-grained PAT WITHOUT Plan: read. */
export const FAKE_PAT_NO_PLAN =
  'github_pat_FAKE0000000000000000000_octocatNoPlanFakeTokenForTestsOnly0000000000000000';
/** Fine-grained PAT that expired. */
export const FAKE_PAT_EXPIRED =
  'github_pat_FAKE0000000000000000000_octocatExpiredFakeTokenForTestsOnly000000000000000';
/** OAuth token of a Copilot client (OpenCode, editors). */
export const FAKE_OAUTH = 'gho_FAKE00000000000000000000000000oauth';
/** Unknown to the fake: answered 401 Bad credentials. */
export const FAKE_UNKNOWN = 'ghp_FAKE000000000000000000000000unknown';

const pat: FakeToken = {
  login: FAKE_LOGIN,
  kind: 'pat',
  permissions: ['plan'],
  expiresAt: '2099-12-31 00:00:00 UTC',
};
const oauth: FakeToken = { login: FAKE_LOGIN, kind: 'oauth', permissions: [] };

export const scenarios = {
  /** AI-credits world, Pro: credits usage by model; premium endpoint empty. */
  patCreditsPro: {
    tokens: { [FAKE_PAT]: pat },
    billing: { [FAKE_LOGIN]: { aiCredits: billingCreditsMultiModel, premium: billingEmpty } },
  },
  /** Premium-requests world (annual legacy Pro): 90 of 300 used; credits endpoint empty. */
  patPremiumPro: {
    tokens: { [FAKE_PAT]: pat },
    billing: { [FAKE_LOGIN]: { aiCredits: billingEmpty, premium: billingPremiumPro } },
  },
  /** The PAT lacks Plan: read → 403 with x-accepted-github-permissions: plan=read. */
  patNoPlanPermission: {
    tokens: { [FAKE_PAT_NO_PLAN]: { ...pat, permissions: [] } },
    billing: { [FAKE_LOGIN]: { aiCredits: billingCreditsMultiModel } },
  },
  /** The PAT expired yesterday (401 + expiry header in the past). */
  patExpired: {
    tokens: { [FAKE_PAT_EXPIRED]: { ...pat, expired: true, expiresAt: '2026-01-01 00:00:00 UTC' } },
  },
  /** OpenCode's OAuth token; /copilot_internal/user answers it directly (Pro, premium world). */
  opencodeOAuth: {
    tokens: { [FAKE_OAUTH]: oauth },
    internalUser: { [FAKE_LOGIN]: internalProPremium },
  },
  /** Raw OAuth refused by /copilot_internal/user (404): only the exchanged session token works. */
  opencodeOAuthExchangeOnly: {
    tokens: { [FAKE_OAUTH]: oauth },
    internalUser: { [FAKE_LOGIN]: internalProPremium },
    refuseRawOAuth: 404,
  },
  /** Business seat billed to an org: personal billing 404 for the PAT; the OAuth token sees the seat. */
  orgBilledSeat: {
    tokens: { [FAKE_PAT]: pat, [FAKE_OAUTH]: oauth },
    internalUser: { [FAKE_LOGIN]: internalBusiness },
  },
  /** Business seat billed to an org, the other way GitHub shows it: personal billing answers 200 with no items. */
  orgBilledSeatEmpty: {
    tokens: { [FAKE_PAT]: pat, [FAKE_OAUTH]: oauth },
    billing: { [FAKE_LOGIN]: { aiCredits: billingEmpty, premium: billingEmpty } },
    internalUser: { [FAKE_LOGIN]: internalBusiness },
  },
  /** Token-billed Business seat (credits world): unlimited: true, entitlement 0, credits_used. */
  tokenBilledBusiness: {
    tokens: { [FAKE_OAUTH]: oauth },
    internalUser: { [FAKE_LOGIN]: internalTokenBilledBusiness },
  },
  /** Organisation pool seat (§7): 31 AI credits used, no personal limit, pool of ACME. */
  poolSeat: {
    tokens: { [FAKE_OAUTH]: oauth },
    internalUser: { [FAKE_LOGIN]: internalPoolSeat },
  },
  /** User-level budget on an organisation seat: 4,004 of 10,000 AI credits (GitHub's entitlement is the cap). */
  budgetSeat: {
    tokens: { [FAKE_OAUTH]: oauth },
    internalUser: { [FAKE_LOGIN]: internalBudgetBusiness },
  },
  /** A seat whose use GitHub hides from its user: every bucket unlimited, entitlement 0, nothing used said. */
  hiddenSeat: {
    tokens: { [FAKE_OAUTH]: oauth },
    internalUser: { [FAKE_LOGIN]: internalHiddenSeat },
  },
  /** Billing items with the unit spelled "ai-units" / "copilot_ai_unit" (750.5 AI credits, Pro). */
  patAiUnits: {
    tokens: { [FAKE_PAT]: pat },
    billing: { [FAKE_LOGIN]: { aiCredits: billingAiUnits, premium: billingEmpty } },
  },
  /** Billing items whose quantities are "NaN", "Infinity" or negative: unrecognised, never 0. */
  patBadQuantities: {
    tokens: { [FAKE_PAT]: pat },
    billing: { [FAKE_LOGIN]: { aiCredits: billingBadQuantities, premium: billingEmpty } },
  },
  /** Two quantities of 1e308 whose sum overflows: unrecognised, never ∞. */
  patOverflowingQuantities: {
    tokens: { [FAKE_PAT]: pat },
    billing: { [FAKE_LOGIN]: { aiCredits: billingOverflowingQuantities, premium: billingEmpty } },
  },
  /** A Copilot item in an unknown unit ("tokens"): unrecognised, not skipped. */
  patUnknownUnit: {
    tokens: { [FAKE_PAT]: pat },
    billing: { [FAKE_LOGIN]: { aiCredits: billingUnknownUnit, premium: billingEmpty } },
  },
  /** Priced items past Pro's 1,500 credits: 1,820 used, worth US$18.20, US$3.20 billed beyond the plan. */
  patPricedOverage: {
    tokens: { [FAKE_PAT]: pat },
    billing: { [FAKE_LOGIN]: { aiCredits: billingPricedOverage, premium: billingEmpty } },
  },
  /** Copilot Free (copilot_plan "individual", sku free_limited_copilot, limited/monthly quotas). */
  freePlan: {
    tokens: { [FAKE_OAUTH]: oauth },
    internalUser: { [FAKE_LOGIN]: internalFreeLimited },
  },
  /** Everything working at once: PAT (credits world) and OAuth (Pro). Handy for the wizard and the CLI. */
  all: {
    tokens: { [FAKE_PAT]: pat, [FAKE_PAT_NO_PLAN]: { ...pat, permissions: [] }, [FAKE_OAUTH]: oauth },
    billing: { [FAKE_LOGIN]: { aiCredits: billingCreditsMultiModel, premium: billingEmpty } },
    internalUser: { [FAKE_LOGIN]: internalProPremium },
  },
} satisfies Record<string, Partial<FakeState>>;

export type ScenarioName = keyof typeof scenarios;

export function isScenarioName(x: string): x is ScenarioName {
  return Object.hasOwn(scenarios, x);
}
