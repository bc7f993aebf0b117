/**
 * Pace and forecast on the tray's faces: the tooltip and menu lines, the icon's pace marker (pixels), and the
 * forecast switch in the menu. The figures are given (outlook.ts computes them); these tests check the wording
 * and the drawing.
 */
import { describe, expect, it } from 'vitest';
import type { Forecast, Outlook, Pace } from '../../../shared/history';
import { createTranslator } from '../../../shared/i18n';
import { renderIcon, PALETTE, type Bitmap } from '../../../main/core/icon/render';
import { trayView, type MenuItemModel, type TrayState } from '../../../main/core/tray-model';
import { snapshotAt } from '../scheduler-fixtures';
import { trayStateOf } from '../../helpers/tray-state';

const NOW = Date.UTC(2026, 5, 10, 14, 5);
const en = createTranslator('en');
const fr = createTranslator('fr');
const opts = { timeZone: 'UTC' };
const pace = (over: Partial<Pace> = {}): Pace => ({
  period: '2026-06',
  elapsed: 0.3,
  expected: 90,
  used: 54,
  allowance: 300,
  reserve: 36,
  reservePercent: 12,
  daysLeft: 21,
  perDay: 11.71,
  resetAt: '2026-07-01T00:00:00.000Z',
  ...over,
});
const forecast = (over: Partial<Forecast> = {}): Forecast => ({
  period: '2026-06',
  ratePerDay: 6,
  projected: 296.4,
  allowance: 300,
  runsOutAt: null,
  beyond: 0,
  beyondUsd: 0,
  basisDays: 9.5,
  resetAt: '2026-07-01T00:00:00.000Z',
  ...over,
});
const state = (outlook: Outlook | null, over: Partial<TrayState> = {}): TrayState =>
  trayStateOf(snapshotAt(NOW - 60_000, 18), NOW, { outlook, ...over });
const labels = (items: MenuItemModel[]): string[] =>
  items.flatMap((i) => [i.label ?? '', ...labels(i.submenu ?? [])]);

describe('pace and forecast lines in the tooltip and the menu', () => {
  it('say how much is in reserve, the most per day, and where the month ends up', () => {
    const v = trayView(state({ pace: pace(), forecast: forecast() }), en, NOW, opts);
    expect(v.tooltip.split('\n')).toContain('12 % in reserve · up to 11 a day');
    expect(v.tooltip.split('\n')).toContain('At this pace: 296 of 300 by Jul 1');
    expect(labels(v.menu)).toEqual(
      expect.arrayContaining(['12 % in reserve · up to 11 a day', 'At this pace: 296 of 300 by Jul 1']),
    );
  });

  it('say when the allowance runs out before the reset, and a deficit as such', () => {
    const v = trayView(
      state({
        pace: pace({ reserve: -30, reservePercent: -10, perDay: 48.2 }),
        forecast: forecast({ runsOutAt: '2026-06-24T10:00:00.000Z' }),
      }),
      en,
      NOW,
      opts,
    );
    expect(v.tooltip).toContain('10 % in deficit · up to 48 a day');
    expect(v.tooltip).toContain('At this pace: runs out around Jun 24');
  });

  it('give the projected overage and its price once the allowance is gone, and nothing left per day', () => {
    const v = trayView(
      state({
        pace: pace({ used: 320, reserve: -230, reservePercent: -76.67, perDay: 0 }),
        forecast: forecast({ projected: 620, beyond: 320, beyondUsd: 12.8 }),
      }),
      en,
      NOW,
      opts,
    );
    expect(v.tooltip).toContain('Allowance used up · nothing left until Jul 1');
    expect(v.tooltip).toContain('At this pace: 620 of 300 by Jul 1 (320 beyond, ≈ US$12.8)');
  });

  it('give a seat without a personal limit its projected use only, and speak the user’s language', () => {
    const pool = trayView(
      state({
        pace: null,
        forecast: forecast({ allowance: null, beyond: null, beyondUsd: null, projected: 1800 }),
      }),
      en,
      NOW,
      opts,
    );
    expect(pool.tooltip).toContain('At this pace: 1,800 premium requests by Jul 1');
    expect(pool.iconPace).toBeNull();
    expect(trayView(state({ pace: pace(), forecast: null }), fr, NOW, opts).tooltip).toContain(
      '12 % d’avance · jusqu’à 11 par jour',
    );
  });

  it('show nothing without an outlook, and put the forecast switch in the notifications menu', () => {
    const v = trayView(state(null), en, NOW, opts);
    expect(v.tooltip).not.toContain('At this pace');
    expect(v.tooltip).not.toContain('reserve');
    expect(v.iconPace).toBeNull();
    const notifications = v.menu
      .find((i) => i.id === 'settings')!
      .submenu!.find((i) => i.id === 'notifications')!;
    expect(notifications.submenu!.find((i) => i.id === 'notify-forecast')).toMatchObject({
      type: 'checkbox',
      label: 'When the forecast runs out before the reset',
      checked: true,
      action: { type: 'toggleNotification', which: 'forecast' },
    });
  });

  it('drop the forecast and pace lines before the figures when a Windows tooltip is too long', () => {
    const v = trayView(
      state({ pace: pace(), forecast: forecast({ runsOutAt: '2026-06-24T10:00:00.000Z' }) }),
      en,
      NOW,
      opts,
    );
    expect(v.compactTooltip.length).toBeLessThanOrEqual(127);
    expect(v.compactTooltip).toContain('% used');
  });
});

describe('the icon’s pace marker', () => {
  const ink = (b: Bitmap, x: number, y: number, level: keyof typeof PALETTE = 'normal') =>
    Array.from(b.data.subarray((y * b.width + x) * 4, (y * b.width + x) * 4 + 3)).join() ===
    PALETTE[level].ink.slice(0, 3).join();

  it('draws a bar of the share used and a taller tick where the month is, on row 13 at 16 px', () => {
    const b = renderIcon({ label: '30', level: 'normal', scale: 1, pace: { elapsed: 0.6, used: 0.3 } });
    // Bar: 3 of 10 cells from x = 3; tick at x = 3 + round(0.6 × 9) = 8, rows 12 to 14.
    expect([3, 4, 5, 6, 7].map((x) => ink(b, x, 13))).toEqual([true, true, true, false, false]);
    expect([11, 12, 13, 14].map((y) => ink(b, 8, y))).toEqual([false, true, true, true]);
    expect(ink(b, 12, 13)).toBe(false);
  });

  it('shows use ahead of pace as a bar running past the tick', () => {
    const b = renderIcon({ label: '80', level: 'warning', scale: 1, pace: { elapsed: 0.4, used: 0.8 } });
    const tick = 3 + Math.round(0.4 * 9);
    expect(ink(b, tick + 2, 13, 'warning')).toBe(true);
    expect(ink(b, tick + 2, 12, 'warning')).toBe(false);
  });

  it('is drawn at 2× as whole 2 × 2 pixels, and leaves the icon without pace as it was', () => {
    const b = renderIcon({ label: '30', level: 'normal', scale: 2, pace: { elapsed: 0.6, used: 0.3 } });
    expect([16, 17].flatMap((x) => [26, 27].map((y) => ink(b, x, y)))).toEqual([true, true, true, true]);
    const plain = renderIcon({ label: '30', level: 'normal', scale: 1 });
    expect([3, 4, 5].map((x) => ink(plain, x, 13))).toEqual([false, false, false]);
  });
});
