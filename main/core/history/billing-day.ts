/**
 * One day of the billing API (`…/usage?year&month&day`): the same schema as a month, so the month parser counts
 * the units; this adds the day's money (Σ grossAmount, Σ netAmount of the counted items), null when GitHub put
 * no amounts on them.
 */
import type { Unit } from '../../../shared/domain';
import { isRecord } from '../../../shared/json';
import { itemWorld, parseBillingUsage } from '../usage/billing';
import { num, str } from '../usage/values';
import type { DayReading } from './sync';

export function parseBillingDay(body: unknown, unit: Unit): DayReading {
  const usage = parseBillingUsage(body, { unit });
  const items = isRecord(body) && Array.isArray(body.usageItems) ? body.usageItems.filter(isRecord) : [];
  const counted = items.filter((i) => {
    const copilot = `${str(i.product) ?? ''} ${str(i.sku) ?? ''}`.toLowerCase().includes('copilot');
    const world = itemWorld(i);
    return copilot && (world === unit || (world === null && str(i.model) !== null));
  });
  let gross: number | null = counted.length === 0 ? 0 : null;
  let billed: number | null = counted.length === 0 ? 0 : null;
  if (counted.length > 0 && counted.every((i) => num(i.grossAmount) !== null)) {
    gross = counted.reduce((a, i) => a + Math.max(0, num(i.grossAmount)!), 0);
    billed = counted.reduce((a, i) => a + Math.max(0, num(i.netAmount) ?? 0), 0);
  }
  const models: Record<string, number> = {};
  for (const m of usage.models) models[m.model] = m.used;
  return { used: usage.used, models, gross, billed };
}
