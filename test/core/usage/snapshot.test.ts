import { describe, expect, it } from 'vitest';
import { buildSnapshot, type SnapshotInput } from '../../../main/core/usage/snapshot';
import { parseResetDate } from '../../../main/core/usage/values';

const base: SnapshotInput = {
  account: { login: 'octocat', host: 'github.com' },
  plan: 'pro',
  unit: 'credits',
  used: 1087.75,
  allowance: null,
  unlimited: false,
  period: '2026-11',
  resetAt: '2026-12-01T00:00:00.000Z',
  source: { strategy: 'pat-billing', credential: 'keychain' },
  fetchedAt: '2026-11-14T10:00:00.000Z',
};

describe('buildSnapshot', () => {
  it('takes the allowance from the plan table for the snapshot’s world', () => {
    const s = buildSnapshot(base);
    expect(s).toMatchObject({ allowance: 1500, remaining: 412.25, percentUsed: 72.52, overage: 0 });
    expect(buildSnapshot({ ...base, unit: 'requests', used: 90 })).toMatchObject({
      allowance: 300,
      percentUsed: 30,
    });
  });

  it('lets percentUsed exceed 100 and counts the overage when over', () => {
    expect(buildSnapshot({ ...base, used: 1730 })).toMatchObject({
      percentUsed: 115.33,
      remaining: -230,
      overage: 230,
    });
  });

  it('uses the custom allowance over GitHub’s and the table’s', () => {
    expect(buildSnapshot({ ...base, allowance: 1500 }, { allowance: 3000 })).toMatchObject({
      allowance: 3000,
      percentUsed: 36.26,
    });
  });

  it('fills in the user’s plan only when GitHub gave none', () => {
    expect(buildSnapshot({ ...base, plan: null }, { plan: 'pro+' })).toMatchObject({
      plan: 'pro+',
      allowance: 7000,
    });
    expect(buildSnapshot(base, { plan: 'pro+' })).toMatchObject({ plan: 'pro', allowance: 1500 });
  });

  it('has no percentage without a plan or when unlimited', () => {
    expect(buildSnapshot({ ...base, plan: null })).toMatchObject({
      allowance: null,
      percentUsed: null,
      remaining: null,
    });
    expect(buildSnapshot({ ...base, unlimited: true })).toMatchObject({ allowance: null, percentUsed: null });
    expect(buildSnapshot({ ...base, allowance: 0 })).toMatchObject({ allowance: 0, percentUsed: null });
  });

  it('never reports negative use', () => {
    expect(buildSnapshot({ ...base, used: -3 }).used).toBe(0);
  });
});

describe('parseResetDate', () => {
  it('reads ISO, date-only and epoch forms and treats placeholders as unknown', () => {
    expect(parseResetDate('2026-12-01')).toBe('2026-12-01T00:00:00.000Z');
    expect(parseResetDate(1796083200)).toBe('2026-12-01T00:00:00.000Z');
    expect(parseResetDate(1796083200000)).toBe('2026-12-01T00:00:00.000Z');
    for (const x of [0, '0', '', null, undefined, 'soon', '0001-01-01T00:00:00Z', -5]) {
      expect(parseResetDate(x)).toBeNull();
    }
  });
});
