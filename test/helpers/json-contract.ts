/** The documented top-level keys of `copilot-meter status --json` (README "--json"), in their documented order. */
export const DOCUMENTED_JSON_KEYS = [
  'account',
  'plan',
  'unit',
  'used',
  'allowance',
  'unlimited',
  'remaining',
  'percentUsed',
  'overage',
  'models',
  'period',
  'resetAt',
  'source',
  'fetchedAt',
  'attempts',
] as const;
