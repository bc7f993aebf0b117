/**
 * Issue 12 item 16: a loopback API plays github.com only when the user chose it outside the renderer. A server
 * the wizard's renderer names (setup:setServer) must never receive the github.com tokens found on disk: not the
 * OpenCode or editor sign-ins (plan detection during checkToken, the first reading after save), not the legacy
 * PAT (importLegacy). The real setup service and engine, the fake GitHub on loopback, real files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { billingCreditsMultiModel, internalProPremium } from '../fake-github/fixtures';
import { error, LEGACY_PAT, OAUTH, PAT, patState, startSetupWorld, value, type SetupWorld } from './world';

let world: SetupWorld | null = null;
afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const hint = (token: string) => `…${token.slice(-4)}`;
/** Every token hint the fake GitHub received, whatever the scheme. */
const received = (w: SetupWorld) =>
  new Set(w.fake.requests.map((r) => (r.headers.authorization ?? '').replace(/^\S+ /, '')));

const homeFiles = {
  '.local/share/opencode/auth.json': {
    'github-copilot': { type: 'oauth', refresh: OAUTH, access: OAUTH, expires: 0 },
  },
  '.config/github-copilot/hosts.json': { 'github.com': { user: 'octocat', oauth_token: OAUTH } },
  '.config/opencode/copilot-quota-token.json': { token: LEGACY_PAT, username: 'octocat', tier: 'pro' },
};

const fakeState = patState(billingCreditsMultiModel, {
  tokens: { [OAUTH]: { login: 'octocat', kind: 'oauth', permissions: [] } },
  internalUser: { octocat: internalProPremium },
});

describe('github.com tokens on disk and a loopback server (item 16)', () => {
  it('a server the renderer chose gets only the pasted token: no sign-in on checkToken or after saving', async () => {
    const w = (world = await startSetupWorld({
      fake: fakeState,
      homeFiles,
      apiUrl: 'https://api.github.com',
    }));
    value(await w.service.setServer({ address: w.fake.url }));
    expect(value(await w.service.checkToken({ token: PAT })).login).toBe('octocat');
    const saved = value(await w.service.save({ plan: 'pro', allowance: null }));
    expect(saved.account.login).toBe('octocat');
    expect(received(w)).toEqual(new Set([hint(PAT)]));
  });

  it('importLegacy refuses to send the legacy github.com PAT to a server the renderer chose', async () => {
    const w = (world = await startSetupWorld({
      fake: fakeState,
      homeFiles,
      apiUrl: 'https://api.github.com',
    }));
    value(await w.service.setServer({ address: w.fake.url }));
    expect(error(await w.service.importLegacy())).toMatchObject({ kind: 'config', reason: 'badInput' });
    expect(w.fake.requests).toEqual([]);
  });

  it('the same loopback server chosen outside the renderer (as the environment does) still plays github.com', async () => {
    const w = (world = await startSetupWorld({ fake: fakeState, homeFiles }));
    const check = value(await w.service.checkToken({ token: PAT }));
    // The OpenCode sign-in told the plan: it was asked, as the user chose this API outside the wizard.
    expect(check.planDetected).toBe(true);
    expect(received(w).has(hint(OAUTH))).toBe(true);
    expect(value(await w.service.importLegacy()).login).toBe('octocat');
    expect(received(w).has(hint(LEGACY_PAT))).toBe(true);
  });
});
