/**
 * Parser for the billing usage endpoints (/users/{u}/settings/billing/{ai_credit|premium_request}/usage). Both
 * worlds share the schema; the allowance is never in the response (it comes from the plan, see snapshot.ts).
 * Numbers are kept exactly as GitHub gave them (only summed); faces round them.
 */
import type { Cost, ModelUsage, Unit } from '../../../shared/domain';
import { responseShapeError } from '../../../shared/errors';
import { exact, isRecord, keysOf, num, quantity, str } from './values';

export interface BillingUsage {
  /** The world the items say they are in; null when there were no Copilot items (an empty month). */
  unit: Unit | null;
  /** Σ grossQuantity of the Copilot items of that world. */
  used: number;
  /** Σ netQuantity: what went beyond the included allowance and is billed. */
  overage: number;
  /** Σ of the items' amounts (US dollars) when every counted item was priced; null otherwise. */
  cost: Cost | null;
  models: ModelUsage[];
  /** "YYYY-MM" from timePeriod, null when the response did not say. */
  period: string | null;
  /** The `user` field, when present. */
  login: string | null;
  /** Number of Copilot items counted (0 = no usage yet, or a seat billed elsewhere). */
  items: number;
}

/** Words GitHub has used for each world's unit (unitType, sku, product): counted by meaning, not by spelling. */
const CREDITS = /ai[\s_-]*(credit|unit)|\bcredits?\b/;
const REQUESTS = /premium[\s_-]*request|\brequests?\b/;
/** The Copilot subscription line itself ("Copilot Pro", user-months): a charge, not usage. */
const SUBSCRIPTION = /user[\s_-]*months?|\bseats?\b|licen[cs]es?|subscriptions?/;

const worldOf = (text: string | null): Unit | 'subscription' | null => {
  if (text === null) return null;
  const t = text.toLowerCase();
  if (CREDITS.test(t)) return 'credits';
  if (REQUESTS.test(t)) return 'requests';
  if (SUBSCRIPTION.test(t)) return 'subscription';
  return null;
};

/**
 * Which world an item belongs to: its unitType when that names one, else its sku, else its product. The seed
 * filtered on "Premium" alone and so missed the "Copilot AI Credits" SKU; every spelling seen (`ai-credits`,
 * `credits`, `ai-units`, `AI Credit`, `copilot_ai_unit`, `Copilot Premium Request`, `requests`) is recognised.
 * null when nothing says.
 */
export function itemWorld(item: Record<string, unknown>): Unit | null {
  const w = itemKind(item);
  return w === 'credits' || w === 'requests' ? w : null;
}

function itemKind(item: Record<string, unknown>): Unit | 'subscription' | 'unknown' | null {
  const unitType = str(item.unitType);
  const byUnit = worldOf(unitType);
  if (byUnit) return byUnit;
  const bySku = worldOf(str(item.sku));
  if (bySku) return bySku;
  // A unit GitHub named that we cannot read: never guessed, never skipped.
  if (unitType !== null) return 'unknown';
  const product = str(item.product);
  const byProduct = product && product.toLowerCase() !== 'copilot' ? worldOf(product) : null;
  return byProduct ?? null;
}

/** "Copilot", "Copilot AI Credits" (the user AI-credit endpoint's own wording), or a Copilot SKU. */
function isCopilotItem(item: Record<string, unknown>): boolean {
  const product = str(item.product)?.toLowerCase() ?? '';
  const sku = str(item.sku)?.toLowerCase() ?? '';
  return product.includes('copilot') || sku.includes('copilot');
}

