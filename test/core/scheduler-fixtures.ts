/** Snapshots and results for scheduler and alert tests. */
import type { RefreshResult, UsageSnapshot } from '../../shared/domain';
import type { ErrorInfo } from '../../shared/errors';

export function snapshotAt(
  now: number,
  percentUsed: number,
  over: Partial<UsageSnapshot> = {},
): UsageSnapshot {
  const allowance = 300;
  const used = Math.round((percentUsed / 100) * allowance * 10) / 10;
  const iso = new Date(now).toISOString();
  const period = iso.slice(0, 7);
  const [y, m] = period.split('-').map(Number) as [number, number];
  return {
    account: { login: 'octocat', host: 'github.com' },
    plan: 'pro',
    seat: { billing: 'personal', organizations: [], kind: 'personal' },
    unit: 'requests',
    used,
    allowance,
    allowanceSource: 'plan',
    unlimited: false,
    remaining: allowance - used,
    percentUsed,
    overage: Math.max(0, used - allowance),
    cost: null,
    models: [],
    period,
    resetAt: new Date(Date.UTC(y, m, 1)).toISOString(),
    source: { strategy: 'pat-billing', credential: 'keychain' },
    fetchedAt: iso,
    attempts: [],
    ...over,
  };
}

export const ok = (snapshot: UsageSnapshot): RefreshResult => ({ ok: true, snapshot, attempts: [] });
export const fail = (error: ErrorInfo): RefreshResult => ({ ok: false, error, attempts: [] });
