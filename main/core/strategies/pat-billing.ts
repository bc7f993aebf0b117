/**
 * (1) A personal access token with "Plan: read" against the documented billing usage endpoints. GitHub does not
 * say which billing world an account is in, so both are asked (in parallel) and the data decides. The response
 * never holds the allowance: the plan comes from an OAuth sibling (best effort), the stored tier, or the user.
 */
import type { Attempt, PlanId, StrategyId, Unit } from '../../../shared/domain';
import { responseShapeError, type ErrorInfo } from '../../../shared/errors';
import { isGitHubLogin } from '../../../shared/text';
import { mayUseOn } from '../credentials/host';
import type { Credential } from '../credentials/types';
import { parseTokenExpiration } from '../github/client';
import type { GitHubResponse } from '../github/types';
import { parseBillingUsage, type BillingUsage } from '../usage/billing';
import { parseBillingDay } from '../history/billing-day';
import type { DayReader } from '../history/sync';
import type { InternalUsage } from '../usage/internal-user';
import { buildSnapshot } from '../usage/snapshot';
import { isRecord, nextPeriodStart, periodOf, str } from '../usage/values';
import { call, fetchInternalUser, isTransientInfo, type CallResult } from './common';
import type { StrategyContext, StrategyResult, UsageStrategy } from './types';

export const AI_CREDIT_API_VERSION = '2026-03-10';
export const PREMIUM_REQUEST_API_VERSION = '2022-11-28';

/** AI credits replaced premium requests on 2026-06-01; an empty month from then on is an empty credits month. */
export const CREDITS_SINCE = '2026-06';

/** Exact-case login per token, for the life of the process (a token's owner does not change). */
export type LoginCache = Map<string, string>;

/** What a PAT reading remembers between refreshes (per process, in memory only). */
export interface PatMemory {
  /** token+login+period → the billing world that had items this period. */
  worlds: Map<string, Unit>;
  /** token+login → plan detected from an OAuth sibling (null = none could say), with when. */
  plans: Map<string, { plan: PlanId | null; at: number }>;
}

export const newPatMemory = (): PatMemory => ({ worlds: new Map(), plans: new Map() });

/** How long a detected plan is trusted before the siblings are asked again. */
export const PLAN_MEMORY_MS = 6 * 60 * 60 * 1000;

export interface PatBillingDetails {
  login: string;
  /** True when the login came from GET /user (so a 404 cannot be a wrong username). */
  loginVerified: boolean;
  unit: Unit;
  plan: PlanId | null;
  /** True when the plan came from GitHub (an OAuth sibling), not from a file or the user. */
  planDetected: boolean;
  /** Copilot billing items counted; 0 = nothing used yet this period (or a seat billed elsewhere). */
  items: number;
  /** When GitHub said the token expires (github-authentication-token-expiration), ISO. */
  tokenExpiresAt: string | null;
}

export type PatBillingResult =
  | (Extract<StrategyResult, { ok: true }> & { details: PatBillingDetails; dayReader: DayReader })
  | (Extract<StrategyResult, { ok: false }> & { login?: string });

function expirationOf(res: GitHubResponse): string | null {
  const fromTransport = (res as { tokenExpiresAt?: unknown }).tokenExpiresAt;
  if (typeof fromTransport === 'string' && fromTransport) return fromTransport;
  return parseTokenExpiration(res.headers['github-authentication-token-expiration']) ?? null;
}

/** Which world an answer pair means; see the table in the module comment of decideWorld. */
type WorldAnswer = CallResult<BillingUsage>;

/**
 * - items in exactly one world ⇒ that world; items in both (a month that switched) ⇒ credits, the world the
 *   account is in now;
 * - an answer that cannot be read (responseShape) ⇒ that error, unless the credits world has items: an
 *   unreadable world is never papered over by the other one's empty (or older) answer;
 * - a transient failure and no items elsewhere ⇒ that failure (we cannot tell the world);
 * - both answered empty ⇒ credits from CREDITS_SINCE on, else requests;
 * - one answered (even empty), the other failed (404: the world does not exist for this account) ⇒ the answer;
 * - both failed ⇒ the most useful error: permission, then auth, then an unrecognised answer, then not found.
 */
