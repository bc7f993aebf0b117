/**
 * The GitHub client: URL building, headers (headers.ts), timeouts, retries, ETag revalidation and the mapping of
 * every HTTP outcome to a typed AppError. Strategies say what to ask and parse what comes back; nothing else.
 *
 * Retry policy (the scheduler and the UI rely on it, keep this comment true):
 * - Retried, up to `retries` more times (default 2, so at most 3 requests per call): transport failures
 *   (network), timeouts, 5xx, and rate limits (429, or 403 that says it is one) whose wait is known and
 *   short: at most `maxRetryWaitMs` (default 5 s).
 * - The wait before a retry is what the server asked for (Retry-After in seconds or as an HTTP date, else
 *   x-ratelimit-reset) when it said; otherwise exponential backoff with full jitter:
 *   random() * min(backoffCapMs = 8 s, backoffBaseMs = 500 ms * 2^n) for the n-th retry (n from 0).
 * - Never retried: 401, 403 (permission), 404, other 4xx, bodies that are not JSON, and rate limits with a
 *   long wait: those throw at once with `retryAt`, so the scheduler backs off instead of us holding a request
 *   open for minutes. A rate limit with no time at all gets retryAt = now + 60 s, GitHub's documented minimum
 *   wait for secondary rate limits.
 * - Every wait goes through clock.sleep with the caller's signal, so a refresh can be cancelled at any point;
 *   an abort surfaces as the signal's reason, not as a network error.
 *
 * ETag: a 2xx with an ETag is remembered per (URL, hash of the token) and the next call sends If-None-Match;
 * a 304 (which GitHub does not count against the rate limit) returns the remembered body with notModified.
 * The token itself is never a key, never logged and never put into an error: details are GitHub's `message`,
 * shortened and scrubbed of anything token-shaped.
 */
import { createHash } from 'node:crypto';
import {
  AppError,
  authError,
  configError,
  networkError,
  notFoundError,
  rateLimitError,
  responseShapeError,
  serverError,
} from '../../../shared/errors';
import type { Clock, Http, HttpResponse, Random } from '../ports';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../../../shared/json';
import { githubHeaders } from './headers';
import type { GitHubClient, GitHubRequest, GitHubResponse } from './types';
import { normalizeApiUrl, webHost } from './url';

export interface EtagEntry {
  etag: string;
  /** The raw body text. */
  body: string;
  /**
   * The parsed body, deep-frozen so no caller can change the cached copy; handed out again on each 304 (the
   * same object, which also lets parsers memoise their result per answer).
   */
  parsed?: unknown;
}

/**
 * Freezes a parsed JSON value all the way down (objects and arrays only; JSON has no other containers).
 * Iterative: however deep the value, the call stack does not grow.
 */
export function deepFreeze<T>(value: T): T {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || Object.isFrozen(v)) continue;
    Object.freeze(v);
    for (const child of Object.values(v)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return value;
}

/** The longest wait a server may ask for; a longer Retry-After or reset time is read as this (24 h). */
export const MAX_SERVER_WAIT_MS = 24 * 60 * 60 * 1000;

export interface EtagCache {
  get(key: string): EtagEntry | undefined;
  set(key: string, entry: EtagEntry): void;
  delete(key: string): void;
}

/** In-memory, bounded (oldest entry evicted first): a handful of endpoints × a handful of tokens. */
export function createEtagCache(maxEntries = 64): EtagCache {
  const map = new Map<string, EtagEntry>();
  return {
    get: (key) => map.get(key),
    set(key, entry) {
      map.delete(key);
      map.set(key, entry);
      while (map.size > maxEntries) map.delete(map.keys().next().value as string);
    },
    delete: (key) => void map.delete(key),
  };
}

export const CLIENT_DEFAULTS = {
  timeoutMs: 10_000,
  retries: 2,
  maxRetryWaitMs: 5_000,
  backoffBaseMs: 500,
  backoffCapMs: 8_000,
  /** GitHub: "If the retry-after header is not present, wait for at least one minute". */
  unknownRateLimitWaitMs: 60_000,
} as const;

