import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HISTORY_FILE, openHistory, type StoredDay } from '../../../main/core/history/store';

const octocat = { host: 'github.com', login: 'octocat' };
const day = (used: number, extra: Partial<StoredDay> = {}): StoredDay => ({
  used,
  models: {},
  gross: null,
  billed: null,
  source: 'billing',
  readAt: null,
  ...extra,
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cm-history-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('history store', () => {
  it('reads back the months and days it wrote, oldest first, for the same login in any case', () => {
    const store = openHistory({ dir });
    store.update(octocat, (rec) => {
      rec.months['2026-11'] = {
        unit: 'credits',
        used: 12.5,
        updatedAt: Date.parse('2026-11-03T10:00:00Z'),
        days: {
          '2026-11-02': day(10, { models: { 'GPT-5': 10 }, gross: 0.1, billed: 0 }),
          '2026-11-01': day(2.5),
        },
      };
      rec.months['2026-10'] = { unit: 'credits', used: 0, updatedAt: 0, days: {} };
    });
    const other = openHistory({ dir });
    expect(other.listMonths({ host: 'github.com', login: 'OctoCat' })).toEqual(['2026-10', '2026-11']);
    const [nov] = other.readMonths(octocat, ['2026-11']);
    expect(nov).toEqual({
      period: '2026-11',
      unit: 'credits',
      used: 12.5,
      updatedAt: '2026-11-03T10:00:00.000Z',
      days: [
        { date: '2026-11-01', used: 2.5, models: {}, gross: null, billed: null, source: 'billing' },
        { date: '2026-11-02', used: 10, models: { 'GPT-5': 10 }, gross: 0.1, billed: 0, source: 'billing' },
      ],
    });
    expect(other.readMonth(octocat, '2026-09')).toBeNull();
    expect(other.accounts()).toEqual([octocat]);
  });

  it('keeps another account’s history apart and never creates a file just by reading', () => {
    const store = openHistory({ dir });
    expect(store.readMonths(octocat)).toEqual([]);
    expect(readdirSync(dir)).toEqual([]);
    store.update({ host: 'acme.ghe.com', login: 'octocat' }, (rec) => {
      rec.months['2026-11'] = { unit: 'requests', used: 1, updatedAt: 0, days: { '2026-11-01': day(1) } };
    });
    expect(store.listMonths(octocat)).toEqual([]);
  });

  it('keeps at most 24 months per account, dropping the oldest', () => {
    const store = openHistory({ dir });
    store.update(octocat, (rec) => {
      for (let i = 0; i < 30; i++) {
        const d = new Date(Date.UTC(2024, i, 1)).toISOString().slice(0, 7);
        rec.months[d] = { unit: 'credits', used: 0, updatedAt: 0, days: {} };
      }
    });
    const months = store.listMonths(octocat);
    expect(months).toHaveLength(24);
    expect(months[0]).toBe('2024-07');
    expect(months.at(-1)).toBe('2026-06');
  });

  it('copies a corrupt file aside, says so once, and starts afresh', () => {
    const path = join(dir, HISTORY_FILE);
    writeFileSync(path, '{"version":1,"accounts":{"github.com/octocat": trunc');
    const store = openHistory({ dir, now: () => Date.parse('2026-11-20T08:00:00Z') });
    expect(store.readMonths(octocat)).toEqual([]);
    expect(store.problems).toHaveLength(1);
    expect(store.problems[0]).toMatch(
      /not a history file; a copy was kept as .*history\.json\.corrupt-2026-11-20T08-00-00-000Z/,
    );
    const copy = readdirSync(dir).find((f) => f.includes('.corrupt-'))!;
    expect(readFileSync(join(dir, copy), 'utf8')).toContain('trunc');
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({ version: 1, accounts: {} });
    store.readMonths(octocat);
    expect(store.problems).toHaveLength(1);
  });

  it('drops only a broken day and names it, keeping the rest of the month', () => {
    writeFileSync(
      join(dir, HISTORY_FILE),
      JSON.stringify({
        version: 1,
        accounts: {
          'github.com/octocat': {
            host: 'github.com',
            login: 'octocat',
            sample: null,
            months: {
              '2026-11': {
                unit: 'credits',
                used: 3,
                updatedAt: 0,
                days: { '2026-11-01': day(3), '2026-11-02': { used: 'lots', source: 'billing' } },
              },
            },
          },
        },
      }),
    );
    const store = openHistory({ dir });
    expect(store.readMonth(octocat, '2026-11')?.days.map((d) => d.date)).toEqual(['2026-11-01']);
    expect(store.problems).toEqual(['history: github.com/octocat day 2026-11-02 unreadable; dropped']);
  });

  it('writes atomically: no temporary file is left behind, and a second writer keeps the first one’s days', () => {
    const a = openHistory({ dir });
    const b = openHistory({ dir });
    a.update(octocat, (rec) => {
      rec.months['2026-11'] = { unit: 'credits', used: 1, updatedAt: 0, days: { '2026-11-01': day(1) } };
    });
    b.update(octocat, (rec) => {
      rec.months['2026-11']!.days['2026-11-02'] = day(2);
      rec.months['2026-11']!.used = 3;
    });
    expect(readdirSync(dir)).toEqual([HISTORY_FILE]);
    expect(a.readMonth(octocat, '2026-11')?.days.map((d) => d.used)).toEqual([1, 2]);
  });
});
