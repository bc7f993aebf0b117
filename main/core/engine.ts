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
import { normalizeApiUrl } from './github/url';
import { mayUseOn } from './credentials/host';
import type { Clock, Env, Files, Http, Random } from './ports';
import { createStrategies } from './strategies';
import type { UsagePreferences, UsageStrategy } from './strategies/types';
import { toErrorInfo } from './strategies/common';
import { timeoutError } from '../../shared/errors';
import { scrubSnapshot } from './usage/snapshot';
import type { HistoryStore } from './history/store';
import { backfillMonth, recordSample, syncFromBilling, type DayReader } from './history/sync';
import type { UsageSnapshot } from '../../shared/domain';

export interface EngineDeps {
  http: Http;
  clock: Clock;
  env: Env;
  files: Files;
  /** The app's PAT store; null/absent = no keychain source. */
  secrets?: SecretStore | null;
  /** The CLI's --token-stdin token for this run (the 'stdin' source); absent = none. */
  stdinToken?: string;
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
  /**
   * True when settings list a token saved in the keychain: then a keychain that cannot be read is THE problem
   * (start or unlock it), not "no token found".
   */
  keychainExpected?: boolean;
  /**
   * The account the user chose to see (settings' active account). The keychain's tokens of OTHER accounts are
   * left out of this refresh, or the chain would show whichever saved account answers first. Login compared
   * case-insensitively (GitHub logins are), host exactly (both come from the same "<host>/<login>" key).
   * Other sources (env, Copilot clients' sign-ins) are unaffected.
   */
  account?: { host: string; login: string };
  /**
   * The longest one refresh may take, all credentials, retries and waits included (default RUN_DEADLINE_MS):
   * then the chain stops with what it learned, as a timeout.
   */
  deadlineMs?: number;
  /**
   * Whether a loopback API may receive the github.com sign-ins found on disk (credentials/host.ts): true only
   * when the user chose that API outside the renderer (CLI flag, environment). Default true.
   */
  loopbackPlaysGithub?: boolean;
  /**
   * The daily history to keep up to date after a successful reading (history/sync.ts): a PAT reading backfills
   * and settles billing days, a Copilot sign-in reading records a sample. Its failures never fail the refresh.
   */
  history?: HistoryStore;
  /** Also fill this many months in all (the current one included) from the billing API, on demand (PAT only). */
  historyMonths?: number;
}

/** One refresh (the CLI's whole run) gives up after this long: five credentials × retries × 10 s timeouts
 *  would otherwise take minutes. */
export const RUN_DEADLINE_MS = 30_000;

export interface Engine {
  findCredentials(sources?: CredentialSourceId[]): Promise<CredentialLookup>;
  refresh(opts: RefreshOptions, signal?: AbortSignal): Promise<RefreshResult>;
  /** The shared client for an API URL (the setup check uses it so its answers warm the same cache). */
  client(apiUrl: string): GitHubClient;
  /** What the last refresh found (its problems: skipped files), so a caller need not read every source again. */
  lastLookup(): CredentialLookup | null;
}

/** Leaves out keychain tokens saved for another account than `account` (see RefreshOptions.account). */
export function credentialsOfAccount(
  credentials: readonly Credential[],
  account: { host: string; login: string } | undefined,
): Credential[] {
  if (!account) return [...credentials];
  const login = account.login.toLowerCase();
  return credentials.filter(
    (c) => c.source !== 'keychain' || (c.host === account.host && c.login?.toLowerCase() === login),
  );
}

