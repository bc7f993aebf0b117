/**
 * One day of the billing API (`…/usage?year&month&day`): the same schema as a month, so the month parser reads
 * it, units and money alike. A day without Copilot items used nothing and cost nothing; a day whose items carry
 * no prices has unknown money (null), never a made-up 0.
 */
import type { Unit } from '../../../shared/domain';
import { parseBillingUsage } from '../usage/billing';
import type { DayReading } from './sync';

export function parseBillingDay(body: unknown, unit: Unit): DayReading {
  const usage = parseBillingUsage(body, { unit });
  const models: Record<string, number> = {};
  for (const m of usage.models) models[m.model] = m.used;
  const empty = usage.items === 0;
  return {
    used: usage.used,
    models,
    gross: empty ? 0 : (usage.cost?.gross ?? null),
    billed: empty ? 0 : (usage.cost?.billed ?? null),
  };
}
