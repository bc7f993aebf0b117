/**
 * A fake-clock month on the PAT route, end to end: the real engine against the fake GitHub (which answers
 * `&day=D` consistently with the month), the real history file, the real settings file for the notice memory.
 * Backfill, quiet days, a burst, late-posted usage, an app restart, a corrupt history file and a reset, with
 * pace, forecast, the forecast notice and the requests made checked at chosen instants.
 */
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RefreshResult } from '../../../shared/domain';
import { createTranslator } from '../../../shared/i18n';
import { evaluateAlerts, evaluateForecastAlert, type Notice } from '../../../main/core/alerts';
import { createEngine, type Engine } from '../../../main/core/engine';
import { outlookOf } from '../../../main/core/history/outlook';
import { HISTORY_FILE, openHistory, type HistoryStore } from '../../../main/core/history/store';
import { FetchHttp } from '../../../main/core/http';
import { nodeFiles } from '../../../main/core/system';
import { openSettings, type SettingsStore } from '../../../main/settings/store';
import { dailyBilling, type DailyUsage } from '../../fake-github/daily';
import { FAKE_LOGIN, FAKE_PAT, scenarios } from '../../fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub } from '../../fake-github/server';
import { testClock } from '../strategies/harness';

const at = (iso: string) => Date.parse(iso);
const octocat = { host: '', login: FAKE_LOGIN };
const en = createTranslator('en');
const clock = testClock(at('2026-11-10T12:00:00Z'));
const days: DailyUsage = {};
for (let d = 1; d <= 9; d++)
  days[`2026-11-0${d}`] = [
    { model: 'GPT-5', used: 30 },
    { model: 'Claude Sonnet 4.5', used: 10 },
  ];
days['2026-11-10'] = [{ model: 'GPT-5', used: 20 }];

let dir: string;
let fake: FakeGitHub;
let engine: Engine;
let history: HistoryStore;
let settings: SettingsStore;
const notices: Notice[] = [];

const newEngine = () =>
  createEngine({
    http: new FetchHttp(),
    clock,
    env: { vars: { COPILOT_METER_TOKEN: FAKE_PAT }, platform: 'linux', homedir: dir },
    files: nodeFiles,
    secrets: null,
  });

/** One refresh as the app does it: engine + history, then the notices, remembered in the settings file. */
async function refresh(): Promise<{ result: RefreshResult; days: string[]; statuses: number[] }> {
  const before = fake.requests.length;
  const result = await engine.refresh({ apiUrl: fake.url, prefs: { plan: 'pro' }, history });
  const made = fake.requests.slice(before);
  const s = settings.get();
  const alerts = evaluateAlerts(s.notified, result, s, en, { timeZone: 'UTC' });
  let memory = alerts.memory;
  notices.push(...alerts.notifications);
  if (result.ok) {
    const o = outlookOf(
      result.snapshot,
      history.readMonth(result.snapshot.account, result.snapshot.period),
      clock.now(),
    );
    const f = evaluateForecastAlert(memory, result.snapshot, o.forecast, s, en, { timeZone: 'UTC' });
    memory = f.memory;
    notices.push(...f.notifications);
  }
  settings.update({ notified: memory });
  return {
    result,
    days: made.filter((r) => r.query.day !== undefined).map((r) => `${r.query.month}-${r.query.day}`),
    statuses: made.map((r) => r.status),
  };
}

