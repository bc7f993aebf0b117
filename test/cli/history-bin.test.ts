/**
 * `copilot-meter history` and `copilot-meter guard`, the installed bin spawned against the fake GitHub (which
 * answers day queries consistently with the month) with a private settings folder. The bin runs on the real
 * clock, so the fixture is built around today: every day of last month and of this month up to today.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../main/cli/exit-codes';
import { dailyBilling, type DailyUsage } from '../fake-github/daily';
import { internalUnlimited } from '../fake-github/fixtures';
import { FAKE_LOGIN, FAKE_OAUTH, FAKE_PAT, FAKE_PAT_EXPIRED, scenarios } from '../fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import { runBin, type BinRun } from '../helpers/run-bin';

const DAY = 86_400_000;
let home: string;
let fake: FakeGitHub | undefined;

function run(args: string[], env: Record<string, string> = {}): Promise<BinRun> {
  return runBin(home, args, env, { timeoutMs: 30_000 });
}

/** Last month and this month up to today, two models a day with fractional amounts (sums must still agree). */
function fixture(): { days: DailyUsage; lastMonth: string; lastMonthTotal: number } {
  const now = new Date();
  const start = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1);
  const days: DailyUsage = {};
  let lastMonthTotal = 0;
  const lastMonth = new Date(start).toISOString().slice(0, 7);
  for (let t = start, i = 0; t <= now.getTime(); t += DAY, i++) {
    const date = new Date(t).toISOString().slice(0, 10);
    const uses = [
      { model: 'GPT-5', used: 3.25 + (i % 4) * 1.5 },
      { model: 'Claude, "Sonnet" 4.5', used: i % 3 === 0 ? 0 : 7.75 },
    ];
    days[date] = uses;
    if (date.startsWith(lastMonth)) lastMonthTotal += uses[0]!.used + uses[1]!.used;
  }
  return { days, lastMonth, lastMonthTotal };
}

/** Minimal CSV reader (quoted cells with doubled quotes), enough for the history output. */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')),
    );
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-history-bin-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(home, { recursive: true, force: true });
});

async function dailyFake() {
  const f = fixture();
  fake = await startFakeGitHub({
    tokens: scenarios.patCreditsPro.tokens,
    billing: { [FAKE_LOGIN]: { aiCredits: dailyBilling(f.days, { unit: 'credits', now: Date.now }) } },
  });
  return f;
}

describe('copilot-meter history', () => {
  it('prints one CSV row per day, oldest first, whose rows add up to status --json used', async () => {
    const f = await dailyFake();
    const env = { COPILOT_METER_TOKEN: FAKE_PAT };
    const csv = await run(
      ['history', '--months', '2', '--csv', '--api-url', fake!.url, '--plan', 'pro'],
      env,
    );
    expect(csv.code).toBe(EXIT.ok);
    const [header, ...rows] = parseCsv(csv.stdout);
    expect(header).toEqual([
      'date',
      'used',
      'GPT-5',
      'Claude, "Sonnet" 4.5',
      'gross_usd',
      'billed_usd',
      'source',
    ]);
    const dates = rows.map((r) => r[0]!);
    expect(dates).toEqual([...dates].sort());
    expect(dates[0]).toBe(`${f.lastMonth}-01`);
    expect(new Set(dates).size).toBe(dates.length);

    const status = await run(['status', '--json', '--api-url', fake!.url, '--plan', 'pro'], env);
    const doc = JSON.parse(status.stdout);
    const sum = (period: string) =>
      rows.filter((r) => r[0]!.startsWith(period)).reduce((a, r) => a + Number(r[1]), 0);
    expect(sum(doc.period)).toBeCloseTo(doc.used, 6);
    expect(sum(f.lastMonth)).toBeCloseTo(f.lastMonthTotal, 6);
    // Each row's models add up to its used, and the money is GitHub's price (a credit is one cent).
    for (const r of rows) {
      expect(Number(r[2]) + Number(r[3])).toBeCloseTo(Number(r[1]), 6);
      if (r[4] !== '') expect(Number(r[4])).toBeCloseTo(Number(r[1]) * 0.01, 4);
    }
    // --json says the same, with the month totals.
    const json = JSON.parse(
      (await run(['history', '--json', '--api-url', fake!.url, '--plan', 'pro'], env)).stdout,
    );
    expect(json.months).toEqual([{ period: doc.period, unit: 'credits', used: doc.used }]);
    expect(json.days.reduce((a: number, d: { used: number }) => a + d.used, 0)).toBeCloseTo(doc.used, 6);
  });

  it('adds pace and forecast to status --json, null where there is nothing to say', async () => {
    await dailyFake();
    const r = await run(['status', '--json', '--api-url', fake!.url, '--plan', 'pro'], {
      COPILOT_METER_TOKEN: FAKE_PAT,
    });
    const doc = JSON.parse(r.stdout);
    expect(doc.pace).toMatchObject({ period: doc.period, used: doc.used, allowance: 1500 });
    expect(doc.pace.reserve).toBeCloseTo(doc.pace.expected - doc.used, 1);
    if (new Date().getUTCDate() > 1) expect(doc.forecast.projected).toBeGreaterThanOrEqual(doc.used);
    else expect(doc.forecast).toBeNull();
    const noPlan = JSON.parse(
      (await run(['status', '--json', '--api-url', fake!.url], { COPILOT_METER_TOKEN: FAKE_PAT })).stdout,
    );
    expect(noPlan.allowance).toBeNull();
    expect(noPlan.pace).toBeNull();
  });
});

