/**
 * Parser for the billing usage endpoints (/users/{u}/settings/billing/{ai_credit|premium_request}/usage). Both
 * worlds share the schema; the allowance is never in the response (it comes from the plan, see snapshot.ts).
 */
import type { ModelUsage, Unit } from '../../../shared/domain';
import { responseShapeError } from '../../../shared/errors';
import { isRecord, keysOf, num, round2, str } from './values';

export interface BillingUsage {
  /** The world the items say they are in; null when there were no Copilot items (an empty month). */
  unit: Unit | null;
  /** Σ grossQuantity of the Copilot items of that world. */
  used: number;
  /** Σ netQuantity: what went beyond the included allowance and is billed. */
  overage: number;
  models: ModelUsage[];
  /** "YYYY-MM" from timePeriod, null when the response did not say. */
  period: string | null;
  /** The `user` field, when present. */
  login: string | null;
  /** Number of Copilot items counted (0 = no usage yet, or a seat billed elsewhere). */
  items: number;
}

/**
 * Which world an item belongs to, from unitType or sku. The seed filtered on "Premium" alone and so missed the
 * "Copilot AI Credits" SKU; both spellings are recognised here.
 */
export function itemWorld(item: Record<string, unknown>): Unit | null {
  const text = `${str(item.unitType) ?? ''} ${str(item.sku) ?? ''}`.toLowerCase();
  if (/ai[\s_-]*credit|\bcredits?\b/.test(text)) return 'credits';
  if (/premium[\s_-]*request|\brequests?\b/.test(text)) return 'requests';
  return null;
}

/** "Copilot", "Copilot AI Credits" (the user AI-credit endpoint's own wording), or a Copilot SKU. */
function isCopilotItem(item: Record<string, unknown>): boolean {
  const product = str(item.product)?.toLowerCase() ?? '';
  const sku = str(item.sku)?.toLowerCase() ?? '';
  return product.includes('copilot') || sku.includes('copilot');
}

/**
 * `unit` is the world that was asked for (ai_credit → credits): only items of that world count. Without it, the
 * credits world wins when any item is in it (the switch month lists both). Items whose world cannot be told
 * (the "Copilot Pro" subscription line itself, in user-months) are not usage and never count.
 */
// A 304 hands back the very same (frozen) answer object: its reading is worked out once per answer and world.
const memo = new WeakMap<object, Map<string, BillingUsage>>();

export function parseBillingUsage(body: unknown, opts: { unit?: Unit } = {}): BillingUsage {
  if (typeof body !== 'object' || body === null || !Object.isFrozen(body))
    return parseBillingUsageFresh(body, opts);
  let byUnit = memo.get(body);
  if (!byUnit) memo.set(body, (byUnit = new Map()));
  const key = opts.unit ?? '';
  let usage = byUnit.get(key);
  if (!usage) byUnit.set(key, (usage = parseBillingUsageFresh(body, opts)));
  // A copy: callers may keep or change what they get without touching the memo.
  return { ...usage, models: usage.models.map((m) => ({ ...m })) };
}

function parseBillingUsageFresh(body: unknown, opts: { unit?: Unit } = {}): BillingUsage {
  const items = isRecord(body) ? body.usageItems : undefined;
  if (!Array.isArray(items)) {
    throw responseShapeError({ missing: ['usageItems'], seen: keysOf(body) });
  }
  const copilot = items.filter(isRecord).filter(isCopilotItem);
  const worlds = new Set(copilot.map(itemWorld));
  const unit: Unit | null =
    opts.unit ?? (worlds.has('credits') ? 'credits' : worlds.has('requests') ? 'requests' : null);
  // An item that names a model is usage even when its unit/SKU wording is new to us; the endpoint says the world.
  const counted =
    unit === null
      ? []
      : copilot.filter(
          (i) => itemWorld(i) === unit || (opts.unit && itemWorld(i) === null && str(i.model) !== null),
        );
  let used = 0;
  let overage = 0;
  const byModel = new Map<string, number>();
  for (const item of counted) {
    const gross = Math.max(0, num(item.grossQuantity) ?? 0);
    used += gross;
    // Billed overage in units; some answers only give the amount in dollars, which the unit price converts.
    const netQty = num(item.netQuantity);
    const netAmount = num(item.netAmount);
    const price = num(item.pricePerUnit);
    overage += Math.max(0, netQty ?? (netAmount !== null && price ? netAmount / price : 0));
    const model = str(item.model);
    if (model) byModel.set(model, (byModel.get(model) ?? 0) + gross);
  }
  const models = [...byModel]
    .map(([model, u]) => ({ model, used: round2(u) }))
    .sort((a, b) => b.used - a.used || a.model.localeCompare(b.model));
  return {
    unit: counted.length > 0 ? unit : null,
    used: round2(used),
    overage: round2(overage),
    models,
    period: periodFrom(isRecord(body) ? body.timePeriod : undefined),
    login: isRecord(body) ? str(body.user) : null,
    items: counted.length,
  };
}

/** "YYYY-MM" from {year, month}: whole numbers only, a year of this era (not 1e20, not 1.5). */
function periodFrom(tp: unknown): string | null {
  if (!isRecord(tp)) return null;
  const year = num(tp.year);
  const month = num(tp.month);
  if (year === null || month === null) return null;
  if (!Number.isInteger(year) || year < 2000 || year > 9999) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  return `${year}-${String(month).padStart(2, '0')}`;
}
