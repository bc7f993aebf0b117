import { describe, expect, it } from 'vitest';
import { isResponseShapeError } from '../../../shared/errors';
import { itemWorld, parseBillingUsage } from '../../../main/core/usage/billing';
import * as fx from '../../fake-github/fixtures';

describe('parseBillingUsage', () => {
  it('sums grossQuantity of Copilot credit items and lists models largest first', () => {
    const u = parseBillingUsage(fx.billingCreditsMultiModel, { unit: 'credits' });
    expect(u).toMatchObject({ unit: 'credits', used: 1087.75, overage: 0, period: '2026-11', items: 3 });
    expect(u.login).toBe('octocat');
    expect(u.models.map((m) => m.model)).toEqual(['Claude Sonnet 4.5', 'GPT-5', 'Gemini 2.5 Pro']);
    expect(u.models[2]).toEqual({ model: 'Gemini 2.5 Pro', used: 35.25 });
  });

  it('counts "Copilot AI Credits" items, which a filter on the word "Premium" would miss', () => {
    expect(parseBillingUsage(fx.billingCreditsMultiModel).unit).toBe('credits');
    expect(itemWorld({ sku: 'Copilot AI Credits' })).toBe('credits');
    expect(itemWorld({ unitType: 'ai-credits' })).toBe('credits');
    expect(itemWorld({ sku: 'Copilot Premium Request' })).toBe('requests');
    expect(itemWorld({ unitType: 'requests' })).toBe('requests');
    expect(itemWorld({ sku: 'Copilot Pro', unitType: 'user-months' })).toBeNull();
  });

  it('reads the overage from netQuantity', () => {
    const u = parseBillingUsage(fx.billingCreditsOverage, { unit: 'credits' });
    expect(u.used).toBe(1730);
    expect(u.overage).toBe(230);
  });

  it('parses the premium requests world', () => {
    const u = parseBillingUsage(fx.billingPremiumPro, { unit: 'requests' });
    expect(u).toMatchObject({ unit: 'requests', used: 90, overage: 0, items: 3 });
    expect(parseBillingUsage(fx.billingPremiumOverage).overage).toBe(12);
  });

  it('ignores other products and the Copilot subscription line itself', () => {
    const u = parseBillingUsage(fx.billingMixedProducts, { unit: 'credits' });
    expect(u.used).toBe(400);
    expect(u.items).toBe(2);
    expect(u.overage).toBe(0);
  });

  it('counts only the asked world in a month that lists both, and prefers credits when not told', () => {
    expect(parseBillingUsage(fx.billingTransitionMonth, { unit: 'requests' }).used).toBe(40);
    expect(parseBillingUsage(fx.billingTransitionMonth, { unit: 'credits' }).used).toBe(500);
    expect(parseBillingUsage(fx.billingTransitionMonth)).toMatchObject({ unit: 'credits', used: 500 });
  });

  it('accepts numbers written as strings', () => {
    const u = parseBillingUsage(fx.billingQuantitiesAsStrings, { unit: 'credits' });
    expect(u).toMatchObject({ used: 1052.5, period: '2026-11' });
  });

  it('tolerates items without model, unitType or quantity and a body without timePeriod', () => {
    const u = parseBillingUsage(fx.billingMissingFields, { unit: 'credits' });
    expect(u).toMatchObject({ used: 150, period: null, login: null, items: 3 });
    expect(u.models).toEqual([
      { model: 'Claude Sonnet 4.5', used: 30 },
      { model: 'GPT-5', used: 0 },
    ]);
  });

  it('leaves the period to the caller when timePeriod has no month', () => {
    expect(parseBillingUsage(fx.billingPremiumYearOnlyPeriod).period).toBeNull();
  });

  it('treats empty usageItems as a valid month with nothing used', () => {
    expect(parseBillingUsage(fx.billingEmpty, { unit: 'credits' })).toMatchObject({
      unit: null,
      used: 0,
      overage: 0,
      items: 0,
      models: [],
    });
  });

  it('rounds sums to two decimals', () => {
    const item = { product: 'Copilot', sku: 'Copilot AI Credits', grossQuantity: 0.1 };
    expect(parseBillingUsage({ usageItems: [item, item, item] }).used).toBe(0.3);
  });

  it('throws a ResponseShapeError naming usageItems and the keys it saw when the array is missing', () => {
    let caught: unknown;
    try {
      parseBillingUsage(fx.billingWrongShape);
    } catch (e) {
      caught = e;
    }
    expect(isResponseShapeError(caught)).toBe(true);
    expect((caught as { info: unknown }).info).toMatchObject({
      missing: ['usageItems'],
      seen: ['usage', 'items'],
    });
    expect(() => parseBillingUsage(null)).toThrow(/responseShape/);
  });
});

describe('parseBillingUsage on a frozen (cached) answer', () => {
  it('gives the same reading each time, as a copy the caller may change', () => {
    const body = JSON.parse(JSON.stringify(fx.billingCreditsMultiModel)) as object;
    Object.freeze(body);
    const a = parseBillingUsage(body, { unit: 'credits' });
    a.models.length = 0;
    const b = parseBillingUsage(body, { unit: 'credits' });
    expect(b.models).toHaveLength(3);
    expect(b.used).toBe(1087.75);
  });
});
