import { describe, expect, it } from 'vitest';
import type { UsageSnapshot } from '../../shared/domain';
import { createTranslator } from '../../shared/i18n';
import {
  levelOf,
  renderFailureText,
  renderJson,
  renderOneline,
  renderText,
  renderWaybar,
} from '../../main/cli/render';
import { DOCUMENTED_JSON_KEYS } from '../helpers/json-contract';
import { iconLabel, roundPercent } from '../../shared/format';

const en = createTranslator('en');

function snapshot(over: Partial<UsageSnapshot> = {}): UsageSnapshot {
  return {
    account: { login: 'johndoe', host: 'github.com' },
    plan: 'pro',
    seat: { billing: 'personal', organizations: [], kind: 'personal' },
    unit: 'requests',
    used: 90,
    allowance: 300,
    allowanceSource: 'plan',
    unlimited: false,
    remaining: 210,
    percentUsed: 30,
    overage: 0,
    cost: null,
    models: [
      { model: 'Claude Sonnet 4.5', used: 60 },
      { model: 'GPT-5', used: 30 },
    ],
    period: '2026-01',
    resetAt: '2026-02-01T00:00:00Z',
    source: { strategy: 'pat-billing', credential: 'keychain' },
    fetchedAt: '2026-01-15T10:00:00Z',
    attempts: [],
    ...over,
  };
}

describe('text output', () => {
  it("keeps the seed's layout and labels what is left and what is used", () => {
    const text = renderText(snapshot(), en).split('\n');
    expect(text[0]).toBe('## GitHub Copilot Account Quota');
    expect(text[1]).toBe('Account: GitHub Copilot (@johndoe) · Copilot Pro');
    expect(text[2]).toBe('Premium requests');
    // 70 % left → 14 of 20 cells full.
    expect(text[3]).toBe('██████████████░░░░░░ 70% left · 90 / 300 used');
    expect(text[4]).toMatch(/^Period: 2026-01 · resets /);
    expect(text).toContain('By model:');
    expect(text.some((l) => l.includes('Claude Sonnet 4.5') && l.trim().endsWith('60'))).toBe(true);
  });

  it('shows an empty bar and the overage when over the allowance', () => {
    const text = renderText(
      snapshot({
        unit: 'credits',
        used: 1650.5,
        allowance: 1500,
        remaining: -150.5,
        percentUsed: 110.03,
        overage: 150.5,
      }),
      en,
    );
    expect(text).toContain('AI credits');
    expect(text).toContain('░░░░░░░░░░░░░░░░░░░░ 0% left · 1,650.5 / 1,500 used');
    expect(text).toContain('150.5 over the allowance');
  });

  it('says unlimited, or asks for a plan, instead of inventing a percentage', () => {
    const unlimited = renderText(
      snapshot({ unlimited: true, allowance: null, remaining: null, percentUsed: null }),
      en,
    );
    expect(unlimited).toContain('Unlimited · 90 used');
    expect(unlimited).not.toMatch(/% left/);
    const unknown = renderText(
      snapshot({ plan: null, allowance: null, remaining: null, percentUsed: null }),
      en,
    );
    expect(unknown).toContain('allowance unknown');
    expect(unknown).not.toMatch(/\d% left/);
  });

  it('is translated', () => {
    expect(renderText(snapshot(), createTranslator('fr'))).toContain('70 % restant · 90 / 300 utilisés');
    expect(renderText(snapshot(), createTranslator('zh'))).toContain('剩余 70% · 已用 90 / 300');
  });
});

describe('failure output', () => {
  it('explains the error and lists every attempt with its status', () => {
    const text = renderFailureText(
      { kind: 'auth', reason: 'missingPermission', permission: 'Plan', status: 403 },
      [
        {
          strategy: 'pat-billing',
          credential: 'keychain',
          status: 403,
          durationMs: 120.4,
          outcome: 'failed',
          error: { kind: 'auth', reason: 'missingPermission', permission: 'Plan', status: 403 },
        },
        {
          strategy: 'oauth-direct',
          credential: 'opencode',
          status: 401,
          durationMs: 80,
          outcome: 'failed',
          error: { kind: 'auth', reason: 'revoked', status: 401 },
        },
      ],
      en,
    );
    expect(text).toContain('Plan');
    expect(text).toContain('What was tried:');
    expect(text).toMatch(/1\. fine-grained token → billing API \(system keychain\): HTTP 403, 120 ms/);
    expect(text).toMatch(/2\. Copilot sign-in \(OAuth\) \(OpenCode sign-in\): HTTP 401/);
  });

  it('says nothing was asked when no credential exists', () => {
    expect(renderFailureText({ kind: 'config', reason: 'noCredential' }, [], en)).toContain(
      'No credential was found',
    );
  });
});