export interface GitHubClientOptions {
  /** Any form normalizeApiUrl accepts; default https://api.github.com. */
  apiUrl?: string;
  http: Http;
  clock: Clock;
  /** [0, 1) for backoff jitter; default Math.random. */
  random?: Random;
  timeoutMs?: number;
  retries?: number;
  maxRetryWaitMs?: number;
  backoffBaseMs?: number;
  backoffCapMs?: number;
  /** Default: a fresh in-memory cache for this client; false turns conditional requests off. */
  etagCache?: EtagCache | false;
  /** For the rest User-Agent (default: package.json version). */
  appVersion?: string;
}

export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const baseUrl = normalizeApiUrl(options.apiUrl);
  const { http, clock } = options;
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs;
  const retries = Math.max(0, options.retries ?? CLIENT_DEFAULTS.retries);
  const maxRetryWaitMs = options.maxRetryWaitMs ?? CLIENT_DEFAULTS.maxRetryWaitMs;
  const baseMs = options.backoffBaseMs ?? CLIENT_DEFAULTS.backoffBaseMs;
  const capMs = options.backoffCapMs ?? CLIENT_DEFAULTS.backoffCapMs;
  const cache = options.etagCache === false ? null : (options.etagCache ?? createEtagCache());

  const backoff = (n: number): number => Math.floor(random() * Math.min(capMs, baseMs * 2 ** n));

  async function get(req: GitHubRequest, signal?: AbortSignal): Promise<GitHubResponse> {
    const url = buildUrl(baseUrl, req.path, req.query);
    const headers = githubHeaders({
      token: req.token,
      flavor: req.flavor,
      ...(req.apiVersion !== undefined ? { apiVersion: req.apiVersion } : {}),
      ...(req.scheme !== undefined ? { scheme: req.scheme } : {}),
      ...(options.appVersion !== undefined ? { appVersion: options.appVersion } : {}),
    });
    const key = cacheKey(url, req.token);
    const started = clock.now();

    for (let attempt = 0; ; attempt++) {
      signal?.throwIfAborted();
      const cached = cache?.get(key);
      const sent = cached ? { ...headers, 'If-None-Match': cached.etag } : headers;
      let outcome: Outcome;
      try {
        const res = await http.request({
          url,
          method: 'GET',
          headers: sent,
          timeoutMs,
          ...(signal ? { signal } : {}),
        });
        outcome = interpret(res, cached, req.token, clock.now());
      } catch (e) {
        if (signal?.aborted) throw signal.reason ?? e;
        const error = e instanceof AppError ? e : networkError({ detail: 'transport failed' }, { cause: e });
        outcome = {
          ok: false,
          error,
          retryAfterMs: error.kind === 'network' || error.kind === 'timeout' ? null : -1,
        };
      }

      if (outcome.ok) {
        const { res, body, notModified } = outcome;
        if (cache && !notModified && res.status >= 200 && res.status < 300) {
          const etag = res.headers['etag'];
          if (etag) cache.set(key, { etag, body: res.body, parsed: deepFreeze(body) });
          else cache.delete(key);
        }
        const tokenExpiresAt = parseTokenExpiration(res.headers['github-authentication-token-expiration']);
        return {
          status: res.status,
          body,
          notModified,
          headers: res.headers,
          durationMs: Math.max(0, clock.now() - started),
          ...(tokenExpiresAt ? { tokenExpiresAt } : {}),
        };
      }

      // retryAfterMs: -1 = not retryable; null = retryable after backoff; n = retryable after the server's n ms.
      const { error, retryAfterMs } = outcome;
      if (attempt >= retries || retryAfterMs === -1) throw error;
      if (retryAfterMs !== null && retryAfterMs > maxRetryWaitMs) throw error;
      const wait = retryAfterMs !== null && retryAfterMs > 0 ? retryAfterMs : backoff(attempt);
      await clock.sleep(wait, signal);
    }
  }

  return { baseUrl, webHost: webHost(baseUrl), get };
}

type Outcome =
  | { ok: true; res: HttpResponse; body: unknown; notModified: boolean }
  | { ok: false; error: AppError; retryAfterMs: number | null };

