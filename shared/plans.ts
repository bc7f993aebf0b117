/**
 * Monthly allowances per plan, in both billing worlds. The ONE place these numbers live; the user can override
 * the allowance in settings. Numbers change: update `asOf`/`source` with them.
 */
import type { PlanId, Unit } from './domain';

export interface PlanTable {
  asOf: string;
  source: string;
  allowances: Record<Unit, Partial<Record<PlanId, number>>>;
}

export const PLAN_TABLE: PlanTable = {
  asOf: '2026-06-01',
  source:
    'requests: opencode-mystatus tutorial (COPILOT_PLAN_LIMITS); credits: GitHub changelog on AI credits, per seat, without promotions',
  allowances: {
    requests: { free: 50, pro: 300, 'pro+': 1500, business: 300, enterprise: 1000 },
    credits: { pro: 1500, 'pro+': 7000, max: 20000, business: 1900, enterprise: 3900 },
  },
};

/** Plans that exist in a world, in display order. */
export function plansFor(unit: Unit, table: PlanTable = PLAN_TABLE): PlanId[] {
  return Object.keys(table.allowances[unit]) as PlanId[];
}

export function allowanceFor(plan: PlanId | null, unit: Unit, table: PlanTable = PLAN_TABLE): number | null {
  if (plan === null) return null;
  return table.allowances[unit][plan] ?? null;
}

/** Accepts what people write: "Pro+", "pro_plus", "copilot pro plus", "individual_pro", "Enterprise". */
export function parsePlan(raw: unknown): PlanId | null {
  if (typeof raw !== 'string') return null;
  const s = raw
    .trim()
    .toLowerCase()
    .replace(/^copilot[\s_-]*/, '')
    .replace(/[\s_-]+/g, '');
  switch (s) {
    case 'free':
    case 'freelimitedcopilot':
      return 'free';
    case 'pro':
    case 'individual':
      return 'pro';
    case 'pro+':
    case 'proplus':
    case 'individualpro':
      return 'pro+';
    case 'max':
    case 'promax':
    case 'individualmax':
      return 'max';
    case 'business':
      return 'business';
    case 'enterprise':
      return 'enterprise';
    default:
      return null;
  }
}