/**
 * `unit` is the world that was asked for (ai_credit → credits): only items of that world count; an item that
 * names no unit at all is taken to be in it. Without it, the credits world wins when any item is in it (the
 * switch month lists both). The subscription line is not usage. A Copilot item whose unit is named but not
 * known, or whose quantity is not a finite non-negative number, makes the whole answer unrecognised (naming the
 * item and field): counting it as 0 would show a made-up reading.
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
  return {
    ...usage,
    cost: usage.cost && { ...usage.cost },
    models: usage.models.map((m) => ({ ...m, cost: m.cost ? { ...m.cost } : null })),
  };
}

type Money = { gross: number; included: number; billed: number };

function parseBillingUsageFresh(body: unknown, opts: { unit?: Unit } = {}): BillingUsage {
  const items = isRecord(body) ? body.usageItems : undefined;
  if (!Array.isArray(items)) {
    throw responseShapeError({ missing: ['usageItems'], seen: keysOf(body) });
  }
  const unrecognised = (i: number, field: string, item: unknown, detail: string): never => {
    throw responseShapeError({
      missing: [`usageItems[${i}].${field}`],
      seen: keysOf(item).map((k) => `usageItems[${i}].${k}`),
      detail,
    });
  };
  const copilot: Array<{ i: number; item: Record<string, unknown>; kind: ReturnType<typeof itemKind> }> = [];
  items.forEach((item, i) => {
    if (!isRecord(item)) unrecognised(i, '(object)', item, `usage item ${i} is not an object`);
    else if (isCopilotItem(item)) copilot.push({ i, item, kind: itemKind(item) });
  });
  for (const c of copilot)
    if (c.kind === 'unknown')
      unrecognised(
        c.i,
        'unitType',
        c.item,
        `usage item ${c.i} has an unknown unit "${str(c.item.unitType)}"`,
      );
  const worlds = new Set(copilot.map((c) => c.kind));
  const unit: Unit | null =
    opts.unit ?? (worlds.has('credits') ? 'credits' : worlds.has('requests') ? 'requests' : null);
  const counted =
    unit === null
      ? []
      : copilot.filter((c) => c.kind === unit || (opts.unit !== undefined && c.kind === null));

  let used = 0;
  let overage = 0;
  let money: Money | null = { gross: 0, included: 0, billed: 0 };
  const byModel = new Map<string, { used: number; money: Money | null }>();
  for (const { i, item } of counted) {
    const q = (field: string): number | undefined => {
      const v = quantity(item[field]);
      return v === 'bad'
        ? unrecognised(i, field, item, `usage item ${i}: ${field} is not a finite, non-negative number`)
        : v;
    };
    const gross = q('grossQuantity');
    if (gross === undefined)
      unrecognised(i, 'grossQuantity', item, `usage item ${i} does not say how much was used`);
    const netQty = q('netQuantity');
    const price = q('pricePerUnit');
    const grossAmount = q('grossAmount');
    const discountAmount = q('discountAmount');
    const netAmount = q('netAmount');
    q('discountQuantity');
    used += gross!;
    // Billed overage in units; some answers only give the amount in dollars, which the unit price converts.
    overage += netQty ?? (netAmount !== undefined && price ? netAmount / price : 0);
    // What the item is worth: its amounts, else its quantities at the unit price; unknown without either.
    const g = grossAmount ?? (price !== undefined ? gross! * price : undefined);
    const b = netAmount ?? (price !== undefined && netQty !== undefined ? netQty * price : undefined);
    const inc = discountAmount ?? (g !== undefined && b !== undefined ? Math.max(0, g - b) : undefined);
    const itemMoney: Money | null =
      g !== undefined && b !== undefined && inc !== undefined ? { gross: g, included: inc, billed: b } : null;
    money = addMoney(money, itemMoney);
    const model = str(item.model);
    if (model) {
      const m = byModel.get(model) ?? { used: 0, money: { gross: 0, included: 0, billed: 0 } };
      m.used += gross!;
      m.money = addMoney(m.money, itemMoney);
      byModel.set(model, m);
    }
  }
  // Each item may be finite and the sum still overflow (1e308 + 1e308): ∞ is not a reading.
  const sums = [used, overage, ...(money ? [money.gross, money.included, money.billed] : [])];
  if (!sums.every(Number.isFinite))
    throw responseShapeError({
      missing: ['usageItems[].grossQuantity'],
      seen: ['usageItems'],
      detail: 'the usage items add up to more than a number can hold',
    });
  const models = [...byModel]
    .map(([model, m]) => ({ model, used: exact(m.used), cost: costOf(m.money) }))
    .sort((a, b) => b.used - a.used || a.model.localeCompare(b.model));
  return {
    unit: counted.length > 0 ? unit : null,
    used: exact(used),
    overage: exact(Math.max(0, overage)),
    cost: counted.length > 0 ? costOf(money) : null,
    models,
    period: periodFrom(isRecord(body) ? body.timePeriod : undefined),
    login: isRecord(body) ? str(body.user) : null,
    items: counted.length,
  };
}

function addMoney(sum: Money | null, item: Money | null): Money | null {
  if (sum === null || item === null) return null;
  return {
    gross: sum.gross + item.gross,
    included: sum.included + item.included,
    billed: sum.billed + item.billed,
  };
}

function costOf(m: Money | null): Cost | null {
  if (m === null || ![m.gross, m.included, m.billed].every(Number.isFinite)) return null;
  return { currency: 'USD', gross: exact(m.gross), included: exact(m.included), billed: exact(m.billed) };
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