function interpret(res: HttpResponse, cached: EtagEntry | undefined, token: string, now: number): Outcome {
  const { status, headers } = res;

  if (status === 304) {
    if (!cached) {
      return {
        ok: false,
        error: responseShapeError({
          missing: ['json body'],
          seen: [],
          status,
          detail: '304 without a cached copy',
        }),
        retryAfterMs: -1,
      };
    }
    return {
      ok: true,
      res,
      body: 'parsed' in cached ? cached.parsed : deepFreeze(JSON.parse(cached.body) as unknown),
      notModified: true,
    };
  }

  if (status >= 200 && status < 300) {
    if (status === 204 || res.body.trim() === '') return { ok: true, res, body: null, notModified: false };
    try {
      const body = JSON.parse(res.body) as unknown;
      // GitHub's answers are a few levels deep; a deeply nested one is not an answer this version knows.
      if (nestsDeeperThan(body, MAX_JSON_DEPTH)) {
        return {
          ok: false,
          error: responseShapeError({
            missing: ['json body'],
            seen: [],
            status,
            detail: `nested deeper than ${MAX_JSON_DEPTH} levels`,
          }),
          retryAfterMs: -1,
        };
      }
      return { ok: true, res, body, notModified: false };
    } catch (e) {
      return {
        ok: false,
        error: responseShapeError(
          { missing: ['json body'], seen: [], status, detail: 'not JSON' },
          { cause: e },
        ),
        retryAfterMs: -1,
      };
    }
  }

  // Only failures carry a message worth reading (parsing every success body twice cost more than the request).
  const detail = messageDetail(res.body, token);
  const d = detail ? { detail } : {};

  if (status === 401) {
    const expiresAt = parseTokenExpiration(headers['github-authentication-token-expiration']);
    const expired =
      /expired/i.test(detail ?? '') || (expiresAt !== undefined && Date.parse(expiresAt) <= now);
    return {
      ok: false,
      error: authError({ reason: expired ? 'expired' : 'revoked', status, ...d }),
      retryAfterMs: -1,
    };
  }

  if (status === 429 || (status === 403 && isRateLimited(headers, detail))) {
    const serverWait = serverWaitMs(headers, now);
    const retryAtMs = now + (serverWait ?? CLIENT_DEFAULTS.unknownRateLimitWaitMs);
    const error = rateLimitError({ retryAt: new Date(retryAtMs).toISOString(), status, ...d });
    // Without a server time the 60 s minimum is always longer than a short retry, so do not retry.
    return { ok: false, error, retryAfterMs: serverWait ?? -1 };
  }

  if (status === 403) {
    const permission = acceptedPermission(headers['x-accepted-github-permissions']) ?? 'Plan';
    return {
      ok: false,
      error: authError({ reason: 'missingPermission', status, permission, ...d }),
      retryAfterMs: -1,
    };
  }

  if (status === 404) {
    return { ok: false, error: notFoundError({ reason: 'endpoint', status, ...d }), retryAfterMs: -1 };
  }

  if (status >= 500) {
    return { ok: false, error: serverError({ status, ...d }), retryAfterMs: serverWaitMs(headers, now) };
  }

  if (status >= 300 && status < 400) {
    // Only a redirect to another origin gets here (Http follows same-origin ones): the configured API URL
    // is probably wrong (a web page, an SSO proxy). Following it would hand the token to that other host.
    const to = redirectHost(headers['location']);
    return {
      ok: false,
      error: configError({
        reason: 'other',
        detail: `the API URL redirects${to ? ` to ${to}` : ''}; not followed`,
      }),
      retryAfterMs: -1,
    };
  }

  // 400, 410, 422, …: the request itself is wrong for this server; retrying will not help.
  return { ok: false, error: serverError({ status, ...d }), retryAfterMs: -1 };
}

function isRateLimited(headers: Record<string, string>, detail: string | undefined): boolean {
  return (
    headers['x-ratelimit-remaining'] === '0' ||
    headers['retry-after'] !== undefined ||
    /rate limit/i.test(detail ?? '')
  );
}

/**
 * Milliseconds the server asked us to wait (Retry-After wins over x-ratelimit-reset), or null; never more than
 * MAX_SERVER_WAIT_MS (a date in 2099 or `1e23` seconds would otherwise overflow a timer or a Date).
 */
export function serverWaitMs(headers: Record<string, string>, now: number): number | null {
  const capped = (ms: number): number | null =>
    Number.isFinite(ms) ? Math.min(MAX_SERVER_WAIT_MS, Math.max(0, ms)) : MAX_SERVER_WAIT_MS;
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter) {
    if (/^\d+(?:\.\d+)?(?:e\+?\d+)?$/i.test(retryAfter)) return capped(Number(retryAfter) * 1000);
    const at = Date.parse(retryAfter);
    if (Number.isFinite(at)) return capped(at - now);
  }
  const reset = headers['x-ratelimit-reset']?.trim();
  if (reset && /^\d+(?:\.\d+)?(?:e\+?\d+)?$/i.test(reset)) return capped(Number(reset) * 1000 - now);
  return null;
}

