/** The last reading kept in settings across versions: seat kinds, money and a hidden seat's missing number. */
import { describe, expect, it } from 'vitest';
import { validateSettings } from '../../main/settings/schema';

const saved = {
  account: { login: 'octocat', host: 'github.com' },
  plan: 'pro',
  unit: 'credits',
  used: 90,
  allowance: 1500,
  unlimited: false,
  remaining: 1410,
  percentUsed: 6,
  overage: 0,
  models: [{ model: 'GPT-5', used: 90 }],
  period: '2026-11',
  resetAt: null,
  source: { strategy: 'pat-billing', credential: 'keychain' },
  fetchedAt: '2026-11-14T10:00:00.000Z',
  attempts: [],
};

describe('settings: the last reading', () => {
  it('reads one saved before seat kinds as a personal seat of unknown billing, with no prices', () => {
    const { settings, problems } = validateSettings({ lastSnapshot: saved });
    expect(problems).toEqual([]);
    expect(settings.lastSnapshot).toMatchObject({
      used: 90,
      seat: { billing: 'unknown', organizations: [], kind: 'personal' },
      allowanceSource: null,
      cost: null,
    });
  });

  it('keeps a hidden seat’s reading (used null) and a priced one as they were', () => {
    const hidden = {
      ...saved,
      used: null,
      allowance: null,
      remaining: null,
      percentUsed: null,
      seat: { billing: 'organization', organizations: ['acme'], kind: 'hidden' },
      allowanceSource: null,
      cost: null,
    };
    expect(validateSettings({ lastSnapshot: hidden }).settings.lastSnapshot).toMatchObject({
      used: null,
      seat: { kind: 'hidden', organizations: ['acme'] },
    });
    const cost = { currency: 'USD', gross: 0.9, included: 0.9, billed: 0 };
    expect(validateSettings({ lastSnapshot: { ...saved, cost } }).settings.lastSnapshot?.cost).toEqual(cost);
  });

  it('refuses a null used on a seat that is not hidden: that would be a reading without its number', () => {
    const { settings, problems } = validateSettings({ lastSnapshot: { ...saved, used: null } });
    expect(settings.lastSnapshot).toBeNull();
    expect(problems.join()).toContain('lastSnapshot');
  });
});
