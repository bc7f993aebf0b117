/**
 * The API base URL, normalised once (settings, --api-url, wizard) so the rest of the app can trust it:
 *   (empty)                      → https://api.github.com
 *   github.com, api.github.com   → https://api.github.com
 *   acme.ghe.com (data residency)→ https://api.acme.ghe.com
 *   ghes.corp, https://ghes.corp/ → https://ghes.corp/api/v3   (GitHub Enterprise Server)
 *   http://127.0.0.1:8080        → kept as typed (the loopback fake GitHub / a local proxy)
 * Plain http is refused for anything but loopback: the URL receives the user's token on every request.
 */
import { configError } from '../../../shared/errors';
import { containsTokenText } from '../../../shared/tokens';

export const DEFAULT_API_URL = 'https://api.github.com';

/**
 * 127.0.0.0/8, localhost, ::1. Not "*.localhost": Node resolves those through DNS like any other name, so a
 * network attacker could answer for them and receive tokens in clear text.
 */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost') return true;
  if (h === '::1' || h === '::ffff:7f00:1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

const GHE_TENANT = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.ghe\.com$/;
const GHE_API = /^api\.([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.ghe\.com$/;

/**
 * Throws AppError config: badInput (not a URL, not http(s), has user:password) or insecureUrl (plain http to a
 * host that is not loopback). Never returns a trailing slash.
 */
export function normalizeApiUrl(input?: string | null): string {
  const raw = (input ?? '').trim();
  if (raw === '') return DEFAULT_API_URL;
  // A token pasted into the address field must not be looked up in DNS, opened in a browser or echoed back.
  if (containsTokenText(raw)) {
    throw configError({ reason: 'badInput', detail: 'that looks like a token, not a GitHub address' });
  }
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw configError({ reason: 'badInput', detail: `not a URL: ${raw.slice(0, 100)}` });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw configError({ reason: 'badInput', detail: `unsupported scheme ${url.protocol}` });
  }
  if (url.username || url.password) {
    // A credential in the URL would end up in logs and settings files; tokens belong in the keychain.
    throw configError({ reason: 'badInput', detail: 'the API URL must not contain a user name or password' });
  }
  const host = url.hostname.toLowerCase();
  const loopback = isLoopbackHost(host);
  if (url.protocol === 'http:' && !loopback) {
    throw configError({ reason: 'insecureUrl', detail: url.host });
  }
  const path = url.pathname.replace(/\/+$/, '');

  if (loopback) return `${url.origin}${path}`;
  if (host === 'github.com' || host === 'www.github.com' || host === 'api.github.com') return DEFAULT_API_URL;
  if (GHE_API.test(host)) return url.origin;
  const tenant = GHE_TENANT.exec(host);
  if (tenant && tenant[1] !== 'api') return `https://api.${host}${url.port ? `:${url.port}` : ''}`;

  // GitHub Enterprise Server serves the REST API below /api/v3 on its own host.
  const v3 = path.toLowerCase().indexOf('/api/v3');
  if (v3 >= 0) return `${url.origin}${path.slice(0, v3)}/api/v3`;
  if (path.toLowerCase().endsWith('/api')) return `${url.origin}${path}/v3`;
  return `${url.origin}${path}/api/v3`;
}

/**
 * The web host an API base belongs to, for links and for AccountRef.host: api.github.com → github.com,
 * api.acme.ghe.com → acme.ghe.com, GHES → its host, loopback → host:port.
 */
export function webHost(apiBase: string): string {
  const url = new URL(apiBase);
  const host = url.hostname.toLowerCase();
  if (host === 'api.github.com') return 'github.com';
  const ghe = GHE_API.exec(host);
  if (ghe) return `${ghe[1]}.ghe.com`;
  return url.host;
}
