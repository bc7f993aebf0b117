/**
 * The wizard's first reading in real headless Chromium for the seats that have no percentage: a found OpenCode
 * login whose seat is an organisation pool, a user-level budget, or hidden. The real setup service talks to the
 * fake GitHub; the page's own text is checked, screenshotted (out/screenshots/5-done-SEAT-en-light.png) and
 * checked by axe-core.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeIfAvailable } from '../test/helpers/skip';
import { internalBudgetBusiness, internalHiddenSeat, internalPoolSeat } from '../test/fake-github/fixtures';
import { OAUTH, startSetupWorld, type SetupWorld } from '../test/setup/world';
import {
  axeViolations,
  buildOnce,
  chromiumAvailable,
  launch,
  openWizard,
  SCREENSHOTS,
  WIZARD_HTML,
} from './helpers/browser';

let browser: Browser | null = null;
let world: SetupWorld | null = null;

afterEach(async () => {
  await world?.cleanup();
  world = null;
});

describeIfAvailable(
  'chromium',
  chromiumAvailable(),
  '/usr/bin/chromium is missing (apt install chromium)',
)('wizard first reading in Chromium: seats without a percentage', () => {
  beforeAll(async () => {
    // `npm test` has built dist/ already; rebuilding here would pull it from under the other browser suite.
    if (!existsSync(WIZARD_HTML)) buildOnce();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each([
    [
      'pool',
      internalPoolSeat,
      '31 AI credits used this month · no personal limit (pool of ACME)',
      [] as string[],
      false,
    ],
    [
      'budget',
      internalBudgetBusiness,
      '4,004 / 10,000 AI credits used',
      ['User budget set by your organisation (acme)'],
      true,
    ],
    [
      'hidden',
      internalHiddenSeat,
      'Seat use hidden by gucu-engineers',
      [
        'Only the organisation’s admins can see this seat’s use, or an admin can set a user-level budget for you.',
      ],
      false,
    ],
  ])(
    '%s seat: says what it is, with a bar only where there is a cap',
    async (seat, body, used, notes, bar) => {
      world = await startSetupWorld({
        fake: {
          tokens: { [OAUTH]: { login: 'octocat', kind: 'oauth', permissions: [] } },
          internalUser: { [OAUTH]: body },
        },
        homeFiles: {
          '.local/share/opencode/auth.json': {
            'github-copilot': { type: 'oauth', refresh: OAUTH, access: OAUTH, expires: 0 },
          },
        },
      });
      const { page, problems } = await openWizard(browser!, { dispatch: world.dispatch });
      await page.getByRole('button', { name: 'Use this login: OpenCode' }).click();
      await page.locator('#reading').waitFor();
      expect(await page.locator('#reading-used').textContent()).toBe(used);
      const seatLines = await page.locator('[id^="reading-seat-"]').allTextContents();
      expect(seatLines).toEqual(notes);
      expect(await page.locator('#reading .bar').count()).toBe(bar ? 1 : 0);
      if (!bar) expect(await page.locator('#reading').textContent()).not.toContain('%');
      await page.screenshot({ path: join(SCREENSHOTS, `5-done-${seat}-en-light.png`) });
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    },
  );
});
