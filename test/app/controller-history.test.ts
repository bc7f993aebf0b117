/**
 * The tray app with a real history file: pace and forecast reach the tooltip and the icon, and the forecast
 * notice is given once per period, also across a restart. The refresh stands in for the engine on the sign-in
 * route (it records each reading in the history, as engine.refresh does with `history`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTrayApp, type AppSettings } from '../../main/app/controller';
import { openHistory, type HistoryStore } from '../../main/core/history/store';
import { recordSample } from '../../main/core/history/sync';
import { defaultSettings } from '../../main/settings/schema';
import type { Settings } from '../../main/settings/types';
import { FakeClock } from '../core/scheduler-fake-clock';
import { ok, snapshotAt } from '../core/scheduler-fixtures';
import { createStandIn } from './electron-stand-in';

const T0 = Date.UTC(2026, 5, 10, 9, 0);
const MIN = 60_000;
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-app-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function memorySettings(): AppSettings {
  let s: Settings = defaultSettings();
  return {
    get: () => s,
    update: (change) => (s = typeof change === 'function' ? change(s) : { ...s, ...change }),
  };
}

async function boot(clock: FakeClock, settings: AppSettings, history: HistoryStore, percent: () => number) {
  const stand = createStandIn('linux');
  const app = await startTrayApp(stand.api, {
    clock,
    random: () => 0.5,
    settings,
    refresh: async () => {
      const s = snapshotAt(clock.now(), percent());
      recordSample(history, s, clock.now());
      return ok(s);
    },
    openSetup: () => undefined,
    localeCandidates: () => ['en-US'],
    history,
  });
  const settle = async () => {
    await app?.scheduler.whenIdle();
    await new Promise((r) => setImmediate(r));
  };
  await settle();
  return { stand, app: app!, settle };
}

describe('tray app with a daily history', () => {
  it('shows pace and forecast, and gives the forecast notice once, even after a restart', async () => {
    const clock = new FakeClock(T0);
    const settings = memorySettings();
    let percent = 18;
    const history = openHistory({ dir });
    const a = await boot(clock, settings, history, () => percent);
    const tooltip = a.stand.trays[0]!.tooltip.split('\n');
    // 54 of 300 used by 09:00 on June 10 (31.25 % of June gone): 13 % in reserve; 246 over 21 days.
    expect(tooltip).toContain('13 % in reserve · up to 11 a day');
    // The use before the first reading is spread from the 1st: 5.76 a day, 172.8 by the reset.
    // The reset (Jul 1, 00:00 UTC) in the machine's time zone, as the tray shows dates.
    expect(tooltip.some((l) => /^At this pace: 173 of 300 by (Jul 1|Jun 30)$/.test(l))).toBe(true);
    expect(a.app.view()?.iconPace).toEqual({ elapsed: 0.3125, used: 0.18 });
    expect(a.stand.notifications).toEqual([]);

    // A burst: 60 % by noon. The forecast now runs out before the reset: said once.
    percent = 60;
    await clock.runUntil(T0 + 3 * 60 * MIN + 1, a.settle);
    expect(a.stand.notifications.map((n) => n.title)).toEqual(['Copilot: on course to run out']);
    expect(a.stand.notifications[0]!.body).toMatch(
      /^At this pace you will reach your allowance around Jun \d+ \(it resets (Jul 1|Jun 30)\)\.$/,
    );
    expect(a.stand.trays[0]!.tooltip).toMatch(/At this pace: runs out around Jun \d+/);
    await clock.runUntil(T0 + 4 * 60 * MIN, a.settle);
    expect(a.stand.notifications).toHaveLength(1);
    a.app.quit();

    // Restart: same settings and history files; the notice is not repeated this period.
    const b = await boot(clock, settings, openHistory({ dir }), () => percent);
    await clock.runUntil(T0 + 5 * 60 * MIN, b.settle);
    expect(b.stand.notifications).toEqual([]);
    expect(settings.get().notified.forecast).toBe(true);
  });
});
