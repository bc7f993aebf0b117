import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { errorInfo } from '../../shared/errors';
import { FetchHttp, transportCode } from '../../main/core/http';
import { faults } from '../fake-github/faults';
import { FAKE_PAT, scenarios } from '../fake-github/scenarios';
import { startFakeGitHub, type FakeGitHub } from '../fake-github/server';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub(scenarios.patCreditsPro);
});
afterAll(() => fake.close());
afterEach(() => fake.reset());

const http = new FetchHttp();
const get = (url: string, extra: Partial<Parameters<FetchHttp['request']>[0]> = {}) =>
  http.request({ url, headers: { Authorization: `Bearer ${FAKE_PAT}` }, timeoutMs: 2000, ...extra });

/** A throwaway real server whose handler the test writes; records what arrived. */
async function tinyServer(
  handler: (
    path: string,
    headers: IncomingHttpHeaders,
  ) => { status: number; headers?: Record<string, string>; body?: string },
): Promise<{
  url: string;
  seen: Array<{ path: string; headers: IncomingHttpHeaders }>;
  close: () => Promise<void>;
}> {
  const seen: Array<{ path: string; headers: IncomingHttpHeaders }> = [];
  const server: Server = createServer((req, res) => {
    seen.push({ path: req.url ?? '', headers: req.headers });
    const r = handler(req.url ?? '', req.headers);
    res.writeHead(r.status, r.headers ?? {});
    res.end(r.body ?? '');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

async function rejection(p: Promise<unknown>): Promise<unknown> {
  return p.then(
    () => expect.unreachable('expected a rejection'),
    (e: unknown) => e,
  );
}

describe('FetchHttp', () => {
  it('returns status, lower-cased headers and the body, and never throws on an HTTP status', async () => {
    const ok = await get(`${fake.url}/user`);
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toMatch(/application\/json/);
    expect(ok.headers['x-ratelimit-limit']).toBe('5000');
    expect(Object.keys(ok.headers).every((k) => k === k.toLowerCase())).toBe(true);
    expect(JSON.parse(ok.body)).toMatchObject({ login: 'octocat' });

    const missing = await get(`${fake.url}/nope`);
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.body)).toMatchObject({ message: 'Not Found' });
  });

  it('sends the given headers', async () => {
    await get(`${fake.url}/user`, { headers: { Authorization: `Bearer ${FAKE_PAT}`, 'X-Custom': 'yes' } });
    expect(fake.requests[0]?.headers).toMatchObject({
      'x-custom': 'yes',
      authorization: `Bearer …${FAKE_PAT.slice(-4)}`,
    });
  });

  it('turns a slow answer into a timeout error carrying the limit', async () => {
    fake.addFault(faults.slow('/user', 400));
    const started = Date.now();
    const e = await rejection(get(`${fake.url}/user`, { timeoutMs: 100 }));
    expect(errorInfo(e)).toEqual({ kind: 'timeout', timeoutMs: 100, address: new URL(fake.url).host });
    expect(Date.now() - started).toBeLessThan(350);
  });

  it('turns a refused connection into a network error naming the code and the address only', async () => {
    const gone = await tinyServer(() => ({ status: 200 }));
    await gone.close();
    const e = await rejection(get(`${gone.url}/user`));
    expect(errorInfo(e)).toEqual({
      kind: 'network',
      detail: 'ECONNREFUSED',
      address: new URL(gone.url).host,
    });
    expect(String(e)).not.toContain(FAKE_PAT);
  });

  it('turns a destroyed connection into a network error', async () => {
    fake.addFault(faults.connectionReset('/user'));
    const e = await rejection(get(`${fake.url}/user`));
    const info = errorInfo(e);
    expect(info?.kind).toBe('network');
    expect(info?.detail).toMatch(/^[A-Z0-9_]+$|^fetch failed$/);
  });

  it('rejects with the caller’s abort reason, not a network or timeout error', async () => {
    fake.addFault(faults.slow('/user', 500));
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('stop now')), 50);
    const e = await rejection(get(`${fake.url}/user`, { signal: controller.signal }));
    expect(String(e)).toMatch(/stop now/);
    expect(errorInfo(e)).toBeUndefined();
  });

  it('follows a same-origin redirect with the same headers', async () => {
    const s = await tinyServer((path) =>
      path === '/old' ? { status: 301, headers: { location: '/new' } } : { status: 200, body: '{"ok":true}' },
    );
    try {
      const res = await get(`${s.url}/old`);
      expect(res).toMatchObject({ status: 200, body: '{"ok":true}' });
      expect(s.seen.map((r) => r.path)).toEqual(['/old', '/new']);
      expect(s.seen[1]?.headers.authorization).toBe(`Bearer ${FAKE_PAT}`);
    } finally {
      await s.close();
    }
  });

  it('does not follow a redirect to another origin, so the token stays on the configured host', async () => {
    const elsewhere = await tinyServer(() => ({ status: 200, body: 'stolen' }));
    const s = await tinyServer(() => ({ status: 302, headers: { location: `${elsewhere.url}/collect` } }));
    try {
      const res = await get(`${s.url}/user`);
      expect(res.status).toBe(302);
      expect(res.headers['location']).toBe(`${elsewhere.url}/collect`);
      expect(elsewhere.seen).toHaveLength(0);
    } finally {
      await Promise.all([s.close(), elsewhere.close()]);
    }
  });

  it('stops after a few same-origin hops instead of looping', async () => {
    const s = await tinyServer(() => ({ status: 302, headers: { location: '/again' } }));
    try {
      const res = await get(`${s.url}/start`);
      expect(res.status).toBe(302);
      expect(s.seen).toHaveLength(4);
    } finally {
      await s.close();
    }
  });

  it('uses the fetch function it is given (Electron hands in net.fetch)', async () => {
    const calls: string[] = [];
    const wrapped = new FetchHttp((input, init) => {
      calls.push(input);
      return fetch(input, init);
    });
    const res = await wrapped.request({ url: `${fake.url}/user`, headers: {}, timeoutMs: 2000 });
    expect(res.status).toBe(401);
    expect(calls).toEqual([`${fake.url}/user`]);
  });
});

describe('transportCode', () => {
  it('finds the system code in nested causes and aggregate errors, never the message', () => {
    const nested = new TypeError('fetch failed', {
      cause: { code: 'ENOTFOUND', message: 'getaddrinfo api.x.com' },
    });
    expect(transportCode(nested)).toBe('ENOTFOUND');
    const aggregate = new TypeError('fetch failed', {
      cause: new AggregateError([Object.assign(new Error('x'), { code: 'ECONNREFUSED' })]),
    });
    expect(transportCode(aggregate)).toBe('ECONNREFUSED');
    expect(transportCode(new Error('connect to https://secret-host'))).toBe('fetch failed');
  });
});

describe('a redirect under Electron', () => {
  it('is reported as a redirect that is not followed, not as an outage to retry', async () => {
    // Electron's net.fetch rejects a manual redirect with this error instead of returning the 3xx response.
    const http = new FetchHttp(() => Promise.reject(new Error('Redirect was cancelled')));
    await expect(
      http.request({ url: 'https://api.github.com/user', headers: {}, timeoutMs: 1000 }),
    ).rejects.toMatchObject({ info: { kind: 'config', reason: 'other' } });
  });
});