export function decideWorld(
  credits: WorldAnswer,
  requests: WorldAnswer,
  periodFallback: string,
): { ok: true; unit: Unit; usage: BillingUsage } | { ok: false; error: ErrorInfo; bothNotFound: boolean } {
  const c = credits.ok ? credits.value : null;
  const r = requests.ok ? requests.value : null;
  if (c && c.items > 0) return { ok: true, unit: 'credits', usage: c };
  const errors = [credits, requests].filter((x): x is Extract<WorldAnswer, { ok: false }> => !x.ok);
  // An AI-credits answer that cannot be read (a quantity "NaN", a unit nobody knows) is never replaced by the
  // other world's answer: that would show the credits user a made-up reading (0 used, or old requests).
  const unreadable = !credits.ok && credits.error.kind === 'responseShape' ? credits.error : null;
  if (unreadable) return { ok: false, error: unreadable, bothNotFound: false };
  if (r && r.items > 0) return { ok: true, unit: 'requests', usage: r };
  const shape = errors.find((e) => e.error.kind === 'responseShape');
  if (shape) return { ok: false, error: shape.error, bothNotFound: false };
  const transient = errors.find((e) => isTransientInfo(e.error));
  if (transient) return { ok: false, error: transient.error, bothNotFound: false };
  if (c && r) {
    const period = c.period ?? r.period ?? periodFallback;
    return period >= CREDITS_SINCE
      ? { ok: true, unit: 'credits', usage: c }
      : { ok: true, unit: 'requests', usage: r };
  }
  if (c) return { ok: true, unit: 'credits', usage: c };
  if (r) return { ok: true, unit: 'requests', usage: r };
  // An answer in a shape we do not know (a 200 without usageItems) outranks a 404 of the other world: the
  // server does offer the endpoint, we just cannot read it, and "not offered" would send the user the wrong way.
  const rank = (e: ErrorInfo): number =>
    e.kind === 'auth' && e.reason === 'missingPermission'
      ? 0
      : e.kind === 'auth'
        ? 1
        : e.kind === 'responseShape' || e.kind === 'tooLarge'
          ? 2
          : e.kind === 'notFound'
            ? 3
            : 4;
  const best = [...errors].sort((a, b) => rank(a.error) - rank(b.error))[0]!.error;
  return { ok: false, error: best, bothNotFound: errors.every((e) => e.error.kind === 'notFound') };
}

/** What a Copilot sign-in on this machine says about the same account: its plan and its own usage reading. */
async function askSibling(
  ctx: StrategyContext,
  strategy: StrategyId,
  login: string,
  attempts: Attempt[],
): Promise<InternalUsage | null> {
  const now = ctx.clock.now();
  const usable = (c: Credential) =>
    (c.kind === 'oauth' || (c.kind === 'session' && (c.expiresAt === undefined || c.expiresAt > now))) &&
    mayUseOn(c, ctx.github.webHost);
  // Session tokens first: they are what the internal API answers most reliably.
  const siblings = [
    ...ctx.credentials.filter((c) => usable(c) && c.kind === 'session'),
    ...ctx.credentials.filter((c) => usable(c) && c.kind === 'oauth'),
  ];
  for (const sibling of siblings.slice(0, 3)) {
    const r = await fetchInternalUser(ctx, strategy, sibling, sibling.token, sibling.kind === 'session');
    attempts.push(...r.attempts);
    if (r.ok) {
      // A sibling signed in as someone else says nothing about this PAT's account.
      const same = r.usage.login === null || r.usage.login.toLowerCase() === login.toLowerCase();
      if (same) return r.usage;
    } else if (isTransientInfo(r.error)) {
      break;
    }
  }
  return null;
}

