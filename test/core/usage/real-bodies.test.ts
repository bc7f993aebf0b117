/**
 * Bodies published in public issue threads, fixtures and docs of other Copilot usage tools (sources in
 * test/fixtures/real/SOURCES.md). Every one must give either sound numbers or an honest "unrecognised" error —
 * never a crash and never a made-up 0 % — and the ones checked by hand must give exactly these figures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isResponseShapeError } from '../../../shared/errors';
import { parseBillingUsage } from '../../../main/core/usage/billing';
import { parseCopilotInternalUser } from '../../../main/core/usage/internal-user';
import { buildSnapshot } from '../../../main/core/usage/snapshot';

const DIR = join(__dirname, '../../fixtures/real');
const body = (prefix: string): unknown => {
  const file = readdirSync(DIR).find((f) => f.startsWith(prefix) && f.endsWith('.json'));
  if (!file) throw new Error(`no fixture ${prefix}`);
  return JSON.parse(readFileSync(join(DIR, file), 'utf8'));
};
const files = readdirSync(DIR).filter((f) => f.endsWith('.json'));

const base = {
  account: { login: 'octocat', host: 'github.com' },
  period: '2026-08',
  resetAt: null,
  source: { strategy: 'oauth-direct' as const, credential: 'opencode' as const },
  fetchedAt: '2026-08-15T00:00:00Z',
};

describe('real /copilot_internal/user bodies', () => {
  for (const f of files.filter((x) => x.startsWith('I'))) {
    it(`${f}: numbers that add up, or an honest "unrecognised"`, () => {
      let u;
      try {
        u = parseCopilotInternalUser(body(f.slice(0, 3)));
      } catch (e) {
        expect(isResponseShapeError(e)).toBe(true);
        return;
      }
      const s = buildSnapshot({ ...base, ...u, models: [] });
      if (s.seat.kind === 'hidden') {
        // A hidden seat is a known shape: no number at all, never 0.
        expect([s.used, s.allowance, s.percentUsed, s.remaining]).toEqual([null, null, null, null]);
        return;
      }
      expect(s.used).toBeGreaterThanOrEqual(0);
      if (s.allowance !== null && s.allowance > 0) {
        expect(s.remaining).toBeCloseTo(s.allowance - s.used!, 2);
        expect(s.percentUsed).toBeCloseTo((s.used! / s.allowance) * 100, 1);
      } else {
        expect(s.percentUsed).toBeNull();
      }
    });
  }

  it.each([
    ['I01', { unit: 'requests', used: 301, allowance: 300, overage: 1 }],
    [
      'I03',
      {
        plan: 'business',
        unit: 'credits',
        used: 31,
        allowance: null,
        seat: { kind: 'pool', billing: 'organization', organizations: ['<ORG>'] },
      },
    ],
    ['I05', { unit: 'credits', used: 4285.1, allowance: 70000, seat: { kind: 'budget' } }],
    ['I14', { unit: 'credits', allowance: 1000000, seat: { kind: 'budget' } }],
    ['I04', { plan: 'pro+', unit: 'requests', used: 1026.33, allowance: 1500 }],
    ['I06', { plan: 'free', used: 5.2, allowance: 200 }],
    ['I08', { plan: 'free', used: 90, allowance: 500 }],
    ['I13', { plan: 'enterprise', unit: 'credits', allowance: 10_000_000 }],
    ['I15', { plan: 'max', unit: 'credits', used: 5000, allowance: 20000 }],
    ['I17', { unit: 'credits', used: 13518.1, allowance: 1500, overage: 12018.1 }],
  ])('%s gives the figures a careful reader computes', (id, expected) => {
    expect(parseCopilotInternalUser(body(id))).toMatchObject(expected);
  });

  it.each([
    ['I02', 'business', []],
    ['I21', 'enterprise', ['gucu-engineers']],
  ])(
    '%s (organisation seat, every entitlement 0, nothing used said) is a hidden seat: no number',
    (id, plan, orgs) => {
      expect(parseCopilotInternalUser(body(id))).toMatchObject({
        plan,
        used: null,
        allowance: null,
        seat: { kind: 'hidden', billing: 'organization', organizations: orgs },
      });
    },
  );
});

describe('real billing usage bodies', () => {
  it.each([
    ['B03', 'credits', 15.5, ['Gemini 3.1 Pro', 'GPT-5.6']],
    ['B04', 'credits', 3000, ['GPT-5', 'Claude Sonnet']],
    ['B06', 'credits', 10, null],
    ['B08', null, 0, []],
  ] as const)('%s: %s, %d used', (id, unit, used, models) => {
    const u = parseBillingUsage(body(id), { unit: unit ?? 'credits' });
    expect(u.used).toBe(used);
    if (unit) expect(u.unit).toBe(unit);
    if (models) expect(u.models.map((m) => m.model)).toEqual(models);
  });
});

describe('real billing usage bodies: unit spellings and money', () => {
  it('B09 (org summary, sku copilot_ai_unit, unitType ai-units) counts every credit, exactly, with its worth', () => {
    const u = parseBillingUsage(body('B09'));
    expect(u).toMatchObject({ unit: 'credits', used: 298.698546, items: 1 });
    expect(u.cost).toEqual({ currency: 'USD', gross: 2.98698546, included: 2.98698546, billed: 0 });
  });

  it('B10 (ai-units, no discount or net amounts) counts the credits and tells no made-up cost', () => {
    const u = parseBillingUsage(body('B10'), { unit: 'credits' });
    expect(u).toMatchObject({ unit: 'credits', used: 68.5548, cost: null });
  });

  it('B07 (enterprise, a few credits billed) keeps GitHub’s exact amounts, billed beyond the plan included', () => {
    const u = parseBillingUsage(body('B07'), { unit: 'credits' });
    expect(u.used).toBe(5622.75012);
    expect(u.overage).toBe(1.62087);
    expect(u.cost).toEqual({
      currency: 'USD',
      gross: 56.2275012,
      included: 56.2112925,
      billed: 0.0162087,
    });
  });

  it('B03 (product "Copilot AI Credits", sku "AI Credit") prices each model', () => {
    const u = parseBillingUsage(body('B03'), { unit: 'credits' });
    expect(u.models[0]).toEqual({
      model: 'Gemini 3.1 Pro',
      used: 12.5,
      cost: { currency: 'USD', gross: 0.125, included: 0.125, billed: 0 },
    });
  });
});
