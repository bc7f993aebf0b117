/**
 * Raw GitHub response bodies, as GitHub (or the reports in github-usage-api.md) shows them. Parsers are written
 * and tested against these; the fake server serves them. Each export says which real report it models.
 * Bodies are plain JSON values (`as const` is avoided on purpose: parsers receive `unknown` anyway).
 * Period used throughout: November 2026 (credits world), reset on 2026-12-01 00:00 UTC.
 */

// ───────────────────────── Billing usage (A: ai_credit, B: premium_request; same schema) ─────────────────────────

export const creditItem = (model: string, gross: number, net = 0) => ({
  product: 'Copilot',
  sku: 'Copilot AI Credits',
  model,
  unitType: 'ai-credits',
  pricePerUnit: 0.01,
  grossQuantity: gross,
  grossAmount: round(gross * 0.01),
  discountQuantity: gross - net,
  discountAmount: round((gross - net) * 0.01),
  netQuantity: net,
  netAmount: round(net * 0.01),
});

export const premiumItem = (model: string, gross: number, net = 0) => ({
  product: 'Copilot',
  sku: 'Copilot Premium Request',
  model,
  unitType: 'requests',
  pricePerUnit: 0.04,
  grossQuantity: gross,
  grossAmount: round(gross * 0.04),
  discountQuantity: gross - net,
  discountAmount: round((gross - net) * 0.04),
  netQuantity: net,
  netAmount: round(net * 0.04),
});

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}

/** Credits world, Pro (1,500 credits), three models, all within the allowance: 812.5 + 240 + 35.25 = 1087.75. */
export const billingCreditsMultiModel = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [
    creditItem('Claude Sonnet 4.5', 812.5),
    creditItem('GPT-5', 240),
    creditItem('Gemini 2.5 Pro', 35.25),
  ],
};

/** Credits world over the allowance: Pro used 1,730 credits, 230 billed (netQuantity > 0 on the last item). */
export const billingCreditsOverage = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [creditItem('Claude Opus 4.1', 1200), creditItem('GPT-5', 530, 230)],
};

/** Premium world (annual legacy Pro): 90 of 300 requests used, like the seed's sample output. */
export const billingPremiumPro = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [premiumItem('Claude Sonnet 4', 60), premiumItem('GPT-4.1', 18), premiumItem('o3', 12)],
};

/** Premium world over the allowance: 312 requests, 12 billed at $0.04. */
export const billingPremiumOverage = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [premiumItem('Claude Sonnet 4', 250), premiumItem('GPT-4.1', 62, 12)],
};

/** GitHub's documented example: no query, so timePeriod carries only the year (month absent). */
export const billingPremiumYearOnlyPeriod = {
  timePeriod: { year: 2026 },
  user: 'octocat',
  usageItems: [premiumItem('GPT-5', 100, 100)],
};

/** The unit spelled the newer ways (§7): unitType "ai-units", sku "copilot_ai_unit", product "Copilot AI Credits". */
export const billingAiUnits = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [
    { ...creditItem('Claude Sonnet 4.5', 600), unitType: 'ai-units', sku: 'copilot_ai_unit' },
    { ...creditItem('GPT-5', 150.5), unitType: 'ai-units', sku: 'AI Credit', product: 'Copilot AI Credits' },
  ],
};

/** Quantities that are not numbers a reader can trust: "NaN", "Infinity", "abc", negative. */
export const billingBadQuantities = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [
    creditItem('Claude Sonnet 4.5', 100),
    { ...creditItem('GPT-5', 0), grossQuantity: 'NaN' },
    { ...creditItem('o3', 0), grossQuantity: 'Infinity' },
    { ...creditItem('Gemini 2.5 Pro', 0), grossQuantity: -5 },
  ],
};

/** Two items whose quantities are each finite but whose sum is not (1e308 + 1e308). */
export const billingOverflowingQuantities = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [
    { ...creditItem('GPT-5', 0), grossQuantity: 1e308, grossAmount: 1e306, discountAmount: 1e306 },
    { ...creditItem('o3', 0), grossQuantity: 1e308, grossAmount: 1e306, discountAmount: 1e306 },
  ],
};

/** A Copilot item in a unit nobody has seen: unrecognised, never skipped. */
export const billingUnknownUnit = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [
    creditItem('GPT-5', 40),
    { ...creditItem('o3', 12), unitType: 'tokens', sku: 'Copilot Tokens' },
  ],
};

