/**
 * The Copilot sign-in route has no day endpoint: daily use comes from the differences between readings. Real
 * history files in a temp folder; readings at chosen instants.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forecastOf } from '../../../main/core/history/outlook';
import { openHistory, type HistoryStore } from '../../../main/core/history/store';
import { recordSample } from '../../../main/core/history/sync';

const at = (iso: string) => Date.parse(iso);
const account = { host: 'github.com', login: 'octocat' };
const reading = (period: string, used: number) => ({
  account,
  period,
  unit: 'credits' as const,
  used,
  models: [],
});
const days = (store: HistoryStore, period: string) =>
  store.readMonth(account, period)!.days.map((d) => [d.date, d.used, d.source]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-samples-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('daily use from Copilot sign-in readings', () => {
  it('puts the difference between two readings of the same day on that day', () => {
    const store = openHistory({ dir });
    recordSample(store, reading('2026-11', 0), at('2026-11-01T08:00:00Z'));
    recordSample(store, reading('2026-11', 12.5), at('2026-11-01T09:00:00Z'));
    recordSample(store, reading('2026-11', 20), at('2026-11-01T17:00:00Z'));
    expect(days(store, '2026-11')).toEqual([['2026-11-01', 20, 'samples']]);
  });

  it('spreads what was used before the first reading evenly from the 1st, marked as an estimate', () => {
    const store = openHistory({ dir });
    recordSample(store, reading('2026-11', 100), at('2026-11-05T00:00:00Z'));
    expect(days(store, '2026-11')).toEqual([
      ['2026-11-01', 25, 'estimate'],
      ['2026-11-02', 25, 'estimate'],
      ['2026-11-03', 25, 'estimate'],
      ['2026-11-04', 25, 'estimate'],
    ]);
    // The month-to-date average is then the forecast's rate: 25 a day.
    const f = forecastOf(
      { period: '2026-11', unit: 'credits', used: 100, allowance: 1500, unlimited: false },
      store.readMonth(account, '2026-11'),
      at('2026-11-05T00:00:00Z'),
    );
    expect(f).toMatchObject({ ratePerDay: 25, projected: 750 });
  });

  it('survives a restart: the last reading is in the file, so the next difference is right', () => {
    recordSample(openHistory({ dir }), reading('2026-11', 0), at('2026-11-10T10:00:00Z'));
    const after = openHistory({ dir });
    recordSample(after, reading('2026-11', 6), at('2026-11-10T11:00:00Z'));
    expect(days(after, '2026-11')).toEqual([['2026-11-10', 6, 'samples']]);
  });

  it('spreads use across the days a sleeping computer missed, in proportion to the time', () => {
    const store = openHistory({ dir });
    recordSample(store, reading('2026-11', 0), at('2026-11-01T00:00:00Z'));
    recordSample(store, reading('2026-11', 0), at('2026-11-10T18:00:00Z'));
    // Asleep from 18:00 on the 10th to 06:00 on the 12th: 36 hours, 48 used.
    recordSample(store, reading('2026-11', 48), at('2026-11-12T06:00:00Z'));
    expect(days(store, '2026-11').slice(-3)).toEqual([
      ['2026-11-10', 8, 'estimate'],
      ['2026-11-11', 32, 'estimate'],
      ['2026-11-12', 8, 'estimate'],
    ]);
  });

  it('starts the new month from the reset, and leaves last month as it was', () => {
    const store = openHistory({ dir });
    recordSample(store, reading('2026-11', 0), at('2026-11-30T23:00:00Z'));
    recordSample(store, reading('2026-11', 30), at('2026-11-30T23:50:00Z'));
    recordSample(store, reading('2026-12', 4), at('2026-12-01T01:00:00Z'));
    expect(days(store, '2026-11')).toEqual([['2026-11-30', 30, 'samples']]);
    expect(days(store, '2026-12')).toEqual([['2026-12-01', 4, 'samples']]);
    expect(store.readMonth(account, '2026-11')!.used).toBe(30);
  });

  it('takes a counter that went down back from the latest days, so the month still adds up', () => {
    const store = openHistory({ dir });
    recordSample(store, reading('2026-11', 0), at('2026-11-09T00:00:00Z'));
    recordSample(store, reading('2026-11', 50), at('2026-11-09T20:00:00Z'));
    recordSample(store, reading('2026-11', 60), at('2026-11-10T10:00:00Z'));
    recordSample(store, reading('2026-11', 45), at('2026-11-10T11:00:00Z'));
    const m = store.readMonth(account, '2026-11')!;
    expect(m.used).toBe(45);
    expect(m.days.map((d) => [d.date, d.used])).toEqual([
      ['2026-11-09', 45],
      ['2026-11-10', 0],
    ]);
  });

  it('records nothing for a hidden seat (no number to record)', () => {
    const store = openHistory({ dir });
    recordSample(store, { ...reading('2026-11', 0), used: null }, at('2026-11-09T00:00:00Z'));
    expect(store.listMonths(account)).toEqual([]);
  });
});
