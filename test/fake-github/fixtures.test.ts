// The fixtures' comments state numbers that parser tests will rely on; keep the bodies and comments in step.
import { describe, expect, it } from 'vitest';
import * as f from './fixtures';

const sum = (items: Array<{ grossQuantity: unknown }>) =>
  items.reduce((n, i) => n + (typeof i.grossQuantity === 'number' ? i.grossQuantity : 0), 0);

describe('fixtures', () => {
  it('credits multi-model sums to 1,087.75 credits with nothing billed', () => {
    expect(sum(f.billingCreditsMultiModel.usageItems)).toBe(1087.75);
    expect(f.billingCreditsMultiModel.usageItems.every((i) => i.netQuantity === 0)).toBe(true);
  });

  it('overage fixtures bill what is beyond the allowance', () => {
    expect(sum(f.billingCreditsOverage.usageItems)).toBe(1730);
    expect(f.billingCreditsOverage.usageItems.map((i) => i.netQuantity)).toEqual([0, 230]);
    expect(sum(f.billingPremiumOverage.usageItems)).toBe(312);
    expect(f.billingPremiumOverage.usageItems.reduce((n, i) => n + i.netQuantity, 0)).toBe(12);
  });

  it('the premium world sample is the seed’s 90 of 300', () => {
    expect(sum(f.billingPremiumPro.usageItems)).toBe(90);
    expect(f.billingPremiumPro.usageItems.every((i) => i.sku === 'Copilot Premium Request')).toBe(true);
    expect(f.internalProPremium.quota_snapshots.premium_interactions).toMatchObject({
      entitlement: 300,
      remaining: 210,
      percent_remaining: 70,
    });
  });

  it('the over-quota snapshot has a negative remaining and an overage count', () => {
    expect(f.internalOverQuota.quota_snapshots.premium_interactions).toMatchObject({
      remaining: -12,
      overage_count: 12,
    });
  });

  it('the free plan is only recognisable by its sku', () => {
    expect(f.internalFreeLimited).toMatchObject({
      copilot_plan: 'individual',
      access_type_sku: 'free_limited_copilot',
    });
    expect('quota_snapshots' in f.internalFreeLimited).toBe(false);
  });

  it('reset-date variants carry exactly the fields their names say', () => {
    expect(Object.keys(f.internalResetDateOnly).filter((k) => k.startsWith('quota_reset'))).toEqual([
      'quota_reset_date',
    ]);
    expect(Object.keys(f.internalResetUtcOnly).filter((k) => k.startsWith('quota_reset'))).toEqual([
      'quota_reset_date_utc',
    ]);
    expect(Object.keys(f.internalResetAbsent).filter((k) => k.startsWith('quota_reset'))).toEqual([]);
  });

  it('every fixture survives a JSON round trip unchanged (they are raw bodies)', () => {
    for (const [name, value] of Object.entries(f)) {
      if (typeof value === 'function') continue;
      expect(JSON.parse(JSON.stringify(value)), name).toEqual(value);
    }
  });
});