const outlook = () => {
  const month = history.readMonth(octocat, '2026-11');
  return { month, sum: month!.days.reduce((a, d) => a + d.used, 0) };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cm-month-'));
  fake = await startFakeGitHub(
    {
      tokens: scenarios.patCreditsPro.tokens,
      billing: {
        [FAKE_LOGIN]: { aiCredits: dailyBilling(days, { unit: 'credits', now: () => clock.now() }) },
      },
    },
    { now: () => clock.now() },
  );
  octocat.host = new URL(fake.url).host;
  engine = newEngine();
  history = openHistory({ dir });
  settings = openSettings({ env: { vars: {}, platform: 'linux', homedir: dir }, dir });
});
afterAll(async () => {
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a month of history on the PAT route', () => {
  it('backfills the elapsed days once, one request per day before today, and adds up to the month', async () => {
    const r = await refresh();
    expect(r.result.ok && r.result.snapshot.used).toBe(380);
    expect([...r.days].sort()).toEqual([
      '11-1',
      '11-2',
      '11-3',
      '11-4',
      '11-5',
      '11-6',
      '11-7',
      '11-8',
      '11-9',
    ]);
    const { month, sum } = outlook();
    expect(sum).toBe(380);
    expect(month!.days[0]).toEqual({
      date: '2026-11-01',
      used: 40,
      models: { 'GPT-5': 30, 'Claude Sonnet 4.5': 10 },
      gross: 0.4,
      billed: 0,
      source: 'billing',
    });
    // Today is the month's total minus the other days, per model too.
    expect(month!.days.at(-1)).toMatchObject({ date: '2026-11-10', used: 20, models: { 'GPT-5': 20 } });
  });

  it('has exact pace and forecast at noon of the 10th, and no forecast notice within the allowance', () => {
    const o = outlookOf(
      { period: '2026-11', unit: 'credits', used: 380, allowance: 1500, unlimited: false },
      history.readMonth(octocat, '2026-11'),
      clock.now(),
    );
    expect(o.pace).toMatchObject({
      elapsed: 0.3167,
      expected: 475,
      reserve: 95,
      reservePercent: 6.33,
      daysLeft: 21,
      perDay: 53.33,
    });
    expect(o.forecast).toMatchObject({
      ratePerDay: 40,
      projected: 1200,
      runsOutAt: null,
      beyond: 0,
      basisDays: 9.5,
    });
    expect(notices).toEqual([]);
  });

  it('costs one request, answered 304, when nothing changed', async () => {
    const r = await refresh();
    expect(r.statuses).toEqual([304]);
    expect(r.days).toEqual([]);
  });

  it('reads the two quiet days that passed unseen and lowers the forecast', async () => {
    clock.set(at('2026-11-12T12:00:00Z'));
    const r = await refresh();
    expect(r.days).toEqual(['11-10', '11-11']);
    expect(r.statuses[0]).toBe(304);
    const { month, sum } = outlook();
    expect(sum).toBe(380);
    expect(month!.days.slice(-3).map((d) => [d.date, d.used])).toEqual([
      ['2026-11-10', 20],
      ['2026-11-11', 0],
      ['2026-11-12', 0],
    ]);
    const f = outlookOf(
      { period: '2026-11', unit: 'credits', used: 380, allowance: 1500, unlimited: false },
      month,
      clock.now(),
    ).forecast!;
    // Σ w·used / Σ w·covered with w = 0.5^(age/3): 24.0897… a day; 380 + 24.0897 × 18.5 days.
    expect(f.ratePerDay).toBe(24.09);
    expect(f.projected).toBe(825.66);
    expect(notices).toEqual([]);
  });

  it('announces once, on a burst, the day the allowance will run out at this pace', async () => {
    clock.set(at('2026-11-12T18:00:00Z'));
    days['2026-11-12'] = [{ model: 'Claude Sonnet 4.5', used: 300 }];
    const r = await refresh();
    // The month moved (200) and the 9th, read on the 10th, gets its final read: two requests.
    expect(r.statuses).toEqual([200, 304]);
    expect(r.days).toEqual(['11-9']);
    const { month, sum } = outlook();
    expect(sum).toBe(680);
    const f = outlookOf(
      { period: '2026-11', unit: 'credits', used: 680, allowance: 1500, unlimited: false },
      month,
      clock.now(),
    ).forecast!;
    // rate 92.546… a day; (1500 − 680) / 92.546 = 8.8604 days after 18:00 on the 12th.
    expect(f).toMatchObject({ ratePerDay: 92.55, projected: 2368.97, beyond: 868.97, beyondUsd: 8.69 });
    expect(f.runsOutAt).toBe('2026-11-21T14:39:00.000Z');
    expect(notices).toEqual([
      {
        kind: 'forecast',
        title: 'Copilot: on course to run out',
        body: 'At this pace you will reach your allowance around Nov 21 (it resets Dec 1).',
        action: 'openBilling',
      },
    ]);
  });

  it('puts late-posted usage on the day it belongs to, not on today, and does not announce again', async () => {
    clock.set(at('2026-11-12T20:00:00Z'));
    days['2026-11-11'] = [{ model: 'GPT-5', used: 50 }];
    const r = await refresh();
    expect(r.statuses).toEqual([200, 200]);
    expect(r.days).toEqual(['11-11']);
    const { month, sum } = outlook();
    expect(sum).toBe(730);
    expect(month!.days.slice(-2).map((d) => [d.date, d.used])).toEqual([
      ['2026-11-11', 50],
      ['2026-11-12', 300],
    ]);
    const f = outlookOf(
      { period: '2026-11', unit: 'credits', used: 730, allowance: 1500, unlimited: false },
      month,
      clock.now(),
    ).forecast!;
    expect(f.ratePerDay).toBe(99.85);
    expect(f.runsOutAt?.slice(0, 10)).toBe('2026-11-20');
    expect(notices).toHaveLength(1);
  });

  it('after an app restart reads no day again and still does not repeat the notice', async () => {
    clock.set(at('2026-11-12T20:30:00Z'));
    engine = newEngine();
    history = openHistory({ dir });
    settings = openSettings({ env: { vars: {}, platform: 'linux', homedir: dir }, dir });
    const r = await refresh();
    expect(r.days).toEqual([]);
    expect(outlook().sum).toBe(730);
    expect(notices).toHaveLength(1);
  });

  it('copies a corrupt history file aside and rebuilds the month from GitHub', async () => {
    clock.set(at('2026-11-13T09:00:00Z'));
    writeFileSync(join(dir, HISTORY_FILE), '{"version":1,"accounts":');
    const r = await refresh();
    expect(r.days).toHaveLength(12);
    expect(history.problems[0]).toMatch(/not a history file; a copy was kept as/);
    expect(readdirSync(dir).some((f) => f.startsWith(`${HISTORY_FILE}.corrupt-`))).toBe(true);
    const { month, sum } = outlook();
    expect(sum).toBe(730);
    expect(month!.days.find((d) => d.date === '2026-11-11')?.used).toBe(50);
    expect(notices).toHaveLength(1);
  });

  it('at the reset starts a new month, settles November from GitHub, and gives no forecast on the 1st', async () => {
    days['2026-11-20'] = [{ model: 'GPT-5', used: 100 }];
    clock.set(at('2026-12-01T00:30:00Z'));
    const r = await refresh();
    expect(r.result.ok && r.result.snapshot).toMatchObject({ period: '2026-12', used: 0 });
    // The 29th (one of the two days still settling), then the days November never saw (the 13th to the
    // 30th), and the 12th, read too early on the 13th, for its final read: each once.
    expect(r.days[0]).toBe('11-29');
    expect([...r.days].sort()).toEqual(
      ['11-12', ...Array.from({ length: 18 }, (_, i) => `11-${13 + i}`)].sort(),
    );
    const nov = history.readMonth(octocat, '2026-11')!;
    expect(nov.used).toBe(830);
    expect(nov.days.reduce((a, d) => a + d.used, 0)).toBe(830);
    expect(history.readMonth(octocat, '2026-12')?.days).toEqual([
      { date: '2026-12-01', used: 0, models: {}, gross: null, billed: null, source: 'billing' },
    ]);
    const o = outlookOf(
      { period: '2026-12', unit: 'credits', used: 0, allowance: 1500, unlimited: false },
      history.readMonth(octocat, '2026-12'),
      clock.now(),
    );
    expect(o.forecast).toBeNull();
    expect(o.pace?.daysLeft).toBe(31);
    expect(notices.map((n) => n.kind)).toEqual(['forecast', 'periodReset']);
    expect(settings.get().notified).toMatchObject({ period: '2026-12', forecast: false });
  });

  it('announces again in the new period once its forecast runs out before the reset', async () => {
    days['2026-12-01'] = [{ model: 'GPT-5', used: 250 }];
    days['2026-12-02'] = [{ model: 'GPT-5', used: 250 }];
    clock.set(at('2026-12-03T00:00:00Z'));
    const r = await refresh();
    // The last day of November settles, December's 1st and 2nd are read: one request per day, once.
    expect([...r.days].sort()).toEqual(['11-30', '12-1', '12-2']);
    expect(notices.at(-1)).toMatchObject({
      kind: 'forecast',
      body: 'At this pace you will reach your allowance around Dec 7 (it resets Jan 1).',
    });
  });
});
