/**
 * Every seat told the truth, through the real `copilot-meter` bin (dist/cli.mjs, built by `npm test`) against the
 * fake GitHub: an organisation pool (no cap, no percentage), a user-level budget (GitHub's cap), a hidden seat (a
 * reading with no number, exit 0), billing items spelled `ai-units`, and quantities that are not numbers (exit 7,
 * never 0 or ∞), in every format.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EXIT } from '../../main/cli/exit-codes';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';
import { FAKE_OAUTH, FAKE_PAT, scenarios, type ScenarioName } from '../fake-github/scenarios';
import { DOCUMENTED_JSON_KEYS } from '../helpers/json-contract';
import { runBin, type BinRun } from '../helpers/run-bin';

let home: string;
let fake: FakeGitHub | undefined;

function run(args: string[], env: Record<string, string>): Promise<BinRun> {
  return runBin(home, args, env);
}

/** The four formats of one scenario, run side by side. */
async function allFormats(scenario: ScenarioName, token: string, extra: string[] = []) {
  fake = await startFakeGitHub(scenarios[scenario]);
  const env = { COPILOT_METER_TOKEN: token };
  const base = ['status', '--api-url', fake.url, ...extra];
  const [text, oneline, waybar, json] = await Promise.all([
    run(base, env),
    run([...base, '--format', 'oneline'], env),
    run([...base, '--format', 'waybar'], env),
    run([...base, '--json'], env),
  ]);
  return { text, oneline, waybar, json };
}

beforeEach(() => {
  home = mkdtempSync(join(tmpdir(), 'cm-seat-'));
});
afterEach(async () => {
  await fake?.close();
  fake = undefined;
  rmSync(home, { recursive: true, force: true });
});