describe('copilot-meter guard', () => {
  it('exits 0 while enough is left and 10 when not, in units and in percent, with one line saying why', async () => {
    await dailyFake();
    const env = { COPILOT_METER_TOKEN: FAKE_PAT };
    const doc = JSON.parse(
      (await run(['status', '--json', '--api-url', fake!.url, '--plan', 'pro'], env)).stdout,
    );
    const left = 1500 - doc.used;
    const guard = (min: string) =>
      run(['guard', '--min-left', min, '--api-url', fake!.url, '--plan', 'pro'], env);

    const ok = await guard(String(Math.floor(left)));
    expect(ok.code).toBe(EXIT.ok);
    expect(ok.stdout.trim().split('\n')).toHaveLength(1);
    expect(ok.stdout).toMatch(/^guard: .* AI credits left, at least .* required: ok\n$/);

    const low = await guard(String(Math.ceil(left) + 1));
    expect(low.code).toBe(EXIT.guardLow);
    expect(low.stdout).toMatch(/^guard: only .* AI credits left, less than the .* required\n$/);

    const pct = Math.floor((left / 1500) * 100);
    const byPercent = await guard(`${pct}%`);
    expect(byPercent.code).toBe(EXIT.ok);
    // The share left is rounded down like on every face: a whole number, never "27.5 %".
    expect(byPercent.stdout).toContain(`(${pct} %) AI credits left`);
    expect((await guard(`${pct + 1}%`)).code).toBe(EXIT.guardLow);
  });

  it('exits 11 when what is left cannot be told, 0 for an organisation pool, and an error code on failure', async () => {
    await dailyFake();
    const unknown = await run(['guard', '--min-left', '10', '--api-url', fake!.url], {
      COPILOT_METER_TOKEN: FAKE_PAT,
    });
    expect(unknown.code).toBe(EXIT.guardUnknown);
    expect(unknown.stdout).toMatch(/cannot tell how much is left \(allowance unknown/);

    const expired = await run(['guard', '--min-left', '10', '--api-url', fake!.url], {
      COPILOT_METER_TOKEN: FAKE_PAT_EXPIRED,
    });
    expect(expired.code).toBe(EXIT.auth);
    await fake!.close();

    fake = await startFakeGitHub(scenarios.tokenBilledBusiness);
    const pool = await run(['guard', '--min-left', '99%', '--api-url', fake.url], {
      COPILOT_METER_TOKEN: FAKE_OAUTH,
    });
    expect(pool.code).toBe(EXIT.ok);
    expect(pool.stdout).toBe('guard: no personal limit (organisation pool); 1,234.5 AI credits used: ok\n');
    await fake.close();

    fake = await startFakeGitHub({
      ...scenarios.opencodeOAuth,
      internalUser: { [FAKE_LOGIN]: internalUnlimited },
    });
    const hidden = await run(['guard', '--min-left', '1', '--api-url', fake.url], {
      COPILOT_METER_TOKEN: FAKE_OAUTH,
    });
    expect(hidden.code).toBe(EXIT.guardUnknown);
    expect(hidden.stdout).toBe(
      'guard: cannot tell how much is left (the organisation hides this seat’s usage)\n',
    );
  });

  it('refuses a guard without --min-left, or with a malformed one, as a usage error', async () => {
    expect((await run(['guard'])).code).toBe(EXIT.usage);
    expect((await run(['guard', '--min-left', 'lots'])).code).toBe(EXIT.usage);
    expect((await run(['guard', '--min-left', '150%'])).code).toBe(EXIT.usage);
    expect((await run(['history', '--months', '25'])).code).toBe(EXIT.usage);
  });
});
