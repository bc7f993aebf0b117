/**
 * The bare transport behind the `Http` seam, on a WHATWG fetch: Node 20's global fetch for the CLI and tests,
 * Electron's `net.fetch` when main/app hands it in (it follows the system proxy and certificate store).
 *
 * Redirects are handled here, by hand (`redirect: 'manual'`): GitHub answers some API calls with a redirect, and
 * fetch's automatic following would resend our Authorization header wherever the Location points. We follow at
 * most MAX_REDIRECTS hops and only within the same origin (scheme + host + port); a redirect elsewhere is
 * returned to the caller as the 3xx response it is, so the token never leaves the host the user configured.
 */
import { AppError, configError, networkError, timeoutError, tooLargeError } from '../../shared/errors';
import type { Http, HttpRequest, HttpResponse } from './ports';

/** The subset of fetch we use; both globalThis.fetch and Electron's net.fetch fit. */
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

const MAX_REDIRECTS = 3;
/**
 * The most a response body may hold once decoded (gzip/br included): a month of usage is a few KB, a very
 * busy one a few hundred. Counted while it streams in, so a small compressed body that inflates to a gigabyte
 * is cut off after this much, not held in memory.
 */
export const MAX_BODY_BYTES = 5_000_000;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

export class FetchHttp implements Http {
  private readonly fetchFn: FetchFn;

  constructor(fetchFn?: FetchFn) {
    // Wrapped, not stored bare: an unbound global fetch throws "Illegal invocation" in some runtimes, and
    // looking it up per call lets tests replace globalThis.fetch.
    this.fetchFn = fetchFn ?? ((input, init) => globalThis.fetch(input, init));
  }

  async request(req: HttpRequest): Promise<HttpResponse> {
    const timeout = new AbortController();
    // Clamped: past 2^31 − 1 ms setTimeout fires at once, which would abort every request immediately.
    const timer = setTimeout(() => timeout.abort(), Math.min(Math.max(0, req.timeoutMs), 2 ** 31 - 1));
    const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
    try {
      let url = req.url;
      let method = req.method ?? 'GET';
      let body = req.body;
      for (let hop = 0; ; hop++) {
        const init: RequestInit = { method, headers: req.headers, redirect: 'manual', signal };
        if (body !== undefined) init.body = body;
        const res = await this.fetchFn(url, init);
        const headers: Record<string, string> = {};
        res.headers.forEach((value, name) => {
          headers[name.toLowerCase()] = value;
        });
        const location = headers['location'];
        if (REDIRECTS.has(res.status) && location && hop < MAX_REDIRECTS) {
          const next = sameOriginTarget(url, location);
          if (next) {
            await res.body?.cancel();
            url = next;
            // 303 (and, by browser convention, 301/302 after a POST) continue as a GET without a body.
            if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
              method = 'GET';
              body = undefined;
            }
            continue;
          }
        }
        // Read the body inside the try: a server that stalls mid-body must still hit the timeout.
        return {
          status: res.status,
          headers,
          body: await readCapped(res, req.maxBodyBytes ?? MAX_BODY_BYTES),
        };
      }
    } catch (e) {
      if (req.signal?.aborted) throw req.signal.reason ?? e;
      if (e instanceof AppError) throw e;
      if (timeout.signal.aborted) {
        throw timeoutError({ timeoutMs: req.timeoutMs, address: addressOf(req.url) }, { cause: e });
      }
      // Electron's net.fetch cannot hand back a manual redirect: it cancels the request instead. That is a
      // redirect we chose not to follow (the token stays with the configured host), not an outage to retry.
      if (e instanceof Error && /redirect was cancelled/i.test(e.message)) {
        throw configError({
          reason: 'other',
          detail: 'the server answered with a redirect, which is not followed',
        });
      }
      throw networkError({ detail: transportCode(e), address: addressOf(req.url) }, { cause: e });
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The body as text, refused (tooLarge, the stream cancelled) as soon as its decoded size passes `limit`. */
async function readCapped(res: Response, limit: number): Promise<string> {
  const refuse = () => tooLargeError({ limitBytes: limit, status: res.status });
  const declared = Number(res.headers.get('content-length'));
  const encoded = (res.headers.get('content-encoding') ?? 'identity').toLowerCase() !== 'identity';
  if (!encoded && Number.isFinite(declared) && declared > limit) {
    await res.body?.cancel().catch(() => undefined);
    throw refuse();
  }
  if (!res.body) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw refuse();
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** host[:port] of a URL, for messages: no scheme, path, query or credentials. */
function addressOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '?';
  }
}

function sameOriginTarget(from: string, location: string): string | null {
  try {
    const target = new URL(location, from);
    return target.origin === new URL(from).origin ? target.href : null;
  } catch {
    return null;
  }
}

/**
 * A short, safe name for what went wrong ("ECONNREFUSED", "UND_ERR_SOCKET"): undici hides the system error in
 * `cause` (sometimes an AggregateError of several). Never the message, which may quote a URL.
 */
export function transportCode(e: unknown): string {
  const seen = new Set<unknown>();
  const queue: unknown[] = [e];
  while (queue.length > 0) {
    const x = queue.shift();
    if (typeof x !== 'object' || x === null || seen.has(x)) continue;
    seen.add(x);
    const o = x as { code?: unknown; cause?: unknown; errors?: unknown };
    if (typeof o.code === 'string' && /^[A-Z0-9_]{2,40}$/.test(o.code)) return o.code;
    queue.push(o.cause);
    if (Array.isArray(o.errors)) queue.push(...o.errors);
  }
  return 'fetch failed';
}