describe('copilot-meter and the kinds of seat', () => {
  it('shows an organisation pool as credits used with no personal limit, never "/ 1,900" or a percentage', async () => {
    const r = await allFormats('poolSeat', FAKE_OAUTH);
    for (const x of Object.values(r)) expect(x.code).toBe(EXIT.ok);
    const lines = r.text.stdout.split('\n');
    expect(lines[1]).toBe('Account: GitHub Copilot (@octocat) · Copilot Business');
    expect(lines[2]).toBe('AI credits');
    expect(lines[3]).toBe('31 AI credits used this month · no personal limit (pool of ACME)');
    expect(r.text.stdout).not.toMatch(/1,900|%|█/);
    expect(r.oneline.stdout.trim()).toBe(
      'Copilot: 31 AI credits used this month · no personal limit (pool of ACME)',
    );
    const bar = JSON.parse(r.waybar.stdout);
    expect(bar).toMatchObject({ text: '31', class: 'pool', percentage: 0 });
    expect(bar.tooltip).toContain('pool of ACME');
    const doc = JSON.parse(r.json.stdout);
    expect(Object.keys(doc)).toEqual([...DOCUMENTED_JSON_KEYS]);
    expect(doc).toMatchObject({
      plan: 'business',
      unit: 'credits',
      used: 31,
      allowance: null,
      allowanceSource: null,
      percentUsed: null,
      remaining: null,
      cost: null,
      seat: { billing: 'organization', organizations: ['ACME'], kind: 'pool' },
    });
  });

  it('shows a user-level budget as GitHub’s cap, said to be set by the organisation', async () => {
    const r = await allFormats('budgetSeat', FAKE_OAUTH);
    for (const x of Object.values(r)) expect(x.code).toBe(EXIT.ok);
    const lines = r.text.stdout.split('\n');
    expect(lines[3]).toBe('████████████░░░░░░░░ 59% left · 4,004 / 10,000 used');
    expect(lines[4]).toBe('User budget set by your organisation (acme)');
    expect(r.oneline.stdout.trim()).toBe('Copilot 40% used (4,004/10,000 AI credits)');
    expect(JSON.parse(r.waybar.stdout)).toMatchObject({ text: '40%', class: 'normal', percentage: 40 });
    expect(JSON.parse(r.json.stdout)).toMatchObject({
      used: 4004,
      allowance: 10000,
      allowanceSource: 'github',
      percentUsed: 40.04,
      seat: { billing: 'organization', organizations: ['acme'], kind: 'budget' },
    });
  });

  it('keeps the budget over a custom allowance the user passed: the budget is what stops use', async () => {
    const r = await allFormats('budgetSeat', FAKE_OAUTH, ['--allowance', '1900']);
    expect(JSON.parse(r.json.stdout)).toMatchObject({ allowance: 10000, allowanceSource: 'github' });
  });

  it('reads a hidden seat as a reading with no number (exit 0), saying who can see it', async () => {
    const r = await allFormats('hiddenSeat', FAKE_OAUTH);
    for (const x of Object.values(r)) expect(x.code).toBe(EXIT.ok);
    const lines = r.text.stdout.split('\n');
    expect(lines[3]).toBe('Seat use hidden by gucu-engineers');
    expect(lines[4]).toBe(
      'Only the organisation’s admins can see this seat’s use, or an admin can set a user-level budget for you.',
    );
    for (const out of [r.text.stdout, r.oneline.stdout]) expect(out).not.toMatch(/\d+ (AI credits|used)|%/);
    expect(r.oneline.stdout.trim()).toBe('Copilot: Seat use hidden by gucu-engineers');
    expect(JSON.parse(r.waybar.stdout)).toMatchObject({ text: '–', class: 'hidden', percentage: 0 });
    expect(JSON.parse(r.json.stdout)).toMatchObject({
      used: null,
      allowance: null,
      allowanceSource: null,
      percentUsed: null,
      remaining: null,
      overage: 0,
      unlimited: false,
      seat: { billing: 'organization', organizations: ['gucu-engineers'], kind: 'hidden' },
    });
  });

  it('counts billing items spelled "ai-units" / "copilot_ai_unit", with their worth', async () => {
    const r = await allFormats('patAiUnits', FAKE_PAT, ['--plan', 'pro']);
    for (const x of Object.values(r)) expect(x.code).toBe(EXIT.ok);
    expect(r.text.stdout.split('\n')[3]).toBe('██████████░░░░░░░░░░ 49% left · 750.5 / 1,500 used');
    expect(r.text.stdout).toContain('Worth $7.51 this month · all included in the plan');
    expect(r.oneline.stdout.trim()).toBe('Copilot 50% used (750.5/1,500 AI credits)');
    expect(JSON.parse(r.waybar.stdout)).toMatchObject({ text: '50%', percentage: 50 });
    const doc = JSON.parse(r.json.stdout);
    expect(doc).toMatchObject({
      used: 750.5,
      allowance: 1500,
      allowanceSource: 'plan',
      seat: { billing: 'personal', kind: 'personal' },
      cost: { currency: 'USD', gross: 7.505, included: 7.505, billed: 0 },
    });
    expect(doc.models.map((m: { used: number }) => m.used)).toEqual([600, 150.5]);
  });

  it.each([
    ['patBadQuantities', 'usageItems[1].grossQuantity'],
    ['patOverflowingQuantities', 'usageItems[].grossQuantity'],
    ['patUnknownUnit', 'usageItems[1].unitType'],
  ] as const)('%s: exits 7 naming %s, never a made-up 0 or ∞', async (scenario, field) => {
    const r = await allFormats(scenario, FAKE_PAT, ['--plan', 'pro']);
    for (const x of Object.values(r)) {
      expect(x.code).toBe(EXIT.badResponse);
      expect(`${x.stdout}${x.stderr}`).not.toMatch(/∞|100% left|0 \/ 1,500/);
    }
    expect(r.text.stderr).toContain(field);
    expect(JSON.parse(r.json.stdout).error).toMatchObject({ kind: 'responseShape', missing: [field] });
    expect(JSON.parse(r.waybar.stdout)).toMatchObject({ text: '!', class: 'error' });
  });

  it('says what the month is worth and what is billed beyond the plan, in the user’s language', async () => {
    const r = await allFormats('patPricedOverage', FAKE_PAT, ['--plan', 'pro']);
    expect(r.text.stdout).toContain('Worth $18.20 this month · $3.20 billed beyond the plan');
    expect(r.oneline.stdout.trim()).toBe(
      'Copilot 121% used (1,820/1,500 AI credits) · $3.20 billed beyond the plan',
    );
    expect(JSON.parse(r.json.stdout).cost).toEqual({
      currency: 'USD',
      gross: 18.2,
      included: 15,
      billed: 3.2,
    });
    const fr = await run(['status', '--api-url', fake!.url, '--plan', 'pro', '--lang', 'fr'], {
      COPILOT_METER_TOKEN: FAKE_PAT,
    });
    // French puts (narrow) no-break spaces in amounts.
    expect(fr.stdout.replace(/[\u00a0\u202f]/g, ' ')).toContain(
      'Valeur ce mois-ci : 18,20 $US · 3,20 $US facturés au-delà du forfait',
    );
  });
});
