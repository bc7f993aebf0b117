import { describe, expect, it } from 'vitest';
import { errorInfo } from '../../../shared/errors';
import { parseCopilotInternalUser, planFromInternal } from '../../../main/core/usage/internal-user';
import * as fx from '../../fake-github/fixtures';

const RESET = '2026-12-01T00:00:00.000Z';

function shapeError(body: unknown) {
  try {
    parseCopilotInternalUser(body);
  } catch (e) {
    return errorInfo(e);
  }
  throw new Error('expected a ResponseShapeError');
}

describe('parseCopilotInternalUser', () => {
  it('reads a Pro premium-requests snapshot: used = entitlement − remaining', () => {
    expect(parseCopilotInternalUser(fx.internalProPremium)).toEqual({
      login: 'octocat',
      plan: 'pro',
      unit: 'requests',
      used: 90,
      allowance: 300,
      allowanceSource: 'github',
      unlimited: false,
      overage: 0,
      resetAt: RESET,
      seat: { billing: 'personal', organizations: [], kind: 'personal' },
    });
  });

  it('maps copilot_plan values to plans', () => {
    expect(parseCopilotInternalUser(fx.internalProPlus)).toMatchObject({
      plan: 'pro+',
      used: 375,
      allowance: 1500,
    });
    expect(parseCopilotInternalUser(fx.internalBusiness)).toMatchObject({ plan: 'business', used: 255 });
    expect(parseCopilotInternalUser(fx.internalEnterprise)).toMatchObject({ plan: 'enterprise', used: 120 });
    expect(planFromInternal('individual_pro', undefined)).toBe('pro+');
    expect(planFromInternal('individual', 'monthly_subscriber_quota')).toBe('pro');
    expect(planFromInternal('individual', 'free_educational_quota')).toBe('pro');
    expect(planFromInternal(undefined, undefined)).toBeNull();
  });

  it('recognises Copilot Free by access_type_sku even when copilot_plan says individual', () => {
    const u = parseCopilotInternalUser(fx.internalFreeLimited);
    expect(u).toMatchObject({ plan: 'free', unit: 'requests', used: 12, allowance: 50, unlimited: false });
    expect(u.resetAt).toBe(RESET);
  });

  it('reports a negative remaining as over quota', () => {
    expect(parseCopilotInternalUser(fx.internalOverQuota)).toMatchObject({
      used: 312,
      allowance: 300,
      overage: 12,
    });
  });

  it('reports a personal plan’s unlimited premium interactions as unlimited, without an allowance', () => {
    const personal = { ...fx.internalUnlimited, copilot_plan: 'individual', organization_login_list: [] };
    expect(parseCopilotInternalUser({ ...personal, organization_list: [] })).toMatchObject({
      unlimited: true,
      allowance: null,
      used: 0,
      seat: { kind: 'personal', billing: 'personal' },
    });
  });

  it('reads an organisation seat whose buckets are all unlimited and 0 as hidden: no number, not ∞ or 0', () => {
    expect(parseCopilotInternalUser(fx.internalUnlimited)).toMatchObject({
      used: null,
      allowance: null,
      allowanceSource: null,
      unlimited: false,
      seat: { kind: 'hidden', billing: 'organization', organizations: ['acme-enterprise'] },
    });
  });

  it('reads a token-billed Business seat as the organisation’s pool: credits used, no personal cap', () => {
    expect(parseCopilotInternalUser(fx.internalTokenBilledBusiness)).toMatchObject({
      plan: 'business',
      unit: 'credits',
      used: 1234.5,
      allowance: null,
      allowanceSource: null,
      unlimited: false,
      seat: { kind: 'pool', billing: 'organization', organizations: ['acme'] },
    });
  });

  it('reads an organisation seat with an entitlement as a user-level budget: GitHub’s number is the cap', () => {
    expect(parseCopilotInternalUser(fx.internalBudgetBusiness)).toMatchObject({
      plan: 'business',
      unit: 'credits',
      used: 4004,
      allowance: 10000,
      allowanceSource: 'github',
      seat: { kind: 'budget', billing: 'organization', organizations: ['acme'] },
    });
  });

  it('names the organisations from organization_login_list and organization_list, however they are written', () => {
    const body = {
      ...fx.internalTokenBilledBusiness,
      organization_login_list: ['acme', 42, '', 'ACME', 'initech\u0007'],
      organization_list: [{ login: 'globex' }, { name: 'Umbrella' }, 'hooli\u202e', null, { id: 3 }],
    };
    expect(parseCopilotInternalUser(body).seat.organizations).toEqual([
      'acme',
      'initech',
      'globex',
      'Umbrella',
      'hooli',
    ]);
    const none = {
      ...fx.internalTokenBilledBusiness,
      organization_login_list: 'acme',
      organization_list: {},
    };
    expect(parseCopilotInternalUser(none).seat.organizations).toEqual([]);
  });

  it('calls a credits_used that is not a finite non-negative number unrecognised, naming it', () => {
    for (const bad of ['NaN', 'Infinity', 'abc', -31]) {
      const body = {
        ...fx.internalTokenBilledBusiness,
        quota_snapshots: {
          ...fx.internalTokenBilledBusiness.quota_snapshots,
          premium_interactions: {
            ...fx.internalTokenBilledBusiness.quota_snapshots.premium_interactions,
            credits_used: bad,
          },
        },
      };
      expect(shapeError(body)).toMatchObject({ kind: 'responseShape', missing: ['credits_used'] });
    }
  });

  it('switches to credits when token_based_billing is true', () => {
    expect(parseCopilotInternalUser({ ...fx.internalProPremium, token_based_billing: true }).unit).toBe(
      'credits',
    );
    expect(parseCopilotInternalUser({ ...fx.internalProPremium, token_based_billing: 'false' }).unit).toBe(
      'requests',
    );
  });

  it('takes the reset date from quota_reset_date_utc, quota_reset_date or limited_user_reset_date', () => {
    expect(parseCopilotInternalUser(fx.internalResetDateOnly).resetAt).toBe(RESET);
    expect(parseCopilotInternalUser(fx.internalResetUtcOnly).resetAt).toBe(RESET);
    expect(parseCopilotInternalUser(fx.internalResetAbsent).resetAt).toBeNull();
  });

  it('treats a reset timestamp of 0, "" or the epoch as unknown, never 1970', () => {
    expect(parseCopilotInternalUser(fx.internalResetTimestampZero).resetAt).toBeNull();
    expect(parseCopilotInternalUser(fx.internalResetEpochString).resetAt).toBeNull();
    expect(parseCopilotInternalUser({ ...fx.internalResetAbsent, quota_reset_date: '' }).resetAt).toBeNull();
  });

  it('reads numbers written as strings', () => {
    expect(parseCopilotInternalUser(fx.internalStringNumbers)).toMatchObject({ used: 90, allowance: 300 });
  });

  it('falls back to percent_remaining (the share LEFT) when no remaining count is sent', () => {
    const prem = { entitlement: 300, percent_remaining: 25, unlimited: false };
    const u = parseCopilotInternalUser({ login: 'x', quota_snapshots: { premium_interactions: prem } });
    expect(u).toMatchObject({ used: 225, allowance: 300 });
  });

  it('ignores unknown fields and snapshot kinds', () => {
    expect(parseCopilotInternalUser(fx.internalUnknownExtraFields)).toMatchObject({
      used: 90,
      allowance: 300,
    });
  });

  it('names what is missing and the keys it saw for an unknown shape, instead of a 0 %', () => {
    const info = shapeError(fx.internalWrongShape);
    expect(info).toMatchObject({ kind: 'responseShape' });
    expect(info && 'missing' in info && info.missing).toContain('quota_snapshots.premium_interactions');
    expect(info && 'seen' in info && info.seen).toEqual(['login', 'quota_snapshots', 'data']);
  });

  it('names the missing entitlement when the premium snapshot lacks one', () => {
    const info = shapeError({ login: 'x', quota_snapshots: { premium_interactions: { remaining: 3 } } });
    expect(info && 'missing' in info && info.missing).toContain(
      'quota_snapshots.premium_interactions.entitlement',
    );
    expect(info && 'seen' in info && info.seen).toContain('quota_snapshots.premium_interactions.remaining');
  });

  it('rejects a body that is not an object', () => {
    expect(shapeError('Not Found')).toMatchObject({ kind: 'responseShape' });
  });
});