/** Priced items over the allowance: 1,820 credits used (US$18.20), 320 billed beyond the plan (US$3.20). */
export const billingPricedOverage = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [
    creditItem('Claude Opus 4.1', 1400, 320),
    creditItem('GPT-5', 416.2476),
    creditItem('o3', 3.7524),
  ],
};

/** Nothing used yet this month (or a seat billed to an org, which can look the same): empty usageItems. */
export const billingEmpty = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [],
};

/** The user's billing also lists Actions minutes, Packages storage and the Copilot subscription itself. */
export const billingMixedProducts = {
  timePeriod: { year: 2026, month: 11 },
  user: 'octocat',
  usageItems: [
    {
      product: 'Actions',
      sku: 'Actions Linux',
      model: '',
      unitType: 'minutes',
      pricePerUnit: 0.008,
      grossQuantity: 1440,
      grossAmount: 11.52,
      discountQuantity: 1440,
      discountAmount: 11.52,
      netQuantity: 0,
      netAmount: 0,
    },
    {
      product: 'Packages',
      sku: 'Packages storage',
      unitType: 'GigabyteHours',
      pricePerUnit: 0.0003,
      grossQuantity: 200,
      grossAmount: 0.06,
      discountQuantity: 200,
      discountAmount: 0.06,
      netQuantity: 0,
      netAmount: 0,
    },
    {
      product: 'Copilot',
      sku: 'Copilot Pro',
      unitType: 'user-months',
      pricePerUnit: 10,
      grossQuantity: 1,
      grossAmount: 10,
      discountQuantity: 0,
      discountAmount: 0,
      netQuantity: 1,
      netAmount: 10,
    },
    creditItem('Claude Sonnet 4.5', 300),
    creditItem('GPT-5', 100),
  ],
};

/** The switch month (June 2026): the same period holds premium requests and AI credits items. */
export const billingTransitionMonth = {
  timePeriod: { year: 2026, month: 6 },
  user: 'octocat',
  usageItems: [premiumItem('Claude Sonnet 4', 40), creditItem('Claude Sonnet 4.5', 500)],
};

/** Quantities serialised as strings (seen from some proxies / older API versions): "812.5". */
export const billingQuantitiesAsStrings = {
  timePeriod: { year: '2026', month: '11' },
  user: 'octocat',
  usageItems: [
    {
      ...creditItem('Claude Sonnet 4.5', 812.5),
      grossQuantity: '812.5',
      netQuantity: '0',
      pricePerUnit: '0.01',
    },
    { ...creditItem('GPT-5', 240), grossQuantity: '240', netQuantity: '0' },
  ],
};

/** Items missing fields: no model, no unitType, a null grossQuantity, and no timePeriod/user at the top. */
export const billingMissingFields = {
  usageItems: [
    { product: 'Copilot', sku: 'Copilot AI Credits', grossQuantity: 120, netQuantity: 0 },
    { product: 'Copilot', sku: 'Copilot AI Credits', model: 'GPT-5', grossQuantity: null },
    { sku: 'Copilot AI Credits', model: 'Claude Sonnet 4.5', unitType: 'ai-credits', grossQuantity: 30 },
  ],
};

/** Something else entirely (an API change or a proxy page parsed as JSON): no usageItems array. */
export const billingWrongShape = {
  usage: { total: 42 },
  items: 'none',
};

/** 404 body for a seat billed to an organization, or a login GitHub does not know (the case matters). */
export const billingNotFound404 = {
  message: 'Not Found',
  documentation_url: 'https://docs.github.com/rest/billing/usage',
  status: '404',
};

/** 403 body for a fine-grained PAT without the account permission "Plan: read". */
export const billingForbiddenPat403 = {
  message: 'Resource not accessible by personal access token',
  documentation_url: 'https://docs.github.com/rest/billing/usage',
  status: '403',
};

/** 401 bodies: no token at all, and a wrong / revoked / expired one (GitHub says the same for the latter). */
export const requiresAuthentication401 = {
  message: 'Requires authentication',
  documentation_url: 'https://docs.github.com/rest',
  status: '401',
};
export const badCredentials401 = {
  message: 'Bad credentials',
  documentation_url: 'https://docs.github.com/rest',
  status: '401',
};