describe('machine formats', () => {
  it('json carries exactly the documented top-level keys', () => {
    const s = snapshot();
    const doc = JSON.parse(renderJson({ ok: true, snapshot: s, attempts: [] }, en));
    expect(Object.keys(doc)).toEqual([...DOCUMENTED_JSON_KEYS]);
    expect(doc.account).toEqual({ login: 'johndoe', host: 'github.com' });
  });

  it('json on failure carries the typed error with a localised message', () => {
    const doc = JSON.parse(
      renderJson({ ok: false, error: { kind: 'rateLimit', retryAt: null }, attempts: [] }, en),
    );
    expect(doc.error.kind).toBe('rateLimit');
    expect(doc.error.message).toContain('rate-limiting');
  });

  it('oneline and waybar summarise the share used', () => {
    const r = { ok: true as const, snapshot: snapshot({ percentUsed: 91.2 }), attempts: [] };
    expect(renderOneline(r, en)).toBe('Copilot 91% used (90/300 premium requests)');
    const w = JSON.parse(renderWaybar(r, en, [75, 90, 100]));
    expect(w).toMatchObject({ text: '91%', class: 'critical', percentage: 91 });
  });

  it('levels follow the thresholds', () => {
    expect(levelOf(snapshot({ percentUsed: 10 }), [75, 90, 100])).toBe('normal');
    expect(levelOf(snapshot({ percentUsed: 75 }), [75, 90, 100])).toBe('warning');
    expect(levelOf(snapshot({ percentUsed: 95 }), [90, 75])).toBe('critical');
    expect(levelOf(snapshot({ percentUsed: 100.5 }), [75, 90, 100])).toBe('over');
  });
});

describe('waybar tooltip', () => {
  it('starts with the account line, not the markdown heading', () => {
    const w = JSON.parse(renderWaybar({ ok: true, snapshot: snapshot(), attempts: [] }, en, [75, 90, 100]));
    expect(w.tooltip.split('\n')[0]).toBe('Account: GitHub Copilot (@johndoe) · Copilot Pro');
  });
});

describe('percent rounding', () => {
  const at = (used: number, allowance: number, over: Partial<UsageSnapshot> = {}) => ({
    ok: true as const,
    snapshot: snapshot({
      used,
      allowance,
      remaining: allowance - used,
      percentUsed: (used / allowance) * 100,
      ...over,
    }),
    attempts: [],
  });

  it('rounds both the share used and the share left down, so neither claims more than is true', () => {
    const r = at(298.8, 300);
    expect(renderOneline(r, en)).toBe('Copilot 99% used (298.8/300 premium requests)');
    expect(renderText(r.snapshot, en)).toContain(' 0% left · 298.8 / 300 used');
    expect(JSON.parse(renderWaybar(r, en, [75, 90, 100])).text).toBe('99%');
  });

  it('never says "100% left" once anything is used (Max, 12.5 of 20,000 AI credits)', () => {
    const r = at(12.5, 20000, { plan: 'max', unit: 'credits' });
    expect(renderText(r.snapshot, en)).toContain(' 99% left · 12.5 / 20,000 used');
    expect(renderOneline(r, en)).toBe('Copilot 0% used (12.5/20,000 AI credits)');
  });

  it('shows the same whole percent on every face: oneline, waybar text and percentage, tray icon, tooltip', () => {
    for (const [used, shown] of [
      [2.4, '0'],
      [0.2, '0'],
      [29, '9'],
      [87, '29'],
      [299.99, '99'],
    ] as const) {
      const r = at(used, 300);
      const waybar = JSON.parse(renderWaybar(r, en, [75, 90, 100]));
      expect(renderOneline(r, en)).toContain(`Copilot ${shown}% used`);
      expect(waybar.text).toBe(`${shown}%`);
      expect(waybar.percentage).toBe(Number(shown));
      expect(iconLabel(r.snapshot)).toBe(shown);
      expect(roundPercent(r.snapshot.percentUsed!)).toBe(Number(shown));
    }
  });
});
