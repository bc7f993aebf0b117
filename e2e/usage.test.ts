/**
 * The Usage window in real headless Chromium, wired to the real usage service (main/usage/service.ts) through the
 * same dispatch as the Electron handlers; the reading comes from the real engine against the fake GitHub, the
 * daily history from the real history store. Every state is screenshotted as out/screenshots/usage-*.png and
 * checked by axe-core: zero violations.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { exportHistory } from '../main/usage/export';
import {
  billingCreditsMultiModel,
  billingCreditsOverage,
  internalBudgetBusiness,
  internalHiddenSeat,
  internalPoolSeat,
} from '../test/fake-github/fixtures';
import { FAKE_OAUTH } from '../test/fake-github/scenarios';
import { describeIfAvailable } from '../test/helpers/skip';
import {
  openCodeLogin,
  startUsageWorld,
  TEN_MODELS,
  USAGE_PAT,
  writeCurrentMonth,
  writePastMonths,
  type UsageWorld,
} from '../test/usage/world';
import {
  axeViolations,
  buildOnce,
  chromiumAvailable,
  focusedId,
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

/**
 * One fixed instant for every world: the engine, the history and the view all read this clock, so the pictures
 * and the figures do not depend on the day the suite runs (the fake GitHub's bills are for November 2026).
 */
const NOW = Date.UTC(2026, 10, 20, 14, 30);
const TODAY = 20;
const DAYS = 30;

type Lang = 'en' | 'zh';
type Scheme = 'light' | 'dark';
const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US');

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `usage-${name}.png`), fullPage: true });
  expect(await axeViolations(page), `axe-core on usage-${name}`).toEqual([]);
}

/** A world with a reading from the fake GitHub, this month's days and `past` earlier months. */
async function worldWith(billing: unknown, past = 3, models: readonly string[] = TEN_MODELS.slice(0, 3)) {
  const w = (world = await startUsageWorld({ fake: patFake(billing), now: () => NOW }));
  await w.refresh();
  const s = w.reading.snapshot!;
  writeCurrentMonth(w, s, NOW);
  if (past > 0) writePastMonths(w, s, past, models);
  return w;
}

