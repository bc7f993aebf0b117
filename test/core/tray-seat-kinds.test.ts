/**
 * The tray and the alerts for every kind of seat, from the very answers the fake GitHub serves (parsed by the real
 * parsers): an organisation pool has its own face and no percentage, a user-level budget is the cap and says who
 * set it, a hidden seat shows no number and says why, and money shows where GitHub priced the use.
 */
import { describe, expect, it } from 'vitest';
import { evaluateAlerts, EMPTY_MEMORY } from '../../main/core/alerts';
import { renderIcon } from '../../main/core/icon/render';
import { trayView, WIN_TOOLTIP_MAX, type TrayState } from '../../main/core/tray-model';
import { parseBillingUsage } from '../../main/core/usage/billing';
import { parseCopilotInternalUser } from '../../main/core/usage/internal-user';
import { buildSnapshot } from '../../main/core/usage/snapshot';
import type { UsageSnapshot } from '../../shared/domain';
import { HIDDEN_LABEL, POOL_LABEL } from '../../shared/format';
import { createTranslator } from '../../shared/i18n';
import * as fx from '../fake-github/fixtures';
import { trayStateOf } from '../helpers/tray-state';

const NOW = Date.UTC(2026, 10, 14, 10, 0);
const en = createTranslator('en');
const opts = { timeZone: 'UTC' };
const common = {
  account: { login: 'octocat', host: 'github.com' },
  period: '2026-11',
  source: { strategy: 'oauth-direct' as const, credential: 'opencode' as const },
  fetchedAt: new Date(NOW - 60_000).toISOString(),
};

function fromInternal(body: unknown): UsageSnapshot {
  const u = parseCopilotInternalUser(body);
  return { ...buildSnapshot({ ...common, ...u }), attempts: [] };
}

function fromBilling(body: unknown, plan: 'pro'): UsageSnapshot {
  const u = parseBillingUsage(body, { unit: 'credits' });
  return {
    ...buildSnapshot({
      ...common,
      plan,
      unit: 'credits',
      used: u.used,
      allowance: null,
      unlimited: false,
      overage: u.overage,
      models: u.models,
      cost: u.cost,
      resetAt: '2026-12-01T00:00:00.000Z',
      seat: { billing: 'personal', organizations: [], kind: 'personal' },
    }),
    attempts: [],
  };
}

const state = (snapshot: UsageSnapshot): TrayState => trayStateOf(snapshot, NOW);
const menuText = (v: ReturnType<typeof trayView>) => v.menu.map((m) => m.label ?? '').join('\n');

describe('tray: organisation pool', () => {
  const s = fromInternal(fx.internalPoolSeat);
  const v = trayView(state(s), en, NOW, opts);

  it('has a face of its own, not a percentage: waves on a round badge, the count as the title', () => {
    expect(v.iconLabel).toBe(POOL_LABEL);
    expect(v.level).toBe('pool');
    expect(v.title).toBe('31');
    const pool = renderIcon({ label: v.iconLabel, level: v.level, scale: 1 });
    const percent = renderIcon({ label: '1', level: 'normal', scale: 1 });
    // Round: the corner pixel is empty, where a percentage badge is filled.
    expect(pool.data[3]).toBe(0);
    expect(pool.data[(1 * 16 + 1) * 4 + 3]).toBe(0);
    expect(percent.data[(1 * 16 + 1) * 4 + 3]).toBeGreaterThan(0);
  });

  it('says credits used with no personal limit and names the pool’s organisation, with no cap or percentage', () => {
    expect(v.tooltip).toContain('31 AI credits used this month · no personal limit (pool of ACME)');
    expect(v.tooltip).not.toMatch(/%|1,900|allowance unknown/);
    expect(menuText(v)).toContain('pool of ACME');
    expect(v.compactTooltip.length).toBeLessThanOrEqual(WIN_TOOLTIP_MAX);
    expect(v.compactTooltip).toContain('no personal limit');
  });

  it('never sends a percentage alert, however much is used', () => {
    const big = { ...s, used: 1_000_000 };
    const r = evaluateAlerts(EMPTY_MEMORY, { ok: true, snapshot: big }, state(big).settings, en, opts);
    expect(r.notifications).toEqual([]);
  });
});

