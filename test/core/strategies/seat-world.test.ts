/**
 * The PAT route and the kinds of seat: an unreadable AI-credits answer is never replaced by the other world's
 * empty one, and an empty personal month next to an organisation's seat is handed to the Copilot sign-in instead
 * of being shown as "0 used" against the plan table.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { readPatBilling } from '../../../main/core/strategies/pat-billing';
import * as fx from '../../fake-github/fixtures';
import { FAKE_LOGIN, FAKE_OAUTH, FAKE_PAT, scenarios } from '../../fake-github/scenarios';
import { cred, harness, type Harness } from './harness';

let h: Harness;
afterEach(async () => h?.close());

const pat = cred('pat', FAKE_PAT, 'keychain');
const oauth = cred('oauth', FAKE_OAUTH, 'opencode');

describe('PAT billing and kinds of seat', () => {
  it('reports an unreadable AI-credits answer even when the premium-requests endpoint answers an empty month', async () => {
    h = await harness(scenarios.patBadQuantities);
    const r = await readPatBilling(pat, h.ctx([pat], { plan: 'pro' }));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatchObject({
      kind: 'responseShape',
      missing: ['usageItems[1].grossQuantity'],
    });
  });

  it.each([
    ['a hidden seat', fx.internalHiddenSeat],
    ['a pool seat with nothing used yet', { ...fx.internalPoolSeat, quota_snapshots: zeroUsed() }],
  ])('hands an empty personal month next to %s to the Copilot sign-in', async (_name, body) => {
    h = await harness({
      ...scenarios.orgBilledSeatEmpty,
      internalUser: { [FAKE_LOGIN]: body },
    });
    const r = await readPatBilling(pat, h.ctx([pat, oauth]));
    expect(!r.ok && r.error).toMatchObject({ kind: 'notFound', reason: 'seatBilledToOrg' });
  });
});

function zeroUsed() {
  const snaps = fx.internalPoolSeat.quota_snapshots;
  return { ...snaps, premium_interactions: { ...snaps.premium_interactions, credits_used: 0 } };
}
