/**
 * Ready-made faults for the fake GitHub (addFault / state.faults), one per failure mode the client must map.
 * `path` is an exact path, a glob with '*', or a RegExp; `times` limits how often it fires (default: always).
 */
import { gzipSync } from 'node:zlib';
import type { Fault } from './server';
import {
  badCredentials401,
  billingForbiddenPat403,
  billingNotFound404,
  rateLimited403,
  secondaryRateLimited,
} from './fixtures';

type Path = Fault['path'];
type Opts = { times?: number; method?: string };

const base = (path: Path, o: Opts): Pick<Fault, 'path' | 'times' | 'method'> => ({
  path,
  ...(o.times !== undefined ? { times: o.times } : {}),
  ...(o.method !== undefined ? { method: o.method } : {}),
});

export const faults = {
  /** 304 regardless of If-None-Match (a client without a cached copy must cope). */
  notModified: (path: Path, o: Opts = {}): Fault => ({ ...base(path, o), status: 304 }),

  unauthorized: (path: Path, o: Opts & { message?: string; expiration?: string } = {}): Fault => ({
    ...base(path, o),
    status: 401,
    body: o.message ? { ...badCredentials401, message: o.message } : badCredentials401,
    ...(o.expiration ? { headers: { 'github-authentication-token-expiration': o.expiration } } : {}),
  }),

  /** 403 for a missing fine-grained permission, with the header naming it (default plan=read). */
  forbidden: (path: Path, o: Opts & { accepted?: string; message?: string } = {}): Fault => ({
    ...base(path, o),
    status: 403,
    body: o.message ? { ...billingForbiddenPat403, message: o.message } : billingForbiddenPat403,
    headers: { 'x-accepted-github-permissions': o.accepted ?? 'plan=read' },
  }),

  /** Primary rate limit: 403, x-ratelimit-remaining 0, reset at `resetEpochSeconds`. */
  rateLimited403: (path: Path, resetEpochSeconds: number, o: Opts = {}): Fault => ({
    ...base(path, o),
    status: 403,
    body: rateLimited403,
    headers: {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(resetEpochSeconds),
      'x-ratelimit-resource': 'core',
    },
  }),

  /** Secondary rate limit: 403 with a message (and Retry-After when given). */
  secondaryRateLimit: (path: Path, retryAfterSeconds?: number, o: Opts = {}): Fault => ({
    ...base(path, o),
    status: 403,
    body: secondaryRateLimited,
    ...(retryAfterSeconds !== undefined ? { headers: { 'retry-after': String(retryAfterSeconds) } } : {}),
  }),

  /** 429 Too Many Requests with Retry-After (seconds) when given. */
  tooManyRequests: (path: Path, retryAfterSeconds?: number, o: Opts = {}): Fault => ({
    ...base(path, o),
    status: 429,
    body: { message: 'Too Many Requests' },
    ...(retryAfterSeconds !== undefined ? { headers: { 'retry-after': String(retryAfterSeconds) } } : {}),
  }),

  notFound: (path: Path, o: Opts = {}): Fault => ({
    ...base(path, o),
    status: 404,
    body: billingNotFound404,
  }),

  /** 5xx; GitHub's 502/504 pages are HTML, so the body is not JSON for those. */
  serverError: (path: Path, status = 500, o: Opts = {}): Fault => ({
    ...base(path, o),
    status,
    body:
      status === 500
        ? { message: 'Server Error' }
        : '<html><body><h1>Unicorn!</h1><p>This page is taking too long to load.</p></body></html>',
    headers: status === 500 ? {} : { 'content-type': 'text/html' },
  }),

  /** Answers normally but only after `delayMs` (beyond the client timeout to test timeouts). */
  slow: (path: Path, delayMs: number, o: Opts = {}): Fault => ({ ...base(path, o), delayMs }),

  /** 200 with a body that is not JSON. */
  malformedJson: (path: Path, o: Opts = {}): Fault => ({
    ...base(path, o),
    status: 200,
    body: '{"usageItems": [ {"product": "Copilot", ',
  }),

  /** 200 with valid JSON of the wrong shape. */
  wrongShape: (path: Path, body: unknown = { unexpected: true }, o: Opts = {}): Fault => ({
    ...base(path, o),
    status: 200,
    body,
  }),

  /** The connection is destroyed without an answer (ECONNRESET / socket closed). */
  connectionReset: (path: Path, o: Opts = {}): Fault => ({ ...base(path, o), destroy: true }),
};

/**
 * Hostile answers: what a broken proxy, a misrouted download or a malicious server playing GitHub on loopback
 * may send (issue 12). Each returns a Fault for the same fake GitHub, so the CLI and the engine meet them over
 * a real socket.
 */
export const hostile = {
  /** A small gzip body that inflates to `inflatedBytes` of JSON-ish padding (a decompression bomb). */
  gzipBomb: (path: Path, inflatedBytes: number, o: Opts = {}): Fault => ({
    ...base(path, o),
    status: 200,
    body: gzipSync(
      Buffer.concat([Buffer.from('{"pad":"'), Buffer.alloc(inflatedBytes, 0x61), Buffer.from('"}')]),
      {
        level: 9,
      },
    ),
    headers: { 'content-encoding': 'gzip', 'content-type': 'application/json' },
  }),

  /** JSON nested `levels` deep ([[[…]]]), with an ETag so a client would cache (and freeze) it. */
  deepJson: (path: Path, levels: number, o: Opts = {}): Fault => ({
    ...base(path, o),
    status: 200,
    body: `${'['.repeat(levels)}${']'.repeat(levels)}`,
    headers: { etag: 'W/"deep"' },
  }),

  /** A rate limit whose wait is absurd: Retry-After and/or x-ratelimit-reset as given (e.g. "1e23", a 2099 date). */
  absurdRateLimit: (path: Path, h: { retryAfter?: string; reset?: string }, o: Opts = {}): Fault => ({
    ...base(path, o),
    status: 429,
    body: { message: 'Too Many Requests' },
    headers: {
      ...(h.retryAfter !== undefined ? { 'retry-after': h.retryAfter } : {}),
      ...(h.reset !== undefined ? { 'x-ratelimit-reset': h.reset, 'x-ratelimit-remaining': '0' } : {}),
    },
  }),

  /** A GET /user answer with this login (escape sequences, newlines, a token echoed back…). */
  login: (login: string, o: Opts = {}): Fault => ({
    ...base('/user', o),
    status: 200,
    body: { login, id: 1, type: 'User' },
  }),
};

/** A usage answer (either billing world) with one Copilot item per model name given, `used` each. */
export function billingWithModels(
  models: readonly string[],
  used = 1,
  unit: 'credits' | 'requests' = 'credits',
) {
  const now = new Date();
  return {
    timePeriod: { year: now.getUTCFullYear(), month: now.getUTCMonth() + 1 },
    user: 'octocat',
    usageItems: models.map((model) => ({
      product: 'Copilot',
      sku: unit === 'credits' ? 'Copilot AI Credits' : 'Copilot Premium Request',
      unitType: unit === 'credits' ? 'ai-credits' : 'requests',
      model,
      grossQuantity: used,
      netQuantity: 0,
    })),
  };
}
