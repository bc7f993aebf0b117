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
    expect(s).toMatchObject({ allowance: 1500, allowanceSource: 'plan', remaining: 412.25, overage: 0 });
    expect(s.percentUsed).toBeCloseTo(72.5167, 4);
    expect(buildSnapshot({ ...base, unit: 'requests', used: 90 })).toMatchObject({
      allowance: 300,
      percentUsed: 30,
    });
  });

  it('lets percentUsed exceed 100 and counts the overage when over', () => {
    const s = buildSnapshot({ ...base, used: 1730 });
    expect(s).toMatchObject({ remaining: -230, overage: 230 });
    expect(s.percentUsed).toBeCloseTo(115.3333, 4);
  });

  it('uses the custom allowance over GitHub’s and the table’s', () => {
    const s = buildSnapshot({ ...base, allowance: 1500 }, { allowance: 3000 });
    expect(s).toMatchObject({ allowance: 3000, allowanceSource: 'user' });
    expect(s.percentUsed).toBeCloseTo(36.2583, 4);
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

  it('keeps GitHub’s numbers exact: no rounding in the snapshot, only on the faces', () => {
    const s = buildSnapshot({ ...base, used: 3.7524 });
    expect(s.used).toBe(3.7524);
    expect(s.remaining).toBe(1496.2476);
  });

  it('gives an organisation pool no allowance and no percentage, even though its plan has a per-seat number', () => {
    const pool = { billing: 'organization' as const, organizations: ['ACME'], kind: 'pool' as const };
    const s = buildSnapshot({ ...base, plan: 'business', used: 31, seat: pool });
    expect(s).toMatchObject({ used: 31, allowance: null, allowanceSource: null, percentUsed: null });
    expect(s.seat).toEqual(pool);
    // A limit the user set is theirs to see.
    expect(buildSnapshot({ ...base, used: 31, seat: pool }, { allowance: 100 })).toMatchObject({
      allowance: 100,
      allowanceSource: 'user',
      percentUsed: 31,
    });
  });

  it('keeps a user-level budget from GitHub as the cap, over the plan table and the user’s own number', () => {
    const budget = { billing: 'organization' as const, organizations: [], kind: 'budget' as const };
    const s = buildSnapshot(
      { ...base, plan: 'business', used: 4004, allowance: 10000, seat: budget },
      { allowance: 1900 },
    );
    expect(s).toMatchObject({ allowance: 10000, allowanceSource: 'github', remaining: 5996 });
    expect(s.percentUsed).toBeCloseTo(40.04, 6);
  });

  it('gives a hidden seat no number at all, whatever the user or the plan say', () => {
    const hidden = { billing: 'organization' as const, organizations: ['acme'], kind: 'hidden' as const };
    const s = buildSnapshot({ ...base, used: null, seat: hidden }, { allowance: 500, plan: 'business' });
    expect(s).toMatchObject({
      used: null,
      allowance: null,
      allowanceSource: null,
      remaining: null,
      percentUsed: null,
      overage: 0,
      unlimited: false,
      seat: hidden,
    });
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
