/**
 * The Usage window in real headless Chromium, wired to the real usage service (main/usage/service.ts) through the
 * same dispatch as the Electron handlers; the reading comes from the real engine against the fake GitHub, the
 * daily history from the real history store. Every state is screenshotted as out/screenshots/usage-*.png and
 * checked by axe-core: zero violations.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { join } from 'node:path';
import { billingCreditsMultiModel } from '../test/fake-github/fixtures';
import { describeIfAvailable } from '../test/helpers/skip';
import {
  startUsageWorld,
  USAGE_PAT,
  writeCurrentMonth,
  writePastMonths,
  type UsageWorld,
} from '../test/usage/world';
import {
  axeViolations,
  buildOnce,
  chromiumAvailable,
  launch,
  openUsage,
  SCREENSHOTS,
} from './helpers/browser';

let browser: Browser | null = null;
let world: UsageWorld | null = null;

afterEach(async () => {
  await world?.cleanup();
  world = null;
});

const patFake = (billing: unknown) => ({
  tokens: { [USAGE_PAT]: { login: 'octocat', kind: 'pat' as const, permissions: ['plan'] } },
  billing: { octocat: { aiCredits: billing } },
});

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `usage-${name}.png`), fullPage: true });
  expect(await axeViolations(page), `axe-core on usage-${name}`).toEqual([]);
}

describeIfAvailable(
  'chromium',
  chromiumAvailable(),
  '/usr/bin/chromium is missing (apt install chromium)',
)('Usage window in Chromium', () => {
  beforeAll(async () => {
    buildOnce();
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  for (const lang of ['en', 'zh'] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`shows the month: headline, chart, models (${lang}, ${scheme})`, async () => {
        const w = (world = await startUsageWorld({ fake: patFake(billingCreditsMultiModel) }));
        await w.refresh();
        const s = w.reading.snapshot!;
        writeCurrentMonth(w, s, Date.now());
        writePastMonths(w, s, 3, ['Claude Sonnet 4.5', 'GPT-5', 'Gemini 2.5 Pro']);
        const { page, problems } = await openUsage(browser!, {
          dispatch: w.dispatch,
          colorScheme: scheme,
          locale: lang === 'zh' ? 'zh-CN' : 'en-US',
        });
        await page.locator('#models').waitFor();
        await shot(page, `normal-${lang}-${scheme}`);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }
});
