/**
 * The only pages the app opens in the user's browser, and the check every URL passes before shell.openExternal.
 * The renderer names a target id (shared/ipc.ts EXTERNAL_TARGETS); main builds the URL for the user's host here.
 */
import type { ExternalTarget } from '../../shared/ipc';
import { assertNever } from '../../shared/errors';

// Query values stay exactly as documented for templates (%20, not '+').
const query = (params: Record<string, string>): string =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');

export const TOKEN_TEMPLATE = {
  name: 'Copilot Meter',
  description:
    'Read-only access to my Copilot usage for the Copilot Meter tray app (Account permissions → Plan: Read-only).',
  expiresInDays: 90,
} as const;

/**
 * Pre-filled fine-grained token page. `plan=read` is the likely parameter for the Plan permission but GitHub has
 * not documented it, so the wizard still tells the user to check Account permissions → Plan → Read-only.
 */
export function newTokenTemplateUrl(webHost = 'github.com'): string {
  return `https://${webHost}/settings/personal-access-tokens/new?${query({
    name: TOKEN_TEMPLATE.name,
    description: TOKEN_TEMPLATE.description,
    expires_in: String(TOKEN_TEMPLATE.expiresInDays),
    plan: 'read',
  })}`;
}

export function externalUrl(target: ExternalTarget, webHost = 'github.com'): string {
  switch (target) {
    case 'newTokenTemplate':
      return newTokenTemplateUrl(webHost);
    case 'tokensPage':
      return `https://${webHost}/settings/tokens?type=beta`;
    case 'billingPage':
      return `https://${webHost}/settings/billing`;
    case 'copilotSettings':
      return `https://${webHost}/settings/copilot`;
    default:
      return assertNever(target);
  }
}

/** Path prefixes on the allowed hosts: account settings and billing, nothing else. */
const ALLOWED_PATHS = [
  '/settings/personal-access-tokens',
  '/settings/tokens',
  '/settings/billing',
  '/settings/copilot',
];

/**
 * True only for https URLs on github.com or the user's own GHE/GHES web host, without credentials in the URL,
 * whose path is one of the settings/billing pages. Everything else (http, javascript:, lookalike hosts such as
 * github.com.evil.io, "https://github.com@evil.io") is refused.
 */
export function isAllowedExternalUrl(url: string, opts: { webHost?: string } = {}): boolean {
  if (typeof url !== 'string' || url.length > 2048) return false;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.protocol !== 'https:') return false;
  if (u.username || u.password) return false;
  const hosts = new Set(['github.com']);
  if (opts.webHost) hosts.add(opts.webHost.toLowerCase());
  // u.host includes a non-default port, so "github.com:8443" does not match "github.com".
  if (!hosts.has(u.host.toLowerCase())) return false;
  const path = u.pathname;
  return ALLOWED_PATHS.some((p) => path === p || path.startsWith(`${p}/`));
}
