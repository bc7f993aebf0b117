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
    expect(u.models[2]).toEqual({
      model: 'Gemini 2.5 Pro',
      used: 35.25,
      cost: { currency: 'USD', gross: 0.3525, included: 0.3525, billed: 0 },
    });
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

  it('tolerates items without model or unitType and a body without timePeriod', () => {
    const body = { usageItems: fx.billingMissingFields.usageItems.filter((i) => i.grossQuantity !== null) };
    const u = parseBillingUsage(body, { unit: 'credits' });
    expect(u).toMatchObject({ used: 150, period: null, login: null, items: 2, cost: null });
    expect(u.models).toEqual([{ model: 'Claude Sonnet 4.5', used: 30, cost: null }]);
  });

  it('calls an item that does not say how much was used unrecognised, naming it, instead of counting 0', () => {
    expect(() => parseBillingUsage(fx.billingMissingFields, { unit: 'credits' })).toThrow(
      expect.objectContaining({
        info: expect.objectContaining({ missing: ['usageItems[1].grossQuantity'] }),
      }),
    );
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

  it('keeps GitHub’s decimals exactly, removing only the float noise of the sum', () => {
    const item = { product: 'Copilot', sku: 'Copilot AI Credits', grossQuantity: 0.1 };
    expect(parseBillingUsage({ usageItems: [item, item, item] }).used).toBe(0.3);
    const precise = { ...item, grossQuantity: 3.7524, grossAmount: 0.037524 };
    expect(parseBillingUsage({ usageItems: [precise] }).used).toBe(3.7524);
    const seven = [3956.1799545, 9498.6969165].map((q) => ({ ...item, grossQuantity: q }));
    expect(parseBillingUsage({ usageItems: seven }).used).toBe(13454.876871);
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

describe('unit variants and quantities (issue: every seat told the truth)', () => {
  const item = (over: Record<string, unknown>) => ({
    product: 'Copilot',
    sku: 'Copilot AI Credits',
    model: 'GPT-5',
    unitType: 'ai-credits',
    pricePerUnit: 0.01,
    grossQuantity: 10,
    grossAmount: 0.1,
    discountQuantity: 10,
    discountAmount: 0.1,
    netQuantity: 0,
    netAmount: 0,
    ...over,
  });
  const shape = (body: unknown, unit?: 'credits' | 'requests') => {
    try {
      parseBillingUsage(body, unit ? { unit } : {});
    } catch (e) {
      expect(isResponseShapeError(e)).toBe(true);
      return (e as { info: { missing: string[]; detail?: string } }).info;
    }
    throw new Error('expected an unrecognised answer');
  };

  it.each([
    [{ unitType: 'ai-units' }],
    [{ unitType: 'credits' }],
    [{ unitType: 'ai-credits', sku: 'AI Credit', product: 'Copilot AI Credits' }],
    [{ unitType: undefined, sku: 'copilot_ai_unit' }],
    [{ unitType: 'ai-units', sku: 'copilot_ai_unit', product: 'Copilot AI Credits' }],
  ])('counts an AI-credit item spelled %o by its meaning, never as 0', (over) => {
    const u = parseBillingUsage({ usageItems: [item(over), item({ grossQuantity: 5 })] });
    expect(u).toMatchObject({ unit: 'credits', used: 15, items: 2 });
  });

  it('counts premium-request spellings by meaning too', () => {
    for (const over of [{ unitType: 'requests' }, { unitType: undefined, sku: 'Copilot Premium Request' }]) {
      expect(parseBillingUsage({ usageItems: [item(over)] }, { unit: 'requests' }).used).toBe(10);
    }
  });

  it.each([['NaN'], ['Infinity'], ['abc'], [-3], [null], [undefined], ['1e999'], [{}]])(
    'calls a grossQuantity of %o unrecognised, naming the item and field, never 0 or ∞',
    (q) => {
      const info = shape({ usageItems: [item({}), item({ grossQuantity: q })] }, 'credits');
      expect(info.missing).toEqual(['usageItems[1].grossQuantity']);
    },
  );

  it('calls a bad netQuantity or amount unrecognised too', () => {
    expect(shape({ usageItems: [item({ netQuantity: 'NaN' })] }, 'credits').missing).toEqual([
      'usageItems[0].netQuantity',
    ]);
    expect(shape({ usageItems: [item({ grossAmount: -1 })] }, 'credits').missing).toEqual([
      'usageItems[0].grossAmount',
    ]);
  });

  it('calls quantities that add up past what a number holds (1e308 + 1e308) unrecognised, not ∞', () => {
    const big = item({ grossQuantity: 1e308, grossAmount: 1e306, discountAmount: 1e306 });
    const info = shape({ usageItems: [big, big] }, 'credits');
    expect(info.missing[0]).toMatch(/grossQuantity/);
  });

  it('calls a Copilot item of a unit it does not know unrecognised, naming it, instead of skipping it', () => {
    const info = shape({ usageItems: [item({}), item({ unitType: 'tokens', sku: 'Copilot Tokens' })] });
    expect(info.missing).toEqual(['usageItems[1].unitType']);
    expect(info.detail).toContain('tokens');
  });

  it('sums what the use is worth from the items’ amounts, per model too', () => {
    const u = parseBillingUsage(fx.billingCreditsOverage, { unit: 'credits' });
    expect(u.cost).toEqual({ currency: 'USD', gross: 17.3, included: 15, billed: 2.3 });
    expect(u.models.find((m) => m.model === 'GPT-5')?.cost).toEqual({
      currency: 'USD',
      gross: 5.3,
      included: 3,
      billed: 2.3,
    });
  });

  it('prices items from pricePerUnit when the amounts are missing, and gives no cost without either', () => {
    const noAmounts = item({ grossAmount: undefined, discountAmount: undefined, netAmount: undefined });
    expect(parseBillingUsage({ usageItems: [noAmounts] }).cost).toEqual({
      currency: 'USD',
      gross: 0.1,
      included: 0.1,
      billed: 0,
    });
    const unpriced = { ...noAmounts, pricePerUnit: undefined };
    expect(parseBillingUsage({ usageItems: [unpriced, item({})] }).cost).toBeNull();
    expect(parseBillingUsage(fx.billingEmpty, { unit: 'credits' }).cost).toBeNull();
  });
});
