/**
 * A fake GitHub on a real loopback HTTP server, for tests and for manual runs (`npm run fake-github`).
 * It models the endpoints of github-usage-api.md §2 the way GitHub answers them (status codes, error bodies,
 * ETag/304, rate-limit headers, token expiry header), plus injectable faults. Everything is state you can
 * override per test: `startFakeGitHub(partialState)`, then `set(patch)` / `addFault()` / `reset()`.
 *
 * Recorded requests never hold a token: Authorization is kept as "<scheme> …abcd".
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tokenHint } from '../../main/core/credentials/types';
import {
  badCredentials401,
  billingForbiddenPat403,
  billingNotFound404,
  exchangeBody,
  rateLimited403,
  requiresAuthentication401,
  userBody,
} from './fixtures';

export interface FakeToken {
  login: string;
  kind: 'pat' | 'oauth' | 'session';
  /** Fine-grained permissions, lower-case as GitHub names them in x-accepted-github-permissions ("plan"). */
  permissions: string[];
  /** Rejected with 401 (as is any token whose expiresAt is past). */
  expired?: boolean;
  /** Sent as github-authentication-token-expiration, GitHub's format: "2026-12-31 00:00:00 UTC". */
  expiresAt?: string;
  /** Numeric user id for GET /user. */
  id?: number;
}

/** A full answer. Recognised wherever a body is accepted by having a numeric `status`. */
export interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface BillingQuery {
  year?: number;
  month?: number;
  day?: number;
  model?: string;
  product?: string;
}

/** A body, a Reply, or a function of the query returning either (for per-month data). */
export type Served = unknown;

export interface FakeBilling {
  /** GET /users/{login}/settings/billing/ai_credit/usage. Absent: empty usageItems. */
  aiCredits?: Served;
  /** GET /users/{login}/settings/billing/premium_request/usage. Absent: empty usageItems. */
  premium?: Served;
}

/** Exchange config per OAuth token: success with these timings, or a Reply to fail with. */
export type FakeExchange = { ttlSeconds?: number; refreshIn?: number } | Reply;

export interface Fault {
  /** Exact path ("/user"), a glob ("/users/*\/settings/*"), or a RegExp, matched against the path only. */
  path: string | RegExp;
  method?: string;
  /** Answer with this status (and headers/body) instead of the normal route. */
  status?: number;
  headers?: Record<string, string>;
  /** A string or a Buffer is sent as is (malformed JSON welcome); anything else as JSON. */
  body?: unknown;
  /** Wait before answering (alone: a slow but normal answer). */
  delayMs?: number;
  /** Apply this many times, then back to normal. Default: until reset. */
  times?: number;
  /** Destroy the connection instead of answering (connection reset). */
  destroy?: boolean;
}

export interface FakeState {
  tokens: Record<string, FakeToken>;
  /** Per login, case-sensitive as GitHub. A token's own login without an entry answers 404 (seat billed to an org). */
  billing: Record<string, FakeBilling>;
  /** /copilot_internal/user body per token, else per login (so exchanged session tokens find it too). */
  internalUser: Record<string, Served>;
  /** Make /copilot_internal/user refuse raw OAuth tokens (only session tokens pass), to force the exchange. */
  refuseRawOAuth: false | 401 | 403 | 404;
  exchange: Record<string, FakeExchange>;
  faults: Fault[];
  /** What a PAT reading ANOTHER user's billing gets. */
  otherUserStatus: 403 | 404;
  /** Core REST rate limit (billing and /user); 304s do not count, like GitHub. */
  rateLimit: { limit: number; remaining: number; resetEpochSeconds?: number };
  /** Enforce the REST headers on billing (Bearer, vnd.github+json, a known API version): 400 otherwise. */
  strictHeaders: boolean;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-cased names; authorization reduced to "<scheme> …abcd". */
  headers: Record<string, string>;
  /** Status answered; 0 when the connection was destroyed or the client went away first. */
  status: number;
}