/** Primary rate limit (403 with x-ratelimit-remaining: 0) and secondary rate limit (403/429, Retry-After). */
export const rateLimited403 = {
  message:
    'API rate limit exceeded for user ID 583231. If you reach out to GitHub Support for help, please include the request ID.',
  documentation_url:
    'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  status: '403',
};
export const secondaryRateLimited = {
  message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
  documentation_url:
    'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
  status: '403',
};

// ───────────────────────────────── GET /user (E) ─────────────────────────────────

/** GET /user for any valid token (trimmed to the fields anyone reads). */
export function userBody(login: string, id = 583231) {
  return {
    login,
    id,
    node_id: 'MDQ6VXNlcjU4MzIzMQ==',
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    html_url: `https://github.com/${login}`,
    type: 'User',
    site_admin: false,
    name: 'The Octocat',
    created_at: '2011-01-25T18:44:36Z',
  };
}

// ───────────────────────────── /copilot_internal/user (C) ─────────────────────────────

const TS = '2026-11-14T09:30:00.000Z';
const unlimitedSnapshot = (id: 'chat' | 'completions') => ({
  entitlement: 0,
  overage_count: 0,
  overage_permitted: false,
  percent_remaining: 100,
  quota_id: id,
  quota_remaining: 0,
  remaining: 0,
  unlimited: true,
  timestamp_utc: TS,
});
const premiumSnapshot = (entitlement: number, remaining: number, extra: Record<string, unknown> = {}) => ({
  entitlement,
  overage_count: 0,
  overage_permitted: true,
  percent_remaining: Math.round((remaining / entitlement) * 1000) / 10,
  quota_id: 'premium_interactions',
  quota_remaining: remaining,
  remaining,
  unlimited: false,
  timestamp_utc: TS,
  ...extra,
});
const common = {
  login: 'octocat',
  analytics_tracking_id: '0c7e6f3b1d2a4e5f8a9b0c1d2e3f4a5b',
  assigned_date: '2025-03-02T11:04:12+01:00',
  can_signup_for_limited: false,
  chat_enabled: true,
  codesearch: true,
  is_mcp_enabled: true,
  organization_login_list: [] as string[],
  organization_list: [] as unknown[],
  restricted_telemetry: false,
  endpoints: {
    api: 'https://api.individual.githubcopilot.com',
    'origin-tracker': 'https://origin-tracker.individual.githubcopilot.com',
    proxy: 'https://proxy.individual.githubcopilot.com',
    telemetry: 'https://telemetry.individual.githubcopilot.com',
  },
};

/** Pro in the premium world (the most common report): 210 of 300 left, chat/completions unlimited. */
export const internalProPremium = {
  ...common,
  access_type_sku: 'monthly_subscriber_quota',
  copilot_plan: 'individual',
  quota_reset_date: '2026-12-01',
  quota_reset_date_utc: '2026-12-01T00:00:00.000Z',
  quota_snapshots: {
    chat: unlimitedSnapshot('chat'),
    completions: unlimitedSnapshot('completions'),
    premium_interactions: premiumSnapshot(300, 210),
  },
};

/** Pro+ ("individual_pro"): 1,500 premium requests, 1,125 left. */
export const internalProPlus = {
  ...common,
  access_type_sku: 'plus_monthly_subscriber_quota',
  copilot_plan: 'individual_pro',
  quota_reset_date: '2026-12-01',
  quota_reset_date_utc: '2026-12-01T00:00:00.000Z',
  quota_snapshots: {
    chat: unlimitedSnapshot('chat'),
    completions: unlimitedSnapshot('completions'),
    premium_interactions: premiumSnapshot(1500, 1125),
  },
};

/** Business seat from an organization: 300 requests, 45 left; the org is listed. */
export const internalBusiness = {
  ...common,
  access_type_sku: 'copilot_for_business_seat',
  copilot_plan: 'business',
  organization_login_list: ['acme'],
  organization_list: [{ login: 'acme', name: 'Acme Corp' }],
  endpoints: { ...common.endpoints, api: 'https://api.business.githubcopilot.com' },
  quota_reset_date: '2026-12-01',
  quota_reset_date_utc: '2026-12-01T00:00:00.000Z',
  quota_snapshots: {
    chat: unlimitedSnapshot('chat'),
    completions: unlimitedSnapshot('completions'),
    premium_interactions: premiumSnapshot(300, 45),
  },
};

