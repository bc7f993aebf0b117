/**
 * What every strategy does the same way: one HTTP call = one Attempt (timed with the injected clock, with the
 * status and the typed error), the internal-user read, and turning its result into a snapshot.
 */
import type { Attempt, CredentialSourceId, StrategyId } from '../../../shared/domain';
import type { ErrorInfo } from '../../../shared/errors';
import { errorInfo } from '../../../shared/errors';
import type { Credential } from '../credentials/types';
import type { GitHubRequest, GitHubResponse } from '../github/types';
import { parseCopilotInternalUser, type InternalUsage } from '../usage/internal-user';
import { buildSnapshot } from '../usage/snapshot';
import { isRecord, nextPeriodStart, periodOf, str } from '../usage/values';
import type { StrategyContext, StrategyResult } from './types';

export type CallResult<T> =
  | { ok: true; value: T; res: GitHubResponse; attempt: Attempt }
  | { ok: false; error: ErrorInfo; attempt: Attempt };

/** Anything thrown that is not one of ours (a bug, an abort) is reported as a network failure without its text,
 *  which could quote a header. */
export function toErrorInfo(e: unknown): ErrorInfo {
  return errorInfo(e) ?? { kind: 'network', detail: e instanceof Error ? e.name : 'unexpected failure' };
}

export const statusOf = (info: ErrorInfo): number | null =>
  'status' in info && typeof info.status === 'number' ? info.status : null;

/**
 * Makes one request and parses it; a parse failure (ResponseShapeError) fails the attempt with the HTTP status
 * that came back. Never throws.
 */
export async function call<T>(
  ctx: StrategyContext,
  strategy: StrategyId,
  credential: CredentialSourceId | null,
  req: GitHubRequest,
  parse: (body: unknown, res: GitHubResponse) => T,
): Promise<CallResult<T>> {
  const started = ctx.clock.now();
  const attempt = (status: number | null, error?: ErrorInfo): Attempt => ({
    strategy,
    credential,
    status,
    durationMs: Math.max(0, ctx.clock.now() - started),
    outcome: error ? 'failed' : 'ok',
    ...(error ? { error } : {}),
  });
  let res: GitHubResponse;
  try {
    res = await ctx.github.get(req, ctx.signal);
  } catch (e) {
    const error = toErrorInfo(e);
    return { ok: false, error, attempt: attempt(statusOf(error), error) };
  }
  try {
    const value = parse(res.body, res);
    return { ok: true, value, res, attempt: attempt(res.status) };
  } catch (e) {
    const error: ErrorInfo = {
      ...toErrorInfo(e),
      ...(res.status ? { status: res.status } : {}),
    } as ErrorInfo;
    return { ok: false, error, attempt: attempt(res.status, error) };
  }
}

export const INTERNAL_USER_PATH = '/copilot_internal/user';
export const TOKEN_EXCHANGE_PATH = '/copilot_internal/v2/token';

/** Reads /copilot_internal/user with a token; `retryBearer` retries once with Bearer when `token` is refused
 *  (session tokens are Bearer tokens for Copilot's own API; reports differ on what this endpoint accepts, and a
 *  refusal may come as 401 or as 404). */
export async function fetchInternalUser(
  ctx: StrategyContext,
  strategy: StrategyId,
  credential: Credential,
  token: string,
  retryBearer: boolean,
): Promise<
  | { ok: true; usage: InternalUsage; attempts: Attempt[] }
  | { ok: false; error: ErrorInfo; attempts: Attempt[] }
> {
  const attempts: Attempt[] = [];
  const once = (scheme: 'token' | 'Bearer') =>
    call(
      ctx,
      strategy,
      credential.source,
      { path: INTERNAL_USER_PATH, token, flavor: 'copilot', scheme },
      (b) => parseCopilotInternalUser(b),
    );
  let r = await once('token');
  attempts.push(r.attempt);
  if (!r.ok && retryBearer && (r.error.kind === 'auth' || r.error.kind === 'notFound')) {
    r = await once('Bearer');
    attempts.push(r.attempt);
  }
  if (!r.ok) return { ok: false, error: r.error, attempts };
  let usage = r.value;
  if (usage.login === null && !credential.login) {
    // Some answers carry no login; GET /user names the token's owner (best effort: the usage stands without it).
    const me = await call(
      ctx,
      strategy,
      credential.source,
      { path: '/user', token, flavor: 'rest', scheme: 'token' },
      (b) => (isRecord(b) ? str(b.login) : null),
    );
    attempts.push(me.attempt);
    if (me.ok && me.value) usage = { ...usage, login: me.value };
  }
  return { ok: true, usage, attempts };
}

export function snapshotFromInternal(
  usage: InternalUsage,
  credential: Credential,
  strategy: StrategyId,
  ctx: StrategyContext,
  attempts: Attempt[],
): StrategyResult {
  const now = ctx.clock.now();
  const period = periodOf(now);
  const plan = usage.plan ?? credential.plan ?? null;
  // Paid plans reset on the 1st (UTC); Free plans reset on their sign-up day, which only GitHub knows.
  const resetAt = usage.resetAt ?? (plan !== null && plan !== 'free' ? nextPeriodStart(period) : null);
  const snapshot = buildSnapshot(
    {
      account: { login: usage.login ?? credential.login ?? ctx.prefs.login ?? '', host: ctx.github.webHost },
      plan,
      unit: usage.unit,
      used: usage.used,
      allowance: usage.allowance,
      allowanceSource: usage.allowanceSource,
      unlimited: usage.unlimited,
      seat: usage.seat,
      overage: usage.overage,
      period,
      resetAt,
      source: { strategy, credential: credential.source },
      fetchedAt: new Date(now).toISOString(),
    },
    ctx.prefs,
  );
  return { ok: true, snapshot, attempts };
}

export const isTransientInfo = (e: ErrorInfo): boolean =>
  e.kind === 'rateLimit' || e.kind === 'network' || e.kind === 'timeout' || e.kind === 'server';
