/**
 * The Usage window's export is `copilot-meter history`'s data: the installed bin fills the history file from the
 * fake GitHub (day queries answered consistently with the month) and prints `history --months 24`; the usage
 * service, reading the same settings folder and the same reading, saves exactly that CSV and that JSON.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { UsageSnapshot } from '../../shared/domain';
import { openHistory } from '../../main/core/history/store';
import { createUsageService } from '../../main/usage/service';
import { dailyBilling, type DailyUsage } from '../fake-github/daily';
import { FAKE_LOGIN, FAKE_PAT, scenarios } from '../fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';

const BIN = join(__dirname, '../../bin/copilot-meter.mjs');
const DAY = 86_400_000;
let home: string;
let fake: FakeGitHub | undefined;

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-usage-export-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(home, { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args, '--api-url', fake!.url, '--plan', 'pro'],
      {
        env: {
          PATH: process.env.PATH ?? '',
          HOME: home,
          XDG_CONFIG_HOME: join(home, '.config'),
          XDG_DATA_HOME: join(home, '.local/share'),
          COPILOT_METER_CONFIG_DIR: join(home, 'settings'),
          COPILOT_METER_TOKEN: FAKE_PAT,
          DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
          LANG: 'en_US.UTF-8',
          TZ: 'UTC',
        },
        timeout: 30_000,
      },
      (error, stdout, stderr) =>
        resolve({
          code: error && typeof error.code === 'number' ? error.code : error ? 1 : 0,
          stdout,
          stderr,
        }),
    );
  });
}

it('saves the same CSV and JSON as `copilot-meter history --months 24`, for the same history', async () => {
  // Two months of days around today (the bin runs on the real clock), two models, fractional amounts.
  const now = new Date();
  const days: DailyUsage = {};
  for (
    let t = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1), i = 0;
    t <= now.getTime();
    t += DAY, i++
  ) {
    days[new Date(t).toISOString().slice(0, 10)] = [
      { model: 'GPT-5', used: 3.25 + (i % 4) * 1.5 },
      { model: 'Claude Sonnet 4.5', used: i % 3 === 0 ? 0 : 7.75 },
    ];
  }
  fake = await startFakeGitHub({
    tokens: scenarios.patCreditsPro.tokens,
    billing: { [FAKE_LOGIN]: { aiCredits: dailyBilling(days, { unit: 'credits', now: Date.now }) } },
  });
  const csv = await run(['history', '--months', '24', '--csv']);
  const json = await run(['history', '--months', '24', '--json']);
  const status = await run(['status', '--json']);
  expect([csv.code, json.code, status.code]).toEqual([0, 0, 0]);
  const snapshot = JSON.parse(status.stdout) as UsageSnapshot;

  const saved: Record<string, string> = {};
  const service = createUsageService({
    now: Date.now,
    reading: () => ({ snapshot, error: null, lastAttemptAt: Date.now() }),
    language: () => null,
    history: openHistory({ dir: join(home, 'settings') }),
    saveFile: async ({ format, content }) => {
      saved[format] = content;
      return `/exports/usage.${format}`;
    },
  });
  expect(await service.exportUsage({ format: 'csv' })).toEqual({
    ok: true,
    value: { saved: true, path: '/exports/usage.csv' },
  });
  await service.exportUsage({ format: 'json' });
  expect(saved.csv!.trimEnd()).toBe(csv.stdout.trimEnd());
  expect(saved.json!.trimEnd()).toBe(json.stdout.trimEnd());
  // Not an empty agreement: two months of rows, both models.
  expect(saved.csv!.split('\n')[0]).toBe('date,used,GPT-5,Claude Sonnet 4.5,gross_usd,billed_usd,source');
  expect(saved.csv!.trim().split('\n').length).toBeGreaterThan(28);
});