/** The whole PAT reading, with the details the setup check needs; the strategy below is a thin wrapper. */
export async function readPatBilling(
  credential: Credential,
  ctx: StrategyContext,
  loginCache: LoginCache = new Map(),
  strategy: StrategyId = 'pat-billing',
  memory: PatMemory = newPatMemory(),
): Promise<PatBillingResult> {
  const attempts: Attempt[] = [];
  const source = credential.source;
  let login = loginCache.get(credential.token);
  let loginVerified = login !== undefined;
  let tokenExpiresAt: string | null = null;
  let userError: ErrorInfo | undefined;
  if (login === undefined) {
    const me = await call(
      ctx,
      strategy,
      source,
      { path: '/user', token: credential.token, flavor: 'rest' },
      (b) => {
        const given = isRecord(b) ? str(b.login) : null;
        // The login becomes a keychain account, a settings key and a URL path: only GitHub's login grammar.
        if (given !== null && !isGitHubLogin(given)) {
          throw responseShapeError({ missing: ['login'], seen: ['login'], detail: 'not a GitHub login' });
        }
        return given;
      },
    );
    attempts.push(me.attempt);
    if (me.ok) {
      tokenExpiresAt = expirationOf(me.res);
      if (me.value) {
        login = me.value;
        loginVerified = true;
        loginCache.set(credential.token, login);
      }
    } else {
      userError = me.error;
      // A rejected token or an outage will not get better with the billing calls.
      if (me.error.kind === 'auth' && me.error.reason !== 'missingPermission')
        return { ok: false, error: me.error, attempts };
      if (isTransientInfo(me.error)) return { ok: false, error: me.error, attempts };
    }
  }
  login ??= ctx.prefs.login ?? credential.login;
  if (!login) {
    return {
      ok: false,
      error: userError ?? { kind: 'notFound', reason: 'user', detail: 'no username' },
      attempts,
    };
  }

  const now = ctx.clock.now();
  const d = new Date(now);
  const query = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1 };
  const path = (world: string) => `/users/${encodeURIComponent(login)}/settings/billing/${world}/usage`;
  const ask = (world: 'credits' | 'requests') =>
    world === 'credits'
      ? call(
          ctx,
          strategy,
          source,
          {
            path: path('ai_credit'),
            query,
            token: credential.token,
            flavor: 'rest',
            apiVersion: AI_CREDIT_API_VERSION,
          },
          (b) => parseBillingUsage(b, { unit: 'credits' }),
        )
      : call(
          ctx,
          strategy,
          source,
          {
            path: path('premium_request'),
            query,
            token: credential.token,
            flavor: 'rest',
            apiVersion: PREMIUM_REQUEST_API_VERSION,
          },
          (b) => parseBillingUsage(b, { unit: 'requests' }),
        );
  const noteExpiry = (x: WorldAnswer) => {
    if (tokenExpiresAt === null && x.ok) tokenExpiresAt = expirationOf(x.res);
  };

  // Steady state: once this period's world is known (it had items), ask only that endpoint: one request per
  // refresh, answered 304 while nothing changed. Anything unexpected (no items, 404) asks both worlds again.
  const worldKey = `${credential.token}\u0000${login}\u0000${query.year}-${query.month}`;
  const known = memory.worlds.get(worldKey);
  let world: ReturnType<typeof decideWorld> | undefined;
  if (known) {
    const only = await ask(known);
    attempts.push(only.attempt);
    noteExpiry(only);
    if (only.ok && only.value.items > 0) world = { ok: true, unit: known, usage: only.value };
    else if (!only.ok && (isTransientInfo(only.error) || only.error.kind === 'auth'))
      world = { ok: false, error: only.error, bothNotFound: false };
    else memory.worlds.delete(worldKey);
  }
  if (!world) {
    const [credits, requests] = await Promise.all([ask('credits'), ask('requests')]);
    attempts.push(credits.attempt, requests.attempt);
    noteExpiry(credits);
    noteExpiry(requests);
    world = decideWorld(credits, requests, periodOf(now));
    if (world.ok && world.usage.items > 0) memory.worlds.set(worldKey, world.unit);
  }

  if (!world.ok) {
    let error = world.error;
    if (world.bothNotFound) {
      // With the login confirmed by /user, a 404 cannot be a typo: the seat is billed to an organization.
      error = loginVerified
        ? { kind: 'notFound', reason: 'seatBilledToOrg', login, ...statusField(error) }
        : { kind: 'notFound', reason: 'user', login, ...statusField(error) };
    } else if (error.kind === 'auth' && error.reason === 'missingPermission') {
      error = { ...error, permission: 'Plan' };
    }
    return { ok: false, error, attempts, login };
  }

  // The plan changes rarely; asking the OAuth siblings on every refresh would triple the steady-state requests.
  // An empty month is the exception: the sibling is asked again, because its answer decides what empty means.
  const planKey = `${credential.token}\u0000${login}`;
  const remembered = memory.plans.get(planKey);
  let plan: PlanId | null;
  if (remembered && now - remembered.at < PLAN_MEMORY_MS && world.usage.items > 0) plan = remembered.plan;
  else {
    const sibling = await askSibling(ctx, strategy, login, attempts);
    plan = sibling?.plan ?? null;
    memory.plans.set(planKey, { plan, at: now });
    if (
      world.usage.items === 0 &&
      sibling &&
      ((sibling.used ?? 0) > 0 || sibling.seat.billing === 'organization')
    ) {
      // Personal billing shows nothing while the Copilot seat shows use, or is an organisation's seat (a pool, a
      // budget, a hidden seat, even on the 1st with nothing used yet): the seat is billed to an organization.
      // Not a 0 % reading: the chain goes on to the Copilot sign-in, which sees the seat as it is.
      return {
        ok: false,
        error: {
          kind: 'notFound',
          reason: 'seatBilledToOrg',
          login,
          detail: 'personal billing has no Copilot usage while the Copilot sign-in reports some',
        },
        attempts,
        login,
      };
    }
  }
  const planDetected = plan !== null;
  // The user's current choice (settings, --plan) beats the tier written in the seed's old file.
  plan ??= ctx.prefs.plan ?? credential.plan ?? null;
  const period = world.usage.period ?? periodOf(now);
  const snapshot = buildSnapshot(
    {
      account: { login, host: ctx.github.webHost },
      plan,
      unit: world.unit,
      used: world.usage.used,
      allowance: null,
      unlimited: false,
      overage: world.usage.overage,
      models: world.usage.models,
      cost: world.usage.cost,
      // The user's own billing holds the usage: the seat is billed to them, whatever organisations they are in.
      seat: { billing: 'personal', organizations: [], kind: 'personal' },
      period,
      // Billing periods are calendar months (UTC).
      resetAt: nextPeriodStart(period),
      source: { strategy, credential: source },
      fetchedAt: new Date(now).toISOString(),
    },
    ctx.prefs,
  );
  // The history asks the same endpoint for single days (`&day=D`), with the same token and headers.
  const dayReader: DayReader = async (date, unit, signal) => {
    const [year, month, day] = date.split('-').map(Number) as [number, number, number];
    const r = await call(
      signal ? { ...ctx, signal } : ctx,
      strategy,
      source,
      {
        path: path(unit === 'credits' ? 'ai_credit' : 'premium_request'),
        query: { year, month, day },
        token: credential.token,
        flavor: 'rest',
        apiVersion: unit === 'credits' ? AI_CREDIT_API_VERSION : PREMIUM_REQUEST_API_VERSION,
      },
      (b) => parseBillingDay(b, unit),
    );
    if (!r.ok) throw new Error(`day ${date}: ${r.error.kind}`);
    return r.value;
  };
  return {
    ok: true,
    snapshot,
    attempts,
    dayReader,
    details: {
      login,
      loginVerified,
      unit: world.unit,
      plan,
      planDetected,
      items: world.usage.items,
      tokenExpiresAt,
    },
  };
}

const statusField = (e: ErrorInfo): { status?: number } =>
  'status' in e && typeof e.status === 'number' ? { status: e.status } : {};

export function patBillingStrategy(loginCache: LoginCache = new Map()): UsageStrategy {
  const memory = newPatMemory();
  return {
    id: 'pat-billing',
    select: (credentials) => credentials.filter((c) => c.kind === 'pat'),
    async run(credential, ctx): Promise<StrategyResult> {
      const r = await readPatBilling(credential, ctx, loginCache, 'pat-billing', memory);
      return r.ok
        ? { ok: true, snapshot: r.snapshot, attempts: r.attempts, dayReader: r.dayReader }
        : { ok: false, error: r.error, attempts: r.attempts };
    },
  };
}