/** The credentials that may be sent to this API host (see credentials/host.ts). */
export function credentialsFor(
  credentials: readonly Credential[],
  webHost: string,
  loopbackPlaysGithub = true,
): Credential[] {
  return credentials.filter((c) => mayUseOn(c, webHost, loopbackPlaysGithub));
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

  // Keyed by the URL as given (the settings value, the same every refresh) and by its normalised form.
  function client(apiUrl: string): GitHubClient {
    const given = clients.get(apiUrl);
    if (given) return given;
    const key = normalizeApiUrl(apiUrl);
    let c = clients.get(key);
    if (!c) {
      c = makeClient(key);
      clients.set(key, c);
    }
    clients.set(apiUrl, c);
    return c;
  }

  // The sources (and the paths they look at) depend only on deps: built once per selection, read every refresh.
  const sourceSets = new Map<string, ReturnType<typeof createCredentialSources>>();
  const findCredentials = (sources?: CredentialSourceId[]) => {
    const key = sources ? sources.join(',') : '*';
    let set = sourceSets.get(key);
    if (!set) {
      set = createCredentialSources(deps, sources);
      sourceSets.set(key, set);
    }
    return findAllCredentials(set);
  };

  let last: CredentialLookup | null = null;
  return {
    findCredentials,
    client,
    lastLookup: () => last,
    async refresh(opts, signal) {
      let github: GitHubClient;
      try {
        github = client(opts.apiUrl);
      } catch (e) {
        // A bad or insecure API URL: nothing is sent anywhere.
        return { ok: false, error: toErrorInfo(e), attempts: [] };
      }
      const lookup = await findCredentials(opts.sources);
      last = lookup;
      // The chosen account narrows the keychain only when it lives on this API's server; an account of another
      // server (settings point elsewhere) would otherwise leave no token at all.
      const account =
        opts.account && mayUseOn({ host: opts.account.host }, github.webHost) ? opts.account : undefined;
      const credentials = credentialsFor(
        credentialsOfAccount(lookup.credentials, account),
        github.webHost,
        opts.loopbackPlaysGithub ?? true,
      );
      // Nothing usable, and the keychain that should hold the token could not be read: that is the thing to fix.
      const keychainProblem = lookup.problems.find((p) => p.error?.kind === 'keychain')?.error;
      if (credentials.length === 0 && keychainProblem && opts.keychainExpected) {
        return { ok: false, error: keychainProblem, attempts: [] };
      }
      const deadlineMs = opts.deadlineMs ?? RUN_DEADLINE_MS;
      const run = new AbortController();
      const cancelDeadline = deps.clock.setTimer(deadlineMs, () =>
        run.abort(
          timeoutError({ timeoutMs: deadlineMs, detail: 'the whole refresh took too long; stopped' }),
        ),
      );
      const forward = () => run.abort(signal?.reason);
      if (signal?.aborted) forward();
      else signal?.addEventListener('abort', forward, { once: true });
      let chained;
      try {
        chained = await runChain(strategies, credentials, {
          github,
          clock: deps.clock,
          prefs: opts.prefs,
          signal: run.signal,
        });
      } finally {
        cancelDeadline();
        signal?.removeEventListener('abort', forward);
      }
      const { dayReader, ...chainResult } = chained;
      // A server that echoes a token back (as the login, as a model name) must not get it printed.
      const result: RefreshResult = chainResult.ok
        ? {
            ...chainResult,
            snapshot: scrubSnapshot(
              chainResult.snapshot,
              credentials.map((c) => c.token),
            ),
          }
        : chainResult;
      if (result.ok && opts.history) {
        await keepHistory(
          opts.history,
          result.snapshot,
          dayReader ?? null,
          opts.historyMonths ?? 1,
          deps.clock.now(),
          signal,
        );
      }
      return result;
    },
  };
}

/** Brings the history up to date after a reading; a history that cannot be read or written is left as it is. */
async function keepHistory(
  store: HistoryStore,
  snapshot: UsageSnapshot,
  reader: DayReader | null,
  months: number,
  now: number,
  signal?: AbortSignal,
): Promise<void> {
  try {
    if (!reader) {
      recordSample(store, snapshot, now);
      return;
    }
    const synced = await syncFromBilling(store, snapshot, reader, now, signal);
    const [y, m] = snapshot.period.split('-').map(Number) as [number, number];
    const before = (i: number) => new Date(Date.UTC(y, m - 1 - i, 1)).toISOString().slice(0, 7);
    // Last month, when it is kept, gets the days it never saw (the app was off at its end), once.
    if (months < 2 && synced.lastMonthHeld)
      await backfillMonth(store, snapshot, before(1), reader, now, signal, true);
    for (let i = 1; i < Math.min(months, 24); i++)
      await backfillMonth(store, snapshot, before(i), reader, now, signal);
  } catch {
    // A read-only or vanished folder: the reading stands; the history catches up on a later refresh.
  }
}