export interface FakeGitHub {
  /** "http://127.0.0.1:PORT", usable as apiUrl. */
  url: string;
  /** Every request in order; cleared (in place) by reset(). */
  requests: RecordedRequest[];
  /** The live state (read it, e.g. to find exchanged session tokens; change it through set()). */
  readonly state: FakeState;
  /** Record-valued keys (tokens, billing, internalUser, exchange, rateLimit) merge entry-wise; others replace. */
  set(patch: Partial<FakeState>): void;
  addFault(fault: Fault): void;
  /** Back to the initial state; clears requests and faults added later. */
  reset(): void;
  /** Requests whose path matches. */
  requestsTo(path: string | RegExp): RecordedRequest[];
  close(): Promise<void>;
}

export interface FakeOptions {
  /** Default 0 (any free port). */
  port?: number;
  /** Clock for token expiry and exchange timestamps; default Date.now. */
  now?: () => number;
  /** Called once per request when it is answered (or its connection destroyed): for logging in the CLI. */
  onRequest?: (r: RecordedRequest) => void;
}

export const API_VERSIONS = ['2022-11-28', '2026-03-10'];

function defaults(now: number): FakeState {
  return {
    tokens: {},
    billing: {},
    internalUser: {},
    refuseRawOAuth: false,
    exchange: {},
    faults: [],
    otherUserStatus: 404,
    rateLimit: { limit: 5000, remaining: 5000, resetEpochSeconds: Math.floor(now / 1000) + 3600 },
    strictHeaders: true,
  };
}

function copyState(s: FakeState): FakeState {
  return {
    ...s,
    tokens: { ...s.tokens },
    billing: { ...s.billing },
    internalUser: { ...s.internalUser },
    exchange: { ...s.exchange },
    faults: s.faults.map((f) => ({ ...f })),
    rateLimit: { ...s.rateLimit },
  };
}

const MERGED = ['tokens', 'billing', 'internalUser', 'exchange', 'rateLimit'] as const;

function applyPatch(state: FakeState, patch: Partial<FakeState>): void {
  for (const [key, value] of Object.entries(patch) as Array<[keyof FakeState, unknown]>) {
    if (value === undefined) continue;
    if ((MERGED as readonly string[]).includes(key)) {
      Object.assign(state[key] as object, value);
    } else if (key === 'faults') {
      state.faults = (value as Fault[]).map((f) => ({ ...f }));
    } else {
      (state as unknown as Record<string, unknown>)[key] = value;
    }
  }
}

export function isReply(x: unknown): x is Reply {
  return typeof x === 'object' && x !== null && typeof (x as { status?: unknown }).status === 'number';
}

/** GitHub's header format for token expiry. */
export function formatExpiration(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, ' UTC');
}

function parseExpiration(s: string): number {
  const iso = s
    .trim()
    .replace(' ', 'T')
    .replace(/\s*UTC$/, 'Z')
    .replace(/\s*([+-]\d{2}):?(\d{2})$/, '$1:$2');
  return Date.parse(iso);
}

const etagOf = (text: string): string => `W/"${createHash('sha1').update(text).digest('hex').slice(0, 24)}"`;

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^?]*');
  return new RegExp(`^${escaped}$`);
}

function matches(pattern: string | RegExp, path: string): boolean {
  if (typeof pattern !== 'string') return pattern.test(path);
  return pattern.includes('*') ? globToRegExp(pattern).test(path) : pattern === path;
}