/** Enterprise seat: 1,000 requests, 880 left. */
export const internalEnterprise = {
  ...common,
  access_type_sku: 'copilot_enterprise_seat',
  copilot_plan: 'enterprise',
  organization_login_list: ['acme-enterprise'],
  organization_list: [{ login: 'acme-enterprise', name: 'Acme Enterprise' }],
  endpoints: { ...common.endpoints, api: 'https://api.enterprise.githubcopilot.com' },
  quota_reset_date: '2026-12-01',
  quota_reset_date_utc: '2026-12-01T00:00:00.000Z',
  quota_snapshots: {
    chat: unlimitedSnapshot('chat'),
    completions: unlimitedSnapshot('completions'),
    premium_interactions: premiumSnapshot(1000, 880),
  },
};

/**
 * Copilot Free: copilot_plan says "individual" (!) and only access_type_sku tells it is Free; no snapshots,
 * limited_user_quotas = what is LEFT, monthly_quotas = the allowance (50 chat, 2,000 completions).
 */
export const internalFreeLimited = {
  ...common,
  access_type_sku: 'free_limited_copilot',
  copilot_plan: 'individual',
  can_signup_for_limited: false,
  limited_user_quotas: { chat: 38, completions: 1712 },
  monthly_quotas: { chat: 50, completions: 2000 },
  limited_user_reset_date: '2026-12-01',
};

/** Over the allowance: remaining −12 (negative), overage_count 12, percent_remaining 0. */
export const internalOverQuota = {
  ...internalProPremium,
  quota_snapshots: {
    ...internalProPremium.quota_snapshots,
    premium_interactions: {
      ...premiumSnapshot(300, 0),
      remaining: -12,
      quota_remaining: -12,
      percent_remaining: 0,
      overage_count: 12,
    },
  },
};

/** Unlimited premium interactions (staff / special enterprise seats): unlimited true, entitlement 0. */
export const internalUnlimited = {
  ...internalEnterprise,
  quota_snapshots: {
    chat: unlimitedSnapshot('chat'),
    completions: unlimitedSnapshot('completions'),
    premium_interactions: { ...unlimitedSnapshot('chat'), quota_id: 'premium_interactions' },
  },
};

/**
 * Token-billed Business seat (credits world): token_based_billing true, and premium_interactions claims
 * unlimited with entitlement 0 while the real use sits in credits_used.
 */
export const internalTokenBilledBusiness = {
  ...internalBusiness,
  token_based_billing: true,
  quota_snapshots: {
    chat: unlimitedSnapshot('chat'),
    completions: unlimitedSnapshot('completions'),
    premium_interactions: {
      ...unlimitedSnapshot('chat'),
      quota_id: 'premium_interactions',
      credits_used: 1234.5,
    },
  },
};

/**
 * Organisation pool seat (§7, CodexBar #2593): token-billed, premium_interactions unlimited with entitlement 0,
 * 31 credits used, the organisation named. No personal cap: 1,900 is what the seat adds to ACME's pool.
 */
export const internalPoolSeat = {
  ...internalBusiness,
  token_based_billing: true,
  organization_login_list: ['ACME'],
  organization_list: [{ login: 'ACME', name: 'Acme Corp' }],
  quota_snapshots: {
    chat: { ...unlimitedSnapshot('chat'), credits_used: 0 },
    completions: { ...unlimitedSnapshot('completions'), credits_used: 0 },
    premium_interactions: {
      ...unlimitedSnapshot('chat'),
      quota_id: 'premium_interactions',
      token_based_billing: true,
      overage_permitted: true,
      credits_used: 31,
    },
  },
};

/** User-level budget on an organisation seat: entitlement 10,000 credits, 5,996 left (4,004 used). */
export const internalBudgetBusiness = {
  ...internalBusiness,
  token_based_billing: true,
  quota_snapshots: {
    chat: unlimitedSnapshot('chat'),
    completions: unlimitedSnapshot('completions'),
    premium_interactions: premiumSnapshot(10000, 5996, { token_based_billing: true, credits_used: 4004 }),
  },
};

