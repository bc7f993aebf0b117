/** Shapes seen in public reports that the tidy fixtures do not cover: each must give numbers, never a crash. */
import { describe, expect, it } from 'vitest';
import { parseBillingUsage } from '../../../main/core/usage/billing';
import { parseCopilotInternalUser } from '../../../main/core/usage/internal-user';

describe('copilot_internal/user edge shapes', () => {
  it('counts permitted overage when remaining stays at 0, so the share used passes 100 %', () => {
    const u = parseCopilotInternalUser({
      login: 'octo',
      copilot_plan: 'individual',
      quota_snapshots: {
        premium_interactions: { entitlement: 300, remaining: 0, overage_count: 25, overage_permitted: true },
      },
    });
    expect(u).toMatchObject({ used: 325, allowance: 300, overage: 25, plan: 'pro' });
  });

  it('does not count the overage twice when remaining is negative and overage_count says the same', () => {
    const u = parseCopilotInternalUser({
      quota_snapshots: { premium_interactions: { entitlement: '300', remaining: '-25', overage_count: 25 } },
    });
    expect(u).toMatchObject({ used: 325, allowance: 300, overage: 25 });
  });

  it('turns a percent_remaining without entitlement into numbers through the plan table', () => {
    const u = parseCopilotInternalUser({
      copilot_plan: 'individual_pro',
      quota_snapshots: { premium_interactions: { percent_remaining: 80 } },
    });
    expect(u).toMatchObject({ plan: 'pro+', allowance: 1500, used: 300 });
  });

  it('falls back to a capped chat snapshot when premium interactions are absent', () => {
    const u = parseCopilotInternalUser({
      copilot_plan: 'individual',
      access_type_sku: 'free_limited_copilot',
      quota_snapshots: { chat: { entitlement: 50, remaining: 38, unlimited: false } },
    });
    expect(u).toMatchObject({ plan: 'free', allowance: 50, used: 12, unit: 'requests' });
  });

  it('still refuses a body with no usable quota, naming what it saw', () => {
    expect(() =>
      parseCopilotInternalUser({ login: 'octo', quota_snapshots: { chat: { unlimited: true } } }),
    ).toThrow(/responseShape|missing/i);
  });
});

describe('billing usage edge shapes', () => {
  it('counts items that name a model even when the unit wording is new, on the endpoint of that world', () => {
    const u = parseBillingUsage(
      {
        usageItems: [
          { product: 'Copilot', sku: 'Copilot', model: 'GPT-5', grossQuantity: 10 },
          { product: 'Copilot', sku: 'Copilot Pro', unitType: 'user-months', grossQuantity: 1 },
        ],
      },
      { unit: 'credits' },
    );
    expect(u).toMatchObject({ used: 10, items: 1 });
  });

  it('recognises a plain "credits" unit type as the credits world', () => {
    const u = parseBillingUsage({
      usageItems: [{ product: 'copilot', unitType: 'credits', grossQuantity: '12.5', model: 'X' }],
    });
    expect(u).toMatchObject({ unit: 'credits', used: 12.5 });
  });
});

describe('copilot_internal/user precision', () => {
  it('prefers the fractional quota_remaining over the rounded remaining', () => {
    const u = parseCopilotInternalUser({
      quota_snapshots: {
        premium_interactions: {
          entitlement: 300,
          remaining: 230,
          quota_remaining: 230.1,
          percent_remaining: 76.7,
        },
      },
    });
    expect(u.used).toBe(69.9);
  });
});

describe('review edge cases', () => {
  it('reads a token-billed "unlimited" organisation seat that does not say what it used as hidden, never ∞', () => {
    expect(
      parseCopilotInternalUser({
        copilot_plan: 'business',
        token_based_billing: true,
        quota_snapshots: { premium_interactions: { unlimited: true, entitlement: 0 } },
      }),
    ).toMatchObject({ used: null, unlimited: false, allowance: null, seat: { kind: 'hidden' } });
  });

  it('still refuses a token-billed "unlimited" personal seat that does not say what it used', () => {
    expect(() =>
      parseCopilotInternalUser({
        copilot_plan: 'individual',
        token_based_billing: true,
        quota_snapshots: { premium_interactions: { unlimited: true, entitlement: 0 } },
      }),
    ).toThrow();
  });

  it('takes the negative one when remaining and quota_remaining disagree about being over quota', () => {
    const u = parseCopilotInternalUser({
      quota_snapshots: { premium_interactions: { entitlement: 300, remaining: -12, quota_remaining: 0 } },
    });
    expect(u).toMatchObject({ used: 312, overage: 12 });
  });

  it('derives billed overage from netAmount and the unit price when netQuantity is missing', () => {
    const u = parseBillingUsage(
      {
        usageItems: [
          {
            product: 'Copilot',
            sku: 'Copilot AI Credits',
            unitType: 'ai-credits',
            model: 'GPT-5',
            grossQuantity: 1600,
            netAmount: 1,
            pricePerUnit: 0.01,
          },
        ],
      },
      { unit: 'credits' },
    );
    expect(u.overage).toBe(100);
  });
});
