/**
 * The wizard's first reading for every kind of seat: the real setup service and engine against the fake GitHub,
 * then the Done screen's own text helpers (renderer/wizard/format.ts) on what the service returned.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { UsageSnapshot } from '../../shared/domain';
import { createTranslator } from '../../shared/i18n';
import { withAllowance } from '../../main/setup/service';
import { percentLine, seatLines, usedLine } from '../../renderer/wizard/format';
import {
  billingAiUnits,
  billingBadQuantities,
  billingPricedOverage,
  internalBudgetBusiness,
  internalHiddenSeat,
  internalPoolSeat,
} from '../fake-github/fixtures';
import { error, OAUTH, PAT, patState, startSetupWorld, value, type SetupWorld } from './world';

let world: SetupWorld | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const en = createTranslator('en');
const OPENCODE_AUTH = {
  '.local/share/opencode/auth.json': {
    'github-copilot': { type: 'oauth', refresh: OAUTH, access: OAUTH, expires: 0 },
  },
};

/** The first reading of a found OpenCode sign-in whose seat GitHub describes with `body`. */
async function firstReadingOf(body: unknown): Promise<UsageSnapshot> {
  world = await startSetupWorld({
    fake: {
      tokens: { [OAUTH]: { login: 'octocat', kind: 'oauth', permissions: [] } },
      internalUser: { [OAUTH]: body },
    },
    homeFiles: OPENCODE_AUTH,
  });
  return value(await world.service.useFound({ source: 'opencode' })).snapshot;
}

describe('wizard first reading: kinds of seat', () => {
  it('shows an organisation pool as credits used with no personal limit, and no percentage or bar', async () => {
    const s = await firstReadingOf(internalPoolSeat);
    expect(s).toMatchObject({ used: 31, allowance: null, percentUsed: null, seat: { kind: 'pool' } });
    expect(usedLine(en, s)).toBe('31 AI credits used this month · no personal limit (pool of ACME)');
    expect(percentLine(en, s)).toBeNull();
    expect(seatLines(en, s)).toEqual([]);
  });

  it('shows a user-level budget as the cap and says the organisation set it', async () => {
    const s = await firstReadingOf(internalBudgetBusiness);
    expect(s).toMatchObject({ used: 4004, allowance: 10000, allowanceSource: 'github' });
    expect(usedLine(en, s)).toBe('4,004 / 10,000 AI credits used');
    expect(percentLine(en, s)).toBe('40 % used · 59 % left');
    expect(seatLines(en, s)).toEqual(['User budget set by your organisation (acme)']);
  });

  it('shows a hidden seat with no number and says what it means', async () => {
    const s = await firstReadingOf(internalHiddenSeat);
    expect(s).toMatchObject({ used: null, allowance: null, percentUsed: null, seat: { kind: 'hidden' } });
    expect(usedLine(en, s)).toBe('Seat use hidden by gucu-engineers');
    expect(percentLine(en, s)).toBeNull();
    expect(seatLines(en, s)).toEqual([
      'Only the organisation’s admins can see this seat’s use, or an admin can set a user-level budget for you.',
    ]);
  });

  it('counts a token’s "ai-units" items and says what they are worth', async () => {
    world = await startSetupWorld({ fake: patState(billingAiUnits) });
    const check = value(await world.service.checkToken({ token: PAT }));
    expect(check.snapshot).toMatchObject({ used: 750.5, cost: { gross: 7.505, billed: 0 } });
    const saved = value(await world.service.save({ plan: 'pro', allowance: null }));
    expect(saved.snapshot).toMatchObject({ used: 750.5, allowance: 1500, allowanceSource: 'plan' });
    expect(usedLine(en, saved.snapshot!)).toBe('750.5 / 1,500 AI credits used');
    expect(seatLines(en, saved.snapshot!)).toEqual(['Worth $7.51 this month · all included in the plan']);
  });

  it('says what is billed beyond the plan', async () => {
    world = await startSetupWorld({ fake: patState(billingPricedOverage) });
    value(await world.service.checkToken({ token: PAT }));
    const saved = value(await world.service.save({ plan: 'pro', allowance: null }));
    expect(seatLines(en, saved.snapshot!)).toEqual([
      'Worth $18.20 this month · $3.20 billed beyond the plan',
    ]);
  });

  it('refuses a token whose items have quantities that are not numbers, instead of a 0 reading', async () => {
    world = await startSetupWorld({ fake: patState(billingBadQuantities) });
    expect(error(await world.service.checkToken({ token: PAT }))).toMatchObject({
      kind: 'responseShape',
      missing: ['usageItems[1].grossQuantity'],
    });
  });
});

describe('withAllowance (the plan chosen in the wizard) by kind of seat', () => {
  const base = (over: Partial<UsageSnapshot>): UsageSnapshot => ({
    account: { login: 'octocat', host: 'github.com' },
    plan: 'business',
    seat: { billing: 'organization', organizations: ['acme'], kind: 'pool' },
    unit: 'credits',
    used: 31,
    allowance: null,
    allowanceSource: null,
    unlimited: false,
    remaining: null,
    percentUsed: null,
    overage: 0,
    cost: null,
    models: [],
    period: '2026-11',
    resetAt: null,
    source: { strategy: 'oauth-direct', credential: 'opencode' },
    fetchedAt: '2026-11-14T10:00:00.000Z',
    attempts: [],
    ...over,
  });

  it('never gives a pool the plan table’s per-seat number, only a limit the user typed', () => {
    expect(withAllowance(base({}), 'business', null)).toMatchObject({ allowance: null, percentUsed: null });
    expect(withAllowance(base({}), 'business', 100)).toMatchObject({
      allowance: 100,
      allowanceSource: 'user',
      percentUsed: 31,
    });
  });

  it('keeps a hidden seat without a number and a budget at GitHub’s cap', () => {
    const hidden = base({ used: null, seat: { billing: 'organization', organizations: [], kind: 'hidden' } });
    expect(withAllowance(hidden, 'business', 500)).toMatchObject({ used: null, allowance: null });
    const budget = base({
      used: 4004,
      allowance: 10000,
      allowanceSource: 'github',
      percentUsed: 40.04,
      seat: { billing: 'organization', organizations: [], kind: 'budget' },
    });
    expect(withAllowance(budget, 'business', 1900)).toMatchObject({ allowance: 10000, percentUsed: 40.04 });
  });

  it('gives a personal seat the chosen plan’s allowance', () => {
    const personal = base({ plan: null, seat: { billing: 'personal', organizations: [], kind: 'personal' } });
    expect(withAllowance(personal, 'pro', null)).toMatchObject({ allowance: 1500, allowanceSource: 'plan' });
  });
});
