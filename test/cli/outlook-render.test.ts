/** The CLI's faces of pace and forecast: the text lines (the tray's wording), the waybar tooltip, --json keys. */
import { describe, expect, it } from 'vitest';
import { renderJson, renderText, renderWaybar } from '../../main/cli/render';
import type { Outlook } from '../../shared/history';
import { createTranslator } from '../../shared/i18n';
import { snapshotAt } from '../core/scheduler-fixtures';

const en = createTranslator('en');
const s = snapshotAt(Date.UTC(2026, 10, 16), 30);
const outlook: Outlook = {
  pace: {
    period: '2026-11',
    elapsed: 0.5,
    expected: 150,
    used: 90,
    allowance: 300,
    reserve: 60,
    reservePercent: 20,
    daysLeft: 15,
    perDay: 14,
    resetAt: '2026-12-01T00:00:00.000Z',
  },
  forecast: {
    period: '2026-11',
    ratePerDay: 6,
    projected: 180,
    allowance: 300,
    runsOutAt: null,
    beyond: 0,
    beyondUsd: 0,
    basisDays: 15,
    resetAt: '2026-12-01T00:00:00.000Z',
  },
};

describe('pace and forecast in the CLI', () => {
  it('prints the two lines under the bar, before the period', () => {
    const lines = renderText(s, en, [], outlook).split('\n');
    expect(lines.slice(3, 5)).toEqual([
      '██████████████░░░░░░ 70% left · 90 / 300 used',
      '20 % in reserve · up to 14 a day',
    ]);
    // The reset (Dec 1, 00:00 UTC) in the machine's time zone, like the CLI's other dates.
    expect(lines[5]).toMatch(/^At this pace: 180 of 300 by (Dec 1|Nov 30)$/);
    expect(lines[6]).toMatch(/^Period: 2026-11/);
    expect(renderText(s, en)).not.toContain('At this pace');
  });

  it('puts them in the waybar tooltip too', () => {
    const doc = JSON.parse(renderWaybar({ ok: true, snapshot: s, attempts: [] }, en, [75, 90, 100], outlook));
    expect(doc.tooltip).toContain('20 % in reserve · up to 14 a day');
    expect(doc.tooltip).toMatch(/At this pace: 180 of 300 by (Dec 1|Nov 30)/);
  });

  it('adds pace and forecast to --json, null when there are none', () => {
    const doc = JSON.parse(renderJson({ ok: true, snapshot: s, attempts: [] }, en, [], outlook));
    expect(doc.pace).toEqual(outlook.pace);
    expect(doc.forecast).toEqual(outlook.forecast);
    const none = JSON.parse(renderJson({ ok: true, snapshot: s, attempts: [] }, en, [], null));
    expect(none).toMatchObject({ pace: null, forecast: null });
  });
});