const text = (page: Page, sel: string) => page.locator(sel).textContent();
/** "November 2026" for the period n months before `period` (English, as the page writes it). */
const monthLabel = (period: string, back = 0) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(y, m - 1 - back, 1),
  );
};
/** "Nov" for a period. */
const shortMonth = (period: string) =>
  new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );

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
      it(`shows the month: headline, pace, forecast, chart and models (${lang}, ${scheme})`, async () => {
        const w = await worldWith(billingCreditsMultiModel);
        const { page, problems } = await openUsage(browser!, {
          dispatch: w.dispatch,
          colorScheme: scheme,
          locale: locale(lang),
        });
        await page.locator('#models').waitFor();
        expect(await text(page, '#used')).toBe(
          lang === 'en' ? '1,087.75 / 1,500 AI credits used' : '已用 1,087.75 / 1,500 AI 积分',
        );
        expect(await text(page, '#percent')).toMatch(
          lang === 'en' ? /^72 % used · Resets in / : /^已用 72% · /,
        );
        expect(await page.locator('#month option').count()).toBe(4);
        expect(await page.locator('#legend li').count()).toBe(4);
        expect(await page.locator('#models tbody tr').allTextContents()).toEqual([
          expect.stringContaining('Claude Sonnet 4.5'),
          expect.stringContaining('GPT-5'),
          expect.stringContaining('Gemini 2.5 Pro'),
        ]);
        // Two canvases per chart (uPlot draws on one), both hidden from screen readers.
        expect(await page.locator('#chart .uplot[aria-hidden=true]').count()).toBe(2);
        await shot(page, `normal-${lang}-${scheme}`);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }

  const states: Array<[string, Lang, Scheme]> = [
    ['over', 'en', 'light'],
    ['over', 'zh', 'dark'],
    ['no-history', 'en', 'dark'],
    ['no-history', 'zh', 'light'],
    ['stale', 'en', 'light'],
    ['stale', 'zh', 'dark'],
  ];
  for (const [state, lang, scheme] of states) {
    it(`state "${state}" (${lang}, ${scheme})`, async () => {
      let w: UsageWorld;
      if (state === 'over') w = await worldWith(billingCreditsOverage, 2);
      else if (state === 'no-history') {
        w = world = await startUsageWorld({ fake: patFake(billingCreditsMultiModel), now: () => NOW });
        await w.refresh();
      } else {
        w = await worldWith(billingCreditsMultiModel, 1);
        // GitHub goes away: the next refresh fails and the window shows the last reading, marked as such.
        await w.fake.close();
        await w.refresh();
        expect(w.reading.error).not.toBeNull();
      }
      const { page, problems } = await openUsage(browser!, {
        dispatch: w.dispatch,
        colorScheme: scheme,
        locale: locale(lang),
      });
      await page.locator('#month-section').waitFor();
      if (state === 'over') {
        expect(await page.locator('#used.over').count()).toBe(1);
        expect(await text(page, '#percent')).toContain(
          lang === 'en' ? '230 AI credits beyond the allowance' : '超出额度 230',
        );
      } else if (state === 'no-history') {
        expect(await page.locator('#no-history').count()).toBe(1);
        expect(await page.locator('#chart .uplot').count()).toBe(1);
        expect(await page.locator('#month option').count()).toBe(1);
        // The reading's own per-model figures stand in for the days' split.
        expect(await page.locator('#models tbody tr').count()).toBe(3);
      } else {
        expect(await page.locator('#problem').getAttribute('role')).toBe('alert');
        // The engine's own words for the failure (here: nothing answers on the fake GitHub's port), then the age.
        expect(await text(page, '#problem')).toContain(new URL(w.fake.url).host);
        expect(await text(page, '#problem')).toContain(
          lang === 'en' ? 'Showing the reading from Nov 20, 2026' : '显示的是',
        );
        expect(await text(page, '#used')).toContain('1,087.75');
      }
      await shot(page, `${state}-${lang}-${scheme}`);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  const seats: Array<[string, unknown, Lang, Scheme]> = [
    ['pool', internalPoolSeat, 'en', 'light'],
    ['pool', internalPoolSeat, 'zh', 'dark'],
    ['hidden', internalHiddenSeat, 'en', 'dark'],
    ['hidden', internalHiddenSeat, 'zh', 'light'],
    ['budget', internalBudgetBusiness, 'en', 'light'],
  ];
  for (const [kind, user, lang, scheme] of seats) {
    it(`a ${kind} seat in its own words (${lang}, ${scheme})`, async () => {
      // The Copilot sign-in route (an OpenCode login), as organisation seats are read.
      const w = (world = await startUsageWorld({
        fake: {
          tokens: { [FAKE_OAUTH]: { login: 'octocat', kind: 'oauth', permissions: [] } },
          internalUser: { octocat: user },
        },
        envToken: null,
        homeFiles: openCodeLogin(FAKE_OAUTH),
        plan: null,
        now: () => NOW,
      }));
      await w.refresh();
      const s = w.reading.snapshot!;
      expect(s.seat.kind).toBe(kind);
      if (s.used !== null) writeCurrentMonth(w, s, NOW, 'samples');
      const { page, problems } = await openUsage(browser!, {
        dispatch: w.dispatch,
        colorScheme: scheme,
        locale: locale(lang),
      });
      await page.locator('#seat').waitFor();
      const seat = await text(page, '#seat');
      if (kind === 'pool') {
        expect(seat).toBe(
          lang === 'en'
            ? 'Drawn from ACME’s shared pool: no personal limit.'
            : '来自 ACME 的共享额度：没有个人上限。',
        );
        expect(await text(page, '#used')).toBe(lang === 'en' ? '31 AI credits used' : '已用 31 AI 积分');
        // No personal cap: no percentage, no allowance or even-pace line.
        expect(await text(page, '#percent')).not.toMatch(/%/);
        expect(await page.locator('#legend li').count()).toBe(2);
      } else if (kind === 'hidden') {
        expect(seat).toBe(
          lang === 'en'
            ? 'gucu-engineers does not show your Copilot use to you.'
            : 'gucu-engineers 不向您显示您的 Copilot 用量。',
        );
        // What that means and who can change it, as the tray and the CLI say it.
        expect(await text(page, '#seat-why')).toMatch(
          lang === 'en' ? /admins can see this seat/ : /组织管理员/,
        );
        // No number at all, and so no chart of one.
        expect(await page.locator('#used').count()).toBe(0);
        expect(await page.locator('#month-section').count()).toBe(0);
      } else {
        expect(await text(page, '#used')).toBe('4,004 / 10,000 AI credits used');
        expect(seat).toBe('A budget set for you by acme.');
      }
      await shot(page, `${kind}-${lang}-${scheme}`);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }

  it('24 months of 10 models: every month can be picked by keyboard, and each shows its own days', async () => {
    const w = await worldWith(billingCreditsMultiModel, 23, TEN_MODELS);
    const { page, problems } = await openUsage(browser!, { dispatch: w.dispatch });
    const options = await page.locator('#month option').allTextContents();
    expect(options).toHaveLength(24);
    const period = w.reading.snapshot!.period;
    expect(options[0]).toBe(monthLabel(period));
    expect(options[23]).toBe(monthLabel(period, 23));
    // Keyboard only: focus the month menu and press End (the oldest month).
    await page.locator('#month').focus();
    await page.keyboard.press('End');
    await expect.poll(() => text(page, '#month-title')).toBe('Day by day');
    expect(await focusedId(page)).toBe('month');
    expect(await page.locator('#models tbody tr').count()).toBe(10);
    const oldest = w.history.listMonths(w.reading.snapshot!.account)[0]!;
    const held = w.history.readMonths(w.reading.snapshot!.account, [oldest])[0]!;
    expect(await text(page, '#month-total')).toBe(
      `Total for ${monthLabel(period, 23)}: ${held.used.toLocaleString('en-US', { maximumFractionDigits: 2 })} AI credits`,
    );
    expect(await page.locator('#outlook').count()).toBe(0);
    await page.locator('#days summary').click();
    await expect.poll(() => page.locator('#days tbody tr').count()).toBe(held.days.length);
    await shot(page, '24-months-en-light');
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('is usable by keyboard alone: the chart reads out each day with the arrow keys, Escape closes', async () => {
    const w = await worldWith(billingCreditsMultiModel, 1);
    const { page, problems } = await openUsage(browser!, { dispatch: w.dispatch, colorScheme: 'dark' });
    await page.locator('#chart').focus();
    await page.keyboard.press('Home');
    const day1 = w.history.readMonths(w.reading.snapshot!.account, [w.reading.snapshot!.period])[0]!.days[0]!;
    const mon = shortMonth(w.reading.snapshot!.period);
    const first = (await text(page, '#day-detail'))!;
    expect(first).toMatch(new RegExp(`^${mon} 1: `));
    expect(first).toContain(`${day1.used.toLocaleString('en-US', { maximumFractionDigits: 2 })} AI credits`);
    await page.keyboard.press('ArrowRight');
    expect(await text(page, '#day-detail')).toMatch(new RegExp(`^${mon} 2: `));
    await page.keyboard.press('End');
    const today = TODAY;
    expect(await text(page, '#day-detail')).toMatch(new RegExp(`^${mon} ${today}: .*1,087.75 in total`));
    await shot(page, 'keyboard-day-en-dark');
    // The day table, for screen readers and anyone who prefers figures.
    await page.locator('#days summary').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#days tbody tr').count()).toBe(today);
    await page.keyboard.press('Escape');
    await expect.poll(() => w.closed).toBe(1);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('hovering the chart shows that day’s numbers', async () => {
    const w = await worldWith(billingCreditsMultiModel, 0);
    const { page } = await openUsage(browser!, { dispatch: w.dispatch });
    // The daily bars: the middle of the 5th bar.
    const bars = (await page.locator('#chart .uplot').nth(1).locator('.u-over').boundingBox())!;
    await page.mouse.move(bars.x + bars.width * (4.5 / DAYS), bars.y + bars.height / 2);
    const mon = shortMonth(w.reading.snapshot!.period);
    await expect.poll(() => text(page, '#day-detail')).toMatch(new RegExp(`^${mon} 5: `));
    // The cumulative chart: the point at the end of the 10th day.
    const top = (await page.locator('#chart .uplot').first().locator('.u-over').boundingBox())!;
    await page.mouse.move(top.x + top.width * (10 / DAYS), top.y + top.height / 2);
    await expect.poll(() => text(page, '#day-detail')).toMatch(new RegExp(`^${mon} 10: `));
    await page.context().close();
  });

  it('exports CSV and JSON through the save seam: the same document as the history export', async () => {
    const w = await worldWith(billingCreditsMultiModel, 2);
    const { page } = await openUsage(browser!, { dispatch: w.dispatch });
    await page.locator('#export-csv').click();
    await expect.poll(() => text(page, '#status')).toMatch(/^Saved to .*\.csv\.$/);
    await page.locator('#export-json').click();
    await expect.poll(() => text(page, '#status')).toMatch(/\.json\.$/);
    const [csv, json] = w.saved;
    const s = w.reading.snapshot!;
    expect(readFileSync(csv!, 'utf8')).toBe(exportHistory(s, w.history, 'csv', NOW));
    const doc = JSON.parse(readFileSync(json!, 'utf8')) as {
      months: Array<{ period: string }>;
      days: unknown[];
    };
    expect(doc.months.map((m) => m.period)).toHaveLength(3);
    await page.context().close();
  });

  for (const width of [480, 1000]) {
    it(`reflows at ${width} px: nothing is cut off or scrolls sideways`, async () => {
      const w = await worldWith(billingCreditsMultiModel, 2, TEN_MODELS);
      const { page } = await openUsage(browser!, {
        dispatch: w.dispatch,
        viewport: { width, height: 900 },
        locale: 'en-US',
      });
      await page.locator('#models').waitFor();
      const overflow = await page.evaluate<number>(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      );
      expect(overflow).toBe(0);
      const canvas = await page.locator('#chart canvas').first().boundingBox();
      expect(canvas!.width).toBeLessThanOrEqual(width - 40);
      expect(canvas!.width).toBeGreaterThan(Math.min(width, 1000) - 120);
      await shot(page, `width-${width}-en-light`);
      await page.context().close();
    });
  }
});