/** "plan=read; administration=read" → "Plan" (the name GitHub's token page shows). */
function acceptedPermission(header: string | undefined): string | undefined {
  const first = header?.split(/[;,]/)[0]?.split('=')[0]?.trim();
  if (!first || !/^[a-z_]{1,60}$/i.test(first)) return undefined;
  const words = first.replace(/_/g, ' ').toLowerCase();
  return words[0]!.toUpperCase() + words.slice(1);
}

function redirectHost(location: string | undefined): string | undefined {
  if (!location) return undefined;
  try {
    return new URL(location).host || undefined;
  } catch {
    return undefined;
  }
}

const TOKENISH = /\b(?:github_pat_|gh[pousr]_)[A-Za-z0-9_]+|\btid=[^\s"',]+/g;

/** GitHub's `message`, one line, at most 160 chars, with the token and anything token-shaped removed. */
export function messageDetail(body: string, token: string): string | undefined {
  let message: unknown;
  try {
    message = (JSON.parse(body) as { message?: unknown } | null)?.message;
  } catch {
    return undefined;
  }
  if (typeof message !== 'string') return undefined;
  let text = token.length >= 4 ? message.split(token).join('[token]') : message;
  text = text
    .replace(TOKENISH, '[token]')
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > 160) text = `${text.slice(0, 159)}…`;
  return text || undefined;
}

/** "2026-12-31 00:00:00 UTC" or "2023-04-24 19:36:49 -0700" (or ISO) → ISO 8601 UTC, else undefined. */
// Every response of a PAT carries the same expiry header: the last answer is remembered (a pure function's
// result, so the memo cannot go stale).
let lastExpiration: { value: string; result: string | undefined } | null = null;

export function parseTokenExpiration(value: string | undefined): string | undefined {
  if (!value) return undefined;
  if (lastExpiration?.value === value) return lastExpiration.result;
  const result = parseTokenExpirationUncached(value);
  lastExpiration = { value, result };
  return result;
}

function parseTokenExpirationUncached(value: string): string | undefined {
  if (!value) return undefined;
  const m =
    /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*(UTC|GMT|Z|[+-]\d{2}:?\d{2})?$/i.exec(
      value.trim(),
    );
  if (!m) return undefined;
  const zone = m[3]?.toUpperCase();
  const offset =
    !zone || zone === 'UTC' || zone === 'GMT' || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.slice(-2)}`;
  const ms = Date.parse(`${m[1]}T${m[2]}${offset}`);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

// The same few URLs are built on every refresh; a small memo of the checked results (pure, so never stale).
const builtUrls = new Map<string, string>();

function buildUrl(base: string, path: string, query: GitHubRequest['query']): string {
  const memoKey = `${base}\u0000${path}\u0000${query ? JSON.stringify(query) : ''}`;
  const known = builtUrls.get(memoKey);
  if (known !== undefined) return known;
  const built = buildUrlUncached(base, path, query);
  if (builtUrls.size > 256) builtUrls.clear();
  builtUrls.set(memoKey, built);
  return built;
}

function buildUrlUncached(base: string, path: string, query: GitHubRequest['query']): string {
  if (!path.startsWith('/') || path.startsWith('//')) {
    throw configError({
      reason: 'badInput',
      detail: `API path must start with one '/': ${path.slice(0, 80)}`,
    });
  }
  const url = new URL(base + path);
  // A path like "/../x" must not climb out of a GHES /api/v3 base or reach another origin.
  if (
    url.origin !== new URL(base).origin ||
    !url.pathname.startsWith(new URL(base).pathname.replace(/\/$/, ''))
  ) {
    throw configError({ reason: 'badInput', detail: `API path leaves the API base: ${path.slice(0, 80)}` });
  }
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, String(v));
  return url.href;
}

/** Not reversible and not the token: a key may end up in a debugger or a dump. Exposed for anything else that
 *  must key something by token without keeping it. */
export const tokenKey = (token: string): string =>
  createHash('sha256').update(token).digest('hex').slice(0, 32);

function cacheKey(url: string, token: string): string {
  return `${url} ${tokenKey(token)}`;
}
