/**
 * The usage engine facade the CLI and the tray use: finds credentials, keeps one GitHub client per API URL (so
 * the ETag cache and the login cache survive between refreshes), runs the strategy chain.
 */
import type { CredentialSourceId, RefreshResult } from '../../shared/domain';
import type { SecretStore } from '../secrets/types';
import { runChain } from './chain';
import { createCredentialSources, findAllCredentials } from './credentials';
import type { Credential, CredentialLookup } from './credentials/types';
import { createGitHubClient } from './github/client';
import type { GitHubClient } from './github/types';
import { isLoopbackHost, normalizeApiUrl } from './github/url';
import type { Clock, Env, Files, Http, Random } from './ports';
import { createStrategies } from './strategies';
import type { UsagePreferences, UsageStrategy } from './strategies/types';
import { toErrorInfo } from './strategies/common';

export interface EngineDeps {
  http: Http;
  clock: Clock;
  env: Env;
  files: Files;
  /** The app's PAT store; null/absent = no keychain source. */
  secrets?: SecretStore | null;
  /** Jitter for the client's backoff. */
  random?: Random;
  /** Tests and tools can swap how clients are made (default createGitHubClient). */
  createClient?: (apiUrl: string) => GitHubClient;
}

export interface RefreshOptions {
  apiUrl: string;
  prefs: UsagePreferences;
  /** Only these sources (e.g. the CLI's --source); default all. */
  sources?: CredentialSourceId[];
}

export interface Engine {
  findCredentials(sources?: CredentialSourceId[]): Promise<CredentialLookup>;
  refresh(opts: RefreshOptions, signal?: AbortSignal): Promise<RefreshResult>;
  /** The shared client for an API URL (the setup check uses it so its answers warm the same cache). */
  client(apiUrl: string): GitHubClient;
}

/**
 * Tokens that belong to another host are never sent to this one; tokens that do not say are (github.com's).
 * A loopback API (the fake GitHub of the tests, `--api-url http://127.0.0.1:PORT`, explicitly chosen by the
 * user) plays github.com, so github.com tokens go to it as well.
 */
export function credentialsFor(credentials: readonly Credential[], webHost: string): Credential[] {
  const host = webHost.toLowerCase();
  const loopback = isLoopbackHost(host.replace(/:\d+$/, ''));
  return credentials.filter((c) => {
    if (c.host === undefined) return true;
    const own = c.host.toLowerCase();
    return own === host || (loopback && own === 'github.com');
  });
}

export function createEngine(deps: EngineDeps): Engine {
  const clients = new Map<string, GitHubClient>();
  const strategies: UsageStrategy[] = createStrategies();
  const makeClient =
    deps.createClient ??
    ((apiUrl: string) =>
      createGitHubClient({
        apiUrl,
        http: deps.http,
        clock: deps.clock,
        ...(deps.random ? { random: deps.random } : {}),
      }));

  function client(apiUrl: string): GitHubClient {
    const key = normalizeApiUrl(apiUrl);
    let c = clients.get(key);
    if (!c) {
      c = makeClient(key);
      clients.set(key, c);
    }
    return c;
  }

  const findCredentials = (sources?: CredentialSourceId[]) =>
    findAllCredentials(createCredentialSources(deps, sources));

  return {
    findCredentials,
    client,
    async refresh(opts, signal) {
      let github: GitHubClient;
      try {
        github = client(opts.apiUrl);
      } catch (e) {
        // A bad or insecure API URL: nothing is sent anywhere.
        return { ok: false, error: toErrorInfo(e), attempts: [] };
      }
      const lookup = await findCredentials(opts.sources);
      const credentials = credentialsFor(lookup.credentials, github.webHost);
      return runChain(strategies, credentials, {
        github,
        clock: deps.clock,
        prefs: opts.prefs,
        ...(signal ? { signal } : {}),
      });
    },
  };
}
