/**
 * Which API a token may be sent to. Tokens that belong to another host are never sent to this one; tokens that
 * do not say (COPILOT_METER_TOKEN) are. A loopback API (the fake GitHub of the tests, `--api-url
 * http://127.0.0.1:PORT`) plays github.com, so github.com tokens go to it as well, but only when
 * `loopbackPlaysGithub`: the user chose that loopback API outside the renderer (a CLI flag, the environment).
 * One the wizard's renderer named (setup:setServer), or a settings file, gets none of them.
 */
import { isLoopbackHost } from '../github/url';
import type { Credential } from './types';

export function mayUseOn(
  credential: Pick<Credential, 'host'>,
  webHost: string,
  loopbackPlaysGithub = true,
): boolean {
  if (credential.host === undefined) return true;
  const own = credential.host.toLowerCase();
  const host = webHost.toLowerCase();
  if (own === host) return true;
  return loopbackPlaysGithub && own === 'github.com' && isLoopbackHost(host.replace(/:\d+$/, ''));
}