/**
 * A seat whose use GitHub hides from its user (§7's older shape, seen for Enterprise seats): every bucket
 * unlimited, entitlement 0, remaining 0, no credits_used; the organisation is listed as an object.
 */
export const internalHiddenSeat = {
  ...internalEnterprise,
  token_based_billing: true,
  organization_login_list: [] as string[],
  organization_list: [{ login: 'gucu-engineers', name: 'Gucu Engineers' }],
  quota_snapshots: {
    chat: unlimitedSnapshot('chat'),
    completions: unlimitedSnapshot('completions'),
    premium_interactions: {
      ...unlimitedSnapshot('chat'),
      quota_id: 'premium_interactions',
      overage_permitted: true,
    },
  },
};

const withoutResetDates = (() => {
  const { quota_reset_date: _a, quota_reset_date_utc: _b, ...rest } = internalProPremium;
  return rest;
})();

/** Reset date only as a plain date ("2026-12-01", meaning 00:00 UTC). */
export const internalResetDateOnly = { ...withoutResetDates, quota_reset_date: '2026-12-01' };

/** Reset date only as ISO UTC. */
export const internalResetUtcOnly = {
  ...withoutResetDates,
  quota_reset_date_utc: '2026-12-01T00:00:00.000Z',
};

/** No reset date anywhere. */
export const internalResetAbsent = withoutResetDates;

/** Timestamps of 0 (unknown, NOT 1970): numeric quota_reset_date_utc 0 and snapshot timestamp_utc 0. */
export const internalResetTimestampZero = {
  ...withoutResetDates,
  quota_reset_date_utc: 0,
  quota_snapshots: {
    ...internalProPremium.quota_snapshots,
    premium_interactions: { ...premiumSnapshot(300, 210), timestamp_utc: 0 },
  },
};

/** The epoch as a string: also "unknown", never a reset in 1970. */
export const internalResetEpochString = {
  ...withoutResetDates,
  quota_reset_date: '1970-01-01',
  quota_reset_date_utc: '1970-01-01T00:00:00.000Z',
};

/** Numbers as strings ("types vary" in reports): entitlement "300", remaining "210", percent "70.0". */
export const internalStringNumbers = {
  ...internalProPremium,
  quota_snapshots: {
    ...internalProPremium.quota_snapshots,
    premium_interactions: {
      ...premiumSnapshot(300, 210),
      entitlement: '300',
      remaining: '210',
      quota_remaining: '210.0',
      percent_remaining: '70.0',
    },
  },
};

/** A newer server: unknown extra fields at every level, a new snapshot kind; the known ones are intact. */
export const internalUnknownExtraFields = {
  ...internalProPremium,
  future_flag: { enabled: true },
  billing_model_hint: 'premium',
  quota_snapshots: {
    ...internalProPremium.quota_snapshots,
    premium_interactions: { ...premiumSnapshot(300, 210), soft_limit: 280, note: 'new' },
    agent_sessions: { entitlement: 10, remaining: 9, unlimited: false, quota_id: 'agent_sessions' },
  },
};

/** Not the shape anyone knows: snapshots as an array and no plan; a parser must say "unrecognised". */
export const internalWrongShape = {
  login: 'octocat',
  quota_snapshots: [{ name: 'premium', value: '?' }],
  data: null,
};

/** /copilot_internal/user refusing a raw OAuth token (the exchange path is then needed). */
export const internalRefused = { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' };

// ───────────────────────────── /copilot_internal/v2/token (D) ─────────────────────────────

/** The exchange answer: a short-lived session token (expires_at epoch seconds, refresh_in seconds). */
export function exchangeBody(token: string, nowMs: number, ttlSeconds = 1800, refreshIn = 1500) {
  return {
    token,
    expires_at: Math.floor(nowMs / 1000) + ttlSeconds,
    refresh_in: refreshIn,
    endpoints: common.endpoints,
    annotations_enabled: true,
    chat_enabled: true,
    chat_jetbrains_enabled: true,
    code_quote_enabled: true,
    copilot_ide_agent_chat_gpt4_small_prompt: false,
    individual: true,
    prompt_8k: true,
    public_suggestions: 'disabled',
    sku: 'monthly_subscriber_quota',
    telemetry: 'disabled',
    tracking_id: '0c7e6f3b1d2a4e5f8a9b0c1d2e3f4a5b',
    vsc_electron_fetcher_v2: false,
  };
}