describe('tray: user-level budget', () => {
  const s = fromInternal(fx.internalBudgetBusiness);
  const v = trayView(state(s), en, NOW, opts);

  it('shows GitHub’s budget as the cap and says the organisation set it', () => {
    expect(v.iconLabel).toBe('40');
    expect(v.level).toBe('normal');
    expect(v.tooltip).toContain('4,004 / 10,000 AI credits used');
    expect(v.tooltip).toContain('40 % used · 59 % left');
    expect(v.tooltip).toContain('User budget set by your organisation (acme)');
    expect(menuText(v)).toContain('User budget set by your organisation (acme)');
  });

  it('alerts against the budget, like any cap', () => {
    const near = { ...s, used: 9_100, percentUsed: 91, remaining: 900 };
    const r = evaluateAlerts(EMPTY_MEMORY, { ok: true, snapshot: near }, state(near).settings, en, opts);
    expect(r.notifications.map((n) => n.threshold)).toEqual([90]);
    expect(r.notifications[0]!.body).toContain('9,100 / 10,000 AI credits used');
    expect(r.notifications[0]!.body).toContain('User budget set by your organisation (acme).');
  });
});

describe('tray: hidden seat', () => {
  const s = fromInternal(fx.internalHiddenSeat);
  const v = trayView(state(s), en, NOW, opts);

  it('shows a closed eye, no number, and says who can see the use', () => {
    expect(v.iconLabel).toBe(HIDDEN_LABEL);
    expect(v.level).toBe('hidden');
    expect(v.title).toBe('');
    expect(v.tooltip).toContain('Seat use hidden by gucu-engineers');
    expect(v.tooltip).toContain('Only the organisation’s admins can see this seat’s use');
    expect(v.tooltip).not.toMatch(/\d+ (AI credits|premium requests) used|%/);
    expect(v.compactTooltip).toContain('Seat use hidden by gucu-engineers');
  });

  it('never sends a percentage alert', () => {
    const r = evaluateAlerts(EMPTY_MEMORY, { ok: true, snapshot: s }, state(s).settings, en, opts);
    expect(r.notifications).toEqual([]);
  });

  it('is translated', () => {
    const zh = trayView(state(s), createTranslator('zh'), NOW, opts);
    expect(zh.tooltip).toContain('gucu-engineers 未向你显示此席位的用量');
  });
});

describe('tray: money', () => {
  it('says what the month is worth and what is billed beyond the plan, and each model’s worth', () => {
    const s = fromBilling(fx.billingPricedOverage, 'pro');
    const v = trayView(state(s), en, NOW, opts);
    expect(v.tooltip).toContain('Worth $18.20 this month · $3.20 billed beyond the plan');
    expect(menuText(v)).toContain('Claude Opus 4.1: 1,400 ($14.00)');
    // A reading with prices but nothing billed says so, and one without prices invents none.
    const within = trayView(state(fromBilling(fx.billingAiUnits, 'pro')), en, NOW, opts);
    expect(within.tooltip).toContain('Worth $7.51 this month · all included in the plan');
    expect(trayView(state(fromInternal(fx.internalBudgetBusiness)), en, NOW, opts).tooltip).not.toContain(
      'Worth',
    );
  });

  it('keeps GitHub’s exact numbers in the snapshot and rounds only on the face', () => {
    const s = fromBilling(fx.billingPricedOverage, 'pro');
    expect(s.models.find((m) => m.model === 'o3')?.used).toBe(3.7524);
    const v = trayView(state(s), en, NOW, opts);
    expect(menuText(v)).toContain('o3: 3.75 ($0.04)');
    expect(menuText(v)).toContain('GPT-5: 416.25 ($4.16)');
  });
});