export async function startFakeGitHub(
  init: Partial<FakeState> = {},
  options: FakeOptions = {},
): Promise<FakeGitHub> {
  const now = options.now ?? Date.now;
  const initial = defaults(now());
  applyPatch(initial, init);
  let state = copyState(initial);
  const requests: RecordedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let sessionCounter = 0;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `fake-github crashed: ${String(e)}` }));
      }
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://fake');
    const method = (req.method ?? 'GET').toUpperCase();
    const record: RecordedRequest = {
      method,
      path: u.pathname,
      query: Object.fromEntries(u.searchParams),
      headers: recordHeaders(req.headers),
      status: 0,
    };
    requests.push(record);
    // Drain any request body so keep-alive connections stay usable.
    req.resume();

    const send = (reply: Reply): void => {
      if (res.destroyed || res.writableEnded) return;
      // A Buffer is sent byte for byte (a gzip body for the hostile faults), a string as is, the rest as JSON.
      const text =
        reply.body === undefined
          ? ''
          : typeof reply.body === 'string' || Buffer.isBuffer(reply.body)
            ? reply.body
            : JSON.stringify(reply.body);
      const headers: Record<string, string> = {
        'content-type': 'application/json; charset=utf-8',
        'x-github-request-id': `FAKE:${requests.length}`,
        ...reply.headers,
      };
      record.status = reply.status;
      res.writeHead(reply.status, headers);
      res.end(reply.status === 304 ? undefined : text);
      options.onRequest?.(record);
    };

    const fault = state.faults.find(
      (f) => (!f.method || f.method.toUpperCase() === method) && matches(f.path, u.pathname),
    );
    if (fault) {
      if (fault.times !== undefined) {
        fault.times -= 1;
        if (fault.times <= 0) state.faults = state.faults.filter((f) => f !== fault);
      }
      if (fault.delayMs) await sleep(fault.delayMs);
      if (fault.destroy) {
        req.socket.destroy();
        options.onRequest?.(record);
        return;
      }
      if (fault.status !== undefined) {
        send({ status: fault.status, body: fault.body, headers: fault.headers ?? {} });
        return;
      }
    }

    send(route(method, u, req));
  }

  function route(method: string, u: URL, req: IncomingMessage): Reply {
    const path = u.pathname.replace(/\/+$/, '') || '/';
    if (method !== 'GET') return { status: 404, body: { message: 'Not Found' } };
    if (path === '/user') return withEtag(req, restCounted(getUser(req)));
    const billing = /^\/users\/([^/]+)\/settings\/billing\/(ai_credit|premium_request)\/usage$/.exec(path);
    if (billing) {
      const login = decodeURIComponent(billing[1]!);
      return withEtag(
        req,
        restCounted(getBilling(req, login, billing[2] === 'ai_credit' ? 'aiCredits' : 'premium', u)),
      );
    }
    if (path === '/copilot_internal/user') return withEtag(req, getInternalUser(req));
    if (path === '/copilot_internal/v2/token') return getExchange(req);
    return { status: 404, body: billingNotFound404 };
  }

  type Authed = { token: string; scheme: string; entry: FakeToken; headers: Record<string, string> };

  function authenticate(req: IncomingMessage): Authed | Reply {
    const header = req.headers.authorization;
    if (!header) return { status: 401, body: requiresAuthentication401 };
    const m = /^(bearer|token)\s+(\S+)$/i.exec(header.trim());
    if (!m) return { status: 401, body: badCredentials401 };
    const token = m[2]!;
    const entry = state.tokens[token];
    if (!entry) return { status: 401, body: badCredentials401 };
    const headers: Record<string, string> = {};
    const expiresMs = entry.expiresAt ? parseExpiration(entry.expiresAt) : NaN;
    if (entry.expiresAt) headers['github-authentication-token-expiration'] = entry.expiresAt;
    if (entry.expired || expiresMs <= now()) {
      if (!entry.expiresAt)
        headers['github-authentication-token-expiration'] = formatExpiration(now() - 86_400_000);
      // GitHub says "Bad credentials" for expired PATs; Copilot's session tokens say they expired.
      const body = entry.kind === 'session' ? { message: 'token expired' } : badCredentials401;
      return { status: 401, body, headers };
    }
    return { token, scheme: m[1]!, entry, headers };
  }

  function rateHeaders(): Record<string, string> {
    const r = state.rateLimit;
    return {
      'x-ratelimit-limit': String(r.limit),
      'x-ratelimit-remaining': String(Math.max(0, r.remaining)),
      'x-ratelimit-reset': String(r.resetEpochSeconds ?? Math.floor(now() / 1000) + 3600),
      'x-ratelimit-used': String(Math.max(0, r.limit - r.remaining)),
      'x-ratelimit-resource': 'core',
    };
  }

  /** The core REST limit: refused at 0; the request is counted only when it is answered 200 (not 304). */
  function restCounted(reply: Reply): Reply {
    if (state.rateLimit.remaining <= 0) {
      return { status: 403, body: rateLimited403, headers: rateHeaders() };
    }
    return { ...reply, headers: { ...rateHeaders(), ...reply.headers } };
  }

  function withEtag(req: IncomingMessage, reply: Reply): Reply {
    if (reply.status !== 200) return reply;
    const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
    const etag = etagOf(text);
    const headers = { ...reply.headers, etag, vary: 'Accept, Authorization, Cookie, X-GitHub-OTP' };
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag)) return { status: 304, headers };
    if (reply.headers?.['x-ratelimit-remaining'] !== undefined) {
      state.rateLimit.remaining -= 1;
      Object.assign(headers, rateHeaders());
    }
    return { ...reply, headers };
  }

  function getUser(req: IncomingMessage): Reply {
    const a = authenticate(req);
    if (isReply(a)) return a;
    if (a.entry.kind === 'session') return { status: 401, body: badCredentials401 };
    return { status: 200, body: userBody(a.entry.login, a.entry.id), headers: a.headers };
  }

  function getBilling(req: IncomingMessage, login: string, which: keyof FakeBilling, u: URL): Reply {
    const a = authenticate(req);
    if (isReply(a)) return a;
    if (state.strictHeaders) {
      const problem = restHeaderProblem(req, a.scheme);
      if (problem) return { status: 400, body: { message: `fake-github: ${problem}` } };
    }
    if (!a.entry.permissions.includes('plan')) {
      const message =
        a.entry.kind === 'pat' ? billingForbiddenPat403.message : 'Resource not accessible by integration';
      return {
        status: 403,
        body: { ...billingForbiddenPat403, message },
        headers: { ...a.headers, 'x-accepted-github-permissions': 'plan=read' },
      };
    }
    if (login !== a.entry.login) {
      // Wrong case of one's own login is simply "Not Found" (GitHub compares exactly here).
      const other = login.toLowerCase() !== a.entry.login.toLowerCase();
      const status = other ? state.otherUserStatus : 404;
      return {
        status,
        body: status === 403 ? billingForbiddenPat403 : billingNotFound404,
        headers: a.headers,
      };
    }
    const query = parseQuery(u);
    if ('error' in query) return { status: 400, body: { message: query.error }, headers: a.headers };
    const account = state.billing[login];
    if (!account) return { status: 404, body: billingNotFound404, headers: a.headers };
    const served = account[which];
    if (served === undefined) {
      return {
        status: 200,
        body: { timePeriod: periodOf(query), user: login, usageItems: [] },
        headers: a.headers,
      };
    }
    if (typeof served !== 'function' && query.q.day !== undefined && !isToday(query.q)) {
      // A fixed month body is all today's use: every other day of it answers empty, so the days of a month
      // always add up to the month (per-day data: serve dailyBilling() from ./daily.ts).
      return {
        status: 200,
        body: { timePeriod: periodOf(query), user: login, usageItems: [] },
        headers: a.headers,
      };
    }
    const value = typeof served === 'function' ? (served as (q: BillingQuery) => unknown)(query.q) : served;
    if (isReply(value)) return { ...value, headers: { ...a.headers, ...value.headers } };
    return {
      status: 200,
      body: echoPeriod(value, query.q, typeof served === 'function'),
      headers: a.headers,
    };
  }

  function isToday(q: BillingQuery): boolean {
    const d = new Date(now());
    return (
      (q.year ?? d.getUTCFullYear()) === d.getUTCFullYear() &&
      (q.month ?? d.getUTCMonth() + 1) === d.getUTCMonth() + 1 &&
      q.day === d.getUTCDate()
    );
  }

  function periodOf(query: { q: BillingQuery }): Record<string, number> {
    const d = new Date(now());
    return {
      year: query.q.year ?? d.getUTCFullYear(),
      month: query.q.month ?? d.getUTCMonth() + 1,
      ...(query.q.day ? { day: query.q.day } : {}),
    };
  }

  function getInternalUser(req: IncomingMessage): Reply {
    const a = authenticate(req);
    if (isReply(a)) return a;
    if (a.entry.kind === 'pat') return { status: 404, body: billingNotFound404 };
    if (a.entry.kind === 'oauth' && state.refuseRawOAuth) {
      const status = state.refuseRawOAuth;
      const body =
        status === 401
          ? badCredentials401
          : status === 403
            ? { message: 'Resource not accessible by integration' }
            : billingNotFound404;
      return { status, body };
    }
    const served = state.internalUser[a.token] ?? state.internalUser[a.entry.login];
    if (served === undefined) return { status: 404, body: billingNotFound404 };
    const value = typeof served === 'function' ? (served as () => unknown)() : served;
    if (isReply(value)) return value;
    return { status: 200, body: value, headers: a.headers };
  }

  function getExchange(req: IncomingMessage): Reply {
    const a = authenticate(req);
    if (isReply(a)) return a;
    if (a.entry.kind === 'pat') return { status: 404, body: billingNotFound404 };
    if (a.entry.kind === 'session') return { status: 401, body: badCredentials401 };
    const cfg = state.exchange[a.token];
    if (isReply(cfg)) return cfg;
    const ttl = cfg?.ttlSeconds ?? 1800;
    sessionCounter += 1;
    const nowMs = now();
    const exp = Math.floor(nowMs / 1000) + ttl;
    const token = `tid=FAKE_session_${sessionCounter};exp=${exp};sku=monthly_subscriber_quota;8kp=1:FAKE${String(sessionCounter).padStart(4, '0')}`;
    state.tokens[token] = {
      login: a.entry.login,
      kind: 'session',
      permissions: [],
      expiresAt: formatExpiration(exp * 1000),
    };
    return { status: 200, body: exchangeBody(token, nowMs, ttl, cfg?.refreshIn ?? Math.floor(ttl * 0.8)) };
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    get state() {
      return state;
    },
    set(patch) {
      applyPatch(state, patch);
    },
    addFault(fault) {
      state.faults.push({ ...fault });
    },
    reset() {
      state = copyState(initial);
      requests.length = 0;
    },
    requestsTo(path) {
      return requests.filter((r) => matches(path, r.path));
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function recordHeaders(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const v = Array.isArray(value) ? value.join(', ') : value;
    if (name.toLowerCase() === 'authorization') {
      const [scheme, ...rest] = v.trim().split(/\s+/);
      out.authorization = rest.length > 0 ? `${scheme} ${tokenHint(rest.join(' '))}` : tokenHint(v);
    } else {
      out[name.toLowerCase()] = v;
    }
  }
  return out;
}

function restHeaderProblem(req: IncomingMessage, scheme: string): string | null {
  if (scheme.toLowerCase() !== 'bearer') return `expected "Authorization: Bearer …", got scheme "${scheme}"`;
  const accept = req.headers.accept ?? '';
  if (!accept.includes('application/vnd.github+json')) return `expected Accept application/vnd.github+json`;
  const version = req.headers['x-github-api-version'];
  if (typeof version === 'string' && !API_VERSIONS.includes(version)) {
    return `unsupported X-GitHub-Api-Version ${version}`;
  }
  return null;
}

function parseQuery(u: URL): { q: BillingQuery } | { error: string } {
  const q: BillingQuery = {};
  const num = (name: 'year' | 'month' | 'day', min: number, max: number): string | null => {
    const raw = u.searchParams.get(name);
    if (raw === null) return null;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) return `Invalid ${name}`;
    q[name] = n;
    return null;
  };
  const error = num('year', 2000, 2100) ?? num('month', 1, 12) ?? num('day', 1, 31);
  if (error) return { error };
  const model = u.searchParams.get('model');
  const product = u.searchParams.get('product');
  if (model !== null) q.model = model;
  if (product !== null) q.product = product;
  return { q };
}

/** GitHub echoes the requested period; a static fixture gets the query's year/month written into timePeriod. */
function echoPeriod(body: unknown, q: BillingQuery, fromFunction: boolean): unknown {
  if (fromFunction || (q.year === undefined && q.month === undefined)) return body;
  if (typeof body !== 'object' || body === null || !('timePeriod' in body)) return body;
  const tp = (body as { timePeriod: unknown }).timePeriod;
  if (typeof tp !== 'object' || tp === null) return body;
  return {
    ...body,
    timePeriod: {
      ...tp,
      ...(q.year !== undefined ? { year: q.year } : {}),
      ...(q.month !== undefined ? { month: q.month } : {}),
      ...(q.day !== undefined ? { day: q.day } : {}),
    },
  };
}
